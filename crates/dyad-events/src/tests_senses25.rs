//! Behaviour tests of the session-18 precision rules (branch `events25`): killings by natural
//! forces and accidents, recognising a fact or a thing, legal appeals, mobilising resources,
//! dismissing an actor as something (111), questioning whether (no investigation), sharing one's
//! views (010), names set off by commas or quoted labels (no call), and
//! means clauses that share the modal of the verb they serve. Hand-parsed sentences written for
//! these tests.

use crate::testutil::{add_sentence, code, named, t, Tok};
use dyad_doc::Doc;

fn one(toks: &[Tok], acts: &[(usize, usize, &str, &str)]) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(&mut d, toks, acts);
    d
}

fn violent(d: &Doc) -> bool {
    named(&code(d))
        .iter()
        .any(|e| e.1.starts_with("18") || e.1.starts_with("19") || e.1.starts_with("20"))
}

/// "Norland floods killed Sudrian villagers." / "Norland rebels killed Sudrian villagers."
#[test]
fn a_flood_kills_without_a_doer() {
    let toks = |subj: (&'static str, &'static str)| -> Vec<Tok<'static>> {
        vec![
            ("Norland", "Norland", "PROPN", 2, "compound"),
            (subj.0, subj.1, "NOUN", 3, "nsubj"),
            ("killed", "kill", "VERB", 0, "root"),
            ("Sudrian", "Sudrian", "ADJ", 5, "amod"),
            ("villagers", "villager", "NOUN", 3, "obj"),
            (".", ".", "PUNCT", 3, "punct"),
        ]
    };
    let acts = [(0, 1, "NOR", "NOR"), (3, 5, "SUDCVL", "SUD")];
    let d = one(&toks(("floods", "flood")), &acts);
    assert!(!violent(&d), "{:?}", named(&code(&d)));
    let d = one(
        &toks(("rebels", "rebel")),
        &[(0, 2, "NORREB", "NOR"), (3, 5, "SUDCVL", "SUD")],
    );
    let ev = named(&code(&d));
    assert!(ev.iter().any(|e| e.1.starts_with("18")), "{ev:?}");
}

/// "Norland soldiers were killed in a helicopter crash." (the compound names the accident's means;
/// the head noun is the accident).
#[test]
fn killed_in_an_accident_is_no_killing() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "compound"),
        ("soldiers", "soldier", "NOUN", 4, "nsubj:pass"),
        ("were", "be", "AUX", 4, "aux:pass"),
        ("killed", "kill", "VERB", 0, "root"),
        ("in", "in", "ADP", 8, "case"),
        ("a", "a", "DET", 8, "det"),
        ("helicopter", "helicopter", "NOUN", 8, "compound"),
        ("crash", "crash", "NOUN", 4, "obl"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let d = one(&toks, &[(0, 2, "NORMIL", "NOR")]);
    assert!(!violent(&d), "{:?}", named(&code(&d)));
}

/// "Sudria recognized Norland." / "Sudria recognized the potential of Norland." / "Sudria
/// recognized that Norland is right."
#[test]
fn recognising_a_fact_grants_no_recognition() {
    let toks: Vec<Tok> = vec![
        ("Sudria", "Sudria", "PROPN", 2, "nsubj"),
        ("recognized", "recognize", "VERB", 0, "root"),
        ("Norland", "Norland", "PROPN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "SUD", "SUD"), (2, 3, "NOR", "NOR")]);
    assert!(named(&code(&d)).contains(&t("Sudria", "054", "Norland")));
    let toks: Vec<Tok> = vec![
        ("Sudria", "Sudria", "PROPN", 2, "nsubj"),
        ("recognized", "recognize", "VERB", 0, "root"),
        ("the", "the", "DET", 4, "det"),
        ("potential", "potential", "NOUN", 2, "obj"),
        ("of", "of", "ADP", 6, "case"),
        ("Norland", "Norland", "PROPN", 4, "nmod"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "SUD", "SUD"), (5, 6, "NOR", "NOR")]);
    assert!(
        !named(&code(&d)).iter().any(|e| e.1 == "054"),
        "{:?}",
        named(&code(&d))
    );
    let toks: Vec<Tok> = vec![
        ("Sudria", "Sudria", "PROPN", 2, "nsubj"),
        ("recognized", "recognize", "VERB", 0, "root"),
        ("that", "that", "SCONJ", 6, "mark"),
        ("Norland", "Norland", "PROPN", 6, "nsubj"),
        ("is", "be", "AUX", 6, "cop"),
        ("right", "right", "ADJ", 2, "ccomp"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "SUD", "SUD"), (3, 4, "NOR", "NOR")]);
    assert!(
        !named(&code(&d)).iter().any(|e| e.1 == "054"),
        "{:?}",
        named(&code(&d))
    );
}

/// "Norland appealed the ruling." / "Norland appealed to Sudria."
#[test]
fn a_legal_appeal_is_no_appeal_to_an_actor() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("appealed", "appeal", "VERB", 0, "root"),
        ("the", "the", "DET", 4, "det"),
        ("ruling", "ruling", "NOUN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR")]);
    assert!(
        !named(&code(&d)).iter().any(|e| e.1.starts_with("02")),
        "{:?}",
        named(&code(&d))
    );
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("appealed", "appeal", "VERB", 0, "root"),
        ("to", "to", "ADP", 4, "case"),
        ("Sudria", "Sudria", "PROPN", 2, "obl"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (3, 4, "SUD", "SUD")]);
    assert!(named(&code(&d)).contains(&t("Norland", "020", "Sudria")));
}

/// "Norland mobilized resources." / "Norland mobilized troops."
#[test]
fn mobilising_resources_is_no_show_of_force() {
    let toks = |obj: (&'static str, &'static str)| -> Vec<Tok<'static>> {
        vec![
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("mobilized", "mobilize", "VERB", 0, "root"),
            (obj.0, obj.1, "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ]
    };
    let d = one(&toks(("resources", "resource")), &[(0, 1, "NOR", "NOR")]);
    assert!(
        !named(&code(&d)).iter().any(|e| e.1.starts_with("15")),
        "{:?}",
        named(&code(&d))
    );
    let d = one(&toks(("troops", "troop")), &[(0, 1, "NOR", "NOR")]);
    assert!(
        named(&code(&d)).iter().any(|e| e.1 == "154"),
        "{:?}",
        named(&code(&d))
    );
}

/// "Norland could respond by meeting Sudria." / "Norland just responded by meeting Sudria."
fn by_meeting(modal: bool) -> Doc {
    let (verb, lemma) = if modal {
        ("respond", "respond")
    } else {
        ("responded", "respond")
    };
    let mut toks: Vec<Tok> = vec![("Norland", "Norland", "PROPN", 3, "nsubj")];
    toks.push(if modal {
        ("could", "could", "AUX", 3, "aux")
    } else {
        ("just", "just", "ADV", 3, "advmod")
    });
    toks.extend([
        (verb, lemma, "VERB", 0, "root"),
        ("by", "by", "SCONJ", 5, "mark"),
        ("meeting", "meet", "VERB", 3, "advcl"),
        ("Sudria", "Sudria", "PROPN", 5, "obj"),
        (".", ".", "PUNCT", 3, "punct"),
    ]);
    one(&toks, &[(0, 1, "NOR", "NOR"), (5, 6, "SUD", "SUD")])
}

#[test]
fn a_means_clause_shares_the_modal_of_its_verb() {
    let ev = named(&code(&by_meeting(true)));
    assert!(!ev.iter().any(|e| e.1.starts_with("04")), "{ev:?}");
    let ev = named(&code(&by_meeting(false)));
    assert!(ev.contains(&t("Norland", "040", "Sudria")), "{ev:?}");
}

/// "Norland dismissed Sudria as a failure." / "Norland dismissed Sudria."
#[test]
fn dismissing_an_actor_as_something_disparages_it() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("dismissed", "dismiss", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 2, "obj"),
        ("as", "as", "ADP", 6, "case"),
        ("a", "a", "DET", 6, "det"),
        ("failure", "failure", "NOUN", 2, "obl"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (2, 3, "SUD", "SUD")]);
    let ev = named(&code(&d));
    assert!(ev.contains(&t("Norland", "111", "Sudria")), "{ev:?}");
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("dismissed", "dismiss", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (2, 3, "SUD", "SUD")]);
    let ev = named(&code(&d));
    assert!(ev.contains(&t("Norland", "120", "Sudria")), "{ev:?}");
}

/// "Norland questioned whether Sudria would pay." / "Norland questioned Sudria."
#[test]
fn questioning_whether_investigates_nothing() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("questioned", "question", "VERB", 0, "root"),
        ("whether", "whether", "SCONJ", 6, "mark"),
        ("Sudria", "Sudria", "PROPN", 6, "nsubj"),
        ("would", "would", "AUX", 6, "aux"),
        ("pay", "pay", "VERB", 2, "ccomp"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (3, 4, "SUD", "SUD")]);
    let ev = named(&code(&d));
    assert!(!ev.iter().any(|e| e.1.starts_with("09")), "{ev:?}");
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("questioned", "question", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (2, 3, "SUD", "SUD")]);
    let ev = named(&code(&d));
    assert!(ev.contains(&t("Norland", "090", "Sudria")), "{ev:?}");
}

/// "Norland officials shared their views." (a statement) / "Norland shares Sudria's view."
/// (agreement).
#[test]
fn sharing_ones_own_views_states_them() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "compound"),
        ("officials", "official", "NOUN", 3, "nsubj"),
        ("shared", "share", "VERB", 0, "root"),
        ("their", "their", "PRON", 5, "nmod:poss"),
        ("views", "view", "NOUN", 3, "obj"),
        (".", ".", "PUNCT", 3, "punct"),
    ];
    let d = one(&toks, &[(0, 2, "NORGOV", "NOR")]);
    let ev = named(&code(&d));
    assert!(
        ev.iter().any(|e| e.1 == "010") && !ev.iter().any(|e| e.1 == "019"),
        "{ev:?}"
    );
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("shares", "share", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 5, "nmod:poss"),
        ("'s", "'s", "PART", 3, "case"),
        ("view", "view", "NOUN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (2, 3, "SUD", "SUD")]);
    let ev = named(&code(&d));
    assert!(ev.iter().any(|e| e.1 == "019"), "{ev:?}");
}

/// "Norland argued the measure, called the Sudria Act, fails." (the parse takes "called" for a
/// conjunct) / "Norland called Sudria's remarks on trade \"shameful\"." / "Norland called Sudria."
#[test]
fn a_name_set_off_by_commas_or_a_quoted_label_is_no_call() {
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("argued", "argue", "VERB", 0, "root"),
        ("the", "the", "DET", 4, "det"),
        ("measure", "measure", "NOUN", 2, "obj"),
        (",", ",", "PUNCT", 6, "punct"),
        ("called", "call", "VERB", 2, "conj"),
        ("the", "the", "DET", 9, "det"),
        ("Sudria", "Sudria", "PROPN", 9, "compound"),
        ("Act", "Act", "PROPN", 6, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (7, 8, "SUD", "SUD")]);
    let ev = named(&code(&d));
    assert!(!ev.iter().any(|e| e.1.starts_with("04")), "{ev:?}");
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("called", "call", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 5, "nmod:poss"),
        ("'s", "'s", "PART", 3, "case"),
        ("remarks", "remark", "NOUN", 2, "obj"),
        ("on", "on", "ADP", 7, "case"),
        ("trade", "trade", "NOUN", 5, "nmod"),
        ("\"", "\"", "PUNCT", 9, "punct"),
        ("shameful", "shameful", "ADJ", 7, "amod"),
        ("\"", "\"", "PUNCT", 9, "punct"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (2, 3, "SUD", "SUD")]);
    let ev = named(&code(&d));
    assert!(!ev.iter().any(|e| e.1.starts_with("04")), "{ev:?}");
    let toks: Vec<Tok> = vec![
        ("Norland", "Norland", "PROPN", 2, "nsubj"),
        ("called", "call", "VERB", 0, "root"),
        ("Sudria", "Sudria", "PROPN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let d = one(&toks, &[(0, 1, "NOR", "NOR"), (2, 3, "SUD", "SUD")]);
    let ev = named(&code(&d));
    assert!(ev.contains(&t("Norland", "041", "Sudria")), "{ev:?}");
}
