//! Behaviour tests of the irrealis rules (issue 16, precision on news) on hand-parsed sentences
//! written for these tests: questions, conditions and mere possibilities write no event (unless
//! `keep_irrealis`), a `?` glued to the next word asks nothing, announced acts without an intent
//! code write no event, scheduled acts are intents; word-sense guards of verbs.txt, and names that
//! describe a thing ("Sudria-based") are no actors. (Datelines: `mentions.rs`.)

use crate::testutil::{add_sentence, code, named, t, Tok};
use crate::Coder;
use dyad_doc::{Doc, Event};

/// The events of `d` with irrealis events kept (marked by their modality).
fn code_keeping(d: &Doc) -> Vec<Event> {
    let mut c = Coder::embedded();
    c.opts.keep_irrealis = true;
    c.code(d, &crate::mentions::from_doc(d))
}

/// "Norland attacked Sudria" with `word` ("could", "may") as an auxiliary before the verb.
fn modal_attack(word: &str) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 3, "nsubj"),
            (word, word, "AUX", 3, "aux"),
            ("attack", "attack", "VERB", 0, "root"),
            ("Sudria", "Sudria", "PROPN", 3, "obj"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (3, 4, "SUD", "SUD")],
    );
    d
}

#[test]
fn a_question_writes_no_event_unless_irrealis_is_kept() {
    // "Did Norland attack Sudria?"
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Did", "do", "AUX", 3, "aux"),
            ("Norland", "Norland", "PROPN", 3, "nsubj"),
            ("attack", "attack", "VERB", 0, "root"),
            ("Sudria", "Sudria", "PROPN", 3, "obj"),
            ("?", "?", "PUNCT", 3, "punct"),
        ],
        &[(1, 2, "NRL", "NRL"), (3, 4, "SUD", "SUD")],
    );
    assert!(code(&d).is_empty(), "{:?}", code(&d));
    let kept = code_keeping(&d);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0].modality, "hypothetical");
}

#[test]
fn a_question_mark_glued_to_the_next_word_asks_nothing() {
    // Mangled quotes: Norland condemned the "raids"?over the border (no space after the `?`).
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Sudria", "Sudria", "PROPN", 2, "obj"),
            ("?", "?", "PUNCT", 2, "punct"),
            ("again", "again", "ADV", 2, "advmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (2, 3, "SUD", "SUD")],
    );
    // Remove the space after the `?` and re-anchor the spans after it.
    let q = d.tokens[3].span;
    d.tokens[3].space_after = false;
    d.text.remove(q.end);
    for tok in &mut d.tokens[4..] {
        tok.span = dyad_doc::Span::new(tok.span.start - 1, tok.span.end - 1);
    }
    let s = &mut d.sentences[0];
    s.span = dyad_doc::Span::new(s.span.start, s.span.end - 1);
    assert!(d.text.contains("?again"), "{}", d.text);
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Norland", "111", "Sudria")]);
    assert_eq!(ev[0].modality, "actual");
}

#[test]
fn a_mere_possibility_writes_no_event() {
    for w in ["could", "may", "might"] {
        let d = modal_attack(w);
        assert!(code(&d).is_empty(), "{w}: {:?}", code(&d));
        assert!(!code_keeping(&d).is_empty(), "{w}");
    }
    // "Norland is likely to reject the plan of Sudria": a possibility governor above the verb.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 3, "nsubj"),
            ("is", "be", "AUX", 3, "cop"),
            ("likely", "likely", "ADJ", 0, "root"),
            ("to", "to", "PART", 5, "mark"),
            ("condemn", "condemn", "VERB", 3, "xcomp"),
            ("Sudria", "Sudria", "PROPN", 5, "obj"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (5, 6, "SUD", "SUD")],
    );
    assert!(code(&d).is_empty(), "{:?}", code(&d));
    // The same act stated as done stays.
    let d = modal_attack("did");
    assert!(!code(&d).is_empty());
}

#[test]
fn a_condition_writes_no_event_even_above_a_reported_clause() {
    // "Reporters asked whether officials said Norland met Sudria": the "whether" sits on the
    // verb of saying, the meeting is its clausal complement.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Reporters", "reporter", "NOUN", 2, "nsubj"),
            ("asked", "ask", "VERB", 0, "root"),
            ("whether", "whether", "SCONJ", 5, "mark"),
            ("officials", "official", "NOUN", 5, "nsubj"),
            ("said", "say", "VERB", 2, "ccomp"),
            ("Norland", "Norland", "PROPN", 7, "nsubj"),
            ("met", "meet", "VERB", 5, "ccomp"),
            ("Sudria", "Sudria", "PROPN", 7, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(5, 6, "NRL", "NRL"), (7, 8, "SUD", "SUD")],
    );
    let ev = code(&d);
    assert!(ev.iter().all(|e| !e.cameo.starts_with("04")), "{ev:?}");
    let kept = code_keeping(&d);
    assert!(
        kept.iter()
            .any(|e| e.cameo.starts_with("04") && e.modality == "hypothetical"),
        "{kept:?}"
    );
}

#[test]
fn an_announced_act_without_an_intent_code_writes_no_event() {
    // "Norland will investigate Sudria": 09 has no intent form; "will meet" has (036).
    let sent = |verb: &str, lemma: &str| {
        let mut d = Doc::new("t", "");
        add_sentence(
            &mut d,
            &[
                ("Norland", "Norland", "PROPN", 3, "nsubj"),
                ("will", "will", "AUX", 3, "aux"),
                (verb, lemma, "VERB", 0, "root"),
                ("Sudria", "Sudria", "PROPN", 3, "obj"),
                (".", ".", "PUNCT", 3, "punct"),
            ],
            &[(0, 1, "NRL", "NRL"), (3, 4, "SUD", "SUD")],
        );
        d
    };
    let d = sent("investigate", "investigate");
    assert!(code(&d).is_empty(), "{:?}", code(&d));
    assert!(code_keeping(&d).iter().all(|e| e.modality == "intent"));
    assert_eq!(
        named(&code(&sent("meet", "meet"))),
        vec![t("Norland", "036", "Sudria")]
    );
}

#[test]
fn a_scheduled_act_is_an_intent() {
    // "Norland is due to meet Sudria."
    for (w, l) in [
        ("due", "due"),
        ("scheduled", "scheduled"),
        ("expected", "expect"),
    ] {
        let mut d = Doc::new("t", "");
        add_sentence(
            &mut d,
            &[
                ("Norland", "Norland", "PROPN", 3, "nsubj"),
                ("is", "be", "AUX", 3, "cop"),
                (w, l, "ADJ", 0, "root"),
                ("to", "to", "PART", 5, "mark"),
                ("meet", "meet", "VERB", 3, "xcomp"),
                ("Sudria", "Sudria", "PROPN", 5, "obj"),
                (".", ".", "PUNCT", 3, "punct"),
            ],
            &[(0, 1, "NRL", "NRL"), (5, 6, "SUD", "SUD")],
        );
        let ev = code(&d);
        assert_eq!(named(&ev), vec![t("Norland", "036", "Sudria")], "{w}");
        assert_eq!(ev[0].modality, "intent", "{w}");
    }
}

#[test]
fn withdrawing_water_upholding_a_ruling_and_posing_a_risk_are_no_events() {
    // "Norland withdrew water from the dam", "Norland upheld the ruling", "Norland poses a
    // threat to Sudria": the word-sense guards of verbs.txt.
    let sents: [&[Tok]; 3] = [
        &[
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("withdrew", "withdraw", "VERB", 0, "root"),
            ("water", "water", "NOUN", 2, "obj"),
            ("from", "from", "ADP", 5, "case"),
            ("Sudria", "Sudria", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("upheld", "uphold", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("ruling", "ruling", "NOUN", 2, "obj"),
            ("of", "of", "ADP", 6, "case"),
            ("Sudria", "Sudria", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("poses", "pose", "VERB", 0, "root"),
            ("a", "a", "DET", 4, "det"),
            ("threat", "threat", "NOUN", 2, "obj"),
            ("to", "to", "ADP", 6, "case"),
            ("Sudria", "Sudria", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
    ];
    for toks in sents {
        let mut d = Doc::new("t", "");
        let last = toks.len() - 2;
        add_sentence(
            &mut d,
            toks,
            &[(0, 1, "NRL", "NRL"), (last, last + 1, "SUD", "SUD")],
        );
        // (The classifier may still guess at a sentence no pattern codes.)
        let ev = code(&d);
        assert!(ev.iter().all(|e| e.by != "pattern"), "{}: {ev:?}", d.text);
    }
}

#[test]
fn a_name_that_describes_a_thing_is_no_target() {
    // "Norland condemned a Sudria-based firm": the firm is not Sudria.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("a", "a", "DET", 5, "det"),
            ("Sudria-based", "Sudria-based", "ADJ", 5, "amod"),
            ("firm", "firm", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (3, 4, "SUD", "SUD")],
    );
    let ev = code(&d);
    assert!(ev.iter().all(|e| e.target.is_none()), "{ev:?}");
}
