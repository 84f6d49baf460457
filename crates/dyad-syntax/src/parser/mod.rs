//! Transition-based dependency parser: arc-hybrid system with the root token at the end of the
//! buffer, a greedy averaged-perceptron classifier over labelled transitions, Zhang & Nivre style
//! rich features (words, tags, distance, valency, second-order children, label sets), trained
//! with Goldberg & Nivre's dynamic oracle and error exploration.
//!
//! Arc-hybrid has a simple, arc-decomposable dynamic oracle (each transition's cost is a count of
//! gold arcs it makes unreachable), runs in linear time, and with the root at the end of the
//! buffer always yields a single-rooted tree.

use crate::binio::{Reader, Writer};
use crate::clusters::Clusters;
use crate::conllu::Sentence;
use crate::hash::{f2, str_hash};
use crate::perceptron::{first_max, Scorer, Trainer, Weights};
use crate::rng::Rng;
use crate::tagger::norm;
use crate::ModelError;
use dyad_doc::Tag;
use std::collections::BTreeSet;

mod features;
mod memo;

use features::features;

const MAGIC: &[u8; 4] = b"DYPR";
const VERSION: u32 = 2;
const NONE: u32 = u32::MAX;
const SHIFT: usize = 0;
/// Longest sentence whose memo store is kept for reuse by the thread (see `Parser::parse`).
const REUSED_MEMO_WORDS: usize = 1024;

/// Parser input for one word: hashed word form and tag.
#[derive(Debug, Clone, Copy)]
pub struct PTok {
    /// Hash of the normalised lower-case form.
    pub w: u64,
    /// Hash of the (UPOS, XPOS) tag.
    pub t: u64,
    /// Fine cluster of the word.
    pub c: u64,
}

impl PTok {
    /// Parser atoms from a word, its tags and the cluster table.
    pub fn new(form: &str, upos: &str, xpos: &str, clusters: &Clusters) -> PTok {
        let w = str_hash(&norm(form));
        PTok {
            w,
            t: tag_hash(upos, xpos),
            c: clusters.get_hash(w).0 as u64,
        }
    }
}

/// Hash of a tag pair as the parser sees it.
pub fn tag_hash(upos: &str, xpos: &str) -> u64 {
    f2(7, str_hash(upos), str_hash(xpos))
}

/// A parser configuration.
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    heads: Vec<u32>,
    labels: Vec<u16>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    /// Arcs from each word so far: a word's subtree features change exactly when this does.
    narcs: Vec<u32>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            heads: vec![NONE; n + 1],
            labels: vec![0; n + 1],
            lc1: vec![NONE; n + 1],
            lc2: vec![NONE; n + 1],
            rc1: vec![NONE; n + 1],
            rc2: vec![NONE; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
            narcs: vec![0; n + 1],
        }
    }

    fn done(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    fn add_arc(&mut self, h: usize, d: usize, l: usize) {
        self.heads[d] = h as u32;
        self.labels[d] = l as u16;
        self.narcs[h] += 1;
        let d32 = d as u32;
        if d < h {
            if self.lc1[h] == NONE || d32 < self.lc1[h] {
                self.lc2[h] = self.lc1[h];
                self.lc1[h] = d32;
            } else if self.lc2[h] == NONE || d32 < self.lc2[h] {
                self.lc2[h] = d32;
            }
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= 1 << (l % 64);
        } else {
            if self.rc1[h] == NONE || d32 > self.rc1[h] {
                self.rc2[h] = self.rc1[h];
                self.rc1[h] = d32;
            } else if self.rc2[h] == NONE || d32 > self.rc2[h] {
                self.rc2[h] = d32;
            }
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= 1 << (l % 64);
        }
    }

    fn valid(&self, a: usize, root: usize) -> bool {
        if a == SHIFT {
            return self.b < self.n;
        }
        let l = (a - 1) / 2;
        if a % 2 == 1 {
            !self.stack.is_empty()
                && if self.b >= self.n {
                    self.stack.len() == 1 && l == root
                } else {
                    l != root
                }
        } else {
            self.stack.len() >= 2 && l != root
        }
    }

    fn apply(&mut self, a: usize) {
        if a == SHIFT {
            self.stack.push(self.b);
            self.b += 1;
            return;
        }
        let l = (a - 1) / 2;
        let Some(d) = self.stack.pop() else { return };
        if a % 2 == 1 {
            self.add_arc(self.b.min(self.n), d, l);
        } else {
            let h = *self.stack.last().unwrap_or(&self.n);
            self.add_arc(h, d, l);
        }
    }

    /// Costs of SHIFT, unlabelled LEFT and unlabelled RIGHT under gold heads `gh` (root = n).
    fn costs(&self, gh: &[usize]) -> (u32, u32, u32) {
        let b = self.b;
        let n = self.n;
        let mut shift = 0;
        if b < n {
            let s0 = self.stack.last().copied();
            for (k, &x) in self.stack.iter().enumerate() {
                if gh[x] == b {
                    shift += 1;
                }
                if gh[b] == x && Some(x) != s0 {
                    let _ = k;
                    shift += 1;
                }
            }
        }
        let (mut lc, mut rc) = (0, 0);
        if let Some(&s0) = self.stack.last() {
            let deps = (b..n).filter(|&d| gh[d] == s0).count() as u32;
            let s1 = if self.stack.len() >= 2 {
                Some(self.stack[self.stack.len() - 2])
            } else {
                None
            };
            lc = deps + (Some(gh[s0]) == s1 || gh[s0] > b) as u32;
            rc = deps + (gh[s0] >= b) as u32;
        }
        (shift, lc, rc)
    }
}

fn dist_bucket(a: usize, b: usize) -> u64 {
    let d = a.abs_diff(b);
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// A trained parser: label inventory plus weights.
pub struct Parser {
    /// Dependency relation labels (index = label id).
    pub labels: Vec<Tag>,
    root: usize,
    /// Fingerprint of the cluster table the parser was trained with.
    pub clusters_fp: u64,
    weights: Weights,
}

/// Parse result for one sentence: head per word (`None` = root) and label id.
pub type Parse = (Vec<Option<usize>>, Vec<u16>);

fn best_valid(
    st: &State,
    scores: &[f32],
    root: usize,
    ok: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<usize> = None;
    for a in 0..scores.len() {
        if st.valid(a, root) && ok(a) && best.is_none_or(|b| scores[a] > scores[b]) {
            best = Some(a);
        }
    }
    best
}

/// [`best_valid`] without a filter, for parsing: the validity conditions are worked out once
/// per configuration instead of once per action. Same choice, ties to the lowest action.
/// The scores of the two root arcs may be overwritten (the caller scores anew each step).
fn best_action(st: &State, scores: &mut [f32], root: usize) -> Option<usize> {
    let depth = st.stack.len();
    let at_root = st.b >= st.n;
    if !at_root && depth >= 2 && 2 + 2 * root < scores.len() {
        // The common case: every action but the two root arcs is valid.
        return Some(argmax_except_two(scores, 1 + 2 * root, 2 + 2 * root));
    }
    let mut best: Option<usize> = None;
    let mut top = f32::NEG_INFINITY;
    let mut consider = |a: usize| {
        if best.is_none() || scores[a] > top {
            best = Some(a);
            top = scores[a];
        }
    };
    if !at_root {
        consider(SHIFT);
    }
    for l in 0..(scores.len() - 1) / 2 {
        let left = depth >= 1
            && if at_root {
                depth == 1 && l == root
            } else {
                l != root
            };
        if left {
            consider(1 + 2 * l);
        }
        if depth >= 2 && l != root {
            consider(2 + 2 * l);
        }
    }
    best
}

/// Index of the highest score but at `x` and `y` (which are overwritten with −∞), the lowest
/// such index on ties ([`first_max`]). Needs a third score.
fn argmax_except_two(scores: &mut [f32], x: usize, y: usize) -> usize {
    scores[x] = f32::NEG_INFINITY;
    scores[y] = f32::NEG_INFINITY;
    first_max(scores)
}

/// The only valid action, when there is just one (then scoring is pointless): SHIFT on an
/// empty stack, and the final root arc.
fn forced(st: &State, root: usize) -> Option<usize> {
    if st.stack.is_empty() && st.b < st.n {
        Some(SHIFT)
    } else if st.b >= st.n && st.stack.len() == 1 {
        Some(1 + 2 * root)
    } else {
        None
    }
}

/// Greedy parse of `toks`, with `score` writing the class scores of a configuration.
fn parse_with(
    toks: &[PTok],
    root: usize,
    nclasses: usize,
    mut score: impl FnMut(&State, &mut [f32]),
) -> Parse {
    let n = toks.len();
    let mut st = State::new(n);
    let mut scores = vec![0f32; nclasses];
    while !st.done() {
        if let Some(a) = forced(&st, root) {
            st.apply(a);
            continue;
        }
        score(&st, &mut scores);
        match best_action(&st, &mut scores, root) {
            Some(a) => st.apply(a),
            None => break,
        }
    }
    let heads = (0..n)
        .map(|i| match st.heads[i] {
            h if h == NONE || h as usize >= n => None,
            h => Some(h as usize),
        })
        .collect();
    let labels = (0..n)
        .map(|i| {
            if st.heads[i] == NONE {
                root as u16
            } else {
                st.labels[i]
            }
        })
        .collect();
    (heads, labels)
}

impl Parser {
    /// Parse one sentence from its parser atoms.
    pub fn parse(&self, toks: &[PTok]) -> Parse {
        thread_local! {
            // One store per thread, reused from sentence to sentence (see `Memo::reset`).
            static MEMO: std::cell::RefCell<Option<memo::Memo>> = const { std::cell::RefCell::new(None) };
        }
        // The store takes about 4 KB per word and is kept for the thread's lifetime, so a very
        // long sentence (the pipeline parses at most `MAX_PARSE_WORDS` at a time; direct
        // callers may not) gets a store of its own that is freed afterwards.
        if toks.len() > REUSED_MEMO_WORDS {
            let mut memo = memo::Memo::new(&self.weights, toks.len());
            return parse_with(toks, self.root, self.weights.nclasses(), |st, scores| {
                memo.score(&self.weights, st, toks, scores)
            });
        }
        MEMO.with_borrow_mut(|slot| {
            let memo = match slot {
                Some(m) => {
                    m.reset(&self.weights, toks.len());
                    m
                }
                None => slot.insert(memo::Memo::new(&self.weights, toks.len())),
            };
            parse_with(toks, self.root, self.weights.nclasses(), |st, scores| {
                memo.score(&self.weights, st, toks, scores)
            })
        })
    }

    /// Number of stored features.
    pub fn nfeatures(&self) -> usize {
        self.weights.len()
    }

    /// Serialise.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.u64(self.clusters_fp);
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        self.weights.write(&mut w);
        w.buf
    }

    /// Deserialise.
    pub fn from_bytes(b: &[u8]) -> Result<Parser, ModelError> {
        let mut r = Reader::new(b, "parser.bin");
        r.header(MAGIC, VERSION)?;
        let clusters_fp = r.u64()?;
        let n = r.u32()? as usize;
        if n == 0 || 1 + 2 * n > 255 {
            return Err(r.error("bad label count"));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(Tag::new(&r.str()?));
        }
        let root = labels
            .iter()
            .position(|l| l == "root")
            .ok_or_else(|| r.error("no `root` label"))?;
        let weights = Weights::read(&mut r)?;
        if weights.nclasses() != 1 + 2 * n {
            return Err(r.error("action count mismatch"));
        }
        Ok(Parser {
            labels,
            root,
            clusters_fp,
            weights,
        })
    }
}

/// Parser training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Shuffling and exploration seed.
    pub seed: u64,
    /// Probability of following a wrong prediction (error exploration), from epoch 2 on.
    pub explore: f64,
    /// Prune averaged weights below this many quantisation steps.
    pub min_q: i16,
}

/// A training or evaluation sentence: parser atoms plus gold heads (root = n) and label names.
pub struct Example {
    /// Parser atoms (with the tags the parser will see: gold, jackknifed or predicted).
    pub toks: Vec<PTok>,
    /// Gold heads, 0-based, root = `toks.len()`.
    pub heads: Vec<usize>,
    /// Gold labels.
    pub labels: Vec<String>,
}

impl Example {
    /// From a gold sentence and the tags to use for each word.
    pub fn new(s: &Sentence, tags: &[(String, String)], clusters: &Clusters) -> Example {
        let n = s.words.len();
        Example {
            toks: s
                .words
                .iter()
                .zip(tags)
                .map(|(w, (u, x))| PTok::new(&w.form, u, x, clusters))
                .collect(),
            heads: s
                .words
                .iter()
                .map(|w| if w.head == 0 { n } else { w.head - 1 })
                .collect(),
            labels: s.words.iter().map(|w| w.deprel.clone()).collect(),
        }
    }
}

/// Train on `train`, report dev UAS/LAS per epoch via `log`, keep the best epoch by dev LAS
/// (each new best is also handed to `checkpoint`, e.g. to save it while training goes on).
pub fn train(
    train: &[Example],
    dev: &[Example],
    opts: &TrainOptions,
    clusters_fp: u64,
    log: &mut dyn FnMut(&str),
    checkpoint: &mut dyn FnMut(&Parser),
) -> Parser {
    let mut set: BTreeSet<String> = train
        .iter()
        .flat_map(|e| e.labels.iter().cloned())
        .collect();
    set.insert("root".to_string());
    let labels: Vec<Tag> = set.into_iter().take(127).map(Tag::from).collect();
    let root = labels.iter().position(|l| l == "root").unwrap_or(0);
    let lid = |l: &str| labels.iter().position(|x| x == l).unwrap_or(root);
    let gold_labels: Vec<Vec<usize>> = train
        .iter()
        .map(|e| e.labels.iter().map(|l| lid(l)).collect())
        .collect();
    let nact = 1 + 2 * labels.len();
    let mut model = Trainer::new(nact);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::with_capacity(100);
    let mut scores = vec![0f32; nact];
    let mut costs = vec![0u32; nact];
    let mut best: Option<(f64, Parser)> = None;
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        let mut steps = 0usize;
        for &si in &order {
            let ex = &train[si];
            let gl = &gold_labels[si];
            let n = ex.toks.len();
            if n == 0 {
                continue;
            }
            let mut st = State::new(n);
            while !st.done() {
                features(&st, &ex.toks, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                model.score(&feats, &mut scores);
                let (cs, cl, cr) = st.costs(&ex.heads);
                let s0 = st.stack.last().copied();
                let s1 = if st.stack.len() >= 2 {
                    Some(st.stack[st.stack.len() - 2])
                } else {
                    None
                };
                let mut min_cost = u32::MAX;
                for (a, c) in costs.iter_mut().enumerate() {
                    if !st.valid(a, root) {
                        *c = u32::MAX;
                        continue;
                    }
                    *c = if a == SHIFT {
                        cs
                    } else {
                        let l = (a - 1) / 2;
                        let d = s0.unwrap_or(0);
                        if a % 2 == 1 {
                            cl + (ex.heads[d] == st.b.min(n) && gl[d] != l) as u32
                        } else {
                            cr + (Some(ex.heads[d]) == s1 && gl[d] != l) as u32
                        }
                    };
                    min_cost = min_cost.min(*c);
                }
                let Some(pred) = best_valid(&st, &scores, root, |_| true) else {
                    break;
                };
                let Some(gold) = best_valid(&st, &scores, root, |a| costs[a] == min_cost) else {
                    break;
                };
                model.tick();
                steps += 1;
                let next = if costs[pred] == min_cost {
                    pred
                } else {
                    errors += 1;
                    model.update(gold, pred, &feats);
                    if epoch > 1 && rng.next_f64() < opts.explore {
                        pred
                    } else {
                        gold
                    }
                };
                st.apply(next);
            }
        }
        let parser = Parser {
            labels: labels.clone(),
            root,
            clusters_fp,
            weights: model.freeze(opts.min_q),
        };
        let (uas, las) = attachment(&parser, dev);
        log(&format!(
            "parser epoch {epoch}: train step errors {:.4}  dev uas {:.4}  las {:.4}  features {}",
            errors as f64 / steps.max(1) as f64,
            uas,
            las,
            parser.nfeatures()
        ));
        if dev.is_empty() || best.as_ref().is_none_or(|b| las > b.0) {
            checkpoint(&parser);
            best = Some((las, parser));
        }
    }
    match best {
        Some((_, p)) => p,
        None => Parser {
            labels,
            root,
            clusters_fp,
            weights: model.freeze(opts.min_q),
        },
    }
}

/// Universal part of a relation (`nsubj:pass` → `nsubj`), as CoNLL 2018 LAS compares.
pub fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// (UAS, LAS) of `parser` on examples (LAS on universal relations, punctuation included).
pub fn attachment(parser: &Parser, exs: &[Example]) -> (f64, f64) {
    let (mut u, mut l, mut n) = (0usize, 0usize, 0usize);
    for e in exs {
        let (heads, labels) = parser.parse(&e.toks);
        let len = e.toks.len();
        for i in 0..len {
            let h = heads[i].unwrap_or(len);
            if h == e.heads[i] {
                u += 1;
                if universal(&parser.labels[labels[i] as usize]) == universal(&e.labels[i]) {
                    l += 1;
                }
            }
            n += 1;
        }
    }
    (u as f64 / n.max(1) as f64, l as f64 / n.max(1) as f64)
}

/// Random sentences and weights shared by the parser's tests.
#[cfg(test)]
mod fixtures {
    use super::*;
    use crate::rng::Rng;

    /// A sentence of `n` words over a small vocabulary, so that words repeat.
    pub(super) fn sentence(rng: &mut Rng, n: usize) -> Vec<PTok> {
        (0..n)
            .map(|_| PTok {
                w: 1000 + rng.below(6) as u64,
                t: 2000 + rng.below(3) as u64,
                c: 3000 + rng.below(4) as u64,
            })
            .collect()
    }

    /// A random valid transition (root label 0).
    pub(super) fn random_action(st: &State, nact: usize, rng: &mut Rng) -> usize {
        let valid: Vec<usize> = (0..nact).filter(|&a| st.valid(a, 0)).collect();
        valid[rng.below(valid.len())]
    }

    /// Weights over `nact` transitions from random perceptron updates along random transition
    /// sequences of 300 short sentences, so that most features the tests meet are stored.
    pub(super) fn random_weights(rng: &mut Rng, nact: usize) -> Weights {
        let mut trainer = Trainer::new(nact);
        let mut feats = Vec::new();
        for _ in 0..300 {
            let n = 1 + rng.below(11);
            let toks = sentence(rng, n);
            let mut st = State::new(toks.len());
            while !st.done() {
                features(&st, &toks, &mut feats);
                trainer.tick();
                trainer.update(rng.below(nact), rng.below(nact), &feats);
                st.apply(random_action(&st, nact, rng));
            }
        }
        trainer.freeze(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    /// `Parser::parse` (memo scoring, with the per-thread store or, past
    /// `REUSED_MEMO_WORDS`, its own) parses exactly as scoring every feature of every
    /// configuration, for short and very long sentences in turn.
    #[test]
    fn parse_equals_full_scoring_short_and_long() {
        let mut rng = Rng::new(9);
        let labels: Vec<Tag> = ["root", "nsubj", "obj", "det"]
            .map(Tag::from_static)
            .to_vec();
        let nact = 1 + 2 * labels.len();
        let parser = Parser {
            labels,
            root: 0,
            clusters_fp: 0,
            weights: fixtures::random_weights(&mut rng, nact),
        };
        let mut feats = Vec::new();
        for n in [20, REUSED_MEMO_WORDS + 76, 35, REUSED_MEMO_WORDS, 7] {
            let toks = fixtures::sentence(&mut rng, n);
            let full = parse_with(&toks, parser.root, nact, |st, scores| {
                features(st, &toks, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                parser.weights.score(&feats, scores);
            });
            assert_eq!(parser.parse(&toks), full, "sentence of {n} words");
        }
    }

    /// `best_action` and `forced` must choose exactly what `best_valid` chooses, ties included,
    /// in every kind of configuration.
    #[test]
    fn fast_action_choice_matches_best_valid() {
        let mut rng = Rng::new(3);
        let nlabels = 5;
        for root in [0, 2, 4] {
            for _ in 0..200 {
                let n = 1 + rng.below(6);
                let mut st = State::new(n);
                while !st.done() {
                    // Few distinct values, so ties are common.
                    let mut scores: Vec<f32> =
                        (0..1 + 2 * nlabels).map(|_| rng.below(3) as f32).collect();
                    let want = best_valid(&st, &scores, root, |_| true);
                    assert_eq!(best_action(&st, &mut scores, root), want);
                    if let Some(a) = forced(&st, root) {
                        assert_eq!(Some(a), want);
                    }
                    match want {
                        Some(a) => st.apply(a),
                        None => break,
                    }
                }
            }
        }
    }
}
