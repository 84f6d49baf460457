//! Reading what dedup wrote: an article's copies.

use super::minhash;
use crate::{Store, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// Another article of the same story (a republished copy, or the original of a copy).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Copy {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// Publisher (source column, else URL host).
    pub publisher: Option<String>,
    /// Estimated Jaccard similarity of the two texts' word 5-shingles.
    pub similarity: f64,
}

impl Store {
    /// The other articles of document `id`'s story, most similar first (empty when it has no
    /// copies or was not deduplicated yet).
    pub fn copies(&self, id: &str) -> Result<Vec<Copy>, StoreError> {
        let Some((story, sig)) = self
            .conn
            .query_row(
                "SELECT s.story, s.sig FROM doc_signatures s JOIN documents d ON d.doc = s.doc
                 WHERE d.id = ?1",
                [id],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)),
            )
            .optional()?
        else {
            return Ok(Vec::new());
        };
        let sig = minhash::from_blob(&sig);
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, d.title, d.date, d.source, d.url, s.sig FROM doc_signatures s
             JOIN documents d ON d.doc = s.doc WHERE s.story = ?1 AND d.id <> ?2 ORDER BY d.doc",
        )?;
        let rows = st.query_map(rusqlite::params![story, id], |r| {
            let source: Option<String> = r.get(3)?;
            let url: Option<String> = r.get(4)?;
            let other = minhash::from_blob(&r.get::<_, Vec<u8>>(5)?);
            Ok(Copy {
                id: r.get(0)?,
                title: r.get(1)?,
                date: r.get(2)?,
                publisher: super::publisher(source.as_deref(), url.as_deref()),
                similarity: match (&sig, &other) {
                    (Some(a), Some(b)) => (minhash::similarity(a, b) * 100.0).round() / 100.0,
                    _ => 0.0,
                },
            })
        })?;
        let mut out: Vec<Copy> = rows.collect::<Result<_, _>>()?;
        out.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
        Ok(out)
    }
}
