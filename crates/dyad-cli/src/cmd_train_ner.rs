//! The NER targets of `dyad train`:
//! - `dyad train ner --train FILE --dev FILE -o DIR [--clusters FILE] [--epochs N] [--seed S]
//!   [--refit]`
//!   trains the named-entity recognizer on CoNLL-2003 files (IOB1 or IOB2 in the last column):
//!   a first pass, then a second (document-memory) pass on 5-fold jackknifed first-pass tags,
//!   each keeping the epoch with the best dev F1; it writes `DIR/model.bin` (pruned, quantised weights)
//!   and `DIR/clusters.txt` (the cluster table it was trained with); then the same again on
//!   lower-cased copies of the train and dev files, written to `DIR/caseless.bin` (the model for
//!   documents without a case signal, which shares the cluster table); with `--refit`, each
//!   model is trained again on train + dev with the epoch counts dev chose (`dyad_ner::train::
//!   train_refit`), and the train-only models that chose them go to `DIR/selection/`;
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
    let sel = out.join("selection");
    if args.refit {
        std::fs::create_dir_all(&sel).with_context(|| format!("creating {}", sel.display()))?;
        std::fs::write(sel.join("clusters.txt"), &clusters_text)?;
    }
    std::fs::write(out.join("clusters.txt"), &clusters_text)?;
    let train_one = |base: &dyad_ner::Ner,
                     tr: &[dyad_ner::conll::ConllDoc],
                     dv: &[dyad_ner::conll::ConllDoc],
                     opts: &dyad_ner::train::TrainOptions,
                     prune: f32,
                     file: &str|
     -> Result<()> {
        let mut log = |m: &str| eprintln!("{m}");
        let bytes = |n: &dyad_ner::Ner| dyad_ner::models_to_bytes(n.model(), n.second(), prune);
        let (last, report) = if args.refit {
            let (chosen, last, rep) = dyad_ner::train::train_refit(base, tr, dv, opts, &mut log);
            let b = bytes(&chosen);
            std::fs::write(sel.join(file), &b)
                .with_context(|| format!("writing {}", sel.join(file).display()))?;
            summary(&rep.selection, &sel.join(file), b.len());
            (last, rep.last)
        } else {
            dyad_ner::train::train(base, tr, dv, opts, &mut log)
        };
        let b = bytes(&last);
        std::fs::write(out.join(file), &b)
            .with_context(|| format!("writing {}", out.join(file).display()))?;
        summary(&report, &out.join(file), b.len());
        Ok(())
    };
    train_one(&base, &train_docs, &dev_docs, &opts, PRUNE, "model.bin")?;
    // The caseless model: the same training on lower-cased copies (all-caps input is lower-cased
    // before tagging, so one folded model serves both).
    log("caseless model (lower-cased train and dev)");
    dyad_ner::eval::Recase::Lower.apply(&mut train_docs);
    dyad_ner::eval::Recase::Lower.apply(&mut dev_docs);
    let opts = dyad_ner::train::TrainOptions {
        prune: CASELESS_PRUNE,
        ..opts
    };
    let base = base.caseless();
    train_one(
        &base,
        &train_docs,
        &dev_docs,
        &opts,
        CASELESS_PRUNE,
        "caseless.bin",
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the kept epochs (the first pass's too when there is a second), the dev F1 (0 for a
/// refit, which has no dev left), the feature count and the file written.
fn summary(report: &dyad_ner::train::TrainReport, path: &std::path::Path, size: usize) {
    let first = match report.first_best_epoch {
        0 => String::new(),
        e => format!("first pass {e}, "),
    };
    eprintln!(
        "best epoch {first}{} (dev F1 {:.4}); {} features; {} {} bytes",
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
