//! Behaviour tests of the statement step's codes (session 15, branch `events16`): a quote gets the
//! code its content warrants (`data/events/statements.txt`) instead of 010 when it judges or
//! obliges another actor, or when its cue verb has a class of its own; warnings are statements
//! unless coercive. Hand-parsed sentences written for these tests; each rule has its counterpart.

use crate::testutil::{add_sentence, code, named, t};
use dyad_doc::Doc;

use crate::tests::push_scholz_quote as quote;

/// “Poland's plan is [not] a mistake,” Scholz said.
fn judged(negated: bool) -> Doc {
    let mut d = Doc::new("t", "");
    let mut toks = vec![
        ("“", "“", "PUNCT", 6, "punct"),
        ("Poland", "Poland", "PROPN", 4, "nmod:poss"),
        ("'s", "'s", "PART", 2, "case"),
        ("plan", "plan", "NOUN", 8, "nsubj"),
        ("is", "be", "AUX", 8, "cop"),
        ("not", "not", "PART", 8, "advmod"),
        ("a", "a", "DET", 8, "det"),
        ("mistake", "mistake", "NOUN", 0, "root"),
        (",", ",", "PUNCT", 8, "punct"),
        ("”", "”", "PUNCT", 8, "punct"),
        ("Scholz", "Scholz", "PROPN", 12, "nsubj"),
        ("said", "say", "VERB", 8, "parataxis"),
        (".", ".", "PUNCT", 8, "punct"),
    ];
    if !negated {
        // Drop "not" and shift the heads after it.
        toks.remove(5);
        for tok in &mut toks {
            if tok.3 > 6 {
                tok.3 -= 1;
            }
        }
    }
    add_sentence(&mut d, &toks, &[(1, 2, "POL", "POL")]);
    let n = toks.len();
    quote(&mut d, 1..n - 5, n - 3, n - 2);
    d
}

#[test]
fn a_quote_judging_another_actor_is_criticism_unless_negated() {
    assert_eq!(
        named(&code(&judged(false))),
        vec![t("Olaf Scholz", "111", "Poland")]
    );
    assert_eq!(
        named(&code(&judged(true))),
        vec![t("Olaf Scholz", "010", "Poland")]
    );
}

/// “Poland must reconsider,” Scholz said. / “Poland must be punished,” Scholz said.
fn obliged(passive: bool) -> Doc {
    let mut d = Doc::new("t", "");
    let toks: Vec<(&str, &str, &str, usize, &str)> = if passive {
        vec![
            ("“", "“", "PUNCT", 5, "punct"),
            ("Poland", "Poland", "PROPN", 5, "nsubj:pass"),
            ("must", "must", "AUX", 5, "aux"),
            ("be", "be", "AUX", 5, "aux:pass"),
            ("punished", "punish", "VERB", 0, "root"),
            (",", ",", "PUNCT", 5, "punct"),
            ("”", "”", "PUNCT", 5, "punct"),
            ("Scholz", "Scholz", "PROPN", 9, "nsubj"),
            ("said", "say", "VERB", 5, "parataxis"),
            (".", ".", "PUNCT", 5, "punct"),
        ]
    } else {
        vec![
            ("“", "“", "PUNCT", 4, "punct"),
            ("Poland", "Poland", "PROPN", 4, "nsubj"),
            ("must", "must", "AUX", 4, "aux"),
            ("reconsider", "reconsider", "VERB", 0, "root"),
            (",", ",", "PUNCT", 4, "punct"),
            ("”", "”", "PUNCT", 4, "punct"),
            ("Scholz", "Scholz", "PROPN", 8, "nsubj"),
            ("said", "say", "VERB", 4, "parataxis"),
            (".", ".", "PUNCT", 4, "punct"),
        ]
    };
    add_sentence(&mut d, &toks, &[(1, 2, "POL", "POL")]);
    let n = toks.len();
    quote(&mut d, 1..n - 5, n - 3, n - 2);
    d
}

#[test]
fn an_obligation_on_another_actor_is_a_demand_but_not_in_the_passive() {
    assert_eq!(
        named(&code(&obliged(false))),
        vec![t("Olaf Scholz", "100", "Poland")]
    );
    // The passive obliges someone else (whoever is to punish): a statement about Poland.
    assert_eq!(
        named(&code(&obliged(true))),
        vec![t("Olaf Scholz", "010", "Poland")]
    );
}

#[test]
fn wrongdoing_said_of_another_actor_is_an_accusation() {
    // “Poland interfered in the vote,” Scholz said.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("“", "“", "PUNCT", 3, "punct"),
            ("Poland", "Poland", "PROPN", 3, "nsubj"),
            ("interfered", "interfere", "VERB", 0, "root"),
            ("in", "in", "ADP", 6, "case"),
            ("the", "the", "DET", 6, "det"),
            ("vote", "vote", "NOUN", 3, "obl"),
            (",", ",", "PUNCT", 3, "punct"),
            ("”", "”", "PUNCT", 3, "punct"),
            ("Scholz", "Scholz", "PROPN", 10, "nsubj"),
            ("said", "say", "VERB", 3, "parataxis"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(1, 2, "POL", "POL")],
    );
    quote(&mut d, 1..6, 8, 9);
    assert_eq!(named(&code(&d)), vec![t("Olaf Scholz", "112", "Poland")]);
    // Asked, it accuses no one.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("“", "“", "PUNCT", 4, "punct"),
            ("Did", "do", "AUX", 4, "aux"),
            ("Poland", "Poland", "PROPN", 4, "nsubj"),
            ("interfere", "interfere", "VERB", 0, "root"),
            ("?", "?", "PUNCT", 4, "punct"),
            ("”", "”", "PUNCT", 4, "punct"),
            ("Scholz", "Scholz", "PROPN", 8, "nsubj"),
            ("asked", "ask", "VERB", 4, "parataxis"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[(2, 3, "POL", "POL")],
    );
    quote(&mut d, 1..5, 6, 7);
    assert!(
        code(&d).iter().all(|e| e.cameo != "112"),
        "{:?}",
        named(&code(&d))
    );
}

/// Scholz warned (Poland) that ... : the quote is the complement.
fn warned(toks: &[(&str, &str, &str, usize, &str)], words: std::ops::Range<usize>) -> Doc {
    let mut d = Doc::new("t", "");
    let acts: Vec<(usize, usize, &str, &str)> = toks
        .iter()
        .enumerate()
        .filter_map(|(i, x)| match x.0 {
            "Poland" => Some((i, i + 1, "POL", "POL")),
            "Scholz" => Some((i, i + 1, "DEUGOV", "DEU")),
            _ => None,
        })
        .collect();
    add_sentence(&mut d, toks, &acts);
    quote(&mut d, words, 0, 1);
    d
}

#[test]
fn a_warning_that_foretells_is_pessimism_and_one_naming_a_reprisal_a_threat() {
    // Scholz warned that Poland would suffer.
    let d = warned(
        &[
            ("Scholz", "Scholz", "PROPN", 2, "nsubj"),
            ("warned", "warn", "VERB", 0, "root"),
            ("that", "that", "SCONJ", 6, "mark"),
            ("Poland", "Poland", "PROPN", 6, "nsubj"),
            ("would", "would", "AUX", 6, "aux"),
            ("suffer", "suffer", "VERB", 2, "ccomp"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        3..6,
    );
    assert_eq!(named(&code(&d)), vec![t("Olaf Scholz", "012", "Poland")]);
    // Scholz warned Poland that a reprisal would follow.
    let d = warned(
        &[
            ("Scholz", "Scholz", "PROPN", 2, "nsubj"),
            ("warned", "warn", "VERB", 0, "root"),
            ("Poland", "Poland", "PROPN", 2, "obj"),
            ("that", "that", "SCONJ", 8, "mark"),
            ("a", "a", "DET", 6, "det"),
            ("reprisal", "reprisal", "NOUN", 8, "nsubj"),
            ("would", "would", "AUX", 8, "aux"),
            ("follow", "follow", "VERB", 2, "ccomp"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        4..8,
    );
    assert_eq!(named(&code(&d)), vec![t("Olaf Scholz", "130", "Poland")]);
}

#[test]
fn a_coercive_warning_is_still_a_threat_pattern() {
    // Scholz warned Poland not to interfere.
    let d = warned(
        &[
            ("Scholz", "Scholz", "PROPN", 2, "nsubj"),
            ("warned", "warn", "VERB", 0, "root"),
            ("Poland", "Poland", "PROPN", 2, "obj"),
            ("not", "not", "PART", 6, "advmod"),
            ("to", "to", "PART", 6, "mark"),
            ("interfere", "interfere", "VERB", 2, "xcomp"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        3..6,
    );
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Scholz", "130", "Poland")]);
    assert_eq!(ev[0].by, "pattern");
}

#[test]
fn the_statement_lexicon_is_validated_with_file_and_line() {
    let onto = crate::ontology::Ontology::embedded();
    let files = vec![(
        "data/events/statements.txt".to_string(),
        "cue 999 accuse\nfoo 111 word\noblige 100 have_for\ncue 112 accuse\ncue 111 accuse\njudge 111\n"
            .to_string(),
    )];
    let e = crate::dict::EventDict::parse(&files, &onto)
        .unwrap_err()
        .to_string();
    for line in [
        "1: unknown CAMEO code",
        "2: unknown kind",
        "3: an obligation",
        "5: cue `accuse` listed twice",
        "6: expected",
    ] {
        assert!(
            e.contains(&format!("data/events/statements.txt:{line}")),
            "{line}: {e}"
        );
    }
    // The embedded lexicon loads and has each kind.
    let lex = crate::dict::EventDict::embedded(&onto).statements;
    assert_eq!(lex.cues.get("accuse").map(String::as_str), Some("112"));
    assert!(lex.judge.contains_key("mistake") && !lex.oblige.is_empty() && !lex.coerce.is_empty());
}
