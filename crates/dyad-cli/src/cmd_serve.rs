//! `dyad serve`: the JSON API and the analyst web UI over a corpus database (`dyad-server`).

use anyhow::{Context, Result};
use clap::Args;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// The corpus database (from `dyad ingest`).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Address to listen on, HOST:PORT (a name like `localhost:8080` is resolved; the first
    /// address is used). Keep it on 127.0.0.1 unless a proxy guards it.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let addr = resolve(&args.addr)?;
    dyad_server::serve(&args.db, addr).map_err(anyhow::Error::msg)?;
    Ok(ExitCode::SUCCESS)
}

/// `--addr` as a socket address: an IP address with its port, or a host name resolved (IPv4
/// preferred, as `localhost` usually means 127.0.0.1 to users).
fn resolve(addr: &str) -> Result<SocketAddr> {
    if let Ok(a) = addr.parse::<SocketAddr>() {
        return Ok(a);
    }
    let hint =
        || format!("--addr `{addr}`: expected HOST:PORT like 127.0.0.1:8080 or localhost:8080");
    let all: Vec<SocketAddr> = addr.to_socket_addrs().with_context(hint)?.collect();
    all.iter()
        .find(|a| a.is_ipv4())
        .or(all.first())
        .copied()
        .with_context(hint)
}
