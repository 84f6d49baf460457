//! The SQL side of deduplication: copy links and canonical-event rows.

use super::minhash;
use super::rules::{self, Mention};
use super::{publisher, COPY_SIMILARITY};
use crate::StoreError;
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use std::collections::{BTreeMap, BTreeSet};

/// Give document `doc` its signature and bands and link it to the most similar earlier copy.
/// Returns whether it is a copy.
pub(super) fn link_copies(tx: &Transaction, doc: i64) -> Result<bool, StoreError> {
    let text: String = tx
        .prepare_cached("SELECT text FROM documents WHERE doc = ?1")?
        .query_row([doc], |r| r.get(0))?;
    let Some(sig) = minhash::signature(&text) else {
        tx.prepare_cached(
            "INSERT OR REPLACE INTO doc_signatures (doc, story, copy_of, similarity, sig)
             VALUES (?1, ?1, NULL, NULL, x'')",
        )?
        .execute([doc])?;
        return Ok(false);
    };
    let bands = minhash::bands(&sig);
    let mut candidates = BTreeSet::new();
    {
        let mut st =
            tx.prepare_cached("SELECT doc FROM doc_bands WHERE band = ?1 AND hash = ?2")?;
        for (i, h) in bands.iter().enumerate() {
            for d in st.query_map(params![i as i64, h], |r| r.get::<_, i64>(0))? {
                let d = d?;
                if d != doc {
                    candidates.insert(d);
                }
            }
        }
    }
    // The best match: highest similarity, then the earliest document.
    let mut best: Option<(f64, i64, i64)> = None; // (similarity, doc, story)
    {
        let mut st = tx.prepare_cached("SELECT story, sig FROM doc_signatures WHERE doc = ?1")?;
        for c in candidates {
            let Some((story, blob)) = st
                .query_row([c], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
                .optional()?
            else {
                continue;
            };
            let Some(other) = minhash::from_blob(&blob) else {
                continue;
            };
            let s = minhash::similarity(&sig, &other);
            if s >= COPY_SIMILARITY && best.is_none_or(|(bs, bd, _)| s > bs || (s == bs && c < bd))
            {
                best = Some((s, c, story));
            }
        }
    }
    let (story, copy_of, sim) = match best {
        Some((s, c, story)) => (story, Some(c), Some(s)),
        None => (doc, None, None),
    };
    tx.prepare_cached(
        "INSERT OR REPLACE INTO doc_signatures (doc, story, copy_of, similarity, sig)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![doc, story, copy_of, sim, minhash::to_blob(&sig)])?;
    let mut st =
        tx.prepare_cached("INSERT OR IGNORE INTO doc_bands (band, hash, doc) VALUES (?1, ?2, ?3)")?;
    for (i, h) in bands.iter().enumerate() {
        st.execute(params![i as i64, h, doc])?;
    }
    Ok(copy_of.is_some())
}

/// One mention with what the canonical row needs besides the rules.
struct MentionRow {
    m: Mention,
    doc_date: Option<String>,
    publisher: Option<String>,
    day: Option<String>,
    old: Option<i64>,
    key: Key,
}

/// The blocking key: source code, target code, root, negated.
type Key = (Option<String>, Option<String>, String, bool);

const MENTION_SELECT: &str = "SELECT e.event, d.doc, d.id, e.idx, e.cameo, e.root, e.day, e.date,
    e.place_name, e.place_country, e.lat, e.lon, e.source_name, e.target_name, e.source_code,
    e.target_code, e.negated, d.date, d.source, d.url, COALESCE(s.story, d.doc), e.canonical
    FROM events e JOIN documents d ON d.doc = e.doc LEFT JOIN doc_signatures s ON s.doc = e.doc";

fn day_number(day: &str) -> Option<i64> {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(|d| d.num_days_from_ce() as i64)
}

fn mention_row(r: &Row) -> rusqlite::Result<MentionRow> {
    let day: Option<String> = r.get(6)?;
    let date: Option<String> = r.get(7)?;
    let (lat, lon): (Option<f64>, Option<f64>) = (r.get(10)?, r.get(11)?);
    let names: (Option<String>, Option<String>) = (r.get(12)?, r.get(13)?);
    let source: Option<String> = r.get(18)?;
    let url: Option<String> = r.get(19)?;
    Ok(MentionRow {
        m: Mention {
            event: r.get(0)?,
            doc_id: r.get(2)?,
            idx: r.get(3)?,
            cameo: r.get(4)?,
            day: day.as_deref().and_then(day_number).unwrap_or(i64::MIN),
            dated: match (&day, &date) {
                (Some(d), Some(t)) => t.starts_with(d.as_str()),
                _ => false,
            },
            place: r.get(8)?,
            place_country: r.get(9)?,
            coords: lat.zip(lon),
            named: names.0.is_some() && names.1.is_some(),
            doc: r.get(1)?,
            story: r.get(20)?,
        },
        doc_date: r.get(17)?,
        publisher: publisher(source.as_deref(), url.as_deref()),
        day,
        old: r.get(21)?,
        key: (r.get(14)?, r.get(15)?, r.get(5)?, r.get(16)?),
    })
}

/// Regroup every pending mention; returns (mentions regrouped, canonical events written).
pub(super) fn regroup_pending(tx: &Transaction) -> Result<(usize, usize), StoreError> {
    let mut done = (0, 0);
    // Mentions that cannot be compared (an actor without a code, no day): their own event.
    let singles: Vec<MentionRow> = {
        let mut st = tx.prepare_cached(&format!(
            "{MENTION_SELECT} WHERE e.canonical IS NULL
             AND (e.source_code IS NULL OR e.target_code IS NULL OR e.day IS NULL) ORDER BY e.event"
        ))?;
        let rows = st.query_map([], mention_row)?;
        rows.collect::<Result<_, _>>()?
    };
    for r in &singles {
        write_group_refs(tx, &[r], 0)?;
        done.0 += 1;
        done.1 += 1;
    }
    // Keys and days to revisit: new mentions, and the events of replaced documents.
    let mut pending: BTreeMap<Key, Vec<i64>> = BTreeMap::new();
    {
        let mut st = tx.prepare_cached(
            "SELECT source_code, target_code, root, negated, day FROM events
             WHERE canonical IS NULL AND source_code IS NOT NULL AND target_code IS NOT NULL
                AND day IS NOT NULL
             UNION SELECT source_code, target_code, root, negated, day FROM dedup_pending",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?),
                r.get::<_, String>(4)?,
            ))
        })?;
        for row in rows {
            let (k, d): (Key, String) = row?;
            if let Some(n) = day_number(&d) {
                pending.entry(k).or_default().push(n);
            }
        }
    }
    let mut st = tx.prepare_cached(&format!(
        "{MENTION_SELECT} WHERE e.source_code = ?1 AND e.target_code = ?2 AND e.root = ?3
            AND e.negated = ?4 AND e.day IS NOT NULL"
    ))?;
    for (key, days) in &pending {
        let all: Vec<MentionRow> = st
            .query_map(params![key.0, key.1, key.2, key.3], mention_row)?
            .collect::<Result<_, _>>()?;
        let all: Vec<MentionRow> = all.into_iter().filter(|r| r.m.day != i64::MIN).collect();
        for (first, last) in rules::runs(all.iter().map(|r| r.m.day).collect()) {
            // A pending day next to the run (a removed mention that bridged it) counts too.
            let w = rules::UNDATED_WINDOW;
            if !days.iter().any(|&d| d >= first - w && d <= last + w) {
                continue;
            }
            let run: Vec<&MentionRow> = all
                .iter()
                .filter(|r| r.m.day >= first && r.m.day <= last)
                .collect();
            let old: BTreeSet<i64> = run.iter().filter_map(|r| r.old).collect();
            let mut del = tx.prepare_cached("DELETE FROM canonical_events WHERE canonical = ?1")?;
            for c in old {
                del.execute([c])?;
            }
            let ms: Vec<Mention> = run.iter().map(|r| r.m.clone()).collect();
            for g in rules::group(&ms) {
                let rows: Vec<&MentionRow> = g.iter().map(|&i| run[i]).collect();
                let rep = g
                    .iter()
                    .position(|&i| i == rules::representative(&ms, &g))
                    .expect("representative is a member");
                write_group_refs(tx, &rows, rep)?;
                done.1 += 1;
            }
            done.0 += run.len();
        }
    }
    tx.execute("DELETE FROM dedup_pending", [])?;
    Ok(done)
}

/// Insert one canonical event for `rows` (representative `rows[rep]`) and point its mentions at it.
fn write_group_refs(tx: &Transaction, rows: &[&MentionRow], rep: usize) -> Result<(), StoreError> {
    let r = rows[rep];
    let articles: BTreeSet<i64> = rows.iter().map(|x| x.m.doc).collect();
    let stories: BTreeSet<i64> = rows.iter().map(|x| x.m.story).collect();
    let sources: BTreeSet<&str> = rows.iter().filter_map(|x| x.publisher.as_deref()).collect();
    let seen: Vec<&str> = rows.iter().filter_map(|x| x.doc_date.as_deref()).collect();
    tx.prepare_cached(
        "INSERT INTO canonical_events (rep_event, source_code, target_code, root, negated, cameo,
            day, first_seen, last_seen, num_mentions, num_articles, num_stories, num_sources)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        r.m.event,
        r.key.0,
        r.key.1,
        r.key.2,
        r.key.3,
        r.m.cameo,
        r.day,
        seen.iter().min(),
        seen.iter().max(),
        rows.len(),
        articles.len(),
        stories.len(),
        sources.len()
    ])?;
    let id = tx.last_insert_rowid();
    let mut st = tx.prepare_cached("UPDATE events SET canonical = ?1 WHERE event = ?2")?;
    for x in rows {
        st.execute(params![id, x.m.event])?;
    }
    Ok(())
}
