//! Distributional word clusters computed from raw text, used as extra tagger and parser features
//! so that words rare or absent in the treebank share weights with frequent words that occur in
//! similar contexts.
//!
//! Method (deterministic for a seed): normalised word counts → each vocabulary word gets a
//! vector of positive PMI with the 1,000 most frequent words as left and right neighbours →
//! random projection to 128 dimensions → spherical k-means into 256 fine clusters → k-means of
//! the fine centroids into 32 coarse clusters. Stored as `clusters.bin`: hashed word → (fine,
//! coarse), so the file holds no word list.

use crate::binio::{Reader, Writer};
use crate::hash::{mix, str_hash, IdBuild};
use crate::rng::Rng;
use crate::tagger::norm;
use crate::ModelError;
use std::collections::{BTreeMap, HashMap};

const MAGIC: &[u8; 4] = b"DYCL";
const VERSION: u32 = 1;
/// Cluster id for words outside the table.
pub const UNKNOWN: u16 = u16::MAX;

/// Word (normalised form hash) → (fine, coarse) cluster.
#[derive(Debug, Default, Clone)]
pub struct Clusters {
    /// Keyed by already-mixed hashes, so the identity hasher suffices.
    map: HashMap<u64, (u16, u16), IdBuild>,
}

impl Clusters {
    /// Clusters of a normalised-form hash (`UNKNOWN` when absent).
    pub fn get_hash(&self, h: u64) -> (u16, u16) {
        self.map.get(&h).copied().unwrap_or((UNKNOWN, UNKNOWN))
    }

    /// Whether the normalised-form hash `h` is in the cluster vocabulary.
    pub fn contains_hash(&self, h: u64) -> bool {
        self.map.contains_key(&h)
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// A fingerprint of the table; tagger and parser files record the one they were trained with.
    pub fn fingerprint(&self) -> u64 {
        let mut v: Vec<(u64, (u16, u16))> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        v.sort_unstable();
        v.iter().fold(v.len() as u64, |h, (k, (f, c))| {
            mix(h ^ k ^ ((*f as u64) << 16 | *c as u64))
        })
    }

    /// Whether the table is empty (no cluster features).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Serialise (sorted by key).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        let mut v: Vec<(u64, (u16, u16))> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        v.sort_unstable();
        w.u32(v.len() as u32);
        for (k, (f, c)) in v {
            w.u64(k);
            w.u16(f);
            w.u16(c);
        }
        w.buf
    }

    /// Deserialise; an empty buffer is an empty table.
    pub fn from_bytes(b: &[u8]) -> Result<Clusters, ModelError> {
        if b.is_empty() {
            return Ok(Clusters::default());
        }
        let mut r = Reader::new(b, "clusters.bin");
        r.header(MAGIC, VERSION)?;
        let n = r.u32()? as usize;
        let mut map = HashMap::with_capacity_and_hasher(n.min(5_000_000), IdBuild::default());
        for _ in 0..n {
            let k = r.u64()?;
            let f = r.u16()?;
            let c = r.u16()?;
            map.insert(k, (f, c));
        }
        Ok(Clusters { map })
    }
}

/// Rough raw-text tokenizer for cluster statistics: whitespace split, punctuation peeled off,
/// `n't` and `'s`-style clitics separated, then normalised with [`norm`].
pub fn raw_tokens(text: &str, out: &mut Vec<String>) {
    for chunk in text.split_whitespace() {
        let chars: Vec<char> = chunk.chars().collect();
        let mut a = 0;
        let mut b = chars.len();
        let mut tail = Vec::new();
        while a < b && !chars[a].is_alphanumeric() {
            out.push(chars[a].to_string());
            a += 1;
        }
        while b > a && !chars[b - 1].is_alphanumeric() {
            tail.push(chars[b - 1].to_string());
            b -= 1;
        }
        if a < b {
            let word: String = chars[a..b].iter().collect();
            let low = word.to_lowercase();
            if low.ends_with("n't") && low.len() > 3 {
                let cut = word.len() - 3;
                out.push(norm(&word[..cut]));
                out.push("n't".into());
            } else if let Some(p) = ["'s", "'re", "'ve", "'ll", "'d", "'m", "’s"]
                .iter()
                .find(|s| low.ends_with(*s))
            {
                let cut = word.len() - p.len();
                if cut > 0 {
                    out.push(norm(&word[..cut]));
                }
                out.push(norm(&word[cut..]));
            } else {
                out.push(norm(&word));
            }
        }
        out.extend(tail.into_iter().rev());
    }
}

/// Read a raw-text file: UTF-8 (lossy; Latin-1 when invalid); SGML/HTML markup removed.
pub fn read_raw(path: &std::path::Path) -> Result<String, ModelError> {
    let bytes =
        std::fs::read(path).map_err(|e| ModelError::new(format!("{}: {e}", path.display())))?;
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if matches!(ext, "sgm" | "sgml" | "html" | "xml") {
        let mut out = String::with_capacity(text.len());
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    out.push(' ');
                }
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        return Ok(out
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"));
    }
    Ok(text)
}

/// Cluster-training options.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Vocabulary size (most frequent normalised words with at least `min_count` occurrences).
    pub vocab: usize,
    /// Minimum count for a word to be clustered.
    pub min_count: u32,
    /// Context words (most frequent), per side.
    pub contexts: usize,
    /// Fine clusters.
    pub fine: usize,
    /// Coarse clusters.
    pub coarse: usize,
    /// Projection dimensions.
    pub dims: usize,
    /// k-means iterations.
    pub iters: usize,
    /// Seed.
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            vocab: 40_000,
            min_count: 3,
            contexts: 1000,
            fine: 256,
            coarse: 32,
            dims: 128,
            iters: 12,
            seed: 1,
        }
    }
}

/// Compute clusters from token sentences (each inner vector one text line/sentence).
pub fn train(docs: &[Vec<String>], opts: &ClusterOptions, log: &mut dyn FnMut(&str)) -> Clusters {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for d in docs {
        for w in d {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut by_freq: Vec<(&str, u32)> = counts.iter().map(|(&w, &c)| (w, c)).collect();
    by_freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let vocab: Vec<&str> = by_freq
        .iter()
        .filter(|(_, c)| *c >= opts.min_count)
        .take(opts.vocab)
        .map(|(w, _)| *w)
        .collect();
    let vid: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let nctx = opts.contexts.min(vocab.len());
    log(&format!(
        "clusters: {} tokens, {} types, vocabulary {}",
        counts.values().map(|&c| c as u64).sum::<u64>(),
        counts.len(),
        vocab.len()
    ));
    // Co-occurrence counts: (word, side * nctx + context) → count.
    let mut co: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); vocab.len()];
    let mut ctx_tot = vec![0f64; 2 * nctx];
    let mut word_tot = vec![0f64; vocab.len()];
    for d in docs {
        let ids: Vec<Option<usize>> = d.iter().map(|w| vid.get(w.as_str()).copied()).collect();
        for i in 0..ids.len() {
            let Some(w) = ids[i] else { continue };
            if i > 0 {
                if let Some(c) = ids[i - 1].filter(|&c| c < nctx) {
                    *co[w].entry(c as u32).or_default() += 1.0;
                    ctx_tot[c] += 1.0;
                    word_tot[w] += 1.0;
                }
            }
            if i + 1 < ids.len() {
                if let Some(c) = ids[i + 1].filter(|&c| c < nctx) {
                    *co[w].entry((nctx + c) as u32).or_default() += 1.0;
                    ctx_tot[nctx + c] += 1.0;
                    word_tot[w] += 1.0;
                }
            }
        }
    }
    let total: f64 = ctx_tot.iter().sum::<f64>().max(1.0);
    // Random ±1 projection of PPMI vectors.
    let dims = opts.dims;
    let proj = |c: usize, j: usize| -> f32 {
        if mix((c as u64) << 16 ^ j as u64 ^ opts.seed.wrapping_mul(0x9e37)) & 1 == 0 {
            1.0
        } else {
            -1.0
        }
    };
    let mut vecs = vec![0f32; vocab.len() * dims];
    for w in 0..vocab.len() {
        let v = &mut vecs[w * dims..(w + 1) * dims];
        for (&c, &n) in &co[w] {
            let pmi = ((n as f64 * total) / (word_tot[w] * ctx_tot[c as usize]).max(1e-9)).ln();
            if pmi > 0.0 {
                for (j, x) in v.iter_mut().enumerate() {
                    *x += pmi as f32 * proj(c as usize, j);
                }
            }
        }
        normalise(v);
    }
    drop(co);
    let fine = kmeans(
        &vecs,
        dims,
        opts.fine.min(vocab.len().max(1)),
        opts.iters,
        opts.seed,
        log,
    );
    // Coarse clusters: k-means over the fine centroids.
    let mut cent = vec![0f32; fine.k * dims];
    for (w, &c) in fine.assign.iter().enumerate() {
        for j in 0..dims {
            cent[c * dims + j] += vecs[w * dims + j];
        }
    }
    for c in 0..fine.k {
        normalise(&mut cent[c * dims..(c + 1) * dims]);
    }
    let coarse = kmeans(
        &cent,
        dims,
        opts.coarse.min(fine.k),
        opts.iters,
        opts.seed ^ 1,
        log,
    );
    let map = vocab
        .iter()
        .enumerate()
        .map(|(w, word)| {
            let f = fine.assign[w];
            (str_hash(word), (f as u16, coarse.assign[f] as u16))
        })
        .collect();
    Clusters { map }
}

fn normalise(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

struct KMeans {
    k: usize,
    assign: Vec<usize>,
}

fn kmeans(
    vecs: &[f32],
    dims: usize,
    k: usize,
    iters: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> KMeans {
    let n = vecs.len() / dims;
    let k = k.max(1).min(n.max(1));
    let mut rng = Rng::new(seed);
    let mut idx: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut idx);
    let mut cent: Vec<f32> = idx
        .iter()
        .take(k)
        .flat_map(|&i| vecs[i * dims..(i + 1) * dims].iter().copied())
        .collect();
    let mut assign = vec![0usize; n];
    for it in 0..iters {
        let mut moved = 0;
        for i in 0..n {
            let v = &vecs[i * dims..(i + 1) * dims];
            let mut best = (f32::MIN, 0);
            for c in 0..k {
                let d: f32 = cent[c * dims..(c + 1) * dims]
                    .iter()
                    .zip(v)
                    .map(|(a, b)| a * b)
                    .sum();
                if d > best.0 {
                    best = (d, c);
                }
            }
            if assign[i] != best.1 {
                moved += 1;
            }
            assign[i] = best.1;
        }
        cent.iter_mut().for_each(|x| *x = 0.0);
        for i in 0..n {
            let c = assign[i];
            for j in 0..dims {
                cent[c * dims + j] += vecs[i * dims + j];
            }
        }
        for c in 0..k {
            normalise(&mut cent[c * dims..(c + 1) * dims]);
        }
        log(&format!(
            "k-means k={k} iteration {}: {moved} moved",
            it + 1
        ));
        if moved == 0 {
            break;
        }
    }
    KMeans { k, assign }
}
