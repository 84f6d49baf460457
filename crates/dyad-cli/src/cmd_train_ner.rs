//! The NER targets of `dyad train`:
//! - `dyad train ner --train FILE --dev FILE -o DIR [--clusters FILE] [--epochs N] [--seed S]`
//!   trains the named-entity recognizer on CoNLL-2003 files (IOB1 or IOB2 in the last column):
//!   a first pass, then a second (document-memory) pass on 5-fold jackknifed first-pass tags,
//!   each keeping the epoch with the best dev F1; it writes `DIR/model.bin` (pruned, quantised weights)
//!   and `DIR/clusters.txt` (the cluster table it was trained with); then the same again on
//!   lower-cased copies of the train and dev files, written to `DIR/caseless.bin` (the model for
//!   documents without a case signal, which shares the cluster table);
//! - `dyad train ner-clusters --raw FILE... -o DIR [--seed S]` computes that word-cluster table
//!   from raw news text (`*.csv` with a `text` column, Reuters `*.sgm`, CoNLL files) into
//!   `DIR/clusters.txt`.
//!
//! Both are deterministic for a given seed. The work is done in `dyad_ner::train` and
//! `dyad_ner::cluster_train`.

use crate::cmd_train::TrainArgs;
use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;

/// Weights below this (absolute, averaged) are not saved; chosen on dev (no loss at this level).
const PRUNE: f32 = 0.0;

/// The same for the caseless model: 1.0 halves its file (4.1 → 1.8 MB) for −0.3 dev F1
/// (docs/models.md).
const CASELESS_PRUNE: f32 = 1.0;

pub fn run(args: &TrainArgs) -> Result<ExitCode> {
    let out = &args.output;
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut log = |m: &str| eprintln!("{m}");
    if args.what == "ner-clusters" {
        if args.raw.is_empty() {
            bail!("`dyad train ner-clusters` needs at least one --raw FILE");
        }
        let opts = dyad_ner::cluster_train::ClusterOptions {
            seed: args.seed,
            ..Default::default()
        };
        let table = dyad_ner::cluster_train::compute_from_files(&args.raw, &opts, &mut log)
            .map_err(anyhow::Error::msg)?;
        let p = out.join("clusters.txt");
        std::fs::write(&p, table).with_context(|| format!("writing {}", p.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(train), Some(dev)) = (&args.train, &args.dev) else {
        bail!("`dyad train ner` needs --train FILE --dev FILE -o DIR");
    };
    let read = |p: &PathBuf| -> Result<Vec<dyad_ner::conll::ConllDoc>> {
        let t = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        Ok(dyad_ner::conll::parse(&t))
    };
    let clusters_text = match &args.clusters {
        Some(p) => {
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?
        }
        None => dyad_ner::EMBEDDED_CLUSTERS.to_string(),
    };
    let clusters =
        dyad_ner::clusters::Clusters::parse(&clusters_text).map_err(anyhow::Error::msg)?;
    let base = dyad_ner::Ner::untrained(clusters);
    let mut opts = dyad_ner::train::TrainOptions {
        seed: args.seed,
        prune: PRUNE,
        ..Default::default()
    };
    if let Some(e) = args.epochs {
        opts.epochs = e;
    }
    let (mut train_docs, mut dev_docs) = (read(train)?, read(dev)?);
    let (ner, report) = dyad_ner::train::train(&base, &train_docs, &dev_docs, &opts, &mut log);
    let bytes = dyad_ner::models_to_bytes(ner.model(), ner.second(), PRUNE);
    std::fs::write(out.join("model.bin"), &bytes)?;
    std::fs::write(out.join("clusters.txt"), &clusters_text)?;
    summary(&report, &out.join("model.bin"), bytes.len());
    // The caseless model: the same training on lower-cased copies (all-caps input is lower-cased
    // before tagging, so one folded model serves both).
    log("caseless model (lower-cased train and dev)");
    dyad_ner::eval::Recase::Lower.apply(&mut train_docs);
    dyad_ner::eval::Recase::Lower.apply(&mut dev_docs);
    let base = base.caseless();
    let opts = dyad_ner::train::TrainOptions {
        prune: CASELESS_PRUNE,
        ..opts
    };
    let (folded, report) = dyad_ner::train::train(&base, &train_docs, &dev_docs, &opts, &mut log);
    let bytes = dyad_ner::models_to_bytes(folded.model(), folded.second(), CASELESS_PRUNE);
    std::fs::write(out.join("caseless.bin"), &bytes)?;
    summary(&report, &out.join("caseless.bin"), bytes.len());
    Ok(ExitCode::SUCCESS)
}

fn summary(report: &dyad_ner::train::TrainReport, path: &std::path::Path, size: usize) {
    eprintln!(
        "best epoch {} (dev F1 {:.4}); {} features; {} {} bytes",
        report.best_epoch,
        report
            .dev_f1
            .get(report.best_epoch.saturating_sub(1))
            .copied()
            .unwrap_or(0.0),
        report.n_features,
        path.display(),
        size
    );
}
