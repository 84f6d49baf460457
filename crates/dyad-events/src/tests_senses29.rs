//! Behaviour tests of the session-19 precision rules (branch `events29`): talking with an actor
//! (a consultation, 040, not a statement), with its counterparts (an interview with a medium, and
//! talking about an actor, stay statements); dismissing someone from office (no event; dismissing
//! an actor stays a rejection). Hand-parsed sentences written for these tests.

use crate::testutil::{add_sentence, code, named, t, Tok};
use dyad_doc::Doc;

use crate::tests::push_scholz_quote as quote;

/// "Scholz talked with|to the Norland minister|Times about trade." (reported speech: the cue
/// "talked", the words from the preposition on).
fn talked(prep: &'static str, noun: &'static str, code: &'static str) -> Doc {
    let mut d = Doc::new("t", "");
    let toks = vec![
        ("Scholz", "Scholz", "PROPN", 2, "nsubj"),
        ("talked", "talk", "VERB", 0, "root"),
        (prep, prep, "ADP", 6, "case"),
        ("the", "the", "DET", 6, "det"),
        ("Norland", "Norland", "PROPN", 6, "compound"),
        (noun, noun, "NOUN", 2, "obl"),
        ("about", "about", "ADP", 8, "case"),
        ("trade", "trade", "NOUN", 2, "obl"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    add_sentence(&mut d, &toks, &[(4, 6, code, "NOR")]);
    quote(&mut d, 2..8, 0, 1);
    d
}

#[test]
fn talking_with_a_minister_is_a_consultation() {
    assert_eq!(
        named(&code(&talked("with", "minister", "NORGOV"))),
        vec![t("Olaf Scholz", "040", "Norland minister")]
    );
    assert_eq!(
        named(&code(&talked("to", "minister", "NORGOV"))),
        vec![t("Olaf Scholz", "040", "Norland minister")]
    );
}

#[test]
fn talking_to_a_newspaper_is_a_statement() {
    assert_eq!(
        named(&code(&talked("to", "Times", "NORMED"))),
        vec![t("Olaf Scholz", "010", "Norland Times")]
    );
}

/// "Scholz talked about the Norland minister." (the actor is what is talked about)
#[test]
fn talking_about_an_actor_is_a_statement() {
    let mut d = Doc::new("t", "");
    let toks = vec![
        ("Scholz", "Scholz", "PROPN", 2, "nsubj"),
        ("talked", "talk", "VERB", 0, "root"),
        ("about", "about", "ADP", 6, "case"),
        ("the", "the", "DET", 6, "det"),
        ("Norland", "Norland", "PROPN", 6, "compound"),
        ("minister", "minister", "NOUN", 2, "obl"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    add_sentence(&mut d, &toks, &[(4, 6, "NORGOV", "NOR")]);
    quote(&mut d, 2..6, 0, 1);
    assert_eq!(
        named(&code(&d)),
        vec![t("Olaf Scholz", "010", "Norland minister")]
    );
}

/// "The Norland president dismissed the Sudrian envoy from his post." / "The Norland president
/// dismissed the Sudrian envoy."
#[test]
fn dismissing_someone_from_office_is_no_rejection() {
    let toks: Vec<Tok> = vec![
        ("The", "the", "DET", 3, "det"),
        ("Norland", "Norland", "PROPN", 3, "compound"),
        ("president", "president", "NOUN", 4, "nsubj"),
        ("dismissed", "dismiss", "VERB", 0, "root"),
        ("the", "the", "DET", 7, "det"),
        ("Sudrian", "Sudrian", "ADJ", 7, "amod"),
        ("envoy", "envoy", "NOUN", 4, "obj"),
        ("from", "from", "ADP", 10, "case"),
        ("his", "his", "PRON", 10, "nmod:poss"),
        ("post", "post", "NOUN", 4, "obl"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let coded = |toks: &[Tok]| {
        let mut d = Doc::new("t", "");
        add_sentence(
            &mut d,
            toks,
            &[(1, 3, "NORGOV", "NOR"), (5, 7, "SUDGOV", "SUD")],
        );
        named(&code(&d))
    };
    let ev = coded(&toks);
    assert!(ev.is_empty(), "{ev:?}");
    let mut toks = toks;
    toks.drain(7..10);
    let ev = coded(&toks);
    assert!(ev.iter().any(|e| e.1 == "120"), "{ev:?}");
}
