//! Crash-safe ingest (issue 20): `dyad ingest` is killed with SIGKILL at random moments, again and
//! again, and resumed with `--resume` each time; the database must end exactly as one
//! uninterrupted ingest of the same input leaves it (every document once, the same annotations,
//! canonical events and copy links), with every rejected record counted and `PRAGMA
//! integrity_check` ok. After every kill, what is stored must be a consistent prefix of the input.
//!
//! Kill moments are random (seed printed; `DYAD_KILL_SEED` repeats a run); the checks are exact.

use super::corpus::{self, Corpus, Rng};
use dyad_store::{Store, StoreError};
use rusqlite::types::ValueRef;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Kills in all (the issue asks for at least 20).
const KILLS: usize = 20;
/// Kills per database before a run is let finish.
const PER_CYCLE: usize = 4;
/// Documents per transaction: small, so that kills land between and inside many commits.
const BATCH: &str = "4";

/// One way of ingesting: through the pipeline, or already-coded JSON Lines.
struct Mode {
    name: &'static str,
    input: PathBuf,
    from_jsonl: bool,
    corpus: Corpus,
}

impl Mode {
    fn command(&self, db: &Path, resume: bool) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dyad"));
        c.arg("ingest").arg(&self.input).arg("--db").arg(db);
        c.args(["--batch", BATCH, "--threads", "2", "-q"]);
        if self.from_jsonl {
            c.arg("--from-jsonl");
        }
        if resume {
            c.arg("--resume");
        }
        c.stdout(Stdio::null()).stderr(Stdio::piped());
        c
    }

    /// Input lines with content (what the summary's "read" counts).
    fn records(&self) -> usize {
        self.corpus.lines.len()
    }
}

/// One value as text (`NULL` for null, blobs in hex).
fn show(v: ValueRef) -> String {
    match v {
        ValueRef::Null => "NULL".into(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        ValueRef::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect(),
    }
}

/// Rows of `sql`, each as one string (columns joined by ` | `).
fn rows(store: &Store, sql: &str) -> Vec<String> {
    let c = store.connection();
    let mut st = c.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    let n = st.column_count();
    let out = st
        .query_map([], |r| {
            (0..n)
                .map(|i| r.get_ref(i).map(show))
                .collect::<Result<Vec<_>, _>>()
                .map(|v| v.join(" | "))
        })
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    out
}

fn count(store: &Store, sql: &str) -> i64 {
    store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Everything an ingest decides, without row numbers that may legitimately differ (canonical
/// event ids): documents in insertion order, child rows per document, events, canonical events by
/// their members, copy links by document id.
fn dump(store: &Store) -> Vec<String> {
    let mut out = rows(
        store,
        "SELECT id, date, title, url, source, text, n_events, n_quotes, annotations
         FROM documents ORDER BY doc",
    );
    out.extend(rows(
        store,
        "SELECT d.id, (SELECT COUNT(*) FROM sentences x WHERE x.doc = d.doc),
            (SELECT COUNT(*) FROM entities x WHERE x.doc = d.doc),
            (SELECT COUNT(*) FROM quotes x WHERE x.doc = d.doc),
            (SELECT COUNT(*) FROM events x WHERE x.doc = d.doc),
            (SELECT COUNT(*) FROM times x WHERE x.doc = d.doc),
            (SELECT COUNT(*) FROM places x WHERE x.doc = d.doc),
            (SELECT COUNT(*) FROM doc_bands x WHERE x.doc = d.doc)
         FROM documents d ORDER BY d.doc",
    ));
    out.extend(rows(
        store,
        "SELECT d.id, e.idx, e.cameo, e.source_code, e.target_code, e.day, e.evidence_start,
            e.evidence_end FROM events e JOIN documents d ON d.doc = e.doc ORDER BY d.id, e.idx",
    ));
    let mut canonical = rows(
        store,
        "SELECT (SELECT group_concat(m, ' ') FROM (SELECT d.id || '#' || e.idx AS m FROM events e
                JOIN documents d ON d.doc = e.doc WHERE e.canonical = c.canonical ORDER BY m)),
            (SELECT d.id || '#' || e.idx FROM events e JOIN documents d ON d.doc = e.doc
                WHERE e.event = c.rep_event),
            c.source_code, c.target_code, c.root, c.negated, c.cameo, c.day, c.first_seen,
            c.last_seen, c.num_mentions, c.num_articles, c.num_stories, c.num_sources
         FROM canonical_events c",
    );
    canonical.sort();
    out.extend(canonical);
    out.extend(rows(
        store,
        "SELECT d.id, (SELECT id FROM documents WHERE doc = s.story),
            (SELECT id FROM documents WHERE doc = s.copy_of), s.similarity, hex(s.sig)
         FROM doc_signatures s JOIN documents d ON d.doc = s.doc ORDER BY d.id",
    ));
    out
}

/// Invariants that hold after every committed batch: SQLite's own checks, and deduplication done
/// for everything stored (it runs in the batch's transaction).
fn check_consistent(store: &Store, what: &str) {
    assert_eq!(rows(store, "PRAGMA integrity_check"), vec!["ok"], "{what}");
    assert!(rows(store, "PRAGMA foreign_key_check").is_empty(), "{what}");
    for (sql, msg) in [
        (
            "SELECT COUNT(*) FROM events WHERE canonical IS NULL
            OR canonical NOT IN (SELECT canonical FROM canonical_events)",
            "events without a canonical event",
        ),
        (
            "SELECT COUNT(*) FROM canonical_events c
            WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.canonical = c.canonical)",
            "canonical events without mentions",
        ),
        (
            "SELECT COUNT(*) FROM canonical_events c
            WHERE num_mentions <> (SELECT COUNT(*) FROM events e WHERE e.canonical = c.canonical)",
            "canonical events with a wrong mention count",
        ),
        (
            "SELECT COUNT(*) FROM documents d
            WHERE NOT EXISTS (SELECT 1 FROM doc_signatures s WHERE s.doc = d.doc)",
            "documents without a signature",
        ),
        ("SELECT COUNT(*) FROM dedup_pending", "pending dedup work"),
        (
            "SELECT COUNT(*) FROM documents d
            WHERE n_events <> (SELECT COUNT(*) FROM events e WHERE e.doc = d.doc)",
            "documents whose event rows are incomplete",
        ),
    ] {
        assert_eq!(count(store, sql), 0, "{what}: {msg}");
    }
}

/// Ids in insertion order.
fn ids(store: &Store) -> Vec<String> {
    rows(store, "SELECT id FROM documents ORDER BY doc")
}

/// After a kill: open the database read-only (as `dyad serve` might); it must hold a prefix of
/// the uninterrupted run's documents and be consistent. `None` when the kill came before the
/// schema was complete.
fn check_after_kill(db: &Path, reference: &[String], what: &str) -> Option<usize> {
    if !db.exists() {
        return None;
    }
    let store = match Store::open_readonly(db) {
        Ok(s) => s,
        Err(StoreError::TooOld { .. }) => return None,
        Err(e) => panic!("{what}: cannot open the killed run's database: {e:?}"),
    };
    check_consistent(&store, what);
    let got = ids(&store);
    assert_eq!(
        got[..],
        reference[..got.len()],
        "{what}: stored documents are not a prefix of the input"
    );
    Some(got.len())
}

/// The counts of a completed run must add up, and the database must hold each good record once.
fn check_complete(mode: &Mode, db: &Path, stderr: &str, first_run: bool) {
    let [read, stored, replaced, skipped, rejected] = corpus::summary(stderr);
    let what = format!("{}: {stderr}", mode.name);
    assert_eq!(read, mode.records(), "{what}");
    assert_eq!(stored + skipped + rejected, read, "{what}");
    assert_eq!(rejected, mode.corpus.rejected, "{what}");
    assert_eq!(replaced, 0, "{what}: --resume must skip, not replace");
    if first_run {
        assert_eq!(skipped, 0, "{what}");
    }
    let store = Store::open(db).unwrap();
    let n = count(&store, "SELECT COUNT(*) FROM documents") as usize;
    let distinct = count(&store, "SELECT COUNT(DISTINCT id) FROM documents") as usize;
    assert_eq!(n, distinct, "{what}");
    assert_eq!(n, mode.corpus.good, "{what}: every good record stored once");
    assert_eq!(n + rejected, read, "{what}: in = stored + rejected");
    check_consistent(&store, &what);
    // The full-text index matches its content table.
    store
        .connection()
        .execute(
            "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')",
            [],
        )
        .unwrap_or_else(|e| panic!("{what}: full-text index: {e}"));
}

fn run_to_end(mode: &Mode, db: &Path, resume: bool) -> (String, Duration) {
    let t0 = Instant::now();
    let out = mode.command(db, resume).output().expect("run dyad ingest");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{}: {stderr}", mode.name);
    (stderr, t0.elapsed())
}

fn setup(dir: &Path) -> Vec<Mode> {
    let raw = corpus::raw(160, 20);
    let raw_path = dir.join("raw.jsonl");
    raw.write(&raw_path);
    let coded_path = dir.join("coded.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("code")
        .arg(&raw_path)
        .arg("-o")
        .arg(&coded_path)
        .arg("-q")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let coded = corpus::coded_with_bad_lines(&std::fs::read_to_string(&coded_path).unwrap());
    assert_eq!(coded.good, raw.good);
    let jsonl_path = dir.join("coded-bad.jsonl");
    coded.write(&jsonl_path);
    vec![
        Mode {
            name: "pipeline",
            input: raw_path,
            from_jsonl: false,
            corpus: raw,
        },
        Mode {
            name: "from-jsonl",
            input: jsonl_path,
            from_jsonl: true,
            corpus: coded,
        },
    ]
}

#[test]
fn killed_ingests_resume_to_the_uninterrupted_result() {
    let dir = tempfile::tempdir().unwrap();
    let modes = setup(dir.path());
    // The uninterrupted runs: the expected database, and how long a run takes on this machine.
    let mut refs = Vec::new();
    for m in &modes {
        let db = dir.path().join(format!("ref-{}.sqlite", m.name));
        let (stderr, took) = run_to_end(m, &db, false);
        check_complete(m, &db, &stderr, true);
        let store = Store::open_readonly(&db).unwrap();
        eprintln!("kill_resume: {} ingest uninterrupted: {took:.2?}", m.name);
        refs.push((dump(&store), ids(&store), took));
    }
    assert_eq!(refs[0].1, refs[1].1, "both modes store the same documents");

    let seed = std::env::var("DYAD_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("kill_resume: DYAD_KILL_SEED={seed}");
    let mut rng = Rng::new(seed);
    let (mut kills, mut landed, mut cycle) = (0, 0, 0);
    // Each cycle ingests one mode into a fresh database, killing up to PER_CYCLE runs (fewer when
    // one completes first), then resuming to the end; cycles go on until there were enough kills,
    // in both modes.
    while kills < KILLS || cycle < modes.len() {
        // The pipeline's start-up (models) makes its runs slower: one cycle in three.
        let k = usize::from(cycle % 3 != 0);
        let (m, (ref_dump, ref_ids, took)) = (&modes[k], &refs[k]);
        let db = dir.path().join(format!("kill-{cycle}.sqlite"));
        let mut runs = 0;
        let stderr = loop {
            let mut child = m.command(&db, runs > 0).spawn().expect("start dyad ingest");
            runs += 1;
            if runs > PER_CYCLE {
                // Enough kills for this database: the last run goes to the end.
                let out = child.wait_with_output().unwrap();
                let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
                assert!(out.status.success(), "{}: {stderr}", m.name);
                break stderr;
            }
            // A random moment of an uninterrupted run's time: from start-up (opening the
            // database, migrating, loading models) to the middle of any commit.
            let limit = (took.as_micros() as u64).max(1);
            std::thread::sleep(Duration::from_micros(rng.below(limit)));
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            if out.status.signal() == Some(9) {
                kills += 1;
                let what = format!("{} cycle {cycle}, after kill {runs}", m.name);
                if let Some(n) = check_after_kill(&db, ref_ids, &what) {
                    landed += usize::from(n > 0 && n < ref_ids.len());
                }
                continue;
            }
            // The run ended before the kill.
            assert!(out.status.success(), "{}: {stderr}", m.name);
            break stderr;
        };
        check_complete(m, &db, &stderr, runs == 1);
        let store = Store::open_readonly(&db).unwrap();
        let got = dump(&store);
        assert_eq!(got.len(), ref_dump.len(), "{} cycle {cycle}", m.name);
        for (a, b) in got.iter().zip(ref_dump) {
            assert_eq!(
                a, b,
                "{} cycle {cycle}: differs from the uninterrupted run",
                m.name
            );
        }
        cycle += 1;
    }
    eprintln!(
        "kill_resume: {kills} kills ({landed} with a partial corpus stored) in {cycle} cycles"
    );
    assert!(landed > 0, "no kill landed mid-ingest");
}
