//! The SQL side of deduplication: copy links and canonical-event rows.

use super::lexicon::Vocab;
use super::minhash;
use super::rules::{self, Mention, Side, When};
use super::{publisher, COPY_SIMILARITY};
use crate::StoreError;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use std::collections::BTreeSet;

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
    root: String,
    negated: bool,
}

/// The block: the two sides' anchors (country, else code) in sorted order, negated. Every root
/// shares it: one act is often coded under two roots (a headline's "vows to demolish" and the
/// body's "vowed to destroy"), and the rules say when two roots are one act.
type Block = (String, String, bool);

/// Anchor of one side: `COALESCE(country, code)`, as the `events_block` index computes it.
const SRC_ANCHOR: &str = "COALESCE(e.source_country, e.source_code)";
const TGT_ANCHOR: &str = "COALESCE(e.target_country, e.target_code)";

/// Whether the actor named `name` on the mention is a person: an entity of its document with
/// that canonical name has the type `PER`.
const PERSON: &str = "EXISTS (SELECT 1 FROM entities n WHERE n.doc = e.doc AND n.actor_name = {} AND n.type = 'PER')";

fn mention_select() -> String {
    format!(
        "SELECT e.event, d.doc, d.id, e.idx, e.cameo, e.root, e.day, e.date,
            e.place_name, e.place_country, e.lat, e.lon, e.source_name, e.target_name, e.source_code,
            e.target_code, e.negated, d.date, d.source, d.url, COALESCE(s.story, d.doc), e.canonical,
            e.sentence, e.source_country, e.target_country, {}, {}, e.modality,
            substr(d.text, sx.start + 1, sx.\"end\" - sx.start),
            (SELECT t.start || ' ' || t.\"end\" FROM times t
                    JOIN sentences x ON x.doc = t.doc AND x.idx = e.sentence
                    WHERE t.doc = e.doc AND t.start >= x.start AND t.\"end\" <= x.\"end\"
                      AND substr(t.value, 1, 10) = e.date ORDER BY t.start LIMIT 1),
            e.evidence_start, e.evidence_end,
            substr(d.text, sx.start + 1, MAX(e.evidence_start - sx.start, 0)), e.evidence_text,
            substr(d.text, e.evidence_end + 1, MAX(sx.\"end\" - e.evidence_end, 0)),
            sx.\"end\" <= length(COALESCE(d.title, '')), sx.start
         FROM events e JOIN documents d ON d.doc = e.doc LEFT JOIN doc_signatures s ON s.doc = e.doc
         LEFT JOIN sentences sx ON sx.doc = e.doc AND sx.idx = e.sentence",
        PERSON.replace("{}", "e.source_name"),
        PERSON.replace("{}", "e.target_name")
    )
}

fn day_number(day: &str) -> Option<i64> {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(rules::day_number)
}

fn mention_row(r: &Row, vocab: &Vocab) -> rusqlite::Result<MentionRow> {
    let stop = &vocab.stop;
    let day: Option<String> = r.get(6)?;
    let date: Option<String> = r.get(7)?;
    let (lat, lon): (Option<f64>, Option<f64>) = (r.get(10)?, r.get(11)?);
    let names: (Option<String>, Option<String>) = (r.get(12)?, r.get(13)?);
    let doc_date: Option<String> = r.get(17)?;
    let source: Option<String> = r.get(18)?;
    let url: Option<String> = r.get(19)?;
    let persons: (bool, bool) = (r.get(25)?, r.get(26)?);
    let modality: String = r.get(27)?;
    let sentence: Option<String> = r.get(28)?;
    // The time expression of its sentence that gives its date, if any (`start end`).
    let timex: Option<(i64, i64)> = r.get::<_, Option<String>>(29)?.and_then(|t| {
        let (a, b) = t.split_once(' ')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    });
    let expressed = timex.is_some();
    // A denial the coder did not negate ("I never met"): see `rules::denial_cue`.
    let negated: bool = r.get(16)?;
    let denied =
        !negated && rules::denial_cue(&r.get::<_, Option<String>>(32)?.unwrap_or_default(), vocab);
    let evidence: (i64, i64) = (r.get(30)?, r.get(31)?);
    let reported = match (timex, &sentence) {
        (Some(t), Some(text)) => rules::report_dated(
            text,
            r.get::<_, Option<i64>>(36)?.unwrap_or(0),
            t,
            evidence,
            vocab,
        ),
        _ => false,
    };
    let day_n = day.as_deref().and_then(day_number);
    let when = match day_n {
        Some(n) => rules::when_of(
            date.as_deref(),
            n,
            doc_date.as_deref().and_then(day_number),
            expressed,
        ),
        None => When::Undated(i64::MIN),
    };
    // A date of a report ("confirmed Thursday") is no date of the act: as a publication day.
    // Not for a denial, negated or not: the denial is a saying, and the report's day is its own
    // ("said in a statement on Wednesday night that he never met").
    let when = match when {
        When::Dated(d) if reported && !denied && !negated => When::Undated(d),
        w => w,
    };
    let side =
        |code: Option<String>, country: Option<String>, name: &Option<String>, person| Side {
            code: code.unwrap_or_default(),
            country,
            person: if person { name.clone() } else { None },
        };
    let mut row = MentionRow {
        m: Mention {
            event: r.get(0)?,
            doc_id: r.get(2)?,
            idx: r.get(3)?,
            sentence: r.get(22)?,
            cameo: r.get(4)?,
            planned: rules::statement_planned_cue(
                &r.get::<_, String>(4)?,
                &r.get::<_, Option<String>>(32)?.unwrap_or_default(),
                &r.get::<_, String>(33)?,
                &r.get::<_, Option<String>>(34)?.unwrap_or_default(),
                vocab,
            ),
            denied,
            modality,
            words: sentence
                .as_deref()
                .map(|t| rules::content_words(t, stop))
                .unwrap_or_default(),
            ev_words: rules::content_words(&r.get::<_, String>(33)?, stop),
            src: side(r.get(14)?, r.get(23)?, &names.0, persons.0),
            tgt: side(r.get(15)?, r.get(24)?, &names.1, persons.1),
            when,
            place: r.get(8)?,
            place_country: r.get(9)?,
            coords: lat.zip(lon),
            named: names.0.is_some() && names.1.is_some(),
            doc: r.get(1)?,
            story: r.get(20)?,
            evidence,
            object: rules::object_head(
                &r.get::<_, String>(33)?,
                &r.get::<_, Option<String>>(34)?.unwrap_or_default(),
                vocab,
            ),
            headline: r.get::<_, Option<bool>>(35)?.unwrap_or(false),
            teller: false,
        },
        doc_date,
        publisher: publisher(source.as_deref(), url.as_deref()),
        day: if day_n.is_some() { day } else { None },
        old: r.get(21)?,
        root: r.get(5)?,
        negated: r.get(16)?,
    };
    // An outlet coded as the source of an act it reports: see `rules::teller`.
    row.m.teller = rules::teller(
        &row.m.src,
        &row.m.cameo,
        &r.get::<_, Option<String>>(32)?.unwrap_or_default(),
        vocab,
    );
    Ok(row)
}

/// Regroup every pending mention (`events.canonical` null) with the runs of its block; returns
/// (mentions regrouped, canonical events written).
pub(super) fn regroup_pending(
    tx: &Transaction,
    vocab: &Vocab,
) -> Result<(usize, usize), StoreError> {
    let select = mention_select();
    let mut done = (0, 0);
    // Mentions that cannot be compared (an actor without a code, no day): their own event.
    let singles: Vec<MentionRow> = {
        let mut st = tx.prepare_cached(&format!(
            "{select} WHERE e.canonical IS NULL
             AND (e.source_code IS NULL OR e.target_code IS NULL OR e.day IS NULL) ORDER BY e.event"
        ))?;
        let rows = st.query_map([], |r| mention_row(r, vocab))?;
        rows.collect::<Result<_, _>>()?
    };
    for r in &singles {
        write_group_refs(tx, &[r], 0)?;
        done.0 += 1;
        done.1 += 1;
    }
    // Blocks holding a mention without a canonical event.
    let mut blocks: BTreeSet<Block> = BTreeSet::new();
    {
        let mut st = tx.prepare_cached(&format!(
            "SELECT DISTINCT {SRC_ANCHOR}, {TGT_ANCHOR}, e.negated FROM events e
             WHERE e.canonical IS NULL AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
                AND e.day IS NOT NULL"
        ))?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?;
        for row in rows {
            let (a, b, neg) = row?;
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            blocks.insert((a, b, neg));
        }
    }
    // One side's anchor is its country, else (no country) its code: four index-friendly
    // branches instead of a scan comparing computed anchors.
    let mut st = tx.prepare_cached(&format!(
        "{select} WHERE e.event IN (
                SELECT event FROM events WHERE source_country = ?1 AND target_country = ?2
                UNION ALL SELECT event FROM events WHERE source_country = ?1
                    AND target_country IS NULL AND target_code = ?2
                UNION ALL SELECT event FROM events WHERE source_country IS NULL
                    AND source_code = ?1 AND target_country = ?2
                UNION ALL SELECT event FROM events WHERE source_country IS NULL
                    AND source_code = ?1 AND target_country IS NULL AND target_code = ?2)
            AND e.negated = ?3 AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
            AND e.day IS NOT NULL ORDER BY e.event"
    ))?;
    let mut del = tx.prepare_cached("DELETE FROM canonical_events WHERE canonical = ?1")?;
    for (a, b, neg) in &blocks {
        let mut all: Vec<MentionRow> = Vec::new();
        // Both directions, once when the two anchors are one.
        let dirs: &[(&String, &String)] = if a == b { &[(a, b)] } else { &[(a, b), (b, a)] };
        for &(x, y) in dirs {
            for r in st.query_map(params![x, y, neg], |r| mention_row(r, vocab))? {
                all.push(r?);
            }
        }
        for (first, last, story) in block_runs(&all, a == b) {
            let run: Vec<&MentionRow> = all
                .iter()
                .filter(|r| {
                    let x = r.m.reach();
                    x.0 >= first && x.1 <= last && story.is_none_or(|s| r.m.story == s)
                })
                .collect();
            if run.iter().all(|r| r.old.is_some()) {
                continue;
            }
            let old: BTreeSet<i64> = run.iter().filter_map(|r| r.old).collect();
            for c in old {
                del.execute([c])?;
            }
            let ms: Vec<Mention> = run.iter().map(|r| r.m.clone()).collect();
            for g in rules::group(&ms, vocab) {
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
    Ok(done)
}

/// What the grouping sees of one pair of mentions ([`super::PairView`]), each mention given by
/// its document id and event index; `None` when either is not in the database.
pub(super) fn pair_view(
    conn: &rusqlite::Connection,
    a: (&str, i64),
    b: (&str, i64),
    vocab: &Vocab,
) -> Result<Option<super::PairView>, StoreError> {
    let mut st = conn.prepare_cached(&format!(
        "{} WHERE d.id = ?1 AND e.idx = ?2",
        mention_select()
    ))?;
    let mut get = |(id, idx): (&str, i64)| -> Result<Option<MentionRow>, StoreError> {
        Ok(st
            .query_row(params![id, idx], |r| mention_row(r, vocab))
            .optional()?)
    };
    let (Some(x), Some(y)) = (get(a)?, get(b)?) else {
        return Ok(None);
    };
    let anchors = |r: &MentionRow| {
        let (s, t) = (
            r.m.src.country.clone().unwrap_or(r.m.src.code.clone()),
            r.m.tgt.country.clone().unwrap_or(r.m.tgt.code.clone()),
        );
        if s <= t {
            (s, t, r.negated)
        } else {
            (t, s, r.negated)
        }
    };
    let comparable =
        |r: &MentionRow| r.day.is_some() && !r.m.src.code.is_empty() && !r.m.tgt.code.is_empty();
    let block = comparable(&x) && comparable(&y) && anchors(&x) == anchors(&y);
    let (m, n) = (&x.m, &y.m);
    Ok(Some(super::PairView {
        block,
        compatible: block && rules::compatible(m, n, vocab),
        hard: block && rules::hard_constraints(m, n, vocab),
        candidate: block && rules::model_candidate(m, n, vocab),
        failed: if block {
            rules::failed_constraints(m, n, vocab)
        } else {
            Vec::new()
        },
        features: rules::pair_features(m, n, vocab).to_vec(),
    }))
}

/// The runs of one block: `(first, last, story)`. A domestic block (both anchors one country)
/// merges only within one story (`rules::statements_compatible`: one article or copies of
/// it), so each story is run apart: a country's whole political life is one block, and a new
/// article then regroups its own story, not every domestic mention of its weeks.
fn block_runs(all: &[MentionRow], domestic: bool) -> Vec<(i64, i64, Option<i64>)> {
    if !domestic {
        let reach = all.iter().map(|r| r.m.reach()).collect();
        return rules::runs(reach)
            .into_iter()
            .map(|(f, l)| (f, l, None))
            .collect();
    }
    let mut by_story: std::collections::BTreeMap<i64, Vec<(i64, i64)>> = Default::default();
    for r in all {
        by_story.entry(r.m.story).or_default().push(r.m.reach());
    }
    by_story
        .into_iter()
        .flat_map(|(s, reach)| {
            rules::runs(reach)
                .into_iter()
                .map(move |(f, l)| (f, l, Some(s)))
        })
        .collect()
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
        (!r.m.src.code.is_empty()).then_some(&r.m.src.code),
        (!r.m.tgt.code.is_empty()).then_some(&r.m.tgt.code),
        r.root,
        r.negated,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// An undated `RURGOV → RURLEG` demand of day `day` in document (and story) `story`.
    fn row(event: i64, story: i64, day: i64) -> MentionRow {
        let side = |code: &str| Side {
            code: code.into(),
            country: Some("RUR".into()),
            person: None,
        };
        MentionRow {
            m: Mention {
                event,
                doc_id: format!("d{event}"),
                idx: 0,
                sentence: 0,
                cameo: "100".into(),
                modality: "demand".into(),
                planned: false,
                denied: false,
                words: Vec::new(),
                ev_words: Vec::new(),
                src: side("RURGOV"),
                tgt: side("RURLEG"),
                when: When::Undated(day),
                place: None,
                place_country: None,
                coords: None,
                named: false,
                doc: event,
                story,
                evidence: (0, 5),
                object: None,
                headline: false,
                teller: false,
            },
            doc_date: None,
            publisher: None,
            day: None,
            old: None,
            root: "10".into(),
            negated: false,
        }
    }

    #[test]
    fn a_domestic_block_runs_story_by_story() {
        // Three articles of one day: two stories, the third a copy of the first.
        let all = vec![row(1, 1, 100), row(2, 2, 100), row(3, 1, 101)];
        let runs = block_runs(&all, true);
        assert_eq!(runs.len(), 2, "{runs:?}");
        assert!(runs.iter().all(|r| r.2.is_some()));
        // The same mentions between two countries overlap in one run.
        assert_eq!(block_runs(&all, false), vec![(98, 102, None)]);
    }
}
