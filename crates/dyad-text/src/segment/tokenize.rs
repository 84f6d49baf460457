//! Word tokenization in UD/PTB style.
//!
//! Whitespace-separated chunks are split further: leading openers and trailing closers and
//! punctuation are peeled off; URLs, e-mail addresses, @handles and #tags stay whole; dashes,
//! ellipses, inner quotes, brackets and commas split words; clitics split as in UD (`Trump’s` →
//! `Trump` `’s`, `don't` → `do` `n't`); hyphenated words (`30-day`) and decimals stay whole; `%` and
//! currency symbols are their own tokens. A final period stays attached to known abbreviations,
//! acronyms (`U.S.`) and initials (`J.`).

use super::abbrev::is_abbreviation;

/// A token's byte span within the text.
pub(crate) type Piece = (usize, usize);

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '<' | '"' | '\'' | '“' | '‘' | '«' | '‹' | '¿' | '¡' | '„' | '`'
    )
}

fn is_closer_or_punct(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '>'
            | '"'
            | '”'
            | '’'
            | '\''
            | '»'
            | '›'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '−')
}

/// Split `text` into token spans.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Piece>) {
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, text.len(), out);
    }
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// Whether the whole chunk is a URL, e-mail address, @handle or #tag (after peeling).
fn is_special(s: &str) -> bool {
    let lower_starts = |p: &str| {
        s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
    };
    if lower_starts("http://")
        || lower_starts("https://")
        || lower_starts("www.")
        || lower_starts("ftp://")
        || lower_starts("pic.twitter.com/")
    {
        return true;
    }
    if let Some(rest) = s.strip_prefix('@').or_else(|| s.strip_prefix('#')) {
        return !rest.is_empty() && rest.chars().all(|c| c.is_alphanumeric() || c == '_');
    }
    if let Some(at) = s.find('@') {
        let (user, domain) = (&s[..at], &s[at + 1..]);
        return !user.is_empty()
            && domain.contains('.')
            && !domain.ends_with('.')
            && s.chars()
                .all(|c| c.is_alphanumeric() || "._%+-@".contains(c));
    }
    false
}

/// Emoticons are single tokens.
fn is_emoticon(s: &str) -> bool {
    matches!(
        s,
        ":)" | ":("
            | ":D"
            | ";)"
            | ":-)"
            | ":-("
            | ";-)"
            | ":P"
            | ":p"
            | ":/"
            | "<3"
            | ":-D"
            | "=)"
    )
}

fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Piece>) {
    let mut s = start;
    let mut e = end;
    if is_emoticon(&text[s..e]) {
        out.push((s, e));
        return;
    }
    // Leading openers and dashes, each its own token.
    loop {
        let cur = &text[s..e];
        if cur.starts_with("...") {
            let n = cur.bytes().take_while(|&b| b == b'.').count();
            out.push((s, s + n));
            s += n;
            continue;
        }
        if cur.starts_with("--") {
            let n = cur.bytes().take_while(|&b| b == b'-').count();
            out.push((s, s + n));
            s += n;
            continue;
        }
        match first_char(cur) {
            Some(c) if (is_opener(c) || is_dash(c) || c == '…') && !is_clitic_chunk(cur) => {
                out.push((s, s + c.len_utf8()));
                s += c.len_utf8();
            }
            _ => break,
        }
    }
    if s >= e {
        return;
    }
    // Trailing closers and punctuation, emitted after the core in text order.
    let mut tail: Vec<Piece> = Vec::new();
    loop {
        let cur = &text[s..e];
        if cur.ends_with("...")
            || cur.ends_with("..")
                && cur.len() > 2
                && !cur[..cur.len() - 1].ends_with(char::is_alphabetic)
        {
            let n = cur.bytes().rev().take_while(|&b| b == b'.').count();
            if n == cur.len() {
                break;
            }
            tail.push((e - n, e));
            e -= n;
            continue;
        }
        if cur.ends_with("--") && cur.len() > 2 {
            let n = cur.bytes().rev().take_while(|&b| b == b'-').count();
            if n == cur.len() {
                break;
            }
            tail.push((e - n, e));
            e -= n;
            continue;
        }
        let Some(c) = last_char(cur) else { break };
        if cur.len() == c.len_utf8() {
            break;
        }
        if c == '!' || c == '?' {
            // `!!!`, `?!` stay one token.
            let n = cur
                .bytes()
                .rev()
                .take_while(|&b| b == b'!' || b == b'?')
                .count();
            if n == cur.len() {
                break;
            }
            tail.push((e - n, e));
            e -= n;
            continue;
        }
        if is_closer_or_punct(c) || is_dash(c) {
            // `leaders'` / `Jones’`: a possessive apostrophe is split like a closing quote.
            tail.push((e - c.len_utf8(), e));
            e -= c.len_utf8();
            continue;
        }
        if c == '.' {
            if is_abbreviation(cur) {
                break;
            }
            tail.push((e - 1, e));
            e -= 1;
            continue;
        }
        break;
    }
    if s < e {
        let core = &text[s..e];
        if is_special(core) {
            out.push((s, e));
        } else {
            split_core(text, s, e, out);
        }
    }
    out.extend(tail.into_iter().rev());
}

/// A chunk that is itself a clitic (`'s`, `’re`) or a decade (`'90s`), not a quote + word.
fn is_clitic_chunk(s: &str) -> bool {
    let rest = s.strip_prefix('\'').or_else(|| s.strip_prefix('’'));
    match rest {
        Some(r) => {
            let r = r.trim_end_matches(|c: char| is_closer_or_punct(c) || c == '.');
            let l = r.to_ascii_lowercase();
            matches!(
                l.as_str(),
                "s" | "re" | "ve" | "ll" | "d" | "m" | "em" | "n"
            ) || (r.len() == 3 && r.ends_with('s') && r[..2].bytes().all(|b| b.is_ascii_digit()))
        }
        None => false,
    }
}

/// Whether a hyphen between `before` and the rest of the chunk `after` glues a reporting verb to a
/// name ("Ryan-said", "said-Hamid"): no English compound is made that way, so it is a lost space.
fn glued_reporting_verb(before: &str, after: &str) -> bool {
    const VERBS: &[&str] = &["said", "says", "told"];
    let next: &str = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    !before.is_empty()
        && !next.is_empty()
        && (VERBS.contains(&next) && capitalised(before) && before.chars().all(char::is_alphabetic)
            || VERBS.contains(&before) && capitalised(next))
}

/// Split a core (no leading/trailing punctuation) at inner dashes, ellipses, quotes, brackets,
/// commas and slashes between letters, symbols, then clitics.
fn split_core(text: &str, s: usize, e: usize, out: &mut Vec<Piece>) {
    let core = &text[s..e];
    let bytes = core.as_bytes();
    let mut word_start = 0;
    let mut i = 0;
    let chars: Vec<(usize, char)> = core.char_indices().collect();
    let mut k = 0;
    let flush = |from: usize, to: usize, out: &mut Vec<Piece>| {
        if from < to {
            split_clitics(text, s + from, s + to, out);
        }
    };
    while k < chars.len() {
        let (b, c) = chars[k];
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|x| x.1);
        let split_len = if is_dash(c)
            || c == '…'
            || matches!(
                c,
                '"' | '“' | '”' | '(' | ')' | '[' | ']' | '{' | '}' | ';' | '!' | '?' | '«' | '»'
            ) {
            c.len_utf8()
        } else if c == '-' && next == Some('-') {
            bytes[b..].iter().take_while(|&&x| x == b'-').count()
        } else if c == '-'
            && b == word_start
            && prev.is_some_and(|p| matches!(p, '"' | '”' | '’' | '\''))
            && next.is_some_and(char::is_alphabetic)
        {
            // `bread,"-he said`: a hyphen glued between a closing quotation mark and the next
            // word stands for a lost space or dash (scraped feeds); it joins no compound.
            1
        } else if c == '-' && glued_reporting_verb(&core[word_start..b], &core[b + 1..]) {
            // `Speaker Paul Ryan-said he …`, `said-Hamid Reza …`: the same lost space.
            1
        } else if c == '.' && next == Some('.') {
            bytes[b..].iter().take_while(|&&x| x == b'.').count()
        } else if c == ',' || c == ':' {
            // 1,000 and 10:30 stay whole.
            let digits = prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            if digits {
                0
            } else {
                1
            }
        } else if c == '/' {
            let letters =
                prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
            if letters {
                1
            } else {
                0
            }
        } else if matches!(c, '%' | '$' | '€' | '£' | '¥' | '‰') {
            c.len_utf8()
        } else {
            0
        };
        if split_len > 0 {
            flush(word_start, b, out);
            out.push((s + b, s + b + split_len));
            i = b + split_len;
            word_start = i;
            while k < chars.len() && chars[k].0 < i {
                k += 1;
            }
            continue;
        }
        k += 1;
    }
    let _ = i;
    flush(word_start, core.len(), out);
}

/// Split UD clitics off a word: `'s 're 've 'll 'd 'm n't` (straight or curly apostrophe), and the
/// `gonna`/`wanna`/`gotta`/`cannot` contractions.
fn split_clitics(text: &str, s: usize, e: usize, out: &mut Vec<Piece>) {
    let w = &text[s..e];
    // ASCII lower-casing keeps byte offsets identical to `w`.
    let lower = w.to_ascii_lowercase();
    {
        for (whole, cut) in [("gonna", 3), ("wanna", 3), ("gotta", 3), ("cannot", 3)] {
            if lower == whole {
                out.push((s, s + cut));
                out.push((s + cut, e));
                return;
            }
        }
    }
    // Contractions typed without an apostrophe split like their spelled forms (`dont` → `do nt`).
    const BARE: &[(&str, usize)] = &[
        ("dont", 2),
        ("doesnt", 4),
        ("didnt", 3),
        ("cant", 2),
        ("wont", 2),
        ("isnt", 2),
        ("wasnt", 3),
        ("werent", 4),
        ("arent", 3),
        ("couldnt", 5),
        ("shouldnt", 6),
        ("wouldnt", 5),
        ("havent", 4),
        ("hasnt", 3),
        ("hadnt", 3),
        ("thats", 4),
        ("theres", 5),
        ("whats", 4),
        ("ive", 1),
        ("youre", 3),
        ("theyre", 4),
    ];
    if let Some(&(_, cut)) = BARE.iter().find(|(b, _)| *b == lower) {
        out.push((s, s + cut));
        out.push((s + cut, e));
        return;
    }
    // n't / n’t
    for suffix in ["n't", "n’t"] {
        if lower.ends_with(suffix) && w.len() > suffix.len() {
            let cut = e - suffix.len();
            out.push((s, cut));
            out.push((cut, e));
            return;
        }
    }
    for apos in ['\'', '’'] {
        if let Some(pos) = w.rfind(apos) {
            let clitic = &lower[pos..];
            let after = &clitic[apos.len_utf8()..];
            if pos > 0
                && matches!(after, "s" | "re" | "ve" | "ll" | "d" | "m")
                && w[..pos]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                out.push((s, s + pos));
                out.push((s + pos, e));
                return;
            }
        }
    }
    out.push((s, e));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn clitics_split_as_in_ud() {
        assert_eq!(toks("Trump’s call"), ["Trump", "’s", "call"]);
        assert_eq!(toks("don't"), ["do", "n't"]);
        assert_eq!(
            toks("They can’t, we’ll"),
            ["They", "ca", "n’t", ",", "we", "’ll"]
        );
        assert_eq!(toks("I'm gonna"), ["I", "'m", "gon", "na"]);
        assert_eq!(toks("dont know :)"), ["do", "nt", "know", ":)"]);
        assert_eq!(toks("<a@b.org>"), ["<", "a@b.org", ">"]);
        assert_eq!(toks("the leaders' talks"), ["the", "leaders", "'", "talks"]);
    }

    #[test]
    fn quotes_brackets_and_dashes() {
        assert_eq!(
            toks("“Peace,” he said."),
            ["“", "Peace", ",", "”", "he", "said", "."]
        );
        assert_eq!(toks("a truce—a plan"), ["a", "truce", "—", "a", "plan"]);
        assert_eq!(toks("(and now e-mail)"), ["(", "and", "now", "e-mail", ")"]);
        assert_eq!(toks("\"Yes\" -- no"), ["\"", "Yes", "\"", "--", "no"]);
        assert_eq!(toks("wait...what"), ["wait", "...", "what"]);
        assert_eq!(toks("over.\""), ["over", ".", "\""]);
        assert_eq!(toks("What?! No!!!"), ["What", "?!", "No", "!!!"]);
    }

    #[test]
    fn numbers_hyphens_and_symbols() {
        assert_eq!(toks("a 30-day truce"), ["a", "30-day", "truce"]);
        assert_eq!(
            toks("about 20% of 1,000.5 km"),
            ["about", "20", "%", "of", "1,000.5", "km"]
        );
        assert_eq!(toks("$5 at 10:30"), ["$", "5", "at", "10:30"]);
        assert_eq!(toks("and/or"), ["and", "/", "or"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            toks("the U.S. and Mr. J. Smith, Jan. 5"),
            ["the", "U.S.", "and", "Mr.", "J.", "Smith", ",", "Jan.", "5"]
        );
        assert_eq!(toks("at 9 a.m. today."), ["at", "9", "a.m.", "today", "."]);
        assert_eq!(toks("(U.S.)"), ["(", "U.S.", ")"]);
    }

    #[test]
    fn urls_handles_and_emails_stay_whole() {
        assert_eq!(
            toks("see https://example.org/a?b=1, now"),
            ["see", "https://example.org/a?b=1", ",", "now"]
        );
        assert_eq!(
            toks("posted @ZelenskyyUa #peace"),
            ["posted", "@ZelenskyyUa", "#peace"]
        );
        assert_eq!(
            toks("mail press@example.com."),
            ["mail", "press@example.com", "."]
        );
    }
}
