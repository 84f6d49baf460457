//! Behaviour tests of the precision rules of session 12 (branch events8, issue 16) on hand-parsed
//! sentences written for these tests: obligations ("should") and noun purposes ("a mandate to V")
//! write no event, nominal events still to come ("ahead of talks") neither; showing is no protest,
//! releasing a thing no release of persons, questioning a decision no investigation.

use crate::testutil::{add_sentence, code, Tok};
use dyad_doc::{Doc, Event};

/// The pattern events of one hand-parsed sentence whose actors are Norland (first token) and
/// Sudria (at `sud`).
fn pattern_events(toks: &[Tok], sud: usize) -> Vec<Event> {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        toks,
        &[(0, 1, "NRL", "NRL"), (sud, sud + 1, "SUD", "SUD")],
    );
    code(&d).into_iter().filter(|e| e.by == "pattern").collect()
}

#[test]
fn an_obligation_writes_no_event() {
    // "Norland should attack Sudria." / "Norland will attack Sudria." (an intent, kept)
    let sent = |aux: &'static str| -> Vec<Tok> {
        vec![
            ("Norland", "Norland", "PROPN", 3, "nsubj"),
            (aux, aux, "AUX", 3, "aux"),
            ("attack", "attack", "VERB", 0, "root"),
            ("Sudria", "Sudria", "PROPN", 3, "obj"),
            (".", ".", "PUNCT", 3, "punct"),
        ]
    };
    assert!(pattern_events(&sent("should"), 3).is_empty());
    assert!(!pattern_events(&sent("will"), 3).is_empty());
}

#[test]
fn an_infinitive_on_a_noun_is_its_purpose_not_an_act() {
    // "Norland has a mandate to attack Sudria."
    let toks: &[Tok] = &[
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("has", "have", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("mandate", "mandate", "NOUN", 2, "obj"),
        ("to", "to", "PART", 6, "mark"),
        ("attack", "attack", "VERB", 4, "acl"),
        ("Sudria", "Sudria", "PROPN", 6, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let ev = pattern_events(toks, 6);
    assert!(ev.iter().all(|e| !e.cameo.starts_with("19")), "{ev:?}");
}

#[test]
fn talks_still_ahead_are_no_event() {
    // "Norland criticised Sudria ahead of talks with Sudria." / "... after talks with Sudria."
    let sent = |prep: &'static str| -> Vec<Tok> {
        vec![
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("criticised", "criticise", "VERB", 0, "root"),
            ("Sudria", "Sudria", "PROPN", 2, "obj"),
            (prep, prep, "ADP", 6, "case"),
            ("of", "of", "ADP", 4, "fixed"),
            ("talks", "talk", "NOUN", 2, "obl"),
            ("with", "with", "ADP", 8, "case"),
            ("Sudria", "Sudria", "PROPN", 6, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ]
    };
    let ahead = pattern_events(&sent("ahead"), 2);
    assert!(ahead.iter().any(|e| e.cameo.starts_with("11")), "{ahead:?}");
    assert!(
        ahead.iter().all(|e| !e.cameo.starts_with("04")),
        "{ahead:?}"
    );
}

#[test]
fn showing_something_is_no_protest() {
    // "Norland demonstrated a new approach to Sudria." / "Norland demonstrated against Sudria."
    let shown: &[Tok] = &[
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("demonstrated", "demonstrate", "VERB", 0, "root"),
        ("a", "a", "DET", 5, "det"),
        ("new", "new", "ADJ", 5, "amod"),
        ("approach", "approach", "NOUN", 2, "obj"),
        ("to", "to", "ADP", 7, "case"),
        ("Sudria", "Sudria", "PROPN", 5, "nmod"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let ev = pattern_events(shown, 6);
    assert!(ev.iter().all(|e| !e.cameo.starts_with("14")), "{ev:?}");
    let protest: &[Tok] = &[
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("demonstrated", "demonstrate", "VERB", 0, "root"),
        ("against", "against", "ADP", 4, "case"),
        ("Sudria", "Sudria", "PROPN", 2, "obl"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let ev = pattern_events(protest, 3);
    assert!(ev.iter().any(|e| e.cameo.starts_with("14")), "{ev:?}");
}

#[test]
fn releasing_tapes_is_no_release_of_persons() {
    // "Norland released the tapes of Sudria." / "Norland released the prisoners of Sudria."
    let sent = |noun: &'static str| -> Vec<Tok> {
        vec![
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("released", "release", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            (noun, noun, "NOUN", 2, "obj"),
            ("of", "of", "ADP", 6, "case"),
            ("Sudria", "Sudria", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ]
    };
    let tapes = pattern_events(&sent("tapes"), 5);
    assert!(
        tapes.iter().all(|e| !e.cameo.starts_with("084")),
        "{tapes:?}"
    );
    let prisoners = pattern_events(&sent("prisoners"), 5);
    assert!(
        prisoners.iter().any(|e| e.cameo.starts_with("084")),
        "{prisoners:?}"
    );
}

#[test]
fn questioning_a_decision_is_no_investigation() {
    // "Norland questioned Sudria 's decision." / "Norland questioned Sudria."
    let doubt: &[Tok] = &[
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("questioned", "question", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 5, "nmod:poss"),
        ("'s", "'s", "PART", 3, "case"),
        ("decision", "decision", "NOUN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let ev = pattern_events(doubt, 2);
    assert!(ev.iter().all(|e| !e.cameo.starts_with("09")), "{ev:?}");
    let asked: &[Tok] = &[
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("questioned", "question", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let ev = pattern_events(asked, 2);
    assert!(ev.iter().any(|e| e.cameo.starts_with("09")), "{ev:?}");
}

/// The demands (100) coded in "Norland said [extra] Sudria [modal] [perfect] rest.", with the
/// optional words in brackets placed in the clause of "rest" (heads are 1-based).
fn demands_in(extra: Option<&'static str>, perfect: bool, inverted: bool) -> Vec<Event> {
    let mut toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("said", "say", "VERB", 0, "root"),
    ];
    if let Some(m) = extra {
        toks.push((m, m, "SCONJ", 0, "mark"));
    }
    let subject: Tok = ("Sudria", "Sudria", "PROPN", 0, "nsubj");
    let modal: Tok = ("should", "should", "AUX", 0, "aux");
    if inverted {
        toks.extend([modal, subject]);
    } else {
        toks.extend([subject, modal]);
    }
    if perfect {
        toks.push(("have", "have", "AUX", 0, "aux"));
    }
    toks.push(("rested", "rest", "VERB", 2, "ccomp"));
    let verb = toks.len();
    toks.push((".", ".", "PUNCT", 2, "punct"));
    // Every word of the clause hangs on its verb.
    for t in toks.iter_mut().skip(2) {
        if t.3 == 0 {
            t.3 = verb;
        }
    }
    let sud = toks.iter().position(|t| t.0 == "Sudria").unwrap();
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &toks,
        &[(0, 1, "NRL", "NRL"), (sud, sud + 1, "SUD", "SUD")],
    );
    code(&d).into_iter().filter(|e| e.cameo == "100").collect()
}

#[test]
fn an_obligation_is_a_demand_only_when_it_asks_something() {
    // "Norland said Sudria should rest." is a demand by Norland on Sudria ...
    assert_eq!(demands_in(None, false, false).len(), 1);
    // ... "Norland said whether Sudria should rest", "Norland said Sudria should have rested"
    // (a judgement of the past) and an inverted modal (a condition) are not.
    assert!(demands_in(Some("whether"), false, false).is_empty());
    assert!(demands_in(None, true, false).is_empty());
    assert!(demands_in(None, false, true).is_empty());
}
