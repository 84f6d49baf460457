//! JSON Lines: one `{"id", "text", "date", "title", "url", "source", ...}` object per line.
//! Only `text` (or the `--text-col` field) is required; unknown fields go to `Doc::meta`.

use super::{
    check_doc, parse_date, ReadError, ReadOptions, DATE_COLS, ID_COLS, TEXT_COLS, TITLE_COLS,
};
use dyad_doc::Doc;
use serde_json::{Map, Value};
use std::io::BufRead;

/// Streams documents from a JSON Lines reader, one line at a time, with bounded memory.
pub(crate) struct JsonlReader {
    name: String,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    opts: ReadOptions,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlReader {
    pub(crate) fn new(
        name: &str,
        stem: &str,
        reader: Box<dyn BufRead + Send>,
        opts: ReadOptions,
    ) -> JsonlReader {
        JsonlReader {
            name: name.into(),
            stem: stem.into(),
            reader,
            opts,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Read the next line into `buf`, keeping at most `max` bytes; returns (bytes seen, truncated).
    fn next_line(&mut self, max: usize) -> std::io::Result<Option<(usize, bool)>> {
        self.buf.clear();
        let mut seen = 0usize;
        let mut truncated = false;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok(if seen == 0 {
                    None
                } else {
                    Some((seen, truncated))
                });
            }
            let (take, found) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if self.buf.len() + take <= max + 1 {
                self.buf.extend_from_slice(&chunk[..take]);
            } else {
                truncated = true;
            }
            seen += take;
            self.reader.consume(take);
            if found {
                return Ok(Some((seen, truncated)));
            }
        }
    }
}

fn pick<'a>(
    obj: &'a Map<String, Value>,
    chosen: &Option<String>,
    defaults: &[&str],
) -> Option<(&'a str, &'a Value)> {
    match chosen {
        Some(c) => obj.get_key_value(c.as_str()).map(|(k, v)| (k.as_str(), v)),
        None => defaults
            .iter()
            .find_map(|d| obj.get_key_value(*d).map(|(k, v)| (k.as_str(), v))),
    }
}

fn as_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Doc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let max = self.opts.max_doc_bytes;
            let (seen, truncated) = match self.next_line(max) {
                Ok(Some(x)) => x,
                Ok(None) => return None,
                Err(e) => {
                    self.done = true;
                    return Some(Err(ReadError::new(
                        &self.name,
                        Some(self.line + 1),
                        None,
                        format!("read error: {e}"),
                    )));
                }
            };
            self.line += 1;
            let err =
                |msg: String| Some(Err(ReadError::new(&self.name, Some(self.line), None, msg)));
            if truncated {
                return err(format!("line of {seen} bytes exceeds the document size limit of {max} bytes (raise --max-doc-bytes)"));
            }
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue; // blank lines are not records
            }
            let text = match std::str::from_utf8(&self.buf) {
                Ok(t) => t,
                Err(e) => {
                    return err(format!(
                        "invalid UTF-8 at byte {} of the line",
                        e.valid_up_to()
                    ))
                }
            };
            let value: Value = match serde_json::from_str(text) {
                Ok(v) => v,
                Err(e) => return err(format!("invalid JSON: {e}")),
            };
            let Value::Object(obj) = value else {
                return err("expected a JSON object".into());
            };
            let stem = &self.stem;
            let line = self.line;
            return Some(from_object(obj, &self.opts, &self.name, Some(line), || {
                format!("{stem}:{line}")
            }));
        }
    }
}

/// One JSON object (a JSON Lines record, or a record handed over by a binding) as a document.
///
/// Fields are found as in JSON Lines files: `text` (or `opts.text_col`, else `body`, `content`,
/// …), `id`, `date`, `title`, `url`, `source`; the other fields go to `Doc::meta`. A record
/// without an id takes `default_id()`. Errors name `name` and `line` as given, and the id when
/// known; the messages are those `dyad code` reports.
pub fn from_object(
    mut obj: Map<String, Value>,
    opts: &ReadOptions,
    name: &str,
    line: Option<u64>,
    default_id: impl FnOnce() -> String,
) -> Result<Doc, ReadError> {
    // An empty id is no id (as in CSV): documents must stay distinguishable in the output and
    // the store.
    let id = pick(&obj, &opts.id_col, ID_COLS)
        .and_then(|(_, v)| as_string(v))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(default_id);
    let Some((text_key, text_val)) = pick(&obj, &opts.text_col, TEXT_COLS) else {
        return Err(ReadError::new(name, line, Some(id), "no text field"));
    };
    let Some(text) = text_val.as_str().map(str::to_string) else {
        return Err(ReadError::new(
            name,
            line,
            Some(id),
            format!("field `{text_key}` is not a string"),
        ));
    };
    let text_key = text_key.to_string();
    let mut doc = Doc::new(id, text);
    let date_field =
        pick(&obj, &opts.date_col, DATE_COLS).map(|(k, v)| (k.to_string(), as_string(v)));
    doc.date = opts.default_date;
    if let Some((key, Some(raw))) = &date_field {
        match parse_date(raw) {
            Some(d) => doc.date = Some(d),
            None => {
                return Err(ReadError::new(
                    name,
                    line,
                    Some(doc.id),
                    format!("field `{key}`: unrecognised date `{raw}`"),
                ))
            }
        }
    }
    let title_key = pick(&obj, &opts.title_col, TITLE_COLS).map(|(k, _)| k.to_string());
    doc.title = title_key
        .as_ref()
        .and_then(|k| obj.get(k))
        .and_then(as_string);
    doc.url = obj.get("url").and_then(as_string);
    doc.source = obj.get("source").and_then(as_string);
    let id_key = pick(&obj, &opts.id_col, ID_COLS).map(|(k, _)| k.to_string());
    for k in [
        Some(text_key),
        id_key,
        title_key,
        date_field.map(|(k, _)| k),
        Some("url".into()),
        Some("source".into()),
    ]
    .into_iter()
    .flatten()
    {
        obj.remove(&k);
    }
    doc.meta = obj;
    check_doc(doc, name, line)
}
