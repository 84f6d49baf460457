//! Lemmatizer: learned edit scripts, selected by exception lookup or by the longest known suffix.
//!
//! From the training data we derive for each (form, XPOS, lemma) an *edit script*: optionally
//! lower-case the form, strip `n` trailing chars, append a string (`running` → L,3,"" + … →
//! `run`). Rules map (XPOS, suffix of the lower-cased form) to the most frequent script; rules
//! that agree with their shorter-suffix parent are pruned. Training (form, XPOS) pairs whose most
//! frequent lemma differs from what the rules give (irregulars such as `went` → `go`, `i` → `I`)
//! are kept as exceptions; an unseen capitalised form falls back to its lower-case exception.
//! Keys are stored as 64-bit hashes, so the model holds no word list (only exception lemmas).

use crate::binio::{Reader, Writer};
use crate::clusters::Clusters;
use crate::conllu::Sentence;
use crate::hash::{f2, str_hash, IdBuild};
use crate::tagger::norm;
use crate::ModelError;
use std::collections::{BTreeMap, HashMap, HashSet};

const MAGIC: &[u8; 4] = b"DYLM";
const VERSION: u32 = 4;
const MAX_SUFFIX: usize = 7;

/// An edit script turning a form into its lemma.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Script {
    /// Lower-case the form first.
    pub lower: bool,
    /// Chars to strip from the end.
    pub strip: u8,
    /// String to append.
    pub append: String,
}

impl Script {
    /// The script that maps `form` to `lemma`.
    pub fn derive(form: &str, lemma: &str) -> Script {
        let lower = lemma == lemma.to_lowercase();
        let base: String = if lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let b: Vec<char> = base.chars().collect();
        let l: Vec<char> = lemma.chars().collect();
        let p = b.iter().zip(&l).take_while(|(x, y)| x == y).count();
        Script {
            lower,
            strip: (b.len() - p).min(255) as u8,
            append: l[p..].iter().collect(),
        }
    }

    /// Apply to `form`; `None` when the form is too short.
    pub fn apply(&self, form: &str) -> Option<String> {
        let mut base: String = if self.lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let n = base.chars().count();
        if self.strip as usize > n || (self.strip as usize == n && self.append.is_empty()) {
            return None;
        }
        let cut = base
            .char_indices()
            .nth(n - self.strip as usize)
            .map_or(base.len(), |(i, _)| i);
        base.truncate(cut);
        base.push_str(&self.append);
        Some(base)
    }
}

/// A trained lemmatizer.
#[derive(Debug, Default)]
pub struct Lemmatizer {
    scripts: Vec<Script>,
    // Tables keyed by already-mixed hashes use the identity hasher.
    rules: HashMap<u64, u32, IdBuild>,
    exceptions: HashMap<u64, u32, IdBuild>,
    lemmas: Vec<String>,
    known: HashSet<u64, IdBuild>,
}

/// The suffixes of `low` that rules are keyed by, shortest first: the empty suffix, then those
/// of 1 to [`MAX_SUFFIX`] characters (the last is the whole word when it is that short).
fn suffixes(low: &str) -> impl DoubleEndedIterator<Item = &str> {
    let mut starts = [0usize; MAX_SUFFIX];
    let mut n = 0;
    for (i, _) in low.char_indices().rev().take(MAX_SUFFIX) {
        starts[n] = i;
        n += 1;
    }
    std::iter::once(low.len())
        .chain(starts.into_iter().take(n))
        .map(move |i| &low[i..])
}

fn rule_key(xpos: &str, suffix: &str) -> u64 {
    f2(1, str_hash(xpos), str_hash(suffix))
}

fn exc_key(xpos: &str, form: &str) -> u64 {
    f2(2, str_hash(xpos), str_hash(form))
}

impl Lemmatizer {
    /// Lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        self.lemma_with(form, xpos, None)
    }

    fn is_known(&self, word: &str, clusters: Option<&Clusters>) -> bool {
        let h = crate::tagger::norm_hash(word);
        self.known.contains(&h) || clusters.is_some_and(|c| c.contains_hash(h))
    }

    /// Lemma of `form` tagged `xpos`. For words without an exception, the rules along the suffix
    /// chain are tried longest first, and the first whose output is a known word (a training lemma
    /// or, with `clusters`, a word of the cluster vocabulary) wins; if none is known, the longest.
    pub fn lemma_with(&self, form: &str, xpos: &str, clusters: Option<&Clusters>) -> String {
        if let Some(&i) = self.exceptions.get(&exc_key(xpos, form)) {
            return self.lemmas[i as usize].clone();
        }
        let low = form.to_lowercase();
        if low != form {
            if let Some(&i) = self.exceptions.get(&exc_key(xpos, &low)) {
                return self.lemmas[i as usize].clone();
            }
        }
        let mut first: Option<String> = None;
        let mut first_lower = false;
        for suf in suffixes(&low).rev() {
            if let Some(&s) = self.rules.get(&rule_key(xpos, suf)) {
                if let Some(l) = self.scripts[s as usize].apply(form) {
                    if self.is_known(&l, clusters) {
                        return l;
                    }
                    if first.is_none() {
                        first_lower = self.scripts[s as usize].lower;
                        first = Some(l);
                    }
                }
            }
        }
        // A stem that lost its final `e` (`declined` → `declin`): prefer the known `decline`.
        if let Some(f) = &first {
            let with_e = format!("{f}e");
            if first_lower
                && (form.ends_with("ed") || form.ends_with("ing"))
                && self.is_known(&with_e, clusters)
            {
                return with_e;
            }
        }
        first.unwrap_or_else(|| form.to_string())
    }

    /// Learn scripts, rules and exceptions from gold sentences.
    pub fn train(sents: &[Sentence]) -> Lemmatizer {
        let mut script_ids: BTreeMap<Script, u32> = BTreeMap::new();
        let mut scripts: Vec<Script> = Vec::new();
        // (xpos, suffix) -> script -> count, and (xpos, lower form) -> script -> count.
        let mut rule_counts: BTreeMap<(String, String), BTreeMap<u32, u32>> = BTreeMap::new();
        let mut exc_counts: BTreeMap<(String, String), BTreeMap<String, u32>> = BTreeMap::new();
        for s in sents {
            for w in &s.words {
                if w.lemma == "_" && w.form != "_" {
                    continue;
                }
                let sc = Script::derive(&w.form, &w.lemma);
                let id = *script_ids.entry(sc.clone()).or_insert_with(|| {
                    scripts.push(sc);
                    scripts.len() as u32 - 1
                });
                let low = w.form.to_lowercase();
                for suf in suffixes(&low) {
                    *rule_counts
                        .entry((w.xpos.clone(), suf.to_string()))
                        .or_default()
                        .entry(id)
                        .or_default() += 1;
                }
                *exc_counts
                    .entry((w.xpos.clone(), w.form.clone()))
                    .or_default()
                    .entry(w.lemma.clone())
                    .or_default() += 1;
            }
        }
        let best = |m: &BTreeMap<u32, u32>| -> (u32, u32) {
            let mut b = (0u32, 0u32);
            for (&id, &c) in m {
                if c > b.1 {
                    b = (id, c);
                }
            }
            b
        };
        let mut lem = Lemmatizer {
            scripts,
            ..Lemmatizer::default()
        };
        // Rules: keep a suffix when its best script differs from its parent's (one char shorter).
        let mut best_of: BTreeMap<(String, String), u32> = BTreeMap::new();
        for (k, m) in &rule_counts {
            let (id, _) = best(m);
            let total: u32 = m.values().sum();
            if k.1.chars().count() >= 3 && total < 2 {
                continue;
            }
            best_of.insert(k.clone(), id);
        }
        for ((xpos, suf), &id) in &best_of {
            let parent = {
                let mut chars = suf.chars();
                chars.next();
                chars.as_str().to_string()
            };
            let keep = suf.is_empty() || lookup_parent(&best_of, xpos, &parent) != Some(id);
            if keep {
                lem.rules.insert(rule_key(xpos, suf), id);
            }
        }
        lem.known = sents
            .iter()
            .flat_map(|s| s.words.iter().map(|w| str_hash(&norm(&w.lemma))))
            .collect();
        let mut lemma_ids: BTreeMap<String, u32> = BTreeMap::new();
        // Two passes: a capitalised form may fall back to a lower-case exception added later.
        for ((xpos, form), m) in exc_counts.iter().chain(exc_counts.iter()) {
            let mut want = ("", 0u32);
            for (l, &c) in m {
                if c > want.1 {
                    want = (l, c);
                }
            }
            if lem.lemma(form, xpos) != want.0 {
                let id = *lemma_ids.entry(want.0.to_string()).or_insert_with(|| {
                    lem.lemmas.push(want.0.to_string());
                    lem.lemmas.len() as u32 - 1
                });
                lem.exceptions.insert(exc_key(xpos, form), id);
            }
        }
        lem
    }

    /// Sizes: (scripts, rules, exceptions).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.scripts.len(), self.rules.len(), self.exceptions.len())
    }

    /// Serialise (tables sorted by key).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.u32(self.scripts.len() as u32);
        for s in &self.scripts {
            w.u8(s.lower as u8);
            w.u8(s.strip);
            w.str(&s.append);
        }
        w.u32(self.lemmas.len() as u32);
        for l in &self.lemmas {
            w.str(l);
        }
        let mut known: Vec<u64> = self.known.iter().copied().collect();
        known.sort_unstable();
        w.u32(known.len() as u32);
        for k in known {
            w.u64(k);
        }
        for table in [&self.rules, &self.exceptions] {
            let mut v: Vec<(u64, u32)> = table.iter().map(|(&k, &v)| (k, v)).collect();
            v.sort_unstable();
            w.u32(v.len() as u32);
            for (k, id) in v {
                w.u64(k);
                w.u32(id);
            }
        }
        w.buf
    }

    /// Deserialise.
    pub fn from_bytes(b: &[u8]) -> Result<Lemmatizer, ModelError> {
        let mut r = Reader::new(b, "lemmatizer.bin");
        r.header(MAGIC, VERSION)?;
        let n = r.u32()? as usize;
        let mut lem = Lemmatizer::default();
        for _ in 0..n.min(10_000_000) {
            let lower = r.u8()? != 0;
            let strip = r.u8()?;
            lem.scripts.push(Script {
                lower,
                strip,
                append: r.str()?,
            });
        }
        let n = r.u32()? as usize;
        for _ in 0..n.min(10_000_000) {
            lem.lemmas.push(r.str()?);
        }
        let n = r.u32()? as usize;
        lem.known.reserve(n.min(10_000_000));
        for _ in 0..n {
            lem.known.insert(r.u64()?);
        }
        for t in 0..2 {
            let m = r.u32()? as usize;
            let mut table =
                HashMap::with_capacity_and_hasher(m.min(10_000_000), IdBuild::default());
            let limit = if t == 0 {
                lem.scripts.len()
            } else {
                lem.lemmas.len()
            };
            for _ in 0..m {
                let k = r.u64()?;
                let id = r.u32()?;
                if id as usize >= limit {
                    return Err(r.error("index out of range"));
                }
                table.insert(k, id);
            }
            if t == 0 {
                lem.rules = table;
            } else {
                lem.exceptions = table;
            }
        }
        Ok(lem)
    }
}

fn lookup_parent(best_of: &BTreeMap<(String, String), u32>, xpos: &str, suf: &str) -> Option<u32> {
    // The nearest shorter suffix that is present decides what the pruned rule would fall back to.
    let mut s = suf.to_string();
    loop {
        if let Some(&id) = best_of.get(&(xpos.to_string(), s.clone())) {
            return Some(id);
        }
        if s.is_empty() {
            return None;
        }
        let mut c = s.chars();
        c.next();
        s = c.as_str().to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_derive_and_apply() {
        let s = Script::derive("Running", "run");
        assert_eq!(
            s,
            Script {
                lower: true,
                strip: 4,
                append: String::new()
            }
        );
        assert_eq!(s.apply("Sunning").as_deref(), Some("sun"));
        let s = Script::derive("Americans", "American");
        assert!(!s.lower);
        assert_eq!(s.apply("Russians").as_deref(), Some("Russian"));
        assert_eq!(
            Script::derive("went", "go").apply("went").as_deref(),
            Some("go")
        );
    }
}
