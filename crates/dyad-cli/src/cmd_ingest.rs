//! `dyad ingest`: read → full pipeline → corpus database (`dyad-store`).
//!
//! Shares `dyad code`'s reading and parallel processing (input flags from `common`, batches of
//! documents coded in parallel with rayon, results taken in input order) and writes each batch in
//! one SQLite transaction, so an interrupted run keeps every committed batch and `--resume` picks
//! up after it. `--from-jsonl` stores documents already coded by `dyad code` (schema-1 JSON Lines)
//! without running the pipeline.

use crate::cmd_code::process_doc;
use crate::common::{DictArgs, InputArgs, Progress};
use anyhow::{bail, Context, Result};
use clap::Args;
use dyad::{Pipeline, PipelineOptions};
use dyad_output::{to_document, ConvertOptions, Document};
use dyad_store::{BatchWriter, Store};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad ingest`.
#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// The corpus database (created if missing).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Skip documents whose id is already stored (continue an interrupted ingest).
    #[arg(long)]
    pub resume: bool,
    /// Inputs are schema-1 JSON Lines written by `dyad code`: store them without re-coding.
    #[arg(long)]
    pub from_jsonl: bool,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Worker threads for the pipeline (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Stop at the first rejected document with exit code 1.
    #[arg(long)]
    pub strict: bool,
    /// Override embedded models with the files in this directory.
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// Never show a progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Counts for the summary line.
#[derive(Default)]
struct Counts {
    read: usize,
    skipped: usize,
    rejected: usize,
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let start = std::time::Instant::now();
    let mut store =
        Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    let stored: BTreeSet<String> = if args.resume {
        store.ids()?
    } else {
        BTreeSet::new()
    };
    let progress = Progress::new(args.quiet, "docs");
    let mut counts = Counts::default();
    let mut writer = BatchWriter::new(&mut store, args.batch);
    let stopped = if args.from_jsonl {
        ingest_jsonl(&args, &stored, &mut writer, &mut counts, &progress)?
    } else {
        ingest_pipeline(&args, &stored, &mut writer, &mut counts, &progress)?
    };
    let stats = writer.finish()?;
    progress.finish();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "dyad: {} documents read, {} stored ({} replaced), {} skipped (already stored), {} rejected; {} events; {:.1}s, {:.1} docs/s{}",
        counts.read,
        stats.documents,
        stats.replaced,
        counts.skipped,
        counts.rejected,
        stats.events,
        secs,
        stats.documents as f64 / secs.max(1e-9),
        if stopped { " (stopped at the first rejection: --strict)" } else { "" }
    );
    Ok(if counts.rejected > 0 && args.strict {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Code documents with the pipeline in parallel batches; returns whether `--strict` stopped it.
fn ingest_pipeline(
    args: &IngestArgs,
    stored: &BTreeSet<String>,
    writer: &mut BatchWriter,
    counts: &mut Counts,
    progress: &Progress,
) -> Result<bool> {
    let read_opts = args.input.read_options()?;
    let pipeline = Pipeline::new(&PipelineOptions {
        model_dir: args.model.clone(),
        user_dicts: args.dicts.user_dicts(),
        ..Default::default()
    })
    .map_err(|e| anyhow::anyhow!("cannot build the pipeline: {e}"))?;
    crate::common::show_dict_warnings(&pipeline);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let mut records = args.input.records(&read_opts);
    let batch_size = args.batch.max(1);
    loop {
        let batch: Vec<_> = records.by_ref().take(batch_size).collect();
        if batch.is_empty() {
            return Ok(false);
        }
        counts.read += batch.len();
        let todo: Vec<_> = batch
            .into_iter()
            .filter(|r| match r {
                Ok(doc) if stored.contains(&doc.id) => {
                    counts.skipped += 1;
                    false
                }
                _ => true,
            })
            .collect();
        let outcomes: Vec<Result<Document, String>> = pool.install(|| {
            todo.into_par_iter()
                .map(|rec| {
                    let doc = rec.map_err(|e| e.to_string())?;
                    let doc = process_doc(&pipeline, doc)?;
                    Ok(to_document(&doc, ConvertOptions::default()))
                })
                .collect()
        });
        for outcome in outcomes {
            progress.inc();
            match outcome {
                Ok(doc) => writer.push(doc)?,
                Err(msg) => {
                    counts.rejected += 1;
                    progress.println(&format!("dyad: rejected: {msg}"));
                    if args.strict {
                        return Ok(true);
                    }
                }
            }
        }
        // One transaction per read batch keeps `--resume` granularity predictable.
        writer.flush()?;
    }
}

/// Store already-coded schema-1 JSON Lines; returns whether `--strict` stopped it.
fn ingest_jsonl(
    args: &IngestArgs,
    stored: &BTreeSet<String>,
    writer: &mut BatchWriter,
    counts: &mut Counts,
    progress: &Progress,
) -> Result<bool> {
    if args.input.inputs.is_empty() {
        bail!("--from-jsonl needs input files (or `-` for stdin)");
    }
    for path in &args.input.inputs {
        let name = path.display().to_string();
        let reader: Box<dyn BufRead> = if name == "-" {
            Box::new(std::io::BufReader::new(std::io::stdin()))
        } else {
            Box::new(std::io::BufReader::new(
                std::fs::File::open(path).with_context(|| format!("cannot open {name}"))?,
            ))
        };
        for (i, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("{name}:{}: cannot read", i + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            counts.read += 1;
            match serde_json::from_str::<Document>(&line) {
                Ok(doc) if stored.contains(&doc.id) => counts.skipped += 1,
                Ok(doc) => writer.push(doc)?,
                Err(e) => {
                    counts.rejected += 1;
                    progress.println(&format!(
                        "dyad: rejected: {name}:{}: not a schema-1 document: {e}",
                        i + 1
                    ));
                    if args.strict {
                        return Ok(true);
                    }
                }
            }
            progress.inc();
        }
    }
    Ok(false)
}
