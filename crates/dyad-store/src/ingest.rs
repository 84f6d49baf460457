//! Writing documents: batched transactions, replace-by-id, resume.
//!
//! A [`BatchWriter`] buffers documents and commits every `batch` of them in one transaction, so an
//! interrupted ingest loses at most the open batch and everything committed stays consistent
//! (WAL journal). Writing a document first deletes any stored document with the same id (child
//! rows go with it through `ON DELETE CASCADE`), so re-ingesting never duplicates.

use crate::{Store, StoreError};
use dyad_output::tables::{event_cells, Cell, EVENTS};
use dyad_output::Document;
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::BTreeSet;

/// Counts of an ingest so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestStats {
    /// Documents written (new or replaced).
    pub documents: usize,
    /// Of those, documents that replaced a stored one with the same id.
    pub replaced: usize,
    /// Events written.
    pub events: usize,
    /// Transactions committed.
    pub batches: usize,
    /// Deduplication done with the batches (zero with dedup off).
    pub dedup: crate::dedup::DedupStats,
}

impl Store {
    /// Whether a document with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
        Ok(st.exists([id])?)
    }

    /// Every stored document id (for `--resume`).
    pub fn ids(&self) -> Result<BTreeSet<String>, StoreError> {
        let mut st = self.conn.prepare("SELECT id FROM documents")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Write `docs` in one transaction, replacing stored documents with the same ids.
    pub fn put_batch(&mut self, docs: &[Document]) -> Result<IngestStats, StoreError> {
        let tx = self.conn.transaction()?;
        let mut stats = IngestStats::default();
        let mut rows = Vec::with_capacity(docs.len());
        for d in docs {
            let (row, replaced) = put_one(&tx, d)?;
            rows.push(row);
            stats.documents += 1;
            stats.replaced += replaced as usize;
            stats.events += d.events.len();
        }
        if self.dedup_on_ingest {
            stats.dedup = crate::dedup::pass(&tx, &rows)?;
        }
        tx.commit()?;
        stats.batches = 1;
        Ok(stats)
    }

    /// Remove a document and all its annotations; returns whether it existed. Canonical events
    /// it took part in are regrouped by the next dedup pass.
    pub fn delete(&mut self, id: &str) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let old: Option<i64> = tx
            .query_row("SELECT doc FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(doc) = old {
            crate::dedup::forget_document(&tx, doc)?;
            tx.execute("DELETE FROM documents WHERE doc = ?1", [doc])?;
            if self.dedup_on_ingest {
                crate::dedup::pass(&tx, &[])?;
            }
        }
        tx.commit()?;
        Ok(old.is_some())
    }

    /// Whether [`Store::put_batch`] groups canonical events and links copies in the same
    /// transaction (default on). Off, `Store::dedup` (`dyad dedup`) does it later.
    pub fn set_dedup_on_ingest(&mut self, on: bool) {
        self.dedup_on_ingest = on;
    }
}

/// A table cell as an SQLite value (booleans as 0/1).
fn sql_value(cell: Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Text(s) => Value::Text(s),
        Cell::Int(v) => Value::Integer(v),
        Cell::Float(v) => Value::Real(v),
        Cell::Bool(b) => Value::Integer(i64::from(b)),
    }
}

/// Write one document; returns its row id and whether it replaced a stored one.
fn put_one(tx: &Transaction, d: &Document) -> Result<(i64, bool), StoreError> {
    let old: Option<i64> = tx
        .prepare_cached("SELECT doc FROM documents WHERE id = ?1")?
        .query_row([&d.id], |r| r.get(0))
        .optional()?;
    if let Some(doc) = old {
        crate::dedup::forget_document(tx, doc)?;
        tx.prepare_cached("DELETE FROM documents WHERE doc = ?1")?
            .execute([doc])?;
    }
    let replaced = old.is_some();
    // The annotations column holds the whole document minus its text (stored once, in `text`).
    let mut ann = d.clone();
    ann.text = String::new();
    let ann = serde_json::to_string(&ann)?;
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    tx.prepare_cached(
        "INSERT INTO documents (id, date, title, url, source, text, n_events, n_quotes, annotations, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        d.id,
        d.date,
        d.title,
        d.url,
        d.source,
        d.text,
        d.events.len(),
        d.quotes.len(),
        ann,
        now
    ])?;
    let doc = tx.last_insert_rowid();

    let mut st = tx.prepare_cached("INSERT INTO sentences VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (i, s) in d.sentences.iter().enumerate() {
        st.execute(params![doc, i, s.start, s.end, s.paragraph])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, e) in d.entities.iter().enumerate() {
        let a = e.actor.as_ref();
        st.execute(params![
            doc,
            i,
            e.start,
            e.end,
            e.text,
            e.kind,
            a.and_then(|a| a.name.as_deref()),
            a.map(|a| a.code.as_str()),
            a.and_then(|a| a.country.as_deref()),
            a.and_then(|a| a.sector.as_deref()),
            e.cluster
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (i, q) in d.quotes.iter().enumerate() {
        let s = q.speaker.as_ref();
        st.execute(params![
            doc,
            i,
            q.start,
            q.end,
            q.text,
            q.kind,
            s.map(|s| s.start),
            s.map(|s| s.end),
            s.map(|s| s.text.as_str()),
            s.and_then(|s| s.name.as_deref()),
            s.and_then(|s| s.code.as_deref()),
            s.and_then(|s| s.cluster),
            q.cue.as_ref().map(|c| c.text.as_str()),
            q.channel,
            s.is_some_and(|s| s.is_resolved())
        ])?;
    }
    // The event rows of `dyad code --format csv` (dyad_output::tables), minus the document's own
    // columns (`doc_id`, `title`), which the `doc` row number stands for.
    let cols = &EVENTS.columns[2..];
    let sql = format!(
        "INSERT INTO events (doc, {}) VALUES (?1, {})",
        cols.iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", "),
        (2..=cols.len() + 1)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut st = tx.prepare_cached(&sql)?;
    for (i, e) in d.events.iter().enumerate() {
        let cells = event_cells(d, i, e).into_iter().skip(2).map(sql_value);
        let values: Vec<Value> = std::iter::once(Value::Integer(doc)).chain(cells).collect();
        st.execute(rusqlite::params_from_iter(values))?;
    }
    let mut st = tx.prepare_cached("INSERT INTO times VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    for (i, t) in d.times.iter().enumerate() {
        st.execute(params![doc, i, t.start, t.end, t.text, t.kind, t.value])?;
    }
    let mut st =
        tx.prepare_cached("INSERT INTO places VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?;
    for (i, p) in d.places.iter().enumerate() {
        st.execute(params![
            doc, i, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.feature
        ])?;
    }
    crate::tags::tag_document(tx, doc, &d.text)?;
    Ok((doc, replaced))
}

/// Buffers documents and commits them `batch` at a time.
///
/// Call [`BatchWriter::finish`] at the end; a writer dropped without it loses only its open
/// (uncommitted) batch.
pub struct BatchWriter<'a> {
    store: &'a mut Store,
    buf: Vec<Document>,
    batch: usize,
    stats: IngestStats,
}

impl<'a> BatchWriter<'a> {
    /// A writer committing every `batch` documents (at least 1).
    pub fn new(store: &'a mut Store, batch: usize) -> BatchWriter<'a> {
        BatchWriter {
            store,
            buf: Vec::new(),
            batch: batch.max(1),
            stats: IngestStats::default(),
        }
    }

    /// Queue one document, committing when the batch is full.
    pub fn push(&mut self, doc: Document) -> Result<(), StoreError> {
        self.buf.push(doc);
        if self.buf.len() >= self.batch {
            self.flush()?;
        }
        Ok(())
    }

    /// Commit the queued documents now.
    pub fn flush(&mut self) -> Result<(), StoreError> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let s = self.store.put_batch(&self.buf)?;
        self.buf.clear();
        self.stats.documents += s.documents;
        self.stats.replaced += s.replaced;
        self.stats.events += s.events;
        self.stats.batches += s.batches;
        let (a, b) = (&mut self.stats.dedup, &s.dedup);
        a.documents += b.documents;
        a.copies += b.copies;
        a.mentions += b.mentions;
        a.canonical += b.canonical;
        Ok(())
    }

    /// Counts committed so far.
    pub fn stats(&self) -> &IngestStats {
        &self.stats
    }

    /// Commit what is left and return the totals.
    pub fn finish(mut self) -> Result<IngestStats, StoreError> {
        self.flush()?;
        Ok(self.stats.clone())
    }
}

#[cfg(test)]
mod tests {
    use dyad_output::event_day;

    #[test]
    fn event_day_prefers_full_event_dates() {
        assert_eq!(
            event_day(Some("2025-05-19"), Some("2025-05-20")).as_deref(),
            Some("2025-05-19")
        );
        assert_eq!(
            event_day(Some("2025-W21"), Some("2025-05-20")).as_deref(),
            Some("2025-05-20")
        );
        assert_eq!(event_day(Some("PRESENT_REF"), None), None);
        assert_eq!(event_day(None, Some("2025-13-40")), None);
    }
}
