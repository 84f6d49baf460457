//! `dyad ingest`: read → full pipeline → corpus database (`dyad-store`).
//!
//! Shares `dyad code`'s reading and parallel processing (input flags from `common`, batches of
//! documents coded in parallel with rayon, results taken in input order) and writes each batch in
//! one SQLite transaction, so an interrupted run keeps every committed batch and `--resume` picks
//! up after it. `--from-jsonl` stores documents already coded by `dyad code` (schema-1 JSON Lines)
//! without running the pipeline.
//!
//! Every input file is opened before the database is created or touched, so a missing input leaves
//! nothing behind (exit code 2); an input that yields no document makes the exit code 2 after the
//! others are stored. A line that is not valid UTF-8 or not a schema-1 document is rejected with
//! its file and line, and the run goes on.

use crate::common::{
    check_inputs_open, check_output, renamed_warning, unique_id, DictArgs, InputArgs, Progress,
    Tally, EXIT_INPUT,
};
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
    /// Worker threads for the pipeline (default: all cores; at most 256).
    #[arg(long, value_parser = crate::common::parse_threads)]
    pub threads: Option<usize>,
    /// Stop at the first rejected document with exit code 1.
    #[arg(long)]
    pub strict: bool,
    /// Override embedded models with the files in this directory.
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// Do not group canonical events and link copies with each batch; run `dyad dedup` later
    /// (a faster bulk load).
    #[arg(long)]
    pub no_dedup: bool,
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
    if args.from_jsonl && args.input.inputs.is_empty() {
        bail!("--from-jsonl needs input files (or `-` for stdin)");
    }
    let files = args.input.files();
    check_output(&args.db, "database", &files, "input")?;
    check_inputs_open(&files)?;
    let read_opts = if args.from_jsonl {
        None
    } else {
        Some(args.input.read_options()?)
    };
    let mut store =
        Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    store.set_dedup_on_ingest(!args.no_dedup);
    let stored: BTreeSet<String> = if args.resume {
        store.ids()?
    } else {
        BTreeSet::new()
    };
    let progress = Progress::new(args.quiet, "docs");
    let mut counts = Counts::default();
    let mut writer = BatchWriter::new(&mut store, args.batch);
    let (stopped, empty_inputs) = match read_opts {
        None => ingest_jsonl(&args, files, &stored, &mut writer, &mut counts, &progress)?,
        Some(opts) => {
            let (records, tally) = args.input.records(files, &opts);
            let stopped = ingest_pipeline(
                &args,
                records,
                &tally,
                &stored,
                &mut writer,
                &mut counts,
                &progress,
            )?;
            (stopped, tally.empty_inputs())
        }
    };
    let stats = writer.finish()?;
    progress.finish();
    // The store is free again once the writer is done.
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "dyad: {} documents read, {} stored ({} replaced), {} skipped (already stored), {} rejected; {} events{}; {:.1}s, {:.1} docs/s{}",
        counts.read,
        stats.documents,
        stats.replaced,
        counts.skipped,
        counts.rejected,
        stats.events,
        if args.no_dedup {
            " (not deduplicated: run dyad dedup)".to_string()
        } else {
            format!(
                " in {} canonical events, {} copies of earlier articles",
                store.stats()?.canonical_events,
                stats.dedup.copies
            )
        },
        secs,
        stats.documents as f64 / secs.max(1e-9),
        if stopped { " (stopped at the first rejection: --strict)" } else { "" }
    );
    for f in &empty_inputs {
        eprintln!("dyad: error: input {f} yielded no document");
    }
    Ok(if counts.rejected > 0 && args.strict {
        ExitCode::from(1)
    } else if !stopped && !empty_inputs.is_empty() {
        ExitCode::from(EXIT_INPUT)
    } else {
        ExitCode::SUCCESS
    })
}

/// Code documents with the pipeline in parallel batches; returns whether `--strict` stopped it.
fn ingest_pipeline(
    args: &IngestArgs,
    mut records: dyad_text::read::Records,
    tally: &Tally,
    stored: &BTreeSet<String>,
    writer: &mut BatchWriter,
    counts: &mut Counts,
    progress: &Progress,
) -> Result<bool> {
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
    let batch_size = args.batch.max(1);
    loop {
        let batch: Vec<_> = records.by_ref().take(batch_size).collect();
        for w in tally.take_warnings() {
            progress.println(&w);
        }
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
                    let doc = pipeline.process(doc)?;
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

/// Store already-coded schema-1 JSON Lines; returns whether `--strict` stopped it and the input
/// files that yielded no document.
fn ingest_jsonl(
    args: &IngestArgs,
    files: Vec<String>,
    stored: &BTreeSet<String>,
    writer: &mut BatchWriter,
    counts: &mut Counts,
    progress: &Progress,
) -> Result<(bool, Vec<String>)> {
    let mut empty = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for name in files {
        let mut reader: Box<dyn BufRead> = if name == "-" {
            Box::new(std::io::BufReader::new(std::io::stdin()))
        } else {
            Box::new(std::io::BufReader::new(
                std::fs::File::open(&name).with_context(|| format!("cannot open {name}"))?,
            ))
        };
        let mut docs = 0usize;
        let mut buf = Vec::new();
        let mut lineno = 0u64;
        loop {
            buf.clear();
            let n = reader
                .read_until(b'\n', &mut buf)
                .with_context(|| format!("{name}:{}: cannot read", lineno + 1))?;
            if n == 0 {
                break;
            }
            lineno += 1;
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            counts.read += 1;
            let parsed = match std::str::from_utf8(&buf) {
                Ok(line) => serde_json::from_str::<Document>(line)
                    .map_err(|e| format!("not a schema-1 document: {e}")),
                Err(e) => Err(format!(
                    "invalid UTF-8 at byte {} of the line",
                    e.valid_up_to()
                )),
            };
            let parsed = parsed.map(|mut doc| {
                if let Some(new_id) = unique_id(&mut ids, &doc.id) {
                    progress.println(&renamed_warning(&name, &doc.id, &new_id));
                    doc.id = new_id;
                }
                doc
            });
            match parsed {
                Ok(doc) if stored.contains(&doc.id) => {
                    docs += 1;
                    counts.skipped += 1
                }
                Ok(doc) => {
                    docs += 1;
                    writer.push(doc)?
                }
                Err(msg) => {
                    counts.rejected += 1;
                    progress.println(&format!("dyad: rejected: {name}:{lineno}: {msg}"));
                    if args.strict {
                        return Ok((true, empty));
                    }
                }
            }
            progress.inc();
        }
        if docs == 0 {
            empty.push(name);
        }
    }
    Ok((false, empty))
}
