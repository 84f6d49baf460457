//! Feature extraction: turns a sentence (and what the document says about its words) into hashed
//! sparse features per token. Training and tagging call the same code, so a model and the features
//! it was trained on cannot drift apart; [`FEATURE_VERSION`] is stored in the model file and checked
//! on load.
//!
//! Features are 64-bit FNV-1a hashes of a template number and its string parts, so no feature
//! strings are kept in memory or in the model.

use crate::clusters::{Clusters, NONE};
use crate::gazetteer::{GazHit, Gazetteer};
use crate::tags::{split, Pos, Tag};
use crate::text::{
    is_all_caps, is_capitalized, is_lower, lower_key, normalize, shape, short_shape,
};
use std::collections::{HashMap, HashSet};

/// Version of the feature templates; bump when templates change (models must be retrained).
pub const FEATURE_VERSION: u32 = 1;

/// Incremental FNV-1a hash of a feature.
struct H(u64);

impl H {
    fn new(template: u8) -> H {
        let mut h = H(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    #[inline]
    fn byte(&mut self, b: u8) {
        self.0 ^= b as u64;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    #[inline]
    fn s(mut self, s: &str) -> H {
        for b in s.bytes() {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }
    #[inline]
    fn n(mut self, n: u32) -> H {
        for b in n.to_le_bytes() {
            self.byte(b);
        }
        self
    }
    fn done(self) -> u64 {
        self.0
    }
}

/// What the whole document says about word forms: which appear in lower case, and which appear
/// capitalised away from a sentence start (helps with sentence-initial and all-caps words).
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    lower_seen: HashSet<String>,
    cap_mid_seen: HashSet<String>,
}

impl DocContext {
    /// Builds the context from the document's sentences (words as in the text).
    pub fn new<'a, S, W>(sentences: S) -> DocContext
    where
        S: IntoIterator<Item = W>,
        W: IntoIterator<Item = &'a str>,
    {
        let mut ctx = DocContext::default();
        for sent in sentences {
            let words: Vec<&str> = sent.into_iter().collect();
            let headline = is_headline(&words);
            for (i, w) in words.iter().enumerate() {
                if is_lower(w) {
                    ctx.lower_seen.insert(w.to_string());
                } else if i > 0 && !headline && is_capitalized(w) && !is_all_caps(w) {
                    ctx.cap_mid_seen.insert(w.to_lowercase());
                }
            }
        }
        ctx
    }
}

/// Whether a sentence is written in capitals (a headline or a dateline), judged by its words.
fn is_headline(words: &[&str]) -> bool {
    let mut caps = 0;
    let mut letters = 0;
    for w in words {
        if w.chars().any(|c| c.is_alphabetic()) {
            letters += 1;
            if is_all_caps(w) && w.chars().filter(|c| c.is_alphabetic()).count() > 1 {
                caps += 1;
            }
        }
    }
    letters >= 2 && caps * 10 >= letters * 6
}

/// Per-token information computed once per sentence.
struct Tok {
    norm: String,
    lower: String,
    shape: String,
    sshape: String,
    cap: char,
    cl: [u16; 3],
    gaz: Vec<GazHit>,
    parts_gaz: u32,
}

/// Extracts features with a given gazetteer and cluster table.
pub struct Extractor<'a> {
    /// Gazetteer used for match features.
    pub gaz: &'a Gazetteer,
    /// Cluster table.
    pub clusters: &'a Clusters,
    /// Case-folded input (the caseless model): words arrive lower-cased, so a word without a
    /// cluster of its own borrows the cluster of its capitalised or all-caps form.
    pub caseless: bool,
}

fn cap_class(w: &str) -> char {
    if is_all_caps(w) {
        if w.chars().count() == 1 {
            'C'
        } else {
            'A'
        }
    } else if is_capitalized(w) {
        'C'
    } else if is_lower(w) {
        'l'
    } else if w.chars().any(|c| c.is_numeric()) {
        'd'
    } else {
        'p'
    }
}

impl Extractor<'_> {
    /// Features of every token of a sentence: `out[i]` receives token `i`'s feature hashes.
    pub fn sentence(&self, words: &[&str], doc: &DocContext, out: &mut Vec<Vec<u64>>) {
        let n = words.len();
        out.resize_with(n, Vec::new);
        out.truncate(n);
        let headline = is_headline(words);
        let toks: Vec<Tok> = words.iter().map(|w| self.tok(w)).collect();
        let lowers: Vec<String> = toks.iter().map(|t| t.norm.to_lowercase()).collect();
        let hits = self.gaz.matches(&lowers);
        let mut toks = toks;
        for (t, h) in toks.iter_mut().zip(hits) {
            t.gaz = h;
        }
        for (i, f) in out.iter_mut().enumerate() {
            f.clear();
            self.token(&toks, i, headline, doc, f);
        }
    }

    fn cluster(&self, w: &str) -> Option<[u16; 3]> {
        let found = self.clusters.get(w);
        if found.is_some() || !self.caseless {
            return found;
        }
        let mut cs = w.chars();
        let title: String = cs
            .next()
            .map(|c| c.to_uppercase().chain(cs).collect())
            .unwrap_or_default();
        self.clusters
            .get(&title)
            .or_else(|| self.clusters.get(&w.to_uppercase()))
    }

    fn tok(&self, w: &str) -> Tok {
        let norm = normalize(w);
        let cl = self.cluster(&norm).unwrap_or([NONE; 3]);
        let mut parts_gaz = 0;
        if norm.contains('-') && norm.len() > 2 {
            for p in norm.split('-').filter(|p| !p.is_empty()) {
                parts_gaz |= self.gaz.lookup(&p.to_lowercase());
            }
        }
        Tok {
            lower: lower_key(&norm),
            shape: shape(&norm),
            sshape: short_shape(&norm),
            cap: cap_class(&norm),
            cl,
            gaz: Vec::new(),
            parts_gaz,
            norm,
        }
    }

    fn token(&self, t: &[Tok], i: usize, headline: bool, doc: &DocContext, f: &mut Vec<u64>) {
        let n = t.len();
        let w = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 {
                "<S>"
            } else if j as usize >= n {
                "</S>"
            } else {
                &t[j as usize].norm
            }
        };
        let lw = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 {
                "<s>"
            } else if j as usize >= n {
                "</s>"
            } else {
                &t[j as usize].lower
            }
        };
        let ss = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                "_"
            } else {
                &t[j as usize].sshape
            }
        };
        let capc = |k: isize| -> char {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                '_'
            } else {
                t[j as usize].cap
            }
        };
        let cl = |k: isize, level: usize| -> u32 {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                u32::MAX - 1
            } else {
                t[j as usize].cl[level] as u32
            }
        };
        let me = &t[i];
        f.push(H::new(0).done());
        f.push(H::new(1).s(&me.norm).done());
        f.push(H::new(2).s(&me.lower).done());
        f.push(H::new(3).s(&me.shape).done());
        f.push(H::new(4).s(&me.sshape).done());
        // Prefixes and suffixes of the lower-cased form, up to four characters.
        let chars: Vec<(usize, char)> = me.lower.char_indices().collect();
        let nc = chars.len();
        for k in 1..=4.min(nc) {
            let end = if k < nc { chars[k].0 } else { me.lower.len() };
            f.push(H::new(5).n(k as u32).s(&me.lower[..end]).done());
            let start = chars[nc - k].0;
            f.push(H::new(6).n(k as u32).s(&me.lower[start..]).done());
        }
        // Context words.
        f.push(H::new(7).s(lw(-1)).done());
        f.push(H::new(8).s(lw(1)).done());
        f.push(H::new(9).s(lw(-2)).done());
        f.push(H::new(10).s(lw(2)).done());
        f.push(H::new(11).s(w(-1)).done());
        f.push(H::new(12).s(w(1)).done());
        f.push(H::new(13).s(lw(-1)).s(&me.lower).done());
        f.push(H::new(14).s(&me.lower).s(lw(1)).done());
        f.push(H::new(15).s(lw(-1)).s(&me.sshape).done());
        f.push(H::new(16).s(&me.sshape).s(lw(1)).done());
        // Shape and capitalisation patterns.
        f.push(H::new(17).s(ss(-1)).s(&me.sshape).s(ss(1)).done());
        f.push(H::new(18).s(ss(-1)).s(&me.sshape).done());
        f.push(H::new(19).s(&me.sshape).s(ss(1)).done());
        let pat = [capc(-2), capc(-1), me.cap, capc(1), capc(2)];
        f.push(
            H::new(20)
                .n(pat[1] as u32)
                .n(pat[2] as u32)
                .n(pat[3] as u32)
                .done(),
        );
        f.push(
            H::new(21)
                .n(pat[0] as u32)
                .n(pat[1] as u32)
                .n(pat[2] as u32)
                .n(pat[3] as u32)
                .n(pat[4] as u32)
                .done(),
        );
        f.push(
            H::new(22)
                .n((i == 0) as u32)
                .n(me.cap as u32)
                .n(headline as u32)
                .done(),
        );
        if headline {
            f.push(H::new(23).s(&me.lower).done());
        }
        if i == 0 {
            f.push(H::new(24).s(&me.lower).done());
        }
        let len = me.norm.chars().count().min(8) as u32;
        f.push(H::new(25).n(len).n(me.cap as u32).done());
        // Word clusters.
        for level in 0..3 {
            f.push(H::new(26).n(level as u32).n(cl(0, level)).done());
        }
        for level in 1..3 {
            f.push(H::new(27).n(level as u32).n(cl(-1, level)).done());
            f.push(H::new(28).n(level as u32).n(cl(1, level)).done());
        }
        f.push(H::new(29).n(cl(0, 2)).n(me.cap as u32).done());
        f.push(H::new(30).n(cl(-1, 1)).n(cl(0, 1)).done());
        f.push(H::new(31).n(cl(0, 1)).n(cl(1, 1)).done());
        // Gazetteer matches at the token and its neighbours.
        for h in &me.gaz {
            f.push(H::new(32).n(h.category as u32).n(h.pos as u32).done());
            f.push(
                H::new(33)
                    .n(h.category as u32)
                    .n(h.pos as u32)
                    .n(me.cap as u32)
                    .done(),
            );
        }
        if i > 0 {
            for h in &t[i - 1].gaz {
                f.push(H::new(34).n(h.category as u32).n(h.pos as u32).done());
            }
        }
        if i + 1 < n {
            for h in &t[i + 1].gaz {
                f.push(H::new(35).n(h.category as u32).n(h.pos as u32).done());
            }
        }
        if me.parts_gaz != 0 {
            f.push(H::new(36).n(me.parts_gaz).done());
        }
        // Document context for capitalised words.
        if me.cap == 'C' || me.cap == 'A' {
            let lower_plain = me.norm.to_lowercase();
            let seen_lower = doc.lower_seen.contains(&lower_plain);
            let seen_cap = doc.cap_mid_seen.contains(&lower_plain);
            f.push(
                H::new(37)
                    .n(seen_lower as u32)
                    .n(seen_cap as u32)
                    .n((i == 0 || headline) as u32)
                    .done(),
            );
        }
    }
}

/// What the first-pass tagger said about each capitalised word form across the document: how
/// often it was tagged PER, ORG, LOC, MISC or O. The second pass uses it to make a document's
/// mentions of one name consistent ("Bitar" in a line-up and "Bitar 's goal" later).
#[derive(Debug, Clone, Default)]
pub struct DocMemory {
    words: HashMap<String, [u16; 5]>,
    /// Per word: how often it was the first (`2 * type`) or last (`2 * type + 1`) token of a
    /// multi-token entity (a name whose parts recur alone: "Volodymyr Zelenskiy" … "Zelenskiy").
    parts: HashMap<String, [u16; 8]>,
    /// Built over case-folded words (see [`DocMemory::new`]).
    caseless: bool,
}

/// Whether token `i` of a BILOU sequence is the first (`Some((type, 0))`) or last
/// (`Some((type, 1))`) token of a multi-token entity.
fn part_of(t: Tag) -> Option<(usize, usize)> {
    match split(t) {
        (Pos::B, ty) => Some((ty, 0)),
        (Pos::L, ty) => Some((ty, 1)),
        _ => None,
    }
}

/// Type slot of a BILOU tag in [`DocMemory`] counts (4 = outside).
fn slot(t: Tag) -> usize {
    match split(t) {
        (Pos::O, _) => 4,
        (_, ty) => ty.min(3),
    }
}

/// The document-memory key of a word: its lower-cased form when it is capitalised, or (in
/// caseless text, where nothing is capitalised) when it has at least two letters.
fn memory_key(w: &str, caseless: bool) -> Option<String> {
    let n = normalize(w);
    let letters = n.chars().filter(|c| c.is_alphabetic()).count();
    let ok = if caseless {
        letters >= 2
    } else {
        is_capitalized(&n) && letters > 0
    };
    ok.then(|| n.to_lowercase())
}

impl DocMemory {
    /// Builds the memory from first-pass tags of every sentence of a document (`caseless`: the
    /// words are case-folded, so every word is remembered, not only capitalised ones).
    pub fn new(sentences: &[(&[&str], &[Tag])], caseless: bool) -> DocMemory {
        let mut m = DocMemory {
            caseless,
            ..DocMemory::default()
        };
        for (words, tags) in sentences {
            for (w, &t) in words.iter().zip(tags.iter()) {
                if let Some(k) = memory_key(w, caseless) {
                    if let Some((ty, end)) = part_of(t) {
                        let p = m.parts.entry(k.clone()).or_insert([0; 8]);
                        p[2 * ty + end] = p[2 * ty + end].saturating_add(1);
                    }
                    let e = m.words.entry(k).or_insert([0; 5]);
                    e[slot(t)] = e[slot(t)].saturating_add(1);
                }
            }
        }
        m
    }
}

/// Appends second-pass features to `out` (one vector per token, from [`Extractor::sentence`]):
/// the first-pass tags around the token and what the rest of the document said about its word.
pub fn stage2(words: &[&str], s1: &[Tag], mem: &DocMemory, out: &mut [Vec<u64>]) {
    let n = words.len().min(s1.len()).min(out.len());
    let tag_at = |j: isize| -> u32 {
        if j < 0 || j as usize >= n {
            99
        } else {
            s1[j as usize] as u32
        }
    };
    for i in 0..n {
        let f = &mut out[i];
        let ii = i as isize;
        f.push(H::new(40).n(tag_at(ii)).done());
        f.push(
            H::new(41)
                .n(tag_at(ii - 1))
                .n(tag_at(ii))
                .n(tag_at(ii + 1))
                .done(),
        );
        let Some(k) = memory_key(words[i], mem.caseless) else {
            continue;
        };
        if let Some(p) = mem.parts.get(&k) {
            let mut p = *p;
            if let Some((ty, end)) = part_of(s1[i]) {
                p[2 * ty + end] = p[2 * ty + end].saturating_sub(1);
            }
            for (b, &x) in p.iter().enumerate() {
                if x > 0 {
                    f.push(H::new(46).n(b as u32).done());
                    f.push(H::new(47).n(b as u32).n((n == 1 || i == 0) as u32).done());
                }
            }
        }
        let Some(counts) = mem.words.get(&k) else {
            continue;
        };
        let mut c = *counts;
        let own = slot(s1[i]);
        c[own] = c[own].saturating_sub(1);
        let total: u32 = c.iter().map(|&x| x as u32).sum();
        if total == 0 {
            f.push(H::new(42).n(0).done());
            continue;
        }
        let mut best = 0;
        for (t, &x) in c.iter().enumerate() {
            if x > c[best] {
                best = t;
            }
            if x > 0 {
                let frac = x as f32 / total as f32;
                let bin = if frac >= 0.99 {
                    3
                } else if frac >= 0.5 {
                    2
                } else {
                    1
                };
                f.push(H::new(43).n(t as u32).n(bin).done());
            }
        }
        f.push(H::new(44).n(best as u32).n((own == best) as u32).done());
        f.push(H::new(45).n(best as u32).n(s1[i] as u32).done());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extractor_features(words: &[&str]) -> Vec<Vec<u64>> {
        let gaz = Gazetteer::embedded();
        let cl = Clusters::default();
        let ex = Extractor {
            gaz: &gaz,
            clusters: &cl,
            caseless: false,
        };
        let doc = DocContext::new([words.iter().copied()]);
        let mut out = Vec::new();
        ex.sentence(words, &doc, &mut out);
        out
    }

    #[test]
    fn features_are_deterministic_and_contextual() {
        let a = extractor_features(&["Angela", "Merkel", "visited", "Paris", "."]);
        let b = extractor_features(&["Angela", "Merkel", "visited", "Paris", "."]);
        assert_eq!(a, b);
        assert_eq!(a.len(), 5);
        // The same word in another context shares its word feature but not its context features.
        let c = extractor_features(&["He", "visited", "Paris", "today"]);
        assert!(c[2].contains(&a[3][1]), "word identity feature is shared");
        assert_ne!(c[2], a[3]);
        // A gazetteer hit adds features.
        assert!(a[3].len() > c[3].len() || a[3].len() >= 40);
    }

    #[test]
    fn curly_and_straight_quotes_give_the_same_features() {
        let a = extractor_features(&["Russia\u{2019}s", "army"]);
        let b = extractor_features(&["Russia's", "army"]);
        assert_eq!(a, b);
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert!(extractor_features(&[]).is_empty());
        let odd = extractor_features(&["", "\u{0301}", "ß", "日本", "—", "a-", "-"]);
        assert_eq!(odd.len(), 7);
    }

    #[test]
    fn headlines_are_detected() {
        assert!(is_headline(&[
            "SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"
        ]));
        assert!(!is_headline(&["Japan", "won", "."]));
    }
}
