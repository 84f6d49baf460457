//! Training drivers behind `dyad train tagger|parser`: read CoNLL-U, train with a fixed seed,
//! report per-epoch dev scores, write the model files.
//!
//! The parser is trained on *jackknifed* tags by default (each fold of the training data is
//! tagged by a tagger trained on the other folds), so it learns to cope with the tagging errors
//! it will meet at run time.

use crate::clusters::Clusters;
use crate::conllu::{self, Sentence};
use crate::lemma::Lemmatizer;
use crate::parser::{self, Example};
use crate::tagger::{self, Tagger};
use crate::ModelError;
use std::path::{Path, PathBuf};

/// Options shared by both training commands.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Training CoNLL-U file.
    pub train: PathBuf,
    /// Development CoNLL-U file (per-epoch scores, best-epoch selection).
    pub dev: Option<PathBuf>,
    /// Output directory.
    pub out: PathBuf,
    /// Epochs (tagger or parser).
    pub epochs: usize,
    /// Seed for shuffling and exploration.
    pub seed: u64,
    /// Parser only: jackknife folds for training tags (0 or 1 = gold tags).
    pub jackknife: usize,
    /// Parser only: epochs of each jackknife tagger.
    pub tagger_epochs: usize,
    /// Parser only: directory with the tagger/lemmatizer used to tag dev (default: `out`, else embedded).
    pub tagger_dir: Option<PathBuf>,
    /// Prune weights smaller than this many quantisation steps.
    pub min_q: i16,
    /// Cluster table to train with (default: `out/clusters.bin` if present, else the embedded one).
    pub clusters: Option<PathBuf>,
    /// Clusters only: raw-text files.
    pub raw: Vec<PathBuf>,
}

impl TrainConfig {
    /// A configuration with the defaults of `dyad train`.
    pub fn new(train: PathBuf, dev: Option<PathBuf>, out: PathBuf) -> TrainConfig {
        TrainConfig {
            train,
            dev,
            out,
            epochs: 10,
            seed: 1,
            jackknife: 5,
            tagger_epochs: 8,
            tagger_dir: None,
            min_q: 400,
            clusters: None,
            raw: Vec::new(),
        }
    }
}

/// Load the cluster table for training and copy it into the output directory, so the directory
/// is a complete model set.
fn training_clusters(cfg: &TrainConfig, log: &mut dyn FnMut(&str)) -> Result<Clusters, ModelError> {
    let out_file = cfg.out.join("clusters.bin");
    let (bytes, name) = match &cfg.clusters {
        Some(p) => (
            std::fs::read(p).map_err(|e| ModelError::new(format!("{}: {e}", p.display())))?,
            p.display().to_string(),
        ),
        None if out_file.exists() => (
            std::fs::read(&out_file)
                .map_err(|e| ModelError::new(format!("{}: {e}", out_file.display())))?,
            out_file.display().to_string(),
        ),
        None => (
            crate::model::embedded_clusters().to_vec(),
            "embedded clusters.bin".to_string(),
        ),
    };
    let c = Clusters::from_bytes(&bytes).map_err(|e| ModelError::new(format!("{name}: {e}")))?;
    log(&format!("clusters: {} words from {name}", c.len()));
    mkdir(&cfg.out)?;
    if !out_file.exists() || cfg.clusters.is_some() {
        write(&out_file, &bytes)?;
    }
    Ok(c)
}

/// `dyad train clusters`: word clusters from raw text files plus the training treebank's words;
/// writes `clusters.bin` into `cfg.out`.
pub fn train_clusters(cfg: &TrainConfig, log: &mut dyn FnMut(&str)) -> Result<(), ModelError> {
    let mut docs: Vec<Vec<String>> = Vec::new();
    for p in &cfg.raw {
        let text = crate::clusters::read_raw(p)?;
        let mut n = 0;
        for line in text.lines() {
            let mut toks = Vec::new();
            crate::clusters::raw_tokens(line, &mut toks);
            n += toks.len();
            if !toks.is_empty() {
                docs.push(toks);
            }
        }
        log(&format!("{}: {n} tokens", p.display()));
    }
    if cfg.train.as_os_str() != "" {
        for s in read_conllu(&cfg.train)? {
            docs.push(
                s.words
                    .iter()
                    .map(|w| crate::tagger::norm(&w.form))
                    .collect(),
            );
        }
    }
    let opts = crate::clusters::ClusterOptions {
        seed: cfg.seed,
        ..Default::default()
    };
    let c = crate::clusters::train(&docs, &opts, log);
    mkdir(&cfg.out)?;
    let b = c.to_bytes();
    write(&cfg.out.join("clusters.bin"), &b)?;
    log(&format!(
        "wrote {} ({} words, {} bytes)",
        cfg.out.join("clusters.bin").display(),
        c.len(),
        b.len()
    ));
    Ok(())
}

/// Read and parse a CoNLL-U file, naming the file in errors.
pub fn read_conllu(path: &Path) -> Result<Vec<Sentence>, ModelError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ModelError::new(format!("{}: {e}", path.display())))?;
    conllu::parse(&text)
        .map_err(|e| ModelError::new(format!("{}:{}: {}", path.display(), e.line, e.message)))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ModelError> {
    std::fs::write(path, bytes).map_err(|e| ModelError::new(format!("{}: {e}", path.display())))
}

fn mkdir(p: &Path) -> Result<(), ModelError> {
    std::fs::create_dir_all(p).map_err(|e| ModelError::new(format!("{}: {e}", p.display())))
}

/// Lemma accuracy of `lem` on gold sentences, with tags from `tagger` (or gold tags when `None`).
pub fn lemma_accuracy(
    lem: &Lemmatizer,
    tagger: Option<&Tagger>,
    clusters: Option<&Clusters>,
    sents: &[Sentence],
) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let tags: Vec<String> = match tagger {
            Some(t) => t
                .tag(&words, clusters.unwrap_or(&Clusters::default()))
                .iter()
                .map(|&c| t.classes[c as usize].1.to_string())
                .collect(),
            None => s.words.iter().map(|w| w.xpos.clone()).collect(),
        };
        for (w, x) in s.words.iter().zip(&tags) {
            ok += (lem.lemma_with(&w.form, x, clusters) == w.lemma || w.lemma == "_") as usize;
            n += 1;
        }
    }
    ok as f64 / n.max(1) as f64
}

/// `dyad train tagger`: writes `tagger.bin` and `lemmatizer.bin` into `cfg.out`.
pub fn train_tagger(cfg: &TrainConfig, log: &mut dyn FnMut(&str)) -> Result<(), ModelError> {
    let train = read_conllu(&cfg.train)?;
    let dev = match &cfg.dev {
        Some(p) => read_conllu(p)?,
        None => Vec::new(),
    };
    log(&format!(
        "tagger: {} train sentences, {} dev sentences",
        train.len(),
        dev.len()
    ));
    let clusters = training_clusters(cfg, log)?;
    let opts = tagger::TrainOptions {
        epochs: cfg.epochs,
        seed: cfg.seed,
        min_q: cfg.min_q,
    };
    let tagger = tagger::train(&train, &dev, &opts, &clusters, log);
    let lem = Lemmatizer::train(&train);
    let (sc, ru, ex) = lem.sizes();
    if !dev.is_empty() {
        log(&format!(
            "lemmatizer: {sc} scripts, {ru} rules, {ex} exceptions; dev lemma acc {:.4} (predicted tags), {:.4} (gold tags)",
            lemma_accuracy(&lem, Some(&tagger), Some(&clusters), &dev),
            lemma_accuracy(&lem, None, Some(&clusters), &dev)
        ));
    }
    mkdir(&cfg.out)?;
    let tb = tagger.to_bytes();
    let lb = lem.to_bytes();
    write(&cfg.out.join("tagger.bin"), &tb)?;
    write(&cfg.out.join("lemmatizer.bin"), &lb)?;
    log(&format!(
        "wrote {} (tagger.bin {} bytes, lemmatizer.bin {} bytes)",
        cfg.out.display(),
        tb.len(),
        lb.len()
    ));
    Ok(())
}

/// `dyad train lemmatizer`: (re)trains only `lemmatizer.bin` (the tagger command also writes it);
/// dev accuracy uses the tagger in `cfg.out` (else the embedded one).
pub fn train_lemmatizer(cfg: &TrainConfig, log: &mut dyn FnMut(&str)) -> Result<(), ModelError> {
    let train = read_conllu(&cfg.train)?;
    let clusters = training_clusters(cfg, log)?;
    let lem = Lemmatizer::train(&train);
    if let Some(dev) = &cfg.dev {
        let dev = read_conllu(dev)?;
        let tagger = tagger_only(&cfg.out).ok();
        log(&format!(
            "lemmatizer: dev lemma acc {:.4} (predicted tags), {:.4} (gold tags)",
            lemma_accuracy(&lem, tagger.as_ref(), Some(&clusters), &dev),
            lemma_accuracy(&lem, None, Some(&clusters), &dev)
        ));
    }
    let lb = lem.to_bytes();
    write(&cfg.out.join("lemmatizer.bin"), &lb)?;
    log(&format!(
        "wrote {} ({} bytes)",
        cfg.out.join("lemmatizer.bin").display(),
        lb.len()
    ));
    Ok(())
}

fn predicted_tags(t: &Tagger, c: &Clusters, s: &Sentence) -> Vec<(String, String)> {
    let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
    t.tag(&words, c)
        .iter()
        .map(|&c| {
            let (u, x) = t.classes[c as usize];
            (u.to_string(), x.to_string())
        })
        .collect()
}

/// `dyad train parser`: writes `parser.bin` into `cfg.out`.
pub fn train_parser(cfg: &TrainConfig, log: &mut dyn FnMut(&str)) -> Result<(), ModelError> {
    let train = read_conllu(&cfg.train)?;
    let dev = match &cfg.dev {
        Some(p) => read_conllu(p)?,
        None => Vec::new(),
    };
    log(&format!(
        "parser: {} train sentences, {} dev sentences",
        train.len(),
        dev.len()
    ));
    let clusters = training_clusters(cfg, log)?;
    let k = cfg.jackknife;
    let mut train_tags: Vec<Vec<(String, String)>> = train
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| (w.upos.clone(), w.xpos.clone()))
                .collect()
        })
        .collect();
    if k >= 2 {
        for fold in 0..k {
            let rest: Vec<Sentence> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let opts = tagger::TrainOptions {
                epochs: cfg.tagger_epochs,
                seed: cfg.seed.wrapping_add(fold as u64 + 1),
                min_q: cfg.min_q,
            };
            let t = tagger::train(&rest, &[], &opts, &clusters, &mut |_| {});
            let (mut ok, mut n) = (0usize, 0usize);
            for (i, s) in train.iter().enumerate().filter(|(i, _)| i % k == fold) {
                train_tags[i] = predicted_tags(&t, &clusters, s);
                for (w, (u, _)) in s.words.iter().zip(&train_tags[i]) {
                    ok += (*u == w.upos) as usize;
                    n += 1;
                }
            }
            log(&format!(
                "jackknife fold {}/{k}: upos acc on held-out fold {:.4}",
                fold + 1,
                ok as f64 / n.max(1) as f64
            ));
        }
    }
    let dev_tagger = match &cfg.tagger_dir {
        Some(d) => tagger_only(&crate::model_subdir(d)),
        None => tagger_only(&cfg.out),
    }
    .and_then(|t| {
        if t.clusters_fp == clusters.fingerprint() {
            Ok(t)
        } else {
            Err(ModelError::new(
                "the dev tagger was trained with other clusters",
            ))
        }
    });
    let dev_ex: Vec<Example> = match &dev_tagger {
        Ok(t) => dev
            .iter()
            .map(|s| Example::new(s, &predicted_tags(t, &clusters, s), &clusters))
            .collect(),
        Err(e) => {
            log(&format!(
                "no tagger for dev ({e}); dev scores use gold tags"
            ));
            dev.iter()
                .map(|s| {
                    let tags: Vec<(String, String)> = s
                        .words
                        .iter()
                        .map(|w| (w.upos.clone(), w.xpos.clone()))
                        .collect();
                    Example::new(s, &tags, &clusters)
                })
                .collect()
        }
    };
    let train_ex: Vec<Example> = train
        .iter()
        .zip(&train_tags)
        .map(|(s, t)| Example::new(s, t, &clusters))
        .collect();
    let opts = parser::TrainOptions {
        epochs: cfg.epochs,
        seed: cfg.seed,
        explore: 0.9,
        min_q: cfg.min_q,
    };
    mkdir(&cfg.out)?;
    let ckpt = cfg.out.join("parser.bin");
    let mut save = |p: &parser::Parser| {
        let _ = std::fs::write(&ckpt, p.to_bytes());
    };
    let p = parser::train(
        &train_ex,
        &dev_ex,
        &opts,
        clusters.fingerprint(),
        log,
        &mut save,
    );
    let b = p.to_bytes();
    write(&cfg.out.join("parser.bin"), &b)?;
    log(&format!(
        "wrote {} (parser.bin {} bytes)",
        cfg.out.join("parser.bin").display(),
        b.len()
    ));
    Ok(())
}

fn tagger_only(dir: &Path) -> Result<Tagger, ModelError> {
    let p = dir.join("tagger.bin");
    if p.exists() {
        let b = std::fs::read(&p).map_err(|e| ModelError::new(format!("{}: {e}", p.display())))?;
        return Tagger::from_bytes(&b);
    }
    Tagger::from_bytes(crate::model::embedded_tagger())
}
