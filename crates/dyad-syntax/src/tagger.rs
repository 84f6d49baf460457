//! Part-of-speech tagger: greedy left-to-right averaged perceptron predicting a joint `UPOS/XPOS`
//! class (102 classes on EWT), with affix, shape, word-window and tag-history features.
//!
//! Predicting the pair jointly keeps UPOS and XPOS consistent and costs one classifier call per
//! token; the tag history uses the model's own predictions during training, as at run time.

use crate::binio::{Reader, Writer};
use crate::clusters::Clusters;
use crate::conllu::Sentence;
use crate::hash::{f1, f2, f3, str_hash, StrHasher};
use crate::perceptron::{first_max, Scorer, Trainer, Weights};
use crate::rng::Rng;
use crate::ModelError;
use dyad_doc::Tag;
use std::collections::BTreeSet;

const MAGIC: &[u8; 4] = b"DYTG";
const VERSION: u32 = 2;
/// History value for positions before the sentence start.
const NO_TAG: u64 = 0xffff;

/// Per-word atomic feature values, computed once per word.
#[derive(Debug, Clone, Copy, Default)]
pub struct Atoms {
    /// Lower-cased form with digits mapped to `0`.
    pub lower: u64,
    /// Form as written.
    pub form: u64,
    /// Suffixes of 1..=4 chars (lower-cased).
    pub suf: [u64; 4],
    /// Prefixes of 1..=3 chars (lower-cased).
    pub pre: [u64; 3],
    /// Word shape (`Xxxx`, `dd.dd`), capped.
    pub shape: u64,
    /// Short shape (runs collapsed: `Xx`, `d.d`).
    pub sshape: u64,
    /// Fine distributional cluster (or [`crate::clusters::UNKNOWN`]).
    pub cf: u64,
    /// Coarse distributional cluster.
    pub cc: u64,
}

/// Normalised lower-case form used by the word features.
pub fn norm(word: &str) -> String {
    word.chars()
        .flat_map(|c| c.to_lowercase())
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// `str_hash(&norm(word))` without building the normalised string.
pub fn norm_hash(word: &str) -> u64 {
    let mut h = StrHasher::default();
    for c in word.chars().flat_map(|c| c.to_lowercase()) {
        h.push(if c.is_ascii_digit() { '0' } else { c });
    }
    h.finish()
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

impl Atoms {
    /// Atoms of `word`, with its clusters from `clusters`.
    pub fn new(word: &str, clusters: &Clusters) -> Atoms {
        let low = norm(word);
        let lower = str_hash(&low);
        let (cf, cc) = clusters.get_hash(lower);
        let mut a = Atoms {
            lower,
            form: str_hash(word),
            cf: cf as u64,
            cc: cc as u64,
            ..Atoms::default()
        };
        // Suffixes and prefixes of 1..=4 and 1..=3 characters, the whole word when shorter.
        let mut suf_start = [0usize; 4];
        for (k, (i, _)) in low.char_indices().rev().take(4).enumerate() {
            suf_start[k] = i;
        }
        for (h, &start) in a.suf.iter_mut().zip(&suf_start) {
            *h = str_hash(&low[start..]);
        }
        let mut pre_end = [low.len(); 3];
        for (k, (i, _)) in low.char_indices().skip(1).take(3).enumerate() {
            pre_end[k] = i;
        }
        for (h, &end) in a.pre.iter_mut().zip(&pre_end) {
            *h = str_hash(&low[..end]);
        }
        // Shapes, hashed as they are made (the strings themselves are never needed).
        let (mut shape, mut sshape) = (StrHasher::default(), StrHasher::default());
        let mut shape_len = 0;
        let mut run = 0;
        let mut last = '\0';
        for c in word.chars() {
            let s = shape_char(c);
            if s == last {
                run += 1;
            } else {
                run = 1;
                sshape.push(s);
            }
            if run <= 4 && shape_len < 16 {
                shape.push(s);
                shape_len += s.len_utf8();
            }
            last = s;
        }
        a.shape = shape.finish();
        a.sshape = sshape.finish();
        a
    }
}

const fn boundary(tag: &str) -> Atoms {
    let h = str_hash(tag);
    Atoms {
        lower: h,
        form: h,
        suf: [h; 4],
        pre: [h; 3],
        shape: h,
        sshape: h,
        cf: h,
        cc: h,
    }
}

/// Feature keys for word `i` given the two previous predicted tags.
pub fn features(atoms: &[Atoms], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    const START: Atoms = boundary("<S>");
    const END: Atoms = boundary("</S>");
    let (start, end) = (START, END);
    let at = |j: isize| -> &Atoms {
        if j < 0 {
            &start
        } else if j as usize >= atoms.len() {
            &end
        } else {
            &atoms[j as usize]
        }
    };
    let i = i as isize;
    let (w0, wm1, wm2, wp1, wp2) = (at(i), at(i - 1), at(i - 2), at(i + 1), at(i + 2));
    let first = (i == 0) as u64;
    out.push(f1(0, 0));
    out.push(f1(1, w0.lower));
    out.push(f1(2, w0.form));
    for k in 0..4 {
        out.push(f1(3 + k as u64, w0.suf[k]));
    }
    for k in 0..3 {
        out.push(f1(7 + k as u64, w0.pre[k]));
    }
    out.push(f1(10, w0.shape));
    out.push(f2(11, w0.sshape, first));
    out.push(f1(13, p1));
    out.push(f1(14, p2));
    out.push(f2(15, p1, p2));
    out.push(f2(16, p1, w0.lower));
    out.push(f1(17, wm1.lower));
    out.push(f1(18, wm1.suf[2]));
    out.push(f1(19, wm2.lower));
    out.push(f1(20, wp1.lower));
    out.push(f1(21, wp1.suf[2]));
    out.push(f1(22, wp2.lower));
    out.push(f2(23, wm1.lower, w0.lower));
    out.push(f2(24, w0.lower, wp1.lower));
    out.push(f1(25, wp1.sshape));
    out.push(f1(26, wm1.sshape));
    out.push(f2(27, p1, w0.suf[2]));
    out.push(f2(28, p1, wp1.lower));
    out.push(f3(29, p1, w0.lower, wp1.lower));
    out.push(f2(30, w0.suf[1], wp1.suf[1]));
    out.push(f2(31, wm1.suf[1], w0.suf[2]));
    out.push(f1(32, wp1.suf[0]));
    out.push(f2(33, wp1.lower, wp2.lower));
    out.push(f1(40, w0.cf));
    out.push(f1(41, w0.cc));
    out.push(f1(42, wm1.cf));
    out.push(f1(43, wp1.cf));
    out.push(f2(44, p1, w0.cf));
    out.push(f1(45, wp1.cc));
    out.push(f2(46, w0.cf, wp1.cf));
    out.push(f2(47, wm1.cf, w0.cf));
    out.push(f2(48, w0.cf, w0.suf[2]));
    out.push(f1(49, wp2.cf));
}

/// A trained tagger: class inventory plus weights.
pub struct Tagger {
    /// `(UPOS, XPOS)` of each class.
    pub classes: Vec<(Tag, Tag)>,
    /// Fingerprint of the cluster table the tagger was trained with.
    pub clusters_fp: u64,
    weights: Weights,
}

/// Tag `atoms` greedily with `model`, writing class ids into `tags`.
pub fn tag_with<S: Scorer>(model: &S, atoms: &[Atoms], tags: &mut Vec<u16>) {
    tags.clear();
    let mut feats = Vec::with_capacity(48);
    let mut scores = vec![0f32; model.nclasses()];
    for i in 0..atoms.len() {
        let p1 = if i >= 1 { tags[i - 1] as u64 } else { NO_TAG };
        let p2 = if i >= 2 { tags[i - 2] as u64 } else { NO_TAG };
        features(atoms, i, p1, p2, &mut feats);
        scores.iter_mut().for_each(|s| *s = 0.0);
        model.score(&feats, &mut scores);
        tags.push(first_max(&scores) as u16);
    }
}

/// Index of the highest score (first on ties).
pub fn argmax(s: &[f32]) -> usize {
    let mut b = 0;
    for i in 1..s.len() {
        if s[i] > s[b] {
            b = i;
        }
    }
    b
}

impl Tagger {
    /// Tag words; returns class ids.
    pub fn tag(&self, words: &[&str], clusters: &Clusters) -> Vec<u16> {
        let atoms: Vec<Atoms> = words.iter().map(|w| Atoms::new(w, clusters)).collect();
        let mut tags = Vec::with_capacity(words.len());
        tag_with(&self.weights, &atoms, &mut tags);
        tags
    }

    /// Tag pre-computed atoms.
    pub fn tag_atoms(&self, atoms: &[Atoms], tags: &mut Vec<u16>) {
        tag_with(&self.weights, atoms, tags);
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
        w.u32(self.classes.len() as u32);
        for (u, x) in &self.classes {
            w.str(u);
            w.str(x);
        }
        self.weights.write(&mut w);
        w.buf
    }

    /// Deserialise.
    pub fn from_bytes(b: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader::new(b, "tagger.bin");
        r.header(MAGIC, VERSION)?;
        let clusters_fp = r.u64()?;
        let n = r.u32()? as usize;
        if n == 0 || n > 255 {
            return Err(r.error("bad class count"));
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((Tag::new(&r.str()?), Tag::new(&r.str()?)));
        }
        let weights = Weights::read(&mut r)?;
        if weights.nclasses() != n {
            return Err(r.error("class count mismatch"));
        }
        Ok(Tagger {
            classes,
            clusters_fp,
            weights,
        })
    }
}

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Prune averaged weights below this many quantisation steps.
    pub min_q: i16,
}

/// Classes as tags, as the tagger stores them.
fn tags_of(classes: &[(String, String)]) -> Vec<(Tag, Tag)> {
    classes
        .iter()
        .map(|(u, x)| (Tag::new(u), Tag::new(x)))
        .collect()
}

/// The joint class name of a gold word.
fn class_of(upos: &str, xpos: &str) -> (String, String) {
    (upos.to_string(), xpos.to_string())
}

/// Train a tagger on `train`, reporting dev accuracy after each epoch through `log`; keeps the
/// epoch with the best dev UPOS+XPOS accuracy (or the last one without dev data).
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    opts: &TrainOptions,
    clusters: &Clusters,
    log: &mut dyn FnMut(&str),
) -> Tagger {
    let set: BTreeSet<(String, String)> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| class_of(&w.upos, &w.xpos)))
        .collect();
    let classes: Vec<(String, String)> = set.into_iter().collect();
    let class_id = |w: &crate::conllu::Word| -> usize {
        classes
            .binary_search(&class_of(&w.upos, &w.xpos))
            .unwrap_or(0)
    };
    let data: Vec<(Vec<Atoms>, Vec<usize>)> = train
        .iter()
        .map(|s| {
            (
                s.words
                    .iter()
                    .map(|w| Atoms::new(&w.form, clusters))
                    .collect(),
                s.words.iter().map(class_id).collect(),
            )
        })
        .collect();
    let mut model = Trainer::new(classes.len());
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut best: Option<(f64, Tagger)> = None;
    let mut feats = Vec::new();
    let mut scores = vec![0f32; classes.len()];
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let (atoms, gold) = &data[si];
            let mut hist: Vec<u16> = Vec::with_capacity(atoms.len());
            for i in 0..atoms.len() {
                let p1 = if i >= 1 { hist[i - 1] as u64 } else { NO_TAG };
                let p2 = if i >= 2 { hist[i - 2] as u64 } else { NO_TAG };
                features(atoms, i, p1, p2, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                model.score(&feats, &mut scores);
                let guess = argmax(&scores);
                model.tick();
                model.update(gold[i], guess, &feats);
                correct += (guess == gold[i]) as usize;
                total += 1;
                hist.push(guess as u16);
            }
        }
        let tagger = Tagger {
            classes: tags_of(&classes),
            clusters_fp: clusters.fingerprint(),
            weights: model.freeze(opts.min_q),
        };
        let (upos, xpos) = accuracy(&tagger, dev, clusters);
        log(&format!(
            "tagger epoch {epoch}: train acc {:.4}  dev upos {:.4}  xpos {:.4}  features {}",
            correct as f64 / total.max(1) as f64,
            upos,
            xpos,
            tagger.nfeatures()
        ));
        let score = upos + xpos;
        if dev.is_empty() || best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, tagger));
        }
    }
    match best {
        Some((_, t)) => t,
        None => Tagger {
            classes: tags_of(&classes),
            clusters_fp: clusters.fingerprint(),
            weights: model.freeze(opts.min_q),
        },
    }
}

/// (UPOS, XPOS) accuracy of `tagger` on gold sentences.
pub fn accuracy(tagger: &Tagger, sents: &[Sentence], clusters: &Clusters) -> (f64, f64) {
    let (mut u, mut x, mut n) = (0usize, 0usize, 0usize);
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let tags = tagger.tag(&words, clusters);
        for (w, t) in s.words.iter().zip(tags) {
            let (cu, cx) = &tagger.classes[t as usize];
            u += (*cu == w.upos) as usize;
            x += (*cx == w.xpos) as usize;
            n += 1;
        }
    }
    (u as f64 / n.max(1) as f64, x as f64 / n.max(1) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The atoms are hashes of the strings their doc comments name, however the hashing is
    /// arranged (short words, digits, characters that lower-case to two, non-ASCII shapes).
    #[test]
    fn atoms_hash_the_documented_strings() {
        for word in [
            "Putin's",
            "a",
            "Zé",
            "İstanbul",
            "2025-05-19",
            "ÉTÉ",
            "U.N.",
            "—",
        ] {
            let a = Atoms::new(word, &Clusters::default());
            let low = norm(word);
            assert_eq!(a.lower, str_hash(&low));
            assert_eq!(norm_hash(word), str_hash(&low), "{word}");
            let chars: Vec<char> = low.chars().collect();
            for k in 1..=4 {
                let s: String = chars[chars.len().saturating_sub(k)..].iter().collect();
                assert_eq!(a.suf[k - 1], str_hash(&s), "{word} suffix {k}");
            }
            for k in 1..=3 {
                let p: String = chars[..k.min(chars.len())].iter().collect();
                assert_eq!(a.pre[k - 1], str_hash(&p), "{word} prefix {k}");
            }
            let mut shape = String::new();
            let mut sshape = String::new();
            let mut run = 0;
            let mut last = '\0';
            for c in word.chars().map(shape_char) {
                run = if c == last { run + 1 } else { 1 };
                if run == 1 {
                    sshape.push(c);
                }
                if run <= 4 && shape.len() < 16 {
                    shape.push(c);
                }
                last = c;
            }
            assert_eq!(a.shape, str_hash(&shape), "{word}");
            assert_eq!(a.sshape, str_hash(&sshape), "{word}");
        }
    }
}
