//! `dyad serve` keeps answering while `dyad ingest` writes to its database (WAL; issue 20): every
//! answer during the ingest is a 200 with one consistent committed state (the documents stored so
//! far are a prefix of the input and the event count is exactly theirs), and the server sees the
//! corpus grow.

use super::corpus;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// Kills a child process when dropped (a failed assertion must not leave a server running).
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `GET path` over a fresh connection: status and JSON body.
fn get(addr: &str, path: &str) -> (u16, serde_json::Value) {
    let mut s = TcpStream::connect(addr).expect("connect to dyad serve");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8(raw).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").expect("HTTP response");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let json = serde_json::from_str(body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"));
    (status, json)
}

fn ingest(input: &std::path::Path, db: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dyad"));
    c.args(["ingest", "--from-jsonl", "--batch", "2", "-q"])
        .arg(input)
        .arg("--db")
        .arg(db)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

#[test]
fn serve_answers_with_consistent_snapshots_while_an_ingest_writes() {
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("raw.jsonl");
    corpus::raw(200, 21).write(&raw);
    let coded = dir.path().join("coded.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("code")
        .arg(&raw)
        .arg("-o")
        .arg(&coded)
        .arg("-q")
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<String> = std::fs::read_to_string(&coded)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    // Events stored once the first n documents are: the only consistent (documents, events) pairs.
    let mut events_after = vec![0i64];
    for l in &lines {
        let d: serde_json::Value = serde_json::from_str(l).unwrap();
        let n = d["events"].as_array().unwrap().len() as i64;
        events_after.push(events_after.last().unwrap() + n);
    }
    let head = 6;
    let (first, rest) = (
        dir.path().join("first.jsonl"),
        dir.path().join("rest.jsonl"),
    );
    std::fs::write(&first, lines[..head].join("\n") + "\n").unwrap();
    std::fs::write(&rest, lines[head..].join("\n") + "\n").unwrap();
    let db = dir.path().join("live.sqlite");
    assert!(ingest(&first, &db).status().unwrap().success());

    let mut serve = Guard(
        Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(&db)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(serve.0.stderr.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();

    let mut writer = Guard(ingest(&rest, &db).spawn().unwrap());
    let (mut answers, mut partial, mut last) = (0, 0, head as i64);
    let paths = [
        "/api/stats",
        "/api/documents?limit=5",
        "/api/events?limit=5",
        "/api/timeline?interval=month",
    ];
    while writer.0.try_wait().unwrap().is_none() {
        for path in paths {
            let (status, v) = get(&addr, path);
            assert_eq!(status, 200, "{path}: {v}");
            answers += 1;
            if path == "/api/stats" {
                let (docs, events) = (
                    v["documents"].as_i64().unwrap(),
                    v["events"].as_i64().unwrap(),
                );
                assert!(docs >= last, "the corpus shrank: {docs} after {last}");
                assert_eq!(
                    events, events_after[docs as usize],
                    "stats mix two states: {docs} documents but {events} events"
                );
                last = docs;
                partial += usize::from(docs > head as i64 && docs < lines.len() as i64);
            }
            if path == "/api/documents?limit=5" {
                let total = v["total"].as_i64().unwrap();
                assert!(total >= head as i64 && total <= lines.len() as i64, "{v}");
            }
        }
    }
    let mut err = String::new();
    writer
        .0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(writer.0.wait().unwrap().success(), "{err}");
    let (status, v) = get(&addr, "/api/stats");
    assert_eq!(status, 200);
    assert_eq!(v["documents"].as_i64().unwrap(), lines.len() as i64);
    assert_eq!(v["events"].as_i64().unwrap(), *events_after.last().unwrap());
    eprintln!(
        "serve_ingest: {answers} answers during the ingest, {partial} stats of a partial corpus"
    );
    assert!(
        partial >= 2,
        "the server must answer while the ingest writes ({answers} answers, {partial} mid-ingest)"
    );
}
