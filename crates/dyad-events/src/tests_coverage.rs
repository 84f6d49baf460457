//! Behaviour tests of the session-12 coverage patterns (branch plv2) on hand-parsed sentences
//! written for these tests: aid received from a giver (the giver after "from" is the source),
//! compensation paid (a yield, CAMEO 080), light verbs of criticism, and a burned flag.

use crate::testutil::{add_sentence, code, named, t};
use dyad_doc::Doc;

#[test]
fn aid_received_from_a_giver_is_the_givers_aid() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Chad", "Chad", "PROPN", 2, "nsubj"),
            ("received", "receive", "VERB", 0, "root"),
            ("military", "military", "ADJ", 4, "amod"),
            ("aid", "aid", "NOUN", 2, "obj"),
            ("from", "from", "ADP", 6, "case"),
            ("France", "France", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "TCD", "TCD"), (5, 6, "FRA", "FRA")],
    );
    assert_eq!(named(&code(&d)), vec![t("France", "072", "Chad")]);
}

#[test]
fn compensation_paid_to_victims_is_a_yield() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Peru", "Peru", "PROPN", 2, "nsubj"),
            ("paid", "pay", "VERB", 0, "root"),
            ("compensation", "compensation", "NOUN", 2, "obj"),
            ("to", "to", "ADP", 5, "case"),
            ("Chilean", "Chilean", "ADJ", 5, "amod"),
            ("fishermen", "fisherman", "NOUN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "PER", "PER"), (4, 6, "CHLCVL", "CHL")],
    );
    assert_eq!(
        named(&code(&d)),
        vec![t("Peru", "080", "Chilean fishermen")]
    );
}

#[test]
fn criticism_offered_is_criticism() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Oslo", "Oslo", "PROPN", 2, "nsubj"),
            ("offered", "offer", "VERB", 0, "root"),
            ("scathing", "scathe", "VERB", 4, "amod"),
            ("criticism", "criticism", "NOUN", 2, "obj"),
            ("of", "of", "ADP", 6, "case"),
            ("Minsk", "Minsk", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NORGOV", "NOR"), (5, 6, "BLRGOV", "BLR")],
    );
    assert_eq!(named(&code(&d)), vec![t("Oslo", "111", "Minsk")]);
}

#[test]
fn a_burned_flag_is_a_demonstration() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Students", "student", "NOUN", 2, "nsubj"),
            ("burned", "burn", "VERB", 0, "root"),
            ("a", "a", "DET", 5, "det"),
            ("Danish", "Danish", "ADJ", 5, "amod"),
            ("flag", "flag", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "IRNEDU", "IRN"), (3, 4, "DNK", "DNK")],
    );
    let ev = code(&d);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].cameo, "141");
}
