//! The event check's threshold (`dyad code --min-check`): every event carries its check
//! probability, events under the threshold are left out and counted in the summary line.

use super::{dyad, root, stderr};

/// (events of the example article at `--min-check` `p` (None: the default), the summary line's
/// count of events left out by the check).
fn run(p: Option<&str>) -> (Vec<serde_json::Value>, usize) {
    let ex = root().join("examples/geneva-talks.txt");
    let mut args = vec!["code", ex.to_str().unwrap(), "--date", "2025-06-03", "-q"];
    if let Some(p) = p {
        args.extend(["--min-check", p]);
    }
    let out = dyad(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let err = stderr(&out);
    let dropped = err
        .split(" events (")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count of events left out: {err}"));
    (doc["events"].as_array().unwrap().clone(), dropped)
}

#[test]
fn the_event_check_threshold_leaves_out_and_counts_events() {
    let (all, none) = run(Some("0"));
    assert_eq!(none, 0, "0 keeps every event");
    assert!(!all.is_empty());
    let p = |e: &serde_json::Value| e["check"].as_f64().expect("every event has its check");
    for e in &all {
        assert!((0.0..=1.0).contains(&p(e)), "{e}");
    }
    // The default threshold and a strict one: what is left out is what falls under it.
    for t in [None, Some("0.5"), Some("1")] {
        let (kept, dropped) = run(t);
        assert_eq!(kept.len() + dropped, all.len(), "{t:?}");
        // The default comes from the model file; an explicit one is exact.
        if let Some(min) = t.map(|t| t.parse::<f64>().unwrap()) {
            assert_eq!(dropped, all.iter().filter(|e| p(e) < min).count(), "{t:?}");
            assert!(kept.iter().all(|e| p(e) >= min), "{t:?}");
        }
    }
    let out = dyad(&["code", "/nonexistent.txt", "--min-check", "1.5", "-q"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("between 0 and 1"), "{}", stderr(&out));
}
