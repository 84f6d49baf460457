//! Gazetteers: the project's own lists of country names, demonyms, cities, organisations, first
//! names and person titles (`data/ner/gazetteer/*.txt`). The tagger does not trust them blindly:
//! a match only becomes a feature ("this token starts a country name") whose weight is learned.
//!
//! File format: UTF-8, one entry per line, tokens separated by single spaces the way a tokenizer
//! splits them (`United States`, `U.S.`, `Côte d'Ivoire`); `#` starts a comment line; blank lines are
//! ignored. The category is the file stem. Matching is case-insensitive; the tagger sees separately
//! whether the text was capitalised.

use std::collections::HashMap;
use std::path::Path;

/// A gazetteer file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A line is malformed (names file and line).
    #[error("{file}:{line}: {message}")]
    Line {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file could not be read.
    #[error("{file}: {source}")]
    Io {
        /// File name.
        file: String,
        /// The IO error.
        source: std::io::Error,
    },
}

macro_rules! embedded_list {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/ner/gazetteer/",
                $name,
                ".txt"
            )),
        )
    };
}

/// The lists embedded in the binary: (category, file content).
pub const EMBEDDED: &[(&str, &str)] = &[
    embedded_list!("country"),
    embedded_list!("demonym"),
    embedded_list!("city"),
    embedded_list!("region"),
    embedded_list!("organisation"),
    embedded_list!("first_name"),
    embedded_list!("title"),
];

/// Phrase lists by category, for longest-match lookup over token sequences.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    categories: Vec<String>,
    /// Lower-cased phrase (tokens joined by one space) → bit set of categories.
    phrases: HashMap<String, u32>,
    /// Proper token prefixes of multi-token phrases ("new", "new york"), to stop extending early.
    prefixes: std::collections::HashSet<String>,
    max_len: usize,
}

/// Position of a token inside a gazetteer match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazHit {
    /// Category index (see [`Gazetteer::categories`]).
    pub category: u8,
    /// 0 = begin, 1 = inside, 2 = last, 3 = unit (single-token match).
    pub pos: u8,
}

impl Gazetteer {
    /// The embedded default lists.
    pub fn embedded() -> Gazetteer {
        let mut g = Gazetteer::default();
        for (name, text) in EMBEDDED {
            g.add_list(name, &format!("data/ner/gazetteer/{name}.txt"), text)
                .expect("embedded gazetteer is valid (checked by tests)");
        }
        g
    }

    /// Loads every `*.txt` file of a directory (sorted by name), category = file stem.
    pub fn from_dir(dir: &Path) -> Result<Gazetteer, GazetteerError> {
        let io = |source| GazetteerError::Io {
            file: dir.display().to_string(),
            source,
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().map(|x| x == "txt").unwrap_or(false))
            .collect();
        files.sort();
        let mut g = Gazetteer::default();
        for f in files {
            let text = std::fs::read_to_string(&f).map_err(|source| GazetteerError::Io {
                file: f.display().to_string(),
                source,
            })?;
            let stem = f
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("list")
                .to_string();
            g.add_list(&stem, &f.display().to_string(), &text)?;
        }
        Ok(g)
    }

    /// Adds one list; `file` names it in errors.
    pub fn add_list(
        &mut self,
        category: &str,
        file: &str,
        text: &str,
    ) -> Result<(), GazetteerError> {
        if self.categories.len() >= 32 {
            return Err(GazetteerError::Line {
                file: file.into(),
                line: 0,
                message: "at most 32 gazetteer categories".into(),
            });
        }
        let bit = 1u32 << self.categories.len();
        self.categories.push(category.to_string());
        let mut seen = HashMap::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| GazetteerError::Line {
                file: file.into(),
                line: n + 1,
                message: message.into(),
            };
            if line.contains('\t') {
                return Err(err("tab in entry (tokens are separated by single spaces)"));
            }
            if line.contains("  ") {
                return Err(err("double space in entry"));
            }
            let key = line.to_lowercase();
            if let Some(prev) = seen.insert(key.clone(), n + 1) {
                return Err(err(&format!("duplicate of line {prev}")));
            }
            self.max_len = self.max_len.max(key.split(' ').count());
            for (i, _) in key.match_indices(' ') {
                self.prefixes.insert(key[..i].to_string());
            }
            *self.phrases.entry(key).or_insert(0) |= bit;
        }
        Ok(())
    }

    /// Category names, in bit order.
    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Categories of one exact (lower-cased) phrase, as a bit set.
    pub fn lookup(&self, lower: &str) -> u32 {
        self.phrases.get(lower).copied().unwrap_or(0)
    }

    /// Greedy longest matches over lower-cased tokens: per token, the hits covering it.
    pub fn matches(&self, lower: &[String]) -> Vec<Vec<GazHit>> {
        let mut out = vec![Vec::new(); lower.len()];
        let mut key = String::new();
        let mut i = 0;
        while i < lower.len() {
            let mut best: Option<(usize, u32)> = None;
            key.clear();
            for len in 1..=self.max_len.min(lower.len() - i) {
                if len > 1 {
                    key.push(' ');
                }
                key.push_str(&lower[i + len - 1]);
                if let Some(&bits) = self.phrases.get(key.as_str()) {
                    best = Some((len, bits));
                }
                if !self.prefixes.contains(key.as_str()) {
                    break;
                }
            }
            match best {
                Some((len, bits)) => {
                    for c in 0..self.categories.len() {
                        if bits & (1 << c) == 0 {
                            continue;
                        }
                        for (k, hits) in out[i..i + len].iter_mut().enumerate() {
                            let pos = if len == 1 {
                                3
                            } else if k == 0 {
                                0
                            } else if k + 1 == len {
                                2
                            } else {
                                1
                            };
                            hits.push(GazHit {
                                category: c as u8,
                                pos,
                            });
                        }
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_load() {
        let g = Gazetteer::embedded();
        assert!(g.len() > 500, "only {} phrases", g.len());
        assert_ne!(g.lookup("germany"), 0);
        assert_ne!(g.lookup("u.s."), 0);
    }

    #[test]
    fn longest_match_wins() {
        let mut g = Gazetteer::default();
        g.add_list("city", "t", "New York\nYork").unwrap();
        g.add_list("org", "t", "New York Times").unwrap();
        let toks: Vec<String> = "the new york times said"
            .split(' ')
            .map(String::from)
            .collect();
        let m = g.matches(&toks);
        assert!(m[0].is_empty());
        assert_eq!(
            m[1],
            vec![GazHit {
                category: 1,
                pos: 0
            }]
        );
        assert_eq!(
            m[3],
            vec![GazHit {
                category: 1,
                pos: 2
            }]
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut g = Gazetteer::default();
        let e = g.add_list("x", "x.txt", "# c\nParis\nparis\n").unwrap_err();
        assert_eq!(e.to_string(), "x.txt:3: duplicate of line 2");
        let e = g.add_list("y", "y.txt", "a\tb").unwrap_err();
        assert!(e.to_string().starts_with("y.txt:1:"));
    }
}
