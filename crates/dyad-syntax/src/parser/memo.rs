//! Scoring configurations with each feature group's summed weights kept per item.
//!
//! Scoring a configuration is 111 table lookups, most of them cache misses in a table of tens of
//! megabytes. But about two thirds of the templates read a single item of the configuration
//! ([`Group`]), and an item comes back: the buffer front stays while stack words are reduced onto
//! it, a stack word resurfaces when the words pushed above it are popped, the top two stack words
//! come back together. So each group's class scores are kept per item, keyed by the word (and,
//! for tree groups, by how many arcs that word has, since arcs are only ever added), and only
//! groups whose item is new are looked up. On EWT about 30% of the lookups are saved. Scores are
//! integer sums, so the result is exactly what scoring all features at once gives.

use super::features::{bias, emit, emit_rest_unbiased, Group, View, GROUPS};
use super::{State, NONE};
use crate::perceptron::Weights;

/// Groups kept per item (all but [`Group::Rest`]).
const KEPT: usize = GROUPS.len() - 1;

/// Per-sentence store of group scores.
pub(super) struct Memo {
    /// Class scores per slot, `stride` each: slot `g * items + item` for group `g`, then one
    /// more for the [`Group::Rest`] features of the current configuration.
    vecs: Vec<i32>,
    /// Key (plus one; 0 = empty) of what each slot holds.
    keys: Vec<u64>,
    /// Items per group: the words, the root and "no word".
    items: usize,
    stride: usize,
    feats: Vec<u64>,
    dests: Vec<u32>,
    /// Class scores of the bias feature, the same in every configuration: looked up once per
    /// sentence (the store is shared by parsers of other weights) and not in [`Memo::score`].
    bias: Vec<i32>,
}

impl Memo {
    /// An empty store for a sentence of `n` words scored with `w`.
    pub fn new(w: &Weights, n: usize) -> Memo {
        let mut m = Memo {
            vecs: Vec::new(),
            keys: Vec::new(),
            items: 0,
            stride: 0,
            feats: Vec::with_capacity(128),
            dests: Vec::with_capacity(128),
            bias: Vec::new(),
        };
        m.reset(w, n);
        m
    }

    /// Empty the store for a new sentence of `n` words scored with `w`. Only the keys are
    /// cleared: a slot's scores are zeroed when it is filled, so that a short sentence does not
    /// pay for clearing the room a long one needed.
    pub fn reset(&mut self, w: &Weights, n: usize) {
        self.items = n + 2;
        self.stride = w.stride();
        let len = (KEPT * self.items + 1) * self.stride;
        if self.vecs.len() < len {
            self.vecs.resize(len, 0);
        }
        self.keys.clear();
        self.keys.resize(KEPT * self.items, 0);
        self.bias.clear();
        self.bias.resize(self.stride, 0);
        w.accumulate(&[bias()], &[0], &mut self.bias);
    }

    /// Class scores of configuration `st` into `scores` (overwritten).
    pub fn score(&mut self, w: &Weights, st: &State, toks: &[super::PTok], scores: &mut [f32]) {
        let v = View::new(st, toks);
        let item = |i: u32| if i == NONE { st.n + 1 } else { i as usize };
        let arcs = |i: u32| {
            if i == NONE {
                0
            } else {
                st.narcs[i as usize] as u64
            }
        };
        self.feats.clear();
        self.dests.clear();
        let mut slots = [0usize; KEPT + 1];
        for (g, (group, slot)) in GROUPS.iter().zip(&mut slots).enumerate() {
            let (at, key) = match group {
                Group::S0Word => (item(v.s0i), 0),
                Group::S0Tree => (item(v.s0i), arcs(v.s0i)),
                Group::S1Word => (item(v.s1i), 0),
                Group::S1Tree => (item(v.s1i), arcs(v.s1i)),
                Group::S2Word => (item(v.s2i), 0),
                Group::Buffer => (item(v.b0i), 0),
                Group::B0Tree => (item(v.b0i), arcs(v.b0i)),
                Group::S1S0 => (item(v.s1i), item(v.s0i) as u64),
                Group::Rest => (0, 0),
            };
            let s = if *group == Group::Rest {
                KEPT * self.items
            } else {
                g * self.items + at
            };
            *slot = s;
            if *group != Group::Rest {
                if self.keys[s] == key + 1 {
                    continue;
                }
                self.keys[s] = key + 1;
            }
            self.vecs[s * self.stride..(s + 1) * self.stride].fill(0);
            let before = self.feats.len();
            if *group == Group::Rest {
                emit_rest_unbiased(&v, toks, &mut self.feats);
            } else {
                emit(*group, &v, toks, &mut self.feats);
            }
            let dest = (s * self.stride) as u32;
            self.dests
                .extend(std::iter::repeat_n(dest, self.feats.len() - before));
        }
        w.accumulate(&self.feats, &self.dests, &mut self.vecs);
        // Slot by slot, so that the additions are vector instructions over whole rows.
        let mut sum = [0i32; 256];
        sum[..self.stride].copy_from_slice(&self.bias);
        for &s in &slots {
            let row = &self.vecs[s * self.stride..(s + 1) * self.stride];
            for (a, &x) in sum.iter_mut().zip(row) {
                *a += x;
            }
        }
        for (out, &a) in scores.iter_mut().zip(&sum) {
            *out = a as f32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::features;
    use super::super::fixtures::{random_action, random_weights, sentence};
    use super::*;
    use crate::perceptron::Scorer;
    use crate::rng::Rng;

    /// Along random transition sequences (every kind of configuration: empty stack, root in
    /// the buffer, words with and without children, repeated words), the memo's class scores
    /// are exactly those of scoring every feature at once.
    #[test]
    fn memo_scores_equal_full_scoring() {
        let mut rng = Rng::new(5);
        let nact = 1 + 2 * 4;
        let w = random_weights(&mut rng, nact);
        let mut feats = Vec::new();
        assert!(w.len() > 1000, "too few features stored: {}", w.len());
        let (mut full, mut memo_scores) = (vec![0f32; nact], vec![0f32; nact]);
        let mut configs = 0;
        for _ in 0..300 {
            let n = 1 + rng.below(11);
            let toks = sentence(&mut rng, n);
            let mut memo = Memo::new(&w, toks.len());
            let mut st = State::new(toks.len());
            while !st.done() {
                features(&st, &toks, &mut feats);
                full.iter_mut().for_each(|s| *s = 0.0);
                w.score(&feats, &mut full);
                memo.score(&w, &st, &toks, &mut memo_scores);
                assert_eq!(full, memo_scores);
                assert!(full.iter().any(|&s| s != 0.0));
                configs += 1;
                st.apply(random_action(&st, nact, &mut rng));
            }
        }
        assert!(configs > 2000);
    }
}
