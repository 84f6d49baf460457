//! A trained cue classifier: is this parsed word the cue of an attribution?
//!
//! Reporting verbs of the lexicon cover only part of what attribution corpora annotate: beliefs
//! ("fears"), stances ("backs"), nominal cues ("his claim that"), idioms ("made clear"). This
//! module scores every parsed VERB, NOUN and ADJ token with a logistic model over sparse
//! features of the word and its place in the parse (lemma, tag, strongest complement, subject
//! type, passive, complementizer, neighbours), trained on PolNeAR train
//! (`scripts/train-quote-cues.sh`; weights in `data/models/quotes/cues.tsv`, docs/models.md).
//! The finder takes a token whose score reaches the model's threshold as a cue.

use crate::view::View;
use dyad_doc::Doc;
use std::collections::{BTreeMap, HashMap};

/// Embedded default weights.
pub const DEFAULT_MODEL: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/quotes/cues.tsv"
));

/// A model file could not be parsed.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct CueModelError {
    /// File name as given to the loader.
    pub file: String,
    /// One-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Feature string → weight.
type Weights = HashMap<String, f32>;

/// [`key`] of a feature string → weight. Scoring hashes each feature from the hashes of its
/// pieces as [`each_features`] gives them (the hash is polynomial, so that is the hash of the
/// whole string), so no feature string is written out in the quote stage and a word's hash is
/// computed once per token, not once per feature it is part of.
type Hashed = dyad_ner::model::IdMap<f32>;

/// The multiplier of the polynomial hash (odd).
const P: u64 = 0x9e37_79b9_7f4a_7c15;

/// `P` to the powers 0 to 63.
const POW: [u64; 64] = {
    let mut t = [1u64; 64];
    let mut i = 1;
    while i < 64 {
        t[i] = t[i - 1].wrapping_mul(P);
        i += 1;
    }
    t
};

/// `P` to the power `n`.
fn pow(n: usize) -> u64 {
    match POW.get(n) {
        Some(&x) => x,
        None => (64..n).fold(POW[63].wrapping_mul(P), |x, _| x.wrapping_mul(P)),
    }
}

/// The polynomial hash of `s` modulo 2^64: `s[0]·P^(n-1) + … + s[n-1]`, so that
/// `poly(a ++ b) = poly(a)·P^|b| + poly(b)`.
pub(crate) const fn poly(s: &[u8]) -> u64 {
    let mut h = 0u64;
    let mut i = 0;
    while i < s.len() {
        h = h.wrapping_mul(P).wrapping_add(s[i] as u64);
        i += 1;
    }
    h
}

/// The map key of a string of `len` bytes with polynomial hash `h`: the length added and the
/// bits mixed (a bijection of the sum, so no two sums share a key), as the map's hasher takes the
/// key as it is.
fn key(h: u64, len: usize) -> u64 {
    let mut x = h.wrapping_add(len as u64);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// The key of a feature string.
fn key_of(s: &str) -> u64 {
    key(poly(s.as_bytes()), s.len())
}

/// A piece of a feature string with its hash ([`poly`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece<'a> {
    s: &'a str,
    h: u64,
}

impl<'a> Piece<'a> {
    /// `s` with its hash.
    pub(crate) fn new(s: &'a str) -> Piece<'a> {
        Piece {
            s,
            h: poly(s.as_bytes()),
        }
    }

    /// A piece whose hash is known.
    const fn with_hash(s: &'a str, h: u64) -> Piece<'a> {
        Piece { s, h }
    }
}

/// A piece of literal text, hashed at compile time.
macro_rules! lit {
    ($s:expr) => {
        Piece::with_hash($s, const { poly($s.as_bytes()) })
    };
}

/// Logistic weights over feature strings, with the decision threshold.
#[derive(Debug, Clone, Default)]
pub struct CueModel {
    weights: Weights,
    /// The same weights by feature hash, for scoring ([`probs`]).
    hashed: Hashed,
    bias: f32,
    /// Probability at or above which a token is a cue.
    pub threshold: f32,
    /// Probability below which a cue of the frame table (`data/quotes/frames.tsv`) is dropped.
    pub frame_floor: f32,
}

/// Universal POS tags the model scores.
const SCORED: &[&str] = &["VERB", "NOUN", "ADJ"];

/// Complement relations in order of strength; the strongest one present is a word's frame.
const FRAMES: [Piece; 4] = [lit!("ccomp"), lit!("xcomp"), lit!("obj"), lit!("acl")];

/// Features of every token of `doc` the model scores (`None` for the others, and for all tokens
/// when the document has no parse).
pub fn doc_features(doc: &Doc) -> Vec<Option<Vec<String>>> {
    features(&View::new(doc))
}

/// The model's probability per token of `doc` (0 for tokens it does not score): what the quote
/// stage uses, equal to [`CueModel::prob`] of [`doc_features`] without building them.
pub fn doc_probs(doc: &Doc, model: &CueModel) -> Vec<f32> {
    probs(&View::new(doc), model)
}

/// Features per token of a view (see [`doc_features`]).
pub(crate) fn features(v: &View) -> Vec<Option<Vec<String>>> {
    let mut c = Collect {
        cur: Vec::new(),
        out: vec![None; v.toks.len()],
    };
    each_features(v, &mut c);
    c.out
}

/// The model's probability per token of a view (0 for tokens it does not score). Features are
/// hashed as they are formatted and looked up by hash: collecting them as strings per token (and
/// for the whole document) cost time and memory in proportion to the document.
pub(crate) fn probs(v: &View, model: &CueModel) -> Vec<f32> {
    let mut s = Score {
        sum: model.scorer(),
        out: vec![0.0; v.toks.len()],
    };
    if !model.is_empty() {
        each_features(v, &mut s);
    }
    s.out
}

/// Receives the features of one token after another (see [`each_features`]).
pub(crate) trait FeatureSink {
    /// One feature of the current token: the concatenation of `parts` (given in pieces with
    /// their hashes, so that scoring can hash it without writing it out or going through `fmt`).
    fn feature(&mut self, parts: &[Piece]);
    /// Every feature of token `i` has been given.
    fn token_done(&mut self, i: usize);
}

/// Collects features as strings (training, [`doc_features`]).
struct Collect {
    cur: Vec<String>,
    out: Vec<Option<Vec<String>>>,
}

impl FeatureSink for Collect {
    fn feature(&mut self, parts: &[Piece]) {
        self.cur.push(parts.iter().map(|p| p.s).collect());
    }
    fn token_done(&mut self, i: usize) {
        self.out[i] = Some(std::mem::take(&mut self.cur));
    }
}

/// Scores features as they come: the same sum, in the same order, as [`CueModel::prob`]
/// without keeping them.
struct Score<'m> {
    sum: Sum<'m>,
    out: Vec<f32>,
}

impl FeatureSink for Score<'_> {
    fn feature(&mut self, parts: &[Piece]) {
        FeatureSink::feature(&mut self.sum, parts);
    }
    fn token_done(&mut self, i: usize) {
        self.out[i] = self.sum.prob();
        self.sum.z = 0.0;
    }
}

/// The weights of one feature list summed as its features come, looked up by the hash of their
/// pieces ([`CueModel::scorer`]).
pub(crate) struct Sum<'m> {
    model: &'m CueModel,
    /// Sum of the feature weights so far.
    z: f32,
}

impl Sum<'_> {
    /// The probability of the features given so far: [`CueModel::prob`] of their list.
    pub(crate) fn prob(&self) -> f32 {
        let z = self.model.bias + self.z;
        1.0 / (1.0 + (-z).exp())
    }
}

impl Sum<'_> {
    /// Add the weight of the feature with key `k`, if the model has it.
    fn add(&mut self, k: u64) {
        if let Some(w) = self.model.hashed.get(&k) {
            self.z += w;
        }
    }
}

impl FeatureSink for Sum<'_> {
    fn feature(&mut self, parts: &[Piece]) {
        let (mut h, mut n) = (0u64, 0usize);
        for p in parts {
            h = h.wrapping_mul(pow(p.s.len())).wrapping_add(p.h);
            n += p.s.len();
        }
        self.add(key(h, n));
    }
    fn token_done(&mut self, _: usize) {}
}

impl StrSink for Sum<'_> {
    fn feature(&mut self, parts: &[&str]) {
        let (mut h, mut n) = (0u64, 0usize);
        for p in parts {
            for &b in p.as_bytes() {
                h = h.wrapping_mul(P).wrapping_add(b as u64);
            }
            n += p.len();
        }
        self.add(key(h, n));
    }
}

/// Receives the features of one list as strings in pieces (the attribution filter's).
pub(crate) trait StrSink {
    /// One feature: the concatenation of `parts`.
    fn feature(&mut self, parts: &[&str]);
}

/// Gives `sink` the features of every token the model scores, in token order (nothing when the
/// view has no parse).
fn each_features(v: &View, sink: &mut impl FeatureSink) {
    if !v.parsed {
        return;
    }
    let kids = Children::of_view(v);
    // Each token's lower-cased form and lemma with their hashes, hashed once.
    let lower: Vec<Piece> = v.toks.iter().map(|t| Piece::new(&t.lower)).collect();
    let lemma: Vec<Piece> = v.toks.iter().map(|t| Piece::new(&t.lemma)).collect();
    let mut rels: Vec<&str> = Vec::new();
    let bar = lit!("|");
    for (i, t) in v.toks.iter().enumerate() {
        if !SCORED.contains(&t.upos.as_str()) {
            continue;
        }
        let (l, u) = (lemma[i], Piece::new(t.upos.as_str()));
        rels.clear();
        rels.extend(kids.of(i).iter().map(|&k| v.toks[k].deprel.as_str()));
        let frame = FRAMES
            .iter()
            .find(|f| rels.iter().any(|r| base(r) == f.s))
            .copied()
            .unwrap_or(lit!("none"));
        let d = t.deprel.as_str();
        let (dp, db) = (Piece::new(d), Piece::new(base(d)));
        sink.feature(&[lit!("l="), l]);
        sink.feature(&[lit!("lu="), l, bar, u]);
        sink.feature(&[lit!("lf="), l, bar, u, bar, frame]);
        sink.feature(&[lit!("uf="), u, bar, frame]);
        sink.feature(&[lit!("d="), dp]);
        sink.feature(&[lit!("ud="), u, bar, dp]);
        sink.feature(&[lit!("ld="), l, bar, db]);
        sink.feature(&[lit!("w="), lower[i]]);
        // Word classes: a rare cue word shares weights with frequent words of its cluster.
        if let Some(ids) = crate::wordclass::of(&t.lower) {
            let mut bufs = [[0u8; 5]; 3];
            let [coarse, mid, fine] = digits3(ids, &mut bufs).map(Piece::new);
            sink.feature(&[lit!("kf="), fine, bar, u, bar, frame]);
            sink.feature(&[lit!("km="), mid, bar, u, bar, frame]);
            sink.feature(&[lit!("kc="), coarse, bar, u]);
        }
        // Subject: who holds the attitude.
        let subj = kids
            .of(i)
            .iter()
            .copied()
            .find(|&k| v.toks[k].deprel.starts_with("nsubj"));
        let sk = match subj {
            None => lit!("none"),
            Some(k) => subject_kind(v, k),
        };
        sink.feature(&[lit!("s="), sk]);
        sink.feature(&[lit!("ls="), l, bar, sk]);
        sink.feature(&[lit!("fs="), frame, bar, sk]);
        let passive = rels.iter().any(|r| *r == "aux:pass" || *r == "nsubj:pass");
        if passive {
            sink.feature(&[lit!("pass")]);
            sink.feature(&[lit!("lp="), l]);
        }
        // Complementizer of the clausal complement ("that", "if", "whether", "to").
        for &k in kids.of(i) {
            let r = base(&v.toks[k].deprel);
            if matches!(r, "ccomp" | "xcomp" | "acl" | "advcl") {
                for &m in kids.of(k) {
                    if v.toks[m].deprel == "mark" {
                        let r = Piece::new(r);
                        sink.feature(&[lit!("m="), r, bar, lower[m]]);
                        sink.feature(&[lit!("lm="), l, bar, lower[m]]);
                    }
                }
            }
            if matches!(r, "nmod" | "obl") {
                if let Some(&c) = kids.of(k).iter().find(|&&c| v.toks[c].deprel == "case") {
                    sink.feature(&[lit!("pp="), Piece::new(r), bar, lower[c]]);
                    sink.feature(&[lit!("lpp="), l, bar, lower[c]]);
                }
            }
            if r == "advmod" && matches!(v.toks[k].lower.as_str(), "not" | "n't" | "never") {
                sink.feature(&[lit!("neg")]);
            }
            if r == "nmod" && v.toks[k].deprel == "nmod:poss" {
                sink.feature(&[lit!("poss="), subject_kind(v, k)]);
            }
        }
        for r in &rels {
            sink.feature(&[lit!("c="), Piece::new(base(r))]);
        }
        // Neighbours and the governing word ("is expected to", "in a statement").
        let prev = if i > 0 { lower[i - 1] } else { lit!("<s>") };
        let next = lower.get(i + 1).copied().unwrap_or(lit!("</s>"));
        sink.feature(&[lit!("p="), prev]);
        sink.feature(&[lit!("n="), next]);
        sink.feature(&[lit!("ln="), l, bar, next]);
        if let Some(h) = t.head {
            sink.feature(&[lit!("h="), lemma[h], bar, db]);
        } else {
            sink.feature(&[lit!("root")]);
        }
        sink.token_done(i);
    }
}

/// The three cluster ids in decimal, written into `bufs` (what `{}` of a `u16` writes).
fn digits3(ids: [u16; 3], bufs: &mut [[u8; 5]; 3]) -> [&str; 3] {
    let [a, b, c] = bufs;
    [digits(ids[0], a), digits(ids[1], b), digits(ids[2], c)]
}

/// `x` in decimal, written into the end of `buf`.
fn digits(mut x: u16, buf: &mut [u8; 5]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (x % 10) as u8;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).expect("ASCII digits")
}

/// The dependents of every token, in token order, in two flat arrays (a vector per token cost
/// about 40 bytes per token of a document).
struct Children {
    /// `start[h]..start[h + 1]` indexes `flat` for head `h`.
    start: Vec<usize>,
    flat: Vec<usize>,
}

impl Children {
    fn of_view(v: &View) -> Children {
        let n = v.toks.len();
        let mut start = vec![0usize; n + 1];
        for t in &v.toks {
            if let Some(h) = t.head {
                start[h + 1] += 1;
            }
        }
        for h in 0..n {
            start[h + 1] += start[h];
        }
        let mut next = start.clone();
        let mut flat = vec![0usize; start[n]];
        for (k, t) in v.toks.iter().enumerate() {
            if let Some(h) = t.head {
                flat[next[h]] = k;
                next[h] += 1;
            }
        }
        Children { start, flat }
    }

    /// The dependents of `h`, in token order.
    fn of(&self, h: usize) -> &[usize] {
        &self.flat[self.start[h]..self.start[h + 1]]
    }
}

/// A dependency relation without its subtype ("nsubj:pass" → "nsubj").
fn base(r: &str) -> &str {
    r.split(':').next().unwrap_or("")
}

/// A coarse kind of a subject or possessor token: person pronoun, other pronoun, proper name,
/// common noun.
fn subject_kind(v: &View, k: usize) -> Piece<'static> {
    let t = &v.toks[k];
    match t.lower.as_str() {
        "he" | "she" | "they" | "his" | "her" | "their" => lit!("p3"),
        "i" | "we" | "my" | "our" => lit!("p1"),
        "you" | "your" => lit!("p2"),
        "it" | "its" | "this" | "that" => lit!("it"),
        "who" | "which" => lit!("rel"),
        _ => match t.upos.as_str() {
            "PROPN" => lit!("name"),
            "NOUN" => lit!("noun"),
            "PRON" => lit!("pron"),
            _ => lit!("other"),
        },
    }
}

impl CueModel {
    /// The embedded model.
    pub fn embedded() -> CueModel {
        CueModel::parse(DEFAULT_MODEL, "data/models/quotes/cues.tsv")
            .expect("embedded cue model is valid (checked by tests)")
    }

    /// Parse a weights file: `# threshold P` and `# bias W` lines, then `FEATURE<TAB>WEIGHT`.
    /// Other `#` lines are comments.
    pub fn parse(text: &str, name: &str) -> Result<CueModel, CueModelError> {
        let err = |line: usize, message: String| CueModelError {
            file: name.to_string(),
            line,
            message,
        };
        let mut m = CueModel {
            threshold: 0.5,
            ..Default::default()
        };
        for (n, line) in text.lines().enumerate() {
            let num = |s: &str| {
                s.trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| err(n + 1, format!("not a number: {s:?}")))
            };
            if let Some(rest) = line.strip_prefix("# threshold ") {
                m.threshold = num(rest)?;
                if !(0.0..=1.0).contains(&m.threshold) {
                    return Err(err(n + 1, "threshold must be within 0..1".into()));
                }
            } else if let Some(rest) = line.strip_prefix("# frame-floor ") {
                m.frame_floor = num(rest)?;
            } else if let Some(rest) = line.strip_prefix("# bias ") {
                m.bias = num(rest)?;
            } else if line.starts_with('#') || line.trim().is_empty() {
                continue;
            } else {
                let (f, w) = line
                    .split_once('\t')
                    .ok_or_else(|| err(n + 1, "expected FEATURE<TAB>WEIGHT".into()))?;
                let w = num(w)?;
                if m.weights.insert(f.to_string(), w).is_some() {
                    return Err(err(n + 1, format!("feature {f:?} listed twice")));
                }
                if m.hashed.insert(key_of(f), w).is_some() {
                    return Err(err(n + 1, format!("feature {f:?}: its hash collides")));
                }
            }
        }
        Ok(m)
    }

    /// A sum of weights to give features to, piece by piece ([`FeatureSink`]).
    pub(crate) fn scorer(&self) -> Sum<'_> {
        Sum {
            model: self,
            z: 0.0,
        }
    }

    /// Whether the model has any weight (an empty file disables it).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Probability that a token with these features is a cue.
    pub fn prob(&self, feats: &[String]) -> f32 {
        let z = self.bias
            + feats
                .iter()
                .filter_map(|f| self.weights.get(f))
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Train on `(features, is_cue)` examples: L2-regularised logistic regression by AdaGrad, in
    /// a fixed order (deterministic). Features seen fewer than `min_count` times are dropped, and
    /// weights are rounded to three decimals, those below 0.01 left out.
    pub fn train(
        examples: &[(Vec<String>, bool)],
        epochs: usize,
        l2: f32,
        min_count: usize,
    ) -> CueModel {
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for (f, _) in examples {
            for x in f {
                *count.entry(x.as_str()).or_default() += 1;
            }
        }
        let index: HashMap<&str, usize> = count
            .iter()
            .filter(|(_, &c)| c >= min_count)
            .enumerate()
            .map(|(i, (f, _))| (*f, i))
            .collect();
        let rows: Vec<(Vec<usize>, f32)> = examples
            .iter()
            .map(|(f, y)| {
                let mut ix: Vec<usize> = f
                    .iter()
                    .filter_map(|x| index.get(x.as_str()).copied())
                    .collect();
                ix.sort_unstable();
                ix.dedup();
                (ix, if *y { 1.0 } else { 0.0 })
            })
            .collect();
        let dim = index.len() + 1; // last slot: bias
        let mut w = vec![0f32; dim];
        let mut g2 = vec![1e-6f32; dim];
        let lr = 0.5f32;
        // A fixed permutation per epoch (linear congruential), so runs are reproducible.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            for &r in &order {
                let (ix, y) = &rows[r];
                let z = w[dim - 1] + ix.iter().map(|&j| w[j]).sum::<f32>();
                let p = 1.0 / (1.0 + (-z).exp());
                let g = p - y;
                for &j in ix.iter().chain(std::iter::once(&(dim - 1))) {
                    let gj = g + if j + 1 < dim { l2 * w[j] } else { 0.0 };
                    g2[j] += gj * gj;
                    w[j] -= lr * gj / g2[j].sqrt();
                }
            }
        }
        let round = |x: f32| (x * 1000.0).round() / 1000.0;
        let mut weights = Weights::default();
        for (f, &j) in &index {
            let x = round(w[j]);
            if x.abs() >= 0.01 {
                weights.insert(f.to_string(), x);
            }
        }
        // A collision among ~10^5 64-bit hashes is vanishingly rare; `parse` rejects one.
        let hashed = weights.iter().map(|(f, &w)| (key_of(f), w)).collect();
        CueModel {
            weights,
            hashed,
            bias: round(w[dim - 1]),
            threshold: 0.5,
            frame_floor: 0.0,
        }
    }

    /// The weights file text (see [`CueModel::parse`]), features sorted.
    pub fn to_text(&self, header: &str) -> String {
        let mut s = String::new();
        for l in header.lines() {
            s.push_str(&format!("# {l}\n"));
        }
        s.push_str(&format!(
            "# threshold {}\n# frame-floor {}\n# bias {}\n",
            self.threshold, self.frame_floor, self.bias
        ));
        let sorted: BTreeMap<&String, &f32> = self.weights.iter().collect();
        for (f, w) in sorted {
            s.push_str(&format!("{f}\t{w}\n"));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(f: &[&str], y: bool) -> (Vec<String>, bool) {
        (f.iter().map(|s| s.to_string()).collect(), y)
    }

    #[test]
    fn learns_a_separable_feature_and_round_trips() {
        let mut data = Vec::new();
        for i in 0..200 {
            data.push(ex(
                &["l=say", if i % 2 == 0 { "s=p3" } else { "s=name" }],
                true,
            ));
            data.push(ex(
                &["l=eat", if i % 2 == 0 { "s=p3" } else { "s=name" }],
                false,
            ));
        }
        let m = CueModel::train(&data, 5, 1e-4, 2);
        let say = m.prob(&["l=say".into(), "s=p3".into()]);
        let eat = m.prob(&["l=eat".into(), "s=p3".into()]);
        assert!(say > 0.9 && eat < 0.1, "say {say} eat {eat}");
        let back = CueModel::parse(&m.to_text("test"), "t").unwrap();
        assert!((back.prob(&["l=say".into()]) - m.prob(&["l=say".into()])).abs() < 1e-3);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = CueModel::parse("# threshold 0.4\nl=say\t1.5\nl=eat 2\n", "cues.tsv").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("cues.tsv", 3));
        let e = CueModel::parse("# threshold 2\n", "cues.tsv").unwrap_err();
        assert_eq!(e.line, 1);
        let e = CueModel::parse("l=a\tx\n", "cues.tsv").unwrap_err();
        assert!(e.message.contains("not a number"));
    }

    #[test]
    fn a_feature_hashed_in_pieces_has_the_key_of_its_string() {
        let m = CueModel::parse("# bias 0\nlf=say|VERB|ccomp\t2\n", "t").unwrap();
        let parts = ["lf=", "say", "|", "VERB", "|", "ccomp"];
        let mut s = m.scorer();
        FeatureSink::feature(&mut s, &parts.map(Piece::new));
        assert_eq!(s.z, 2.0);
        let mut s = m.scorer();
        StrSink::feature(&mut s, &parts);
        assert_eq!(s.z, 2.0);
        let mut s = m.scorer();
        FeatureSink::feature(
            &mut s,
            &["lf=", "say", "|", "VERB", "|", "obj"].map(Piece::new),
        );
        assert_eq!(s.z, 0.0);
        // Long pieces (past the table of powers) too.
        let long = "x".repeat(100);
        let text = format!("# bias 0\nw={long}|y\t1\n");
        let m = CueModel::parse(&text, "t").unwrap();
        let mut s = m.scorer();
        FeatureSink::feature(&mut s, &[lit!("w="), Piece::new(&long), lit!("|y")]);
        assert_eq!(s.z, 1.0);
    }

    #[test]
    fn cluster_ids_are_written_as_display_writes_them() {
        for x in [0u16, 7, 10, 99, 100, 255, 1000, 9999, 10000, u16::MAX] {
            let mut buf = [0u8; 5];
            assert_eq!(digits(x, &mut buf), x.to_string());
        }
    }

    #[test]
    fn embedded_model_loads() {
        let m = CueModel::embedded();
        assert!(m.threshold > 0.0 && m.threshold < 1.0);
    }
}
