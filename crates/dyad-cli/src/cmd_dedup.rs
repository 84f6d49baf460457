//! `dyad dedup`: group event mentions into canonical events and link republished copies in a
//! corpus database (what `dyad ingest` does with each batch unless `--no-dedup`).
//!
//! Incremental: only documents without a signature and mentions not yet grouped (or next to a
//! replaced document's events) are looked at; `--rebuild` starts over.

use anyhow::{Context, Result};
use clap::Args;
use dyad_store::Store;
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
}

pub fn run(args: DedupArgs) -> Result<ExitCode> {
    if !args.db.exists() {
        anyhow::bail!("{}: no such database", args.db.display());
    }
    let start = std::time::Instant::now();
    let mut store =
        Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    let s = store.dedup(args.rebuild)?;
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
