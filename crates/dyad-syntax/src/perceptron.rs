//! Averaged multiclass perceptron over hashed sparse features.
//!
//! [`Trainer`] holds full-precision weights with lazy averaging (Daumé's trick: each weight keeps
//! its running total and the time of its last change). [`Weights`] is the frozen, averaged,
//! pruned and `i16`-quantised form used at run time and stored in model files: an open-addressing
//! table from feature key to a short run of `(class, weight)` pairs. Both are sparse per feature,
//! because a perceptron only ever touches the true and the predicted class of a feature.

use crate::binio::{Reader, Writer};
use crate::hash::IdBuild;
use crate::ModelError;
use std::collections::HashMap;

/// Anything that scores classes from a list of feature keys.
pub trait Scorer {
    /// Number of classes.
    fn nclasses(&self) -> usize;
    /// Add each feature's class weights into `out` (`out.len() == nclasses`, zeroed by the caller).
    fn score(&self, feats: &[u64], out: &mut [f32]);
}

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    total: f64,
    ts: u32,
}

/// Full-precision averaged perceptron used during training.
pub struct Trainer {
    nclasses: usize,
    index: HashMap<u64, u32, IdBuild>,
    rows: Vec<Vec<Entry>>,
    now: u32,
}

impl Trainer {
    /// An empty model over `nclasses` classes.
    pub fn new(nclasses: usize) -> Trainer {
        Trainer {
            nclasses,
            index: HashMap::default(),
            rows: Vec::new(),
            now: 0,
        }
    }

    /// Advance the averaging clock by one training instance.
    pub fn tick(&mut self) {
        self.now += 1;
    }

    fn bump(&mut self, feat: u64, class: usize, delta: f32) {
        let next = self.rows.len() as u32;
        let r = *self.index.entry(feat).or_insert(next) as usize;
        if r == self.rows.len() {
            self.rows.push(Vec::with_capacity(2));
        }
        let now = self.now;
        let row = &mut self.rows[r];
        let e = match row.iter().position(|e| e.class as usize == class) {
            Some(i) => &mut row[i],
            None => {
                row.push(Entry {
                    class: class as u16,
                    w: 0.0,
                    total: 0.0,
                    ts: now,
                });
                row.last_mut().expect("just pushed")
            }
        };
        e.total += (now - e.ts) as f64 * e.w as f64;
        e.ts = now;
        e.w += delta;
    }

    /// Perceptron update: reward `truth`, penalise `guess` on `feats` (no-op if they agree).
    pub fn update(&mut self, truth: usize, guess: usize, feats: &[u64]) {
        if truth == guess {
            return;
        }
        for &f in feats {
            self.bump(f, truth, 1.0);
            self.bump(f, guess, -1.0);
        }
    }

    /// Freeze to averaged, quantised weights. Weights whose magnitude quantises below `min_q`
    /// (on the `i16` scale) are pruned.
    pub fn freeze(&self, min_q: i16) -> Weights {
        let now = self.now.max(1) as f64;
        let avg = |e: &Entry| ((e.total + (self.now - e.ts) as f64 * e.w as f64) / now) as f32;
        let mut max_abs = 0f32;
        for row in &self.rows {
            for e in row {
                max_abs = max_abs.max(avg(e).abs());
            }
        }
        let scale = if max_abs > 0.0 {
            max_abs / 32767.0
        } else {
            1.0
        };
        let mut feats: Vec<(u64, Vec<(u8, i16)>)> = Vec::with_capacity(self.index.len());
        for (&key, &r) in &self.index {
            let mut vals: Vec<(u8, i16)> = self.rows[r as usize]
                .iter()
                .filter_map(|e| {
                    let q = (avg(e) / scale).round() as i32;
                    (q.abs() >= min_q.max(1) as i32).then_some((e.class as u8, q as i16))
                })
                .collect();
            if !vals.is_empty() {
                vals.sort_unstable();
                feats.push((key, vals));
            }
        }
        feats.sort_unstable_by_key(|f| f.0);
        Weights::build(self.nclasses, scale, &feats)
    }
}

impl Scorer for Trainer {
    fn nclasses(&self) -> usize {
        self.nclasses
    }
    fn score(&self, feats: &[u64], out: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    out[e.class as usize] += e.w;
                }
            }
        }
    }
}

/// Bits of a feature key kept in the frozen table and in model files (collisions among a few
/// million features in 2^40 are negligible, and 5 bytes per key instead of 8 keeps files small).
pub const KEY_BITS: u32 = 40;

#[inline]
fn short_key(key: u64) -> u64 {
    key >> (64 - KEY_BITS)
}

/// Frozen averaged weights: feature key → run of `(class, i16 weight)`.
///
/// The table is open addressing over `u64` slots packing the 40-bit key with the start of the
/// feature's run in `entries` (24 bits, plus one so that 0 means empty). Each entry packs the
/// weight (low 16 bits), the class (bits 16–23) and a last-of-run flag (bit 31), so scoring a
/// feature costs one slot read and one contiguous run read.
pub struct Weights {
    nclasses: usize,
    scale: f32,
    mask: usize,
    slots: Vec<u64>,
    entries: Vec<u32>,
    nfeats: usize,
}

const MAX_ENTRIES: usize = (1 << 24) - 2;
const LAST: u32 = 1 << 31;

impl Weights {
    fn with_capacity(nclasses: usize, scale: f32, n: usize, entries: usize) -> Weights {
        let cap = (n + n / 2).next_power_of_two().max(16);
        Weights {
            nclasses,
            scale,
            mask: cap - 1,
            slots: vec![0; cap],
            entries: Vec::with_capacity(entries.min(MAX_ENTRIES)),
            nfeats: 0,
        }
    }

    fn build(nclasses: usize, scale: f32, feats: &[(u64, Vec<(u8, i16)>)]) -> Weights {
        let entries = feats.iter().map(|f| f.1.len()).sum();
        let mut w = Weights::with_capacity(nclasses, scale, feats.len(), entries);
        for (key, vals) in feats {
            w.insert(short_key(*key), vals);
        }
        w
    }

    #[inline]
    fn bucket(&self, k: u64) -> usize {
        (k ^ (k >> 23)) as usize & self.mask
    }

    /// Insert a (short) key; a repeated key keeps its first run; an empty run or a full table
    /// is skipped.
    fn insert(&mut self, k: u64, vals: &[(u8, i16)]) {
        if vals.is_empty()
            || self.entries.len() + vals.len() > MAX_ENTRIES
            || self.nfeats * 3 / 2 > self.mask
        {
            return;
        }
        let start = self.entries.len();
        let mut i = self.bucket(k);
        loop {
            let s = self.slots[i];
            if s == 0 {
                self.slots[i] = (k << 24) | (start as u64 + 1);
                break;
            }
            if s >> 24 == k {
                return;
            }
            i = (i + 1) & self.mask;
        }
        for (j, &(c, v)) in vals.iter().enumerate() {
            let last = if j + 1 == vals.len() { LAST } else { 0 };
            self.entries
                .push((v as u16 as u32) | (c as u32) << 16 | last);
        }
        self.nfeats += 1;
    }

    /// Number of stored features.
    pub fn len(&self) -> usize {
        self.nfeats
    }

    /// Whether no feature is stored.
    pub fn is_empty(&self) -> bool {
        self.nfeats == 0
    }

    /// Serialise (features sorted by key, so output is deterministic): per feature a 5-byte key,
    /// a count byte and `(class u8, weight i16)` pairs.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.nclasses as u32);
        w.f32(self.scale);
        let mut keys: Vec<(u64, usize)> = self
            .slots
            .iter()
            .filter(|&&s| s != 0)
            .map(|&s| (s >> 24, (s & 0xff_ffff) as usize - 1))
            .collect();
        keys.sort_unstable();
        w.u32(keys.len() as u32);
        let mut run = Vec::new();
        for (k, start) in keys {
            w.buf.extend_from_slice(&k.to_le_bytes()[..5]);
            run.clear();
            for &e in &self.entries[start..] {
                run.push(e);
                if e & LAST != 0 {
                    break;
                }
            }
            w.u8(run.len() as u8);
            for &e in &run {
                w.u8((e >> 16) as u8);
                w.i16(e as u16 as i16);
            }
        }
    }

    /// Deserialise what [`Weights::write`] wrote.
    pub fn read(r: &mut Reader) -> Result<Weights, ModelError> {
        let nclasses = r.u32()? as usize;
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        if n > MAX_ENTRIES {
            return Err(r.error("implausible feature count"));
        }
        let mut w = Weights::with_capacity(nclasses, scale, n, n * 3);
        let mut vals: Vec<(u8, i16)> = Vec::new();
        for _ in 0..n {
            let mut kb = [0u8; 8];
            for b in kb.iter_mut().take(5) {
                *b = r.u8()?;
            }
            let k = u64::from_le_bytes(kb);
            let len = r.u8()? as usize;
            vals.clear();
            for _ in 0..len {
                let c = r.u8()?;
                if c as usize >= nclasses {
                    return Err(r.error("class index out of range"));
                }
                vals.push((c, r.i16()?));
            }
            w.insert(k, &vals);
        }
        Ok(w)
    }
}

impl Scorer for Weights {
    fn nclasses(&self) -> usize {
        self.nclasses
    }

    /// Slots are read in batches first (independent loads the CPU can overlap), then resolved.
    #[inline]
    fn score(&self, feats: &[u64], out: &mut [f32]) {
        const BATCH: usize = 32;
        let mut keys = [0u64; BATCH];
        let mut first = [0u64; BATCH];
        for chunk in feats.chunks(BATCH) {
            for (j, &f) in chunk.iter().enumerate() {
                let k = short_key(f);
                keys[j] = k;
                first[j] = self.slots[self.bucket(k)];
            }
            for j in 0..chunk.len() {
                let k = keys[j];
                let mut s = first[j];
                let mut i = self.bucket(k);
                while s != 0 && s >> 24 != k {
                    i = (i + 1) & self.mask;
                    s = self.slots[i];
                }
                if s == 0 {
                    continue;
                }
                for &e in &self.entries[(s & 0xff_ffff) as usize - 1..] {
                    out[((e >> 16) & 0xff) as usize] += e as u16 as i16 as f32;
                    if e & LAST != 0 {
                        break;
                    }
                }
            }
        }
        let _ = self.scale;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut t = Trainer::new(3);
        let h = crate::hash::mix;
        let data = [
            (vec![h(1), h(10)], 0usize),
            (vec![h(2), h(10)], 1),
            (vec![h(3), h(10)], 2),
        ];
        for _ in 0..5 {
            for (f, y) in &data {
                t.tick();
                let mut s = vec![0.0; 3];
                t.score(f, &mut s);
                let g = argmax(&s);
                t.update(*y, g, f);
            }
        }
        let w = t.freeze(1);
        let mut buf = Writer::default();
        w.write(&mut buf);
        let w2 = Weights::read(&mut Reader::new(&buf.buf, "test")).unwrap();
        for (f, y) in &data {
            let mut s = vec![0.0; 3];
            w2.score(f, &mut s);
            assert_eq!(argmax(&s), *y);
        }
    }

    fn argmax(s: &[f32]) -> usize {
        let mut b = 0;
        for i in 1..s.len() {
            if s[i] > s[b] {
                b = i;
            }
        }
        b
    }
}
