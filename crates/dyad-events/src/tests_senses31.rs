//! Behaviour tests of the session-20 precision rules (branch `events31`): winning a contest is no
//! assault (`contest_won`); backing an armed party, or backing by armed means, is military aid
//! (`armed_backing`, 072, not praise); a predicate noun said of an actor describes it (no event,
//! `described_actor`); leaving office at the end of a term is no yielding. Each with a counterpart
//! that keeps its code. Hand-parsed sentences written for these tests.

use crate::testutil::{code, named, sentence, t, Tok};

/// Norland (NOR) and Sudria (SUD) as the first and third tokens.
fn two_countries(toks: &[Tok]) -> Vec<(String, String, String)> {
    let d = sentence(toks, &[(0, 1, "NOR", "NOR"), (2, 3, "SUD", "SUD")]);
    named(&code(&d))
}

/// "Norland beat Sudria 3-0 on Sunday." / "Norland beat Sudria for the title." / "Norland beat
/// Sudria."
#[test]
fn beating_a_side_in_a_contest_is_no_assault() {
    let score: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("beat", "beat", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 2, "obj"),
        ("3-0", "3-0", "NUM", 2, "obl:tmod"),
        ("on", "on", "ADP", 6, "case"),
        ("Sunday", "Sunday", "PROPN", 2, "obl"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let ev = two_countries(&score);
    assert!(ev.is_empty(), "{ev:?}");
    // The contest phrase hung on another word of the clause ("on Sunday for the title").
    let title: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("beat", "beat", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 2, "obj"),
        ("on", "on", "ADP", 5, "case"),
        ("Sunday", "Sunday", "PROPN", 2, "obl"),
        ("for", "for", "ADP", 8, "case"),
        ("the", "the", "DET", 8, "det"),
        ("title", "title", "NOUN", 5, "nmod"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let ev = two_countries(&title);
    assert!(ev.is_empty(), "{ev:?}");
    let plain: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("beat", "beat", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    assert_eq!(two_countries(&plain), vec![t("Norland", "182", "Sudria")]);
}

/// "Norland supported the Sudrian rebels." (072) / "Norland supported the Sudrian government."
/// (051)
#[test]
fn backing_rebels_is_military_aid() {
    let coded = |noun: &'static str, actor: &'static str| {
        let toks: Vec<Tok> = vec![
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("supported", "support", "VERB", 0, "root"),
            ("the", "the", "DET", 5, "det"),
            ("Sudrian", "Sudrian", "ADJ", 5, "amod"),
            (noun, noun, "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ];
        let d = sentence(&toks, &[(0, 1, "NOR", "NOR"), (3, 5, actor, "SUD")]);
        named(&code(&d))
    };
    assert_eq!(
        coded("rebels", "SUDREB"),
        vec![t("Norland", "072", "Sudrian rebels")]
    );
    assert_eq!(
        coded("government", "SUDGOV"),
        vec![t("Norland", "051", "Sudrian government")]
    );
}

/// "Norland warplanes are supporting the Sudrian government." (the backer is an armed means)
#[test]
fn backing_by_warplanes_is_military_aid() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "compound"),
        ("warplanes", "warplane", "NOUN", 4, "nsubj"),
        ("are", "be", "AUX", 4, "aux"),
        ("supporting", "support", "VERB", 0, "root"),
        ("the", "the", "DET", 7, "det"),
        ("Sudrian", "Sudrian", "ADJ", 7, "amod"),
        ("government", "government", "NOUN", 4, "obj"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let d = sentence(&toks, &[(0, 2, "NORMIL", "NOR"), (5, 7, "SUDGOV", "SUD")]);
    let ev = named(&code(&d));
    assert!(ev.iter().any(|e| e.1 == "072"), "{ev:?}");
    assert!(!ev.iter().any(|e| e.1 == "051"), "{ev:?}");
}

/// "Norland is the largest trade partner of Sudria." (a description) / "Norland partnered with
/// Sudria." (060)
#[test]
fn a_predicate_noun_said_of_an_actor_is_no_event() {
    let desc: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 6, "nsubj"),
        ("is", "be", "AUX", 6, "cop"),
        ("the", "the", "DET", 6, "det"),
        ("largest", "large", "ADJ", 6, "amod"),
        ("trade", "trade", "NOUN", 6, "compound"),
        ("partner", "partner", "NOUN", 0, "root"),
        ("of", "of", "ADP", 8, "case"),
        ("Sudria", "Sudria", "PROPN", 6, "nmod"),
        (".", ".", "PUNCT", 6, "punct"),
    ];
    let d = sentence(&desc, &[(0, 1, "NOR", "NOR"), (7, 8, "SUD", "SUD")]);
    let ev = named(&code(&d));
    assert!(ev.is_empty(), "{ev:?}");
    let act: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("partnered", "partner", "VERB", 0, "root"),
        ("with", "with", "ADP", 4, "case"),
        ("Sudria", "Sudria", "PROPN", 2, "obl"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = sentence(&act, &[(0, 1, "NOR", "NOR"), (3, 4, "SUD", "SUD")]);
    assert_eq!(named(&code(&d)), vec![t("Norland", "060", "Sudria")]);
}

/// "The Norland president left office in January." (no event) / "The Norland president quit his
/// post." (0831)
#[test]
fn leaving_office_is_no_yielding() {
    let coded = |toks: &[Tok]| {
        let d = sentence(toks, &[(1, 3, "NORGOV", "NOR")]);
        named(&code(&d))
    };
    let left: Vec<Tok> = vec![
        ("The", "the", "DET", 3, "det"),
        ("Norland", "Norland", "PROPN", 3, "compound"),
        ("president", "president", "NOUN", 4, "nsubj"),
        ("left", "leave", "VERB", 0, "root"),
        ("office", "office", "NOUN", 4, "obj"),
        ("in", "in", "ADP", 7, "case"),
        ("January", "January", "PROPN", 4, "obl"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let ev = coded(&left);
    assert!(ev.is_empty(), "{ev:?}");
    let quit: Vec<Tok> = vec![
        ("The", "the", "DET", 3, "det"),
        ("Norland", "Norland", "PROPN", 3, "compound"),
        ("president", "president", "NOUN", 4, "nsubj"),
        ("quit", "quit", "VERB", 0, "root"),
        ("his", "his", "PRON", 6, "nmod:poss"),
        ("post", "post", "NOUN", 4, "obj"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let ev = coded(&quit);
    assert!(ev.iter().any(|e| e.1 == "0831"), "{ev:?}");
}

/// "The Norland minister will face questions in the meeting with Sudria." (still ahead) / "The
/// Norland minister faced questions in the meeting with Sudria." (040)
#[test]
fn a_meeting_in_the_clause_of_a_future_verb_is_pending() {
    let coded = |future: bool| {
        let mut toks: Vec<Tok> = vec![
            ("The", "the", "DET", 3, "det"),
            ("Norland", "Norland", "PROPN", 3, "compound"),
            ("minister", "minister", "NOUN", 5, "nsubj"),
            ("will", "will", "AUX", 5, "aux"),
            ("face", "face", "VERB", 0, "root"),
            ("questions", "question", "NOUN", 5, "obj"),
            ("in", "in", "ADP", 9, "case"),
            ("the", "the", "DET", 9, "det"),
            ("meeting", "meeting", "NOUN", 5, "obl"),
            ("with", "with", "ADP", 11, "case"),
            ("Sudria", "Sudria", "PROPN", 9, "nmod"),
            (".", ".", "PUNCT", 5, "punct"),
        ];
        if !future {
            toks[3] = ("has", "have", "AUX", 5, "aux");
            toks[4] = ("faced", "face", "VERB", 0, "root");
        }
        let d = sentence(&toks, &[(1, 3, "NORGOV", "NOR"), (10, 11, "SUD", "SUD")]);
        named(&code(&d))
    };
    let ev = coded(true);
    assert!(!ev.iter().any(|e| e.1.starts_with("04")), "{ev:?}");
    let ev = coded(false);
    assert!(ev.iter().any(|e| e.1 == "040"), "{ev:?}");
}

/// "The Norland statement released on Monday." (a thing, the parse's active subject) / "Norland
/// released the Sudrian prisoners." (0841)
#[test]
fn a_statement_that_is_released_frees_no_one() {
    let thing: Vec<Tok> = vec![
        ("The", "the", "DET", 3, "det"),
        ("Norland", "Norland", "PROPN", 3, "compound"),
        ("statement", "statement", "NOUN", 4, "nsubj"),
        ("released", "release", "VERB", 0, "root"),
        ("on", "on", "ADP", 6, "case"),
        ("Monday", "Monday", "PROPN", 4, "obl"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let d = sentence(&thing, &[(1, 2, "NORGOV", "NOR")]);
    let ev = named(&code(&d));
    assert!(!ev.iter().any(|e| e.1.starts_with("084")), "{ev:?}");
    let persons: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("released", "release", "VERB", 0, "root"),
        ("the", "the", "DET", 5, "det"),
        ("Sudrian", "Sudrian", "ADJ", 5, "amod"),
        ("prisoners", "prisoner", "NOUN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = sentence(&persons, &[(0, 1, "NOR", "NOR"), (3, 5, "SUDCVL", "SUD")]);
    let ev = named(&code(&d));
    assert!(ev.iter().any(|e| e.1.starts_with("084")), "{ev:?}");
}
