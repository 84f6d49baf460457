//! Negotiation threads on the invented UKR–RUS negotiation of `tests/fixtures/threads.jsonl`
//! (`make_threads.py` tells the story).

use dyad_output::Document;
use dyad_store::Store;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.sqlite")).unwrap();
    let docs: Vec<Document> = include_str!("../fixtures/threads.jsonl")
        .lines()
        .chain(include_str!("../fixtures/corpus.jsonl").lines())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    store.put_batch(&docs).unwrap();
    (dir, store)
}

fn codes(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn thread_reads_as_one_line() {
    let (_d, s) = store();
    let t = s
        .thread(
            &codes(&["UKR"]),
            &codes(&["RUS"]),
            Some("2025-06-01"),
            Some("2025-06-30"),
            None,
        )
        .unwrap();
    let docs: Vec<&str> = t.items.iter().map(|i| i.event.doc_id.as_str()).collect();
    // The shelling (not a move) and the EU's threat (not in the dyad) stay out.
    assert_eq!(
        docs,
        ["th-001", "th-002", "th-003", "th-004", "th-005", "th-006", "th-007"]
    );
    let moves: Vec<(&str, &str)> = t
        .items
        .iter()
        .map(|i| (i.side.as_str(), i.move_.as_str()))
        .collect();
    assert_eq!(
        moves,
        [
            ("a", "proposes de-escalation"),
            ("b", "rejection"),
            ("a", "proposes talks"),
            ("b", "proposes talks"),
            ("b", "demand"),
            ("a", "signs agreement"),
            ("b", "threat"),
        ]
    );
    // proposed a ceasefire → rejected → proposed talks in a third country → accepted → …
    assert_eq!(t.lines[0], [0, 1, 2, 3, 5, 6]);
    assert_eq!(t.items[2].response_reads.as_deref(), Some("accepts"));
    assert_eq!(t.items[0].response_reads.as_deref(), Some("rejection"));
    assert_eq!(t.lines[1], [4, 5, 6], "the demand is answered by the swap");
    assert_eq!(t.items[0].issues, ["ceasefire"]);
    assert_eq!(t.items[2].issues, ["venue"]);
    assert_eq!(t.items[5].issues, ["prisoner-exchange"]);
}

#[test]
fn issue_filter_and_unknown_issue() {
    let (_d, s) = store();
    let (a, b) = (codes(&["RUS"]), codes(&["UKR"]));
    let june = Some("2025-06-01");
    let t = s
        .thread(&a, &b, june, None, Some("prisoner-exchange"))
        .unwrap();
    let docs: Vec<&str> = t.items.iter().map(|i| i.event.doc_id.as_str()).collect();
    assert_eq!(docs, ["th-005", "th-006"]);
    assert_eq!(t.items[0].side, "a", "side a is the first argument");
    assert!(s.thread(&a, &b, None, None, Some("weather")).is_err());
    // A coalition on one side: the EU's sanctions threat joins when the EU is with Ukraine.
    let t = s
        .thread(
            &codes(&["UKR", "EU"]),
            &codes(&["RUS"]),
            Some("2025-06-01"),
            None,
            Some("sanctions"),
        )
        .unwrap();
    assert_eq!(t.items.len(), 1);
    assert_eq!(t.items[0].event.doc_id, "th-004");
}

#[test]
fn events_filter_by_issue_tag_stored_at_ingest() {
    use dyad_store::EventFilter;
    let (_d, mut s) = store();
    let tagged = |s: &Store, tag: &str| -> Vec<String> {
        let f = EventFilter {
            tag: Some(tag.into()),
            mentions: true,
            ..Default::default()
        };
        let mut docs = Vec::new();
        s.for_each_event(&f, |e| {
            docs.push(format!("{}#{}", e.doc_id, e.idx));
            Ok(())
        })
        .unwrap();
        docs
    };
    let ceasefire = tagged(&s, "ceasefire");
    // The proposal and its rejection speak of a ceasefire or truce in their sentences.
    assert!(
        ceasefire.iter().any(|d| d.starts_with("th-001#")),
        "{ceasefire:?}"
    );
    assert!(
        ceasefire.iter().any(|d| d.starts_with("th-002#")),
        "{ceasefire:?}"
    );
    // Every tagged event's sentence has a keyword of the tag; no other event is tagged.
    let lex = dyad_store::threads::lexicon::Lexicon::embedded().unwrap();
    let all: Vec<(String, Vec<String>)> = {
        let c = s.connection();
        let mut st = c
            .prepare(
                "SELECT d.id || '#' || e.idx, substr(d.text, x.start + 1, x.\"end\" - x.start)
                 FROM events e JOIN documents d ON d.doc = e.doc
                 JOIN sentences x ON x.doc = e.doc AND x.idx = e.sentence",
            )
            .unwrap();
        let rows = st
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .unwrap();
        rows.map(|r| {
            let (id, sent) = r.unwrap();
            (id, lex.issues_in(&sent))
        })
        .collect()
    };
    let mut want: Vec<String> = all
        .iter()
        .filter(|(_, tags)| tags.iter().any(|t| t == "ceasefire"))
        .map(|(id, _)| id.clone())
        .collect();
    let mut got = ceasefire.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    assert!(
        all.iter().any(|(_, t)| t.is_empty()),
        "some events have no tag"
    );
    // A rebuild recomputes the same tags; an unknown tag is an error, not an empty list.
    s.dedup(true).unwrap();
    assert_eq!(tagged(&s, "ceasefire"), ceasefire);
    let bad = EventFilter {
        tag: Some("weather".into()),
        ..Default::default()
    };
    assert!(s.events(&bad, None, None, 0).is_err());
}
