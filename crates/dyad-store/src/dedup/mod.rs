//! Canonical events and near-duplicate articles.
//!
//! Five outlets reporting one phone call are five event *mentions* but one *canonical event*.
//! This module groups mentions across documents ([`rules`]) and links republished copies of an
//! article ([`minhash`]), inside the ingest transaction or later with `dyad dedup`.
//!
//! **Incremental.** A new event has `events.canonical` null; a replaced or deleted document
//! sets it null on every mention that shared a canonical event with its own. [`Store::dedup`]
//! regroups only the *runs* (mentions of one block whose [`rules::Mention::reach`]es overlap, directly
//! or through others) that hold such a mention, so adding a hundred documents touches the groups
//! near their events, never the whole corpus, and the result equals a full rebuild (a run never
//! shares a canonical event with another run, and a mention whose choice of group a removed
//! mention decided was compatible with that group's other members, so it is in their run).

pub mod lexicon;
pub mod minhash;
mod query;
pub mod rules;
mod write;

pub use query::{CanonicalEvent, Copy};

use crate::{Store, StoreError};
use rusqlite::Transaction;

/// Estimated Jaccard similarity of word 5-shingles above which an article is a copy of an
/// earlier one (wire copy republished with a new headline, a trimmed or lightly edited reprint).
pub const COPY_SIMILARITY: f64 = 0.5;

/// What a dedup pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct DedupStats {
    /// Documents given a signature (and linked to a copy when one was found).
    pub documents: usize,
    /// Of those, documents found to be copies of an earlier one.
    pub copies: usize,
    /// Event mentions (re)grouped.
    pub mentions: usize,
    /// Canonical events written for them.
    pub canonical: usize,
}

/// What the grouping sees of one pair of mentions ([`Store::pair_view`]): the pair model's
/// training rows (`scripts/dedup-link-train.py`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PairView {
    /// Both in one block (anchors and negation), both with codes and a day.
    pub block: bool,
    /// Every rule holds ([`rules::compatible`]).
    pub compatible: bool,
    /// Every constraint but the shared-words evidence holds ([`rules::hard_constraints`]).
    pub hard: bool,
    /// The pair model may link them ([`rules::model_candidate`]).
    pub candidate: bool,
    /// The constraints of [`rules::model_candidate`] the pair breaks (`time`, `statements`,
    /// `modality`, `place`, `sides`, after `roots` for two roots or `said` for a verbal root), in
    /// that order.
    pub failed: Vec<&'static str>,
    /// [`rules::pair_features`], in [`rules::FEATURES`] order.
    pub features: Vec<f64>,
}

impl Store {
    /// What the grouping sees of two mentions, each given by document id and event index;
    /// `None` when either is not stored.
    pub fn pair_view(
        &self,
        a: (&str, i64),
        b: (&str, i64),
    ) -> Result<Option<PairView>, StoreError> {
        write::pair_view(&self.conn, a, b, lexicon::Vocab::embedded()?)
    }

    /// [`Store::dedup`] with another pair model than the embedded `data/dedup/link.tsv` (the
    /// text of such a file; `None`: no model, the rules alone), for cross-validating models.
    pub fn dedup_with_model(
        &mut self,
        rebuild: bool,
        model: Option<lexicon::LinkModel>,
    ) -> Result<DedupStats, StoreError> {
        let mut vocab = lexicon::Vocab::embedded()?.clone();
        vocab.link = model;
        self.dedup_vocab(rebuild, &vocab)
    }

    /// Bring canonical events and copy links up to date for everything ingested since the last
    /// pass (the default ingest does this after each batch; `dyad ingest --no-dedup` leaves it to
    /// `dyad dedup`). With `rebuild`, forget every grouping and start over.
    pub fn dedup(&mut self, rebuild: bool) -> Result<DedupStats, StoreError> {
        self.dedup_vocab(rebuild, lexicon::Vocab::embedded()?)
    }

    fn dedup_vocab(
        &mut self,
        rebuild: bool,
        vocab: &lexicon::Vocab,
    ) -> Result<DedupStats, StoreError> {
        let tx = self.conn.transaction()?;
        if rebuild {
            tx.execute_batch(
                "DELETE FROM canonical_events; UPDATE events SET canonical = NULL;
                 DELETE FROM doc_bands; DELETE FROM doc_signatures; DELETE FROM dedup_pending;",
            )?;
            crate::tags::retag_all(&tx)?;
        }
        let docs: Vec<i64> = {
            let mut st = tx.prepare(
                "SELECT d.doc FROM documents d
                 WHERE NOT EXISTS (SELECT 1 FROM doc_signatures s WHERE s.doc = d.doc) ORDER BY d.doc",
            )?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let stats = pass_with(&tx, &docs, vocab)?;
        tx.commit()?;
        Ok(stats)
    }
}

/// Link the documents `docs` (new, in ingest order) to their copies, then regroup every pending
/// mention. Runs inside the caller's transaction.
pub(crate) fn pass(tx: &Transaction, docs: &[i64]) -> Result<DedupStats, StoreError> {
    pass_with(tx, docs, lexicon::Vocab::embedded()?)
}

fn pass_with(
    tx: &Transaction,
    docs: &[i64],
    vocab: &lexicon::Vocab,
) -> Result<DedupStats, StoreError> {
    let mut stats = DedupStats::default();
    for &d in docs {
        stats.documents += 1;
        stats.copies += write::link_copies(tx, d)? as usize;
    }
    let (mentions, canonical) = write::regroup_pending(tx, vocab)?;
    stats.mentions = mentions;
    stats.canonical = canonical;
    Ok(stats)
}

/// Before a stored document is replaced or deleted: drop its canonical events and mark their
/// other mentions for regrouping, so the next pass regroups them with their runs.
pub(crate) fn forget_document(tx: &Transaction, doc: i64) -> Result<(), StoreError> {
    tx.prepare_cached(
        "DELETE FROM canonical_events WHERE canonical IN
            (SELECT canonical FROM events WHERE doc = ?1 AND canonical IS NOT NULL)",
    )?
    .execute([doc])?;
    // Its canonical events' other mentions are regrouped by the next pass (with their runs).
    tx.prepare_cached(
        "UPDATE events SET canonical = NULL WHERE doc <> ?1 AND canonical IN
            (SELECT canonical FROM events WHERE doc = ?1 AND canonical IS NOT NULL)",
    )?
    .execute([doc])?;
    // Its copies form a story of their own, labelled by the earliest of them (a row id of a
    // deleted document may be reused by a later, unrelated one).
    let rest: Option<i64> = tx
        .prepare_cached("SELECT MIN(doc) FROM doc_signatures WHERE story = ?1 AND doc <> ?1")?
        .query_row([doc], |r| r.get(0))?;
    if let Some(root) = rest {
        tx.prepare_cached(
            "UPDATE doc_signatures SET story = ?2,
                copy_of = CASE WHEN doc = ?2 THEN NULL WHEN copy_of = ?1 THEN ?2 ELSE copy_of END,
                similarity = CASE WHEN doc = ?2 THEN NULL ELSE similarity END
             WHERE story = ?1",
        )?
        .execute([doc, root])?;
    }
    Ok(())
}

/// The publisher of a document: its `source` column, else its URL's host without `www.`.
pub fn publisher(source: Option<&str>, url: Option<&str>) -> Option<String> {
    if let Some(s) = source.map(str::trim).filter(|s| !s.is_empty()) {
        return Some(s.to_lowercase());
    }
    let u = url?.trim();
    let rest = u.split_once("://").map_or(u, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::publisher;

    #[test]
    fn publisher_from_source_or_host() {
        assert_eq!(
            publisher(Some("Fixture Wire"), Some("http://x.org")).as_deref(),
            Some("fixture wire")
        );
        assert_eq!(
            publisher(None, Some("http://www.Example.com:80/a/b?id=1")).as_deref(),
            Some("example.com")
        );
        assert_eq!(
            publisher(None, Some("abcnews.go.com/Politics")).as_deref(),
            Some("abcnews.go.com")
        );
        assert_eq!(publisher(Some(" "), None), None);
    }
}
