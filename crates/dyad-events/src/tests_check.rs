//! Tests of the event check ([`crate::check`]) on hand-parsed sentences written for these tests:
//! the features of a written event (mention kinds, paths, sentence), the committed model, and the
//! threshold.

use crate::check::{self, features};
use crate::classifier::Classifier;
use crate::testutil::{add_sentence, Tok};
use dyad_doc::{Doc, Event, EventActor, Span, Tag};

/// An event of sentence `s` of `doc` with code `code`, its evidence token `trig`, and source and
/// target over the sentence-relative token ranges given.
fn ev(
    doc: &Doc,
    s: usize,
    trig: usize,
    code: &str,
    src: Option<(usize, usize)>,
    tgt: Option<(usize, usize)>,
) -> Event {
    let base = doc.sentences[s].tokens.start;
    let actor = |r: Option<(usize, usize)>| {
        r.map(|(a, b)| EventActor {
            span: Some(doc.span_of_tokens(base + a..base + b)),
            code: Some("RUR".into()),
            ..Default::default()
        })
    };
    Event {
        sentence: s,
        cameo: code.into(),
        goldstein: 0.0,
        quad: 0,
        plover: None,
        source: actor(src),
        target: actor(tgt),
        negated: false,
        modality: "actual".into(),
        date: None,
        place: None,
        evidence: doc.tokens[base + trig].span,
        by: "pattern",
        confidence: 1.0,
        check: None,
    }
}

fn has(f: &[String], want: &[&str]) {
    for w in want {
        assert!(f.iter().any(|x| x == w), "{w} missing from {f:?}");
    }
}

const ACCUSED: &[Tok] = &[
    ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
    ("accused", "accuse", "VERB", 0, "root"),
    ("Borduria", "Borduria", "PROPN", 2, "obj"),
    ("of", "of", "SCONJ", 5, "mark"),
    ("shelling", "shell", "VERB", 2, "advcl"),
    (".", ".", "PUNCT", 2, "punct"),
];

/// The ACCUSED sentence with both actors named and its 112 event between them.
fn accused_with_actors() -> (Doc, Event) {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        ACCUSED,
        &[(0, 1, "RUR", "RUR"), (2, 3, "BOR", "BOR")],
    );
    let e = ev(&d, 0, 1, "112", Some((0, 1)), Some((2, 3)));
    (d, e)
}

#[test]
fn features_name_the_trigger_code_and_the_arguments_in_its_clause() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        ACCUSED,
        &[(0, 1, "RUR", "RUR"), (2, 3, "BOR", "BOR")],
    );
    let f = features(&d, &ev(&d, 0, 1, "112", Some((0, 1)), Some((2, 3))));
    has(
        &f,
        &[
            "lem=accuse",
            "root=11",
            "code=112",
            "how=pattern",
            "lem_root=accuse|11",
        ],
    );
    has(
        &f,
        &[
            "s=org",
            "s_in=nsubj",
            "s_dist=beforele2",
            "t=org",
            "t_in=obj",
            "t_dist=afterle2",
        ],
    );
    has(&f, &["arg=obj", "rel=root", "mod=actual"]);
    assert!(
        !f.iter().any(|x| x == "headline" || x == "question"),
        "{f:?}"
    );
    // Sorted and distinct: the same features in the same order every time.
    let mut sorted = f.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(f, sorted);
    // No target: the kind says so.
    let f = features(&d, &ev(&d, 0, 1, "112", Some((0, 1)), None));
    has(&f, &["t=none", "t_root=none|11"]);
}

#[test]
fn places_modifiers_and_pronouns_are_kinds_of_their_own() {
    // "He deployed troops in Borduria near Bordurian villages."
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("He", "he", "PRON", 2, "nsubj"),
            ("deployed", "deploy", "VERB", 0, "root"),
            ("troops", "troop", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 5, "case"),
            ("Borduria", "Borduria", "PROPN", 2, "obl"),
            ("near", "near", "ADP", 8, "case"),
            ("Bordurian", "Bordurian", "ADJ", 8, "amod"),
            ("villages", "village", "NOUN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(4, 5, "BOR", "BOR"), (6, 7, "BOR", "BOR")],
    );
    let f = features(&d, &ev(&d, 0, 1, "150", Some((0, 1)), Some((3, 5))));
    has(
        &f,
        &[
            "s=pronoun",
            "t=locative",
            "t_in=obl",
            "arg=obl:in",
            "arg=obl:in|borduria",
        ],
    );
    // A nationality on a thing, and on a group of people.
    let f = features(&d, &ev(&d, 0, 1, "150", Some((0, 1)), Some((6, 7))));
    has(&f, &["t=mod_thing", "t_in=obl", "t_depth=2"]);
    d.tokens[7].xpos = Tag::new("NNS");
    let f = features(&d, &ev(&d, 0, 1, "150", Some((0, 1)), Some((6, 7))));
    has(&f, &["t=mod_plural"]);
}

#[test]
fn a_source_from_the_reporting_clause_and_the_headline_are_marked() {
    // Title "Borduria attacks Ruritania?" then "Ruritania said Borduria attacked the border."
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Borduria", "Borduria", "PROPN", 2, "nsubj"),
            ("attacks", "attack", "VERB", 0, "root"),
            ("Ruritania", "Ruritania", "PROPN", 2, "obj"),
            ("?", "?", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "BOR", "BOR"), (2, 3, "RUR", "RUR")],
    );
    d.title = Some(d.text.clone());
    add_sentence(
        &mut d,
        &[
            ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("Borduria", "Borduria", "PROPN", 4, "nsubj"),
            ("attacked", "attack", "VERB", 2, "ccomp"),
            ("the", "the", "DET", 6, "det"),
            ("border", "border", "NOUN", 4, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RUR", "RUR"), (2, 3, "BOR", "BOR")],
    );
    let head = features(&d, &ev(&d, 0, 1, "190", Some((0, 1)), Some((2, 3))));
    has(&head, &["headline", "question", "first"]);
    // The speaker as the doer of what they report.
    let f = features(&d, &ev(&d, 1, 3, "190", Some((0, 1)), None));
    has(
        &f,
        &[
            "s_reporting",
            "s_climb1=ccomp",
            "s_lca_rel=nsubj",
            "gov=say",
            "rel=ccomp",
        ],
    );
    assert!(!f.iter().any(|x| x == "headline"), "{f:?}");
    // The subject of its own clause is not.
    let f = features(&d, &ev(&d, 1, 3, "190", Some((2, 3)), None));
    has(&f, &["s_in=nsubj"]);
    assert!(!f.iter().any(|x| x == "s_reporting"), "{f:?}");
    // A source outside the event's sentence.
    let mut e = ev(&d, 1, 3, "190", None, None);
    e.source = Some(EventActor {
        span: Some(d.tokens[0].span),
        ..Default::default()
    });
    has(&features(&d, &e), &["s=outside"]);
}

#[test]
fn bad_spans_give_features_without_panicking() {
    let mut d = Doc::new("t", "");
    add_sentence(&mut d, ACCUSED, &[]);
    let mut e = ev(&d, 0, 1, "112", None, None);
    e.evidence = Span::new(d.text.len(), d.text.len());
    e.sentence = 7;
    let f = features(&d, &e);
    has(&f, &["lem=", "s=none"]);
}

#[test]
fn the_committed_check_loads_and_scores_deterministically() {
    let m = check::embedded().expect("the committed check is not empty");
    assert_eq!(m.labels, vec!["bad", "ok"]);
    let min = check::default_min_check();
    assert!((0.0..1.0).contains(&min), "{min}");
    let (d, e) = accused_with_actors();
    let p = check::probability(&m, &features(&d, &e));
    assert!((0.0..=1.0).contains(&p));
    assert_eq!(p, check::probability(&m, &features(&d, &e)));
    let text = m.to_text("x");
    assert_eq!(Classifier::parse(&text, "x").unwrap().to_text("x"), text);
}

#[test]
fn the_threshold_keeps_or_leaves_out_and_counts() {
    let m = Classifier::parse(
        "labels\tbad\tok\nbias\t0\t0\nw\tlem=warn\t0:2\nw\tlem=accuse\t1:2\n",
        "m.tsv",
    )
    .unwrap();
    let mut d = Doc::new("t", "");
    add_sentence(&mut d, ACCUSED, &[]);
    let mut warned = ev(&d, 0, 1, "130", None, None);
    d.tokens[1].lemma = "accuse".into();
    let accused = ev(&d, 0, 1, "112", None, None);
    // The same token with another lemma: a second document.
    let mut d2 = d.clone();
    d2.tokens[1].lemma = "warn".into();
    warned.cameo = "130".into();
    let mut evs = vec![accused.clone()];
    assert_eq!(check::apply(Some(&m), 0.5, &d, &mut evs), 0);
    assert_eq!(evs[0].check, Some(0.88));
    let mut evs = vec![warned.clone()];
    assert_eq!(check::apply(Some(&m), 0.5, &d2, &mut evs), 1);
    assert!(evs.is_empty());
    // 0 keeps every event, each with its probability; no model changes nothing.
    let mut evs = vec![warned.clone()];
    assert_eq!(check::apply(Some(&m), 0.0, &d2, &mut evs), 0);
    assert_eq!(evs[0].check, Some(0.12));
    let mut evs = vec![warned];
    assert_eq!(check::apply(None, 0.9, &d2, &mut evs), 0);
    assert_eq!(evs[0].check, None);
}

#[test]
fn the_default_threshold_is_read_from_the_model_file() {
    assert_eq!(
        check::min_check_of("# x\n# min-check 0.35\nlabels\tbad\tok\n"),
        0.35
    );
    assert_eq!(check::min_check_of("labels\tbad\tok\n"), 0.0);
    assert_eq!(check::min_check_of("# min-check 7\n"), 0.0);
}

#[test]
fn arguments_say_what_kind_of_word_they_are() {
    let mut d = Doc::new("t", "");
    add_sentence(&mut d, ACCUSED, &[(2, 3, "BOR", "BOR")]);
    let f = features(&d, &ev(&d, 0, 1, "112", None, Some((2, 3))));
    // The object is a named organisation, the subject a name the entity layer left out.
    has(&f, &["akind=obj|ORG", "akind=nsubj|PROPN"]);
    assert!(!f.iter().any(|x| x == "akind=nsubj|ORG"), "{f:?}");
}

#[test]
fn the_coder_gives_its_models_opinion_of_an_event() {
    let (d, e) = accused_with_actors();
    let coder = crate::Coder::embedded();
    let mentions = crate::mentions::from_doc(&d);
    let f = check::features_of(&d, &e, Some((&coder, &mentions)));
    // The classifier (with its no-event class) and the re-ranker each say how sure they are of
    // the event's type; without the coder there is no opinion.
    for p in ["oc_own=", "oc_top=", "oc_none=", "or_own=", "or_top="] {
        assert!(f.iter().any(|x| x.starts_with(p)), "{p} missing from {f:?}");
    }
    assert!(!features(&d, &e).iter().any(|x| x.starts_with("oc_")));
    // A statement (no PLOVER type) gets the classifier's opinion only.
    let mut s = e.clone();
    s.cameo = "010".into();
    let f = check::features_of(&d, &s, Some((&coder, &mentions)));
    assert!(f.iter().any(|x| x.starts_with("oc_top=")));
    assert!(!f.iter().any(|x| x.starts_with("or_")), "{f:?}");
}
