//! Computing word clusters from raw text, so that the tagger can generalise from words it saw in
//! training to words it only saw in unlabelled news (a stand-in for Brown clusters that is much
//! faster to compute).
//!
//! Method: every frequent word form gets a context vector of positive pointwise mutual information
//! with its left and right neighbours (the most frequent words, other words by their shape), reduced
//! to a dense vector by a randomized truncated SVD (seeded) and normalised; spherical k-means groups the
//! vectors into fine clusters, and k-means over the fine centroids gives the middle and coarse
//! levels, so the three levels nest like the prefixes of a Brown-cluster bit string. Everything is
//! deterministic for a given seed.

use crate::clusters::Clusters;
use crate::text::{normalize, short_shape};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Settings for [`compute`].
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// At most this many (most frequent) words are clustered.
    pub max_vocab: usize,
    /// Number of context words (most frequent forms) that get their own context dimensions.
    pub context_words: usize,
    /// Dense dimension after random projection.
    pub dim: usize,
    /// Cluster counts at the fine, middle and coarse levels.
    pub k: [usize; 3],
    /// k-means iterations at the fine level.
    pub iterations: usize,
    /// Seed for projection and initialisation.
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            min_count: 3,
            max_vocab: 60_000,
            context_words: 2_000,
            dim: 100,
            k: [800, 160, 32],
            iterations: 12,
            seed: 1,
        }
    }
}

/// Splits raw text into word tokens roughly the way CoNLL-2003 is tokenized (punctuation apart,
/// `'s` and `n't` split, abbreviations such as `U.S.` kept whole).
pub fn tokenize(text: &str, out: &mut Vec<String>) {
    for raw in text.split_whitespace() {
        let w = normalize(raw);
        let mut s: &str = &w;
        let mut tail = Vec::new();
        while let Some(c) = s.chars().next().filter(|c| "\"'([{".contains(*c)) {
            out.push(c.to_string());
            s = &s[c.len_utf8()..];
        }
        while let Some(c) = s.chars().last() {
            if c == '.' && is_abbreviation(s) {
                break;
            }
            if ",.;:!?\")]}'".contains(c) {
                tail.push(c.to_string());
                s = &s[..s.len() - c.len_utf8()];
            } else {
                break;
            }
        }
        if let Some(stem) = s.strip_suffix("'s").filter(|x| !x.is_empty()) {
            out.push(stem.to_string());
            out.push("'s".to_string());
        } else if let Some(stem) = s.strip_suffix("n't").filter(|x| !x.is_empty()) {
            out.push(stem.to_string());
            out.push("n't".to_string());
        } else if !s.is_empty() {
            out.push(s.to_string());
        }
        out.extend(tail.into_iter().rev());
    }
}

fn is_abbreviation(s: &str) -> bool {
    // "U.S.", "a.m.", "Jan.", "Mr." (short capitalised words with a final period).
    let inner = &s[..s.len() - 1];
    (inner.contains('.') && inner.chars().all(|c| c.is_alphabetic() || c == '.'))
        || (inner.len() <= 4
            && inner
                .chars()
                .next()
                .map(|c| c.is_uppercase())
                .unwrap_or(false)
            && inner.chars().all(|c| c.is_alphabetic()))
}

/// Reads raw sentences from files: `*.csv` (columns `title` and `text`), `*.sgm` (Reuters SGML,
/// latin-1, `<BODY>` elements), a directory (every file in it, recursively, as plain text with any
/// markup tags removed), anything else as CoNLL (first column).
pub fn read_corpus(
    files: &[PathBuf],
    log: &mut dyn FnMut(&str),
) -> Result<Vec<Vec<String>>, String> {
    let mut docs = Vec::new();
    for f in files {
        let before = docs.len();
        let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
        if f.is_dir() {
            let mut all = Vec::new();
            list_files(f, &mut all);
            for p in all {
                let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                let text = String::from_utf8_lossy(&bytes);
                let mut plain = String::with_capacity(text.len());
                let mut in_tag = false;
                for c in text.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' if in_tag => {
                            in_tag = false;
                            plain.push(' ');
                        }
                        _ if !in_tag => plain.push(c),
                        _ => {}
                    }
                }
                let mut toks = Vec::new();
                tokenize(&plain, &mut toks);
                docs.push(toks);
            }
            log(&format!(
                "{}: {} documents",
                f.display(),
                docs.len() - before
            ));
            continue;
        }
        match ext {
            "csv" => read_csv(f, &mut docs)?,
            "sgm" => {
                let bytes = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
                let text: String = bytes.iter().map(|&b| b as char).collect();
                for part in text.split("<BODY>").skip(1) {
                    let body = part.split("</BODY>").next().unwrap_or("");
                    let body = body
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&");
                    let mut toks = Vec::new();
                    tokenize(&body, &mut toks);
                    docs.push(toks);
                }
            }
            _ => {
                let text =
                    std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
                for d in crate::conll::parse(&text) {
                    docs.push(d.sentences.into_iter().flat_map(|s| s.words).collect());
                }
            }
        }
        log(&format!(
            "{}: {} documents",
            f.display(),
            docs.len() - before
        ));
    }
    Ok(docs)
}

fn list_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            list_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn read_csv(f: &Path, docs: &mut Vec<Vec<String>>) -> Result<(), String> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(f)
        .map_err(|e| format!("{}: {e}", f.display()))?;
    let headers = rdr
        .headers()
        .map_err(|e| format!("{}: {e}", f.display()))?
        .clone();
    let cols: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| *h == "text" || *h == "title")
        .map(|(i, _)| i)
        .collect();
    for rec in rdr.records() {
        let Ok(rec) = rec else { continue };
        let mut toks = Vec::new();
        for &c in &cols {
            if let Some(t) = rec.get(c) {
                tokenize(t, &mut toks);
            }
        }
        docs.push(toks);
    }
    Ok(())
}

/// Reads the files and computes the cluster table text (see [`compute`]).
pub fn compute_from_files(
    files: &[PathBuf],
    opts: &ClusterOptions,
    log: &mut dyn FnMut(&str),
) -> Result<String, String> {
    let docs = read_corpus(files, log)?;
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            f.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        })
        .collect();
    let entries = compute(&docs, opts, log);
    let header = format!(
        "Dyad NER word clusters (COARSE, MIDDLE, FINE), computed by `dyad train ner-clusters` from: {}\n\
         settings: min_count {} max_vocab {} context_words {} dim {} k {:?} iterations {} seed {}\n\
         format: WORD<TAB>COARSE<TAB>MIDDLE<TAB>FINE",
        names.join(", "),
        opts.min_count,
        opts.max_vocab,
        opts.context_words,
        opts.dim,
        opts.k,
        opts.iterations,
        opts.seed
    );
    Ok(Clusters::to_text(&entries, &header))
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Clusters the word forms of tokenized documents: `(word, [coarse, middle, fine])`.
pub fn compute(
    docs: &[Vec<String>],
    opts: &ClusterOptions,
    log: &mut dyn FnMut(&str),
) -> Vec<(String, [u16; 3])> {
    // Vocabulary by frequency (ties broken by the word, for determinism).
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for d in docs {
        for w in d {
            *freq.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(&str, u32)> = freq.into_iter().collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let total_tokens: u64 = by_freq.iter().map(|x| x.1 as u64).sum();
    let vocab: Vec<&str> = by_freq
        .iter()
        .filter(|x| x.1 >= opts.min_count)
        .take(opts.max_vocab)
        .map(|x| x.0)
        .collect();
    let vid: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, w)| (*w, i as u32))
        .collect();
    log(&format!(
        "{total_tokens} tokens, {} word forms, clustering {}",
        by_freq.len(),
        vocab.len()
    ));
    // Context ids: frequent words get their own, the rest share one per short shape.
    let nctx_words = opts.context_words.min(vocab.len());
    let mut shape_ids: HashMap<String, u32> = HashMap::new();
    let ctx_of = |w: &str, shape_ids: &mut HashMap<String, u32>| -> u32 {
        match vid.get(w) {
            Some(&i) if (i as usize) < nctx_words => i,
            _ => {
                let s: String = short_shape(w).chars().take(4).collect();
                let next = shape_ids.len() as u32;
                nctx_words as u32 + 1 + *shape_ids.entry(s).or_insert(next)
            }
        }
    };
    // (word, context) pairs; context = side * 2^20 + id (side 0: left, 1: right).
    let mut pairs: Vec<u64> = Vec::new();
    for d in docs {
        let ids: Vec<Option<u32>> = d.iter().map(|w| vid.get(w.as_str()).copied()).collect();
        let ctx: Vec<u32> = d.iter().map(|w| ctx_of(w, &mut shape_ids)).collect();
        let boundary = nctx_words as u32;
        for i in 0..d.len() {
            let Some(w) = ids[i] else { continue };
            let left = if i > 0 { ctx[i - 1] } else { boundary };
            let right = if i + 1 < d.len() {
                ctx[i + 1]
            } else {
                boundary
            };
            pairs.push(((w as u64) << 32) | left as u64);
            pairs.push(((w as u64) << 32) | (1 << 20) | right as u64);
        }
    }
    pairs.sort_unstable();
    log(&format!("{} context pairs", pairs.len()));
    // Marginals.
    let mut wcount = vec![0f64; vocab.len()];
    let mut ccount: HashMap<u32, f64> = HashMap::new();
    for &p in &pairs {
        wcount[(p >> 32) as usize] += 1.0;
        *ccount.entry(p as u32).or_insert(0.0) += 1.0;
    }
    let n = pairs.len() as f64;
    // Sparse PPMI matrix (rows = words, columns = contexts), then a truncated SVD.
    let mut cols: HashMap<u32, u32> = HashMap::new();
    let mut ccount_keys: Vec<u32> = ccount.keys().copied().collect();
    ccount_keys.sort_unstable();
    for (i, c) in ccount_keys.iter().enumerate() {
        cols.insert(*c, i as u32);
    }
    let mut cvals: Vec<f64> = ccount_keys.iter().map(|c| ccount[c]).collect();
    cvals.sort_by(|a, b| a.total_cmp(b));
    let csum: f64 = cvals.iter().map(|x| x.powf(0.75)).sum();
    let mut rows: Vec<Vec<(u32, f32)>> = vec![Vec::new(); vocab.len()];
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        let w = (pairs[i] >> 32) as usize;
        let c = pairs[i] as u32;
        let cnt = (j - i) as f64;
        // Context distribution smoothed (power 0.75), as in word2vec-style PPMI.
        let pc = ccount[&c].powf(0.75) / csum;
        let pmi = (cnt / wcount[w] / pc).ln();
        if pmi > 0.0 {
            rows[w].push((cols[&c], pmi as f32));
        }
        i = j;
    }
    let _ = n;
    let dim = opts.dim;
    let mut vecs = svd_vectors(&rows, cols.len(), dim, opts.seed, log);
    for v in vecs.chunks_mut(dim) {
        normalize_vec(v);
    }
    // Fine level: spherical k-means over words.
    let k0 = opts.k[0].min(vocab.len()).max(1);
    let weights = vec![1f32; vocab.len()];
    let fine = kmeans(&vecs, &weights, dim, k0, opts.iterations, opts.seed, log);
    // Middle and coarse levels: k-means over centroids weighted by their sizes.
    let cent0 = centroids(&vecs, &fine.0, dim, k0);
    let w0 = sizes(&fine.0, k0);
    let k1 = opts.k[1].min(k0).max(1);
    let mid = kmeans(&cent0, &w0, dim, k1, 20, opts.seed + 1, &mut |_| {});
    let cent1 = centroids_weighted(&cent0, &w0, &mid.0, dim, k1);
    let w1 = sizes_weighted(&mid.0, &w0, k1);
    let k2 = opts.k[2].min(k1).max(1);
    let coarse = kmeans(&cent1, &w1, dim, k2, 20, opts.seed + 2, &mut |_| {});
    vocab
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let f = fine.0[i];
            let m = mid.0[f as usize];
            let c = coarse.0[m as usize];
            (w.to_string(), [c as u16, m as u16, f as u16])
        })
        .collect()
}

/// Word vectors from a randomized truncated SVD of the sparse matrix `rows` (Halko et al. 2011):
/// `U_k · sqrt(S_k)`, `dim` columns per word.
fn svd_vectors(
    rows: &[Vec<(u32, f32)>],
    ncols: usize,
    dim: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> Vec<f32> {
    let n = rows.len();
    let r = dim + 10;
    // Y = M · Ω with a seeded ±1 matrix Ω (ncols × r).
    let omega = |c: usize, j: usize| -> f32 {
        if mix((c as u64) << 16 ^ j as u64 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15)) & 1 == 1 {
            1.0
        } else {
            -1.0
        }
    };
    let mut y = vec![0f32; n * r];
    for (w, row) in rows.iter().enumerate() {
        for &(c, v) in row {
            for j in 0..r {
                y[w * r + j] += v * omega(c as usize, j);
            }
        }
    }
    // Two power iterations: Y = M (Mᵀ Q).
    for _ in 0..2 {
        orthonormalize(&mut y, n, r);
        let z = mt_times(rows, &y, ncols, r);
        y = m_times(rows, &z, r);
    }
    orthonormalize(&mut y, n, r);
    // B = Qᵀ M; C = B Bᵀ (r × r) = (Mᵀ Q)ᵀ (Mᵀ Q).
    let z = mt_times(rows, &y, ncols, r);
    let mut cm = vec![0f64; r * r];
    for c in 0..ncols {
        let zr = &z[c * r..(c + 1) * r];
        for a in 0..r {
            for b in a..r {
                cm[a * r + b] += zr[a] as f64 * zr[b] as f64;
            }
        }
    }
    for a in 0..r {
        for b in 0..a {
            cm[a * r + b] = cm[b * r + a];
        }
    }
    let (vals, vecs) = jacobi_eigen(cm, r);
    let mut order: Vec<usize> = (0..r).collect();
    order.sort_by(|&a, &b| vals[b].total_cmp(&vals[a]));
    log(&format!(
        "SVD: top singular values {:.1} {:.1} {:.1}, last kept {:.1}",
        vals[order[0]].max(0.0).sqrt(),
        vals[order[1]].max(0.0).sqrt(),
        vals[order[2]].max(0.0).sqrt(),
        vals[order[dim - 1]].max(0.0).sqrt()
    ));
    // U = Q V; word vector = U_k · S_k^0.5.
    let mut out = vec![0f32; n * dim];
    for w in 0..n {
        let q = &y[w * r..(w + 1) * r];
        for (k, &e) in order.iter().take(dim).enumerate() {
            let mut s = 0f64;
            for a in 0..r {
                s += q[a] as f64 * vecs[a * r + e];
            }
            out[w * dim + k] = (s * vals[e].max(0.0).sqrt().sqrt()) as f32;
        }
    }
    out
}

/// Mᵀ · Y (ncols × r) for sparse M (n × ncols) and dense Y (n × r).
fn mt_times(rows: &[Vec<(u32, f32)>], y: &[f32], ncols: usize, r: usize) -> Vec<f32> {
    let mut z = vec![0f32; ncols * r];
    for (w, row) in rows.iter().enumerate() {
        let yr = &y[w * r..(w + 1) * r];
        for &(c, v) in row {
            for (x, yv) in z[c as usize * r..(c as usize + 1) * r].iter_mut().zip(yr) {
                *x += v * yv;
            }
        }
    }
    z
}

/// M · Z (n × r) for sparse M and dense Z (ncols × r).
fn m_times(rows: &[Vec<(u32, f32)>], z: &[f32], r: usize) -> Vec<f32> {
    let mut y = vec![0f32; rows.len() * r];
    for (w, row) in rows.iter().enumerate() {
        let yr = &mut y[w * r..(w + 1) * r];
        for &(c, v) in row {
            for (x, zv) in yr.iter_mut().zip(&z[c as usize * r..(c as usize + 1) * r]) {
                *x += v * zv;
            }
        }
    }
    y
}

/// Modified Gram–Schmidt on the columns of a row-major n × r matrix.
fn orthonormalize(y: &mut [f32], n: usize, r: usize) {
    for j in 0..r {
        for k in 0..j {
            let mut d = 0f64;
            for i in 0..n {
                d += y[i * r + j] as f64 * y[i * r + k] as f64;
            }
            for i in 0..n {
                y[i * r + j] -= (d as f32) * y[i * r + k];
            }
        }
        let mut norm = 0f64;
        for i in 0..n {
            norm += (y[i * r + j] as f64).powi(2);
        }
        let norm = norm.sqrt().max(1e-12) as f32;
        for i in 0..n {
            y[i * r + j] /= norm;
        }
    }
}

/// Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: (values, vectors as
/// columns of a row-major r × r matrix).
fn jacobi_eigen(mut a: Vec<f64>, r: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0f64; r * r];
    for i in 0..r {
        v[i * r + i] = 1.0;
    }
    for _sweep in 0..50 {
        let mut off = 0f64;
        for p in 0..r {
            for q in p + 1..r {
                off += a[p * r + q] * a[p * r + q];
            }
        }
        if off < 1e-18 {
            break;
        }
        for p in 0..r {
            for q in p + 1..r {
                let apq = a[p * r + q];
                if apq.abs() < 1e-30 {
                    continue;
                }
                let theta = (a[q * r + q] - a[p * r + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..r {
                    let akp = a[k * r + p];
                    let akq = a[k * r + q];
                    a[k * r + p] = c * akp - s * akq;
                    a[k * r + q] = s * akp + c * akq;
                }
                for k in 0..r {
                    let apk = a[p * r + k];
                    let aqk = a[q * r + k];
                    a[p * r + k] = c * apk - s * aqk;
                    a[q * r + k] = s * apk + c * aqk;
                }
                for k in 0..r {
                    let vkp = v[k * r + p];
                    let vkq = v[k * r + q];
                    v[k * r + p] = c * vkp - s * vkq;
                    v[k * r + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    let vals = (0..r).map(|i| a[i * r + i]).collect();
    (vals, v)
}

fn normalize_vec(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in v.iter_mut() {
            *x /= norm;
        }
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Spherical k-means; returns (assignment, final objective).
fn kmeans(
    vecs: &[f32],
    weights: &[f32],
    dim: usize,
    k: usize,
    iterations: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> (Vec<u32>, f32) {
    let n = vecs.len() / dim;
    let mut rng = Rng(mix(seed) | 1);
    // Initialise with distinct items: the first half from the most frequent items (index order),
    // the rest at random.
    let mut chosen: Vec<usize> = (0..k / 2).collect();
    let mut seen: std::collections::HashSet<usize> = chosen.iter().copied().collect();
    while chosen.len() < k {
        let c = (rng.next() % n as u64) as usize;
        if seen.insert(c) {
            chosen.push(c);
        }
    }
    let mut cent: Vec<f32> = chosen
        .iter()
        .flat_map(|&c| vecs[c * dim..(c + 1) * dim].to_vec())
        .collect();
    let mut assign = vec![0u32; n];
    let mut obj = 0f32;
    for it in 0..iterations {
        obj = 0.0;
        let mut changed = 0;
        for i in 0..n {
            let v = &vecs[i * dim..(i + 1) * dim];
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u32;
            for c in 0..k {
                let s = dot(v, &cent[c * dim..(c + 1) * dim]);
                if s > best {
                    best = s;
                    arg = c as u32;
                }
            }
            if assign[i] != arg || it == 0 {
                changed += 1;
            }
            assign[i] = arg;
            obj += best * weights[i];
        }
        let mut newc = vec![0f32; k * dim];
        let mut cnt = vec![0f32; k];
        for i in 0..n {
            let c = assign[i] as usize;
            cnt[c] += weights[i];
            for (x, y) in newc[c * dim..(c + 1) * dim]
                .iter_mut()
                .zip(&vecs[i * dim..(i + 1) * dim])
            {
                *x += y * weights[i];
            }
        }
        for c in 0..k {
            if cnt[c] == 0.0 {
                // Empty cluster: restart it on a random item.
                let r = (rng.next() % n as u64) as usize;
                newc[c * dim..(c + 1) * dim].copy_from_slice(&vecs[r * dim..(r + 1) * dim]);
            }
            normalize_vec(&mut newc[c * dim..(c + 1) * dim]);
        }
        cent = newc;
        log(&format!(
            "k-means k={k} iteration {}: {changed} moved, mean similarity {:.4}",
            it + 1,
            obj / n as f32
        ));
        if changed == 0 {
            break;
        }
    }
    (assign, obj)
}

fn sizes(assign: &[u32], k: usize) -> Vec<f32> {
    let mut s = vec![0f32; k];
    for &a in assign {
        s[a as usize] += 1.0;
    }
    s
}

fn sizes_weighted(assign: &[u32], w: &[f32], k: usize) -> Vec<f32> {
    let mut s = vec![0f32; k];
    for (i, &a) in assign.iter().enumerate() {
        s[a as usize] += w[i];
    }
    s
}

fn centroids(vecs: &[f32], assign: &[u32], dim: usize, k: usize) -> Vec<f32> {
    let w = vec![1f32; assign.len()];
    centroids_weighted(vecs, &w, assign, dim, k)
}

fn centroids_weighted(vecs: &[f32], w: &[f32], assign: &[u32], dim: usize, k: usize) -> Vec<f32> {
    let mut c = vec![0f32; k * dim];
    for (i, &a) in assign.iter().enumerate() {
        for (x, y) in c[a as usize * dim..(a as usize + 1) * dim]
            .iter_mut()
            .zip(&vecs[i * dim..(i + 1) * dim])
        {
            *x += y * w[i];
        }
    }
    for v in c.chunks_mut(dim) {
        normalize_vec(v);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_splits_like_conll() {
        let mut t = Vec::new();
        tokenize(
            "\u{201C}The U.S. said Russia\u{2019}s army didn't (yet) move.\u{201D}",
            &mut t,
        );
        assert_eq!(
            t,
            [
                "\"", "The", "U.S.", "said", "Russia", "'s", "army", "did", "n't", "(", "yet", ")",
                "move", ".", "\""
            ]
        );
    }

    #[test]
    fn words_in_the_same_contexts_cluster_together() {
        // A tiny corpus where city names and verbs fill distinct slots.
        let mut docs = Vec::new();
        let cities = ["Paris", "Rome", "Oslo", "Lima"];
        let verbs = ["visited", "left", "reached", "toured"];
        for (i, c) in cities.iter().enumerate() {
            for (j, v) in verbs.iter().enumerate() {
                let who = if (i + j) % 2 == 0 { "she" } else { "he" };
                docs.push(
                    format!("yesterday {who} {v} {c} again .")
                        .split(' ')
                        .map(String::from)
                        .collect(),
                );
            }
        }
        let opts = ClusterOptions {
            min_count: 1,
            context_words: 50,
            dim: 64,
            k: [2, 2, 1],
            seed: 3,
            ..Default::default()
        };
        let table = compute(&docs, &opts, &mut |_| {});
        let get = |w: &str| table.iter().find(|(x, _)| x == w).map(|x| x.1[2]).unwrap();
        assert_eq!(get("Paris"), get("Rome"));
        assert_eq!(get("Oslo"), get("Lima"));
        assert_eq!(get("visited"), get("toured"));
        assert_ne!(get("Paris"), get("visited"));
        // Deterministic.
        assert_eq!(table, compute(&docs, &opts, &mut |_| {}));
    }
}
