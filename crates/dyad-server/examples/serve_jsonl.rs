//! Development helper: store schema-1 JSON Lines in a database and serve it, without building the
//! whole `dyad` binary (and its pipeline). `dyad ingest --from-jsonl` + `dyad serve` do the same.
//!
//! Usage: `serve_jsonl DB ADDR FILE.jsonl...` (e.g. `serve_jsonl /tmp/c.sqlite 127.0.0.1:0 corpus.jsonl`).

use std::io::BufRead;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        return Err("usage: serve_jsonl DB ADDR [FILE.jsonl...]".into());
    }
    let db = std::path::Path::new(&args[0]);
    let addr = args[1].parse().map_err(|e| format!("ADDR: {e}"))?;
    let mut store = dyad_store::Store::open(db).map_err(|e| e.to_string())?;
    let mut w = dyad_store::BatchWriter::new(&mut store, 256);
    for file in &args[2..] {
        let f = std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?;
        for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
            let line = line.map_err(|e| format!("{file}:{}: {e}", i + 1))?;
            let doc = serde_json::from_str(&line).map_err(|e| format!("{file}:{}: {e}", i + 1))?;
            w.push(doc).map_err(|e| e.to_string())?;
        }
    }
    let stats = w.finish().map_err(|e| e.to_string())?;
    drop(store);
    eprintln!(
        "stored {} documents, {} events",
        stats.documents, stats.events
    );
    dyad_server::serve(db, addr)
}
