//! Sentence and token segmentation.
//!
//! Hand-written rather than built on a crate: UD-style tokens (clitics, hyphens, abbreviations kept
//! with their period) and news-specific sentence rules (quotes closing after the full stop,
//! one-paragraph-per-line articles, headlines without a full stop, hard-wrapped wire text) are the
//! product's core, and `unicode-segmentation`'s UAX #29 sentence rules split after "Mr." and keep
//! "don't" whole. A single pass over the text keeps it well above 20 MB/s.
//!
//! Layout rules: a blank line always separates paragraphs. A single line break separates
//! paragraphs too, unless the text looks hard-wrapped (many lines continue in lower case), in which
//! case only blank lines and indented lines start paragraphs.

mod abbrev;
mod tokenize;

use dyad_doc::{Doc, Sentence, Span, Stage, StageError, Token};

/// Sentences longer than this many tokens are cut, so that later stages stay linear on odd input
/// (a 50 MB line of text without punctuation).
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// The segmentation stage: fills `Doc::sentences` and `Doc::tokens`.
#[derive(Debug, Default, Clone)]
pub struct Segmenter;

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), StageError> {
        let (tokens, sentences) = segment(&doc.text);
        doc.tokens = tokens;
        doc.sentences = sentences;
        Ok(())
    }
}

/// Break strength of the whitespace between two tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Space,
    Line,
    Paragraph,
}

/// Segment `text` into tokens and sentences.
pub fn segment(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    let mut pieces = Vec::with_capacity(text.len() / 5);
    tokenize::tokenize(text, &mut pieces);
    let wrapped = looks_hard_wrapped(text);
    let mut tokens: Vec<Token> = Vec::with_capacity(pieces.len());
    let mut gaps: Vec<Gap> = Vec::with_capacity(pieces.len());
    for (k, &(s, e)) in pieces.iter().enumerate() {
        let next_start = pieces.get(k + 1).map_or(text.len(), |p| p.0);
        let gap = classify_gap(&text[e..next_start], wrapped);
        tokens.push(Token {
            span: Span::new(s, e),
            space_after: gap != Gap::None,
            ..Token::default()
        });
        gaps.push(gap);
    }
    let sentences = split_sentences(text, &tokens, &gaps);
    (tokens, sentences)
}

fn classify_gap(ws: &str, wrapped: bool) -> Gap {
    if ws.is_empty() {
        return Gap::None;
    }
    let newlines = ws.bytes().filter(|&b| b == b'\n').count();
    match newlines {
        0 => Gap::Space,
        1 if wrapped => {
            // In wrapped text an indented next line starts a paragraph.
            let after = &ws[ws.rfind('\n').unwrap() + 1..];
            if after.starts_with(' ') || after.starts_with('\t') {
                Gap::Paragraph
            } else {
                Gap::Line
            }
        }
        1 => Gap::Paragraph,
        _ => Gap::Paragraph,
    }
}

/// Whether single line breaks are soft wraps: at least three of them, and at least a fifth
/// followed by a lower-case continuation.
fn looks_hard_wrapped(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut singles, mut lower) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'\n' {
            continue;
        }
        let prev_nl = i > 0 && bytes[i - 1] == b'\n';
        let next = bytes.get(i + 1).copied();
        if prev_nl || next == Some(b'\n') {
            continue;
        }
        singles += 1;
        if next.is_some_and(|c| c.is_ascii_lowercase()) {
            lower += 1;
        }
    }
    singles >= 3 && lower * 5 >= singles
}

fn is_terminal(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closing(text: &str, tokens: &[Token], k: usize) -> bool {
    let t = &text[tokens[k].span.start..tokens[k].span.end];
    match t {
        "”" | "’" | "»" | ")" | "]" | "}" => true,
        // A straight quote attached to the previous token closes.
        "\"" | "'" => k > 0 && !tokens[k - 1].space_after,
        _ => false,
    }
}

fn starts_sentence_like(t: &str) -> bool {
    match t.chars().next() {
        Some(c) => !c.is_lowercase(),
        None => false,
    }
}

fn split_sentences(text: &str, tokens: &[Token], gaps: &[Gap]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut paragraph = 0;
    let tok = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    let mut k = 0;
    while k < tokens.len() {
        // A run-in heading or caption glued to the next sentence by lost layout ("Regional
        // response The minister said ..."): a sentence of its own.
        if k > start && glued_heading(&tok, tokens, gaps, start, k) {
            sentences.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[k - 1].span.end),
                tokens: start..k,
                paragraph,
            });
            start = k;
        }
        let mut end = k; // last token of a candidate sentence
        let mut brk = false;
        let t = tok(k);
        if gaps[k] == Gap::Paragraph || tweet_end(&tok, k) {
            brk = true;
        } else if is_terminal(t) || abbrev_may_end(t, k, tokens, text) {
            // Absorb closing quotes and brackets that follow the full stop.
            while end + 1 < tokens.len()
                && gaps[end] != Gap::Paragraph
                && is_closing(text, tokens, end + 1)
            {
                end += 1;
            }
            if gaps[end] == Gap::Paragraph || end + 1 == tokens.len() {
                brk = true;
            } else if tokens[end].space_after {
                let next = tok(end + 1);
                let quoted = end > k; // closing quotes/brackets followed the full stop
                brk = if !is_terminal(t) {
                    abbrev::is_sentence_starter(next)
                } else if quoted || t.starts_with("..") || t.starts_with('…') {
                    // `“Why?” he asked` and `wait … and then`: a lower-case word continues.
                    starts_sentence_like(next)
                } else {
                    // A bare full stop is not an abbreviation (those keep their period), so it ends
                    // the sentence even before a lower-case word (informal text).
                    true
                };
            }
        }
        if end + 1 - start >= MAX_SENTENCE_TOKENS {
            brk = true;
        }
        if brk || end + 1 == tokens.len() {
            sentences.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[end].span.end),
                tokens: start..end + 1,
                paragraph,
            });
            if gaps[end] == Gap::Paragraph {
                paragraph += 1;
            }
            start = end + 1;
        }
        k = end + 1;
    }
    sentences
}

/// Words that open a sentence and, written with a capital inside a sentence of running text,
/// mark the start of a new one: prepositions and conjunctions that open a clause, pronouns, and
/// determiners (the determiners only before a lower-case word: "The Hague", "A Kenyan court").
const GLUE_OPENERS: &[&str] = &[
    "In",
    "But",
    "And",
    "However",
    "Under",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "At",
    "On",
    "For",
    "With",
    "According",
    "Since",
    "Despite",
    "Meanwhile",
    "If",
    "Although",
    "During",
    "Following",
    "Asked",
    "Speaking",
    "He",
    "She",
    "It",
    "They",
    "We",
    "There",
];
const GLUE_DETERMINERS: &[&str] = &[
    "The", "A", "An", "This", "These", "Those", "Its", "His", "Her", "Their", "Some", "Many",
    "More",
];
/// Lower-case words after which a capitalised opener belongs to a title or name inside the
/// sentence ("told The Associated Press", "a member of The Group").
const GLUE_NOT_AFTER: &[&str] = &[
    "in", "of", "to", "and", "or", "the", "a", "an", "for", "on", "at", "by", "with", "from", "as",
    "is", "was", "are", "were", "be", "said", "says", "told", "tells", "that", "between", "into",
    "about", "than", "like", "called", "named", "titled", "entitled", "dubbed", "read", "wrote",
    "starring", "film", "movie", "book", "song", "album", "show", "series",
];

/// Whether token `k` opens a sentence glued after a run-in heading or caption that began at
/// `start`: the heading is 2 to 9 words without punctuation, at the start of a paragraph or
/// after a full stop, not written in title case (a headline in capitals keeps its words); `k` is
/// a capitalised opener ([`GLUE_OPENERS`], or one of [`GLUE_DETERMINERS`] before a lower-case
/// word) after a word that is not a lower-case function word ([`GLUE_NOT_AFTER`]).
fn glued_heading<'a>(
    tok: &impl Fn(usize) -> &'a str,
    tokens: &[Token],
    gaps: &[Gap],
    start: usize,
    k: usize,
) -> bool {
    let n = k - start;
    if !(2..=9).contains(&n) || k + 1 >= tokens.len() || gaps[k - 1] == Gap::None {
        return false;
    }
    let t = tok(k);
    let opener = GLUE_OPENERS.contains(&t)
        || (GLUE_DETERMINERS.contains(&t) && tok(k + 1).starts_with(|c: char| c.is_lowercase()));
    if !opener {
        return false;
    }
    // The heading follows a full stop (or opens the text or a paragraph).
    if start > 0 && gaps[start - 1] != Gap::Paragraph {
        let prev = tok(start - 1);
        if !(is_terminal(prev) || matches!(prev, "\"" | "”" | "’" | "'" | ")")) {
            return false;
        }
    }
    let words = || (start..k).map(tok);
    // Words only: no punctuation, numbers or symbols inside the heading.
    if !words().all(|w| {
        w.chars().next().is_some_and(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
    }) || words().any(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        return false;
    }
    // Not in title case: some word of the heading after its first is lower-case.
    if !words().skip(1).any(|w| w.starts_with(char::is_lowercase)) {
        return false;
    }
    let prev = tok(k - 1);
    if prev.starts_with(char::is_lowercase) {
        !GLUE_NOT_AFTER.contains(&prev)
    } else {
        // Between two capitalised words the opener is part of a title ("Lost In Translation").
        !tok(k + 1).starts_with(char::is_uppercase)
    }
}

/// Whether token `k` ends an embedded tweet: its picture link ("pic.twitter.com/…") or the year
/// of its credit line ("— Name (@handle) March 27, 2017"). The text after it is another sentence.
fn tweet_end<'a>(tok: &impl Fn(usize) -> &'a str, k: usize) -> bool {
    let t = tok(k);
    if t.len() > 16 && t.is_char_boundary(16) && t[..16].eq_ignore_ascii_case("pic.twitter.com/") {
        return true;
    }
    const MONTHS: &str =
        "January February March April May June July August September October November December";
    k >= 5
        && t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && tok(k - 1) == ","
        && tok(k - 2).len() <= 2
        && tok(k - 2).bytes().all(|b| b.is_ascii_digit())
        && MONTHS.split(' ').any(|m| m == tok(k - 3))
        && tok(k - 4) == ")"
        && tok(k - 5).starts_with('@')
}

fn abbrev_may_end(t: &str, _k: usize, _tokens: &[Token], _text: &str) -> bool {
    t.len() > 1 && t.ends_with('.') && !abbrev::never_ends_sentence(t) && abbrev::is_abbreviation(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let (tokens, _) = segment(text);
        tokens
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        let (_, s) = segment(text);
        s.iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sents("Mr. Smith met Gen. J. R. Allen in the U.S. Senate on Jan. 5 at 9 a.m. local time. Talks ended."),
            ["Mr. Smith met Gen. J. R. Allen in the U.S. Senate on Jan. 5 at 9 a.m. local time.", "Talks ended."]
        );
    }

    #[test]
    fn abbreviation_can_end_a_sentence_before_a_starter() {
        assert_eq!(
            sents("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
    }

    #[test]
    fn decimals_and_ellipses() {
        assert_eq!(
            sents("Growth was 2.5 percent. Prices rose."),
            ["Growth was 2.5 percent.", "Prices rose."]
        );
        assert_eq!(
            sents("He paused … and went on. Then he left."),
            ["He paused … and went on.", "Then he left."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            sents("“We want peace.” The minister left. (He said no.) Next."),
            [
                "“We want peace.”",
                "The minister left.",
                "(He said no.)",
                "Next."
            ]
        );
        assert_eq!(
            sents("He said \"no.\" Then he left."),
            ["He said \"no.\"", "Then he left."]
        );
    }

    #[test]
    fn paragraphs_and_headlines() {
        let text = "Leaders Meet in Geneva\nThe talks opened on Monday. Both sides attended.\n\nA second round is due.";
        let (_, s) = segment(text);
        let texts: Vec<&str> = s.iter().map(|s| &text[s.span.start..s.span.end]).collect();
        assert_eq!(
            texts,
            [
                "Leaders Meet in Geneva",
                "The talks opened on Monday.",
                "Both sides attended.",
                "A second round is due."
            ]
        );
        assert_eq!(
            s.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            [0, 1, 1, 2]
        );
    }

    #[test]
    fn hard_wrapped_text_joins_lines() {
        let text = "The central bank said on Tuesday that it\nwould raise rates by half a point to\ncurb inflation, which has risen\nsharply.\n    The move was expected.";
        assert_eq!(sents(text).len(), 2);
        assert!(sents(text)[0].ends_with("sharply."));
    }

    #[test]
    fn lowercase_after_quote_or_ellipsis_continues_but_after_bare_period_splits() {
        assert_eq!(
            sents("“Why?” he asked. ok then."),
            ["“Why?” he asked.", "ok then."]
        );
        assert_eq!(
            sents("We waited ... and waited."),
            ["We waited ... and waited."]
        );
        assert_eq!(sents("See e.g. the annex."), ["See e.g. the annex."]);
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(1000);
        let (tokens, s) = segment(&text);
        assert_eq!(tokens.len(), 1000);
        assert!(s.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(s.iter().map(|s| s.tokens.len()).sum::<usize>(), 1000);
    }

    #[test]
    fn a_hyphen_glued_after_a_closing_quote_is_its_own_token() {
        let text = "\"We cannot pay,\"-he said. A well-known, \"semi-final\" match.";
        assert_eq!(
            words(text),
            [
                "\"",
                "We",
                "can",
                "not",
                "pay",
                ",",
                "\"",
                "-",
                "he",
                "said",
                ".",
                "A",
                "well-known",
                ",",
                "\"",
                "semi-final",
                "\"",
                "match",
                "."
            ]
        );
    }

    #[test]
    fn a_reporting_verb_glued_to_a_name_by_a_hyphen_is_split_off() {
        let text =
            "Speaker Paul Ryan-said he was glad, said-Hamid Reza. A so-called self-told tale.";
        assert_eq!(
            words(text),
            [
                "Speaker",
                "Paul",
                "Ryan",
                "-",
                "said",
                "he",
                "was",
                "glad",
                ",",
                "said",
                "-",
                "Hamid",
                "Reza",
                ".",
                "A",
                "so-called",
                "self-told",
                "tale",
                "."
            ]
        );
    }

    #[test]
    fn a_run_in_heading_glued_to_its_paragraph_is_a_sentence() {
        assert_eq!(
            sents("The vote passed. Farmers angry In a statement, the union said no."),
            [
                "The vote passed.",
                "Farmers angry",
                "In a statement, the union said no."
            ]
        );
        assert_eq!(
            sents("Talks ended. Trade worries The minister said more."),
            ["Talks ended.", "Trade worries", "The minister said more."]
        );
        // Names, titles and title-case headlines keep the sentence whole.
        for one in [
            "He told The Associated Press about it.",
            "Talks ended. She met officials in The Hague on Monday.",
            "Talks ended. Gone With The Wind is a film.",
            "Talks ended. Voters in Kenya A Kenyan court ruled.",
            "Talks ended. The film Lost In Translation was shown.",
        ] {
            let want: Vec<&str> = if one.starts_with("Talks ended.") {
                vec!["Talks ended.", &one[13..]]
            } else {
                vec![one]
            };
            assert_eq!(sents(one), want, "{one}");
        }
    }

    #[test]
    fn an_embedded_tweet_ends_at_its_picture_link_and_its_credit() {
        assert_eq!(
            sents("Ministers say the plan works pic.twitter.com/Ab12Cd34 - Norland News (@nnews) March 2, 2017 The vote was held."),
            [
                "Ministers say the plan works pic.twitter.com/Ab12Cd34",
                "- Norland News (@nnews) March 2, 2017",
                "The vote was held."
            ]
        );
        // A date in running text is no credit line.
        assert_eq!(
            sents("The law of March 2, 2017 took effect."),
            ["The law of March 2, 2017 took effect."]
        );
    }

    #[test]
    fn space_after_is_recorded() {
        let (tokens, _) = segment("Hi, you.");
        assert_eq!(
            tokens.iter().map(|t| t.space_after).collect::<Vec<_>>(),
            [false, true, false, false]
        );
    }
}
