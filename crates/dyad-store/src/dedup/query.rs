//! Reading what dedup wrote: an article's copies, a canonical event with its mentions.

use super::minhash;
use crate::query::{event_from_row, EventRecord, EVENT_SELECT};
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

/// A canonical event with its mentions.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CanonicalEvent {
    /// Id (`canonical_events.canonical`).
    pub canonical: i64,
    /// CAMEO code of the representative mention.
    pub cameo: String,
    /// Day of the representative mention.
    pub day: Option<String>,
    /// First publication date among its articles.
    pub first_seen: Option<String>,
    /// Last publication date among its articles.
    pub last_seen: Option<String>,
    /// Mentions.
    pub num_mentions: i64,
    /// Articles.
    pub num_articles: i64,
    /// Stories (republished copies count once).
    pub num_stories: i64,
    /// Publishers.
    pub num_sources: i64,
    /// The representative mention (its evidence is the event's evidence).
    pub representative: EventRecord,
    /// Every mention, by publication date, document id, index.
    pub mentions: Vec<EventRecord>,
}

impl Store {
    /// Canonical event `id` with its mentions, or `None`.
    pub fn canonical(&self, id: i64) -> Result<Option<CanonicalEvent>, StoreError> {
        let head = self
            .conn
            .query_row(
                "SELECT cameo, day, first_seen, last_seen, num_mentions, num_articles, num_stories,
                    num_sources, rep_event FROM canonical_events WHERE canonical = ?1",
                [id],
                |r| {
                    Ok((
                        (r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?),
                        [r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
                        r.get::<_, i64>(8)?,
                    ))
                },
            )
            .optional()?;
        let Some(((cameo, day, first_seen, last_seen), n, rep)) = head else {
            return Ok(None);
        };
        let mut st = self.conn.prepare_cached(&format!(
            "{EVENT_SELECT} WHERE e.canonical = ?1 ORDER BY d.date, d.id, e.idx"
        ))?;
        let rows = st.query_map([id], |r| Ok((r.get::<_, i64>(34)?, event_from_row(r)?)))?;
        let all: Vec<(i64, EventRecord)> = rows.collect::<Result<_, _>>()?;
        let representative = all
            .iter()
            .find(|(e, _)| *e == rep)
            .or(all.first())
            .map(|(_, r)| r.clone())
            .ok_or_else(|| StoreError::Export(format!("canonical event {id} has no mentions")))?;
        Ok(Some(CanonicalEvent {
            canonical: id,
            cameo,
            day,
            first_seen,
            last_seen,
            num_mentions: n[0],
            num_articles: n[1],
            num_stories: n[2],
            num_sources: n[3],
            representative,
            mentions: all.into_iter().map(|(_, r)| r).collect(),
        }))
    }
}
