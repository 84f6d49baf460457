//! CSV output: one row per event, with the same columns as the corpus store's events table and
//! `dyad export --format csv` ([`EVENT_COLUMNS`]), so a file from `dyad code --format csv` and one
//! exported from a database read alike.

use crate::wire::{Document, EventOut};
use chrono::NaiveDate;
use std::io::Write;

/// The event columns, in order: the CSV header of `dyad code --format csv` and `dyad export`, and
/// the columns of the store's events table and of its JSON Lines and Parquet exports.
pub const EVENT_COLUMNS: [&str; 30] = [
    "doc_id",
    "title",
    "idx",
    "sentence",
    "date",
    "day",
    "cameo",
    "root",
    "goldstein",
    "quad",
    "plover_type",
    "plover_mode",
    "plover_context",
    "source_text",
    "source_name",
    "source_code",
    "source_country",
    "target_text",
    "target_name",
    "target_code",
    "target_country",
    "negated",
    "modality",
    "place_name",
    "place_country",
    "lat",
    "lon",
    "evidence_start",
    "evidence_end",
    "evidence_text",
];

/// The day an event is counted on in timelines: its own date when that is a full
/// `YYYY-MM-DD` date, else the document's publication date, else none.
pub fn event_day(event_date: Option<&str>, doc_date: Option<&str>) -> Option<String> {
    let full = |s: &str| {
        let s = s.get(..10)?;
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(|d| d.format("%Y-%m-%d").to_string())
    };
    event_date
        .and_then(full)
        .or_else(|| doc_date.and_then(full))
}

/// A Goldstein score as written in CSV (one decimal, as on the scale).
pub fn goldstein_cell(g: f64) -> String {
    format!("{g:.1}")
}

/// A latitude or longitude as written in CSV (empty when unknown).
pub fn coord_cell(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The CSV cells of event number `idx` of `doc`, in [`EVENT_COLUMNS`] order: the typed cells of
/// [`crate::tables::EVENTS`] as text.
pub fn event_row(doc: &Document, idx: usize, e: &EventOut) -> Vec<String> {
    let cells = crate::tables::event_cells(doc, idx, e);
    let kinds = crate::tables::EVENTS.kinds;
    cells
        .iter()
        .zip(kinds)
        .map(|(c, k)| c.csv_text(*k))
        .collect()
}

/// Every event row of a document.
pub fn event_rows(doc: &Document) -> impl Iterator<Item = Vec<String>> + '_ {
    doc.events
        .iter()
        .enumerate()
        .map(move |(i, e)| event_row(doc, i, e))
}

/// A CSV writer of event rows that writes the header once.
pub struct EventCsv<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> EventCsv<W> {
    /// Wrap `out` and write the header.
    pub fn new(out: W) -> csv::Result<EventCsv<W>> {
        let mut inner = csv::Writer::from_writer(out);
        inner.write_record(EVENT_COLUMNS)?;
        Ok(EventCsv { inner })
    }

    /// Write all events of `doc`.
    pub fn write_doc(&mut self, doc: &Document) -> csv::Result<()> {
        for row in event_rows(doc) {
            self.inner.write_record(&row)?;
        }
        Ok(())
    }

    /// Flush buffered rows.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
