//! Behaviour tests of the session-20 coverage patterns (branch plv20) on hand-parsed sentences
//! written for these tests: a sentence sought for someone (CAMEO 115; a lighter one sought by the
//! defence is no accusation), peacekeepers deployed to a country (074), an invitation received from
//! someone (036, the inviter as source) and borders opened to people who flee (073).

use crate::testutil::{code, named, sentence, t};

#[test]
fn prosecutors_seeking_a_sentence_for_someone_bring_them_to_trial() {
    let d = sentence(
        &[
            ("Prosecutors", "prosecutor", "NOUN", 2, "nsubj"),
            ("sought", "seek", "VERB", 0, "root"),
            ("a", "a", "DET", 6, "det"),
            ("long", "long", "ADJ", 6, "amod"),
            ("prison", "prison", "NOUN", 6, "compound"),
            ("term", "term", "NOUN", 2, "obj"),
            ("for", "for", "ADP", 8, "case"),
            ("Ortega", "Ortega", "PROPN", 6, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NICJUD", "NIC"), (7, 8, "NICOPP", "NIC")],
    );
    assert_eq!(named(&code(&d)), vec![t("Prosecutors", "115", "Ortega")]);
}

#[test]
fn a_defence_seeking_a_lighter_sentence_accuses_nobody() {
    let d = sentence(
        &[
            ("Lawyers", "lawyer", "NOUN", 2, "nsubj"),
            ("sought", "seek", "VERB", 0, "root"),
            ("a", "a", "DET", 5, "det"),
            ("lighter", "light", "ADJ", 5, "amod"),
            ("sentence", "sentence", "NOUN", 2, "obj"),
            ("for", "for", "ADP", 7, "case"),
            ("Ortega", "Ortega", "PROPN", 5, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NICJUD", "NIC"), (6, 7, "NICOPP", "NIC")],
    );
    assert!(code(&d).is_empty());
}

#[test]
fn peacekeepers_deployed_to_a_country_protect_it() {
    let d = sentence(
        &[
            ("Ghana", "Ghana", "PROPN", 2, "nsubj"),
            ("announced", "announce", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("deployment", "deployment", "NOUN", 2, "obj"),
            ("of", "of", "ADP", 6, "case"),
            ("peacekeepers", "peacekeeper", "NOUN", 4, "nmod"),
            ("to", "to", "ADP", 8, "case"),
            ("Lebanon", "Lebanon", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "GHA", "GHA"), (7, 8, "LBN", "LBN")],
    );
    assert_eq!(named(&code(&d)), vec![t("Ghana", "074", "Lebanon")]);
}

#[test]
fn an_invitation_received_from_someone_is_their_invitation() {
    let d = sentence(
        &[
            ("Chile", "Chile", "PROPN", 2, "nsubj"),
            ("received", "receive", "VERB", 0, "root"),
            ("an", "a", "DET", 4, "det"),
            ("invitation", "invitation", "NOUN", 2, "obj"),
            ("from", "from", "ADP", 6, "case"),
            ("Peru", "Peru", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "CHL", "CHL"), (5, 6, "PER", "PER")],
    );
    assert_eq!(named(&code(&d)), vec![t("Peru", "036", "Chile")]);
}

#[test]
fn borders_opened_to_fleeing_people_are_humanitarian_aid() {
    let d = sentence(
        &[
            ("Chad", "Chad", "PROPN", 2, "nsubj"),
            ("opened", "open", "VERB", 0, "root"),
            ("its", "its", "PRON", 4, "nmod:poss"),
            ("borders", "border", "NOUN", 2, "obj"),
            ("to", "to", "ADP", 7, "case"),
            ("fleeing", "flee", "VERB", 7, "amod"),
            ("Sudanese", "Sudanese", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "CHD", "CHD"), (6, 7, "SDNCVL", "SDN")],
    );
    assert_eq!(named(&code(&d)), vec![t("Chad", "073", "Sudanese")]);
}
