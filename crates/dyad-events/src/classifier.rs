//! A small multinomial logistic-regression classifier over string features: trained by SGD in a
//! fixed order (deterministic for a seed), stored as a human-readable TSV of non-zero weights.
//!
//! File format (one record per line, tab-separated; `#` lines are comments):
//! - `labels L1 L2 …` — the classes, in weight order;
//! - `code L CAMEO` — the CAMEO code an event of class `L` gets;
//! - `bias W1 W2 …` — one weight per class;
//! - `w FEATURE K:W K:W …` — the non-zero weights of a feature (class index `K`).

use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The classifier: classes, their CAMEO codes, bias and feature weights.
#[derive(Debug, Clone, Default)]
pub struct Classifier {
    /// Class names (PLOVER roots).
    pub labels: Vec<String>,
    /// CAMEO code for each class (same order).
    pub codes: Vec<String>,
    bias: Vec<f32>,
    /// Feature → its non-zero weights (FxHash: looked up for every feature of every candidate).
    weights: FxHashMap<String, Vec<(u16, f32)>>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Initial learning rate (decays as 1/(1 + epoch)).
    pub rate: f32,
    /// L2 penalty applied to the weights an example touches.
    pub l2: f32,
    /// Features seen fewer times are dropped.
    pub min_count: usize,
    /// Shuffling seed.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 20,
            rate: 0.2,
            l2: 0.002,
            min_count: 2,
            seed: 1,
        }
    }
}

impl Classifier {
    /// Whether the classifier has any class (an empty model file gives none).
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Class probabilities for a feature set (softmax of the linear scores).
    pub fn probs(&self, feats: &[String]) -> Vec<f32> {
        self.probs_of(feats.iter().map(String::as_str))
    }

    /// [`Self::probs`] for features given one by one (each once; the order is the order of the
    /// sums, so give them sorted to score exactly as [`Self::probs`] on the sorted list).
    pub fn probs_of<'a>(&self, feats: impl IntoIterator<Item = &'a str>) -> Vec<f32> {
        let mut s = self.bias.clone();
        for f in feats {
            if let Some(ws) = self.weights.get(f) {
                for &(k, w) in ws {
                    s[k as usize] += w;
                }
            }
        }
        softmax(&mut s);
        s
    }

    /// The most probable class and its probability (ties: the lower index).
    pub fn best(&self, feats: &[String]) -> Option<(usize, f32)> {
        self.best_of(feats.iter().map(String::as_str))
    }

    /// [`Self::best`] for features given one by one (see [`Self::probs_of`]).
    pub fn best_of<'a>(&self, feats: impl IntoIterator<Item = &'a str>) -> Option<(usize, f32)> {
        let p = self.probs_of(feats);
        let mut best: Option<(usize, f32)> = None;
        for (k, &v) in p.iter().enumerate() {
            if best.is_none_or(|(_, b)| v > b) {
                best = Some((k, v));
            }
        }
        best
    }

    /// Train on `(features, class)` examples. `codes` gives the CAMEO code of each class; classes
    /// are the sorted distinct labels of the data.
    pub fn train(
        data: &[(Vec<String>, String)],
        codes: &BTreeMap<String, String>,
        opts: &TrainOptions,
    ) -> Classifier {
        let labels: Vec<String> = data
            .iter()
            .map(|(_, l)| l.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let n = labels.len();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (fs, _) in data {
            for f in fs {
                *counts.entry(f.as_str()).or_default() += 1;
            }
        }
        let index: BTreeMap<&str, usize> = counts
            .iter()
            .filter(|(_, &c)| c >= opts.min_count)
            .enumerate()
            .map(|(i, (f, _))| (*f, i))
            .collect();
        let ex: Vec<(Vec<usize>, usize)> = data
            .iter()
            .map(|(fs, l)| {
                let mut v: Vec<usize> = fs
                    .iter()
                    .filter_map(|f| index.get(f.as_str()).copied())
                    .collect();
                v.sort_unstable();
                v.dedup();
                (v, labels.binary_search(l).unwrap_or(0))
            })
            .collect();
        let mut w = vec![0f32; index.len() * n];
        let mut bias = vec![0f32; n];
        let mut order: Vec<usize> = (0..ex.len()).collect();
        let mut rng = opts
            .seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        for epoch in 0..opts.epochs {
            // Fisher–Yates with a 64-bit LCG: the same order for the same seed on every machine.
            for i in (1..order.len()).rev() {
                rng = rng
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                order.swap(i, ((rng >> 33) % (i as u64 + 1)) as usize);
            }
            let rate = opts.rate / (1.0 + epoch as f32);
            for &i in &order {
                let (fs, y) = &ex[i];
                let mut s = bias.clone();
                for &f in fs {
                    for k in 0..n {
                        s[k] += w[f * n + k];
                    }
                }
                softmax(&mut s);
                for k in 0..n {
                    let g = s[k] - if k == *y { 1.0 } else { 0.0 };
                    bias[k] -= rate * g;
                    for &f in fs {
                        let x = &mut w[f * n + k];
                        *x -= rate * (g + opts.l2 * *x);
                    }
                }
            }
        }
        let mut weights = FxHashMap::default();
        for (f, &i) in &index {
            let row: Vec<(u16, f32)> = (0..n)
                .map(|k| (k as u16, round(w[i * n + k])))
                .filter(|&(_, x)| x != 0.0)
                .collect();
            if !row.is_empty() {
                weights.insert(f.to_string(), row);
            }
        }
        Classifier {
            codes: labels
                .iter()
                .map(|l| codes.get(l).cloned().unwrap_or_default())
                .collect(),
            labels,
            bias: bias.into_iter().map(round).collect(),
            weights,
        }
    }

    /// The model as text (format in the module header); features sorted, so the same model gives
    /// the same bytes.
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for l in header.lines() {
            out += &format!("# {l}\n");
        }
        out += &format!("labels\t{}\n", self.labels.join("\t"));
        for (l, c) in self.labels.iter().zip(&self.codes) {
            out += &format!("code\t{l}\t{c}\n");
        }
        let b: Vec<String> = self.bias.iter().map(|x| fmt(*x)).collect();
        out += &format!("bias\t{}\n", b.join("\t"));
        let mut keys: Vec<&String> = self.weights.keys().collect();
        keys.sort();
        for f in keys {
            let row: Vec<String> = self.weights[f]
                .iter()
                .map(|(k, x)| format!("{k}:{}", fmt(*x)))
                .collect();
            out += &format!("w\t{f}\t{}\n", row.join("\t"));
        }
        out
    }

    /// Read a model written by [`Self::to_text`]; errors are `name:line: message`. Empty text is an
    /// empty classifier.
    pub fn parse(text: &str, name: &str) -> Result<Classifier, String> {
        let mut c = Classifier::default();
        let mut codes: BTreeMap<String, String> = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let err = |m: &str| format!("{name}:{}: {m}", i + 1);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            match f[0] {
                "labels" => c.labels = f[1..].iter().map(|s| s.to_string()).collect(),
                "code" if f.len() == 3 => {
                    codes.insert(f[1].to_string(), f[2].to_string());
                }
                "bias" => {
                    c.bias = f[1..]
                        .iter()
                        .map(|x| x.parse::<f32>().map_err(|_| err("bad bias weight")))
                        .collect::<Result<_, _>>()?;
                }
                "w" if f.len() >= 3 => {
                    let mut row = Vec::new();
                    for kv in &f[2..] {
                        let (k, x) = kv.split_once(':').ok_or_else(|| err("weight is not K:W"))?;
                        let k: u16 = k.parse().map_err(|_| err("bad class index"))?;
                        if k as usize >= c.labels.len() {
                            return Err(err("class index out of range"));
                        }
                        row.push((k, x.parse().map_err(|_| err("bad weight"))?));
                    }
                    c.weights.insert(f[1].to_string(), row);
                }
                _ => return Err(err("unknown record (labels, code, bias or w expected)")),
            }
        }
        if c.bias.len() != c.labels.len() {
            return Err(format!(
                "{name}: {} bias weights for {} labels",
                c.bias.len(),
                c.labels.len()
            ));
        }
        c.codes = c
            .labels
            .iter()
            .map(|l| codes.get(l).cloned().unwrap_or_default())
            .collect();
        Ok(c)
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// A model file embedded in the binary: `None` when it is empty (the model switched off).
    /// Panics on a malformed file (the committed files are tested).
    pub fn embedded(text: &str, name: &str) -> Option<std::sync::Arc<Classifier>> {
        let c = Classifier::parse(text, name)
            .unwrap_or_else(|e| panic!("the committed model parses (tested): {e}"));
        (!c.is_empty()).then(|| std::sync::Arc::new(c))
    }
}

fn softmax(s: &mut [f32]) {
    let m = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut z = 0.0;
    for x in s.iter_mut() {
        *x = (*x - m).exp();
        z += *x;
    }
    for x in s.iter_mut() {
        *x /= z;
    }
}

/// Weights are kept to three decimals (what the file stores), so a model read back scores as trained.
fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn fmt(x: f32) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(fs: &[&str], l: &str) -> (Vec<String>, String) {
        (fs.iter().map(|s| s.to_string()).collect(), l.to_string())
    }

    #[test]
    fn learns_separable_classes_and_round_trips() {
        let mut data = Vec::new();
        for _ in 0..5 {
            data.push(ex(&["l=condemn", "obj"], "ACCUSE"));
            data.push(ex(&["l=meet", "obj"], "CONSULT"));
            data.push(ex(&["l=bomb", "obj"], "ASSAULT"));
        }
        let codes = BTreeMap::from([("ACCUSE".to_string(), "111".to_string())]);
        let c = Classifier::train(&data, &codes, &TrainOptions::default());
        assert_eq!(c.labels, vec!["ACCUSE", "ASSAULT", "CONSULT"]);
        assert_eq!(c.codes, vec!["111", "", ""]);
        let f = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let (k, p) = c.best(&f(&["l=meet", "obj"])).unwrap();
        assert_eq!(c.labels[k], "CONSULT");
        assert!(p > 0.5 && p <= 1.0);
        // Unseen features: the prior, far from sure.
        let (_, p0) = c.best(&f(&["l=unknown"])).unwrap();
        assert!(p0 < 0.5);
        let text = c.to_text("test model");
        let back = Classifier::parse(&text, "m.tsv").unwrap();
        assert_eq!(back.to_text("test model"), text);
        assert_eq!(back.probs(&f(&["l=bomb"])), c.probs(&f(&["l=bomb"])));
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let e = Classifier::parse("labels\tA\tB\nbias\t0\t0\nw\tf\t7:1\n", "m.tsv").unwrap_err();
        assert_eq!(e, "m.tsv:3: class index out of range");
        let e = Classifier::parse("labels\tA\nbias\t0\nzz\n", "m.tsv").unwrap_err();
        assert!(e.starts_with("m.tsv:3:"));
        assert!(Classifier::parse("", "m.tsv").unwrap().is_empty());
    }
}
