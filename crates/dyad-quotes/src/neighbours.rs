//! Distributional neighbours for the cue model: for a lower-cased word, the frequent words nearest
//! to it in word vectors computed from unlabeled news text, and its similarity to the reporting
//! verbs of the lexicon (`data/models/quotes/neighbours.tsv`, written by
//! `scripts/quote-word-vectors.py`; docs/models.md, "Quote cues"). A cue word seen rarely or never
//! in PolNeAR ("lamented", "conceded") thereby shares weights with the frequent words it is
//! distributionally close to ("complained", "acknowledged"), at a finer grain than its cluster.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Embedded table.
const DEFAULT_TABLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/quotes/neighbours.tsv"
));

/// A word's entry: its nearest anchor words (the table's similarity to the lexicon's reporting
/// verbs is validated but not used: as a feature it did not help, docs/evaluation.md).
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) near: Vec<String>,
}

/// A table line could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct NeighbourError {
    /// File name as given to the loader.
    pub file: String,
    /// One-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parse a table: `WORD<TAB>SIMILARITY<TAB>NEIGHBOUR,NEIGHBOUR,…`; `#` lines are comments.
pub(crate) fn parse(text: &str, name: &str) -> Result<HashMap<String, Entry>, NeighbourError> {
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let err = |message: String| NeighbourError {
            file: name.to_string(),
            line: n + 1,
            message,
        };
        let f: Vec<&str> = line.split('\t').collect();
        let [w, s, nn] = f[..] else {
            return Err(err("expected WORD<TAB>SIMILARITY<TAB>NEIGHBOURS".into()));
        };
        s.parse::<u8>()
            .ok()
            .filter(|x| *x <= 10)
            .ok_or_else(|| err(format!("similarity must be 0..10 tenths: {s:?}")))?;
        let near = nn
            .split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect();
        let e = Entry { near };
        if out.insert(w.to_string(), e).is_some() {
            return Err(err(format!("word {w:?} listed twice")));
        }
    }
    Ok(out)
}

/// The embedded table.
fn table() -> &'static HashMap<String, Entry> {
    static TABLE: OnceLock<HashMap<String, Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        parse(DEFAULT_TABLE, "data/models/quotes/neighbours.tsv")
            .expect("embedded neighbour table is valid (checked by tests)")
    })
}

/// The embedded table's entry for a lower-cased word form.
pub(crate) fn of(word: &str) -> Option<&'static Entry> {
    table().get(word)
}

/// Every word that is some word's neighbour in the embedded table.
pub(crate) fn anchors() -> &'static HashSet<String> {
    static ANCHORS: OnceLock<HashSet<String>> = OnceLock::new();
    ANCHORS.get_or_init(|| {
        table()
            .values()
            .flat_map(|e| e.near.iter().cloned())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_loads_and_reporting_verbs_are_near_each_other() {
        let e = of("insisted").expect("a frequent reporting verb has an entry");
        assert!(
            e.near.iter().any(|w| w == "argued" || w == "acknowledged"),
            "{e:?}"
        );
        assert!(anchors().contains("said") || anchors().contains("argued"));
        assert!(of("qzxvbnw").is_none());
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("said\t9\targued\nx\t11\ty\n", "nb.tsv").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("nb.tsv", 2));
        let e = parse("# c\nsaid\t9\n", "nb.tsv").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("a\t1\tb\na\t2\tc\n", "nb.tsv").unwrap_err();
        assert!(e.message.contains("twice"));
    }
}
