//! `dyad serve` keeps answering while `dyad ingest` writes to its database (WAL; issue 20): every
//! answer during the ingest is a 200 with one consistent committed state (the documents stored so
//! far are a prefix of the input and the event count is exactly theirs), and the server sees the
//! corpus grow; after the writer is killed (SIGKILL) it goes on answering with what was
//! committed, and a resumed ingest completes under it.

use super::corpus;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::os::unix::process::ExitStatusExt;
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

/// What the polling client has seen.
struct Seen {
    head: i64,
    total: i64,
    /// Events stored once the first n documents are.
    events_after: Vec<i64>,
    /// Documents in the last stats answer.
    last: i64,
    answers: usize,
    /// Stats answers showing a partial corpus.
    partial: usize,
}

impl Seen {
    /// One round of requests; each must be a 200 showing one committed state.
    fn poll(&mut self, addr: &str) {
        for path in [
            "/api/stats",
            "/api/documents?limit=5",
            "/api/events?limit=5",
            "/api/timeline?interval=month",
        ] {
            let (status, v) = get(addr, path);
            assert_eq!(status, 200, "{path}: {v}");
            self.answers += 1;
            if path == "/api/stats" {
                let docs = v["documents"].as_i64().unwrap();
                let events = v["events"].as_i64().unwrap();
                assert!(
                    docs >= self.last,
                    "the corpus shrank: {docs} after {}",
                    self.last
                );
                assert_eq!(
                    events, self.events_after[docs as usize],
                    "stats mix two states: {docs} documents but {events} events"
                );
                self.last = docs;
                self.partial += usize::from(docs > self.head && docs < self.total);
            }
            if path == "/api/documents?limit=5" {
                let total = v["total"].as_i64().unwrap();
                assert!(total >= self.head && total <= self.total, "{v}");
            }
        }
    }
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

    let mut seen = Seen {
        head: head as i64,
        total: lines.len() as i64,
        events_after,
        last: head as i64,
        answers: 0,
        partial: 0,
    };
    // Poll while the ingest writes; once the server has shown a partial corpus a few times, kill
    // the writer (SIGKILL) in the middle of its batches.
    let mut writer = Guard(ingest(&rest, &db).spawn().unwrap());
    while writer.0.try_wait().unwrap().is_none() {
        seen.poll(&addr);
        if seen.partial >= 3 {
            let _ = writer.0.kill();
            break;
        }
    }
    let status = writer.0.wait().unwrap();
    let killed = status.signal() == Some(9);
    assert!(killed || status.success(), "{status:?}");
    if killed {
        // The server goes on answering after the writer died, with what it had committed.
        let at_kill = {
            seen.poll(&addr);
            seen.last
        };
        for _ in 0..5 {
            seen.poll(&addr);
        }
        assert_eq!(seen.last, at_kill, "nothing is written after the kill");
    }
    // Resume with the server running; then it serves the whole corpus.
    let out = ingest(&rest, &db).arg("--resume").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (status, v) = get(&addr, "/api/stats");
    assert_eq!(status, 200);
    assert_eq!(v["documents"].as_i64().unwrap(), seen.total);
    assert_eq!(
        v["events"].as_i64().unwrap(),
        *seen.events_after.last().unwrap()
    );
    let (answers, partial) = (seen.answers, seen.partial);
    eprintln!(
        "serve_ingest: {answers} answers, {partial} of them stats of a partial corpus; writer \
         killed mid-ingest: {killed}"
    );
    assert!(
        partial >= 2,
        "the server must answer while the ingest writes ({answers} answers, {partial} mid-ingest)"
    );
}
