//! End-to-end tests of the `dyad` binary on hand-written inputs.

use std::path::PathBuf;
use std::process::{Command, Output};

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
        csv.starts_with("date,source_name,source_text,source_code,source_country,cameo,"),
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
