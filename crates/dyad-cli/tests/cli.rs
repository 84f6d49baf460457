//! End-to-end tests of the `dyad` binary on hand-written inputs.

use std::path::PathBuf;
use std::process::{Command, Output};

// Ingest reliability (issue 20), in tests/cli/: kill-and-resume, serving while an ingest writes.
#[path = "cli/corpus.rs"]
mod corpus;
#[path = "cli/event_check.rs"]
mod event_check;
#[cfg(unix)] // SIGKILL
#[path = "cli/kill_resume.rs"]
mod kill_resume;
#[cfg(unix)] // SIGKILL
#[path = "cli/serve_ingest.rs"]
mod serve_ingest;

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("run dyad")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &tempfile::TempDir, name: &str, content: &[u8]) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, content).unwrap();
    p.display().to_string()
}

#[test]
fn example_article_gives_one_schema1_document() {
    let example = root().join("examples/geneva-talks.txt");
    let out = dyad(&[
        "code",
        example.to_str().unwrap(),
        "--date",
        "2025-06-03",
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1);
    let doc: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["id"], "geneva-talks");
    assert_eq!(doc["date"], "2025-06-03");
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let sentences = doc["sentences"].as_array().unwrap();
    assert_eq!(
        sentences.len(),
        6,
        "five lines, the second with two sentences"
    );
    let second = &sentences[1];
    let s: String = text
        [second["start"].as_u64().unwrap() as usize..second["end"].as_u64().unwrap() as usize]
        .iter()
        .collect();
    assert!(s.starts_with('“') && s.ends_with("Ankara."), "{s}");
    for key in ["entities", "quotes", "events", "times", "places"] {
        assert!(doc[key].is_array(), "{key} must always be an array");
    }
    for e in doc["events"].as_array().unwrap() {
        let by = e["by"].as_str().unwrap();
        let p = e["confidence"].as_f64().unwrap();
        assert!(
            // Model events: the classifier's (at least --min-confidence, 0.7) or a pattern event
            // the re-ranker recoded (at least 0.5).
            by == "pattern" && p == 1.0 || by == "model" && (0.5..=1.0).contains(&p),
            "{e}"
        );
    }
    assert!(
        stderr(&out).contains("1 documents read, 1 written, 0 rejected"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_records_are_reported_counted_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        &dir,
        "mixed.jsonl",
        b"{\"id\": \"ok1\", \"text\": \"Talks resumed in Geneva.\"}\n{broken\n{\"id\": \"e\", \"text\": \"   \"}\n{\"id\": \"bad\", \"text\": \"\xff\"}\n{\"id\": \"ok2\", \"text\": \"The envoy left.\"}\n",
    );
    let out = dyad(&["code", &input, "-q"]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("mixed.jsonl:2: invalid JSON"), "{err}");
    assert!(
        err.contains("mixed.jsonl:3 [id e]: empty document"),
        "{err}"
    );
    assert!(err.contains("mixed.jsonl:4: invalid UTF-8"), "{err}");
    assert!(
        err.contains("5 documents read, 2 written, 3 rejected"),
        "{err}"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);

    let strict = dyad(&["code", &input, "-q", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        stderr(&strict).contains("2 documents read, 1 written, 1 rejected"),
        "{}",
        stderr(&strict)
    );
}

#[test]
fn output_is_identical_across_thread_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    for i in 0..40 {
        jsonl.push_str(&format!(
            "{{\"id\": \"d{i}\", \"date\": \"2025-06-0{}\", \"text\": \"President Emmanuel Macron met German Chancellor Friedrich Merz in Paris on Monday. “We agreed on {i} points,” Macron said. Russia accused NATO of provocations.\"}}\n",
            i % 9 + 1
        ));
    }
    let input = write(&dir, "many.jsonl", jsonl.as_bytes());
    let one = dyad(&["code", &input, "--threads", "1", "-q"]);
    let two = dyad(&["code", &input, "--threads", "2", "-q"]);
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    let ids: Vec<String> = String::from_utf8(one.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        ids,
        (0..40).map(|i| format!("d{i}")).collect::<Vec<_>>(),
        "input order is kept"
    );
}

#[test]
fn csv_output_has_a_header_and_stdin_works() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "-", "--format", "csv", "--date", "2025-06-03", "-q"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Russia accused Ukraine of shelling the plant.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("doc_id,title,idx,sentence,date,day,cameo,root,goldstein,quad,"),
        "{csv}"
    );
}

#[test]
fn usage_errors_are_clear() {
    let out = dyad(&["code", "x.txt", "--date", "20-05-2025"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--date `20-05-2025`: expected YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
    let out = dyad(&["code", "/nonexistent/file.txt", "-q"]);
    assert!(
        stderr(&out).contains("/nonexistent/file.txt: cannot open"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("1 documents read, 0 written, 1 rejected"));
}

#[test]
fn eval_conll_lowercase_and_uppercase() {
    let dir = tempfile::tempdir().unwrap();
    // A hand-written CoNLL-2003 document (word, gold tag).
    let rows = [
        ("President", "O"),
        ("Emmanuel", "B-PER"),
        ("Macron", "I-PER"),
        ("of", "O"),
        ("France", "B-LOC"),
        ("met", "O"),
        ("German", "B-MISC"),
        ("Chancellor", "O"),
        ("Olaf", "B-PER"),
        ("Scholz", "I-PER"),
        ("in", "O"),
        ("Berlin", "B-LOC"),
        ("on", "O"),
        ("Monday", "O"),
        (".", "O"),
    ];
    let mut text = String::from("-DOCSTART- O\n\n");
    for (w, t) in rows {
        text.push_str(&format!("{w} {t}\n"));
    }
    let path = write(&dir, "tiny.conll", text.as_bytes());
    for flag in ["--lowercase", "--uppercase"] {
        let out = dyad(&["eval", "conll", &path, flag, "--min", "f1=0.5"]);
        assert!(out.status.success(), "{flag}: {}", stderr(&out));
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(stdout.contains("-cased)"), "{flag}: {stdout}");
    }
    // The flags belong to the conll suite only, and exclude each other.
    let out = dyad(&["eval", "ud-seg", &path, "--lowercase"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = dyad(&["eval", "conll", &path, "--lowercase", "--uppercase"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn eval_floors_fail_with_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let word = |id: u32, form: &str| format!("{id}\t{form}\t_\t_\t_\t_\t_\t_\t_\t_\n");
    let tb = format!(
        "# newdoc id = d\n# newpar id = p\n# text = Hello there.\n{}{}{}\n",
        word(1, "Hello"),
        word(2, "there"),
        word(3, ".")
    );
    let path = write(&dir, "tiny.conllu", tb.as_bytes());
    let ok = dyad(&["eval", "ud-seg", &path, "--min", "token_f1=0.9"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("F1 1.0000"));
    let fail = dyad(&["eval", "ud-seg", &path, "--min", "token_f1=1.01"]);
    assert_eq!(fail.status.code(), Some(1));
    let unknown = dyad(&["eval", "ud-seg", &path, "--min", "nope=1"]);
    assert_eq!(unknown.status.code(), Some(2));
    // A malformed treebank is an error naming the file and line, not a silent partial score.
    let bad = write(&dir, "bad.conllu", b"# text = Hi\n1\tHi\t_\n\n");
    let out = dyad(&["eval", "ud-seg", &bad]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("bad.conllu: line 2:"),
        "{}",
        stderr(&out)
    );
}

/// Run dyad with `input` on stdin.
fn dyad_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn jsonl_ids(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn inputs_that_yield_nothing_exit_2_after_the_others_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dyad(&["code", "/nonexistent/file.txt", "-q"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("input /nonexistent/file.txt yielded no document"));
    let no_text = write(&dir, "notext.csv", b"id,headline_only\n1,Talks\n");
    let good = write(&dir, "good.txt", b"Talks resumed in Geneva on Monday.");
    let out = dyad(&["code", &good, &no_text, "-q"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no text column"), "{}", stderr(&out));
    assert_eq!(
        jsonl_ids(&out),
        ["good"],
        "the readable input is still coded"
    );
    // Single bad records keep exit code 0.
    let mixed = write(
        &dir,
        "mixed.jsonl",
        b"{\"text\": \"Talks resumed.\"}\n{broken\n",
    );
    let out = dyad(&["code", &mixed, "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn an_output_that_is_an_input_is_refused_and_outputs_are_renamed_into_place() {
    let dir = tempfile::tempdir().unwrap();
    let text = b"Russia accused Ukraine of shelling the plant.";
    let same = write(&dir, "same.txt", text);
    let out = dyad(&["code", &same, "-o", &same, "-q"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("same file as input"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&same).unwrap(), text, "the input is intact");
    // Also through another path to the same file.
    let other = format!("{}/./same.txt", dir.path().display());
    assert_eq!(
        dyad(&["code", &same, "-o", &other, "-q"]).status.code(),
        Some(2)
    );
    let coded = dir.path().join("coded.jsonl").display().to_string();
    let out = dyad(&["code", &same, "-o", &coded, "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&coded).unwrap().lines().count(), 1);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["coded.jsonl", "same.txt"],
        "no temporary file is left"
    );

    let db = dir.path().join("c.sqlite").display().to_string();
    let out = dyad(&["ingest", "--from-jsonl", &coded, "--db", &db, "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = dyad(&["export", "--db", &db, "-o", &db]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("same file as database"),
        "{}",
        stderr(&out)
    );
    let out = dyad(&["export", "--db", &db, "--format", "jsonl"]);
    assert!(
        out.status.success(),
        "the database survived: {}",
        stderr(&out)
    );
    let out = dyad(&["ingest", &coded, "--db", &coded, "-q"]);
    assert_eq!(out.status.code(), Some(2), "an input as the database");
}

#[test]
fn keep_irrealis_writes_hypothetical_events_marked_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        &dir,
        "irrealis.txt",
        b"If Norway attacks Sweden, Denmark will respond.\n",
    );
    let events = |extra: &[&str]| -> Vec<serde_json::Value> {
        let mut args = vec!["code", input.as_str(), "--date", "2025-03-01", "-q"];
        args.extend_from_slice(extra);
        let out = dyad(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let doc: serde_json::Value =
            serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap())
                .unwrap();
        doc["events"].as_array().unwrap().clone()
    };
    let attack = |e: &serde_json::Value| e["cameo"].as_str().unwrap().starts_with("19");
    // By default the conditional attack is left out; with the flag it is written as hypothetical.
    assert!(!events(&[]).iter().any(attack));
    let kept = events(&["--keep-irrealis"]);
    let a = kept.iter().find(|e| attack(e)).expect("the attack, kept");
    assert_eq!(a["modality"], "hypothetical", "{a}");
}

#[test]
fn min_confidence_must_be_a_probability() {
    for p in ["1.5", "2", "x"] {
        let out = dyad(&["code", "/nonexistent.txt", "--min-confidence", p, "-q"]);
        assert_eq!(out.status.code(), Some(2), "{p}");
        assert!(stderr(&out).contains("between 0 and 1"), "{}", stderr(&out));
    }
}

#[test]
fn threads_above_the_cap_are_a_clear_usage_error() {
    for n in ["99999999999", "257"] {
        let out = dyad(&["code", "/nonexistent.txt", "--threads", n, "-q"]);
        assert_eq!(out.status.code(), Some(2), "{n}");
        assert!(stderr(&out).contains("maximum of 256"), "{}", stderr(&out));
        assert!(!stderr(&out).contains("panic"), "{}", stderr(&out));
    }
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir, "a.txt", b"Talks resumed in Geneva.");
    let out = dyad(&["code", &input, "--threads", "256", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn ingest_from_jsonl_rejects_bad_lines_and_a_missing_input_leaves_no_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite");
    let out = dyad(&[
        "ingest",
        "/nonexistent/in.jsonl",
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!db.exists(), "no empty database is left behind");
    let out = dyad(&[
        "ingest",
        "--from-jsonl",
        "/nonexistent/in.jsonl",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!db.exists());

    let fixture = root().join("crates/dyad-store/tests/fixtures/corpus.jsonl");
    let mut bytes = std::fs::read(fixture).unwrap();
    let good = bytes.iter().filter(|&&b| b == b'\n').count();
    bytes.extend_from_slice(b"{\"id\": \"x\xff\"}\n");
    let input = write(&dir, "coded.jsonl", &bytes);
    let out = dyad(&[
        "ingest",
        "--from-jsonl",
        &input,
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("coded.jsonl:{}: invalid UTF-8", good + 1)),
        "{err}"
    );
    assert!(
        err.contains(&format!("{} documents read, {good} stored", good + 1)),
        "{err}"
    );
}

#[test]
fn csv_on_stdin_is_sniffed_and_plain_text_stays_text() {
    let out = dyad_stdin(
        &["code", "-", "-q"],
        b"id,text\nn1,Talks resumed in Geneva.\nn2,\"Envoys met, then left.\"\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(jsonl_ids(&out), ["n1", "n2"]);
    let out = dyad_stdin(&["code", "-", "-q"], b"Talks resumed, text follows.\nMore.");
    assert_eq!(jsonl_ids(&out), ["stdin"]);
}

#[test]
fn csv_unmatched_quote_is_reported_and_crlf_lines_are_right() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        &dir,
        "quote.csv",
        b"id,text,date\na,Talks resumed.,2025-06-01\nb,\"Envoys met in Geneva.,2025-06-02\nc,Russia accused Ukraine.,2025-06-03\nd,The envoy left.,2025-06-04\n",
    );
    let out = dyad(&["code", &bad, "-q"]);
    let err = stderr(&out);
    assert!(err.contains("quote.csv:3"), "{err}");
    assert!(err.contains("unmatched quote"), "{err}");
    assert!(err.contains("lines 3-5"), "{err}");
    assert_eq!(jsonl_ids(&out), ["a"]);

    let crlf = write(
        &dir,
        "crlf.csv",
        b"id,text,date\r\na,Talks resumed.,2025-06-01\r\nb,Envoys met.,someday\r\nc,They left.,2025-06-03\r\n",
    );
    let out = dyad(&["code", &crlf, "-q"]);
    let err = stderr(&out);
    assert!(err.contains("crlf.csv:3 [id b]: column `date`"), "{err}");
    assert_eq!(jsonl_ids(&out), ["a", "c"]);
}

#[test]
fn repeated_ids_across_inputs_are_renamed_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("x")).unwrap();
    std::fs::create_dir(dir.path().join("y")).unwrap();
    let a = write(&dir, "x/talks.txt", b"Talks resumed in Geneva.");
    let b = write(&dir, "y/talks.txt", b"Envoys met in Paris.");
    let c = write(
        &dir,
        "c.jsonl",
        b"{\"id\": \"talks\", \"text\": \"They left.\"}\n",
    );
    let out = dyad(&["code", &a, &b, &c, "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(jsonl_ids(&out), ["talks", "talks~2", "talks~3"]);
    assert!(
        stderr(&out).contains("id `talks` was already used by an earlier document"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn windows_1252_text_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        &dir,
        "cp.txt",
        b"The caf\xe9 owner said \x93talks resumed\x94 in Geneva.",
    );
    let out = dyad(&["code", &input, "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cp.txt: not valid UTF-8; decoded as Windows-1252"),
        "{}",
        stderr(&out)
    );
    let doc: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(
        doc["text"],
        "The café owner said “talks resumed” in Geneva."
    );
    // Binary data is still rejected.
    let bin = write(&dir, "bin.txt", b"\x00\x01\x02\xff\xfe binary");
    let out = dyad(&["code", &bin, "-q"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid UTF-8"), "{}", stderr(&out));
}

#[test]
fn eval_conll_refuses_a_file_that_is_not_conll() {
    let dir = tempfile::tempdir().unwrap();
    let text = write(&dir, "plain.txt", b"Talks resumed in Geneva on Monday.\n");
    let out = dyad(&["eval", "conll", &text]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("plain.txt: line 1: not CoNLL-2003"),
        "{}",
        stderr(&out)
    );
    let empty = write(&dir, "empty.txt", b"\n\n");
    assert_eq!(dyad(&["eval", "conll", &empty]).status.code(), Some(2));
}

#[test]
fn serve_accepts_a_host_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite").display().to_string();
    let fixture = root().join("crates/dyad-store/tests/fixtures/corpus.jsonl");
    let out = dyad(&[
        "ingest",
        "--from-jsonl",
        fixture.to_str().unwrap(),
        "--db",
        &db,
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["serve", "--db", &db, "--addr", "localhost:0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    use std::io::BufRead;
    std::io::BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    child.kill().ok();
    child.wait().ok();
    assert!(line.starts_with("dyad serve: http://127.0.0.1:"), "{line}");
}

#[test]
fn code_and_export_write_the_same_event_csv() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        &dir,
        "in.jsonl",
        "{\"id\": \"d1\", \"date\": \"2025-06-03\", \"title\": \"Talks\", \"text\": \"Russia accused Ukraine of shelling the plant on Monday. President Emmanuel Macron met German Chancellor Friedrich Merz in Paris. Ukraine criticized Russia.\"}\n".as_bytes(),
    );
    let coded = dir.path().join("coded.jsonl").display().to_string();
    let csv_code = dir.path().join("code.csv").display().to_string();
    let csv_export = dir.path().join("export.csv").display().to_string();
    let db = dir.path().join("c.sqlite").display().to_string();
    for args in [
        vec!["code", &input, "-q", "-o", &coded],
        vec!["code", &input, "-q", "--format", "csv", "-o", &csv_code],
        vec!["ingest", "--from-jsonl", &coded, "--db", &db, "-q"],
        vec!["export", "--db", &db, "--format", "csv", "-o", &csv_export],
    ] {
        let out = dyad(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let a = std::fs::read_to_string(&csv_code).unwrap();
    let b = std::fs::read_to_string(&csv_export).unwrap();
    assert!(a.lines().count() > 2, "several events: {a}");
    assert_eq!(a, b);
}

#[test]
fn event_dates_keep_week_and_weekend_values_whole() {
    let out = dyad_stdin(
        &["code", "-", "-q"],
        "{\"id\": \"w\", \"date\": \"2025-05-20\", \"text\": \"Russian forces attacked Ukrainian positions over the weekend. Russia accused Ukraine of shelling the plant on Saturday morning.\"}\n".as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).trim()).unwrap();
    let dates: Vec<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["date"].as_str())
        .collect();
    // `2025-W20-WE` was cut to the invalid `2025-W20-W`; a time of day (`2025-05-17TMO`) is cut
    // to its day.
    assert!(dates.contains(&"2025-W20-WE"), "{dates:?}");
    assert!(dates.contains(&"2025-05-17"), "{dates:?}");
    assert!(dates.iter().all(|d| !d.ends_with("-W")), "{dates:?}");
}

#[test]
fn binary_has_no_unit_tests_to_skip() {
    // Cargo.toml sets `test = false` on the binary (one compile less in `cargo test`); unit tests
    // added to src/ would silently never run.
    for entry in std::fs::read_dir(root().join("crates/dyad-cli/src")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("#[cfg(test)]") && !text.contains("#[test]"),
            "{}: unit tests in the dyad binary never run; set `test = true` on [[bin]] in crates/dyad-cli/Cargo.toml",
            path.display()
        );
    }
}

/// The actor code of the first entity whose text is `text` in a one-document JSONL output.
fn entity_code(stdout: &[u8], text: &str) -> Option<String> {
    let doc: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(stdout).lines().next()?).ok()?;
    doc["entities"]
        .as_array()?
        .iter()
        .find(|e| e["text"] == text)
        .and_then(|e| e["actor"]["code"].as_str().map(String::from))
}

#[test]
fn user_dictionaries_add_people_and_report_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(
        &dir,
        "tekel.txt",
        "Zorvan Tekel said on Monday that the talks would resume.\n".as_bytes(),
    );
    let people = write(
        &dir,
        "people.txt",
        b"# a made-up person\nZorvan Tekel | Tekel | m | KEN | GOV | interior minister | 2020-01-01 | 2023-12-31\n",
    );
    let agents = write(
        &dir,
        "my-agents.txt",
        b"GOV | interior minister | interior minister; minister of the interior\n",
    );
    let code = |date: &str, extra: &[&str]| {
        let mut args = vec!["code", article.as_str(), "--date", date, "-q"];
        args.extend_from_slice(extra);
        let out = dyad(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        entity_code(&out.stdout, "Zorvan Tekel")
    };
    let with = ["--actors", people.as_str(), "--agents", agents.as_str()];
    assert_eq!(code("2021-05-03", &with).as_deref(), Some("KENGOV"));
    assert_eq!(
        code("2025-05-03", &with).as_deref(),
        Some("KENELI"),
        "after the role ended"
    );
    assert_eq!(code("2021-05-03", &[]), None, "unknown without the file");

    // The same person from a PETRARCH/TABARI dictionary directory.
    let petr = dir.path().join("petr");
    std::fs::create_dir(&petr).unwrap();
    std::fs::write(
        petr.join("mine.actors.txt"),
        "ZORVAN_TEKEL\n\t[KENGOV 20200101-20231231]\n\t[KENELI]\n",
    )
    .unwrap();
    std::fs::write(petr.join("agents.txt"), "BORDER_WARDEN [~COP]\n").unwrap();
    let petr = petr.display().to_string();
    assert_eq!(
        code("2021-05-03", &["--petrarch-dicts", petr.as_str()]).as_deref(),
        Some("KENGOV")
    );

    // A bad line names its file and line, and stops the run.
    let bad = write(
        &dir,
        "bad-people.txt",
        b"Zorvan Tekel | | m | KEN | GOV | - | 2020-01-01 |\nAna Vell | | f | KEN | GOV | - | 2020-13-01 |\n",
    );
    let out = dyad(&["code", article.as_str(), "-q", "--actors", bad.as_str()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(&format!("{bad}:2: bad start date `2020-13-01`")),
        "{}",
        stderr(&out)
    );
}

/// `dyad ingest --no-dedup`, then `dyad dedup`, then `dyad export --events canonical|mentions`
/// on the store's dedup fixture (six invented articles, eleven mentions).
#[test]
fn dedup_later_and_export_canonical_or_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = root()
        .join("crates/dyad-store/tests/fixtures/dedup.jsonl")
        .display()
        .to_string();
    let db = dir.path().join("c.sqlite").display().to_string();
    let out = dyad(&[
        "ingest",
        "--from-jsonl",
        &fixture,
        "--db",
        &db,
        "-q",
        "--no-dedup",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not deduplicated"),
        "{}",
        stderr(&out)
    );
    let rows = |mode: &str| {
        let out = dyad(&["export", "--db", &db, "--format", "jsonl", "--events", mode]);
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap().lines().count()
    };
    // Before dedup every mention is its own event.
    assert_eq!((rows("canonical"), rows("mentions")), (11, 11));
    let out = dyad(&["dedup", "--db", &db]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("(1 copies)"), "{}", stderr(&out));
    // Monday's call 3 → 1, Thursday's 2 → 1, Monday's shelling 2 → 1: 11 − 4 = 7.
    assert_eq!((rows("canonical"), rows("mentions")), (7, 11));
    // A second pass has nothing left to do.
    let out = dyad(&["dedup", "--db", &db]);
    assert!(
        stderr(&out).contains("0 documents signed"),
        "{}",
        stderr(&out)
    );
}
