//! Training: a structured averaged perceptron (Collins 2002) over BILOU tags with exact Viterbi
//! decoding. Sentences are visited in a shuffled order fixed by the seed, the averaged weights are
//! scored on the dev set after every epoch, and the best epoch is kept; small weights are then
//! pruned and the rest quantised so the committed model stays small.

use crate::conll::ConllDoc;
use crate::features::{stage2, DocContext, DocMemory, Extractor};
use crate::model::{viterbi, IdMap, Model, Row};
use crate::score::Scorer;
use crate::tags::{bilou_to_iob2, iob1_to_iob2, iob_to_bilou, Tag, N_TAGS};
use crate::Ner;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Maximum number of passes over the training data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Weights whose absolute averaged value is below this are dropped when saving.
    pub prune: f32,
    /// Features seen fewer times than this in training are not learned.
    pub min_count: u32,
    /// Jackknife folds for the second pass (0 or 1: first pass only).
    pub folds: usize,
    /// Passes of the second (document-memory) pass when it differs from `epochs` (a refit with
    /// epoch counts fixed beforehand, see [`train_refit`]).
    pub second_epochs: Option<usize>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            seed: 1,
            prune: 0.0,
            min_count: 1,
            folds: 5,
            second_epochs: None,
        }
    }
}

/// One training or dev sentence with features already extracted.
struct Example {
    feats: Vec<Vec<u32>>,
    gold: Vec<Tag>,
    gold_iob: Vec<String>,
}

/// What training measured.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    /// Dev F1 after each epoch.
    pub dev_f1: Vec<f64>,
    /// The epoch (1-based) whose weights were kept.
    pub best_epoch: usize,
    /// The first pass's kept epoch when this report is the second pass's (0: first pass only).
    pub first_best_epoch: usize,
    /// Number of distinct features learned.
    pub n_features: usize,
}

/// Small deterministic PRNG (xorshift64*), so training does not depend on a random crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// First-pass tags: document → sentence → tags.
pub type FirstPass = Vec<Vec<Vec<Tag>>>;

/// Extracts features of every sentence; `intern` maps hashes to dense ids (`grow` adds new ones).
/// With `s1` (first-pass tags), second-pass features are added.
fn examples(
    docs: &[ConllDoc],
    ex: &Extractor,
    s1: Option<&FirstPass>,
    intern: &mut IdMap<u32>,
    counts: &mut Vec<u32>,
    grow: bool,
) -> Vec<Example> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let ctx = DocContext::new(
            d.sentences
                .iter()
                .map(|s| s.words.iter().map(|w| w.as_str())),
        );
        let words_all: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(|w| w.as_str()).collect())
            .collect();
        let mem = s1.map(|s1| {
            let pairs: Vec<(&[&str], &[Tag])> = words_all
                .iter()
                .zip(&s1[di])
                .map(|(w, t)| (w.as_slice(), t.as_slice()))
                .collect();
            DocMemory::new(&pairs, ex.caseless)
        });
        for (si, s) in d.sentences.iter().enumerate() {
            let words = &words_all[si];
            ex.sentence(words, &ctx, &mut buf);
            if let (Some(s1), Some(mem)) = (s1, &mem) {
                stage2(words, &s1[di][si], mem, &mut buf);
            }
            let feats = buf
                .iter()
                .map(|fs| {
                    fs.iter()
                        .filter_map(|k| {
                            if grow {
                                let next = intern.len() as u32;
                                let id = *intern.entry(*k).or_insert(next);
                                if id as usize == counts.len() {
                                    counts.push(0);
                                }
                                counts[id as usize] += 1;
                                Some(id)
                            } else {
                                intern.get(k).copied()
                            }
                        })
                        .collect()
                })
                .collect();
            let gold_str: Vec<&str> = s.gold.iter().map(|g| g.as_str()).collect();
            out.push(Example {
                feats,
                gold: iob_to_bilou(&gold_str),
                gold_iob: iob1_to_iob2(&gold_str),
            });
        }
    }
    out
}

/// Averaged weights: features, start, end, transitions.
type Averaged = (Vec<f32>, Row, Row, [Row; N_TAGS]);

/// Weights during training: current values and the running sums for averaging.
struct Weights {
    w: Vec<f32>,
    u: Vec<f64>,
    start: Row,
    end: Row,
    trans: [Row; N_TAGS],
    us: [f64; N_TAGS],
    ue: [f64; N_TAGS],
    ut: [[f64; N_TAGS]; N_TAGS],
}

impl Weights {
    fn emissions(&self, feats: &[Vec<u32>], w: &[f32]) -> Vec<Row> {
        feats
            .iter()
            .map(|fs| {
                let mut s = [0f32; N_TAGS];
                for &f in fs {
                    let row = &w[f as usize * N_TAGS..(f as usize + 1) * N_TAGS];
                    for t in 0..N_TAGS {
                        s[t] += row[t];
                    }
                }
                s
            })
            .collect()
    }

    fn update(&mut self, ex: &Example, pred: &[Tag], c: f64, allowed: &[bool]) {
        for (i, (&g, &p)) in ex.gold.iter().zip(pred).enumerate() {
            if g != p {
                for &f in &ex.feats[i] {
                    if !allowed[f as usize] {
                        continue;
                    }
                    let base = f as usize * N_TAGS;
                    self.w[base + g as usize] += 1.0;
                    self.u[base + g as usize] += c;
                    self.w[base + p as usize] -= 1.0;
                    self.u[base + p as usize] -= c;
                }
            }
            let gp = if i == 0 { None } else { Some(ex.gold[i - 1]) };
            let pp = if i == 0 { None } else { Some(pred[i - 1]) };
            if (gp, g) != (pp, p) {
                match gp {
                    None => {
                        self.start[g as usize] += 1.0;
                        self.us[g as usize] += c;
                    }
                    Some(q) => {
                        self.trans[q as usize][g as usize] += 1.0;
                        self.ut[q as usize][g as usize] += c;
                    }
                }
                match pp {
                    None => {
                        self.start[p as usize] -= 1.0;
                        self.us[p as usize] -= c;
                    }
                    Some(q) => {
                        self.trans[q as usize][p as usize] -= 1.0;
                        self.ut[q as usize][p as usize] -= c;
                    }
                }
            }
        }
        if let (Some(&g), Some(&p)) = (ex.gold.last(), pred.last()) {
            if g != p {
                self.end[g as usize] += 1.0;
                self.ue[g as usize] += c;
                self.end[p as usize] -= 1.0;
                self.ue[p as usize] -= c;
            }
        }
    }

    /// Averaged weights: w − u / c.
    fn averaged(&self, c: f64) -> Averaged {
        let w = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / c) as f32)
            .collect();
        let mut s = [0f32; N_TAGS];
        let mut e = [0f32; N_TAGS];
        let mut t = [[0f32; N_TAGS]; N_TAGS];
        for i in 0..N_TAGS {
            s[i] = (self.start[i] as f64 - self.us[i] / c) as f32;
            e[i] = (self.end[i] as f64 - self.ue[i] / c) as f32;
            for (j, x) in t[i].iter_mut().enumerate() {
                *x = (self.trans[i][j] as f64 - self.ut[i][j] / c) as f32;
            }
        }
        (w, s, e, t)
    }
}

fn dev_f1(dev: &[Example], weights: &Weights, avg: &Averaged) -> f64 {
    let mut sc = Scorer::default();
    for ex in dev {
        let em = weights.emissions(&ex.feats, &avg.0);
        let pred = bilou_to_iob2(&viterbi(&em, &avg.1, &avg.2, &avg.3));
        let g: Vec<&str> = ex.gold_iob.iter().map(|s| s.as_str()).collect();
        let p: Vec<&str> = pred.iter().map(|s| s.as_str()).collect();
        sc.add(&g, &p);
    }
    sc.total.f1()
}

/// Trains a tagger on `train`, choosing epochs by F1 on `dev`; `base` supplies the gazetteer and
/// cluster table (its models are not used). With `opts.folds > 1` a second pass is trained on
/// first-pass tags obtained by jackknifing (each fold tagged by a model trained on the others).
/// `log` receives progress lines.
pub fn train(
    base: &Ner,
    train: &[ConllDoc],
    dev: &[ConllDoc],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> (Ner, TrainReport) {
    log("first pass");
    let (m1, r1) = train_pass(base, train, dev, None, None, opts, log);
    let mut ner = base.clone();
    ner.set_model(m1);
    ner.set_second(None);
    if opts.folds < 2 {
        return (ner, r1);
    }
    let k = opts.folds;
    let mut s1_train: FirstPass = vec![Vec::new(); train.len()];
    let fold_opts = TrainOptions {
        epochs: r1.best_epoch.max(1),
        ..opts.clone()
    };
    for fold in 0..k {
        let rest: Vec<ConllDoc> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, d)| d.clone())
            .collect();
        let (m, _) = train_pass(base, &rest, &[], None, None, &fold_opts, &mut |_| {});
        let mut tagger = base.clone();
        tagger.set_model(m);
        tagger.set_second(None);
        for (i, d) in train.iter().enumerate().filter(|(i, _)| i % k == fold) {
            s1_train[i] = tagger.tag_document(&doc_words(d));
        }
        log(&format!("jackknife fold {}/{k} tagged", fold + 1));
    }
    let s1_dev: FirstPass = dev
        .iter()
        .map(|d| ner.tag_document(&doc_words(d)))
        .collect();
    log("second pass");
    let second_opts = TrainOptions {
        epochs: opts.second_epochs.unwrap_or(opts.epochs),
        ..opts.clone()
    };
    let (m2, mut r2) = train_pass(
        base,
        train,
        dev,
        Some(&s1_train),
        Some(&s1_dev),
        &second_opts,
        log,
    );
    r2.first_best_epoch = r1.best_epoch;
    let better = r2.dev_f1.iter().cloned().fold(0.0, f64::max)
        > r1.dev_f1.iter().cloned().fold(0.0, f64::max);
    if better || dev.is_empty() {
        ner.set_second(Some(m2));
        (ner, r2)
    } else {
        log("second pass did not beat the first on dev; keeping the first pass only");
        (ner, r1)
    }
}

/// What [`train_refit`] measured: the selection run on train (epochs chosen on dev) and the
/// final run on train + dev with those epoch counts.
#[derive(Debug, Clone, Default)]
pub struct RefitReport {
    /// The train-only run that chose the epochs (its dev F1 is the honest dev figure).
    pub selection: TrainReport,
    /// The final run (no dev to score: its `dev_f1` entries are 0).
    pub last: TrainReport,
}

/// Trains on `train_docs` choosing each pass's epoch count on `dev_docs` ([`train`]), then trains
/// again from scratch on `train_docs` followed by `dev_docs` with those counts fixed (the common CoNLL practice
/// of using the development data once its job of choosing settings is done). Returns the
/// selection run's tagger (for reporting dev scores), the final tagger and both reports.
pub fn train_refit(
    base: &Ner,
    train_docs: &[ConllDoc],
    dev_docs: &[ConllDoc],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> (Ner, Ner, RefitReport) {
    let (chosen, selection) = train(base, train_docs, dev_docs, opts, log);
    let has_second = chosen.second().is_some();
    let fixed = if has_second {
        TrainOptions {
            epochs: selection.first_best_epoch.max(1),
            second_epochs: Some(selection.best_epoch.max(1)),
            ..opts.clone()
        }
    } else {
        TrainOptions {
            epochs: selection.best_epoch.max(1),
            folds: 0,
            second_epochs: None,
            ..opts.clone()
        }
    };
    log(&format!(
        "refit on train + dev: {} first-pass epochs{}",
        fixed.epochs,
        fixed
            .second_epochs
            .map(|e| format!(", {e} second-pass epochs"))
            .unwrap_or_default()
    ));
    let all: Vec<ConllDoc> = train_docs.iter().chain(dev_docs).cloned().collect();
    let (last_ner, last) = train(base, &all, &[], &fixed, log);
    (chosen, last_ner, RefitReport { selection, last })
}

fn doc_words(d: &ConllDoc) -> Vec<Vec<&str>> {
    d.sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.as_str()).collect())
        .collect()
}

/// One pass of training (first pass when `s1_*` are `None`).
fn train_pass(
    ner: &Ner,
    train: &[ConllDoc],
    dev: &[ConllDoc],
    s1_train: Option<&FirstPass>,
    s1_dev: Option<&FirstPass>,
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> (Model, TrainReport) {
    let ex = ner.extractor();
    let mut intern = IdMap::default();
    let mut counts = Vec::new();
    let mut train_ex = examples(train, &ex, s1_train, &mut intern, &mut counts, true);
    let dev_ex = examples(dev, &ex, s1_dev, &mut intern, &mut counts, false);
    let nf = intern.len();
    let allowed: Vec<bool> = counts.iter().map(|&c| c >= opts.min_count).collect();
    log(&format!(
        "{} training sentences, {} dev sentences, {} features ({} kept by min-count {})",
        train_ex.len(),
        dev_ex.len(),
        nf,
        allowed.iter().filter(|a| **a).count(),
        opts.min_count
    ));
    let mut wts = Weights {
        w: vec![0.0; nf * N_TAGS],
        u: vec![0.0; nf * N_TAGS],
        start: [0.0; N_TAGS],
        end: [0.0; N_TAGS],
        trans: [[0.0; N_TAGS]; N_TAGS],
        us: [0.0; N_TAGS],
        ue: [0.0; N_TAGS],
        ut: [[0.0; N_TAGS]; N_TAGS],
    };
    let mut rng = Rng(opts.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut order: Vec<usize> = (0..train_ex.len()).collect();
    let mut c = 1.0f64;
    let mut report = TrainReport::default();
    let mut best: Option<(f64, Averaged)> = None;
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        for &k in &order {
            let e = &train_ex[k];
            let em = wts.emissions(&e.feats, &wts.w);
            let pred = viterbi(&em, &wts.start, &wts.end, &wts.trans);
            if pred != e.gold {
                errors += 1;
                wts.update(e, &pred, c, &allowed);
            }
            c += 1.0;
        }
        let avg = wts.averaged(c);
        let f1 = if dev_ex.is_empty() {
            0.0
        } else {
            dev_f1(&dev_ex, &wts, &avg)
        };
        report.dev_f1.push(f1);
        log(&format!(
            "epoch {epoch}: {errors} sentences wrong, dev F1 {:.4}",
            f1
        ));
        if dev_ex.is_empty() || best.as_ref().map(|(b, _)| f1 > *b).unwrap_or(true) {
            best = Some((f1, avg));
            report.best_epoch = epoch;
        }
    }
    train_ex.clear();
    let (_, (w, s, e, t)) = best.unwrap_or_else(|| (0.0, wts.averaged(c)));
    let mut keys: Vec<(u64, u32)> = intern.into_iter().collect();
    keys.sort_unstable();
    let mut feats = Vec::new();
    for (k, id) in keys {
        let mut row = [0f32; N_TAGS];
        row.copy_from_slice(&w[id as usize * N_TAGS..(id as usize + 1) * N_TAGS]);
        for x in row.iter_mut() {
            if x.abs() < opts.prune {
                *x = 0.0;
            }
        }
        if row.iter().any(|x| *x != 0.0) {
            feats.push((k, row));
        }
    }
    report.n_features = feats.len();
    (Model::new(feats, s, e, t), report)
}
