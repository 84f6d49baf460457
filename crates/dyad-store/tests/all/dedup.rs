//! Canonical events and near-duplicate articles on the invented articles of
//! `tests/fixtures/dedup.jsonl`, `dedup-roots.jsonl`, `dedup-sides.jsonl` and `dedup-model.jsonl` (made by `make_dedup.py`, whose header
//! tells the story).

use dyad_output::Document;
use dyad_store::{BatchWriter, Store};
use std::collections::BTreeSet;

fn articles() -> Vec<Document> {
    include_str!("../fixtures/dedup.jsonl")
        .lines()
        .chain(include_str!("../fixtures/corpus.jsonl").lines())
        .map(|l| serde_json::from_str(l).expect("fixture line is a schema-1 Document"))
        .collect()
}

/// [`articles`] and the documents of another fixture file (JSON Lines).
fn articles_and(extra: &str) -> Vec<Document> {
    let mut docs = articles();
    docs.extend(
        extra
            .lines()
            .map(|l| serde_json::from_str::<Document>(l).expect("schema-1 Document")),
    );
    docs
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("d.sqlite")).unwrap();
    (dir, store)
}

fn ingest(store: &mut Store, docs: &[Document], batch: usize) {
    let mut w = BatchWriter::new(store, batch);
    for d in docs {
        w.push(d.clone()).unwrap();
    }
    w.finish().unwrap();
}

/// The grouping as a set of groups of (document id, event index).
fn partition(store: &Store) -> BTreeSet<BTreeSet<(String, i64)>> {
    let mut st = store
        .connection()
        .prepare("SELECT e.canonical, d.id, e.idx FROM events e JOIN documents d ON d.doc = e.doc ORDER BY 1")
        .unwrap();
    let rows: Vec<(Option<i64>, String, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        rows.iter().all(|r| r.0.is_some()),
        "every mention is grouped"
    );
    let mut groups = std::collections::BTreeMap::<i64, BTreeSet<(String, i64)>>::new();
    for (c, d, i) in rows {
        groups.entry(c.unwrap()).or_default().insert((d, i));
    }
    groups.into_values().collect()
}

/// The canonical event of one mention: (num_mentions, num_articles, num_stories, num_sources).
fn counts(store: &Store, doc: &str, idx: i64) -> (i64, i64, i64, i64) {
    store
        .connection()
        .query_row(
            "SELECT c.num_mentions, c.num_articles, c.num_stories, c.num_sources
             FROM events e JOIN documents d ON d.doc = e.doc JOIN canonical_events c ON c.canonical = e.canonical
             WHERE d.id = ?1 AND e.idx = ?2",
            rusqlite::params![doc, idx],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap()
}

fn group_of(p: &BTreeSet<BTreeSet<(String, i64)>>, doc: &str, idx: i64) -> BTreeSet<(String, i64)> {
    p.iter()
        .find(|g| g.contains(&(doc.to_string(), idx)))
        .cloned()
        .expect("mention is grouped")
}

fn set(items: &[(&str, i64)]) -> BTreeSet<(String, i64)> {
    items.iter().map(|(d, i)| (d.to_string(), *i)).collect()
}

/// Every canonical row has exactly the mentions that point at it.
fn assert_consistent(store: &Store) {
    let bad: i64 = store
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM canonical_events c
             WHERE c.num_mentions <> (SELECT COUNT(*) FROM events e WHERE e.canonical = c.canonical)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        bad, 0,
        "canonical rows whose counts do not match their mentions"
    );
}

#[test]
fn wire_copy_follow_up_and_second_call() {
    let (_d, mut store) = open();
    ingest(&mut store, &articles(), 2);
    let p = partition(&store);
    // Monday's call: the wire story, its edited reprint and the follow-up that recalls it.
    assert_eq!(
        group_of(&p, "dd-001", 0),
        set(&[("dd-001", 0), ("dd-002", 0), ("dd-003", 0)])
    );
    // Three articles, two stories (dd-002 is a copy of dd-001), three outlets.
    assert_eq!(counts(&store, "dd-001", 0), (3, 3, 2, 3));
    // Thursday's call stays apart from Monday's; the undated report of it joins it.
    assert_eq!(
        group_of(&p, "dd-004", 0),
        set(&[("dd-004", 0), ("dd-005", 0)])
    );
    // The denied call is not the call.
    assert_eq!(group_of(&p, "dd-006", 0), set(&[("dd-006", 0)]));
    // Monday's shelling of Kharkiv: one story in two outlets.
    assert_eq!(
        group_of(&p, "dd-001", 1),
        set(&[("dd-001", 1), ("dd-002", 1)])
    );
    assert_eq!(counts(&store, "dd-001", 1), (2, 2, 1, 2));
    // Thursday: Kharkiv and Odesa are two events, and neither is Monday's shelling.
    assert_eq!(group_of(&p, "dd-004", 1), set(&[("dd-004", 1)]));
    assert_eq!(group_of(&p, "dd-004", 2), set(&[("dd-004", 2)]));
    assert_consistent(&store);
}

#[test]
fn one_act_under_two_roots_and_an_attack_with_its_toll() {
    let (_d, mut store) = open();
    let docs = articles_and(include_str!("../fixtures/dedup-roots.jsonl"));
    ingest(&mut store, &docs, 3);
    let p = partition(&store);
    // "Russian forces raided a border post …, and two guards were killed in the raid": the
    // assault (190) and its toll (1823) in one sentence are one attack.
    assert_eq!(
        group_of(&p, "dd-007", 0),
        set(&[("dd-007", 0), ("dd-007", 1)])
    );
    // The condemnation (111) and another outlet's echoing "rejected" (120) are one stance; the
    // rejection of an offer of talks that day joins neither (too few shared words across roots).
    assert_eq!(
        group_of(&p, "dd-007", 2),
        set(&[("dd-007", 2), ("dd-008", 0)])
    );
    assert_eq!(group_of(&p, "dd-008", 1), set(&[("dd-008", 1)]));
    // Thursday's shelling of Kharkiv, in the same block (family 17-20), stays apart.
    assert_eq!(group_of(&p, "dd-004", 1), set(&[("dd-004", 1)]));
    assert_consistent(&store);
}

#[test]
fn sides_compare_by_country_and_sector() {
    let (_d, mut store) = open();
    let docs = articles_and(include_str!("../fixtures/dedup-sides.jsonl"));
    ingest(&mut store, &docs, 2);
    let p = partition(&store);
    // Tuesday's call told with Putin (`RUSGOV`) and with the bare country (`RUS`): one call.
    assert_eq!(
        group_of(&p, "dd-009", 0),
        set(&[("dd-009", 0), ("dd-010", 0)])
    );
    // Thursday's call of the same two is another call.
    assert_eq!(group_of(&p, "dd-011", 0), set(&[("dd-011", 0)]));
    // The call with Turkish rebels (`TURREB`) is never the call with the government (`TURGOV`).
    assert_eq!(group_of(&p, "dd-012", 0), set(&[("dd-012", 0)]));
    assert_consistent(&store);
}

#[test]
fn the_pair_model_links_one_act_told_in_other_words() {
    let (_d, mut store) = open();
    let docs = articles_and(include_str!("../fixtures/dedup-model.jsonl"));
    ingest(&mut store, &docs, 2);
    let p = partition(&store);
    // The embedded file has no model: the rules alone keep the two reports apart.
    assert_eq!(group_of(&p, "dd-013", 0), set(&[("dd-013", 0)]));
    assert_eq!(group_of(&p, "dd-015", 0), set(&[("dd-015", 0)]));
    assert_consistent(&store);
    // The trained model (`dyad dedup --link-model data/dedup/link-trained.tsv`): one
    // consultation told by two outlets in other words is one act.
    let model = dyad_store::dedup::lexicon::LinkModel::parse(
        "link-trained.tsv",
        include_str!("../../../../data/dedup/link-trained.tsv"),
    )
    .unwrap();
    store.dedup_with_model(true, model.clone()).unwrap();
    let q = partition(&store);
    assert_eq!(
        group_of(&q, "dd-013", 0),
        set(&[("dd-013", 0), ("dd-014", 0)])
    );
    // Regrouping with the model again changes nothing (deterministic).
    store.dedup_with_model(true, model).unwrap();
    assert_eq!(partition(&store), q);
}

#[test]
fn copies_are_linked() {
    let (_d, mut store) = open();
    ingest(&mut store, &articles(), 256);
    let copy_of = |id: &str| -> Option<String> {
        store
            .connection()
            .query_row(
                "SELECT o.id FROM doc_signatures s JOIN documents d ON d.doc = s.doc
                 LEFT JOIN documents o ON o.doc = s.copy_of WHERE d.id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(copy_of("dd-002").as_deref(), Some("dd-001"));
    for id in ["dd-001", "dd-003", "dd-004", "dd-005", "dd-006", "fx-001"] {
        assert_eq!(copy_of(id), None, "{id}");
    }
    let copies = store.copies("dd-001").unwrap();
    assert_eq!(
        copies.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["dd-002"]
    );
    assert!(copies[0].similarity > 0.5);
    assert_eq!(store.copies("dd-002").unwrap()[0].id, "dd-001");
}

#[test]
fn incremental_equals_rebuild_and_deferred() {
    let docs = articles();
    // Batch by batch at ingest.
    let (_a, mut inc) = open();
    ingest(&mut inc, &docs, 1);
    // All at the end with `dyad dedup`.
    let (_b, mut late) = open();
    late.set_dedup_on_ingest(false);
    ingest(&mut late, &docs, 4);
    let n: i64 = late
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM events WHERE canonical IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(n > 0, "nothing grouped with dedup off");
    let s = late.dedup(false).unwrap();
    assert_eq!(s.documents, docs.len());
    assert_eq!(s.copies, 1);
    assert_eq!(partition(&inc), partition(&late));
    // A rebuild from scratch gives the same grouping again.
    let before = partition(&inc);
    inc.dedup(true).unwrap();
    assert_eq!(partition(&inc), before);
    assert_consistent(&inc);
}

#[test]
fn new_documents_regroup_only_their_runs() {
    let docs = articles();
    let (_d, mut store) = open();
    let (late, early): (Vec<_>, Vec<_>) = docs.iter().cloned().partition(|d| d.id == "dd-005");
    ingest(&mut store, &early, 256);
    let total: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))
        .unwrap();
    let stats = store.put_batch(&late).unwrap();
    // dd-005's one mention joins Thursday's call: that run is regrouped, nothing else. The run
    // holds Monday's call too (its undated reports name both leaders, so their reach is the
    // week of `PEOPLE_WINDOW`), but not the other blocks' mentions.
    assert_eq!(stats.dedup.mentions, 5, "{stats:?}");
    assert!((stats.dedup.mentions as i64) < total);
    let p = partition(&store);
    assert_eq!(
        group_of(&p, "dd-005", 0),
        set(&[("dd-004", 0), ("dd-005", 0)])
    );
    // And the same as ingesting everything at once.
    let (_e, mut all) = open();
    ingest(&mut all, &docs, 256);
    assert_eq!(partition(&all), p);
}

#[test]
fn replacing_and_deleting_documents_regroups() {
    let docs = articles();
    let (_d, mut store) = open();
    ingest(&mut store, &docs, 256);
    // The follow-up is corrected: it no longer mentions the call.
    let mut fixed = docs.iter().find(|d| d.id == "dd-003").unwrap().clone();
    fixed.events.remove(0);
    store.put_batch(&[fixed]).unwrap();
    assert_eq!(counts(&store, "dd-001", 0), (2, 2, 1, 2));
    assert_consistent(&store);
    // The original wire story is withdrawn: its reprint keeps the call.
    assert!(store.delete("dd-001").unwrap());
    assert_eq!(counts(&store, "dd-002", 0), (1, 1, 1, 1));
    assert!(store.copies("dd-002").unwrap().is_empty());
    assert_consistent(&store);
    let orphans: i64 = store
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM canonical_events c
             WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.canonical = c.canonical)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    // Same as a corpus that never had them.
    let before = partition(&store);
    store.dedup(true).unwrap();
    assert_eq!(partition(&store), before);
}

#[test]
fn views_count_canonical_events_unless_asked_for_mentions() {
    use dyad_store::query::Interval;
    use dyad_store::EventFilter;
    let (_d, mut store) = open();
    ingest(&mut store, &articles(), 256);
    let usa_rus = |mentions| EventFilter {
        dyad: Some(("USA".into(), "RUS".into())),
        negated: Some(false),
        from: Some("2025-05-01".into()),
        to: Some("2025-05-31".into()),
        mentions,
        ..Default::default()
    };
    // Monday's call (three mentions) and Thursday's (two): two events, five mentions.
    let day = |f: &EventFilter| -> i64 {
        store
            .timeline(f, Interval::Month)
            .unwrap()
            .iter()
            .map(|p| p.count)
            .sum()
    };
    let (canon, ment) = (usa_rus(false), usa_rus(true));
    let (c, m) = (day(&canon), day(&ment));
    assert_eq!((c, m), (2, 5));
    let net = store.network(&canon, false, 1, 10).unwrap();
    assert_eq!(net.edges[0].count, 2);
    assert_eq!(
        store.network(&ment, false, 1, 10).unwrap().edges[0].count,
        5
    );
    assert_eq!(store.dyads(&canon, None).unwrap()[0].count, 2);
    // The events list: one row per canonical event with its counts, expandable to mentions.
    let page = store.events(&canon, None, None, 0).unwrap();
    assert_eq!(page.total, 2);
    let monday = page
        .items
        .iter()
        .find(|e| e.day.as_deref() == Some("2025-05-05"))
        .unwrap();
    assert_eq!(monday.num_mentions, Some(3));
    assert_eq!(monday.num_sources, Some(3));
    let ev = store.canonical(monday.canonical.unwrap()).unwrap().unwrap();
    assert_eq!(ev.mentions.len(), 3);
    assert_eq!(ev.num_stories, 2);
    let docs: Vec<&str> = ev.mentions.iter().map(|m| m.doc_id.as_str()).collect();
    assert_eq!(docs, ["dd-001", "dd-002", "dd-003"]);
    assert!(store.canonical(-5).unwrap().is_none());
    // Exports: one row per canonical event or per mention.
    let rows = |f: &EventFilter| store.for_each_event(f, |_| Ok(())).unwrap();
    assert_eq!((rows(&canon), rows(&ment)), (2, 5));
    // A canonical CSV export adds the canonical event and its counts; a mention export keeps
    // the columns of `dyad code`.
    let csv_of = |f: &EventFilter| {
        let mut out = Vec::new();
        store
            .export_events(f, dyad_store::export::Format::Csv, &mut out)
            .unwrap();
        let mut r = csv::Reader::from_reader(out.as_slice());
        let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|x| x.unwrap().iter().map(String::from).collect())
            .collect();
        (head, rows)
    };
    let (head, rows) = csv_of(&canon);
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    assert_eq!(
        &head[head.len() - 4..],
        ["canonical", "num_mentions", "num_articles", "num_sources"]
    );
    let mon = rows.iter().find(|r| r[col("day")] == "2025-05-05").unwrap();
    assert_eq!(
        (
            &*mon[col("num_mentions")],
            &*mon[col("num_articles")],
            &*mon[col("num_sources")]
        ),
        ("3", "3", "3")
    );
    assert_eq!(mon[col("canonical")], monday.canonical.unwrap().to_string());
    let (mhead, mrows) = csv_of(&ment);
    assert_eq!(mhead, dyad_store::query::EVENT_COLUMNS);
    assert_eq!(mrows.len(), 5);
}
