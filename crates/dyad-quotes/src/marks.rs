//! Pairing quotation marks into quoted segments, on the raw text.
//!
//! Handles curly, straight and guillemet marks; news-style continuation (a quote left open at the
//! end of a paragraph continues when the next paragraph opens with a mark); unbalanced marks (a
//! stray close is ignored, a quote never closed ends with its paragraph). Never fails.

use dyad_doc::Span;

/// A quoted stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// From the opening mark to the closing mark inclusive (or the paragraph end).
    pub outer: Span,
    /// Between the marks.
    pub content: Span,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Whether the segment continues over a paragraph break.
    pub multi_paragraph: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
}

fn classify(text: &str, pos: usize, c: char, inside: bool) -> Option<Mark> {
    match c {
        '“' | '„' | '«' => Some(Mark::Open),
        '”' | '»' => Some(Mark::Close),
        '"' => classify_straight(text, pos, 1, inside),
        _ => None,
    }
}

/// Whether a straight mark of `len` bytes at `pos` opens or closes, from its neighbours.
fn classify_straight(text: &str, pos: usize, len: usize, inside: bool) -> Option<Mark> {
    let prev = text[..pos].chars().next_back();
    let next = text[pos + len..].chars().next();
    let prev_open = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let next_close = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–".contains(n));
    Some(match (prev_open, next_close) {
        (true, false) => Mark::Open,
        (false, true) => Mark::Close,
        _ if inside => Mark::Close,
        _ => Mark::Open,
    })
}

fn para_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |i| from + i)
}

fn starts_paragraph(text: &str, pos: usize) -> bool {
    let before = &text[..pos];
    match before.rfind('\n') {
        Some(nl) => before[nl + 1..].trim().is_empty(),
        None => before.trim().is_empty(),
    }
}

/// All quoted segments of `text`, in text order, non-overlapping.
pub fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    // (position of the opening mark, its length, position of the latest continuation mark, multi)
    let mut open: Option<(usize, usize, usize, bool)> = None;
    let emit = |out: &mut Vec<Segment>,
                o: usize,
                olen: usize,
                end: usize,
                close_len: usize,
                closed,
                multi| {
        let cs = o + olen;
        if end > cs && !text[cs..end].trim().is_empty() {
            out.push(Segment {
                outer: Span::new(o, end + close_len),
                content: Span::new(cs, end),
                closed,
                multi_paragraph: multi,
            });
        }
    };
    let mut skip_next = false;
    for (pos, c) in text.char_indices() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        // A doubled apostrophe or backtick ('' ``) is a double quotation mark in some newswire text.
        let doubled = matches!(c, '\'' | '`') && text[pos + 1..].starts_with(c);
        let mark = if doubled {
            skip_next = true;
            if c == '`' {
                Some(Mark::Open)
            } else {
                classify_straight(text, pos, 2, open.is_some())
            }
        } else {
            classify(text, pos, c, open.is_some())
        };
        let Some(mark) = mark else { continue };
        let c_len = if doubled { 2 } else { c.len_utf8() };
        if let Some((o, olen, last, multi)) = open {
            if text[last..pos].contains('\n') {
                if mark == Mark::Open && starts_paragraph(text, pos) {
                    open = Some((o, olen, pos, true));
                    continue;
                }
                let end = para_end(text, last);
                emit(&mut out, o, olen, end, 0, false, multi);
                open = None;
            }
        }
        match (mark, open) {
            (Mark::Open, _) => open = Some((pos, c_len, pos, false)),
            (Mark::Close, Some((o, olen, _, multi))) => {
                emit(&mut out, o, olen, pos, c_len, true, multi);
                open = None;
            }
            (Mark::Close, None) => {}
        }
    }
    if let Some((o, olen, last, multi)) = open {
        let end = para_end(text, last);
        emit(&mut out, o, olen, end, 0, false, multi);
    }
    out
}

/// The most sentences a quotation paragraph run into the next may hold.
pub const RUN_ON_SENTENCES: usize = 5;

/// Quotation paragraphs run together: stretches from an opening mark that starts a sentence to a
/// later opening mark that starts another, in the same paragraph with no closing mark between
/// (`“It is over. “We lost,” she said.`: news copy whose paragraph breaks were lost, the first
/// paragraph of a quote left open). [`segments`] reads the second mark as the real opening and
/// leaves the first stretch outside every segment, though it is quoted speech. Only straight and
/// curly double marks count; an opening mark must be followed by a capital letter or digit and
/// stand after a space at the paragraph start or after a sentence's end (so a dash typed as a
/// mark is none), a mark between two letters is an apostrophe (`didn"t`), and a stretch is a
/// paragraph of at most [`RUN_ON_SENTENCES`] sentences (a longer one has lost its closing mark).
pub fn run_on_quotes(text: &str) -> Vec<Span> {
    // `first`: the mark opens the stretch (it may follow a colon: `said: “…`); else it opens the
    // next paragraph, after a sentence's end (a colon there introduces a new quotation).
    let opens_sentence = |pos: usize, len: usize, first: bool| {
        let next = text[pos + len..].chars().next();
        let spaced = text[..pos].ends_with([' ', '\t', '\n']) || pos == 0;
        let before = text[..pos].trim_end_matches([' ', '\t']);
        spaced
            && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit())
            && (before.is_empty()
                || before.ends_with(['\n', '.', '!', '?'])
                || first && before.ends_with(':'))
    };
    let sentences = |s: &str| {
        s.match_indices(['.', '!', '?'])
            .filter(|(i, _)| s[i + 1..].starts_with(' '))
            .count()
    };
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (pos, c) in text.char_indices() {
        // A line break, or a doubled apostrophe or backtick (a mark of its own in some
        // newswire text), ends the stretch.
        if c == '\n' || matches!(c, '\'' | '`') && text[pos + 1..].starts_with(c) {
            open = None;
            continue;
        }
        let glued = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
        if c == '"'
            && glued(text[..pos].chars().next_back())
            && glued(text[pos + 1..].chars().next())
        {
            continue;
        }
        let Some(mark) = classify(text, pos, c, open.is_some()) else {
            continue;
        };
        match mark {
            Mark::Open => {
                if let Some(o) = open {
                    if opens_sentence(pos, c.len_utf8(), false)
                        && sentences(&text[o..pos]) <= RUN_ON_SENTENCES
                    {
                        out.push(Span::new(o, pos));
                    }
                }
                open = opens_sentence(pos, c.len_utf8(), true).then_some(pos + c.len_utf8());
            }
            Mark::Close => open = None,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        segments(text)
            .iter()
            .map(|s| &text[s.content.start..s.content.end])
            .collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            contents("“We agree,” she said. He said \"no way\" twice."),
            vec!["We agree,", "no way"]
        );
    }

    #[test]
    fn news_style_continuation_across_paragraphs() {
        let t = "“First part of it.\n\n“Second part,” he said.\n\nNext.";
        let s = segments(t);
        assert_eq!(s.len(), 1);
        assert!(s[0].multi_paragraph && s[0].closed);
        assert_eq!(
            &t[s[0].content.start..s[0].content.end],
            "First part of it.\n\n“Second part,"
        );
    }

    #[test]
    fn unbalanced_marks_never_fail() {
        assert_eq!(
            contents("He said “never closed\nNew paragraph” here."),
            vec!["never closed"]
        );
        assert_eq!(contents("stray” close and “a “b” c"), vec!["b"]);
        assert!(segments("\"").is_empty());
        assert!(segments("“”").is_empty());
        assert_eq!(contents("''We won,'' he said."), vec!["We won,"]);
        assert_eq!(contents("It isn't ours, it's theirs."), Vec::<&str>::new());
    }

    #[test]
    fn run_on_quote_paragraphs() {
        let t =
            "He spoke. \"The vote is lost. Our rivals say it was rigged. \"We go on,\" he said.";
        let r = run_on_quotes(t);
        assert_eq!(r.len(), 1);
        assert_eq!(
            &t[r[0].start..r[0].end],
            "The vote is lost. Our rivals say it was rigged. "
        );
        // Closed quotes, a dash typed as a mark and a quote inside a sentence are none.
        assert!(run_on_quotes("“A b.” “C d,” he said.").is_empty());
        assert!(run_on_quotes("a plan \"?which failed. \"We go on,\" he said.").is_empty());
        assert!(run_on_quotes("He called it \"Mad. \"We go on,\" he said.").is_empty());
        // An apostrophe typed as a mark is none; a stretch of more than five sentences is none.
        let t = "\"We didn\"t win. \"We go on,\" he said.";
        assert_eq!(run_on_quotes(t).len(), 1);
        let long = format!("\"{} \"We go on,\" he said.", "It is so. ".repeat(6));
        assert!(run_on_quotes(&long).is_empty());
        // A colon before the next mark introduces a new quotation; a doubled apostrophe closes.
        assert!(run_on_quotes("\"It is lost. Then Jo said: \"We go on,\" he said.").is_empty());
        assert!(run_on_quotes("\"It is lost.'' Jo said. \"We go on,\" he said.").is_empty());
        // A paragraph break ends the stretch.
        assert!(run_on_quotes("\"Open paragraph.\n\"Next one,\" he said.").is_empty());
    }
}
