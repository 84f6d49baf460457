//! Behaviour tests of the session-16 role rules on hand-parsed sentences written for these
//! tests: a name that only modifies a thing is no party to a statement, and a coordinated
//! group is each other's target only in acts that its members do to each other.

use crate::testutil::{add_sentence, code, named, t};
use dyad_doc::{Doc, Tag};

/// "Iran denied Saudi involvement": `mod_rel` is the modifier's relation, `xpos` the noun's tag.
fn denied(modifier: &str, mod_rel: &str, noun: &str, xpos: &str) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("denied", "deny", "VERB", 0, "root"),
            (modifier, modifier, "PROPN", 4, mod_rel),
            (noun, noun, "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "IRN", "IRN"), (2, 3, "SAU", "SAU")],
    );
    d.tokens[3].xpos = Tag::new(xpos);
    d
}

#[test]
fn a_name_on_a_thing_is_no_party_to_a_statement() {
    // The nationality of the denied involvement is not whom the denial is addressed to.
    let ev = code(&denied("Saudi", "amod", "involvement", "NN"));
    assert_eq!(named(&ev), vec![t("Iran", "016", "")]);
    // Nor a noun modifier ("Riyadh involvement").
    let ev = code(&denied("Riyadh", "compound", "involvement", "NN"));
    assert_eq!(named(&ev), vec![t("Iran", "016", "")]);
}

#[test]
fn a_name_on_a_group_of_people_stays_the_target() {
    // An adjective on a plural noun names a group ("Saudi charges" is left to the actor
    // finder as before): only a thing's modifier is dropped.
    let ev = code(&denied("Saudi", "amod", "charges", "NNS"));
    assert_eq!(named(&ev), vec![t("Iran", "016", "Saudi")]);
}

/// "Egypt and Jordan VERBED ." with the verb's lemma.
fn coordinated(verb: &str, lemma: &str) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Egypt", "Egypt", "PROPN", 4, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Jordan", "Jordan", "PROPN", 1, "conj"),
            (verb, lemma, "VERB", 0, "root"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[(0, 1, "EGY", "EGY"), (2, 3, "JOR", "JOR")],
    );
    d
}

#[test]
fn co_sources_of_a_complaint_are_not_each_others_target() {
    let ev = code(&coordinated("complained", "complain"));
    assert_eq!(
        named(&ev),
        vec![t("Egypt", "114", ""), t("Jordan", "114", "")]
    );
}

#[test]
fn co_sources_of_a_meeting_still_meet_each_other() {
    let ev = code(&coordinated("met", "meet"));
    assert_eq!(
        named(&ev),
        vec![t("Egypt", "040", "Jordan"), t("Jordan", "040", "Egypt")]
    );
}

#[test]
fn a_place_where_the_act_happened_is_not_its_doer() {
    // Word order finds only the place of the clause above the trigger: the wounding is written
    // against its victims with no source.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("A", "a", "DET", 2, "det"),
            ("bomb", "bomb", "NOUN", 3, "nsubj"),
            ("exploded", "explode", "VERB", 0, "root"),
            ("in", "in", "ADP", 5, "case"),
            ("Kabul", "Kabul", "PROPN", 3, "obl"),
            (",", ",", "PUNCT", 7, "punct"),
            ("wounding", "wound", "VERB", 3, "advcl"),
            ("two", "two", "NUM", 10, "nummod"),
            ("Turkish", "Turkish", "ADJ", 10, "amod"),
            ("soldiers", "soldier", "NOUN", 7, "obj"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(4, 5, "AFG", "AFG"), (8, 10, "TURMIL", "TUR")],
    );
    let ev = code(&d);
    assert!(ev.iter().all(|e| e.source.is_none()), "{:?}", named(&ev));
    assert!(
        ev.iter().any(|e| e.cameo.starts_with("18")
            && e.target.as_ref().and_then(|a| a.code.as_deref()) == Some("TURMIL")),
        "{:?}",
        named(&ev)
    );
}
