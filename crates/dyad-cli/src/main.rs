//! The `dyad` binary: flags → validated options → library pipeline → exit code.
//!
//! Each subcommand lives in its own `cmd_*.rs` module; this file only declares the command line and
//! dispatches. Exit codes: 0 success (every input read; single records may have been rejected and
//! reported), 1 documents rejected under `--strict` or an eval below its floor, 2 usage or setup
//! error, or an input that could not be opened or read or yielded no document (the other inputs
//! are still processed and written).

mod cmd_code;
mod cmd_dedup;
mod cmd_eval;
mod cmd_export;
mod cmd_ingest;
mod cmd_ner;
mod cmd_parse;
mod cmd_serve;
mod cmd_train;
mod cmd_train_check;
mod cmd_train_events;
mod cmd_train_ner;
mod common;
// MODULES: add `mod cmd_<name>;` here.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: the pipeline makes many small short-lived
/// allocations (tokens, features, candidate lists), and glibc's malloc/free took about 5% of
/// `dyad code` time in profiles.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Dyad: who did and said what to whom, when and where — political event data from news text.
#[derive(Parser)]
#[command(name = "dyad", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the full pipeline and write schema-1 JSON Lines (or CSV events).
    Code(cmd_code::CodeArgs),
    /// Score Dyad against a public gold set (ud-seg, ud, conll, polnear, plover, petrarch, timeml).
    Eval(cmd_eval::EvalArgs),
    /// Tag, lemmatize and dependency-parse; write CoNLL-U.
    Parse(cmd_parse::ParseArgs),
    /// Train a model: `dyad train tagger|parser|lemmatizer|clusters|ner|ner-clusters|events --train FILE ... -o DIR`.
    Train(cmd_train::TrainArgs),
    /// Named-entity recognition only (`--input-format conll` writes `WORD GOLD PRED` for conlleval).
    Ner(cmd_ner::NerArgs),
    /// Code articles (or store coded JSON Lines) into a corpus database: `dyad ingest INPUT... --db FILE`.
    Ingest(cmd_ingest::IngestArgs),
    /// Group event mentions into canonical events and link republished copies: `dyad dedup --db FILE`.
    Dedup(cmd_dedup::DedupArgs),
    /// Export a corpus database's events table as CSV, JSON Lines or Parquet.
    Export(cmd_export::ExportArgs),
    /// Serve the JSON API and the analyst web UI over a corpus database.
    Serve(cmd_serve::ServeArgs),
    // COMMANDS: add `Name(cmd_name::NameArgs),` here.
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => cmd_code::run(args),
        Command::Eval(args) => cmd_eval::run(args),
        Command::Parse(args) => cmd_parse::run(args),
        Command::Train(args) => cmd_train::run(args),
        Command::Ner(args) => cmd_ner::run(args),
        Command::Ingest(args) => cmd_ingest::run(args),
        Command::Dedup(args) => cmd_dedup::run(args),
        Command::Export(args) => cmd_export::run(args),
        Command::Serve(args) => cmd_serve::run(args),
        // DISPATCH: add `Command::Name(args) => cmd_name::run(args),` here.
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`dyad code ... | head`) is not an error.
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("dyad: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
