//! The thread data files: negotiation moves by CAMEO prefix (`data/threads/moves.tsv`) and issue
//! keywords (`data/threads/issues.txt`), embedded and validated on load (errors name file and
//! line).

use crate::StoreError;

const MOVES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/threads/moves.tsv"
));
const ISSUES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/threads/issues.txt"
));

/// Moves and issue tags.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// (CAMEO prefix, move), longest prefixes first.
    moves: Vec<(String, String)>,
    /// (tag, lower-case keywords).
    issues: Vec<(String, Vec<String>)>,
}

fn err(file: &str, line: usize, msg: impl std::fmt::Display) -> StoreError {
    StoreError::Data(format!("{file}:{line}: {msg}"))
}

fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

impl Lexicon {
    /// The embedded files.
    pub fn embedded() -> Result<Lexicon, StoreError> {
        Lexicon::parse(
            ("data/threads/moves.tsv", MOVES),
            ("data/threads/issues.txt", ISSUES),
        )
    }

    /// Parse both files given as (name for errors, text).
    pub fn parse(moves: (&str, &str), issues: (&str, &str)) -> Result<Lexicon, StoreError> {
        let mut m = Vec::new();
        for (n, l) in content_lines(moves.1) {
            let (code, mv) = l
                .split_once('\t')
                .ok_or_else(|| err(moves.0, n, "expected CAMEO prefix<TAB>move"))?;
            if !(2..=4).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_digit()) {
                return Err(err(
                    moves.0,
                    n,
                    format!("{code:?} is not a CAMEO prefix (2-4 digits)"),
                ));
            }
            if mv.trim().is_empty() {
                return Err(err(moves.0, n, "empty move"));
            }
            if m.iter().any(|(c, _): &(String, String)| c == code) {
                return Err(err(moves.0, n, format!("prefix {code} listed twice")));
            }
            m.push((code.to_string(), mv.trim().to_string()));
        }
        m.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        let mut is = Vec::new();
        for (n, l) in content_lines(issues.1) {
            let (tag, words) = l
                .split_once(':')
                .ok_or_else(|| err(issues.0, n, "expected TAG: keyword, keyword"))?;
            let tag = tag.trim();
            if tag.is_empty() || !tag.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                return Err(err(
                    issues.0,
                    n,
                    format!("tag {tag:?}: lower-case letters and '-' only"),
                ));
            }
            let kws: Vec<String> = words.split(',').map(|w| w.trim().to_string()).collect();
            if kws.iter().any(|w| w.is_empty()) {
                return Err(err(issues.0, n, "empty keyword"));
            }
            if kws.iter().any(|w| w.chars().any(|c| c.is_uppercase())) {
                return Err(err(issues.0, n, "keywords are lower case"));
            }
            is.push((tag.to_string(), kws));
        }
        Ok(Lexicon {
            moves: m,
            issues: is,
        })
    }

    /// The move of a CAMEO code, or `None` when the event is not a negotiation move.
    pub fn move_of(&self, cameo: &str) -> Option<&str> {
        self.moves
            .iter()
            .find(|(p, _)| cameo.starts_with(p.as_str()))
            .map(|(_, m)| m.as_str())
    }

    /// The listed prefix that decided [`Lexicon::move_of`].
    pub fn prefix_of(&self, cameo: &str) -> Option<&str> {
        self.moves
            .iter()
            .find(|(p, _)| cameo.starts_with(p.as_str()))
            .map(|(p, _)| p.as_str())
    }

    /// Whether `tag` is a known issue.
    pub fn has_issue(&self, tag: &str) -> bool {
        self.issues.iter().any(|(t, _)| t == tag)
    }

    /// Issue tags whose keywords occur as whole words in `sentence`, in file order.
    pub fn issues_in(&self, sentence: &str) -> Vec<String> {
        let words: Vec<String> = sentence
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let has = |kw: &str| {
            let k: Vec<&str> = kw.split_whitespace().collect();
            words
                .windows(k.len())
                .any(|w| w.iter().zip(&k).all(|(a, b)| a == b))
        };
        self.issues
            .iter()
            .filter(|(_, kws)| kws.iter().any(|k| has(k)))
            .map(|(t, _)| t.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_load() {
        let l = Lexicon::embedded().unwrap();
        assert_eq!(l.move_of("0256"), Some("proposes de-escalation"));
        assert_eq!(l.move_of("0253"), Some("appeal"));
        assert_eq!(l.move_of("190"), None);
        assert_eq!(
            l.issues_in("Kyiv proposed a 30-day ceasefire and a swap of prisoners of war."),
            ["ceasefire", "prisoner-exchange"]
        );
        assert!(
            l.issues_in("The aide said nothing.").is_empty(),
            "no keyword inside a word"
        );
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let e =
            Lexicon::parse(("m.tsv", "# c\n04\tmeeting\n4x\tbad\n"), ("i.txt", "")).unwrap_err();
        assert!(e.to_string().contains("m.tsv:3:"), "{e}");
        let e = Lexicon::parse(("m.tsv", ""), ("i.txt", "Cease Fire: truce\n")).unwrap_err();
        assert!(e.to_string().contains("i.txt:1:"), "{e}");
        let e = Lexicon::parse(("m.tsv", ""), ("i.txt", "aid: Aid\n")).unwrap_err();
        assert!(e.to_string().contains("lower case"), "{e}");
    }
}
