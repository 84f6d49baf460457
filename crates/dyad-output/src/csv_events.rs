//! CSV output: one row per event, with ICEWS/Phoenix-like columns.

use crate::wire::{Document, EventActorOut, EventOut};
use std::io::Write;

/// The CSV header, in column order.
pub const EVENT_CSV_HEADER: [&str; 22] = [
    "date",
    "source_name",
    "source_text",
    "source_code",
    "source_country",
    "cameo",
    "root",
    "quad",
    "goldstein",
    "plover_type",
    "plover_mode",
    "target_name",
    "target_text",
    "target_code",
    "target_country",
    "negated",
    "modality",
    "place",
    "lat",
    "lon",
    "doc_id",
    "sentence",
];

fn actor_cols(a: Option<&EventActorOut>) -> [String; 4] {
    match a {
        None => Default::default(),
        Some(a) => [
            a.name.clone().unwrap_or_default(),
            a.text.clone().unwrap_or_default(),
            a.code.clone().unwrap_or_default(),
            a.country.clone().unwrap_or_default(),
        ],
    }
}

/// The CSV cells of one event (header order, plus `evidence` last).
pub fn event_row(doc: &Document, e: &EventOut) -> Vec<String> {
    let [sn, st, sc, sco] = actor_cols(e.source.as_ref());
    let [tn, tt, tc, tco] = actor_cols(e.target.as_ref());
    let (place, lat, lon) = match &e.place {
        Some(p) => (
            p.name.clone(),
            p.lat.map(|v| format!("{v:.4}")).unwrap_or_default(),
            p.lon.map(|v| format!("{v:.4}")).unwrap_or_default(),
        ),
        None => Default::default(),
    };
    vec![
        e.date
            .clone()
            .or_else(|| doc.date.clone())
            .unwrap_or_default(),
        sn,
        st,
        sc,
        sco,
        e.cameo.clone(),
        e.root.clone(),
        e.quad.to_string(),
        format!("{:.1}", e.goldstein),
        e.plover
            .as_ref()
            .map(|p| p.kind.clone())
            .unwrap_or_default(),
        e.plover
            .as_ref()
            .and_then(|p| p.mode.clone())
            .unwrap_or_default(),
        tn,
        tt,
        tc,
        tco,
        e.negated.to_string(),
        e.modality.clone(),
        place,
        lat,
        lon,
        doc.id.clone(),
        e.sentence.to_string(),
        e.evidence.text.clone(),
    ]
}

/// Every event row of a document.
pub fn event_rows(doc: &Document) -> impl Iterator<Item = Vec<String>> + '_ {
    doc.events.iter().map(move |e| event_row(doc, e))
}

/// A CSV writer of event rows that writes the header once.
pub struct EventCsv<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> EventCsv<W> {
    /// Wrap `out` and write the header.
    pub fn new(out: W) -> csv::Result<EventCsv<W>> {
        let mut inner = csv::Writer::from_writer(out);
        let mut header: Vec<&str> = EVENT_CSV_HEADER.to_vec();
        header.push("evidence");
        inner.write_record(&header)?;
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
