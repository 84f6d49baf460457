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
fn a_question_or_a_purpose_is_not_reported_as_done() {
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
    let ev = code(&d);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].modality, "hypothetical");
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
