//! Behaviour tests of the issue-16 role and sense rules on hand-parsed sentences written for
//! these tests: places and moved objects as targets, possessive pronouns in target slots, a
//! coordinated subject the parse split, orders and decisions that are the act, concluded
//! deals, and signed decrees.

use crate::testutil::{add_sentence, code, named, t};
use crate::Coder;
use dyad_doc::{Cluster, Doc, Event};

#[test]
fn the_place_of_a_meeting_is_not_its_target() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Putin", "Putin", "PROPN", 2, "nsubj"),
            ("met", "meet", "VERB", 0, "root"),
            ("Erdogan", "Erdogan", "PROPN", 2, "obj"),
            ("in", "in", "ADP", 5, "case"),
            ("Ankara", "Ankara", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "RUSGOV", "RUS"),
            (2, 3, "TURGOV", "TUR"),
            (4, 5, "TURGOV", "TUR"),
        ],
    );
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Putin", "044", "Erdogan")]);
}

#[test]
fn withdrawn_forces_are_not_the_target_the_place_left_is() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Qatar", "Qatar", "PROPN", 2, "nsubj"),
            ("withdrew", "withdraw", "VERB", 0, "root"),
            ("peacekeepers", "peacekeeper", "NOUN", 2, "obj"),
            ("from", "from", "ADP", 5, "case"),
            ("Djibouti", "Djibouti", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "QAT", "QAT"),
            (2, 3, "QATMIL", "QAT"),
            (4, 5, "DJI", "DJI"),
        ],
    );
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Qatar", "1661", "Djibouti")]);
}

#[test]
fn a_complaint_to_an_addressee_keeps_the_actor_complained_about() {
    // "to the UN" names whom the complaint is made to; the raids' actor is the target.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Lebanon", "Lebanon", "PROPN", 2, "nsubj"),
            ("complained", "complain", "VERB", 0, "root"),
            ("to", "to", "ADP", 4, "case"),
            ("UN", "UN", "PROPN", 2, "obl"),
            ("over", "over", "ADP", 7, "case"),
            ("Israeli", "Israeli", "ADJ", 7, "amod"),
            ("raids", "raid", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "LBN", "LBN"),
            (3, 4, "UN", "UN"),
            (5, 6, "ISR", "ISR"),
        ],
    );
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Lebanon", "114", "Israeli")]);
}

#[test]
fn a_possessive_pronoun_in_a_target_slot_points_at_the_noun_it_modifies() {
    // "Mbeki released his deputy Zuma": "his" (Mbeki, by coreference) only modifies the target.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Mbeki", "Mbeki", "PROPN", 2, "nsubj"),
            ("released", "release", "VERB", 0, "root"),
            ("his", "his", "PRON", 5, "nmod:poss"),
            ("deputy", "deputy", "NOUN", 5, "compound"),
            ("Zuma", "Zuma", "PROPN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "ZAFGOV", "ZAF"), (4, 5, "ZAFELI", "ZAF")],
    );
    let mbeki = d.entities[0].actor.clone();
    d.clusters.push(Cluster {
        name: Some("Mbeki".into()),
        actor: mbeki,
        mentions: vec![d.tokens[0].span, d.tokens[2].span],
    });
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Mbeki", "0841", "Zuma")]);
}

#[test]
fn a_coordinated_subject_split_by_the_parse_keeps_its_first_conjunct() {
    // Parsed with "Japan" as the root and the verb as its conjunct: both agreed.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Japan", "Japan", "PROPN", 0, "root"),
            ("and", "and", "CCONJ", 5, "cc"),
            ("the", "the", "DET", 5, "det"),
            ("Australian", "Australian", "ADJ", 5, "amod"),
            ("army", "army", "NOUN", 6, "nsubj"),
            ("agreed", "agree", "VERB", 1, "conj"),
            (".", ".", "PUNCT", 1, "punct"),
        ],
        &[(0, 1, "JPN", "JPN"), (3, 5, "AUSMIL", "AUS")],
    );
    let ev = code(&d);
    let mut got = named(&ev);
    got.sort();
    assert_eq!(
        got,
        vec![
            t("Australian army", "030", "Japan"),
            t("Japan", "030", "Australian army")
        ]
    );
    // A verb or a preposition before the "and" is no coordinated subject.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("After", "after", "ADP", 2, "case"),
            ("Japan", "Japan", "PROPN", 7, "obl"),
            ("and", "and", "CCONJ", 6, "cc"),
            ("the", "the", "DET", 6, "det"),
            ("Australian", "Australian", "ADJ", 6, "amod"),
            ("army", "army", "NOUN", 7, "nsubj"),
            ("agreed", "agree", "VERB", 0, "root"),
            (".", ".", "PUNCT", 7, "punct"),
        ],
        &[(1, 2, "JPN", "JPN"), (4, 6, "AUSMIL", "AUS")],
    );
    assert_eq!(named(&code(&d)), vec![t("Australian army", "030", "")]);
}

#[test]
fn an_ordered_release_is_a_release() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("The", "the", "DET", 2, "det"),
            ("court", "court", "NOUN", 3, "nsubj"),
            ("ordered", "order", "VERB", 0, "root"),
            ("the", "the", "DET", 5, "det"),
            ("release", "release", "NOUN", 3, "obj"),
            ("of", "of", "ADP", 7, "case"),
            ("Temer", "Temer", "PROPN", 5, "nmod"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(1, 2, "BRAJUD", "BRA"), (6, 7, "BRAELI", "BRA")],
    );
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("court", "0841", "Temer")]);
    assert_eq!(ev[0].modality, "actual");
}

#[test]
fn a_decision_to_lift_sanctions_is_the_lifting() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Japan", "Japan", "PROPN", 2, "nsubj"),
            ("decided", "decide", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("lift", "lift", "VERB", 2, "xcomp"),
            ("sanctions", "sanction", "NOUN", 4, "obj"),
            ("on", "on", "ADP", 7, "case"),
            ("India", "India", "PROPN", 5, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "JPN", "JPN"), (6, 7, "IND", "IND")],
    );
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Japan", "085", "India")]);
    assert_eq!(ev[0].modality, "actual");
}

/// "A and B agreed a trade deal" / "agreed on a trade deal" / "signed an executive order".
fn agreed(verb: (&str, &str), prep: Option<&str>, noun: &str) -> Vec<Event> {
    let mut d = Doc::new("t", "");
    let mut toks = vec![
        ("Britain", "Britain", "PROPN", 4, "nsubj"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("Japan", "Japan", "PROPN", 1, "conj"),
        (verb.0, verb.1, "VERB", 0, "root"),
    ];
    let n = if prep.is_some() { 8 } else { 7 };
    if let Some(p) = prep {
        toks.push((p, p, "ADP", n, "case"));
    }
    toks.push(("a", "a", "DET", n, "det"));
    toks.push(("trade", "trade", "NOUN", n, "compound"));
    toks.push((
        noun,
        noun,
        "NOUN",
        4,
        if prep.is_some() { "obl" } else { "obj" },
    ));
    toks.push((".", ".", "PUNCT", 4, "punct"));
    add_sentence(&mut d, &toks, &[(0, 1, "GBR", "GBR"), (2, 3, "JPN", "JPN")]);
    code(&d)
}

#[test]
fn a_deal_agreed_is_concluded_a_deal_agreed_on_is_an_intent() {
    let codes = |ev: Vec<Event>| ev.iter().map(|e| e.cameo.clone()).collect::<Vec<_>>();
    assert_eq!(
        codes(agreed(("agreed", "agree"), None, "deal")),
        ["057", "057"]
    );
    assert_eq!(
        codes(agreed(("agreed", "agree"), Some("on"), "deal")),
        ["030", "030"]
    );
    assert_eq!(
        codes(agreed(("reached", "reach"), None, "deal")),
        ["057", "057"]
    );
}

#[test]
fn a_signed_decree_is_no_agreement() {
    assert!(agreed(("signed", "sign"), None, "order").is_empty());
    assert!(agreed(("signed", "sign"), None, "law").is_empty());
    assert_eq!(agreed(("signed", "sign"), None, "treaty")[0].cameo, "057");
}

#[test]
fn the_purpose_of_a_call_is_addressed_to_the_callee() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Netanyahu", "Netanyahu", "PROPN", 2, "nsubj"),
            ("called", "call", "VERB", 0, "root"),
            ("Morrison", "Morrison", "PROPN", 2, "obj"),
            ("to", "to", "PART", 5, "mark"),
            ("congratulate", "congratulate", "VERB", 2, "advcl"),
            ("him", "he", "PRON", 5, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "ISRGOV", "ISR"), (2, 3, "AUSGOV", "AUS")],
    );
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Netanyahu", "051", "Morrison")]);
}

#[test]
fn a_demand_voiced_with_an_unresolved_possessor_is_the_subjects() {
    // "Pyongyang reiterated its demand that Washington ease sanctions": "its" is unresolved.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Pyongyang", "Pyongyang", "PROPN", 2, "nsubj"),
            ("reiterated", "reiterate", "VERB", 0, "root"),
            ("its", "its", "PRON", 4, "nmod:poss"),
            ("demand", "demand", "NOUN", 2, "obj"),
            ("that", "that", "SCONJ", 7, "mark"),
            ("Washington", "Washington", "PROPN", 7, "nsubj"),
            ("ease", "ease", "VERB", 4, "acl"),
            ("sanctions", "sanction", "NOUN", 7, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "PRKGOV", "PRK"), (5, 6, "USAGOV", "USA")],
    );
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Pyongyang", "1054", "Washington")]);
    assert_eq!(ev[0].modality, "demand");
}

#[test]
fn an_agreement_still_to_be_reached_is_an_intent() {
    // "Britain and Japan must reach a trade deal": not concluded.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Britain", "Britain", "PROPN", 5, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Japan", "Japan", "PROPN", 1, "conj"),
            ("must", "must", "AUX", 5, "aux"),
            ("reach", "reach", "VERB", 0, "root"),
            ("a", "a", "DET", 8, "det"),
            ("trade", "trade", "NOUN", 8, "compound"),
            ("deal", "deal", "NOUN", 5, "obj"),
            (".", ".", "PUNCT", 5, "punct"),
        ],
        &[(0, 1, "GBR", "GBR"), (2, 3, "JPN", "JPN")],
    );
    let ev = code(&d);
    assert_eq!(ev.len(), 2);
    assert!(ev
        .iter()
        .all(|e| e.cameo == "037" && e.modality == "intent"));
}

#[test]
fn a_participle_before_its_noun_reports_no_act() {
    // "Russia condemned the banned rally": only the condemnation.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Russia", "Russia", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("the", "the", "DET", 5, "det"),
            ("banned", "ban", "VERB", 5, "amod"),
            ("rally", "rally", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RUS", "RUS")],
    );
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Russia", "111", "")]);
}

#[test]
fn a_passive_trigger_without_a_named_doer_has_no_source() {
    // "In Pretoria, the activist was freed": the place before the verb did not free anyone.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("In", "in", "ADP", 2, "case"),
            ("Pretoria", "Pretoria", "PROPN", 7, "obl"),
            (",", ",", "PUNCT", 2, "punct"),
            ("the", "the", "DET", 5, "det"),
            ("activist", "activist", "NOUN", 7, "nsubj:pass"),
            ("was", "be", "AUX", 7, "aux:pass"),
            ("freed", "free", "VERB", 0, "root"),
            (".", ".", "PUNCT", 7, "punct"),
        ],
        &[(1, 2, "ZAFGOV", "ZAF")],
    );
    assert!(code(&d).is_empty());
}

#[test]
fn the_topic_of_a_joint_act_is_not_its_target() {
    // "Trump and Putin agreed on Syria": the partners are each other's targets.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Trump", "Trump", "PROPN", 4, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Putin", "Putin", "PROPN", 1, "conj"),
            ("agreed", "agree", "VERB", 0, "root"),
            ("on", "on", "ADP", 6, "case"),
            ("Syria", "Syria", "PROPN", 4, "obl"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[
            (0, 1, "USAGOV", "USA"),
            (2, 3, "RUSGOV", "RUS"),
            (5, 6, "SYR", "SYR"),
        ],
    );
    let mut got = named(&code(&d));
    got.sort();
    assert_eq!(
        got,
        vec![t("Putin", "030", "Trump"), t("Trump", "030", "Putin")]
    );
}

#[test]
fn a_purpose_is_not_reported_as_done() {
    // (A question writes no event at all: `tests_irrealis.rs`.)
    // "Norland sent troops to attack Sudria": the attack is the purpose of the sending.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("sent", "send", "VERB", 0, "root"),
            ("troops", "troop", "NOUN", 2, "obj"),
            ("to", "to", "PART", 5, "mark"),
            ("attack", "attack", "VERB", 2, "advcl"),
            ("Sudria", "Sudria", "PROPN", 5, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (5, 6, "SUD", "SUD")],
    );
    let ev = code(&d);
    let attack: Vec<&Event> = ev.iter().filter(|e| e.cameo.starts_with("19")).collect();
    assert!(!attack.is_empty(), "{ev:?}");
    assert!(
        attack.iter().all(|e| e.modality == "hypothetical"),
        "{ev:?}"
    );
    // The same attack stated as done stays actual.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("Sudria", "Sudria", "PROPN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (2, 3, "SUD", "SUD")],
    );
    let ev = code(&d);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].modality, "actual");
}

#[test]
fn pattern_events_carry_the_reranker_features() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norland", "Norland", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Sudria", "Sudria", "PROPN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NRL", "NRL"), (2, 3, "SUD", "SUD")],
    );
    let c = Coder::embedded();
    let cands = c.pattern_events(&d, &crate::mentions::from_doc(&d));
    assert_eq!(cands.len(), 1);
    let (e, f) = &cands[0];
    assert_eq!((e.by, e.cameo.as_str()), ("pattern", "111"));
    for x in ["pt=ACCUSE", "pc=111", "l=condemn", "src=STATE", "tgt=STATE"] {
        assert!(f.contains(&x.to_string()), "{x} in {f:?}");
    }
}

/// Add an entity without an actor over sentence-relative tokens `a..b` of sentence `s`.
fn uncoded(d: &mut Doc, s: usize, a: usize, b: usize, kind: &str) {
    let base = d.sentences[s].tokens.start;
    let span = dyad_doc::Span::new(
        d.tokens[base + a].span.start,
        d.tokens[base + b - 1].span.end,
    );
    d.entities.push(dyad_doc::Entity {
        span,
        kind: kind.into(),
        actor: None,
        cluster: None,
    });
    d.entities.sort_by_key(|e| e.span.start);
}

#[test]
fn a_named_object_outside_the_dictionaries_is_the_target_without_a_code() {
    // "The court convicted Vantrell Corp of fraud ." (an invented company, no actor).
    let mut d = Doc::new("t", "");
    let s = add_sentence(
        &mut d,
        &[
            ("The", "the", "DET", 2, "det"),
            ("court", "court", "NOUN", 3, "nsubj"),
            ("convicted", "convict", "VERB", 0, "root"),
            ("Vantrell", "Vantrell", "PROPN", 5, "compound"),
            ("Corp", "Corp", "PROPN", 3, "obj"),
            ("of", "of", "ADP", 7, "case"),
            ("fraud", "fraud", "NOUN", 3, "obl"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(0, 2, "FRAJUD", "FRA")],
    );
    uncoded(&mut d, s, 3, 5, "ORG");
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("The court", "116", "Vantrell Corp")]);
    let tg = ev[0].target.as_ref().expect("target");
    assert_eq!((tg.code.as_deref(), tg.country.as_deref()), (None, None));
    // An actor object still wins, and a place that only modifies the object is no target.
    let mut d = Doc::new("t", "");
    let s = add_sentence(
        &mut d,
        &[
            ("Police", "police", "NOUN", 2, "nsubj"),
            ("arrested", "arrest", "VERB", 0, "root"),
            ("a", "a", "DET", 5, "det"),
            ("Texas", "Texas", "PROPN", 5, "compound"),
            ("man", "man", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "COLCOP", "COL")],
    );
    uncoded(&mut d, s, 3, 4, "LOC");
    let ev = code(&d);
    assert!(
        ev.iter()
            .all(|e| e.target.as_ref().is_none_or(|t| t.code.is_some())),
        "{:?}",
        named(&ev)
    );
}

#[test]
fn a_named_target_stops_reciprocal_pairing_and_places_come_only_as_hostile_objects() {
    // "Ruritania and Vulgaria welcomed Korvo Industries ." → each welcomed Korvo, not each other.
    let mut d = Doc::new("t", "");
    let s = add_sentence(
        &mut d,
        &[
            ("Ruritania", "Ruritania", "PROPN", 4, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Vulgaria", "Vulgaria", "PROPN", 1, "conj"),
            ("welcomed", "welcome", "VERB", 0, "root"),
            ("Korvo", "Korvo", "PROPN", 6, "compound"),
            ("Industries", "Industries", "PROPN", 4, "obj"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[(0, 1, "RUR", "RUR"), (2, 3, "VUL", "VUL")],
    );
    uncoded(&mut d, s, 4, 6, "ORG");
    let ev = code(&d);
    for e in &ev {
        let tg = e.target.as_ref().and_then(|t| t.name.clone());
        assert_eq!(tg.as_deref(), Some("Korvo Industries"), "{:?}", named(&ev));
    }
    assert_eq!(ev.len(), 2);
    // A place as the direct object of an attack is its target; of a condemnation it is not.
    for (verb, lemma, want) in [("shelled", "shell", true), ("condemned", "condemn", false)] {
        let mut d = Doc::new("t", "");
        let s = add_sentence(
            &mut d,
            &[
                ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
                (verb, lemma, "VERB", 0, "root"),
                ("Marvale", "Marvale", "PROPN", 2, "obj"),
                (".", ".", "PUNCT", 2, "punct"),
            ],
            &[(0, 1, "RURMIL", "RUR")],
        );
        uncoded(&mut d, s, 2, 3, "LOC");
        let ev = code(&d);
        assert!(!ev.is_empty(), "{verb}");
        let got = ev[0].target.as_ref().and_then(|t| t.name.clone());
        assert_eq!(
            got.as_deref() == Some("Marvale"),
            want,
            "{verb}: {:?}",
            named(&ev)
        );
    }
}

#[test]
fn a_mediator_is_the_source_and_the_parties_between_are_the_targets() {
    // "Ruritania launched a mediation effort between Vulgaria and Freedonia ."
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
            ("launched", "launch", "VERB", 0, "root"),
            ("a", "a", "DET", 5, "det"),
            ("mediation", "mediation", "NOUN", 5, "compound"),
            ("effort", "effort", "NOUN", 2, "obj"),
            ("between", "between", "ADP", 7, "case"),
            ("Vulgaria", "Vulgaria", "PROPN", 5, "nmod"),
            ("and", "and", "CCONJ", 9, "cc"),
            ("Freedonia", "Freedonia", "PROPN", 7, "conj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "RUR", "RUR"),
            (6, 7, "VUL", "VUL"),
            (8, 9, "FRE", "FRE"),
        ],
    );
    let ev = code(&d);
    assert_eq!(
        named(&ev),
        vec![
            t("Ruritania", "045", "Vulgaria"),
            t("Ruritania", "045", "Freedonia")
        ]
    );
}

#[test]
fn a_scathing_attack_is_criticism_and_given_permission_is_a_concession() {
    // "Ruritania launched a scathing attack on Vulgaria ."
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
            ("launched", "launch", "VERB", 0, "root"),
            ("a", "a", "DET", 5, "det"),
            ("scathing", "scathing", "ADJ", 5, "amod"),
            ("attack", "attack", "NOUN", 2, "obj"),
            ("on", "on", "ADP", 7, "case"),
            ("Vulgaria", "Vulgaria", "PROPN", 5, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RURGOV", "RUR"), (6, 7, "VULGOV", "VUL")],
    );
    assert_eq!(named(&code(&d)), vec![t("Ruritania", "111", "Vulgaria")]);
    // "Ruritania gave Vulgaria permission to land ."
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
            ("gave", "give", "VERB", 0, "root"),
            ("Vulgaria", "Vulgaria", "PROPN", 2, "iobj"),
            ("permission", "permission", "NOUN", 2, "obj"),
            ("to", "to", "PART", 6, "mark"),
            ("land", "land", "VERB", 4, "acl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RURGOV", "RUR"), (2, 3, "VULMIL", "VUL")],
    );
    assert_eq!(named(&code(&d)), vec![t("Ruritania", "081", "Vulgaria")]);
}

/// The patterns and rules alone (no re-ranker, which may recode a bare test sentence).
fn rules_only(doc: &Doc) -> Vec<Event> {
    let mut c = Coder::embedded();
    c.reranker = None;
    c.code(doc, &crate::mentions::from_doc(doc))
}

#[test]
fn peacekeepers_sent_give_peacekeeping_and_fighting_a_disease_is_no_force() {
    // "Ruritania sent peacekeepers to Vulgaria ." → 074, not a show of force.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
            ("deployed", "deploy", "VERB", 0, "root"),
            ("peacekeepers", "peacekeeper", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 5, "case"),
            ("Vulgaria", "Vulgaria", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RURGOV", "RUR"), (4, 5, "VUL", "VUL")],
    );
    let ev = rules_only(&d);
    assert!(!ev.is_empty());
    assert!(ev.iter().all(|e| e.cameo == "074"), "{:?}", named(&ev));
    // The same deployment of troops without peacekeeping stays a mobilisation (15x).
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
            ("deployed", "deploy", "VERB", 0, "root"),
            ("troops", "troop", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 5, "case"),
            ("Vulgaria", "Vulgaria", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RURGOV", "RUR"), (4, 5, "VUL", "VUL")],
    );
    let ev = rules_only(&d);
    assert!(!ev.is_empty());
    assert!(
        ev.iter().all(|e| e.cameo.starts_with("15")),
        "{:?}",
        named(&ev)
    );
    // "Ruritania will fight the epidemic in Vulgaria ." is no use of force.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
            ("fought", "fight", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("epidemic", "epidemic", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 6, "case"),
            ("Vulgaria", "Vulgaria", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RURGOV", "RUR"), (5, 6, "VUL", "VUL")],
    );
    assert!(rules_only(&d).iter().all(|e| !e.cameo.starts_with("19")));
}

#[test]
fn mobilised_forces_are_the_sources_own_and_the_enemy_is_the_target() {
    // "Ruritania mobilized troops for a war against Vulgaria ."
    let toks = [
        ("Ruritania", "Ruritania", "PROPN", 2, "nsubj"),
        ("mobilized", "mobilize", "VERB", 0, "root"),
        ("troops", "troop", "NOUN", 2, "obj"),
        ("for", "for", "ADP", 6, "case"),
        ("a", "a", "DET", 6, "det"),
        ("war", "war", "NOUN", 2, "obl"),
        ("against", "against", "ADP", 8, "case"),
        ("Vulgaria", "Vulgaria", "PROPN", 6, "nmod"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &toks,
        &[
            (0, 1, "RURGOV", "RUR"),
            (2, 3, "MIL", "RUR"),
            (7, 8, "VULGOV", "VUL"),
        ],
    );
    let ev = rules_only(&d);
    // (The war itself is coded too, 190.)
    assert!(
        named(&ev).contains(&t("Ruritania", "154", "Vulgaria")),
        "{:?}",
        named(&ev)
    );
    // Without an enemy named, the troops are still no target.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &toks[..3],
        &[(0, 1, "RURGOV", "RUR"), (2, 3, "MIL", "RUR")],
    );
    assert_eq!(named(&rules_only(&d)), vec![t("Ruritania", "154", "")]);
}

#[test]
fn an_order_with_a_participle_is_the_act_on_the_object() {
    // "The court ordered the ministers jailed ." → the court jails the ministers (173), no demand.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("The", "the", "DET", 2, "det"),
            ("court", "court", "NOUN", 3, "nsubj"),
            ("ordered", "order", "VERB", 0, "root"),
            ("the", "the", "DET", 5, "det"),
            ("ministers", "minister", "NOUN", 3, "obj"),
            ("jailed", "jail", "VERB", 3, "xcomp"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(0, 2, "RURJUD", "RUR"), (3, 5, "RURGOV", "RUR")],
    );
    assert_eq!(
        named(&rules_only(&d)),
        vec![t("The court", "173", "the ministers")]
    );
}

/// "Two Ruritanian soldiers were killed by a roadside bomb": an attack whose doer is not named is
/// coded with no source and the victims as the target; a death without a means of attack ("in a
/// car crash") and a conditional attack are not coded.
#[test]
fn an_attack_by_an_unnamed_hand_has_no_source() {
    let passive = |means: &str, lemma: &str| {
        let mut d = Doc::new("t", "");
        add_sentence(
            &mut d,
            &[
                ("Two", "two", "NUM", 3, "nummod"),
                ("Ruritanian", "Ruritanian", "ADJ", 3, "amod"),
                ("soldiers", "soldier", "NOUN", 5, "nsubj:pass"),
                ("were", "be", "AUX", 5, "aux:pass"),
                ("killed", "kill", "VERB", 0, "root"),
                ("by", "by", "ADP", 9, "case"),
                ("a", "a", "DET", 9, "det"),
                ("roadside", "roadside", "NOUN", 9, "compound"),
                (means, lemma, "NOUN", 5, "obl"),
                (".", ".", "PUNCT", 5, "punct"),
            ],
            &[(0, 3, "RUUMIL", "RUU")],
        );
        code(&d)
    };
    let ev = passive("bomb", "bomb");
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(ev[0].source.is_none(), "no source is named");
    assert_eq!(ev[0].cameo, "1823");
    assert_eq!(
        ev[0].target.as_ref().and_then(|a| a.code.as_deref()),
        Some("RUUMIL")
    );
    assert!(passive("crash", "crash").is_empty(), "no means of attack");
}

/// Charging and indicting are legal accusations (CAMEO 115, PLOVER ACCUSE), arresting is 173.
#[test]
fn charges_are_accusations_and_arrests_coercion() {
    let sentence = |verb: &str, lemma: &str| {
        let mut d = Doc::new("t", "");
        add_sentence(
            &mut d,
            &[
                ("Prosecutors", "prosecutor", "NOUN", 2, "nsubj"),
                (verb, lemma, "VERB", 0, "root"),
                ("Ruritania", "Ruritania", "PROPN", 2, "obj"),
                (".", ".", "PUNCT", 2, "punct"),
            ],
            &[(0, 1, "ARCJUD", "ARC"), (2, 3, "RUU", "RUU")],
        );
        code(&d).iter().map(|e| e.cameo.clone()).collect::<Vec<_>>()
    };
    assert_eq!(sentence("indicted", "indict"), ["115"]);
    assert_eq!(sentence("charged", "charge"), ["115"]);
    assert_eq!(sentence("arrested", "arrest"), ["173"]);
}

/// "Police ordered the editors to appear": an order whose content is no event of the dictionary
/// and whose addressee is no actor (so the `order + to` pattern does not match) is still a demand
/// (100) by the one who orders.
#[test]
fn an_order_to_do_something_uncoded_is_a_demand() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Police", "police", "NOUN", 2, "nsubj"),
            ("ordered", "order", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("editors", "editor", "NOUN", 2, "obj"),
            ("to", "to", "PART", 6, "mark"),
            ("appear", "appear", "VERB", 2, "xcomp"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RUUCOP", "RUU")],
    );
    let ev = code(&d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].cameo, "100");
    assert_eq!(ev[0].modality, "demand");
    assert!(ev[0].target.is_none());
}

#[test]
fn a_passive_verb_sharing_its_subject_takes_its_doer_from_the_by_phrase() {
    // "The Ruritanian militia advanced, but were overrun by Freedonian troops.": the shared subject
    // is overrun, not the one who overran.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Militiamen", "militiaman", "NOUN", 2, "nsubj"),
            ("advanced", "advance", "VERB", 0, "root"),
            ("but", "but", "CCONJ", 5, "cc"),
            ("were", "be", "AUX", 5, "aux:pass"),
            ("overrun", "overrun", "VERB", 2, "conj"),
            ("by", "by", "ADP", 7, "case"),
            ("troops", "troop", "NOUN", 5, "obl:agent"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RURMIL", "RUR"), (6, 7, "FRDMIL", "FRD")],
    );
    let ev = code(&d);
    assert!(!ev.is_empty(), "an event");
    for (s, _, t) in named(&ev) {
        assert_eq!((s.as_str(), t.as_str()), ("troops", "Militiamen"));
    }
}

#[test]
fn the_subject_of_a_verb_of_undergoing_is_the_target() {
    // "The minister received threats of war from Ruritania": Ruritania threatens the minister.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Minister", "minister", "NOUN", 2, "nsubj"),
            ("received", "receive", "VERB", 0, "root"),
            ("threats", "threat", "NOUN", 2, "obj"),
            ("of", "of", "ADP", 5, "case"),
            ("war", "war", "NOUN", 3, "nmod"),
            ("from", "from", "ADP", 7, "case"),
            ("Ruritania", "Ruritania", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "FRDGOV", "FRD"), (6, 7, "RUR", "RUR")],
    );
    let ev = code(&d);
    assert_eq!(named(&ev), vec![t("Ruritania", "138", "Minister")]);
    // Without a from/by phrase the doer is not named: no event ("faces threats").
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Minister", "minister", "NOUN", 2, "nsubj"),
            ("faces", "face", "VERB", 0, "root"),
            ("threats", "threat", "NOUN", 2, "obj"),
            ("of", "of", "ADP", 5, "case"),
            ("war", "war", "NOUN", 3, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "FRDGOV", "FRD")],
    );
    assert!(code(&d).is_empty());
}

#[test]
fn an_act_in_a_participle_clause_is_done_by_the_noun_it_modifies() {
    // "Freedonia condemned rebels attacking Ruritania": the rebels attack, not Freedonia.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Freedonia", "Freedonia", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("rebels", "rebel", "NOUN", 2, "obj"),
            ("attacking", "attack", "VERB", 3, "acl"),
            ("Ruritania", "Ruritania", "PROPN", 4, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "FRD", "FRD"),
            (2, 3, "RURREB", "RUR"),
            (4, 5, "RUR", "RUR"),
        ],
    );
    let ev = code(&d);
    let attacks: Vec<_> = named(&ev)
        .into_iter()
        .filter(|(_, c, _)| c.starts_with("19") || c.starts_with("18"))
        .collect();
    assert!(!attacks.is_empty(), "{:?}", named(&ev));
    for (s, _, t) in attacks {
        assert_eq!((s.as_str(), t.as_str()), ("rebels", "Ruritania"));
    }
}

/// "X held talks in Bern": hand-parsed, with the place as an actor mention (`place_code`).
fn talks_in(place_rel: &str) -> Doc {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Larcher", "Larcher", "PROPN", 2, "nsubj"),
            ("held", "hold", "VERB", 0, "root"),
            ("talks", "talk", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 5, "case"),
            (
                "Bern",
                "Bern",
                "PROPN",
                if place_rel == "obl" { 2 } else { 3 },
                place_rel,
            ),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "FRALEG", "FRA"), (4, 5, "CHE", "CHE")],
    );
    d
}

#[test]
fn the_place_of_a_meeting_at_a_third_location_is_no_target() {
    // 044 is a meeting at a third location: the place, on the verb or on the noun of the
    // meeting, is the setting.
    for rel in ["obl", "nmod"] {
        let ev = code(&talks_in(rel));
        let m: Vec<_> = named(&ev).into_iter().filter(|e| e.1 == "044").collect();
        assert_eq!(m, vec![t("Larcher", "044", "")], "{rel}");
    }
}

#[test]
fn a_statement_or_praise_has_no_setting_as_target_but_keeps_its_object() {
    // "Merkel praised the reforms in Germany": the country is where the reforms are, not whom
    // the praise is for.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Merkel", "Merkel", "PROPN", 2, "nsubj"),
            ("praised", "praise", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("reforms", "reform", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 6, "case"),
            ("Germany", "Germany", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "DEUGOV", "DEU"), (5, 6, "DEU", "DEU")],
    );
    assert_eq!(named(&code(&d)), vec![t("Merkel", "051", "")]);
    // Nothing changes when the praised actor is the object, with a setting beside it.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Merkel", "Merkel", "PROPN", 2, "nsubj"),
            ("praised", "praise", "VERB", 0, "root"),
            ("Macron", "Macron", "PROPN", 2, "obj"),
            ("in", "in", "ADP", 5, "case"),
            ("Paris", "Paris", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "DEUGOV", "DEU"),
            (2, 3, "FRAGOV", "FRA"),
            (4, 5, "FRA", "FRA"),
        ],
    );
    assert_eq!(named(&code(&d)), vec![t("Merkel", "051", "Macron")]);
}

#[test]
fn a_material_act_in_a_place_keeps_the_place_as_target() {
    // Aid, attacks and deployments in a country are aimed at it (as PLV and the GSR code them):
    // the setting rule is only for meetings at a third location, statements and diplomatic
    // cooperation.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Russia", "Russia", "PROPN", 2, "nsubj"),
            ("bombed", "bomb", "VERB", 0, "root"),
            ("targets", "target", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 5, "case"),
            ("Syria", "Syria", "PROPN", 3, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "RUS", "RUS"), (4, 5, "SYR", "SYR")],
    );
    let ev = named(&code(&d));
    assert!(
        ev.iter().any(|e| e.0 == "Russia" && e.2 == "Syria"),
        "{ev:?}"
    );
}
