//! Behaviour tests of the target rules of issues 15/16 (branch `gsr`) on hand-parsed sentences
//! written for these tests: the topic of a joint act deep in its object, a threat aimed at the
//! party of its condition, a reporter misparsed as an apposition, the subject of a demanded
//! clause, a "that" clause hung on a day word, and PETRARCH `%` compound patterns.

use crate::testutil::{add_sentence, code, named, t, Tok};
use crate::Coder;
use dyad_doc::{Doc, Event};

/// "Ruritania and Borduria" (tokens 1-3, the subject of token 4), then `rest`.
fn pair_then(rest: &[Tok<'static>]) -> Vec<Tok<'static>> {
    let mut v: Vec<Tok> = vec![
        ("Ruritania", "Ruritania", "PROPN", 4, "nsubj"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("Borduria", "Borduria", "PROPN", 1, "conj"),
    ];
    v.extend_from_slice(rest);
    v
}

/// Some events pass `keep`, and the target of each has code `target`.
fn targets_all(ev: &[Event], keep: impl Fn(&Event) -> bool, target: &str) {
    let kept: Vec<&Event> = ev.iter().filter(|e| keep(e)).collect();
    assert!(!kept.is_empty(), "{ev:?}");
    for e in kept {
        let got = e.target.as_ref().and_then(|a| a.code.as_deref());
        assert_eq!(got, Some(target), "{ev:?}");
    }
}

#[test]
fn an_actor_inside_the_topic_of_a_joint_act_is_not_its_target() {
    // "Ruritania and Borduria resumed talks on a Ruritanian troop pullback": the partners are
    // each other's targets; the Ruritanian in the topic is not.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &pair_then(&[
            ("held", "hold", "VERB", 0, "root"),
            ("talks", "talk", "NOUN", 4, "obj"),
            ("on", "on", "ADP", 10, "case"),
            ("a", "a", "DET", 10, "det"),
            ("Ruritanian", "Ruritanian", "ADJ", 10, "amod"),
            ("troop", "troop", "NOUN", 10, "compound"),
            ("pullback", "pullback", "NOUN", 5, "nmod"),
            (".", ".", "PUNCT", 4, "punct"),
        ]),
        &[
            (0, 1, "RUR", "RUR"),
            (2, 3, "BOR", "BOR"),
            (7, 8, "RUR", "RUR"),
        ],
    );
    let ev: Vec<Event> = code(&d)
        .into_iter()
        .filter(|e| e.cameo.starts_with("04"))
        .collect();
    assert!(!ev.is_empty());
    for e in &ev {
        let (s, g) = (e.source.as_ref().unwrap(), e.target.as_ref().unwrap());
        assert_ne!(s.code, g.code, "{ev:?}");
        assert!(
            g.span != Some(d.tokens[7].span),
            "the topic became a target: {ev:?}"
        );
    }
}

#[test]
fn the_object_of_a_ban_in_a_joint_act_is_no_topic() {
    // "Ruritania and Borduria agreed to lift a ban on imports of Sylvanian goods": "on" hangs on
    // the ban, not on the agreement; Sylvania stays the target.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &pair_then(&[
            ("agreed", "agree", "VERB", 0, "root"),
            ("to", "to", "PART", 6, "mark"),
            ("lift", "lift", "VERB", 4, "xcomp"),
            ("a", "a", "DET", 8, "det"),
            ("ban", "ban", "NOUN", 6, "obj"),
            ("on", "on", "ADP", 10, "case"),
            ("imports", "import", "NOUN", 8, "nmod"),
            ("of", "of", "ADP", 13, "case"),
            ("Sylvanian", "Sylvanian", "ADJ", 13, "amod"),
            ("goods", "good", "NOUN", 10, "nmod"),
            (".", ".", "PUNCT", 4, "punct"),
        ]),
        &[
            (0, 1, "RUR", "RUR"),
            (2, 3, "BOR", "BOR"),
            (11, 12, "SYL", "SYL"),
        ],
    );
    targets_all(&code(&d), |e| e.cameo == "030", "SYL");
}

#[test]
fn a_threat_is_aimed_at_the_party_of_its_condition() {
    // "Ruritania threatened to close the border with Borduria if Sylvania sent troops".
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
            ("threatened", "threaten", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("close", "close", "VERB", 2, "xcomp"),
            ("the", "the", "DET", 6, "det"),
            ("border", "border", "NOUN", 4, "obj"),
            ("with", "with", "ADP", 8, "case"),
            ("Borduria", "Borduria", "PROPN", 6, "nmod"),
            ("if", "if", "SCONJ", 11, "mark"),
            ("Sylvania", "Sylvania", "PROPN", 11, "nsubj"),
            ("sent", "send", "VERB", 4, "advcl"),
            ("troops", "troop", "NOUN", 11, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "RUR", "RUR"),
            (7, 8, "BOR", "BOR"),
            (9, 10, "SYL", "SYL"),
        ],
    );
    targets_all(&code(&d), |e| e.modality == "threat", "SYL");
    // Without a condition the threatened act's own object stays the target.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
            ("threatened", "threaten", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("attack", "attack", "VERB", 2, "xcomp"),
            ("Borduria", "Borduria", "PROPN", 4, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RUR", "RUR"), (4, 5, "BOR", "BOR")],
    );
    let ev = code(&d);
    assert!(ev
        .iter()
        .all(|e| e.target.as_ref().and_then(|a| a.name.as_deref()) == Some("Borduria")));
}

#[test]
fn a_reporter_misparsed_as_an_apposition_is_no_target() {
    // "Ruritania and Borduria agreed to hold exercises this month, a Ruritanian official
    // confirmed", with "official" parsed as an apposition of "exercises".
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &pair_then(&[
            ("agreed", "agree", "VERB", 0, "root"),
            ("to", "to", "PART", 6, "mark"),
            ("hold", "hold", "VERB", 4, "xcomp"),
            ("exercises", "exercise", "NOUN", 6, "obj"),
            (",", ",", "PUNCT", 10, "punct"),
            ("a", "a", "DET", 10, "det"),
            ("Ruritanian", "Ruritanian", "ADJ", 10, "amod"),
            ("official", "official", "NOUN", 7, "appos"),
            ("confirmed", "confirm", "VERB", 11, "acl"),
            (".", ".", "PUNCT", 4, "punct"),
        ]),
        &[
            (0, 1, "RUR", "RUR"),
            (2, 3, "BOR", "BOR"),
            (9, 11, "RURGOV", "RUR"),
        ],
    );
    let mut got = named(&code(&d));
    got.sort();
    assert_eq!(
        got,
        vec![
            t("Borduria", "030", "Ruritania"),
            t("Ruritania", "030", "Borduria")
        ]
    );
}

#[test]
fn the_subject_of_a_demanded_clause_is_the_target() {
    // "Ruritanian officials demanded Friday that Borduria free the prisoners", with the "that"
    // clause parsed as a relative clause of "Friday".
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Ruritanian", "Ruritanian", "ADJ", 2, "amod"),
            ("officials", "official", "NOUN", 3, "nsubj"),
            ("demanded", "demand", "VERB", 0, "root"),
            ("Friday", "Friday", "PROPN", 3, "obj"),
            ("that", "that", "SCONJ", 7, "mark"),
            ("Borduria", "Borduria", "PROPN", 7, "nsubj"),
            ("free", "free", "VERB", 4, "acl:relcl"),
            ("the", "the", "DET", 9, "det"),
            ("prisoners", "prisoner", "NOUN", 7, "obj"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(0, 2, "RURGOV", "RUR"), (5, 6, "BOR", "BOR")],
    );
    let ev = code(&d);
    assert!(!ev.is_empty());
    for e in &ev {
        assert_eq!(
            (
                e.source.as_ref().and_then(|a| a.name.as_deref()),
                e.target.as_ref().and_then(|a| a.name.as_deref())
            ),
            (Some("Ruritanian officials"), Some("Borduria")),
            "{ev:?}"
        );
    }
}

#[test]
fn a_petrarch_compound_pattern_needs_a_compound_subject() {
    let verbs = "--- AGREE [081] ---\nAGREE\n- % * [030:030]\n";
    let (dict, warnings) = crate::petrarch::parse_verbs("t", verbs);
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut c = Coder::embedded();
    c.dict = dict;
    let run = |c: &Coder, compound: bool| {
        let mut d = Doc::new("t", "");
        if compound {
            add_sentence(
                &mut d,
                &pair_then(&[
                    ("agree", "agree", "VERB", 0, "root"),
                    (".", ".", "PUNCT", 4, "punct"),
                ]),
                &[(0, 1, "RUR", "RUR"), (2, 3, "BOR", "BOR")],
            );
        } else {
            add_sentence(
                &mut d,
                &[
                    ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
                    ("agreed", "agree", "VERB", 0, "root"),
                    (".", ".", "PUNCT", 2, "punct"),
                ],
                &[(0, 1, "RUR", "RUR")],
            );
        }
        let ev = c.code(&d, &crate::mentions::from_doc(&d));
        let mut codes: Vec<String> = ev.into_iter().map(|e| e.cameo).collect();
        codes.dedup();
        codes
    };
    assert_eq!(run(&c, true), vec!["030"]);
    assert_eq!(run(&c, false), vec!["081"]);
}
