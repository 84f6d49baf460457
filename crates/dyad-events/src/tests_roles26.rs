//! Behaviour tests of the session-18 role rules (branch `events26`) on hand-parsed sentences
//! written for these tests: a verb of harm without its object is a passive (its subject is the
//! target, its doer only a by-phrase), a past participle with a by-phrase on a noun is done to that
//! noun, and a quote's statement is written at the sentence that names its target. Each rule has
//! its counterpart.

use crate::testutil::{add_sentence, code, named, t};
use dyad_doc::{Doc, Tag};

use crate::tests::push_scholz_quote as quote;

/// "Norland soldiers wounded in a shooting." (headline passive) / "Sudrian gunmen wounded Norland
/// soldiers." (`xpos`: the verb's tag.)
fn wounded(active: bool, xpos: &str) -> Doc {
    let mut d = Doc::new("t", "");
    let v = if active {
        add_sentence(
            &mut d,
            &[
                ("Sudrian", "Sudrian", "ADJ", 2, "amod"),
                ("gunmen", "gunman", "NOUN", 3, "nsubj"),
                ("wounded", "wound", "VERB", 0, "root"),
                ("Norland", "Norland", "PROPN", 5, "compound"),
                ("soldiers", "soldier", "NOUN", 3, "obj"),
                (".", ".", "PUNCT", 3, "punct"),
            ],
            &[(0, 2, "SDRREB", "SDR"), (3, 5, "NORMIL", "NOR")],
        );
        2
    } else {
        add_sentence(
            &mut d,
            &[
                ("Norland", "Norland", "PROPN", 2, "compound"),
                ("soldiers", "soldier", "NOUN", 3, "nsubj"),
                ("wounded", "wound", "VERB", 0, "root"),
                ("in", "in", "ADP", 6, "case"),
                ("a", "a", "DET", 6, "det"),
                ("shooting", "shooting", "NOUN", 3, "obl"),
                (".", ".", "PUNCT", 3, "punct"),
            ],
            &[(0, 2, "NORMIL", "NOR")],
        );
        2
    };
    d.tokens[v].xpos = Tag::new(xpos);
    d
}

#[test]
fn a_verb_of_harm_without_its_object_is_a_passive() {
    let ev = named(&code(&wounded(false, "VBD")));
    assert!(
        ev.iter()
            .any(|e| e.0.is_empty() && e.2 == "Norland soldiers"),
        "{ev:?}"
    );
    assert!(!ev.iter().any(|e| e.0 == "Norland soldiers"), "{ev:?}");
    // With its object the verb is active: the subject is the doer.
    let ev = named(&code(&wounded(true, "VBD")));
    assert!(
        ev.iter()
            .any(|e| e.0 == "Sudrian gunmen" && e.2 == "Norland soldiers"),
        "{ev:?}"
    );
}

/// "Norland rebels backed [by Sudria] seized the town."
fn backed(by: bool) -> Doc {
    let mut d = Doc::new("t", "");
    let mut toks = vec![
        ("Norland", "Norland", "PROPN", 2, "compound"),
        ("rebels", "rebel", "NOUN", 6, "nsubj"),
        ("backed", "back", "VERB", 2, "acl"),
        ("by", "by", "ADP", 5, "case"),
        ("Sudria", "Sudria", "PROPN", 3, "obl:agent"),
        ("seized", "seize", "VERB", 0, "root"),
        ("the", "the", "DET", 8, "det"),
        ("town", "town", "NOUN", 6, "obj"),
        (".", ".", "PUNCT", 6, "punct"),
    ];
    let mut acts = vec![(0, 2, "NORREB", "NOR"), (4, 5, "SDR", "SDR")];
    if !by {
        toks.drain(3..5);
        for tok in &mut toks {
            if tok.3 > 3 {
                tok.3 -= 2;
            }
        }
        acts.truncate(1);
    }
    add_sentence(&mut d, &toks, &acts);
    d.tokens[2].xpos = Tag::new("VBN");
    d.tokens[if by { 5 } else { 3 }].xpos = Tag::new("VBD");
    d
}

#[test]
fn a_participle_with_a_by_phrase_is_done_to_its_noun() {
    let ev = named(&code(&backed(true)));
    // (Backing rebels is military aid, 072, since session 20: `tests_senses31.rs`.)
    assert!(ev.contains(&t("Sudria", "072", "Norland rebels")), "{ev:?}");
    // Without the by-phrase no one is named as the backer, and the rebels back no one.
    let ev = named(&code(&backed(false)));
    assert!(!ev.iter().any(|e| e.1 == "051" || e.1 == "072"), "{ev:?}");
}

/// “Trade will grow. Norland is very big,” Scholz said. (`first`: Norland named in the first
/// sentence instead: “Norland will grow. Trade is very big,” ...)
fn partner_quote(first: bool) -> Doc {
    let mut d = Doc::new("t", "");
    let (a, b) = if first {
        ("Norland", "Trade")
    } else {
        ("Trade", "Norland")
    };
    let upos = |w: &str| if w == "Norland" { "PROPN" } else { "NOUN" };
    let na: &[(usize, usize, &str, &str)] = if first { &[(1, 2, "NOR", "NOR")] } else { &[] };
    let nb: &[(usize, usize, &str, &str)] = if first { &[] } else { &[(0, 1, "NOR", "NOR")] };
    add_sentence(
        &mut d,
        &[
            ("“", "“", "PUNCT", 4, "punct"),
            (a, a, upos(a), 4, "nsubj"),
            ("will", "will", "AUX", 4, "aux"),
            ("grow", "grow", "VERB", 0, "root"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        na,
    );
    add_sentence(
        &mut d,
        &[
            (b, b, upos(b), 4, "nsubj"),
            ("is", "be", "AUX", 4, "cop"),
            ("very", "very", "ADV", 4, "advmod"),
            ("big", "big", "ADJ", 0, "root"),
            (",", ",", "PUNCT", 4, "punct"),
            ("”", "”", "PUNCT", 4, "punct"),
            ("Scholz", "Scholz", "PROPN", 8, "nsubj"),
            ("said", "say", "VERB", 4, "parataxis"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        nb,
    );
    quote(&mut d, 1..10, 11, 12);
    d
}

#[test]
fn a_quote_statement_is_written_at_the_sentence_of_its_target() {
    let ev = code(&partner_quote(false));
    let st: Vec<_> = ev
        .iter()
        .filter(|e| e.cameo.starts_with("01"))
        .map(|e| (e.sentence, named(std::slice::from_ref(e))[0].2.clone()))
        .collect();
    assert_eq!(st, vec![(1, "Norland".to_string())], "{ev:?}");
    // Named in the first sentence, the statement stays there.
    let ev = code(&partner_quote(true));
    let st: Vec<_> = ev
        .iter()
        .filter(|e| e.cameo.starts_with("01"))
        .map(|e| e.sentence)
        .collect();
    assert_eq!(st, vec![0], "{ev:?}");
}
