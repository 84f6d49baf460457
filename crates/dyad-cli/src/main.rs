//! The `dyad` binary: flags → validated options → library pipeline → exit code.
//!
//! Each subcommand lives in its own `cmd_*.rs` module; this file only declares the command line and
//! dispatches. Exit codes: 0 success, 1 documents rejected under `--strict` or an eval below its
//! floor, 2 usage or setup error.

mod cmd_code;
mod common;
mod cmd_eval;
// MODULES: add `mod cmd_<name>;` here.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

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
    // COMMANDS: add `Name(cmd_name::NameArgs),` here.
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => cmd_code::run(args),
        Command::Eval(args) => cmd_eval::run(args),
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
