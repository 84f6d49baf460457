//! The linear model: per-feature weight rows over the BILOU tags, tag-transition weights, exact
//! Viterbi decoding restricted to well-formed BILOU sequences, and the compact binary file format.
//!
//! File format (little-endian): magic `DYADNER1`, feature version `u32`, number of tags `u32`,
//! quantisation scale `f32`, start/end/transition weights as `f32` (`n`, `n`, `n*n`), number of
//! features `u32`, then per feature (sorted by key): key `u64`, count `u8`, and `count` pairs of
//! tag `u8` + weight `i16` (weight = value × scale).

use crate::features::FEATURE_VERSION;
use crate::index::FeatureIndex;
use crate::tags::{allowed, allowed_end, Tag, N_TAGS};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const MAGIC: &[u8; 8] = b"DYADNER1";

/// Hasher for keys that are already hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by feature hashes.
pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// One weight per tag.
pub type Row = [f32; N_TAGS];

/// Tags of a row kept in [`Head`]; the last tag's weight is kept in the index slot.
const HEAD: usize = N_TAGS - 1;

/// A row's weights but the last tag's: sixteen `f32`s, one cache line. A full row (68 bytes)
/// spanned two lines, so a feature's lookup read three (index slot, two row lines) and now two.
/// For the 17th weight the index slot has room to spare (`FeatureIndex`).
#[derive(Debug, Clone, Copy)]
#[repr(C, align(64))]
struct Head([f32; HEAD]);

/// A trained model ready to decode.
#[derive(Debug, Clone)]
pub struct Model {
    /// Feature key → row number and the row's last weight.
    index: FeatureIndex,
    /// Row heads, one cache line each.
    heads: Vec<Head>,
    /// The rows' last weights again, by row (for [`Model::to_bytes`]; lookups read the index's).
    last: Vec<f32>,
    /// Weight of a sentence starting with each tag.
    pub start: Row,
    /// Weight of a sentence ending with each tag.
    pub end: Row,
    /// `trans[prev][next]`.
    pub trans: [Row; N_TAGS],
}

/// A model file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("NER model: {0}")]
pub struct ModelError(pub String);

impl Model {
    /// A model from explicit weights (used by training).
    pub fn new(features: Vec<(u64, Row)>, start: Row, end: Row, trans: [Row; N_TAGS]) -> Model {
        let rows: Vec<Row> = features.iter().map(|f| f.1).collect();
        let keys = features.iter().map(|f| f.0);
        Model::from_rows(keys, rows, start, end, trans)
    }

    /// A model of `rows` keyed by `keys` (the same length): each row split into its
    /// [`Head`] and its last weight (kept in the index slot too).
    fn from_rows(
        keys: impl Iterator<Item = u64>,
        rows: Vec<Row>,
        start: Row,
        end: Row,
        trans: [Row; N_TAGS],
    ) -> Model {
        let index = FeatureIndex::new(
            keys.zip(&rows)
                .enumerate()
                .map(|(i, (k, r))| (k, i as u32, r[HEAD]))
                .collect(),
        );
        let heads = rows
            .iter()
            .map(|r| Head(r[..HEAD].try_into().expect("a row has HEAD + 1 tags")))
            .collect();
        let last = rows.iter().map(|r| r[HEAD]).collect();
        Model {
            index,
            heads,
            last,
            start,
            end,
            trans,
        }
    }

    /// Number of feature rows.
    pub fn n_features(&self) -> usize {
        self.heads.len()
    }

    /// The full weight row number `r`.
    fn row(&self, r: usize) -> Row {
        let mut row = [0f32; N_TAGS];
        row[..HEAD].copy_from_slice(&self.heads[r].0);
        row[HEAD] = self.last[r];
        row
    }

    /// Per-token tag scores of one sentence.
    pub fn emissions(&self, feats: &[Vec<u64>]) -> Vec<Row> {
        feats
            .iter()
            .map(|fs| {
                let mut s = [0f32; N_TAGS];
                for k in fs {
                    if let Some((r, last)) = self.index.get(*k) {
                        let head = &self.heads[r as usize].0;
                        for t in 0..HEAD {
                            s[t] += head[t];
                        }
                        s[HEAD] += last;
                    }
                }
                s
            })
            .collect()
    }

    /// Best well-formed BILOU sequence for the features of one sentence.
    pub fn decode(&self, feats: &[Vec<u64>]) -> Vec<Tag> {
        viterbi(&self.emissions(feats), &self.start, &self.end, &self.trans)
    }

    /// Serialises the model, quantising weights to `i16` and dropping weights below `min_abs`.
    pub fn to_bytes(&self, min_abs: f32) -> Vec<u8> {
        let max = (0..self.n_features())
            .flat_map(|r| self.row(r))
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(1e-9);
        let scale = 32767.0 / max;
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for w in self
            .start
            .iter()
            .chain(self.end.iter())
            .chain(self.trans.iter().flatten())
        {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let mut keys: Vec<(u64, u32)> = self.index.iter().collect();
        keys.sort();
        let mut body = Vec::new();
        let mut count = 0u32;
        for (k, r) in keys {
            let row = self.row(r as usize);
            let nz: Vec<(u8, i16)> = row
                .iter()
                .enumerate()
                .filter(|(_, w)| w.abs() >= min_abs)
                .map(|(t, w)| (t as u8, (w * scale).round().clamp(-32767.0, 32767.0) as i16))
                .filter(|(_, q)| *q != 0)
                .collect();
            if nz.is_empty() {
                continue;
            }
            count += 1;
            body.extend_from_slice(&k.to_le_bytes());
            body.push(nz.len() as u8);
            for (t, q) in nz {
                body.push(t);
                body.extend_from_slice(&q.to_le_bytes());
            }
        }
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError("not a Dyad NER model (bad magic)".into()));
        }
        let version = r.u32()?;
        if version != FEATURE_VERSION {
            return Err(ModelError(format!(
                "model uses feature version {version} but this build has {FEATURE_VERSION}; retrain with `dyad train ner`"
            )));
        }
        let n = r.u32()? as usize;
        if n != N_TAGS {
            return Err(ModelError(format!("model has {n} tags, expected {N_TAGS}")));
        }
        let scale = r.f32()?;
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError("bad quantisation scale".into()));
        }
        let mut start = [0f32; N_TAGS];
        let mut end = [0f32; N_TAGS];
        let mut trans = [[0f32; N_TAGS]; N_TAGS];
        for w in start
            .iter_mut()
            .chain(end.iter_mut())
            .chain(trans.iter_mut().flatten())
        {
            *w = r.f32()?;
        }
        let count = r.u32()? as usize;
        let mut keys = Vec::with_capacity(count.min(b.len()));
        let mut rows = Vec::with_capacity(count.min(b.len()));
        for _ in 0..count {
            let key = r.u64()?;
            let nz = r.take(1)?[0] as usize;
            let mut row = [0f32; N_TAGS];
            for _ in 0..nz {
                let t = r.take(1)?[0] as usize;
                let q = i16::from_le_bytes([r.take(1)?[0], r.take(1)?[0]]);
                if t >= N_TAGS {
                    return Err(ModelError(format!("tag {t} out of range")));
                }
                row[t] = q as f32 / scale;
            }
            keys.push(key);
            rows.push(row);
        }
        if r.at != b.len() {
            return Err(ModelError("trailing bytes after the weights".into()));
        }
        Ok(Model::from_rows(keys.into_iter(), rows, start, end, trans))
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        if self.at + n > self.b.len() {
            return Err(ModelError("file is truncated".into()));
        }
        let s = &self.b[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or([0; 4]),
        ))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().unwrap_or([0; 8]),
        ))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or([0; 4]),
        ))
    }
}

/// Exact first-order Viterbi over BILOU tags; transitions that would make an ill-formed sequence
/// are forbidden, so the result always decodes into clean entities.
pub fn viterbi(em: &[Row], start: &Row, end: &Row, trans: &[Row; N_TAGS]) -> Vec<Tag> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let mut score = [NEG; N_TAGS];
    for t in 0..N_TAGS {
        if allowed(None, t as Tag) {
            score[t] = start[t] + em[0][t];
        }
    }
    let mut back = vec![[0u8; N_TAGS]; n];
    for i in 1..n {
        let mut next = [NEG; N_TAGS];
        for t in 0..N_TAGS {
            let mut best = NEG;
            let mut arg = 0u8;
            let (prevs, nprev) = &PREVIOUS[t];
            for &p in &prevs[..*nprev] {
                let p = p as usize;
                if score[p] == NEG {
                    continue;
                }
                let s = score[p] + trans[p][t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            if best > NEG {
                next[t] = best + em[i][t];
                back[i][t] = arg;
            }
        }
        score = next;
    }
    let mut best = NEG;
    let mut last = 0u8;
    for t in 0..N_TAGS {
        if allowed_end(t as Tag) && score[t] > NEG {
            let s = score[t] + end[t];
            if s > best {
                best = s;
                last = t as u8;
            }
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
    out
}

/// For each tag, the tags allowed before it (ascending, so ties go to the lowest tag as in a
/// scan over all tags) and their count: fewer than a third of all pairs, which is what makes
/// the decoder's inner loop short.
static PREVIOUS: once_cell::sync::Lazy<[([u8; N_TAGS], usize); N_TAGS]> =
    once_cell::sync::Lazy::new(|| {
        let mut a = [([0u8; N_TAGS], 0usize); N_TAGS];
        for (t, (prevs, n)) in a.iter_mut().enumerate() {
            for p in 0..N_TAGS {
                if allowed(Some(p as Tag), t as Tag) {
                    prevs[*n] = p as u8;
                    *n += 1;
                }
            }
        }
        a
    });

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{tag, Pos};

    #[test]
    fn viterbi_respects_bilou() {
        // Emissions prefer I-PER at the start, which is not allowed; the decoder must pick B/L.
        let mut em = vec![[0f32; N_TAGS]; 2];
        em[0][tag(Pos::I, 0) as usize] = 5.0;
        em[0][tag(Pos::B, 0) as usize] = 1.0;
        em[1][tag(Pos::L, 0) as usize] = 2.0;
        let z = [0f32; N_TAGS];
        let out = viterbi(&em, &z, &z, &[z; N_TAGS]);
        assert_eq!(out, vec![tag(Pos::B, 0), tag(Pos::L, 0)]);
        assert!(viterbi(&[], &z, &z, &[z; N_TAGS]).is_empty());
    }

    #[test]
    fn viterbi_finds_the_best_well_formed_sequence() {
        // Pseudo-random scores; the decoder must match an exhaustive search over all
        // well-formed three-tag sequences.
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 2001) as f32 / 100.0 - 10.0
        };
        for _ in 0..20 {
            let mut row = || std::array::from_fn::<f32, N_TAGS, _>(|_| next());
            let em = vec![row(), row(), row()];
            let (start, end) = (row(), row());
            let trans: [Row; N_TAGS] = std::array::from_fn(|_| row());
            let total = |seq: &[usize]| {
                let mut s = start[seq[0]] + em[0][seq[0]] + end[seq[2]];
                for i in 1..3 {
                    s += trans[seq[i - 1]][seq[i]] + em[i][seq[i]];
                }
                s
            };
            let mut best = (f32::NEG_INFINITY, vec![]);
            for a in 0..N_TAGS {
                for b in 0..N_TAGS {
                    for c in 0..N_TAGS {
                        let ok = allowed(None, a as Tag)
                            && allowed(Some(a as Tag), b as Tag)
                            && allowed(Some(b as Tag), c as Tag)
                            && allowed_end(c as Tag);
                        if ok && total(&[a, b, c]) > best.0 {
                            best = (total(&[a, b, c]), vec![a as Tag, b as Tag, c as Tag]);
                        }
                    }
                }
            }
            assert_eq!(viterbi(&em, &start, &end, &trans), best.1);
        }
    }

    #[test]
    fn bytes_round_trip() {
        let mut r = [0f32; N_TAGS];
        r[3] = 0.5;
        r[0] = -1.25;
        let mut tr = [[0f32; N_TAGS]; N_TAGS];
        tr[1][2] = 0.75;
        let m = Model::new(
            vec![(42, r), (7, [0.0; N_TAGS])],
            [0.1; N_TAGS],
            [0.2; N_TAGS],
            tr,
        );
        let b = m.to_bytes(0.0);
        let m2 = Model::from_bytes(&b).unwrap();
        assert_eq!(m2.n_features(), 1, "all-zero rows are dropped");
        let e = m2.emissions(&[vec![42, 99]]);
        assert!((e[0][3] - 0.5).abs() < 1e-3 && (e[0][0] + 1.25).abs() < 1e-3);
        assert_eq!(m2.trans[1][2], 0.75);
        assert!(Model::from_bytes(&b[..b.len() - 1]).is_err());
        assert!(Model::from_bytes(b"garbage").is_err());
    }
}
