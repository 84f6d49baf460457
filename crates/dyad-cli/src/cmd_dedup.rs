//! `dyad dedup`: group event mentions into canonical events and link republished copies in a
//! corpus database (what `dyad ingest` does with each batch unless `--no-dedup`).
//!
//! Incremental: only documents without a signature and mentions not yet grouped (or next to a
//! replaced document's events) are looked at; `--rebuild` starts over.

use anyhow::{Context, Result};
use clap::Args;
use dyad_store::Store;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad dedup`.
#[derive(Args)]
pub struct DedupArgs {
    /// The corpus database.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Forget every grouping and copy link and compute them again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Group with the pair model of this file (the format of `data/dedup/link.tsv`) instead of
    /// the embedded one; an empty file groups by the rules alone (cross-validation).
    #[arg(long, value_name = "FILE")]
    pub link_model: Option<PathBuf>,
    /// Do not group: for each line `DOC_ID<TAB>IDX<TAB>DOC_ID<TAB>IDX` of this file, print
    /// what the grouping sees of the two mentions as one JSON line (block, rule verdicts, the
    /// pair model's features), or `null` when either is not stored.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["rebuild", "link_model"])]
    pub pair_features: Option<PathBuf>,
}

pub fn run(args: DedupArgs) -> Result<ExitCode> {
    if !args.db.exists() {
        anyhow::bail!("{}: no such database", args.db.display());
    }
    let start = std::time::Instant::now();
    let mut store =
        Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    if let Some(path) = &args.pair_features {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let mut out = std::io::stdout().lock();
        for (i, line) in text.lines().enumerate() {
            let f: Vec<&str> = line.split('\t').collect();
            let idx = |s: &str| s.trim().parse::<i64>().ok();
            let (Some(a), Some(b)) = (f.get(1).and_then(|s| idx(s)), f.get(3).and_then(|s| idx(s)))
            else {
                anyhow::bail!(
                    "{}:{}: expected DOC_ID, IDX, DOC_ID, IDX (tab separated)",
                    path.display(),
                    i + 1
                );
            };
            let view = store.pair_view((f[0], a), (f[2], b))?;
            writeln!(out, "{}", serde_json::to_string(&view)?)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let s = match &args.link_model {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let model =
                dyad_store::dedup::lexicon::LinkModel::parse(&path.display().to_string(), &text)?;
            store.dedup_with_model(args.rebuild, model)?
        }
        None => store.dedup(args.rebuild)?,
    };
    let total = store.stats()?;
    eprintln!(
        "dyad: {} documents signed ({} copies), {} mentions regrouped into {} canonical events; \
         corpus: {} mentions in {} canonical events; {:.1}s",
        s.documents,
        s.copies,
        s.mentions,
        s.canonical,
        total.events,
        total.canonical_events,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
