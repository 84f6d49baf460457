//! Input readers: files (or stdin) in, [`Doc`]s out, one record at a time.
//!
//! Every reader yields `Result<Doc, ReadError>` per record so that one malformed record (invalid
//! UTF-8, a broken JSON line, a CSV row without text, an empty or oversized document) is reported
//! with its file and line and the run goes on. Readers stream: memory stays bounded by the largest
//! single record, not the input size.

mod csv_reader;
mod date;
mod html;
mod jsonl;
mod sgml;

pub use date::parse_date;
pub use jsonl::from_object;

use chrono::NaiveDate;
use dyad_doc::Doc;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One document per file.
    Txt,
    /// One JSON object per line.
    Jsonl,
    /// A header row, one document per row.
    Csv,
    /// One web page per file; main text extracted.
    Html,
    /// Reuters-21578-style SGML (`<REUTERS>` records, latin-1).
    Sgml,
}

impl Format {
    /// Parse a format name (`txt`, `jsonl`, `csv`, `html`, `sgml`).
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "txt" | "text" => Format::Txt,
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "csv" | "tsv" => Format::Csv,
            "html" | "htm" => Format::Html,
            "sgml" | "sgm" => Format::Sgml,
            _ => return None,
        })
    }

    /// Guess the format from a file extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        Format::from_name(path.extension()?.to_str()?)
    }
}

/// Options shared by all readers.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Force a format instead of guessing from the extension.
    pub format: Option<Format>,
    /// CSV/JSON column with the text (default: `text`, `body`, `content`, `article`).
    pub text_col: Option<String>,
    /// CSV/JSON column with the id (default: `id`, `article_id`, `doc_id`).
    pub id_col: Option<String>,
    /// CSV/JSON column with the date (default: `date`, `publish_date`, `published`, `pubdate`).
    pub date_col: Option<String>,
    /// CSV/JSON column with the title (default: `title`, `headline`).
    pub title_col: Option<String>,
    /// Publication date for documents that carry none.
    pub default_date: Option<NaiveDate>,
    /// Documents larger than this many bytes are rejected (default 10 MB).
    pub max_doc_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            text_col: None,
            id_col: None,
            date_col: None,
            title_col: None,
            default_date: None,
            max_doc_bytes: 10 * 1024 * 1024,
        }
    }
}

/// A record that could not be read, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    /// File name (or `<stdin>`).
    pub file: String,
    /// 1-based line of the record, when the format has lines.
    pub line: Option<u64>,
    /// Document id, when known.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl ReadError {
    fn new(
        file: &str,
        line: Option<u64>,
        id: Option<String>,
        message: impl Into<String>,
    ) -> ReadError {
        ReadError {
            file: file.to_string(),
            line,
            id,
            message: message.into(),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " [id {id}]")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ReadError {}

/// A stream of records from one input.
pub type Records = Box<dyn Iterator<Item = Result<Doc, ReadError>> + Send>;

/// Open `input` (a path, or `-` for stdin) and stream its documents.
///
/// Errors opening the input itself are returned as one `Err` record, so callers count it.
pub fn open(input: &str, opts: &ReadOptions) -> Records {
    let (name, reader, path): (String, Box<dyn BufRead + Send>, Option<PathBuf>) = if input == "-" {
        (
            "<stdin>".into(),
            Box::new(BufReader::new(std::io::stdin())),
            None,
        )
    } else {
        match std::fs::File::open(input) {
            Ok(f) => (
                input.to_string(),
                Box::new(BufReader::with_capacity(1 << 16, f)),
                Some(PathBuf::from(input)),
            ),
            Err(e) => {
                return one_error(ReadError::new(
                    input,
                    None,
                    None,
                    format!("cannot open: {e}"),
                ))
            }
        }
    };
    open_reader(&name, path.as_deref(), reader, opts)
}

/// Stream documents from an already opened reader; `name` is used in errors and ids.
pub fn open_reader(
    name: &str,
    path: Option<&Path>,
    mut reader: Box<dyn BufRead + Send>,
    opts: &ReadOptions,
) -> Records {
    let mut delimiter = if name.ends_with(".tsv") { b'\t' } else { b',' };
    let format = match opts.format.or_else(|| path.and_then(Format::from_path)) {
        Some(f) => f,
        None => match sniff(&mut reader, opts) {
            Ok(Sniffed::Csv(d)) => {
                delimiter = d;
                Format::Csv
            }
            Ok(Sniffed::Other(f)) => f,
            Err(e) => {
                return one_error(ReadError::new(
                    name,
                    None,
                    None,
                    format!("cannot read: {e}"),
                ))
            }
        },
    };
    let stem = path
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".to_string());
    match format {
        Format::Txt => whole_file(name, &stem, reader, opts, |text, _| Ok((text, None))),
        Format::Html => whole_file(name, &stem, reader, opts, html::extract),
        Format::Jsonl => Box::new(jsonl::JsonlReader::new(name, &stem, reader, opts.clone())),
        Format::Csv => csv_reader::records(name, &stem, reader, delimiter, opts.clone()),
        Format::Sgml => sgml::records(name, &stem, reader, opts.clone()),
    }
}

fn one_error(e: ReadError) -> Records {
    Box::new(std::iter::once(Err(e)))
}

/// What [`sniff`] found.
enum Sniffed {
    /// CSV with this delimiter (`,` or tab).
    Csv(u8),
    /// Any other format.
    Other(Format),
}

/// Guess the format of an input without a name (stdin): JSON Lines when the first non-blank byte
/// is `{`, HTML when it is `<`, CSV (or TSV) when the first line is a header naming a text column
/// (`--text-col`, or one of `text`, `body`, `content`, …), else plain text.
fn sniff(reader: &mut Box<dyn BufRead + Send>, opts: &ReadOptions) -> std::io::Result<Sniffed> {
    let buf = reader.fill_buf()?;
    let first = buf.iter().find(|b| !b.is_ascii_whitespace());
    Ok(match first {
        Some(b'{') => Sniffed::Other(Format::Jsonl),
        Some(b'<') => Sniffed::Other(Format::Html),
        _ => match csv_header_delimiter(buf, opts) {
            Some(d) => Sniffed::Csv(d),
            None => Sniffed::Other(Format::Txt),
        },
    })
}

/// The delimiter (`,` or tab) when the first line of `buf` is a CSV header: at least two names,
/// each a single word of at most 64 characters, one of them a text column (`--text-col`, or one of
/// `text`, `body`, `content`, …). A first line of prose ("Text, by a reporter") is not a header.
fn csv_header_delimiter(buf: &[u8], opts: &ReadOptions) -> Option<u8> {
    let end = buf.iter().position(|&b| b == b'\n')?;
    let line = std::str::from_utf8(&buf[..end]).ok()?;
    let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
    let name = |h: &str| h.trim().trim_matches('"').trim().to_ascii_lowercase();
    let is_name = |h: &str| {
        let h = name(h);
        h.len() <= 64 && !h.contains(char::is_whitespace)
    };
    let wanted = |h: &str| match &opts.text_col {
        Some(c) => name(h) == c.to_ascii_lowercase(),
        None => TEXT_COLS.contains(&name(h).as_str()),
    };
    [b'\t', b','].into_iter().find(|&d| {
        let cols: Vec<&str> = line.split(d as char).collect();
        cols.len() >= 2 && cols.iter().all(|c| is_name(c)) && cols.iter().any(|c| wanted(c))
    })
}

/// Extra metadata an extractor may find (title, date).
pub(crate) type Extracted = (String, Option<(Option<String>, Option<NaiveDate>)>);

fn whole_file(
    name: &str,
    stem: &str,
    reader: Box<dyn BufRead + Send>,
    opts: &ReadOptions,
    extract: fn(String, &str) -> Result<Extracted, String>,
) -> Records {
    let mut bytes = Vec::new();
    let limit = opts.max_doc_bytes as u64;
    if let Err(e) = reader.take(limit + 1).read_to_end(&mut bytes) {
        return one_error(ReadError::new(
            name,
            None,
            Some(stem.into()),
            format!("cannot read: {e}"),
        ));
    }
    if bytes.len() as u64 > limit {
        return one_error(ReadError::new(
            name,
            None,
            Some(stem.into()),
            format!(
                "document larger than {} bytes (raise --max-doc-bytes)",
                opts.max_doc_bytes
            ),
        ));
    }
    let mut decoded_from = None;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => match decode_windows_1252(e.as_bytes()) {
            Some(t) => {
                decoded_from = Some("windows-1252");
                t
            }
            None => {
                let at = e.utf8_error().valid_up_to();
                let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                return one_error(ReadError::new(
                    name,
                    Some(line),
                    Some(stem.into()),
                    format!("invalid UTF-8 at byte {at} (and not Windows-1252 text either)"),
                ));
            }
        },
    };
    let (text, meta) = match extract(text, name) {
        Ok(x) => x,
        Err(msg) => return one_error(ReadError::new(name, None, Some(stem.into()), msg)),
    };
    let mut doc = Doc::new(stem, text);
    if let Some(enc) = decoded_from {
        doc.meta
            .insert("encoding".into(), serde_json::Value::String(enc.into()));
    }
    doc.date = opts.default_date;
    if let Some((title, date)) = meta {
        doc.title = title;
        doc.date = date.or(opts.default_date);
    }
    Box::new(std::iter::once(check_doc(doc, name, None)))
}

/// Windows-1252 code points of the bytes 0x80-0x9F (0 where the code page leaves a byte undefined).
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// Decode a whole file that is not UTF-8 as Windows-1252 (the usual encoding of such news text;
/// Latin-1 is a subset), when it looks like text: no NUL, no byte the code page leaves undefined,
/// and control characters other than tab, line feed, form feed and carriage return under 1% of
/// the bytes. Binary files stay rejected.
pub fn decode_windows_1252(bytes: &[u8]) -> Option<String> {
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if bytes.contains(&0) || controls * 100 > bytes.len() {
        return None;
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &b in bytes {
        let c = match b {
            0x80..=0x9f => char::from_u32(u32::from(CP1252_HIGH[usize::from(b - 0x80)]))
                .filter(|&c| c != '\0')?,
            _ => char::from(b),
        };
        out.push(c);
    }
    Some(out)
}

/// Reject documents without any text.
pub(crate) fn check_doc(doc: Doc, file: &str, line: Option<u64>) -> Result<Doc, ReadError> {
    if doc.text.trim().is_empty() {
        return Err(ReadError::new(file, line, Some(doc.id), "empty document"));
    }
    Ok(doc)
}

/// Column names tried, in order, when the user names none.
pub(crate) const TEXT_COLS: &[&str] = &["text", "body", "content", "article", "story"];
pub(crate) const ID_COLS: &[&str] = &["id", "article_id", "doc_id", "docid", "uid"];
pub(crate) const DATE_COLS: &[&str] = &[
    "date",
    "publish_date",
    "published",
    "pubdate",
    "publication_date",
    "datetime",
];
pub(crate) const TITLE_COLS: &[&str] = &["title", "headline"];

#[cfg(test)]
mod tests;
