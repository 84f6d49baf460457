//! A read-only token/sentence view of a document for the quote finder.
//!
//! The quote stage must work whatever layers ran before it: it uses the segmenter's tokens and
//! sentences (and the parser's tags when present), and otherwise falls back to a small tokenizer
//! and sentence splitter of its own so that quotes are still found in a bare `Doc`.

use dyad_doc::{Doc, Span, Tag};
use std::borrow::Cow;
use std::ops::Range;

/// Text of a token layer, borrowed from the document when it can be (words and lemmas already
/// in lower case) and owned otherwise: the view costs little beyond the
/// document's own tokens, even for a document of millions of tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text<'a>(Cow<'a, str>);

impl<'a> Text<'a> {
    /// `s` in lower case, borrowed when it already is.
    pub fn lower(s: &'a str) -> Text<'a> {
        // ASCII text (nearly every token) lowers byte by byte, as `to_lowercase` would.
        if s.is_ascii() {
            return if s.bytes().any(|b| b.is_ascii_uppercase()) {
                Text(Cow::Owned(s.to_ascii_lowercase()))
            } else {
                Text(Cow::Borrowed(s))
            };
        }
        // Exactly `to_lowercase`: titlecase letters and the like change too.
        if s.chars().flat_map(char::to_lowercase).eq(s.chars()) {
            Text(Cow::Borrowed(s))
        } else {
            Text(Cow::Owned(s.to_lowercase()))
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(s: &'a str) -> Text<'a> {
        Text(Cow::Borrowed(s))
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl std::fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A token as the quote finder sees it.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// Byte span in the document text.
    pub span: Span,
    /// Lower-cased text.
    pub lower: Text<'a>,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Universal POS tag (empty when untagged).
    pub upos: Tag,
    /// Lemma, lower case (empty when untagged).
    pub lemma: Text<'a>,
    /// Dependency relation (empty when unparsed).
    pub deprel: Tag,
    /// Head token (view index), when parsed.
    pub head: Option<usize>,
}

/// A sentence of the view.
#[derive(Debug, Clone)]
pub struct Sent {
    /// Byte span.
    pub span: Span,
    /// Token range (view indices).
    pub toks: Range<usize>,
    /// Paragraph number.
    pub paragraph: usize,
}

/// Tokens and sentences, borrowed from the document or computed here.
#[derive(Debug, Clone)]
pub struct View<'a> {
    /// Tokens in text order.
    pub toks: Vec<Tok<'a>>,
    /// Sentences in text order.
    pub sents: Vec<Sent>,
    /// Whether the tokens carry POS tags.
    pub tagged: bool,
    /// Whether the tokens carry a dependency parse.
    pub parsed: bool,
}

fn make_tok(text: &str, span: Span) -> Tok<'_> {
    let s = &text[span.start..span.end];
    Tok {
        span,
        lower: Text::lower(s),
        cap: s.chars().next().is_some_and(char::is_uppercase),
        upos: Tag::EMPTY,
        lemma: Text::default(),
        deprel: Tag::EMPTY,
        head: None,
    }
}

impl<'a> View<'a> {
    /// Build the view of `doc`: its own layers when present, the fallback segmentation otherwise.
    pub fn new(doc: &'a Doc) -> View<'a> {
        let valid = !doc.tokens.is_empty()
            && !doc.sentences.is_empty()
            && doc.tokens.iter().all(|t| {
                t.span.start <= t.span.end
                    && t.span.end <= doc.text.len()
                    && doc.text.is_char_boundary(t.span.start)
                    && doc.text.is_char_boundary(t.span.end)
            })
            && doc
                .sentences
                .iter()
                .all(|s| s.tokens.end <= doc.tokens.len());
        if !valid {
            return View::fallback(&doc.text);
        }
        let toks: Vec<Tok> = doc
            .tokens
            .iter()
            .map(|t| {
                let mut k = make_tok(&doc.text, t.span);
                k.upos = t.upos;
                k.lemma = Text::lower(&t.lemma);
                k.deprel = t.deprel;
                k.head = t.head.filter(|&h| h < doc.tokens.len());
                k
            })
            .collect();
        let tagged = toks.iter().any(|t| !t.upos.is_empty());
        let parsed = toks.iter().any(|t| !t.deprel.is_empty());
        let sents = doc
            .sentences
            .iter()
            .map(|s| Sent {
                span: s.span,
                toks: s.tokens.clone(),
                paragraph: s.paragraph,
            })
            .collect();
        View {
            toks,
            sents,
            tagged,
            parsed,
        }
    }

    /// Segment `text` with the built-in tokenizer and sentence splitter.
    pub fn fallback(text: &'a str) -> View<'a> {
        let toks: Vec<Tok> = tokenize(text)
            .into_iter()
            .map(|s| make_tok(text, s))
            .collect();
        let sents = split_sentences(text, &toks);
        View {
            toks,
            sents,
            tagged: false,
            parsed: false,
        }
    }

    /// Index of the sentence containing byte `b` (or the last sentence starting before it).
    pub fn sent_at(&self, b: usize) -> Option<usize> {
        let i = self.sents.partition_point(|s| s.span.start <= b);
        i.checked_sub(1)
    }

    /// First token starting at or after byte `b`.
    pub fn tok_from(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < b)
    }

    /// One past the last token ending at or before byte `b`.
    pub fn tok_until(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.span.end <= b)
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "jr", "sr", "lt", "col", "sgt",
    "prof", "inc", "corp", "co", "vs", "etc", "no", "jan", "feb", "aug", "sept", "sep", "oct",
    "nov", "dec", "lt", "capt", "adm", "maj", "rev", "ft", "mt",
];

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '(' | '[' | '{' | '«' | '„' | '—' | '–'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | '’'
            | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '—'
            | '–'
            | '…'
    )
}

/// Whitespace-separated chunks with leading and trailing punctuation split off; dashes inside a
/// chunk split it; a possessive `'s` becomes its own token; abbreviations keep their period.
fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                split_chunk(text, s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

fn split_chunk(text: &str, mut s: usize, mut e: usize, out: &mut Vec<Span>) {
    // Dashes inside the chunk split it into pieces.
    if let Some((off, c)) = text[s..e]
        .char_indices()
        .find(|&(o, c)| o > 0 && matches!(c, '—' | '–') && s + o + c.len_utf8() < e)
    {
        let mid = s + off;
        split_chunk(text, s, mid, out);
        out.push(Span::new(mid, mid + c.len_utf8()));
        split_chunk(text, mid + c.len_utf8(), e, out);
        return;
    }
    while s < e {
        let c = text[s..e].chars().next().unwrap_or(' ');
        if is_open_punct(c) {
            out.push(Span::new(s, s + c.len_utf8()));
            s += c.len_utf8();
        } else {
            break;
        }
    }
    let mut tail = Vec::new();
    while e > s {
        let c = text[s..e].chars().next_back().unwrap_or(' ');
        if !is_close_punct(c) {
            break;
        }
        if c == '.' {
            let word = &text[s..e - 1];
            let lower = word.to_lowercase();
            let letters = word.split('.').all(|p| p.chars().count() <= 1)
                && word.chars().any(char::is_alphabetic);
            // "U.S." is an abbreviation; a single letter only as a middle initial ("John F. Kennedy"),
            // not "on X." at the end of a sentence.
            let prev_cap = text[..s]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
            let initials = letters && (word.contains('.') || prev_cap);
            if ABBREVIATIONS.contains(&lower.as_str()) || initials {
                break;
            }
        }
        tail.push(Span::new(e - c.len_utf8(), e));
        e -= c.len_utf8();
    }
    if e > s {
        let w = &text[s..e];
        let poss = ["’s", "'s"]
            .iter()
            .find(|p| w.len() > p.len() && w.ends_with(*p));
        match poss {
            Some(p) => {
                out.push(Span::new(s, e - p.len()));
                out.push(Span::new(e - p.len(), e));
            }
            None => out.push(Span::new(s, e)),
        }
    }
    out.extend(tail.into_iter().rev());
}

fn split_sentences(text: &str, toks: &[Tok]) -> Vec<Sent> {
    let mut sents = Vec::new();
    let mut start = 0;
    let mut paragraph = 0;
    let mut i = 0;
    while i < toks.len() {
        let mut end_here = false;
        let mut next_para = false;
        let lw = toks[i].lower.as_str();
        if matches!(lw, "." | "!" | "?" | "…") {
            // Swallow closing quotes and brackets after the terminator.
            while i + 1 < toks.len()
                && matches!(toks[i + 1].lower.as_str(), "”" | "\"" | "’" | "'" | ")")
                && toks[i + 1].span.start == toks[i].span.end
            {
                i += 1;
            }
            match toks.get(i + 1) {
                None => end_here = true,
                Some(n) => {
                    let c = text[n.span.start..].chars().next().unwrap_or(' ');
                    end_here = c.is_uppercase() || c.is_numeric() || is_open_punct(c);
                }
            }
        }
        if let Some(n) = toks.get(i + 1) {
            if text[toks[i].span.end..n.span.start].contains('\n') {
                end_here = true;
                next_para = true;
            }
        } else {
            end_here = true;
        }
        if end_here {
            sents.push(Sent {
                span: Span::new(toks[start].span.start, toks[i].span.end),
                toks: start..i + 1,
                paragraph,
            });
            start = i + 1;
            if next_para {
                paragraph += 1;
            }
        }
        i += 1;
    }
    sents
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn lower_text_is_borrowed_only_when_already_lower_case() {
        for s in [
            "said", "Said", "U.S.", "ǅemal", "Straße", "", "élan", "ÉLAN",
        ] {
            let t = Text::lower(s);
            assert_eq!(t.as_str(), s.to_lowercase(), "{s}");
            assert_eq!(
                matches!(t.0, Cow::Borrowed(_)),
                s == s.to_lowercase(),
                "{s}"
            );
        }
    }

    #[test]
    fn tokenizer_splits_punctuation_and_keeps_abbreviations() {
        assert_eq!(
            words("“Peace now,” Mr. Smith’s aide told the U.S. envoy—again."),
            vec![
                "“", "Peace", "now", ",", "”", "Mr.", "Smith", "’s", "aide", "told", "the", "U.S.",
                "envoy", "—", "again", "."
            ]
        );
    }

    #[test]
    fn sentences_and_paragraphs() {
        let text =
            "The minister spoke. “We will see,” he said.\n\nDr. Lee left. Then the U.S. team came";
        let v = View::fallback(text);
        let s: Vec<(&str, usize)> = v
            .sents
            .iter()
            .map(|s| (&text[s.span.start..s.span.end], s.paragraph))
            .collect();
        assert_eq!(
            s,
            vec![
                ("The minister spoke.", 0),
                ("“We will see,” he said.", 0),
                ("Dr. Lee left.", 1),
                ("Then the U.S. team came", 1)
            ]
        );
    }
}
