//! Behaviour tests of the session-18 role rules (branch `events24`) on hand-parsed sentences
//! written for these tests: a region named as a place (also as a later conjunct) is no target,
//! and the source's own government owning a thing is no target. Each rule has its counterpart.

use crate::testutil::{add_sentence, code, named};
use dyad_doc::Doc;

/// "Norland arrived in PLACE [and SECOND]." with each place coded as given.
fn arrived(place: (&str, &str), second: Option<(&str, &str)>) -> Doc {
    let mut d = Doc::new("t", "");
    let mut toks = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("arrived", "arrive", "VERB", 0, "root"),
        ("in", "in", "ADP", 4, "case"),
        (place.0, place.0, "PROPN", 2, "obl"),
    ];
    let mut acts = vec![(0, 1, "NOR", "NOR"), (3, 4, place.1, place.1)];
    if let Some(p) = second {
        toks.push(("and", "and", "CCONJ", 6, "cc"));
        toks.push((p.0, p.0, "PROPN", 4, "conj"));
        acts.push((5, 6, p.1, p.1));
    }
    toks.push((".", ".", "PUNCT", 2, "punct"));
    add_sentence(&mut d, &toks, &acts);
    d
}

#[test]
fn a_region_named_as_a_place_is_no_target() {
    let ev = named(&code(&arrived(("Europe", "EUR"), None)));
    assert!(!ev.is_empty(), "{ev:?}");
    assert!(ev.iter().all(|e| e.2.is_empty()), "{ev:?}");
    // A country stays the host of a visit.
    let ev = named(&code(&arrived(("Sudria", "SDR"), None)));
    assert!(ev.iter().any(|e| e.2 == "Sudria"), "{ev:?}");
}

#[test]
fn a_region_in_a_list_of_places_is_no_target() {
    // The conjunct stands under the first one's preposition: the country stays, the region goes.
    let ev = named(&code(&arrived(("Gavaria", "GAV"), Some(("Europe", "EUR")))));
    assert!(ev.iter().any(|e| e.2 == "Gavaria"), "{ev:?}");
    assert!(ev.iter().all(|e| e.2 != "Europe"), "{ev:?}");
}

/// "Trump VERBED OWNER's plan." (the owner coded `owner.1`; "Washington" as the source's own
/// government, named by no person).
fn commission(verb: (&str, &str), owner: (&str, &str)) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Trump", "Trump", "PROPN", 2, "nsubj"),
            (verb.0, verb.1, "VERB", 0, "root"),
            ("the", "the", "DET", 6, "det"),
            (owner.0, owner.0, "PROPN", 6, "nmod:poss"),
            ("'s", "'s", "PART", 4, "case"),
            ("plan", "plan", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "USAGOV", "USA"), (3, 4, owner.1, "USA")],
    );
    // The White House stands for the government as a whole: no name of its own.
    if owner.1 == "USAGOV" && owner.0 == "Washington" {
        if let Some(a) = d.entities[1].actor.as_mut() {
            a.name = Some("United States".into());
        }
    }
    d
}

#[test]
fn the_own_government_owning_a_thing_is_no_target() {
    // "Trump backed Washington's plan": his own government's plan, no target.
    let ev = named(&code(&commission(
        ("backed", "back"),
        ("Washington", "USAGOV"),
    )));
    assert!(!ev.is_empty(), "{ev:?}");
    assert!(ev.iter().all(|e| e.2.is_empty()), "{ev:?}");
    // Another country's plan: that country is the target.
    let ev = named(&code(&commission(("backed", "back"), ("Norland", "NOR"))));
    assert!(ev.iter().any(|e| e.2 == "Norland"), "{ev:?}");
    // Rejecting one's own government's plan is aimed at it.
    let ev = named(&code(&commission(
        ("rejected", "reject"),
        ("Washington", "USAGOV"),
    )));
    assert!(ev.iter().any(|e| e.2 == "United States"), "{ev:?}");
}
