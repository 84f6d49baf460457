//! Dyad's wire format: output schema 1.
//!
//! Only this crate (and the store/server that read its types back) knows the JSON shape. It turns
//! an annotated [`dyad_doc::Doc`] into a [`Document`] with code-point offsets ([`to_document`]),
//! and writes JSON Lines ([`write_jsonl`]) or one CSV row per event ([`EventCsv`]); [`tables`]
//! flattens documents into typed rows (events, quotes, entities, documents) for CSV, pandas and
//! Parquet.

#![deny(missing_docs)]

mod convert;
mod csv_events;
pub mod tables;
pub mod wire;

pub use convert::{to_document, CharIndex, ConvertOptions};
pub use csv_events::{
    coord_cell, event_day, event_row, event_rows, goldstein_cell, EventCsv, EVENT_COLUMNS,
};
pub use wire::*;

use std::io::Write;

/// Write one document as a JSON line.
pub fn write_jsonl<W: Write>(out: &mut W, doc: &Document) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, doc)?;
    out.write_all(b"\n")
}
