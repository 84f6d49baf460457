//! Token normalisation shared by training and tagging: typographic quotes and dashes become their
//! ASCII forms, so that news text with curly quotes looks like the CoNLL training data, and word
//! shapes summarise spelling (`Merz` → `Xxxx`/`Xx`, `U.S.` → `X.X.`).

/// The token as the model sees it: curly quotes, primes and dashes mapped to ASCII.
pub fn normalize(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                s.push('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => s.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => s.push('-'),
            '\u{2026}' => s.push_str("..."),
            '\u{00A0}' => s.push(' '),
            _ => s.push(c),
        }
    }
    s
}

/// Lower-cased form with every digit replaced by `0` (numbers share statistics).
pub fn lower_key(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii_digit() {
            s.push('0');
        } else {
            s.extend(c.to_lowercase());
        }
    }
    s
}

/// Word shape: upper → `X`, lower → `x`, digit → `d`, others kept; runs longer than two collapse.
pub fn shape(word: &str) -> String {
    let mut s = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let m = shape_char(c);
        if m == last {
            run += 1;
        } else {
            run = 1;
            last = m;
        }
        if run <= 2 {
            s.push(m);
        }
    }
    s
}

/// Short shape: like [`shape`] but every run collapses to one character (`Xxxx` → `Xx`).
pub fn short_shape(word: &str) -> String {
    let mut s = String::new();
    let mut last = '\0';
    for c in word.chars() {
        let m = shape_char(c);
        if m != last {
            s.push(m);
            last = m;
        }
    }
    s
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'x'
    } else {
        c
    }
}

/// Whether the first character is upper-case.
pub fn is_capitalized(word: &str) -> bool {
    word.chars()
        .next()
        .map(|c| c.is_uppercase())
        .unwrap_or(false)
}

/// Whether the word has letters and all of them are upper-case.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = false;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters = true;
        }
    }
    letters
}

/// Whether the word has letters and none is upper-case.
pub fn is_lower(word: &str) -> bool {
    let mut letters = false;
    for c in word.chars() {
        if c.is_uppercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters = true;
        }
    }
    letters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_typography() {
        assert_eq!(normalize("Russia\u{2019}s"), "Russia's");
        assert_eq!(normalize("\u{201C}"), "\"");
        assert_eq!(normalize("U.S.\u{2013}Russia"), "U.S.-Russia");
        assert_eq!(normalize("Zelenskiy"), "Zelenskiy");
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Merz"), "Xxx");
        assert_eq!(short_shape("Merz"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1996-08-22"), "dd-dd-dd");
        assert_eq!(lower_key("Item 42"), "item 00");
        assert!(is_all_caps("NATO"));
        assert!(!is_all_caps("1996"));
        assert!(is_lower("von"));
        assert!(is_capitalized("Élysée"));
    }
}
