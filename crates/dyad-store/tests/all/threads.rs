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
