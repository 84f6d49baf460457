//! Behaviour tests of the session-17 event-level filters (issue 16 precision, branch `events23`)
//! on hand-parsed sentences written for these tests: a nominal event still ahead of the report
//! (the subject of a modal verb, the object of a word of delay, the purpose of a journey) is no
//! event; the same nominal event reported as held is.

use crate::testutil::{add_sentence, code, Tok};
use dyad_doc::Doc;

fn codes(d: &Doc) -> Vec<String> {
    code(d).into_iter().map(|e| e.cameo).collect()
}

/// "The meeting between Norland and Sudria AUX focus on trade." with `aux` before "focus"
/// (none when `aux` is empty).
fn meeting_will(aux: &str) -> Doc {
    let mut d = Doc::new("t", "");
    let mut toks: Vec<Tok> = vec![
        ("The", "the", "DET", 2, "det"),
        ("meeting", "meeting", "NOUN", 8, "nsubj"),
        ("between", "between", "ADP", 4, "case"),
        ("Norland", "Norland", "PROPN", 2, "nmod"),
        ("and", "and", "CCONJ", 6, "cc"),
        ("Sudria", "Sudria", "PROPN", 4, "conj"),
    ];
    if aux.is_empty() {
        toks.extend([
            ("focused", "focus", "VERB", 0, "root"),
            ("on", "on", "ADP", 9, "case"),
            ("trade", "trade", "NOUN", 7, "obl"),
            (".", ".", "PUNCT", 7, "punct"),
        ]);
        for x in toks.iter_mut().take(6) {
            if x.3 == 8 {
                x.3 = 7;
            }
        }
    } else {
        toks.extend([
            (aux, aux, "AUX", 8, "aux"),
            ("focus", "focus", "VERB", 0, "root"),
            ("on", "on", "ADP", 10, "case"),
            ("trade", "trade", "NOUN", 8, "obl"),
            (".", ".", "PUNCT", 8, "punct"),
        ]);
    }
    add_sentence(&mut d, &toks, &[(3, 4, "NRL", "NRL"), (5, 6, "SUD", "SUD")]);
    d
}

#[test]
fn a_meeting_that_may_happen_is_no_meeting() {
    for aux in ["may", "will"] {
        let c = codes(&meeting_will(aux));
        assert!(!c.iter().any(|k| k.starts_with("04")), "{aux}: {c:?}");
    }
    // "The meeting between Norland and Sudria focused on trade." was held.
    let c = codes(&meeting_will(""));
    assert!(c.iter().any(|k| k.starts_with("04")), "{c:?}");
}

#[test]
fn a_delayed_meeting_is_no_meeting() {
    // "Norland delayed its meeting with Sudria."
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("delayed", "delay", "VERB", 0, "root"),
            ("its", "its", "PRON", 4, "nmod:poss"),
            ("meeting", "meeting", "NOUN", 2, "obj"),
            ("with", "with", "ADP", 6, "case"),
            ("Sudria", "Sudria", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (5, 6, "SUD", "SUD")],
    );
    let c = codes(&d);
    assert!(!c.iter().any(|k| k.starts_with("04")), "{c:?}");
    // "Norland held a meeting with Sudria." is one.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("held", "hold", "VERB", 0, "root"),
            ("a", "a", "DET", 4, "det"),
            ("meeting", "meeting", "NOUN", 2, "obj"),
            ("with", "with", "ADP", 6, "case"),
            ("Sudria", "Sudria", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (5, 6, "SUD", "SUD")],
    );
    let c = codes(&d);
    assert!(c.iter().any(|k| k.starts_with("04")), "{c:?}");
}

#[test]
fn talks_that_are_the_purpose_of_a_journey_are_still_ahead() {
    // "The minister arrived in Norburg for talks with Sudria."
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("The", "the", "DET", 2, "det"),
            ("minister", "minister", "NOUN", 3, "nsubj"),
            ("arrived", "arrive", "VERB", 0, "root"),
            ("in", "in", "ADP", 5, "case"),
            ("Norburg", "Norburg", "PROPN", 3, "obl"),
            ("for", "for", "ADP", 7, "case"),
            ("talks", "talk", "NOUN", 3, "obl"),
            ("with", "with", "ADP", 9, "case"),
            ("Sudria", "Sudria", "PROPN", 7, "nmod"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(0, 2, "NRLGOV", "NRL"), (8, 9, "SUD", "SUD")],
    );
    // (The arrival itself is a visit, 042.)
    let c = codes(&d);
    assert!(!c.iter().any(|k| k == "040" || k == "046"), "{c:?}");
    // "The minister held talks with Sudria." reports them held.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("The", "the", "DET", 2, "det"),
            ("minister", "minister", "NOUN", 3, "nsubj"),
            ("held", "hold", "VERB", 0, "root"),
            ("talks", "talk", "NOUN", 3, "obj"),
            ("with", "with", "ADP", 6, "case"),
            ("Sudria", "Sudria", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(0, 2, "NRLGOV", "NRL"), (5, 6, "SUD", "SUD")],
    );
    let c = codes(&d);
    assert!(c.iter().any(|k| k.starts_with("04")), "{c:?}");
}
