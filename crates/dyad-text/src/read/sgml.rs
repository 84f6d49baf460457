//! Reuters-21578 SGML: `<REUTERS NEWID="…">` records with `<DATE>`, `<TITLE>` and `<BODY>`,
//! in latin-1. Not XML (unescaped `<` and bare `&`), so it is read with a small scanner.

use super::{check_doc, ReadError, ReadOptions, Records};
use dyad_doc::Doc;
use std::io::{BufRead, Read};

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("&#3;", "")
        .replace('\u{3}', "")
}

fn reuters_date(s: &str) -> Option<chrono::NaiveDate> {
    // "26-FEB-1987 15:01:01.79"
    let d = s.trim().split(' ').next()?;
    chrono::NaiveDate::parse_from_str(&d.to_ascii_lowercase(), "%d-%b-%Y").ok()
}

pub(crate) fn records(
    name: &str,
    stem: &str,
    mut reader: Box<dyn BufRead + Send>,
    opts: ReadOptions,
) -> Records {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return Box::new(std::iter::once(Err(ReadError::new(
            name,
            None,
            None,
            format!("cannot read: {e}"),
        ))));
    }
    // latin-1: every byte is the code point of the same value.
    let text: String = bytes.iter().map(|&b| b as char).collect();
    let mut out = Vec::new();
    let mut line = 1u64;
    let mut pos = 0;
    while let Some(start) = text[pos..].find("<REUTERS") {
        let start = pos + start;
        line += text[pos..start].bytes().filter(|&b| b == b'\n').count() as u64;
        let Some(end_rel) = text[start..].find("</REUTERS>") else {
            break;
        };
        let end = start + end_rel + "</REUTERS>".len();
        let rec = &text[start..end];
        let id = between(rec, "NEWID=\"", "\"")
            .map(|s| format!("reuters-{s}"))
            .unwrap_or_else(|| format!("{stem}:{line}"));
        let title = between(rec, "<TITLE>", "</TITLE>").map(|t| unescape(t.trim()));
        // Some records are headline-only: their title is their text.
        // Unprocessed records (`<TEXT TYPE="UNPROC">`) hold their text directly in <TEXT>.
        let body = between(rec, "<BODY>", "</BODY>")
            .or_else(|| between(rec, "TYPE=\"UNPROC\">", "</TEXT>"))
            .map(|b| unescape(b.trim_end()));
        match (&body, &title) {
            (Some(_), _) | (None, Some(_)) => {
                let body = body.clone().unwrap_or_default();
                let text = match &title {
                    Some(t) if !body.trim().is_empty() => format!("{t}\n\n{body}"),
                    Some(t) => t.clone(),
                    None => body,
                };
                let mut doc = Doc::new(id, text);
                doc.title = title;
                doc.date = between(rec, "<DATE>", "</DATE>")
                    .and_then(reuters_date)
                    .or(opts.default_date);
                out.push(check_doc(doc, name, Some(line)));
            }
            (None, None) => out.push(Err(ReadError::new(
                name,
                Some(line),
                Some(id),
                "record has neither <TITLE> nor <BODY>",
            ))),
        }
        line += rec.bytes().filter(|&b| b == b'\n').count() as u64;
        pos = end;
    }
    Box::new(out.into_iter())
}
