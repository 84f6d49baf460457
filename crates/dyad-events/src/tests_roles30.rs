//! Behaviour tests of the session-20 role rules (branch `events30`) on hand-parsed sentences
//! written for these tests: a place that is only where the subject's noun is ("analysts in X") is
//! not who acted, and an object pronoun the actor stage left without an actor stands for the
//! object of the verb its clause is coordinated with or set on. Each rule has its counterpart.

use crate::testutil::{code, named, sentence};
use dyad_doc::Doc;

/// "Some analysts {prep} Norland criticised Sudria."
fn analysts(prep: &str) -> Doc {
    sentence(
        &[
            ("Some", "some", "DET", 2, "det"),
            ("analysts", "analyst", "NOUN", 5, "nsubj"),
            (prep, prep, "ADP", 4, "case"),
            ("Norland", "Norland", "PROPN", 2, "nmod"),
            ("criticised", "criticise", "VERB", 0, "root"),
            ("Sudria", "Sudria", "PROPN", 5, "obj"),
            (".", ".", "PUNCT", 5, "punct"),
        ],
        &[(3, 4, "NOR", "NOR"), (5, 6, "SDR", "SDR")],
    )
}

#[test]
fn a_place_where_the_subject_is_does_not_act() {
    let ev = named(&code(&analysts("in")));
    assert!(!ev.iter().any(|e| e.0 == "Norland"), "{ev:?}");
    // "analysts from Norland": a provenance, not a setting, names their country.
    let ev = named(&code(&analysts("from")));
    assert!(
        ev.iter()
            .any(|e| e.0 == "Norland" && e.1.starts_with("11") && e.2 == "Sudria"),
        "{ev:?}"
    );
}

/// "Sudria condemned {object}, {verb} {pronoun} of aggression." — the object is "the Norland
/// government" or the person "Lena Brand"; `verb` is "accusing" (an adverbial clause) or "and
/// blamed" (a conjunct, "for aggression").
fn condemned_then(person: bool, pronoun: &str, conjunct: bool) -> Doc {
    let mut toks = vec![
        ("Sudria", "Sudria", "PROPN", 2, "nsubj"),
        ("condemned", "condemn", "VERB", 0, "root"),
    ];
    if person {
        toks.push(("Lena", "Lena", "PROPN", 2, "obj"));
        toks.push(("Brand", "Brand", "PROPN", 3, "flat"));
    } else {
        toks.push(("the", "the", "DET", 5, "det"));
        toks.push(("Norland", "Norland", "PROPN", 5, "compound"));
        toks.push(("government", "government", "NOUN", 2, "obj"));
    }
    let v = toks.len() + 2; // 1-based index of the second verb
    if conjunct {
        toks.push(("and", "and", "CCONJ", v, "cc"));
        toks.push(("blamed", "blame", "VERB", 2, "conj"));
        toks.push((pronoun, pronoun, "PRON", v, "obj"));
        toks.push(("for", "for", "ADP", v + 3, "case"));
    } else {
        toks.push((",", ",", "PUNCT", v, "punct"));
        toks.push(("accusing", "accuse", "VERB", 2, "advcl"));
        toks.push((pronoun, pronoun, "PRON", v, "obj"));
        toks.push(("of", "of", "SCONJ", v + 3, "mark"));
    }
    toks.push(("aggression", "aggression", "NOUN", v, "obl"));
    toks.push((".", ".", "PUNCT", 2, "punct"));
    let object = if person {
        (2, 4, "NORGOV", "NOR")
    } else {
        (3, 5, "NORGOV", "NOR")
    };
    let mut d = sentence(&toks, &[(0, 1, "SDR", "SDR"), object]);
    if person {
        d.entities[1].kind = "PER".into();
    }
    d
}

#[test]
fn an_object_pronoun_stands_for_the_object_of_the_verb_above() {
    let ev = named(&code(&condemned_then(false, "it", false)));
    assert!(
        ev.iter()
            .any(|e| e.0 == "Sudria" && e.1.starts_with("112") && e.2 == "Norland government"),
        "{ev:?}"
    );
    let ev = named(&code(&condemned_then(true, "him", true)));
    assert!(
        ev.iter()
            .any(|e| e.0 == "Sudria" && e.1.starts_with("112") && e.2 == "Lena Brand"),
        "{ev:?}"
    );
    // The pronoun must agree: "it" does not stand for a person, "him" not for a government.
    let ev = named(&code(&condemned_then(true, "it", false)));
    assert!(
        !ev.iter()
            .any(|e| e.1.starts_with("112") && e.2 == "Lena Brand"),
        "{ev:?}"
    );
    let ev = named(&code(&condemned_then(false, "him", true)));
    assert!(
        !ev.iter()
            .any(|e| e.1.starts_with("112") && e.2 == "Norland government"),
        "{ev:?}"
    );
}
