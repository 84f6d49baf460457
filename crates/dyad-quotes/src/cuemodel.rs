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
use std::hash::{BuildHasherDefault, Hasher};

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

/// FNV-1a over a feature string's bytes. Scoring looks up a dozen short feature strings per
/// scored token; the standard library's SipHash was most of that time (`perf`, 2026-12-06).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Feature string → weight.
type Weights = HashMap<String, f32, BuildHasherDefault<Fnv>>;

/// FNV-1a hash of a feature string → weight. Scoring hashes each feature piece by piece as
/// [`each_features`] gives it (FNV-1a is byte-wise, so that is the hash of the whole string), so
/// no feature string is written out in the quote stage.
type Hashed = dyad_ner::model::IdMap<f32>;

/// The FNV-1a hash of a feature string.
fn fnv(s: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(s.as_bytes());
    h.finish()
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
const FRAMES: &[&str] = &["ccomp", "xcomp", "obj", "acl"];

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
        model,
        z: 0.0,
        out: vec![0.0; v.toks.len()],
    };
    if !model.is_empty() {
        each_features(v, &mut s);
    }
    s.out
}

/// Receives the features of one token after another (see [`each_features`]).
trait FeatureSink {
    /// One feature of the current token: the concatenation of `parts` (given in pieces so
    /// that scoring can hash it without writing it out or going through `fmt`).
    fn feature(&mut self, parts: &[&str]);
    /// Every feature of token `i` has been given.
    fn token_done(&mut self, i: usize);
}

/// Collects features as strings (training, [`doc_features`]).
struct Collect {
    cur: Vec<String>,
    out: Vec<Option<Vec<String>>>,
}

impl FeatureSink for Collect {
    fn feature(&mut self, parts: &[&str]) {
        self.cur.push(parts.concat());
    }
    fn token_done(&mut self, i: usize) {
        self.out[i] = Some(std::mem::take(&mut self.cur));
    }
}

/// Scores features as they come: the same sum, in the same order, as [`CueModel::prob`]
/// without keeping them.
struct Score<'m> {
    model: &'m CueModel,
    /// Sum of the current token's feature weights.
    z: f32,
    out: Vec<f32>,
}

impl FeatureSink for Score<'_> {
    fn feature(&mut self, parts: &[&str]) {
        let mut h = Fnv::default();
        for p in parts {
            h.write(p.as_bytes());
        }
        if let Some(w) = self.model.hashed.get(&h.finish()) {
            self.z += w;
        }
    }
    fn token_done(&mut self, i: usize) {
        let z = self.model.bias + self.z;
        self.out[i] = 1.0 / (1.0 + (-z).exp());
        self.z = 0.0;
    }
}

/// Gives `sink` the features of every token the model scores, in token order (nothing when the
/// view has no parse).
fn each_features(v: &View, sink: &mut impl FeatureSink) {
    if !v.parsed {
        return;
    }
    let kids = Children::of_view(v);
    let mut rels: Vec<&str> = Vec::new();
    for (i, t) in v.toks.iter().enumerate() {
        if !SCORED.contains(&t.upos.as_str()) {
            continue;
        }
        let (l, u) = (t.lemma.as_str(), t.upos.as_str());
        rels.clear();
        rels.extend(kids.of(i).iter().map(|&k| v.toks[k].deprel.as_str()));
        let frame = FRAMES
            .iter()
            .find(|f| rels.iter().any(|r| base(r) == **f))
            .copied()
            .unwrap_or("none");
        let d = t.deprel.as_str();
        sink.feature(&["l=", l]);
        sink.feature(&["lu=", l, "|", u]);
        sink.feature(&["lf=", l, "|", u, "|", frame]);
        sink.feature(&["uf=", u, "|", frame]);
        sink.feature(&["d=", d]);
        sink.feature(&["ud=", u, "|", d]);
        sink.feature(&["ld=", l, "|", base(d)]);
        sink.feature(&["w=", &t.lower]);
        // Word classes: a rare cue word shares weights with frequent words of its cluster.
        if let Some(ids) = crate::wordclass::of(&t.lower) {
            let mut bufs = [[0u8; 5]; 3];
            let [coarse, mid, fine] = digits3(ids, &mut bufs);
            sink.feature(&["kf=", fine, "|", u, "|", frame]);
            sink.feature(&["km=", mid, "|", u, "|", frame]);
            sink.feature(&["kc=", coarse, "|", u]);
        }
        // Subject: who holds the attitude.
        let subj = kids
            .of(i)
            .iter()
            .copied()
            .find(|&k| v.toks[k].deprel.starts_with("nsubj"));
        let sk = match subj {
            None => "none",
            Some(k) => subject_kind(v, k),
        };
        sink.feature(&["s=", sk]);
        sink.feature(&["ls=", l, "|", sk]);
        sink.feature(&["fs=", frame, "|", sk]);
        let passive = rels.iter().any(|r| *r == "aux:pass" || *r == "nsubj:pass");
        if passive {
            sink.feature(&["pass"]);
            sink.feature(&["lp=", l]);
        }
        // Complementizer of the clausal complement ("that", "if", "whether", "to").
        for &k in kids.of(i) {
            let r = base(&v.toks[k].deprel);
            if matches!(r, "ccomp" | "xcomp" | "acl" | "advcl") {
                for &m in kids.of(k) {
                    if v.toks[m].deprel == "mark" {
                        sink.feature(&["m=", r, "|", &v.toks[m].lower]);
                        sink.feature(&["lm=", l, "|", &v.toks[m].lower]);
                    }
                }
            }
            if matches!(r, "nmod" | "obl") {
                if let Some(&c) = kids.of(k).iter().find(|&&c| v.toks[c].deprel == "case") {
                    sink.feature(&["pp=", r, "|", &v.toks[c].lower]);
                    sink.feature(&["lpp=", l, "|", &v.toks[c].lower]);
                }
            }
            if r == "advmod" && matches!(v.toks[k].lower.as_str(), "not" | "n't" | "never") {
                sink.feature(&["neg"]);
            }
            if r == "nmod" && v.toks[k].deprel == "nmod:poss" {
                sink.feature(&["poss=", subject_kind(v, k)]);
            }
        }
        for r in &rels {
            sink.feature(&["c=", base(r)]);
        }
        // Neighbours and the governing word ("is expected to", "in a statement").
        let prev = if i > 0 {
            v.toks[i - 1].lower.as_str()
        } else {
            "<s>"
        };
        let next = v.toks.get(i + 1).map_or("</s>", |t| t.lower.as_str());
        sink.feature(&["p=", prev]);
        sink.feature(&["n=", next]);
        sink.feature(&["ln=", l, "|", next]);
        if let Some(h) = t.head {
            sink.feature(&["h=", &v.toks[h].lemma, "|", base(d)]);
        } else {
            sink.feature(&["root"]);
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
fn subject_kind(v: &View, k: usize) -> &'static str {
    let t = &v.toks[k];
    match t.lower.as_str() {
        "he" | "she" | "they" | "his" | "her" | "their" => "p3",
        "i" | "we" | "my" | "our" => "p1",
        "you" | "your" => "p2",
        "it" | "its" | "this" | "that" => "it",
        "who" | "which" => "rel",
        _ => match t.upos.as_str() {
            "PROPN" => "name",
            "NOUN" => "noun",
            "PRON" => "pron",
            _ => "other",
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
                if m.hashed.insert(fnv(f), w).is_some() {
                    return Err(err(n + 1, format!("feature {f:?}: its hash collides")));
                }
            }
        }
        Ok(m)
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
        let hashed = weights.iter().map(|(f, &w)| (fnv(f), w)).collect();
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
    fn a_feature_hashed_in_pieces_has_the_hash_of_its_string() {
        let mut h = Fnv::default();
        for p in ["lf=", "say", "|", "VERB", "|", "ccomp"] {
            h.write(p.as_bytes());
        }
        assert_eq!(h.finish(), fnv("lf=say|VERB|ccomp"));
        assert_ne!(h.finish(), fnv("lf=say|VERB|obj"));
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
