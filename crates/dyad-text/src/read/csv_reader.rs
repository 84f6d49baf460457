//! CSV: a header row, one document per row. Columns are found by `--text-col` etc. or by common
//! names (`text`, `article_id`, `publish_date`, `title`, …). When a title column exists the
//! analysed text is `title + "\n\n" + text`, so the headline is its own paragraph; a row with a
//! title and an empty text is analysed as its headline alone. A `.tsv` file is
//! read tab-separated.
//!
//! A row whose field count differs from the header's while one of its quoted fields runs over
//! several lines is rejected: an unmatched quote (`"`) has joined the following rows into it, and
//! the message names the lines it swallowed. Line numbers are right with CRLF line ends too.

use super::{
    check_doc, parse_date, ReadError, ReadOptions, Records, DATE_COLS, ID_COLS, TEXT_COLS,
    TITLE_COLS,
};
use dyad_doc::Doc;
use std::io::BufRead;

fn find_col(
    headers: &csv::StringRecord,
    chosen: &Option<String>,
    defaults: &[&str],
) -> Result<Option<usize>, String> {
    let lower: Vec<String> = headers
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    match chosen {
        Some(c) => lower
            .iter()
            .position(|h| *h == c.to_ascii_lowercase())
            .map(Some)
            .ok_or_else(|| {
                format!(
                    "no column `{c}` in the header ({})",
                    headers.iter().collect::<Vec<_>>().join(", ")
                )
            }),
        None => Ok(defaults
            .iter()
            .find_map(|d| lower.iter().position(|h| h == d))),
    }
}

pub(crate) fn records(
    name: &str,
    stem: &str,
    mut reader: Box<dyn BufRead + Send>,
    delimiter: u8,
    opts: ReadOptions,
) -> Records {
    // The csv crate ends a CRLF record at its `\r` and counts the `\n` as the next record's, so
    // its line numbers are one short on CRLF files.
    let crlf = reader.fill_buf().is_ok_and(|b| {
        b.iter()
            .position(|&c| c == b'\n')
            .is_some_and(|i| i > 0 && b[i - 1] == b'\r')
    });
    let line_of = move |p: Option<&csv::Position>| p.map(|p| p.line() + u64::from(crlf));
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(reader);
    let fail = |msg: String| -> Records {
        Box::new(std::iter::once(Err(ReadError::new(
            name,
            Some(1),
            None,
            msg,
        ))))
    };
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => return fail(format!("cannot read CSV header: {e}")),
    };
    let text_col = match find_col(&headers, &opts.text_col, TEXT_COLS) {
        Ok(Some(c)) => c,
        Ok(None) => return fail("no text column in the header (name one with --text-col)".into()),
        Err(e) => return fail(e),
    };
    let cols = (
        find_col(&headers, &opts.id_col, ID_COLS),
        find_col(&headers, &opts.date_col, DATE_COLS),
        find_col(&headers, &opts.title_col, TITLE_COLS),
    );
    let (id_col, date_col, title_col) = match cols {
        (Ok(a), Ok(b), Ok(c)) => (a, b, c),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return fail(e),
    };
    let date_name = date_col.map(|c| headers[c].to_string());
    let meta_cols: Vec<(usize, String)> = headers
        .iter()
        .enumerate()
        .filter(|(i, _)| ![Some(text_col), id_col, date_col, title_col].contains(&Some(*i)))
        .map(|(i, h)| (i, h.to_string()))
        .collect();
    let name = name.to_string();
    let stem = stem.to_string();
    let max = opts.max_doc_bytes;
    let mut row = 0u64;
    let n_cols = headers.len();
    Box::new(rdr.into_records().map(move |rec| {
        row += 1;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = line_of(e.position());
                let msg = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "invalid UTF-8 in row".to_string(),
                    _ => format!("malformed CSV row: {e}"),
                };
                return Err(ReadError::new(&name, line, None, msg));
            }
        };
        let line = line_of(rec.position());
        let inner_lines: u64 = rec
            .iter()
            .map(|f| f.trim_end_matches(['\r', '\n']).matches('\n').count() as u64)
            .sum();
        if rec.len() != n_cols && inner_lines > 0 {
            let from = line.unwrap_or(0);
            return Err(ReadError::new(
                &name,
                line,
                None,
                format!(
                    "row has {} fields but the header {n_cols}, and a quoted field runs over lines {from}-{}: an unmatched quote (\") has probably joined the following rows into this one",
                    rec.len(),
                    from + inner_lines
                ),
            ));
        }
        let id = id_col
            .and_then(|c| rec.get(c))
            .map(str::to_string)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("{stem}:{row}"));
        let Some(body) = rec.get(text_col) else {
            return Err(ReadError::new(
                &name,
                line,
                Some(id),
                format!("row has {} fields; the text column is missing", rec.len()),
            ));
        };
        if body.len() > max {
            return Err(ReadError::new(
                &name,
                line,
                Some(id),
                format!("document larger than {max} bytes (raise --max-doc-bytes)"),
            ));
        }
        let title = title_col
            .and_then(|c| rec.get(c))
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let text = match title {
            Some(t) if !body.trim().is_empty() => format!("{t}\n\n{body}"),
            Some(t) => t.to_string(),
            None => body.to_string(),
        };
        let mut doc = Doc::new(id, text);
        doc.title = title.map(str::to_string);
        doc.date = opts.default_date;
        if let Some(raw) = date_col
            .and_then(|c| rec.get(c))
            .filter(|s| !s.trim().is_empty())
        {
            match parse_date(raw) {
                Some(d) => doc.date = Some(d),
                None => {
                    let col = date_name.as_deref().unwrap_or("date");
                    return Err(ReadError::new(
                        &name,
                        line,
                        Some(doc.id),
                        format!("column `{col}`: unrecognised date `{raw}`"),
                    ));
                }
            }
        }
        for (i, h) in &meta_cols {
            if let Some(v) = rec.get(*i).filter(|v| !v.is_empty()) {
                match h.as_str() {
                    "url" | "article_source_link" | "link" => doc.url = Some(v.to_string()),
                    "source" => doc.source = Some(v.to_string()),
                    _ => {
                        doc.meta
                            .insert(h.clone(), serde_json::Value::String(v.to_string()));
                    }
                }
            }
        }
        // A row with a title but no body is analysed as its headline (check_doc rejects rows
        // with neither).
        check_doc(doc, &name, line)
    }))
}
