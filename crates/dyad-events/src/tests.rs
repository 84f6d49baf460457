//! Behaviour tests of the coder on hand-parsed sentences written for these tests: each pattern
//! family, passives, compounds, negation, modality, quote speakers and sentences with no event.

use crate::testutil::add_sentence;
use crate::Coder;
use chrono::NaiveDate;
use dyad_doc::{Actor, Doc, Event, Quote, QuoteKind, Span, Speaker, TimeExpr};

fn code(doc: &Doc) -> Vec<Event> {
    let c = Coder::embedded();
    c.code(doc, &crate::mentions::from_doc(doc))
}

fn triples(ev: &[Event]) -> Vec<(String, String, String)> {
    ev.iter()
        .map(|e| {
            let c = |a: &Option<dyad_doc::EventActor>| {
                a.as_ref()
                    .and_then(|a| a.country.clone())
                    .unwrap_or_default()
            };
            (c(&e.source), e.cameo.clone(), c(&e.target))
        })
        .collect()
}

fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}

#[test]
fn phone_call_with_time_and_evidence() {
    let mut d = Doc::new("t", "");
    d.date = NaiveDate::from_ymd_opt(2024, 3, 6);
    add_sentence(
        &mut d,
        &[
            ("Macron", "Macron", "PROPN", 2, "nsubj"),
            ("held", "hold", "VERB", 0, "root"),
            ("a", "a", "DET", 5, "det"),
            ("phone", "phone", "NOUN", 5, "compound"),
            ("call", "call", "NOUN", 2, "obj"),
            ("with", "with", "ADP", 7, "case"),
            ("Erdogan", "Erdogan", "PROPN", 5, "nmod"),
            ("on", "on", "ADP", 9, "case"),
            ("Tuesday", "Tuesday", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "FRAGOV", "FRA"), (6, 7, "TURGOV", "TUR")],
    );
    let tue = d.tokens[7].span.cover(d.tokens[8].span);
    d.times.push(TimeExpr {
        span: tue,
        kind: "DATE".into(),
        value: "2024-03-05".into(),
    });
    let ev = code(&d);
    assert_eq!(triples(&ev), vec![t("FRA", "041", "TUR")]);
    let e = &ev[0];
    assert_eq!(e.date.as_deref(), Some("2024-03-05"));
    assert_eq!(e.plover.as_ref().unwrap().kind, "CONSULT");
    assert_eq!(
        (e.goldstein, e.quad, e.negated, e.modality.as_str()),
        (1.0, 1, false, "actual")
    );
    assert_eq!(d.slice(e.evidence), "held a phone call with Erdogan");
}

#[test]
fn passive_takes_the_agent_as_source() {
    // "Kharkiv was shelled by Russian artillery."
    let (d, _) = crate::coder::fixtures::shelled();
    assert_eq!(triples(&code(&d)), vec![t("RUS", "194", "UKR")]);
}

#[test]
fn compound_sources_and_targets_expand() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Poland", "Poland", "PROPN", 4, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Hungary", "Hungary", "PROPN", 1, "conj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Serbia", "Serbia", "PROPN", 4, "obj"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[
            (0, 1, "POL", "POL"),
            (2, 3, "HUN", "HUN"),
            (4, 5, "SRB", "SRB"),
        ],
    );
    add_sentence(
        &mut d,
        &[
            ("The", "the", "DET", 2, "det"),
            ("envoy", "envoy", "NOUN", 3, "nsubj"),
            ("met", "meet", "VERB", 0, "root"),
            ("ministers", "minister", "NOUN", 3, "obj"),
            ("from", "from", "ADP", 6, "case"),
            ("Spain", "Spain", "PROPN", 4, "nmod"),
            (",", ",", "PUNCT", 8, "punct"),
            ("Italy", "Italy", "PROPN", 6, "conj"),
            ("and", "and", "CCONJ", 10, "cc"),
            ("Greece", "Greece", "PROPN", 6, "conj"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[
            (0, 2, "CHNGOV", "CHN"),
            (5, 6, "ESP", "ESP"),
            (7, 8, "ITA", "ITA"),
            (9, 10, "GRC", "GRC"),
        ],
    );
    assert_eq!(
        triples(&code(&d)),
        vec![
            t("POL", "111", "SRB"),
            t("HUN", "111", "SRB"),
            t("CHN", "040", "ESP"),
            t("CHN", "040", "ITA"),
            t("CHN", "040", "GRC"),
        ]
    );
}

#[test]
fn negation_and_declined_to() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Iran", "Iran", "PROPN", 5, "nsubj"),
            ("has", "have", "AUX", 5, "aux"),
            ("not", "not", "PART", 5, "advmod"),
            ("yet", "yet", "ADV", 5, "advmod"),
            ("accepted", "accept", "VERB", 0, "root"),
            ("the", "the", "DET", 7, "det"),
            ("offer", "offer", "NOUN", 5, "obj"),
            ("from", "from", "ADP", 9, "case"),
            ("Oman", "Oman", "PROPN", 7, "nmod"),
            (".", ".", "PUNCT", 5, "punct"),
        ],
        &[(0, 1, "IRN", "IRN"), (8, 9, "OMN", "OMN")],
    );
    add_sentence(
        &mut d,
        &[
            ("Japan", "Japan", "PROPN", 2, "nsubj"),
            ("declined", "decline", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("impose", "impose", "VERB", 2, "xcomp"),
            ("sanctions", "sanction", "NOUN", 4, "obj"),
            ("on", "on", "ADP", 7, "case"),
            ("Myanmar", "Myanmar", "PROPN", 4, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "JPN", "JPN"), (6, 7, "MMR", "MMR")],
    );
    let ev = code(&d);
    assert_eq!(
        triples(&ev),
        vec![t("IRN", "030", "OMN"), t("JPN", "163", "MMR")]
    );
    assert!(ev[0].negated && ev[1].negated);
}

#[test]
fn modality_intent_threat_and_appeal() {
    let mut d = Doc::new("t", "");
    // Kenya is ready to negotiate with Somalia.
    add_sentence(
        &mut d,
        &[
            ("Kenya", "Kenya", "PROPN", 3, "nsubj"),
            ("is", "be", "AUX", 3, "cop"),
            ("ready", "ready", "ADJ", 0, "root"),
            ("to", "to", "PART", 5, "mark"),
            ("negotiate", "negotiate", "VERB", 3, "xcomp"),
            ("with", "with", "ADP", 7, "case"),
            ("Somalia", "Somalia", "PROPN", 5, "obl"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(0, 1, "KEN", "KEN"), (6, 7, "SOM", "SOM")],
    );
    // Egypt threatened to impose sanctions on Libya.
    add_sentence(
        &mut d,
        &[
            ("Egypt", "Egypt", "PROPN", 2, "nsubj"),
            ("threatened", "threaten", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("impose", "impose", "VERB", 2, "xcomp"),
            ("sanctions", "sanction", "NOUN", 4, "obj"),
            ("on", "on", "ADP", 7, "case"),
            ("Libya", "Libya", "PROPN", 4, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "EGY", "EGY"), (6, 7, "LBY", "LBY")],
    );
    // Chile urged Peru to release the prisoners.
    add_sentence(
        &mut d,
        &[
            ("Chile", "Chile", "PROPN", 2, "nsubj"),
            ("urged", "urge", "VERB", 0, "root"),
            ("Peru", "Peru", "PROPN", 2, "obj"),
            ("to", "to", "PART", 5, "mark"),
            ("release", "release", "VERB", 2, "xcomp"),
            ("the", "the", "DET", 7, "det"),
            ("prisoners", "prisoner", "NOUN", 5, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "CHL", "CHL"), (2, 3, "PER", "PER")],
    );
    let ev = code(&d);
    assert_eq!(
        triples(&ev),
        vec![
            t("KEN", "036", "SOM"),
            t("EGY", "1312", "LBY"),
            t("CHL", "0253", "PER")
        ]
    );
    let modes: Vec<&str> = ev.iter().map(|e| e.modality.as_str()).collect();
    assert_eq!(modes, vec!["intent", "threat", "demand"]);
}

#[test]
fn accusation_and_appreciation_patterns() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Seoul", "Seoul", "PROPN", 2, "nsubj"),
            ("accused", "accuse", "VERB", 0, "root"),
            ("Pyongyang", "Pyongyang", "PROPN", 2, "obj"),
            ("of", "of", "SCONJ", 5, "mark"),
            ("delaying", "delay", "VERB", 2, "advcl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "KORGOV", "KOR"), (2, 3, "PRKGOV", "PRK")],
    );
    add_sentence(
        &mut d,
        &[
            ("Lula", "Lula", "PROPN", 2, "nsubj"),
            ("expressed", "express", "VERB", 0, "root"),
            ("gratitude", "gratitude", "NOUN", 2, "obj"),
            ("for", "for", "ADP", 6, "case"),
            ("Beijing", "Beijing", "PROPN", 6, "nmod:poss"),
            ("help", "help", "NOUN", 3, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "BRAGOV", "BRA"), (4, 5, "CHNGOV", "CHN")],
    );
    let ev = code(&d);
    assert_eq!(
        triples(&ev),
        vec![t("KOR", "112", "PRK"), t("BRA", "051", "CHN")]
    );
}

/// Add a direct quote over the tokens `words` of `d`, spoken by Olaf Scholz (`DEUGOV`) named at
/// token `speaker`, with the cue at token `cue`.
pub(crate) fn push_scholz_quote(
    d: &mut Doc,
    words: std::ops::Range<usize>,
    speaker: usize,
    cue: usize,
) {
    d.quotes.push(Quote {
        span: Span::new(
            d.tokens[words.start].span.start,
            d.tokens[words.end - 1].span.end,
        ),
        kind: QuoteKind::Direct,
        speaker: Some(Speaker {
            span: d.tokens[speaker].span,
            name: Some("Olaf Scholz".into()),
            cluster: None,
            actor: Some(Actor {
                name: Some("Olaf Scholz".into()),
                code: "DEUGOV".into(),
                country: Some("DEU".into()),
                sector: Some("GOV".into()),
                country_from: None,
            }),
        }),
        cue: Some(d.tokens[cue].span),
        channel: None,
    });
}

#[test]
fn quote_speaker_is_the_source_of_we() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("“", "“", "PUNCT", 4, "punct"),
            ("We", "we", "PRON", 4, "nsubj"),
            ("will", "will", "AUX", 4, "aux"),
            ("send", "send", "VERB", 0, "root"),
            ("aid", "aid", "NOUN", 4, "obj"),
            ("to", "to", "ADP", 7, "case"),
            ("Sudan", "Sudan", "PROPN", 4, "obl"),
            (",", ",", "PUNCT", 4, "punct"),
            ("”", "”", "PUNCT", 4, "punct"),
            ("Scholz", "Scholz", "PROPN", 11, "nsubj"),
            ("said", "say", "VERB", 4, "parataxis"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[(6, 7, "SDN", "SDN")],
    );
    push_scholz_quote(&mut d, 1..8, 9, 10);
    let ev = code(&d);
    assert_eq!(triples(&ev), vec![t("DEU", "033", "SDN")]);
    assert_eq!(ev[0].modality, "intent");
}

#[test]
fn no_event_in_a_sentence_that_reports_none() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Snow", "snow", "NOUN", 2, "nsubj"),
            ("fell", "fall", "VERB", 0, "root"),
            ("in", "in", "ADP", 4, "case"),
            ("Oslo", "Oslo", "PROPN", 2, "obl"),
            ("while", "while", "SCONJ", 7, "mark"),
            ("Norway", "Norway", "PROPN", 7, "nsubj"),
            ("slept", "sleep", "VERB", 2, "advcl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(3, 4, "NOR", "NOR"), (5, 6, "NOR", "NOR")],
    );
    assert!(code(&d).is_empty());
}

#[test]
fn untagged_text_falls_back_to_word_order() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Brazil", "", "", 0, ""),
            ("strongly", "", "", 0, ""),
            ("condemned", "", "", 0, ""),
            ("Argentina", "", "", 0, ""),
            (".", "", "", 0, ""),
        ],
        &[(0, 1, "BRA", "BRA"), (3, 4, "ARG", "ARG")],
    );
    assert_eq!(triples(&code(&d)), vec![t("BRA", "111", "ARG")]);
}

#[test]
fn nominal_event_takes_the_governing_subject() {
    let mut d = Doc::new("t", "");
    // Qatar announced talks with Hamas.
    add_sentence(
        &mut d,
        &[
            ("Qatar", "Qatar", "PROPN", 2, "nsubj"),
            ("announced", "announce", "VERB", 0, "root"),
            ("a", "a", "DET", 5, "det"),
            ("prisoner", "prisoner", "NOUN", 5, "compound"),
            ("exchange", "exchange", "NOUN", 2, "obj"),
            ("with", "with", "ADP", 7, "case"),
            ("Hamas", "Hamas", "PROPN", 5, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "QAT", "QAT"), (6, 7, "PSEREB", "PSE")],
    );
    assert_eq!(triples(&code(&d)), vec![t("QAT", "0841", "PSE")]);
}

#[test]
fn untagged_compound_subject_is_reciprocal_with_intent() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Chile", "", "", 0, ""),
            ("and", "", "", 0, ""),
            ("Peru", "", "", 0, ""),
            ("will", "", "", 0, ""),
            ("start", "", "", 0, ""),
            ("negotiations", "", "", 0, ""),
            ("soon", "", "", 0, ""),
            (".", "", "", 0, ""),
        ],
        &[(0, 1, "CHL", "CHL"), (2, 3, "PER", "PER")],
    );
    let ev = code(&d);
    assert_eq!(
        triples(&ev),
        vec![t("CHL", "036", "PER"), t("PER", "036", "CHL")]
    );
    assert_eq!(ev[0].modality, "intent");
}

#[test]
fn reported_must_is_a_demand_on_the_clause_subject() {
    let mut d = Doc::new("t", "");
    // Norway said that Iceland must drop the quotas.
    add_sentence(
        &mut d,
        &[
            ("Norway", "Norway", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("that", "that", "SCONJ", 6, "mark"),
            ("Iceland", "Iceland", "PROPN", 6, "nsubj"),
            ("must", "must", "AUX", 6, "aux"),
            ("drop", "drop", "VERB", 2, "ccomp"),
            ("the", "the", "DET", 8, "det"),
            ("quotas", "quota", "NOUN", 6, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NOR", "NOR"), (3, 4, "ISL", "ISL")],
    );
    // Norway said that Iceland must cooperate with Denmark.
    add_sentence(
        &mut d,
        &[
            ("Norway", "Norway", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("that", "that", "SCONJ", 6, "mark"),
            ("Iceland", "Iceland", "PROPN", 6, "nsubj"),
            ("must", "must", "AUX", 6, "aux"),
            ("cooperate", "cooperate", "VERB", 2, "ccomp"),
            ("with", "with", "ADP", 8, "case"),
            ("Denmark", "Denmark", "PROPN", 6, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "NOR", "NOR"),
            (3, 4, "ISL", "ISL"),
            (7, 8, "DNK", "DNK"),
        ],
    );
    let ev = code(&d);
    assert_eq!(
        triples(&ev),
        vec![t("NOR", "100", "ISL"), t("NOR", "101", "ISL")]
    );
    assert!(ev.iter().all(|e| e.modality == "demand"));
}

#[test]
fn announced_hostile_acts_are_threats_aimed_at_the_condition() {
    let mut d = Doc::new("t", "");
    // Spain will impose sanctions unless Portugal withdraws.
    add_sentence(
        &mut d,
        &[
            ("Spain", "Spain", "PROPN", 3, "nsubj"),
            ("will", "will", "AUX", 3, "aux"),
            ("impose", "impose", "VERB", 0, "root"),
            ("sanctions", "sanction", "NOUN", 3, "obj"),
            ("unless", "unless", "SCONJ", 7, "mark"),
            ("Portugal", "Portugal", "PROPN", 7, "nsubj"),
            ("withdraws", "withdraw", "VERB", 3, "advcl"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        &[(0, 1, "ESP", "ESP"), (5, 6, "PRT", "PRT")],
    );
    // Chile will not release the prisoners.
    add_sentence(
        &mut d,
        &[
            ("Chile", "Chile", "PROPN", 4, "nsubj"),
            ("will", "will", "AUX", 4, "aux"),
            ("not", "not", "PART", 4, "advmod"),
            ("release", "release", "VERB", 0, "root"),
            ("the", "the", "DET", 6, "det"),
            ("prisoners", "prisoner", "NOUN", 4, "obj"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[(0, 1, "CHL", "CHL")],
    );
    let ev = code(&d);
    let tr = triples(&ev);
    assert_eq!(tr[0], t("ESP", "1312", "PRT"));
    assert_eq!(ev[0].modality, "threat");
    let chile = ev.iter().find(|e| e.sentence == 1).unwrap();
    assert_eq!(chile.cameo, "1243", "will not release = refuse to release");
    assert!(!chile.negated);
}

#[test]
fn adverbial_call_belongs_to_the_main_subject_and_named_target() {
    let mut d = Doc::new("t", "");
    d.date = NaiveDate::from_ymd_opt(2024, 3, 6);
    // Macron announced on Monday that Spain will begin talks, following a call with German Chancellor Scholz.
    add_sentence(
        &mut d,
        &[
            ("Macron", "Macron", "PROPN", 2, "nsubj"),
            ("announced", "announce", "VERB", 0, "root"),
            ("on", "on", "ADP", 4, "case"),
            ("Monday", "Monday", "PROPN", 2, "obl"),
            ("that", "that", "SCONJ", 8, "mark"),
            ("Spain", "Spain", "PROPN", 8, "nsubj"),
            ("will", "will", "AUX", 8, "aux"),
            ("begin", "begin", "VERB", 2, "ccomp"),
            ("talks", "talk", "NOUN", 8, "obj"),
            (",", ",", "PUNCT", 11, "punct"),
            ("following", "follow", "VERB", 13, "case"),
            ("a", "a", "DET", 13, "det"),
            ("call", "call", "NOUN", 8, "obl"),
            ("with", "with", "ADP", 17, "case"),
            ("German", "German", "ADJ", 16, "amod"),
            ("Chancellor", "Chancellor", "PROPN", 17, "nmod:desc"),
            ("Scholz", "Scholz", "PROPN", 13, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[
            (0, 1, "FRAGOV", "FRA"),
            (5, 6, "ESP", "ESP"),
            (14, 15, "DEU", "DEU"),
            (16, 17, "DEUGOV", "DEU"),
        ],
    );
    let mon = d.tokens[2].span.cover(d.tokens[3].span);
    d.times.push(TimeExpr {
        span: mon,
        kind: "DATE".into(),
        value: "2024-03-04".into(),
    });
    // He later told reporters he was hopeful. (no event; then a call on no stated day)
    // Scholz held a phone call with Macron.
    add_sentence(
        &mut d,
        &[
            ("Scholz", "Scholz", "PROPN", 2, "nsubj"),
            ("held", "hold", "VERB", 0, "root"),
            ("a", "a", "DET", 5, "det"),
            ("phone", "phone", "NOUN", 5, "compound"),
            ("call", "call", "NOUN", 2, "obj"),
            ("with", "with", "ADP", 7, "case"),
            ("Macron", "Macron", "PROPN", 5, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "DEUGOV", "DEU"), (6, 7, "FRAGOV", "FRA")],
    );
    let ev = code(&d);
    let call = ev.iter().find(|e| e.cameo == "041").unwrap();
    assert_eq!(
        call.source.as_ref().unwrap().code.as_deref(),
        Some("FRAGOV")
    );
    assert_eq!(
        call.target.as_ref().unwrap().code.as_deref(),
        Some("DEUGOV")
    );
    assert_eq!(call.modality, "actual");
    assert_eq!(call.date.as_deref(), Some("2024-03-04"));
    // The next sentence has no date of its own: it keeps the narrative's Monday.
    let next = ev.iter().find(|e| e.sentence == 1).unwrap();
    assert_eq!(next.date.as_deref(), Some("2024-03-04"));
}

#[test]
fn protests_target_their_authorities_and_topics_are_no_events() {
    let mut d = Doc::new("t", "");
    // Kenyans demonstrated.
    add_sentence(
        &mut d,
        &[
            ("Kenyans", "Kenyan", "PROPN", 2, "nsubj"),
            ("demonstrated", "demonstrate", "VERB", 0, "root"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "KENCVL", "KEN")],
    );
    // Peru discussed a timeline for a truce.
    add_sentence(
        &mut d,
        &[
            ("Peru", "Peru", "PROPN", 2, "nsubj"),
            ("discussed", "discuss", "VERB", 0, "root"),
            ("a", "a", "DET", 4, "det"),
            ("timeline", "timeline", "NOUN", 2, "obj"),
            ("for", "for", "ADP", 7, "case"),
            ("a", "a", "DET", 7, "det"),
            ("truce", "truce", "NOUN", 4, "nmod"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "PER", "PER")],
    );
    let ev = code(&d);
    assert_eq!(ev.len(), 1, "{:?}", triples(&ev));
    assert_eq!(ev[0].cameo, "141");
    assert_eq!(
        ev[0].target.as_ref().unwrap().code.as_deref(),
        Some("KENGOV")
    );
}

#[test]
fn investigations_begun_completed_and_inspectors_sent() {
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Norway", "Norway", "PROPN", 2, "nsubj"),
            ("dispatched", "dispatch", "VERB", 0, "root"),
            ("inspectors", "inspector", "NOUN", 2, "obj"),
            ("to", "to", "ADP", 5, "case"),
            ("Chile", "Chile", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "NOR", "NOR"), (4, 5, "CHL", "CHL")],
    );
    add_sentence(
        &mut d,
        &[
            ("Peru", "Peru", "PROPN", 2, "nsubj"),
            ("completed", "complete", "VERB", 0, "root"),
            ("its", "its", "PRON", 4, "nmod:poss"),
            ("inquiry", "inquiry", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "PER", "PER")],
    );
    let ev = code(&d);
    assert_eq!(
        triples(&ev),
        vec![t("NOR", "090", "CHL"), t("PER", "090", "")]
    );
    assert_eq!(d.slice(ev[0].evidence), "dispatched inspectors to Chile");
}

#[test]
fn the_subject_of_an_agentless_passive_is_never_the_source() {
    // "Five rebels were killed in Lagos." — who killed them is not said: no source, so no event
    // with the victims as attackers.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Five", "five", "NUM", 2, "nummod"),
            ("rebels", "rebel", "NOUN", 4, "nsubj:pass"),
            ("were", "be", "AUX", 4, "aux:pass"),
            ("killed", "kill", "VERB", 0, "root"),
            ("in", "in", "ADP", 6, "case"),
            ("Lagos", "Lagos", "PROPN", 4, "obl"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[(1, 2, "NGAREB", "NGA")],
    );
    let ev = code(&d);
    assert!(
        ev.iter()
            .all(|e| e.source.as_ref().and_then(|s| s.country.as_deref()) != Some("NGA")),
        "victims coded as the source: {ev:?}"
    );
}

#[test]
fn a_dateline_is_never_a_source() {
    let mut d = Doc::new("t", "");
    // BERLIN - A court convicted two Afghans.
    add_sentence(
        &mut d,
        &[
            ("BERLIN", "Berlin", "PROPN", 5, "nsubj"),
            ("-", "-", "PUNCT", 1, "punct"),
            ("A", "a", "DET", 4, "det"),
            ("court", "court", "NOUN", 5, "nsubj"),
            ("convicted", "convict", "VERB", 0, "root"),
            ("two", "two", "NUM", 7, "nummod"),
            ("Afghans", "Afghan", "PROPN", 5, "obj"),
            (".", ".", "PUNCT", 5, "punct"),
        ],
        &[(0, 1, "DEUGOV", "DEU"), (6, 7, "AFG", "AFG")],
    );
    let ev = code(&d);
    assert!(
        ev.iter()
            .all(|e| e.source.as_ref().and_then(|a| a.country.as_deref()) != Some("DEU")),
        "{:?}",
        triples(&ev)
    );
    // The same sentence without the dateline's dash: the capitals are the subject.
    let mut d = Doc::new("t", "");
    add_sentence(
        &mut d,
        &[
            ("Germany", "Germany", "PROPN", 2, "nsubj"),
            ("convicted", "convict", "VERB", 0, "root"),
            ("two", "two", "NUM", 4, "nummod"),
            ("Afghans", "Afghan", "PROPN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "DEU", "DEU"), (3, 4, "AFG", "AFG")],
    );
    assert_eq!(triples(&code(&d)), vec![t("DEU", "116", "AFG")]);
}

#[test]
fn word_sense_guards_of_branch_events11() {
    // Figurative objects: "Chile seized the opportunity." is no seizure, "Chile protested its
    // innocence." no demonstration, "Chile threatened stability." no threat made, and so on.
    let one = |toks: &[crate::testutil::Tok], acts: &[crate::testutil::Act]| {
        let mut d = Doc::new("t", "");
        add_sentence(&mut d, toks, acts);
        triples(&code(&d))
    };
    for (verb, lemma, obj) in [
        ("seized", "seize", "opportunity"),
        ("protested", "protest", "innocence"),
        ("threatened", "threaten", "stability"),
        ("invaded", "invade", "privacy"),
        ("occupied", "occupy", "seat"),
        ("met", "meet", "quota"),
        ("shot", "shoot", "film"),
        ("killed", "kill", "bill"),
        ("defended", "defend", "title"),
        ("captured", "capture", "seats"),
    ] {
        assert_eq!(
            one(
                &[
                    ("Chile", "Chile", "PROPN", 2, "nsubj"),
                    (verb, lemma, "VERB", 0, "root"),
                    ("the", "the", "DET", 4, "det"),
                    (obj, obj, "NOUN", 2, "obj"),
                    (".", ".", "PUNCT", 2, "punct"),
                ],
                &[(0, 1, "CHL", "CHL")],
            ),
            vec![],
            "{verb} {obj}"
        );
    }
    // The literal senses still code: "Chile threatened Peru.", "Chile invaded Peru."
    for (verb, lemma, code) in [
        ("threatened", "threaten", "130"),
        ("invaded", "invade", "190"),
    ] {
        assert_eq!(
            one(
                &[
                    ("Chile", "Chile", "PROPN", 2, "nsubj"),
                    (verb, lemma, "VERB", 0, "root"),
                    ("Peru", "Peru", "PROPN", 2, "obj"),
                    (".", ".", "PUNCT", 2, "punct"),
                ],
                &[(0, 1, "CHL", "CHL"), (2, 3, "PER", "PER")],
            ),
            vec![t("CHL", code, "PER")],
            "{verb}"
        );
    }
}

#[test]
fn word_sense_guards_and_broad_patterns() {
    // "Mexico met the deadline." is no meeting; "Mexico met Canada." is one.
    let one = |toks: &[crate::testutil::Tok], acts: &[crate::testutil::Act]| {
        let mut d = Doc::new("t", "");
        add_sentence(&mut d, toks, acts);
        triples(&code(&d))
    };
    assert_eq!(
        one(
            &[
                ("Mexico", "Mexico", "PROPN", 2, "nsubj"),
                ("met", "meet", "VERB", 0, "root"),
                ("the", "the", "DET", 4, "det"),
                ("deadline", "deadline", "NOUN", 2, "obj"),
                (".", ".", "PUNCT", 2, "punct"),
            ],
            &[(0, 1, "MEX", "MEX")],
        ),
        vec![]
    );
    assert_eq!(
        one(
            &[
                ("Mexico", "Mexico", "PROPN", 2, "nsubj"),
                ("met", "meet", "VERB", 0, "root"),
                ("Canada", "Canada", "PROPN", 2, "obj"),
                (".", ".", "PUNCT", 2, "punct"),
            ],
            &[(0, 1, "MEX", "MEX"), (2, 3, "CAN", "CAN")],
        ),
        vec![t("MEX", "040", "CAN")]
    );
    // "Chile struck a pose." is no attack; "Chile committed violations." no intent to cooperate.
    for (verb, lemma, obj) in [
        ("struck", "strike", "pose"),
        ("committed", "commit", "violations"),
    ] {
        assert_eq!(
            one(
                &[
                    ("Chile", "Chile", "PROPN", 2, "nsubj"),
                    (verb, lemma, "VERB", 0, "root"),
                    ("a", "a", "DET", 4, "det"),
                    (obj, obj, "NOUN", 2, "obj"),
                    (".", ".", "PUNCT", 2, "punct"),
                ],
                &[(0, 1, "CHL", "CHL")],
            ),
            vec![],
            "{verb} {obj}"
        );
    }
    // "Chile demonstrated resolve." is no protest.
    assert_eq!(
        one(
            &[
                ("Chile", "Chile", "PROPN", 2, "nsubj"),
                ("demonstrated", "demonstrate", "VERB", 0, "root"),
                ("resolve", "resolve", "NOUN", 2, "obj"),
                (".", ".", "PUNCT", 2, "punct"),
            ],
            &[(0, 1, "CHL", "CHL")],
        ),
        vec![]
    );
    // Light verbs and phrasal verbs: "filed a lawsuit against", "ridiculed", "deported".
    assert_eq!(
        one(
            &[
                ("Peru", "Peru", "PROPN", 2, "nsubj"),
                ("filed", "file", "VERB", 0, "root"),
                ("a", "a", "DET", 4, "det"),
                ("lawsuit", "lawsuit", "NOUN", 2, "obj"),
                ("against", "against", "ADP", 6, "case"),
                ("Chile", "Chile", "PROPN", 4, "nmod"),
                (".", ".", "PUNCT", 2, "punct"),
            ],
            &[(0, 1, "PER", "PER"), (5, 6, "CHL", "CHL")],
        ),
        vec![t("PER", "115", "CHL")]
    );
    assert_eq!(
        one(
            &[
                ("Norway", "Norway", "PROPN", 2, "nsubj"),
                ("ridiculed", "ridicule", "VERB", 0, "root"),
                ("Sweden", "Sweden", "PROPN", 2, "obj"),
                (".", ".", "PUNCT", 2, "punct"),
            ],
            &[(0, 1, "NOR", "NOR"), (2, 3, "SWE", "SWE")],
        ),
        vec![t("NOR", "111", "SWE")]
    );
    // A nominal event with its agent: "the arrest of Danes by Finland".
    assert_eq!(
        one(
            &[
                ("Oslo", "Oslo", "PROPN", 2, "nsubj"),
                ("condemned", "condemn", "VERB", 0, "root"),
                ("the", "the", "DET", 4, "det"),
                ("arrest", "arrest", "NOUN", 2, "obj"),
                ("of", "of", "ADP", 6, "case"),
                ("Danes", "Dane", "PROPN", 4, "nmod"),
                ("by", "by", "ADP", 8, "case"),
                ("Finland", "Finland", "PROPN", 4, "nmod"),
                (".", ".", "PUNCT", 2, "punct"),
            ],
            &[
                (0, 1, "NORGOV", "NOR"),
                (5, 6, "DNK", "DNK"),
                (7, 8, "FIN", "FIN")
            ],
        )
        .into_iter()
        .filter(|x| x.1 == "173")
        .collect::<Vec<_>>(),
        vec![t("FIN", "173", "DNK")]
    );
}

#[test]
fn negated_reporting_verb_announced_acts_and_naming() {
    let one = |toks: &[crate::testutil::Tok], acts: &[crate::testutil::Act]| {
        let mut d = Doc::new("t", "");
        add_sentence(&mut d, toks, acts);
        code(&d)
    };
    // "Chile is not attending the talks with Peru.": the talks are denied with their verb.
    let ev = one(
        &[
            ("Chile", "Chile", "PROPN", 4, "nsubj"),
            ("is", "be", "AUX", 4, "aux"),
            ("not", "not", "PART", 4, "advmod"),
            ("attending", "attend", "VERB", 0, "root"),
            ("the", "the", "DET", 6, "det"),
            ("talks", "talk", "NOUN", 4, "obj"),
            ("with", "with", "ADP", 8, "case"),
            ("Peru", "Peru", "PROPN", 6, "nmod"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        &[(0, 1, "CHL", "CHL"), (7, 8, "PER", "PER")],
    );
    assert!(!ev.is_empty() && ev.iter().all(|e| e.negated), "{ev:?}");
    // "Ghana to meet Togo on Monday.": an announced meeting is an intent (036).
    let ev = one(
        &[
            ("Ghana", "Ghana", "PROPN", 0, "root"),
            ("to", "to", "PART", 3, "mark"),
            ("meet", "meet", "VERB", 1, "acl"),
            ("Togo", "Togo", "PROPN", 3, "obj"),
            ("on", "on", "ADP", 6, "case"),
            ("Monday", "Monday", "PROPN", 3, "obl"),
            (".", ".", "PUNCT", 1, "punct"),
        ],
        &[(0, 1, "GHA", "GHA"), (3, 4, "TGO", "TGO")],
    );
    assert_eq!(triples(&ev), vec![t("GHA", "036", "TGO")]);
    assert_eq!(ev[0].modality, "intent");
    // "Ghana called Togo a partner." names; "Ghana called Togo on Monday." is a call.
    let ev = one(
        &[
            ("Ghana", "Ghana", "PROPN", 2, "nsubj"),
            ("called", "call", "VERB", 0, "root"),
            ("Togo", "Togo", "PROPN", 2, "obj"),
            ("a", "a", "DET", 5, "det"),
            ("partner", "partner", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "GHA", "GHA"), (2, 3, "TGO", "TGO")],
    );
    assert!(ev.iter().all(|e| !e.cameo.starts_with("04")), "{ev:?}");
    let ev = one(
        &[
            ("Ghana", "Ghana", "PROPN", 2, "nsubj"),
            ("called", "call", "VERB", 0, "root"),
            ("Togo", "Togo", "PROPN", 2, "obj"),
            ("on", "on", "ADP", 5, "case"),
            ("Monday", "Monday", "PROPN", 2, "obl"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        &[(0, 1, "GHA", "GHA"), (2, 3, "TGO", "TGO")],
    );
    assert_eq!(triples(&ev), vec![t("GHA", "041", "TGO")]);
}

/// The 010 statements coded for one hand-parsed sentence that opens with a quotation of Olaf
/// Scholz (`DEUGOV`): the quote covers tokens `1..end` (0-based), the speaker is token `end + 2`
/// and the cue token `end + 3`; `xpos` sets Penn tags of some tokens.
fn statements_of(
    toks: &[crate::testutil::Tok],
    acts: &[crate::testutil::Act],
    end: usize,
    xpos: &[(usize, &str)],
) -> Vec<Event> {
    let mut d = Doc::new("t", "");
    add_sentence(&mut d, toks, acts);
    for &(i, tag) in xpos {
        d.tokens[i].xpos = dyad_doc::Tag::new(tag);
    }
    push_scholz_quote(&mut d, 1..end, end + 2, end + 3);
    code(&d).into_iter().filter(|e| e.cameo == "010").collect()
}

#[test]
fn a_statement_targets_whom_it_concerns_not_its_setting() {
    // "“Sudria is ready,” Scholz said." → a statement by DEU about Sudria ("is wrong" would be
    // criticism, 111: tests_statements15.rs).
    let about = [
        ("“", "“", "PUNCT", 4, "punct"),
        ("Sudria", "Sudria", "PROPN", 4, "nsubj"),
        ("is", "be", "AUX", 4, "cop"),
        ("ready", "ready", "ADJ", 0, "root"),
        (",", ",", "PUNCT", 4, "punct"),
        ("”", "”", "PUNCT", 4, "punct"),
        ("Scholz", "Scholz", "PROPN", 8, "nsubj"),
        ("said", "say", "VERB", 4, "parataxis"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let ev = statements_of(&about, &[(1, 2, "SUD", "SUD")], 4, &[]);
    assert_eq!(triples(&ev), vec![t("DEU", "010", "SUD")]);
    // "“Calm prevails in Sudria,” Scholz said.": Sudria is where, not whom: no statement.
    let setting = [
        ("“", "“", "PUNCT", 3, "punct"),
        ("Calm", "calm", "NOUN", 3, "nsubj"),
        ("prevails", "prevail", "VERB", 0, "root"),
        ("in", "in", "ADP", 5, "case"),
        ("Sudria", "Sudria", "PROPN", 3, "obl"),
        (",", ",", "PUNCT", 3, "punct"),
        ("”", "”", "PUNCT", 3, "punct"),
        ("Scholz", "Scholz", "PROPN", 9, "nsubj"),
        ("said", "say", "VERB", 3, "parataxis"),
        (".", ".", "PUNCT", 3, "punct"),
    ];
    assert!(statements_of(&setting, &[(4, 5, "SUD", "SUD")], 5, &[]).is_empty());
    // "“The Sudrian city is calm,” Scholz said.": a modifier of a thing is no target; of a
    // group of people ("the Sudrian citizens", NNS) it is the actor.
    let modifier = [
        ("“", "“", "PUNCT", 6, "punct"),
        ("The", "the", "DET", 4, "det"),
        ("Sudrian", "Sudrian", "ADJ", 4, "amod"),
        ("city", "city", "NOUN", 6, "nsubj"),
        ("is", "be", "AUX", 6, "cop"),
        ("calm", "calm", "ADJ", 0, "root"),
        (",", ",", "PUNCT", 6, "punct"),
        ("”", "”", "PUNCT", 6, "punct"),
        ("Scholz", "Scholz", "PROPN", 10, "nsubj"),
        ("said", "say", "VERB", 6, "parataxis"),
        (".", ".", "PUNCT", 6, "punct"),
    ];
    let sud = [(2, 3, "SUD", "SUD")];
    assert!(statements_of(&modifier, &sud, 6, &[(3, "NN")]).is_empty());
    let ev = statements_of(&modifier, &sud, 6, &[(3, "NNS")]);
    assert_eq!(triples(&ev), vec![t("DEU", "010", "SUD")]);
}
