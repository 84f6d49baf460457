//! Reader tests on small hand-written inputs.

use super::*;
use std::io::Cursor;

fn read_bytes(name: &str, bytes: &[u8], opts: &ReadOptions) -> Vec<Result<Doc, ReadError>> {
    let reader: Box<dyn BufRead + Send> = Box::new(Cursor::new(bytes.to_vec()));
    open_reader(name, Some(Path::new(name)), reader, opts).collect()
}

#[test]
fn txt_is_one_document_named_by_its_stem() {
    let opts = ReadOptions {
        default_date: NaiveDate::from_ymd_opt(2025, 5, 20),
        ..Default::default()
    };
    let docs = read_bytes("dir/talks.txt", "Envoys met in Geneva.\n".as_bytes(), &opts);
    let d = docs[0].as_ref().unwrap();
    assert_eq!(d.id, "talks");
    assert_eq!(d.text, "Envoys met in Geneva.\n");
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 5, 20));
}

#[test]
fn txt_invalid_utf8_and_empty_are_rejected_with_location() {
    // Not UTF-8 but text: decoded as Windows-1252 and marked so.
    let docs = read_bytes(
        "cp.txt",
        b"fine line\nbroken \xff here \x93quoted\x94",
        &ReadOptions::default(),
    );
    let d = docs[0].as_ref().unwrap();
    assert_eq!(d.text, "fine line\nbroken ÿ here “quoted”");
    assert_eq!(d.meta["encoding"], "windows-1252");
    // Binary data (a NUL byte) stays rejected, with the line of the first bad byte.
    let docs = read_bytes(
        "bad.txt",
        b"fine line\nbroken \xff\x00 here",
        &ReadOptions::default(),
    );
    let e = docs[0].as_ref().unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("bad.txt", Some(2)));
    assert!(e.message.contains("invalid UTF-8"), "{e}");
    let docs = read_bytes("empty.txt", b"  \n\n", &ReadOptions::default());
    assert_eq!(docs[0].as_ref().unwrap_err().message, "empty document");
}

#[test]
fn oversized_document_is_rejected() {
    let opts = ReadOptions {
        max_doc_bytes: 10,
        ..Default::default()
    };
    let docs = read_bytes("big.txt", "x".repeat(50).as_bytes(), &opts);
    assert!(docs[0]
        .as_ref()
        .unwrap_err()
        .message
        .contains("larger than 10 bytes"));
}

#[test]
fn jsonl_reads_fields_and_reports_bad_lines() {
    let input = concat!(
        r#"{"id": "a1", "text": "Talks resumed.", "date": "2025-05-20", "title": "T", "lang": "en"}"#,
        "\n\n",
        "{not json}\n",
        r#"{"id": "a3", "body": "No text key but a body."}"#,
        "\n",
        r#"{"id": "a4", "title": "only a title"}"#,
        "\n",
        r#"{"text": ""}"#,
        "\n",
        r#"{"text": "Late.", "date": "someday"}"#,
        "\n",
    );
    let docs = read_bytes("in.jsonl", input.as_bytes(), &ReadOptions::default());
    assert_eq!(docs.len(), 6, "the blank line is not a record");
    let d = docs[0].as_ref().unwrap();
    assert_eq!((d.id.as_str(), d.title.as_deref()), ("a1", Some("T")));
    assert_eq!(d.meta.get("lang").and_then(|v| v.as_str()), Some("en"));
    let e = docs[1].as_ref().unwrap_err();
    assert_eq!(e.line, Some(3));
    assert!(e.message.starts_with("invalid JSON"), "{e}");
    assert_eq!(docs[2].as_ref().unwrap().text, "No text key but a body.");
    let e = docs[3].as_ref().unwrap_err();
    assert_eq!(
        (e.id.as_deref(), e.message.as_str()),
        (Some("a4"), "no text field")
    );
    assert_eq!(docs[4].as_ref().unwrap_err().message, "empty document");
    assert!(docs[5]
        .as_ref()
        .unwrap_err()
        .message
        .contains("unrecognised date"));
}

#[test]
fn jsonl_long_line_is_rejected_and_reading_continues() {
    let opts = ReadOptions {
        max_doc_bytes: 100,
        ..Default::default()
    };
    let mut input = format!("{{\"text\": \"{}\"}}\n", "y".repeat(5000));
    input.push_str("{\"text\": \"short\"}\n");
    let docs = read_bytes("long.jsonl", input.as_bytes(), &opts);
    assert!(docs[0]
        .as_ref()
        .unwrap_err()
        .message
        .contains("exceeds the document size limit"));
    let d = docs[1].as_ref().unwrap();
    assert_eq!((d.id.as_str(), d.text.as_str()), ("long:2", "short"));
}

#[test]
fn jsonl_invalid_utf8_line() {
    let docs = read_bytes(
        "u.jsonl",
        b"{\"text\": \"ok\"}\n{\"text\": \"\xc3\x28\"}\n",
        &ReadOptions::default(),
    );
    assert!(docs[0].is_ok());
    let e = docs[1].as_ref().unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("invalid UTF-8"));
}

#[test]
fn csv_with_newsarticles_style_columns() {
    let input = "article_id,publish_date,article_source_link,title,subtitle,text\n\
                 7,2017/2/7,http://example.org/a,Envoys Meet,,\"The envoys met, and \"\"talked\"\".\"\n\
                 8,2017/2/8,http://example.org/b,Short\n\
                 9,2017/2/9,,Headline Only,,\n\
                 10,2017/2/9,,,,\n";
    let docs = read_bytes("news.csv", input.as_bytes(), &ReadOptions::default());
    assert_eq!(docs.len(), 4);
    let d = docs[0].as_ref().unwrap();
    assert_eq!(d.id, "7");
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2017, 2, 7));
    assert_eq!(d.text, "Envoys Meet\n\nThe envoys met, and \"talked\".");
    assert_eq!(d.url.as_deref(), Some("http://example.org/a"));
    let e = docs[1].as_ref().unwrap_err();
    assert_eq!((e.line, e.id.as_deref()), (Some(3), Some("8")));
    assert!(e.message.contains("text column is missing"), "{e}");
    assert_eq!(docs[2].as_ref().unwrap().text, "Headline Only");
    assert_eq!(docs[3].as_ref().unwrap_err().message, "empty document");
}

#[test]
fn csv_named_columns_and_missing_column_error() {
    let input = "doc,when,story\nx1,2025-05-20,Talks went on.\n";
    let opts = ReadOptions {
        text_col: Some("story".into()),
        id_col: Some("doc".into()),
        date_col: Some("when".into()),
        ..Default::default()
    };
    let docs = read_bytes("n.csv", input.as_bytes(), &opts);
    assert_eq!(docs[0].as_ref().unwrap().id, "x1");
    let opts = ReadOptions {
        text_col: Some("nope".into()),
        ..Default::default()
    };
    let docs = read_bytes("n.csv", input.as_bytes(), &opts);
    assert!(docs[0]
        .as_ref()
        .unwrap_err()
        .message
        .contains("no column `nope`"));
}

#[test]
fn html_main_text_is_extracted() {
    let page = "<html><head><title>Summit ends</title><meta property=\"article:published_time\" content=\"2025-05-20T08:00:00Z\"></head>\
        <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Summit ends</h1>\
        <p>The two delegations ended their summit in Geneva on Tuesday after three days of talks about a ceasefire along the front line.</p>\
        <p>Both sides said they would meet again next month, and the mediators welcomed the progress made so far in the negotiations.</p>\
        <p>Observers cautioned that many questions remained open, including the exchange of prisoners and the return of displaced families.</p>\
        </article><footer>Copyright</footer></body></html>";
    let docs = read_bytes("page.html", page.as_bytes(), &ReadOptions::default());
    let d = docs[0].as_ref().unwrap();
    assert!(
        d.text.contains("ended their summit in Geneva"),
        "{}",
        d.text
    );
    assert!(!d.text.contains("Copyright"));
    assert_eq!(d.title.as_deref(), Some("Summit ends"));
}

#[test]
fn sgml_records_with_latin1() {
    let input = b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\" NEWID=\"5\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT><TITLE>COCOA TALKS &lt;END&gt;</TITLE>\n<BODY>Caf\xe9 growers met &amp; agreed.\n</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"6\"><TEXT>no body</TEXT></REUTERS>\n<REUTERS NEWID=\"7\"><TEXT TYPE=\"UNPROC\">\nRAW TABLE 1 vs 2\n</TEXT></REUTERS>\n";
    let docs = read_bytes("reut2-000.sgm", input, &ReadOptions::default());
    let d = docs[0].as_ref().unwrap();
    assert_eq!(d.id, "reuters-5");
    assert_eq!(d.text, "COCOA TALKS <END>\n\nCafé growers met & agreed.");
    assert_eq!(d.date, NaiveDate::from_ymd_opt(1987, 2, 26));
    assert!(docs[1].is_err());
    assert_eq!(docs[2].as_ref().unwrap().text, "\nRAW TABLE 1 vs 2");
}

#[test]
fn stdin_format_is_sniffed() {
    let stdin = |bytes: &[u8]| -> Vec<Result<Doc, ReadError>> {
        let reader: Box<dyn BufRead + Send> = Box::new(Cursor::new(bytes.to_vec()));
        open_reader("<stdin>", None, reader, &ReadOptions::default()).collect()
    };
    assert_eq!(
        stdin(b"{\"text\": \"hi there\"}\n")[0]
            .as_ref()
            .unwrap()
            .text,
        "hi there"
    );
    let csv = stdin(b"\xef\xbb\xbf\"id\",\"text\"\r\na,Hi there.\r\nb,Bye.\r\n");
    let ids: Vec<&str> = csv
        .iter()
        .map(|d| d.as_ref().unwrap().id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    let tsv = stdin(b"id\tbody\na\tHi, there.\n");
    assert_eq!(tsv[0].as_ref().unwrap().text, "Hi, there.");
    // Prose whose first line merely starts with a column name stays one text document.
    let prose = stdin(b"Text, by a reporter\nTalks resumed.\n");
    assert_eq!(prose.len(), 1);
    assert!(prose[0].as_ref().unwrap().text.starts_with("Text, by"));
}

#[test]
fn missing_file_is_one_error() {
    let docs: Vec<_> = open("/nonexistent/x.txt", &ReadOptions::default()).collect();
    assert_eq!(docs.len(), 1);
    assert!(docs[0]
        .as_ref()
        .unwrap_err()
        .message
        .starts_with("cannot open"));
}

/// Found by the read_jsonl fuzz target: an empty `id` made a document with an empty id; it now
/// takes the default id (`stem:line`), as in CSV.
#[test]
fn jsonl_empty_id_takes_the_default() {
    let input = b"{\"article\":\"The attack.\",\"docid\":\"\"}\n";
    let docs = read_bytes("in.jsonl", input, &ReadOptions::default());
    assert_eq!(docs[0].as_ref().unwrap().id, "in:1");
}

/// Found by the read_csv fuzz target: a date column holding `3347-00-2022200…` (a run of digits
/// too long for a number) panicked in the date parser; the row is now rejected for its date.
#[test]
fn csv_overlong_numeric_date_is_rejected_not_a_panic() {
    let input = b"id,text,date\n2oR talk.\",,3347-00-20222000000000000000000000000705955446\n,ro\n";
    let docs = read_bytes("in.csv", input, &ReadOptions::default());
    let e = docs[0].as_ref().unwrap_err();
    assert!(e.message.contains("unrecognised date"), "{e}");
    assert_eq!(docs.len(), 2);
}
