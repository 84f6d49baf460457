//! Word splitting and name folding shared by the gazetteer index and the mention scanner.
//!
//! Place names and document text go through the *same* splitter and fold, so a name matches text
//! exactly when their folded word sequences are equal: "Kyïv" matches "Kyiv", "Ivano-Frankivsk"
//! matches only the hyphenated spelling, and "Russia's" yields the word "Russia" followed by "'s".
//! This is independent of the pipeline's tokenizer on purpose: names like "U.S." or "d'Ivoire" must
//! split the same way in the dictionary and in the text.

/// One word of a text: a byte range and what kind of word it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Alphanumeric word (`false` for punctuation such as `-`, `,`, `(` and for `'s`).
    pub alpha: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Split `s` into words: runs of alphanumerics (keeping internal apostrophes as in "d'Ivoire" and
/// abbreviation periods as in "U.S."), the possessive `'s` as its own word, and every other
/// non-space character as a one-character word.
pub fn split_words(s: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let end_of = |k: usize| if k < n { chars[k].0 } else { s.len() };
    let mut i = 0;
    while i < n {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // "U.S.", "U.K.", "D.C.": two or more single capitals each followed by a period.
        let mut k = i;
        while k + 1 < n && chars[k].1.is_uppercase() && chars[k + 1].1 == '.' {
            k += 2;
        }
        if k - i >= 4 {
            out.push(Word {
                start: b,
                end: end_of(k),
                alpha: true,
            });
            i = k;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            loop {
                if j < n && chars[j].1.is_alphanumeric() {
                    j += 1;
                } else if j + 1 < n && is_apostrophe(chars[j].1) && chars[j + 1].1.is_alphabetic() {
                    // Possessive 's / ’s at the end of a word splits off; "d'Ivoire" stays whole.
                    let s_end = j + 2;
                    let possessive = matches!(chars[j + 1].1, 's' | 'S')
                        && (s_end >= n || !chars[s_end].1.is_alphanumeric());
                    if possessive {
                        break;
                    }
                    j += 2;
                } else {
                    break;
                }
            }
            out.push(Word {
                start: b,
                end: end_of(j),
                alpha: true,
            });
            i = j;
        } else if is_apostrophe(c)
            && i + 1 < n
            && matches!(chars[i + 1].1, 's' | 'S')
            && (i + 2 >= n || !chars[i + 2].1.is_alphanumeric())
        {
            out.push(Word {
                start: b,
                end: end_of(i + 2),
                alpha: false,
            });
            i += 2;
        } else {
            out.push(Word {
                start: b,
                end: end_of(i + 1),
                alpha: false,
            });
            i += 1;
        }
    }
    out
}

/// Fold one word for matching: lower-case ASCII, accents and other scripts transliterated
/// (`deunicode`), typographic apostrophes made plain.
pub fn fold_into(word: &str, out: &mut String) {
    let n = word.chars().count();
    for (i, c) in word.chars().enumerate() {
        // Transliteration marks (ʿ ʾ ʻ) vanish, and so do apostrophes at the edges of a word:
        // "Sāmarrā’" folds like "Samarra", "Baʿqubah" like "Baqubah"; "d'Ivoire" keeps its own.
        if matches!(c, '\u{02BE}' | '\u{02BF}' | '\u{02BB}')
            || ((i == 0 || i + 1 == n) && (is_apostrophe(c) || c == '\u{2018}' || c == '\u{02BC}'))
        {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_apostrophe(c) || c == '\u{2018}' || c == '\u{02BC}' {
            out.push('\'');
        } else if c == '\u{2010}' || c == '\u{2011}' || c == '\u{2013}' {
            out.push('-');
        } else {
            match deunicode::deunicode_char(c) {
                Some(t) => t.chars().for_each(|x| out.push(x.to_ascii_lowercase())),
                None => out.push(c),
            }
        }
    }
}

/// The lookup key of a whole name: its words folded and joined by single spaces.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    // Fast path (most gazetteer names): ASCII letters, digits and single spaces.
    let b = name.as_bytes();
    if b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b' ')
        && b.first().is_some_and(|c| *c != b' ')
        && b.last().is_some_and(|c| *c != b' ')
        && !name.contains("  ")
    {
        key.extend(b.iter().map(|c| c.to_ascii_lowercase() as char));
        return key;
    }
    for w in split_words(name) {
        let word = &name[w.start..w.end];
        // A stray apostrophe ("Sāmarrā’") is no word of the name.
        if word
            .chars()
            .all(|c| is_apostrophe(c) || c == '\u{2018}' || c == '\u{02BC}')
        {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        fold_into(word, &mut key);
    }
    key
}

/// Whether a word starts with an upper-case letter (or digit-free all-caps abbreviation).
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether every letter of the word is upper-case (and it has at least two letters).
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        split_words(s).iter().map(|w| &s[w.start..w.end]).collect()
    }

    #[test]
    fn splits_possessives_abbreviations_and_hyphens() {
        assert_eq!(
            words("Russia’s Black Sea coast"),
            ["Russia", "’s", "Black", "Sea", "coast"]
        );
        assert_eq!(
            words("U.S.-Russia relations."),
            ["U.S.", "-", "Russia", "relations", "."]
        );
        assert_eq!(
            words("Côte d'Ivoire, Ivano-Frankivsk"),
            ["Côte", "d'Ivoire", ",", "Ivano", "-", "Frankivsk"]
        );
        assert_eq!(words("the U.K. and D.C."), ["the", "U.K.", "and", "D.C."]);
        assert_eq!(words("it's"), ["it", "'s"]);
        assert_eq!(words(""), Vec::<&str>::new());
    }

    #[test]
    fn folds_accents_and_apostrophes() {
        assert_eq!(name_key("Kyïv"), "kyiv");
        assert_eq!(name_key("Bogotá"), "bogota");
        assert_eq!(name_key("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(name_key("Rostov-on-Don"), "rostov - on - don");
        assert_eq!(name_key("  Black   Sea "), "black sea");
        assert_eq!(name_key("Sāmarrā’"), name_key("Samarra"));
        assert_eq!(name_key("Baʿqūbah"), "baqubah");
    }
}
