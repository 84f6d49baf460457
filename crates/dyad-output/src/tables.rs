//! Flat tables of a coded document: one row per event, quote, entity or document, with typed
//! cells.
//!
//! `dyad code --format csv` writes the event rows as text ([`crate::event_row`]); the Python
//! package turns the same rows into pandas DataFrames and the Spark job into Parquet. Keeping the
//! flattening here, once, is what makes a CSV file, a DataFrame and a Parquet file of the same
//! documents agree cell for cell. The quote and entity columns follow the corpus store's `quotes`
//! and `entities` tables (`docs/store.md`), with `doc_id` in place of the store's row number.

use crate::csv_events::event_day;
use crate::wire::{Document, EntityOut, EventActorOut, EventOut, QuoteOut};
use crate::EVENT_COLUMNS;

/// The type of a column. Every cell of a column is of its kind or [`Cell::Null`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    Text,
    /// A whole number.
    Int,
    /// A number.
    Float,
    /// A number on a one-decimal scale (the Goldstein score), written with one decimal in CSV.
    Score,
    /// True or false.
    Bool,
}

impl Kind {
    /// The kind's name, as the Python package and `docs/schema.md` call it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Score => "score",
            Kind::Bool => "bool",
        }
    }
}

/// One cell of a table row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value (an event without a target, a quote without a speaker).
    Null,
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A number.
    Float(f64),
    /// True or false.
    Bool(bool),
}

impl Cell {
    /// The cell as CSV text in a column of `kind`: empty for null, `true`/`false`, a Goldstein
    /// score with one decimal, other numbers in Rust's shortest round-trip form.
    pub fn csv_text(&self, kind: Kind) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(v) => v.to_string(),
            Cell::Float(v) if kind == Kind::Score => format!("{v:.1}"),
            Cell::Float(v) => v.to_string(),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn opt_text(s: Option<&str>) -> Cell {
    s.map_or(Cell::Null, text)
}

fn int(v: usize) -> Cell {
    Cell::Int(v as i64)
}

fn opt_int(v: Option<usize>) -> Cell {
    v.map_or(Cell::Null, int)
}

fn opt_float(v: Option<f64>) -> Cell {
    v.map_or(Cell::Null, Cell::Float)
}

/// A table: its name, column names and column kinds, and the rows one document contributes.
pub struct Table {
    /// `events`, `quotes`, `entities` or `documents`.
    pub name: &'static str,
    /// Column names, in order.
    pub columns: &'static [&'static str],
    /// Column kinds, parallel to `columns`.
    pub kinds: &'static [Kind],
    /// The rows of one document.
    pub rows: fn(&Document) -> Vec<Vec<Cell>>,
}

/// Every table, in the order the Python package lists them.
pub const TABLES: [Table; 4] = [EVENTS, QUOTES, ENTITIES, DOCUMENTS];

/// The table named `name`.
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

use Kind::{Bool as B, Float as F, Int as I, Score as S, Text as T};

/// One row per event: the columns of `dyad code --format csv` ([`EVENT_COLUMNS`]).
pub const EVENTS: Table = Table {
    name: "events",
    columns: &EVENT_COLUMNS,
    kinds: &[
        T, T, I, I, T, T, T, T, S, I, T, T, T, T, T, T, T, T, T, T, T, B, T, T, T, F, F, I, I, T,
    ],
    rows: event_table_rows,
};

/// The quote columns.
pub const QUOTE_COLUMNS: [&str; 14] = [
    "doc_id",
    "idx",
    "start",
    "end",
    "text",
    "kind",
    "speaker_start",
    "speaker_end",
    "speaker_text",
    "speaker_name",
    "speaker_code",
    "speaker_cluster",
    "cue_text",
    "channel",
];

/// One row per quote.
pub const QUOTES: Table = Table {
    name: "quotes",
    columns: &QUOTE_COLUMNS,
    kinds: &[T, I, I, I, T, T, I, I, T, T, T, I, T, T],
    rows: quote_rows,
};

/// The entity columns.
pub const ENTITY_COLUMNS: [&str; 12] = [
    "doc_id",
    "idx",
    "start",
    "end",
    "text",
    "type",
    "actor_name",
    "actor_code",
    "country",
    "sector",
    "country_from",
    "cluster",
];

/// One row per entity (named entities and actor noun phrases).
pub const ENTITIES: Table = Table {
    name: "entities",
    columns: &ENTITY_COLUMNS,
    kinds: &[T, I, I, I, T, T, T, T, T, T, T, I],
    rows: entity_rows,
};

/// The document columns.
pub const DOCUMENT_COLUMNS: [&str; 11] = [
    "doc_id",
    "date",
    "title",
    "url",
    "source",
    "n_sentences",
    "n_entities",
    "n_quotes",
    "n_events",
    "n_times",
    "n_places",
];

/// One row per document: its metadata and how many annotations of each layer it has.
pub const DOCUMENTS: Table = Table {
    name: "documents",
    columns: &DOCUMENT_COLUMNS,
    kinds: &[T, T, T, T, T, I, I, I, I, I, I],
    rows: document_rows,
};

fn actor_cells(a: Option<&EventActorOut>) -> [Cell; 4] {
    match a {
        None => [Cell::Null, Cell::Null, Cell::Null, Cell::Null],
        Some(a) => [
            opt_text(a.text.as_deref()),
            opt_text(a.name.as_deref()),
            opt_text(a.code.as_deref()),
            opt_text(a.country.as_deref()),
        ],
    }
}

/// The cells of event number `idx` of `doc`, in [`EVENT_COLUMNS`] order.
pub fn event_cells(doc: &Document, idx: usize, e: &EventOut) -> Vec<Cell> {
    let [st, sn, sc, sco] = actor_cells(e.source.as_ref());
    let [tt, tn, tc, tco] = actor_cells(e.target.as_ref());
    let p = e.plover.as_ref();
    let pl = e.place.as_ref();
    vec![
        text(&doc.id),
        opt_text(doc.title.as_deref()),
        int(idx),
        int(e.sentence),
        opt_text(e.date.as_deref()),
        opt_text(event_day(e.date.as_deref(), doc.date.as_deref()).as_deref()),
        text(&e.cameo),
        text(&e.root),
        Cell::Float(f64::from(e.goldstein)),
        Cell::Int(i64::from(e.quad)),
        opt_text(p.map(|p| p.kind.as_str())),
        opt_text(p.and_then(|p| p.mode.as_deref())),
        opt_text(p.and_then(|p| p.context.as_deref())),
        st,
        sn,
        sc,
        sco,
        tt,
        tn,
        tc,
        tco,
        Cell::Bool(e.negated),
        text(&e.modality),
        opt_text(pl.map(|p| p.name.as_str())),
        opt_text(pl.and_then(|p| p.country.as_deref())),
        opt_float(pl.and_then(|p| p.lat)),
        opt_float(pl.and_then(|p| p.lon)),
        int(e.evidence.start),
        int(e.evidence.end),
        text(&e.evidence.text),
    ]
}

fn event_table_rows(doc: &Document) -> Vec<Vec<Cell>> {
    let rows = doc.events.iter().enumerate();
    rows.map(|(i, e)| event_cells(doc, i, e)).collect()
}

fn quote_cells(doc: &Document, idx: usize, q: &QuoteOut) -> Vec<Cell> {
    let s = q.speaker.as_ref();
    vec![
        text(&doc.id),
        int(idx),
        int(q.start),
        int(q.end),
        text(&q.text),
        text(&q.kind),
        opt_int(s.map(|s| s.start)),
        opt_int(s.map(|s| s.end)),
        opt_text(s.map(|s| s.text.as_str())),
        opt_text(s.and_then(|s| s.name.as_deref())),
        opt_text(s.and_then(|s| s.code.as_deref())),
        opt_int(s.and_then(|s| s.cluster)),
        opt_text(q.cue.as_ref().map(|c| c.text.as_str())),
        opt_text(q.channel.as_deref()),
    ]
}

fn quote_rows(doc: &Document) -> Vec<Vec<Cell>> {
    let rows = doc.quotes.iter().enumerate();
    rows.map(|(i, q)| quote_cells(doc, i, q)).collect()
}

fn entity_cells(doc: &Document, idx: usize, e: &EntityOut) -> Vec<Cell> {
    let a = e.actor.as_ref();
    vec![
        text(&doc.id),
        int(idx),
        int(e.start),
        int(e.end),
        text(&e.text),
        text(&e.kind),
        opt_text(a.and_then(|a| a.name.as_deref())),
        opt_text(a.map(|a| a.code.as_str())),
        opt_text(a.and_then(|a| a.country.as_deref())),
        opt_text(a.and_then(|a| a.sector.as_deref())),
        opt_text(a.and_then(|a| a.country_from.as_deref())),
        opt_int(e.cluster),
    ]
}

fn entity_rows(doc: &Document) -> Vec<Vec<Cell>> {
    let rows = doc.entities.iter().enumerate();
    rows.map(|(i, e)| entity_cells(doc, i, e)).collect()
}

fn document_rows(doc: &Document) -> Vec<Vec<Cell>> {
    vec![vec![
        text(&doc.id),
        opt_text(doc.date.as_deref()),
        opt_text(doc.title.as_deref()),
        opt_text(doc.url.as_deref()),
        opt_text(doc.source.as_deref()),
        int(doc.sentences.len()),
        int(doc.entities.len()),
        int(doc.quotes.len()),
        int(doc.events.len()),
        int(doc.times.len()),
        int(doc.places.len()),
    ]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_one_kind_per_column() {
        for t in TABLES {
            assert_eq!(t.columns.len(), t.kinds.len(), "{}", t.name);
            assert_eq!(table(t.name).map(|x| x.name), Some(t.name));
        }
        assert!(table("times").is_none());
    }

    #[test]
    fn csv_text_follows_the_kind() {
        assert_eq!(Cell::Float(-2.0).csv_text(Kind::Score), "-2.0");
        assert_eq!(Cell::Float(46.2044).csv_text(Kind::Float), "46.2044");
        assert_eq!(Cell::Null.csv_text(Kind::Text), "");
        assert_eq!(Cell::Bool(false).csv_text(Kind::Bool), "false");
        assert_eq!(Cell::Int(7).csv_text(Kind::Int), "7");
    }
}
