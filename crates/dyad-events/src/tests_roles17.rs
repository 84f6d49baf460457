//! Behaviour tests of the session-17 source rules (branch `events22`) on hand-parsed sentences
//! written for these tests: a past participle on a noun is passive, a relative pronoun subject
//! stands for its antecedent, and the one spoken to is no doer of what is reported.

use crate::testutil::{add_sentence, code, named, t};
use dyad_doc::{Doc, Tag};

/// "Canada praised a soldier killed in Gaza [by Hamas] ." with "killed" tagged VBN.
fn praised_soldier_killed(by: bool) -> Doc {
    let mut d = Doc::new("t", "");
    let mut toks = vec![
        ("Canada", "Canada", "PROPN", 2, "nsubj"),
        ("praised", "praise", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("soldier", "soldier", "NOUN", 2, "obj"),
        ("killed", "kill", "VERB", 4, "acl"),
        ("in", "in", "ADP", 7, "case"),
        ("Gaza", "Gaza", "PROPN", 5, "obl"),
    ];
    let mut acts = vec![(0, 1, "CAN", "CAN")];
    if by {
        toks.push(("by", "by", "ADP", 9, "case"));
        toks.push(("Hamas", "Hamas", "PROPN", 5, "obl:agent"));
        acts.push((8, 9, "PSEREB", "PSE"));
    }
    toks.push((".", ".", "PUNCT", 2, "punct"));
    add_sentence(&mut d, &toks, &acts);
    d.tokens[4].xpos = Tag::new("VBN");
    d
}

#[test]
fn a_participle_on_a_noun_is_not_done_by_the_main_clause_subject() {
    // The soldier was killed; Canada only praised him.
    let ev = code(&praised_soldier_killed(false));
    assert!(
        !named(&ev).iter().any(|e| e.1 == "1823"),
        "{:?}",
        named(&ev)
    );
    // Its by-phrase names the doer.
    let ev = code(&praised_soldier_killed(true));
    assert!(
        named(&ev).contains(&t("Hamas", "1823", "")),
        "{:?}",
        named(&ev)
    );
    assert!(!named(&ev).iter().any(|e| e.0 == "Canada" && e.1 == "1823"));
}

/// "The leader of Chad criticized Sudan ." with "criticized" tagged VBN on the root noun (a
/// tagging slip): the sentence's own past tense.
#[test]
fn a_participle_on_the_root_noun_is_the_sentence_verb() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("The", "the", "DET", 2, "det"),
            ("leader", "leader", "NOUN", 0, "root"),
            ("of", "of", "ADP", 4, "case"),
            ("Chad", "Chad", "PROPN", 2, "nmod"),
            ("criticized", "criticize", "VERB", 2, "acl"),
            ("Sudan", "Sudan", "PROPN", 5, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(3, 4, "TCD", "TCD"), (5, 6, "SDN", "SDN")],
    );
    d.tokens[4].xpos = Tag::new("VBN");
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Chad", "111", "Sudan")]);
}

#[test]
fn a_relative_pronoun_subject_is_its_antecedent() {
    // "Turkey criticised Kurdish fighters in Syria who attacked Raqqa ." The fighters attacked,
    // not Syria (the nearest actor before the verb).
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Turkey", "Turkey", "PROPN", 2, "nsubj"),
            ("criticised", "criticise", "VERB", 0, "root"),
            ("Kurdish", "Kurdish", "ADJ", 4, "amod"),
            ("fighters", "fighter", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 6, "case"),
            ("Syria", "Syria", "PROPN", 4, "nmod"),
            ("who", "who", "PRON", 8, "nsubj"),
            ("attacked", "attack", "VERB", 4, "acl:relcl"),
            ("Raqqa", "Raqqa", "PROPN", 8, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "TUR", "TUR"),
            (2, 4, "KURREB", "SYR"),
            (5, 6, "SYR", "SYR"),
            (8, 9, "SYR", "SYR"),
        ],
    );
    let ev = code(&d);
    let attacks: Vec<_> = named(&ev)
        .into_iter()
        .filter(|e| e.1.starts_with("19") || e.1.starts_with("18"))
        .collect();
    assert!(!attacks.is_empty(), "{:?}", named(&ev));
    assert!(
        attacks.iter().all(|e| e.0 == "Kurdish fighters"),
        "{attacks:?}"
    );
}

#[test]
fn the_one_spoken_to_is_no_doer() {
    // "Lavrov told Interfax that an attack on Kyiv failed ." The attack's doer is not named;
    // Interfax, the one told, is not it.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Lavrov", "Lavrov", "PROPN", 2, "nsubj"),
            ("told", "tell", "VERB", 0, "root"),
            ("Interfax", "Interfax", "PROPN", 2, "obj"),
            ("that", "that", "SCONJ", 9, "mark"),
            ("an", "a", "DET", 6, "det"),
            ("attack", "attack", "NOUN", 9, "nsubj"),
            ("on", "on", "ADP", 8, "case"),
            ("Kyiv", "Kyiv", "PROPN", 6, "nmod"),
            ("failed", "fail", "VERB", 2, "ccomp"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "RUSGOV", "RUS"),
            (2, 3, "RUSMED", "RUS"),
            (7, 8, "UKRGOV", "UKR"),
        ],
    );
    let ev = code(&d);
    assert!(
        !named(&ev).iter().any(|e| e.0 == "Interfax"),
        "{:?}",
        named(&ev)
    );
}
