//! `dyad serve`: the JSON API and the analyst web UI over a corpus database (`dyad-server`).

use anyhow::{Context, Result};
use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// The corpus database (from `dyad ingest`).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Address to listen on. Keep it on 127.0.0.1 unless a proxy guards it.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let addr: SocketAddr = args.addr.parse().with_context(|| {
        format!(
            "--addr `{}`: expected HOST:PORT like 127.0.0.1:8080",
            args.addr
        )
    })?;
    dyad_server::serve(&args.db, addr).map_err(anyhow::Error::msg)?;
    Ok(ExitCode::SUCCESS)
}
