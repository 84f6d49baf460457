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
    let format = match opts.format.or_else(|| path.and_then(Format::from_path)) {
        Some(f) => f,
        None => match sniff(&mut reader) {
            Ok(f) => f,
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
        Format::Csv => csv_reader::records(name, &stem, reader, opts.clone()),
        Format::Sgml => sgml::records(name, &stem, reader, opts.clone()),
    }
}

fn one_error(e: ReadError) -> Records {
    Box::new(std::iter::once(Err(e)))
}

/// Guess jsonl vs txt from the first non-blank byte.
fn sniff(reader: &mut Box<dyn BufRead + Send>) -> std::io::Result<Format> {
    let buf = reader.fill_buf()?;
    let first = buf.iter().find(|b| !b.is_ascii_whitespace());
    Ok(match first {
        Some(b'{') => Format::Jsonl,
        Some(b'<') => Format::Html,
        _ => Format::Txt,
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
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            return one_error(ReadError::new(
                name,
                Some(line),
                Some(stem.into()),
                format!("invalid UTF-8 at byte {at}"),
            ));
        }
    };
    let (text, meta) = match extract(text, name) {
        Ok(x) => x,
        Err(msg) => return one_error(ReadError::new(name, None, Some(stem.into()), msg)),
    };
    let mut doc = Doc::new(stem, text);
    doc.date = opts.default_date;
    if let Some((title, date)) = meta {
        doc.title = title;
        doc.date = date.or(opts.default_date);
    }
    Box::new(std::iter::once(check_doc(doc, name, None)))
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
