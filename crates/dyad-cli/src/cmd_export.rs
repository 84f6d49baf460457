//! `dyad export`: the events table of a corpus database as CSV, JSON Lines or Parquet.
//!
//! The output file may not be the database; it is written under a temporary name and renamed when
//! complete, so an error never leaves half a file (or a clobbered one) behind.

use crate::common::{check_output, SafeOutput};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use dyad_store::export::Format;
use dyad_store::query::{check_code, check_date};
use dyad_store::{EventFilter, Store};
use std::path::PathBuf;
use std::process::ExitCode;

/// Export formats.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// CSV with a header row.
    Csv,
    /// One JSON object per event.
    Jsonl,
    /// Apache Parquet (typed columns, snappy).
    Parquet,
}

/// One row per what.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum EventsMode {
    /// One row per canonical event (its representative mention, plus `canonical`,
    /// `num_mentions`, `num_articles`, `num_sources`).
    Canonical,
    /// One row per coded mention.
    Mentions,
}

/// Arguments of `dyad export`.
#[derive(Args)]
pub struct ExportArgs {
    /// The corpus database.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,
    /// Write to FILE instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only events of this dyad (two country codes, either direction), e.g. RUS-UKR.
    #[arg(long, value_name = "AAA-BBB")]
    pub dyad: Option<String>,
    /// Only events on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Only events on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// One row per coded mention (default), or per canonical event (its representative mention
    /// with the event's mention, article and publisher counts: republished and repeated reports
    /// of one event count once).
    #[arg(long, value_enum, default_value = "mentions")]
    pub events: EventsMode,
}

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    if !args.db.exists() {
        anyhow::bail!("{}: no such database", args.db.display());
    }
    if let Some(path) = &args.output {
        check_output(path, "output", &[args.db.display().to_string()], "database")?;
    }
    let store =
        Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    let mut f = EventFilter {
        mentions: args.events == EventsMode::Mentions,
        ..Default::default()
    };
    if let Some(d) = &args.dyad {
        let (a, b) = d
            .split_once('-')
            .with_context(|| format!("--dyad `{d}`: expected two codes like RUS-UKR"))?;
        f.dyad = Some((
            check_code("--dyad", a)?.to_uppercase(),
            check_code("--dyad", b)?.to_uppercase(),
        ));
    }
    f.from = args
        .from
        .as_deref()
        .map(|d| check_date("--from", d))
        .transpose()?;
    f.to = args
        .to
        .as_deref()
        .map(|d| check_date("--to", d))
        .transpose()?;
    let format = match args.format {
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Parquet => Format::Parquet,
    };
    let n = match &args.output {
        Some(path) => {
            let mut file = SafeOutput::create(path)?;
            let n = store.export_events(&f, format, &mut file)?;
            file.commit()?;
            n
        }
        None => store.export_events(&f, format, std::io::BufWriter::new(std::io::stdout()))?,
    };
    eprintln!("dyad: {n} events exported");
    Ok(ExitCode::SUCCESS)
}
