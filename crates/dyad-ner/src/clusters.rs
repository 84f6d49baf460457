//! Word clusters: each frequent word form belongs to a cluster at three granularities (coarse,
//! middle, fine), so that rare names share weights with frequent words that occur in the same
//! contexts. The table is computed by `dyad train ner-clusters` from raw news text (see
//! `cluster_train.rs`) and stored as `data/models/ner/clusters.txt`.
//!
//! File format: lines starting with `#` are comments; every other line is
//! `WORD<TAB>COARSE<TAB>MIDDLE<TAB>FINE` with cluster numbers as decimal integers. Words are
//! case-sensitive token forms after [`crate::text::normalize`].

use rustc_hash::FxHashMap;

/// "No cluster" marker.
pub const NONE: u16 = u16::MAX;

/// Word form → cluster ids at three granularities.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    /// Fx-hashed and sized up front: built from some 50,000 lines at every start-up, and looked
    /// up for every token.
    map: FxHashMap<String, [u16; 3]>,
}

impl Clusters {
    /// Parses a cluster table; errors name the line.
    pub fn parse(text: &str) -> Result<Clusters, String> {
        let mut map = FxHashMap::default();
        map.reserve(text.bytes().filter(|&b| b == b'\n').count());
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |m: &str| format!("clusters.txt:{}: {m}", n + 1);
            let mut parts = line.split('\t');
            let word = parts
                .next()
                .filter(|w| !w.is_empty())
                .ok_or_else(|| err("empty word"))?;
            let mut ids = [NONE; 3];
            for id in ids.iter_mut() {
                let p = parts
                    .next()
                    .ok_or_else(|| err("expected WORD<TAB>COARSE<TAB>MIDDLE<TAB>FINE"))?;
                *id = p
                    .parse::<u16>()
                    .map_err(|_| err(&format!("bad cluster number `{p}`")))?;
            }
            if parts.next().is_some() {
                return Err(err("too many columns"));
            }
            map.insert(word.to_string(), ids);
        }
        Ok(Clusters { map })
    }

    /// Serialises a table (sorted by word, so output is deterministic).
    pub fn to_text(entries: &[(String, [u16; 3])], header: &str) -> String {
        let mut v: Vec<&(String, [u16; 3])> = entries.iter().collect();
        v.sort();
        let mut s = String::new();
        for h in header.lines() {
            s.push_str("# ");
            s.push_str(h);
            s.push('\n');
        }
        for (w, c) in v {
            s.push_str(&format!("{w}\t{}\t{}\t{}\n", c[0], c[1], c[2]));
        }
        s
    }

    /// Cluster ids of a word form, trying the exact form first and then its lower-case form.
    pub fn get(&self, word: &str) -> Option<[u16; 3]> {
        if let Some(c) = self.map.get(word) {
            return Some(*c);
        }
        if word.chars().any(|c| c.is_uppercase()) {
            return self.map.get(&word.to_lowercase()).copied();
        }
        None
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_lookup() {
        let c = Clusters::parse("# test\nBerlin\t1\t5\t40\nsaid\t0\t2\t7\n").unwrap();
        assert_eq!(c.get("Berlin"), Some([1, 5, 40]));
        assert_eq!(c.get("SAID"), Some([0, 2, 7]));
        assert_eq!(c.get("nowhere"), None);
        let e = Clusters::parse("x\t1\t2\n").unwrap_err();
        assert!(e.starts_with("clusters.txt:1:"), "{e}");
        let text = Clusters::to_text(&[("b".into(), [1, 2, 3]), ("a".into(), [0, 0, 0])], "h");
        assert_eq!(text, "# h\na\t0\t0\t0\nb\t1\t2\t3\n");
    }
}
