//! `dyad code`: read → full pipeline → schema-1 JSON Lines or CSV events.
//!
//! Documents are read as a stream, processed in parallel in batches (rayon), and written in input
//! order, so output is byte-identical whatever the thread count. A malformed record or a document a
//! stage cannot process is reported on stderr with its file, line and id, counted, and skipped
//! (or, under `--strict`, stops the run with exit code 1). The final summary line always satisfies
//! `read = written + rejected`. An input file that yields no document at all (missing, unreadable,
//! a CSV without a text column) makes the exit code 2 after the others are written. The output
//! file is written under a temporary name and renamed at the end; it may not be one of the inputs.

use crate::common::{check_output, show_dict_warnings, DictArgs, InputArgs, Progress, SafeOutput};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use dyad::{Pipeline, PipelineOptions};
use dyad_output::{to_document, ConvertOptions, Document, EVENT_COLUMNS};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats of `dyad code`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutFormat {
    /// One schema-1 JSON object per document.
    Jsonl,
    /// One row per event.
    Csv,
}

/// Arguments of `dyad code`.
#[derive(Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutFormat,
    /// Write to FILE instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads (default: all cores; at most 256). Output does not depend on it.
    #[arg(long, value_parser = crate::common::parse_threads)]
    pub threads: Option<usize>,
    /// Least probability (0–1) for an event coded by the trained classifier (`by: model`);
    /// pattern events are always written. Default 0.7 (docs/models.md). When given, it also
    /// bounds the re-ranker's recodes (default 0.5): a recode below it keeps the pattern's code.
    #[arg(long, value_name = "P", value_parser = crate::common::parse_probability)]
    pub min_confidence: Option<f32>,
    /// Also write events that report no act, marked by their `modality`: acts under a question,
    /// a condition or a possibility ("could attack"), and announced acts whose code has no
    /// intent form. By default they are left out.
    #[arg(long)]
    pub keep_irrealis: bool,
    /// Least probability (0–1) the trained event check gives an event for it to be written
    /// (`events[].check`, docs/models.md "Event check"); events under it are left out and
    /// counted in the summary line. Default: the committed model's cross-validated threshold;
    /// 0 writes every event.
    #[arg(long, value_name = "P", value_parser = crate::common::parse_probability)]
    pub min_check: Option<f32>,
    /// Stop at the first rejected document with exit code 1.
    #[arg(long)]
    pub strict: bool,
    /// Include tokens with their tags and dependencies in the JSON output.
    #[arg(long)]
    pub tokens: bool,
    /// Override embedded models with the files in this directory.
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// Run the pipeline only up to this stage (segment, syntax, ner, actors, quotes, times, places,
    /// events); later layers are written empty.
    #[arg(long, value_name = "STAGE")]
    pub until: Option<String>,
    /// Never show a progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// What one written document contributed to the totals.
#[derive(Default, Debug, Clone, Copy)]
struct DocCounts {
    sentences: usize,
    tokens: usize,
    events: usize,
    dropped: usize,
}

/// One processed document: its serialized output and counts, or the reason it was rejected.
type Outcome = Result<(Vec<u8>, DocCounts), String>;

/// Counts for the summary line.
#[derive(Default, Debug, Clone, Copy)]
pub struct Counts {
    /// Records read (including rejected ones).
    pub read: usize,
    /// Documents written.
    pub written: usize,
    /// Records rejected.
    pub rejected: usize,
    /// Sentences in written documents.
    pub sentences: usize,
    /// Tokens in written documents.
    pub tokens: usize,
    /// Events written.
    pub events: usize,
    /// Events the event check left out (`--min-check`).
    pub dropped: usize,
}

fn serialize(doc: &Document, format: OutFormat) -> Vec<u8> {
    match format {
        OutFormat::Jsonl => {
            let mut buf = serde_json::to_vec(doc).expect("schema types always serialize");
            buf.push(b'\n');
            buf
        }
        OutFormat::Csv => {
            let mut w = csv_rows_writer();
            for row in dyad_output::event_rows(doc) {
                w.write_record(&row).expect("writing to memory");
            }
            w.into_inner().expect("flushing to memory")
        }
    }
}

fn csv_rows_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new())
}

pub fn run(args: CodeArgs) -> Result<ExitCode> {
    let read_opts = args.input.read_options()?;
    let files = args.input.files();
    if let Some(path) = &args.output {
        check_output(path, "output", &files, "input")?;
    }
    let pipeline = Pipeline::new(&PipelineOptions {
        model_dir: args.model.clone(),
        until: args.until.clone(),
        user_dicts: args.dicts.user_dicts(),
        min_confidence: args.min_confidence,
        keep_irrealis: args.keep_irrealis,
        min_check: args.min_check,
    })
    .map_err(|e| anyhow::anyhow!("cannot build the pipeline: {e}"))?;
    show_dict_warnings(&pipeline);
    let threads = args.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let mut file = args.output.as_deref().map(SafeOutput::create).transpose()?;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let out: &mut dyn Write = match &mut file {
        Some(f) => f,
        None => &mut stdout,
    };
    if args.format == OutFormat::Csv {
        let mut w = csv_rows_writer();
        w.write_record(EVENT_COLUMNS)?;
        out.write_all(&w.into_inner()?)?;
    }
    let progress = Progress::new(args.quiet, "docs");
    let convert = ConvertOptions {
        tokens: args.tokens,
    };
    let mut counts = Counts::default();
    let mut stopped = false;
    let (mut records, tally) = args.input.records(files, &read_opts);
    const BATCH: usize = 256;
    loop {
        let batch: Vec<_> = records.by_ref().take(BATCH).collect();
        for w in tally.take_warnings() {
            progress.println(&w);
        }
        if batch.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|rec| {
                    let doc = rec.map_err(|e| e.to_string())?;
                    let doc = pipeline.process(doc)?;
                    let wire = to_document(&doc, convert);
                    let n = DocCounts {
                        sentences: doc.sentences.len(),
                        tokens: doc.tokens.len(),
                        events: wire.events.len(),
                        dropped: doc.events_dropped,
                    };
                    Ok((serialize(&wire, args.format), n))
                })
                .collect()
        });
        for outcome in outcomes {
            counts.read += 1;
            match outcome {
                Ok((bytes, n)) => {
                    out.write_all(&bytes)?;
                    counts.written += 1;
                    counts.sentences += n.sentences;
                    counts.tokens += n.tokens;
                    counts.events += n.events;
                    counts.dropped += n.dropped;
                }
                Err(msg) => {
                    counts.rejected += 1;
                    progress.println(&format!("dyad: rejected: {msg}"));
                    if args.strict {
                        stopped = true;
                        break;
                    }
                }
            }
            progress.inc();
        }
        if stopped {
            break;
        }
    }
    out.flush()?;
    if let Some(f) = file {
        f.commit()?;
    }
    // The process ends here: freeing tens of megabytes of models and dictionaries piece by
    // piece would only add to every run's time (about 4% of a one-line run, issue 15).
    std::mem::forget(pipeline);
    progress.finish();
    eprintln!(
        "dyad: {} documents read, {} written, {} rejected; {} sentences, {} tokens, {} events \
         ({} left out by the event check){}",
        counts.read,
        counts.written,
        counts.rejected,
        counts.sentences,
        counts.tokens,
        counts.events,
        counts.dropped,
        if stopped {
            " (stopped at the first rejection: --strict)"
        } else {
            ""
        }
    );
    Ok(if counts.rejected > 0 && args.strict {
        ExitCode::from(1)
    } else {
        tally.exit_code(ExitCode::SUCCESS)
    })
}
