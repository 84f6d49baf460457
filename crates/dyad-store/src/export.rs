//! Exporting the events table: CSV, JSON Lines, Parquet.
//!
//! All three formats carry the same columns ([`EVENT_COLUMNS`]) in the same deterministic order
//! (publication date, document id, event index), so pandas, R and DuckDB see one table whichever
//! file they read. Parquet is written through arrow's `ArrowWriter` with typed, nullable columns
//! and snappy compression (feature `parquet`, on by default).

use crate::query::{
    event_from_row, event_order, EventFilter, EventRecord, EVENT_COLUMNS, EVENT_SELECT,
};
use crate::{Store, StoreError};
use rusqlite::params_from_iter;
use std::io::Write;

/// Output formats of [`Store::export_events`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// Apache Parquet.
    Parquet,
}

impl Format {
    /// Parse `csv`, `jsonl` or `parquet`.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "csv" => Some(Format::Csv),
            "jsonl" => Some(Format::Jsonl),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }
}

/// Columns a canonical export (`EventFilter::mentions` false) adds after [`EVENT_COLUMNS`]: the
/// canonical event and how often it was reported (empty for a mention not yet grouped).
pub const CANONICAL_COLUMNS: [&str; 4] =
    ["canonical", "num_mentions", "num_articles", "num_sources"];

/// The columns of an export with filter `f`.
pub fn export_columns(f: &EventFilter) -> Vec<&'static str> {
    let mut c: Vec<&str> = EVENT_COLUMNS.to_vec();
    if !f.mentions {
        c.extend(CANONICAL_COLUMNS);
    }
    c
}

/// Row order of `dyad export`: publication date, document id, event index.
const EXPORT_ORDER: &str = "d.date, d.id, e.idx";

/// Rows per Parquet row group / arrow batch.
const BATCH: usize = 8192;

impl Store {
    /// Visit every event matching `f` in export order.
    pub fn for_each_event(
        &self,
        f: &EventFilter,
        visit: impl FnMut(EventRecord) -> Result<(), StoreError>,
    ) -> Result<usize, StoreError> {
        self.for_each_event_in(f, EXPORT_ORDER, visit)
    }

    /// Visit every event matching `f` in `order` (an `ORDER BY` clause from a fixed list).
    fn for_each_event_in(
        &self,
        f: &EventFilter,
        order: &str,
        mut visit: impl FnMut(EventRecord) -> Result<(), StoreError>,
    ) -> Result<usize, StoreError> {
        let (w, p) = f.sql_where()?;
        let sql = format!("{EVENT_SELECT} WHERE {w} ORDER BY {order}");
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params_from_iter(p.iter()))?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let mut e = event_from_row(r)?;
            // A mention export keeps the columns of `EVENT_COLUMNS` in every format; a canonical
            // one adds `CANONICAL_COLUMNS`. The publication date is a column of the API's rows only.
            if f.mentions {
                (e.canonical, e.num_mentions, e.num_articles, e.num_sources) =
                    (None, None, None, None);
            }
            e.published = None;
            visit(e)?;
            n += 1;
        }
        Ok(n)
    }

    /// Write the events matching `f` to `out` in `format`; returns the number of rows.
    pub fn export_events<W: Write + Send>(
        &self,
        f: &EventFilter,
        format: Format,
        out: W,
    ) -> Result<usize, StoreError> {
        self.export_events_sorted(f, format, None, out)
    }

    /// As [`Store::export_events`], rows in the order of `sort` (a name of
    /// [`crate::query::EVENT_SORTS`], as the events list takes it; `None`: publication date,
    /// document id, event index). Parquet always uses the export order.
    pub fn export_events_sorted<W: Write + Send>(
        &self,
        f: &EventFilter,
        format: Format,
        sort: Option<&str>,
        out: W,
    ) -> Result<usize, StoreError> {
        let order = match sort {
            None => EXPORT_ORDER.to_string(),
            Some(s) => event_order(Some(s), f.time)?,
        };
        match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(export_columns(f)).map_err(csv_err)?;
                let n = self.for_each_event_in(f, &order, |e| {
                    let mut row = csv_row(&e);
                    if !f.mentions {
                        let o = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
                        row.extend(
                            [e.canonical, e.num_mentions, e.num_articles, e.num_sources].map(o),
                        );
                    }
                    w.write_record(row).map_err(csv_err)
                })?;
                w.flush()?;
                Ok(n)
            }
            Format::Jsonl => {
                let mut w = std::io::BufWriter::new(out);
                let n = self.for_each_event_in(f, &order, |e| {
                    serde_json::to_writer(&mut w, &e)?;
                    w.write_all(b"\n")?;
                    Ok(())
                })?;
                w.flush()?;
                Ok(n)
            }
            #[cfg(feature = "parquet")]
            Format::Parquet => parquet_out::write(self, f, out),
            #[cfg(not(feature = "parquet"))]
            Format::Parquet => Err(StoreError::Export(
                "this dyad was built without the `parquet` feature".into(),
            )),
        }
    }
}

fn csv_err(e: csv::Error) -> StoreError {
    StoreError::Export(e.to_string())
}

/// One CSV row, formatted as `dyad code --format csv` formats it (`dyad_output::event_row`).
fn csv_row(e: &EventRecord) -> Vec<String> {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let f = dyad_output::coord_cell;
    vec![
        e.doc_id.clone(),
        o(&e.title),
        e.idx.to_string(),
        e.sentence.to_string(),
        o(&e.date),
        o(&e.day),
        e.cameo.clone(),
        e.root.clone(),
        dyad_output::goldstein_cell(e.goldstein),
        e.quad.to_string(),
        o(&e.plover_type),
        o(&e.plover_mode),
        o(&e.plover_context),
        o(&e.source_text),
        o(&e.source_name),
        o(&e.source_code),
        o(&e.source_country),
        o(&e.target_text),
        o(&e.target_name),
        o(&e.target_code),
        o(&e.target_country),
        e.negated.to_string(),
        e.modality.clone(),
        o(&e.place_name),
        o(&e.place_country),
        f(e.lat),
        f(e.lon),
        e.evidence_start.to_string(),
        e.evidence_end.to_string(),
        e.evidence_text.clone(),
    ]
}

#[cfg(feature = "parquet")]
mod parquet_out {
    use super::*;
    use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
    use arrow_array::{ArrayRef, RecordBatch};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;
    use std::sync::Arc;

    fn kind(col: &str) -> DataType {
        match col {
            "idx" | "sentence" | "quad" | "evidence_start" | "evidence_end" => DataType::Int64,
            c if CANONICAL_COLUMNS.contains(&c) => DataType::Int64,
            "goldstein" | "lat" | "lon" => DataType::Float64,
            "negated" => DataType::Boolean,
            _ => DataType::Utf8,
        }
    }

    fn required(col: &str) -> bool {
        matches!(
            col,
            "doc_id"
                | "idx"
                | "sentence"
                | "cameo"
                | "root"
                | "goldstein"
                | "quad"
                | "negated"
                | "modality"
                | "evidence_start"
                | "evidence_end"
                | "evidence_text"
        )
    }

    /// The arrow schema of an export with filter `f`.
    pub fn schema(f: &EventFilter) -> Arc<Schema> {
        Arc::new(Schema::new(
            export_columns(f)
                .iter()
                .map(|c| Field::new(*c, kind(c), !required(c)))
                .collect::<Vec<_>>(),
        ))
    }

    fn batch(schema: &Arc<Schema>, rows: &[EventRecord]) -> Result<RecordBatch, StoreError> {
        let s = |get: &dyn Fn(&EventRecord) -> Option<&str>| -> ArrayRef {
            let mut b = StringBuilder::new();
            for r in rows {
                b.append_option(get(r));
            }
            Arc::new(b.finish())
        };
        let i = |get: &dyn Fn(&EventRecord) -> i64| -> ArrayRef {
            let mut b = Int64Builder::new();
            for r in rows {
                b.append_value(get(r));
            }
            Arc::new(b.finish())
        };
        let fl = |get: &dyn Fn(&EventRecord) -> Option<f64>| -> ArrayRef {
            let mut b = Float64Builder::new();
            for r in rows {
                b.append_option(get(r));
            }
            Arc::new(b.finish())
        };
        let oi = |get: &dyn Fn(&EventRecord) -> Option<i64>| -> ArrayRef {
            let mut b = Int64Builder::new();
            for r in rows {
                b.append_option(get(r));
            }
            Arc::new(b.finish())
        };
        let mut neg = BooleanBuilder::new();
        for r in rows {
            neg.append_value(r.negated);
        }
        let mut cols: Vec<ArrayRef> = vec![
            s(&|r| Some(&r.doc_id)),
            s(&|r| r.title.as_deref()),
            i(&|r| r.idx),
            i(&|r| r.sentence),
            s(&|r| r.date.as_deref()),
            s(&|r| r.day.as_deref()),
            s(&|r| Some(&r.cameo)),
            s(&|r| Some(&r.root)),
            fl(&|r| Some(r.goldstein)),
            i(&|r| r.quad),
            s(&|r| r.plover_type.as_deref()),
            s(&|r| r.plover_mode.as_deref()),
            s(&|r| r.plover_context.as_deref()),
            s(&|r| r.source_text.as_deref()),
            s(&|r| r.source_name.as_deref()),
            s(&|r| r.source_code.as_deref()),
            s(&|r| r.source_country.as_deref()),
            s(&|r| r.target_text.as_deref()),
            s(&|r| r.target_name.as_deref()),
            s(&|r| r.target_code.as_deref()),
            s(&|r| r.target_country.as_deref()),
            Arc::new(neg.finish()),
            s(&|r| Some(&r.modality)),
            s(&|r| r.place_name.as_deref()),
            s(&|r| r.place_country.as_deref()),
            fl(&|r| r.lat),
            fl(&|r| r.lon),
            i(&|r| r.evidence_start),
            i(&|r| r.evidence_end),
            s(&|r| Some(&r.evidence_text)),
        ];
        if schema.fields().len() > cols.len() {
            cols.extend([
                oi(&|r| r.canonical),
                oi(&|r| r.num_mentions),
                oi(&|r| r.num_articles),
                oi(&|r| r.num_sources),
            ]);
        }
        RecordBatch::try_new(schema.clone(), cols).map_err(|e| StoreError::Export(e.to_string()))
    }

    pub fn write<W: Write + Send>(
        store: &Store,
        f: &EventFilter,
        out: W,
    ) -> Result<usize, StoreError> {
        let schema = schema(f);
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(BATCH * 8))
            .build();
        let pe = |e: parquet::errors::ParquetError| StoreError::Export(e.to_string());
        let mut w = ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(pe)?;
        let mut buf = Vec::with_capacity(BATCH);
        let n = store.for_each_event(f, |e| {
            buf.push(e);
            if buf.len() >= BATCH {
                w.write(&batch(&schema, &buf)?).map_err(pe)?;
                buf.clear();
            }
            Ok(())
        })?;
        if !buf.is_empty() || n == 0 {
            w.write(&batch(&schema, &buf)?).map_err(pe)?;
        }
        w.close().map_err(pe)?;
        Ok(n)
    }
}
