//! Behaviour tests of the session-19 precision rules (branch `events27`): arrivals of vehicles and
//! travellers (no visit), recordings that show or examine (no act), deaths in combat (190, no
//! assault), killings by a famine named by a relative pronoun, "call into question" (no call),
//! meeting resistance (no meeting), verbal attacks on the press (111), places freed (no release of
//! persons), the content of an accusation and predictions (no event), pleas in court (no appeal).
//! Hand-parsed sentences written for these tests.

use crate::testutil::{add_sentence, code, named, t, Tok};
use dyad_doc::Doc;

fn one(toks: &[Tok], acts: &[(usize, usize, &str, &str)]) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(&mut d, toks, acts);
    d
}

fn codes(d: &Doc) -> Vec<String> {
    named(&code(d)).into_iter().map(|e| e.1).collect()
}

fn has_root(d: &Doc, root: &str) -> bool {
    codes(d).iter().any(|c| c.starts_with(root))
}

/// "A Norland airliner arrived in Sudria." / "The Norland president arrived in Sudria."
#[test]
fn an_airliner_arriving_is_no_visit() {
    let toks = |subj: (&'static str, &'static str)| -> Vec<Tok<'static>> {
        vec![
            ("A", "a", "DET", 3, "det"),
            ("Norland", "Norland", "PROPN", 3, "compound"),
            (subj.0, subj.1, "NOUN", 4, "nsubj"),
            ("arrived", "arrive", "VERB", 0, "root"),
            ("in", "in", "ADP", 6, "case"),
            ("Sudria", "Sudria", "PROPN", 4, "obl"),
            (".", ".", "PUNCT", 4, "punct"),
        ]
    };
    let d = one(
        &toks(("airliner", "airliner")),
        &[(1, 2, "NOR", "NOR"), (5, 6, "SUD", "SUD")],
    );
    assert!(!has_root(&d, "04"), "{:?}", named(&code(&d)));
    let d = one(
        &toks(("president", "president")),
        &[(1, 3, "NORGOV", "NOR"), (5, 6, "SUD", "SUD")],
    );
    assert!(
        codes(&d).iter().any(|c| c == "042"),
        "{:?}",
        named(&code(&d))
    );
}

/// "Refugees landed in Sudria." (travellers arriving are no state visit)
#[test]
fn refugees_landing_make_no_visit() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "compound"),
        ("refugees", "refugee", "NOUN", 3, "nsubj"),
        ("landed", "land", "VERB", 0, "root"),
        ("in", "in", "ADP", 5, "case"),
        ("Sudria", "Sudria", "PROPN", 3, "obl"),
        (".", ".", "PUNCT", 3, "punct"),
    ];
    let d = one(&toks, &[(0, 2, "NORREF", "NOR"), (4, 5, "SUD", "SUD")]);
    assert!(!has_root(&d, "04"), "{:?}", named(&code(&d)));
}

/// "A Norland survey examined the Sudrian government." / "Norland investigators examined the
/// Sudrian government."
#[test]
fn a_survey_examines_nothing() {
    let toks = |subj: (&'static str, &'static str)| -> Vec<Tok<'static>> {
        vec![
            ("A", "a", "DET", 3, "det"),
            ("Norland", "Norland", "PROPN", 3, "compound"),
            (subj.0, subj.1, "NOUN", 4, "nsubj"),
            ("examined", "examine", "VERB", 0, "root"),
            ("the", "the", "DET", 7, "det"),
            ("Sudrian", "Sudrian", "ADJ", 7, "amod"),
            ("government", "government", "NOUN", 4, "obj"),
            (".", ".", "PUNCT", 4, "punct"),
        ]
    };
    let d = one(
        &toks(("survey", "survey")),
        &[(1, 2, "NOR", "NOR"), (5, 7, "SUDGOV", "SUD")],
    );
    assert!(!has_root(&d, "09"), "{:?}", named(&code(&d)));
    let d = one(
        &toks(("investigators", "investigator")),
        &[(1, 3, "NORCOP", "NOR"), (5, 7, "SUDGOV", "SUD")],
    );
    assert!(has_root(&d, "09"), "{:?}", named(&code(&d)));
}

/// "The fighting killed Sudrian soldiers." / "Norland rebels killed Sudrian soldiers."
#[test]
fn deaths_in_fighting_are_combat() {
    let toks = |subj: [Tok<'static>; 2]| -> Vec<Tok<'static>> {
        let mut v = subj.to_vec();
        v.extend([
            ("killed", "kill", "VERB", 0, "root"),
            ("Sudrian", "Sudrian", "ADJ", 5, "amod"),
            ("soldiers", "soldier", "NOUN", 3, "obj"),
            (".", ".", "PUNCT", 3, "punct"),
        ]);
        v
    };
    let d = one(
        &toks([
            ("The", "the", "DET", 2, "det"),
            ("fighting", "fighting", "NOUN", 3, "nsubj"),
        ]),
        &[(3, 5, "SUDMIL", "SUD")],
    );
    let c = codes(&d);
    assert!(!c.iter().any(|c| c.starts_with("18")), "{c:?}");
    let d = one(
        &toks([
            ("Norland", "Norland", "PROPN", 2, "compound"),
            ("rebels", "rebel", "NOUN", 3, "nsubj"),
        ]),
        &[(0, 2, "NORREB", "NOR"), (3, 5, "SUDMIL", "SUD")],
    );
    assert!(has_root(&d, "18"), "{:?}", named(&code(&d)));
}

/// "Sudrian soldiers were killed in clashes." (no assault: a death in combat)
#[test]
fn killed_in_clashes_is_combat() {
    let toks: Vec<Tok> = vec![
        ("Sudrian", "Sudrian", "ADJ", 2, "amod"),
        ("soldiers", "soldier", "NOUN", 4, "nsubj:pass"),
        ("were", "be", "AUX", 4, "aux:pass"),
        ("killed", "kill", "VERB", 0, "root"),
        ("in", "in", "ADP", 6, "case"),
        ("clashes", "clash", "NOUN", 4, "obl"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let d = one(&toks, &[(0, 2, "SUDMIL", "SUD")]);
    assert!(!has_root(&d, "18"), "{:?}", named(&code(&d)));
}

/// "Norland had a famine which killed Sudrian villagers." (the relative pronoun stands for the famine)
#[test]
fn a_famine_named_by_a_relative_pronoun_kills_without_a_doer() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("had", "have", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("famine", "famine", "NOUN", 2, "obj"),
        ("which", "which", "PRON", 6, "nsubj"),
        ("killed", "kill", "VERB", 4, "acl:relcl"),
        ("Sudrian", "Sudrian", "ADJ", 8, "amod"),
        ("villagers", "villager", "NOUN", 6, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (6, 8, "SUDCVL", "SUD")]);
    let c = codes(&d);
    assert!(
        !c.iter()
            .any(|c| c.starts_with("18") || c.starts_with("19") || c.starts_with("20")),
        "{c:?}"
    );
}

/// "Norland called into question Sudria." (doubting, no phone call)
#[test]
fn calling_into_question_is_no_call() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("called", "call", "VERB", 0, "root"),
        ("into", "into", "ADP", 4, "case"),
        ("question", "question", "NOUN", 2, "obl"),
        ("Sudria", "Sudria", "PROPN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (4, 5, "SUD", "SUD")]);
    assert!(!has_root(&d, "04"), "{:?}", named(&code(&d)));
}

/// "Norland troops met with resistance from Sudria." / "Norland troops met with Sudria."
#[test]
fn meeting_resistance_is_no_meeting() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "compound"),
        ("troops", "troop", "NOUN", 3, "nsubj"),
        ("met", "meet", "VERB", 0, "root"),
        ("with", "with", "ADP", 5, "case"),
        ("resistance", "resistance", "NOUN", 3, "obl"),
        ("from", "from", "ADP", 7, "case"),
        ("Sudria", "Sudria", "PROPN", 5, "nmod"),
        (".", ".", "PUNCT", 3, "punct"),
    ];
    let d = one(&toks, &[(0, 2, "NORMIL", "NOR"), (6, 7, "SUD", "SUD")]);
    assert!(!has_root(&d, "04"), "{:?}", named(&code(&d)));
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "compound"),
        ("troops", "troop", "NOUN", 3, "nsubj"),
        ("met", "meet", "VERB", 0, "root"),
        ("with", "with", "ADP", 5, "case"),
        ("Sudria", "Sudria", "PROPN", 3, "obl"),
        (".", ".", "PUNCT", 3, "punct"),
    ];
    let d = one(&toks, &[(0, 2, "NORMIL", "NOR"), (4, 5, "SUD", "SUD")]);
    assert!(has_root(&d, "04"), "{:?}", named(&code(&d)));
}

/// "The Norland president attacked the media." (a verbal attack, 111)
#[test]
fn attacking_the_media_is_criticism() {
    let toks: Vec<Tok> = vec![
        ("The", "the", "DET", 3, "det"),
        ("Norland", "Norland", "PROPN", 3, "compound"),
        ("president", "president", "NOUN", 4, "nsubj"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("the", "the", "DET", 6, "det"),
        ("media", "media", "NOUN", 4, "obj"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let d = one(&toks, &[(1, 3, "NORGOV", "NOR")]);
    let c = codes(&d);
    assert!(c.iter().any(|c| c == "111"), "{c:?}");
    assert!(
        !c.iter().any(|c| c.starts_with("18") || c.starts_with("19")),
        "{c:?}"
    );
}

/// "Norland troops freed the city." / "Norland troops freed Sudrian prisoners."
#[test]
fn freeing_a_city_releases_no_persons() {
    let toks = |obj: [Tok<'static>; 2]| -> Vec<Tok<'static>> {
        let mut v: Vec<Tok> = vec![
            ("Norland", "Norland", "PROPN", 2, "compound"),
            ("troops", "troop", "NOUN", 3, "nsubj"),
            ("freed", "free", "VERB", 0, "root"),
        ];
        v.extend(obj);
        v.push((".", ".", "PUNCT", 3, "punct"));
        v
    };
    let d = one(
        &toks([
            ("the", "the", "DET", 5, "det"),
            ("city", "city", "NOUN", 3, "obj"),
        ]),
        &[(0, 2, "NORMIL", "NOR")],
    );
    assert!(!has_root(&d, "08"), "{:?}", named(&code(&d)));
    let d = one(
        &toks([
            ("Sudrian", "Sudrian", "ADJ", 5, "amod"),
            ("prisoners", "prisoner", "NOUN", 3, "obj"),
        ]),
        &[(0, 2, "NORMIL", "NOR"), (3, 5, "SUDCVL", "SUD")],
    );
    assert!(has_root(&d, "08"), "{:?}", named(&code(&d)));
}

/// "Sudria accused Norland of killing villagers." (the accusation is coded; the killing is alleged)
#[test]
fn the_content_of_an_accusation_is_no_act() {
    let toks: Vec<Tok> = vec![
        ("Sudria", "Sudria", "PROPN", 2, "nsubj"),
        ("accused", "accuse", "VERB", 0, "root"),
        ("Norland", "Norland", "PROPN", 2, "obj"),
        ("of", "of", "SCONJ", 5, "mark"),
        ("killing", "kill", "VERB", 2, "advcl"),
        ("villagers", "villager", "NOUN", 5, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "SUD", "SUD"), (2, 3, "NOR", "NOR")]);
    let ev = named(&code(&d));
    assert!(ev.contains(&t("Sudria", "112", "Norland")), "{ev:?}");
    assert!(!ev.iter().any(|e| e.1.starts_with("18")), "{ev:?}");
}

/// "Norland and Sudria are sure to agree." (a prediction, no intent)
#[test]
fn a_prediction_is_no_intent() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 4, "nsubj"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("Sudria", "Sudria", "PROPN", 1, "conj"),
        ("are", "be", "AUX", 4, "cop"),
        ("sure", "sure", "ADJ", 0, "root"),
        ("to", "to", "PART", 6, "mark"),
        ("agree", "agree", "VERB", 5, "xcomp"),
        (".", ".", "PUNCT", 5, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (2, 3, "SUD", "SUD")]);
    assert!(!has_root(&d, "03"), "{:?}", named(&code(&d)));
}

/// "Norland pleaded guilty." (a plea in court) / "Norland pleaded with Sudria." (an appeal)
#[test]
fn a_plea_in_court_is_no_appeal() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("pleaded", "plead", "VERB", 0, "root"),
        ("guilty", "guilty", "ADJ", 2, "xcomp"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR")]);
    assert!(!has_root(&d, "02"), "{:?}", named(&code(&d)));
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("pleaded", "plead", "VERB", 0, "root"),
        ("with", "with", "ADP", 4, "case"),
        ("Sudria", "Sudria", "PROPN", 2, "obl"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (3, 4, "SUD", "SUD")]);
    assert!(has_root(&d, "02"), "{:?}", named(&code(&d)));
}

/// "Sudria interfered in the vote," footage showed. (a recording shows: no statement) / the same
/// words with "a spokesman said" (the statement step's accusation, 112).
#[test]
fn footage_showing_is_no_statement() {
    let doc = |speaker: (&'static str, &'static str), cue: (&'static str, &'static str)| {
        let mut d = Doc::new("t", "");
        add_sentence(
            &mut d,
            &[
                ("\u{201c}", "\u{201c}", "PUNCT", 3, "punct"),
                ("Sudria", "Sudria", "PROPN", 3, "nsubj"),
                ("interfered", "interfere", "VERB", 0, "root"),
                ("in", "in", "ADP", 6, "case"),
                ("the", "the", "DET", 6, "det"),
                ("vote", "vote", "NOUN", 3, "obl"),
                (",", ",", "PUNCT", 3, "punct"),
                ("\u{201d}", "\u{201d}", "PUNCT", 3, "punct"),
                (speaker.0, speaker.1, "NOUN", 10, "nsubj"),
                (cue.0, cue.1, "VERB", 3, "parataxis"),
                (".", ".", "PUNCT", 3, "punct"),
            ],
            &[(1, 2, "SUD", "SUD")],
        );
        crate::tests::push_scholz_quote(&mut d, 1..6, 8, 9);
        d
    };
    let d = doc(("footage", "footage"), ("showed", "show"));
    assert!(code(&d).is_empty(), "{:?}", named(&code(&d)));
    let d = doc(("spokesman", "spokesman"), ("said", "say"));
    assert!(has_root(&d, "11"), "{:?}", named(&code(&d)));
}
