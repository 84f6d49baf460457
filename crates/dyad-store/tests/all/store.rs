//! Store tests on the invented fixture corpus (`tests/fixtures/corpus.jsonl`, made by
//! `make_fixtures.py`): ingest, replace, resume, queries and exports. Expected values are computed
//! from the fixture documents themselves, not typed in.

use dyad_output::Document;
use dyad_store::export::Format;
use dyad_store::query::Interval;
use dyad_store::{BatchWriter, EventFilter, Store, SCHEMA_VERSION};

pub(crate) fn fixture() -> Vec<Document> {
    let text = include_str!("../fixtures/corpus.jsonl");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("fixture line is a schema-1 Document"))
        .collect()
}

pub(crate) fn ingested() -> (tempfile::TempDir, Store, Vec<Document>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("c.sqlite")).unwrap();
    let docs = fixture();
    let mut w = BatchWriter::new(&mut store, 3);
    for d in &docs {
        w.push(d.clone()).unwrap();
    }
    let stats = w.finish().unwrap();
    assert_eq!(stats.documents, docs.len());
    assert_eq!(stats.batches, docs.len().div_ceil(3));
    (dir, store, docs)
}

fn is_dyad(e: &dyad_output::EventOut, a: &str, b: &str) -> bool {
    let c = |x: &Option<dyad_output::EventActorOut>| x.as_ref().and_then(|x| x.country.clone());
    let (s, t) = (c(&e.source), c(&e.target));
    (s.as_deref() == Some(a) && t.as_deref() == Some(b))
        || (s.as_deref() == Some(b) && t.as_deref() == Some(a))
}

#[test]
fn new_database_has_current_schema() {
    let (_d, store, docs) = ingested();
    let s = store.stats().unwrap();
    assert_eq!(s.schema_version, SCHEMA_VERSION);
    assert_eq!(s.documents as usize, docs.len());
    assert_eq!(
        s.events as usize,
        docs.iter().map(|d| d.events.len()).sum::<usize>()
    );
    assert_eq!(
        s.quotes as usize,
        docs.iter().map(|d| d.quotes.len()).sum::<usize>()
    );
}

#[test]
fn documents_round_trip_exactly() {
    let (_d, store, docs) = ingested();
    for d in &docs {
        assert_eq!(store.document(&d.id).unwrap().as_ref(), Some(d), "{}", d.id);
    }
    assert!(store.document("missing").unwrap().is_none());
}

#[test]
fn reingest_replaces_and_resume_skips() {
    let (_d, mut store, docs) = ingested();
    let before = store.stats().unwrap();
    let mut changed = docs[0].clone();
    changed.events.truncate(1);
    let s = store
        .put_batch(&[changed.clone(), docs[1].clone()])
        .unwrap();
    assert_eq!(s.replaced, 2);
    let after = store.stats().unwrap();
    assert_eq!(after.documents, before.documents);
    assert_eq!(
        after.events,
        before.events - (docs[0].events.len() as i64 - 1)
    );
    assert_eq!(store.document(&docs[0].id).unwrap(), Some(changed));
    let ids = store.ids().unwrap();
    assert!(docs.iter().all(|d| ids.contains(&d.id)));
    assert!(store.contains("wire/fx-006").unwrap());
}

#[test]
fn interrupted_batch_keeps_committed_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite");
    let docs = fixture();
    {
        let mut store = Store::open(&path).unwrap();
        let mut w = BatchWriter::new(&mut store, 3);
        for d in docs.iter().take(5) {
            w.push(d.clone()).unwrap();
        }
        // Dropped without finish(): the open batch of 2 is lost, the committed 3 stay.
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.ids().unwrap().len(), 3);
}

#[test]
fn too_new_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite");
    let store = Store::open(&path).unwrap();
    store
        .connection()
        .execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
        .unwrap();
    drop(store);
    let err = Store::open(&path).err().expect("refused").to_string();
    assert!(err.contains("newer"), "{err}");
    assert!(Store::open_readonly(&path).is_err());
}

#[test]
fn dyad_filter_matches_both_directions() {
    let (_d, store, docs) = ingested();
    let f = EventFilter {
        dyad: Some(("RUS".into(), "UKR".into())),
        ..Default::default()
    };
    let page = store.events(&f, None, Some(500), 0).unwrap();
    let want: usize = docs
        .iter()
        .map(|d| d.events.iter().filter(|e| is_dyad(e, "RUS", "UKR")).count())
        .sum();
    assert!(want >= 3);
    assert_eq!(page.total, want);
    assert!(page.items.iter().all(|e| {
        let pair = (e.source_country.as_deref(), e.target_country.as_deref());
        pair == (Some("RUS"), Some("UKR")) || pair == (Some("UKR"), Some("RUS"))
    }));
    // Sorted by day.
    let days: Vec<_> = page.items.iter().map(|e| e.day.clone()).collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted);

    let directed = EventFilter {
        dyad: Some(("UKR".into(), "RUS".into())),
        directed: true,
        ..Default::default()
    };
    let d = store.events(&directed, None, None, 0).unwrap();
    assert!(d.total < want && d.total > 0);
    assert!(d
        .items
        .iter()
        .all(|e| e.source_country.as_deref() == Some("UKR")));
}

#[test]
fn pagination_and_filters() {
    let (_d, store, docs) = ingested();
    let all = store
        .events(&EventFilter::default(), None, Some(500), 0)
        .unwrap();
    let p1 = store
        .events(&EventFilter::default(), None, Some(4), 0)
        .unwrap();
    let p2 = store
        .events(&EventFilter::default(), None, Some(4), 4)
        .unwrap();
    assert_eq!(p1.items[..], all.items[..4]);
    assert_eq!(p2.items[..], all.items[4..8]);
    // Page size is clamped.
    assert_eq!(
        store
            .events(&EventFilter::default(), None, Some(10_000), 0)
            .unwrap()
            .limit,
        500
    );

    let roots = EventFilter {
        roots: vec!["19".into()],
        ..Default::default()
    };
    let want = docs
        .iter()
        .flat_map(|d| &d.events)
        .filter(|e| e.root == "19")
        .count();
    assert_eq!(store.events(&roots, None, None, 0).unwrap().total, want);

    let fts = EventFilter {
        q: Some("refinery".into()),
        ..Default::default()
    };
    let r = store.events(&fts, None, None, 0).unwrap();
    assert!(r.total > 0 && r.items.iter().all(|e| e.doc_id == "fx-004"));

    let dates = EventFilter {
        from: Some("2025-03-01".into()),
        to: Some("2025-03-31".into()),
        ..Default::default()
    };
    let r = store.events(&dates, None, Some(500), 0).unwrap();
    assert!(r.total > 0);
    assert!(r
        .items
        .iter()
        .all(|e| e.day.as_deref().unwrap() >= "2025-03-01"
            && e.day.as_deref().unwrap() <= "2025-03-31"));

    let actor = EventFilter {
        actor: Some("USAGOV".into()),
        ..Default::default()
    };
    let want = docs
        .iter()
        .flat_map(|d| &d.events)
        .filter(|e| {
            [&e.source, &e.target]
                .iter()
                .any(|a| a.as_ref().and_then(|a| a.code.as_deref()) == Some("USAGOV"))
        })
        .count();
    assert_eq!(store.events(&actor, None, None, 0).unwrap().total, want);
    assert!(store
        .events(&EventFilter::default(), Some("bogus"), None, 0)
        .is_err());
}

#[test]
fn timeline_sums_to_filtered_events() {
    let (_d, store, _docs) = ingested();
    // By publication date every event lies in the axis (the publication range); by event date
    // some may not (tests/all/dashboard.rs).
    let f = EventFilter {
        negated: Some(false),
        time: dyad_store::query::TimeBasis::Published,
        ..Default::default()
    };
    let total = store.events(&f, None, None, 0).unwrap().total as i64;
    for interval in [Interval::Day, Interval::Week, Interval::Month] {
        let t = store.timeline(&f, interval).unwrap();
        assert_eq!(
            t.iter().map(|p| p.count).sum::<i64>(),
            total,
            "{interval:?}"
        );
        assert!(t.iter().all(|p| p.quad.iter().sum::<i64>() == p.count));
        assert!(t.windows(2).all(|w| w[0].bucket < w[1].bucket));
    }
    let weeks = store.timeline(&f, Interval::Week).unwrap();
    // Every week bucket is a Monday.
    for p in &weeks {
        let d = chrono::NaiveDate::parse_from_str(&p.bucket, "%Y-%m-%d").unwrap();
        assert_eq!(
            chrono::Datelike::weekday(&d),
            chrono::Weekday::Mon,
            "{}",
            p.bucket
        );
    }
}

#[test]
fn network_and_dyads() {
    let (_d, store, docs) = ingested();
    let net = store
        .network(&EventFilter::default(), false, 1, 100)
        .unwrap();
    let rus_ukr = net
        .edges
        .iter()
        .find(|e| e.source == "RUS" && e.target == "UKR")
        .expect("RUS→UKR edge");
    let want = docs
        .iter()
        .flat_map(|d| &d.events)
        .filter(|e| {
            e.source.as_ref().and_then(|a| a.country.as_deref()) == Some("RUS")
                && e.target.as_ref().and_then(|a| a.country.as_deref()) == Some("UKR")
        })
        .count() as i64;
    assert_eq!(rus_ukr.count, want);
    assert!(net.edges.windows(2).all(|w| w[0].count >= w[1].count));
    assert!(net.nodes.iter().any(|n| n.id == "USA"));

    let dyads = store.dyads(&EventFilter::default(), None).unwrap();
    assert!(dyads.iter().all(|d| d.a < d.b));
    assert!(dyads.iter().any(|d| d.a == "RUS" && d.b == "UKR"));
}

#[test]
fn quotes_by_speaker_and_documents_search() {
    let (_d, store, docs) = ingested();
    let want = docs
        .iter()
        .flat_map(|d| &d.quotes)
        .filter(|q| q.speaker.as_ref().and_then(|s| s.name.as_deref()) == Some("Donald Trump"))
        .count();
    let q = store
        .quotes(Some("Donald Trump"), None, None, None, 0)
        .unwrap();
    assert_eq!(q.total, want);
    assert!(want >= 2);
    let speakers = store.speakers(None).unwrap();
    assert_eq!(speakers[0].quotes as usize, want);
    let found = store
        .documents(Some("Istanbul"), None, None, None, 0)
        .unwrap();
    assert_eq!(
        found
            .items
            .iter()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>(),
        ["fx-005"]
    );
    // FTS syntax in user input is neutralised, not an error.
    assert!(store
        .documents(Some("\"NEAR( OR *"), None, None, None, 0)
        .is_ok());
}

#[test]
fn exports_have_one_row_per_event() {
    let (_d, store, docs) = ingested();
    let n: usize = docs.iter().map(|d| d.events.len()).sum();
    let mut csv = Vec::new();
    assert_eq!(
        store
            .export_events(&EventFilter::default(), Format::Csv, &mut csv)
            .unwrap(),
        n
    );
    let mut rdr = csv::Reader::from_reader(&csv[..]);
    // The default filter counts canonical events: the event columns plus the counts.
    assert_eq!(
        rdr.headers().unwrap().len(),
        dyad_store::query::EVENT_COLUMNS.len() + dyad_store::export::CANONICAL_COLUMNS.len()
    );
    assert_eq!(rdr.records().count(), n);

    let mut jsonl = Vec::new();
    store
        .export_events(&EventFilter::default(), Format::Jsonl, &mut jsonl)
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), n);
    assert!(lines.iter().any(|l| l["doc_id"] == "wire/fx-006"));

    let mut pq = Vec::new();
    store
        .export_events(&EventFilter::default(), Format::Parquet, &mut pq)
        .unwrap();
    assert_eq!(&pq[..4], b"PAR1");
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        bytes::Bytes::from(pq),
    )
    .unwrap()
    .build()
    .unwrap();
    let rows: usize = reader.map(|b| b.unwrap().num_rows()).sum();
    assert_eq!(rows, n);
}

#[test]
fn a_snapshot_sees_one_committed_state_while_a_writer_commits() {
    let (dir, mut store, docs) = ingested();
    let reader = Store::open_readonly(dir.path().join("c.sqlite")).unwrap();
    let before = reader.stats().unwrap();
    let extra = {
        let mut d = docs[0].clone();
        d.id = "snapshot-extra".into();
        d
    };
    let (inside, again) = reader
        .snapshot(|r| {
            let first = r.stats()?;
            // A batch committed by another connection in the middle of the read transaction.
            store.put_batch(std::slice::from_ref(&extra))?;
            Ok((first, r.stats()?))
        })
        .unwrap();
    assert_eq!(inside, before);
    assert_eq!(
        again, before,
        "the second statement still sees the first state"
    );
    let after = reader.stats().unwrap();
    assert_eq!(after.documents, before.documents + 1);
    assert_eq!(after.events, before.events + extra.events.len() as i64);
}

#[test]
fn reading_connections_refuse_writes_but_recover_what_a_killed_writer_left() {
    let (dir, store, docs) = ingested();
    let path = dir.path().join("c.sqlite");
    let reader = Store::open_readonly(&path).unwrap();
    let err = reader
        .connection()
        .execute("DELETE FROM documents", [])
        .unwrap_err();
    assert!(err.to_string().contains("readonly"), "{err}");

    // A writer killed in the middle of a transaction in rollback-journal mode: copying the
    // database and its journal while the transaction is open gives the files it leaves (a hot
    // journal that nobody holds a lock on).
    drop(reader);
    let conn = store.connection();
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA cache_size = 1; BEGIN;")
        .unwrap();
    conn.execute("DELETE FROM documents", []).unwrap();
    let crashed = dir.path().join("crashed.sqlite");
    std::fs::copy(&path, &crashed).unwrap();
    std::fs::copy(
        dir.path().join("c.sqlite-journal"),
        dir.path().join("crashed.sqlite-journal"),
    )
    .unwrap();
    conn.execute_batch("ROLLBACK").unwrap();
    // A plain read-only connection cannot roll the journal back and fails.
    let plain =
        rusqlite::Connection::open_with_flags(&crashed, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    assert!(plain
        .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
        .is_err());
    drop(plain);
    // The store's reading connection rolls it back and sees the last committed state.
    let reader = Store::open_readonly(&crashed).unwrap();
    assert_eq!(reader.stats().unwrap().documents, docs.len() as i64);
}

// ---- Unresolved speakers (issue 17): ranked apart from people, counted on their own. ----

/// The first fixture document with three more quotes: a pronoun without an antecedent, a quote
/// with no speaker, and a role with a country but no name (resolved).
fn with_unresolved() -> Document {
    let mut d = fixture().remove(0);
    let q = |speaker: serde_json::Value| -> dyad_output::QuoteOut {
        serde_json::from_value(serde_json::json!({
            "start": 0, "end": 5, "text": "Trump", "kind": "indirect",
            "speaker": speaker, "cue": null, "channel": null
        }))
        .unwrap()
    };
    d.quotes.push(q(serde_json::json!({
        "start": 0, "end": 2, "text": "He", "name": null, "cluster": null, "resolved": false
    })));
    d.quotes.push(q(serde_json::Value::Null));
    d.quotes.push(q(serde_json::json!({
        "start": 0, "end": 5, "text": "a U.S. official", "name": null, "cluster": null,
        "code": "USAGOV", "resolved": true
    })));
    d
}

#[test]
fn speakers_rank_only_resolved_and_count_the_rest() {
    let (_d, mut store, docs) = ingested();
    let d = with_unresolved();
    store.put_batch(std::slice::from_ref(&d)).unwrap();
    let speakers = store.speakers(Some(500)).unwrap();
    assert!(speakers.iter().all(|s| s.name != "He"), "{speakers:?}");
    assert!(speakers.iter().any(|s| s.name == "a U.S. official"));
    let all: Vec<_> = docs
        .iter()
        .skip(1)
        .chain(std::iter::once(&d))
        .flat_map(|d| &d.quotes)
        .collect();
    let ranked: i64 = speakers.iter().map(|s| s.quotes).sum();
    let resolved = all
        .iter()
        .filter(|q| q.speaker.as_ref().is_some_and(|s| s.is_resolved()))
        .count();
    assert_eq!(ranked as usize, resolved);
    let u = store.unresolved_speakers().unwrap();
    assert_eq!(u.quotes as usize, all.len() - resolved);
    assert_eq!(u.quotes, 2);
    assert_eq!(u.without_speaker, 1);
    assert_eq!(u.documents, 1);
}

#[test]
fn migration_4_takes_resolved_from_annotations_or_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    // A version-3 database holding the document, written as version 3 wrote it.
    {
        let store = Store::open(&path).unwrap();
        let mut d = with_unresolved();
        // Output from before the `resolved` field: the named speakers keep their name, the
        // pronoun has none; the role's flag is dropped so only its code can tell.
        for q in &mut d.quotes {
            if let Some(s) = &mut q.speaker {
                if s.text == "a U.S. official" {
                    s.resolved = None;
                }
            }
        }
        let mut store = store;
        store.put_batch(std::slice::from_ref(&d)).unwrap();
        let c = store.connection();
        c.execute_batch(
            "DROP INDEX quotes_resolved; ALTER TABLE quotes DROP COLUMN speaker_resolved;
             PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let flags: Vec<(Option<String>, i64)> = store
        .connection()
        .prepare("SELECT speaker_text, speaker_resolved FROM quotes ORDER BY idx")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let d = with_unresolved();
    assert_eq!(flags.len(), d.quotes.len());
    for (q, (text, flag)) in d.quotes.iter().zip(&flags) {
        assert_eq!(q.speaker.as_ref().map(|s| s.text.clone()), *text);
        assert_eq!(
            *flag == 1,
            q.speaker.as_ref().is_some_and(|s| s.is_resolved()),
            "{text:?}"
        );
    }
    assert_eq!(store.unresolved_speakers().unwrap().quotes, 2);
}
