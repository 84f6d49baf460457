//! A small tokenizer of its own, so the recogniser works from raw text alone.
//!
//! Tokens are runs of letters/digits (split between digits and letters except for ordinal and
//! decade suffixes: `19th`, `1980s`) and single punctuation characters, with byte offsets into the
//! text. The rules match on lower-cased token text with typographic apostrophes folded to `'`.

/// Coarse token class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (possibly mixed with digits after letters).
    Word,
    /// Digits only, or digits with an ordinal/decade suffix.
    Num,
    /// A single non-alphanumeric, non-space character.
    Punct,
}

/// One token of the raw text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Lower-cased text with `’`/`‘` folded to `'`.
    pub lower: String,
    /// Token class.
    pub kind: Kind,
    /// Whitespace precedes the token.
    pub space_before: bool,
    /// A line break precedes the token.
    pub newline_before: bool,
    /// First character is upper case.
    pub cap: bool,
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut space = true;
    let mut newline = true;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            space = true;
            if c == '\n' || c == '\r' {
                newline = true;
            }
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            push_word(&mut out, text, i, end, space, newline);
        } else {
            let lower = match c {
                '’' | '‘' | '`' | '´' => "'".to_string(),
                '–' | '—' | '‑' => "-".to_string(),
                _ => c.to_lowercase().collect(),
            };
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                lower,
                kind: Kind::Punct,
                space_before: space,
                newline_before: newline,
                cap: false,
            });
        }
        space = false;
        newline = false;
    }
    out
}

/// Push an alphanumeric run, splitting `3pm` into `3` + `pm` but keeping `19th` and `1980s`.
fn push_word(out: &mut Vec<Tok>, text: &str, start: usize, end: usize, space: bool, newline: bool) {
    let s = &text[start..end];
    let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    let rest = &s[digits..];
    let suffix_ok = if rest.is_ascii() {
        ["st", "nd", "rd", "th", "s"]
            .iter()
            .any(|x| rest.eq_ignore_ascii_case(x))
    } else {
        // Lower-casing may turn other letters into ASCII ones (the Kelvin sign into `k`).
        matches!(
            rest.to_lowercase().as_str(),
            "st" | "nd" | "rd" | "th" | "s"
        )
    };
    if digits > 0 && !rest.is_empty() && !suffix_ok {
        push_one(out, text, start, start + digits, space, newline, Kind::Num);
        push_one(out, text, start + digits, end, false, false, Kind::Word);
    } else {
        let kind = if digits > 0 { Kind::Num } else { Kind::Word };
        push_one(out, text, start, end, space, newline, kind);
    }
}

fn push_one(
    out: &mut Vec<Tok>,
    text: &str,
    start: usize,
    end: usize,
    space: bool,
    nl: bool,
    kind: Kind,
) {
    let s = &text[start..end];
    out.push(Tok {
        start,
        end,
        lower: lower(s),
        kind,
        space_before: space,
        newline_before: nl,
        cap: s.chars().next().is_some_and(char::is_uppercase),
    });
}

/// `s.to_lowercase()`, with ASCII text (nearly every token) lowered byte by byte.
fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// The lookup key of a phrase: its tokens' lower-case text, joined by one space where the text has
/// whitespace and by nothing where it has none (`new year's day`, `twenty-first`).
pub fn phrase_key(phrase: &str) -> String {
    key_of(&tokenize(phrase))
}

/// The lookup key of a token slice (see [`phrase_key`]).
pub fn key_of(toks: &[Tok]) -> String {
    let mut key = String::new();
    for (n, t) in toks.iter().enumerate() {
        if n > 0 && t.space_before {
            key.push(' ');
        }
        key.push_str(&t.lower);
    }
    key
}

/// Sentence number of each token: a new sentence starts after `.`, `!` or `?` followed by a
/// capitalised token or a line break, and after every line break.
pub fn sentence_ids(toks: &[Tok]) -> Vec<usize> {
    let mut ids = Vec::with_capacity(toks.len());
    let mut s = 0;
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            let p = &toks[i - 1];
            let end_punct = matches!(p.lower.as_str(), "." | "!" | "?");
            let short_abbrev =
                i >= 2 && toks[i - 2].kind == Kind::Word && toks[i - 2].lower.len() <= 2;
            if t.newline_before
                || (end_punct && t.space_before && (t.cap || t.kind != Kind::Word) && !short_abbrev)
            {
                s += 1;
            }
        }
        ids.push(s);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let t = tokenize("On 19th May, at 3pm’s 2025-05-19 1980s");
        let lows: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            lows,
            [
                "on", "19th", "may", ",", "at", "3", "pm", "'", "s", "2025", "-", "05", "-", "19",
                "1980s"
            ]
        );
        assert!(t[2].cap && t[2].space_before);
        assert!(!t[6].space_before);
        assert_eq!(&"On 19th May"[t[1].start..t[1].end], "19th");
    }

    #[test]
    fn phrase_keys_keep_attached_punctuation() {
        assert_eq!(phrase_key("New Year’s  Day"), "new year's day");
        assert_eq!(phrase_key("twenty-first"), "twenty-first");
    }

    #[test]
    fn sentences_split_on_final_punctuation() {
        let t = tokenize("He left. She came on Monday.\nThen Mr. X");
        let ids = sentence_ids(&t);
        assert_eq!(ids[0], 0);
        assert_eq!(ids[3], 1);
        assert_eq!(*ids.last().unwrap(), 2, "Mr. does not end a sentence");
    }
}
