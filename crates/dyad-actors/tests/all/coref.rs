//! Coreference on hand-written articles: name variants, role nominals, pronouns.

use crate::common;
use common::{entity, pronoun_referent, run};
use dyad_doc::Span;

const TEXT: &str = "Ukrainian President Volodymyr Zelensky met European Commission President Ursula von der Leyen in Brussels on Monday.
Zelenskiy said the meeting was useful. He thanked her for the new aid package.
Von der Leyen said she expected more sanctions to follow.
He later flew to Rome, where Italian officials said they were ready to help.
The Ukrainian president also called Donald Trump. Trump promised to stay involved, his aides said.
Following his call with Zelensky, Trump spoke to reporters.";

#[test]
fn names_pronouns_and_role_nominals() {
    let d = run(TEXT, "2025-05-20");
    let cl = |m: &str, n| entity(&d, m, n).and_then(|e| e.cluster);
    assert_eq!(
        cl("Volodymyr Zelensky", 0),
        cl("Zelenskiy", 0),
        "name variants"
    );
    assert_eq!(cl("Donald Trump", 0), cl("Trump", 0));
    assert_eq!(
        cl("Ukrainian president", 0),
        cl("Zelenskiy", 0),
        "role nominal"
    );
    let zel = cl("Zelenskiy", 0).unwrap();
    assert_eq!(d.clusters[zel].name.as_deref(), Some("Volodymyr Zelenskyy"));
    assert_eq!(
        pronoun_referent(&d, "He", 0).as_deref(),
        Some("Volodymyr Zelenskyy")
    );
    assert_eq!(
        pronoun_referent(&d, "her", 0).as_deref(),
        Some("Ursula von der Leyen")
    );
    assert_eq!(
        pronoun_referent(&d, "she", 0).as_deref(),
        Some("Ursula von der Leyen")
    );
    assert_eq!(
        pronoun_referent(&d, "He", 1).as_deref(),
        Some("Volodymyr Zelenskyy"),
        "paragraph-initial He skips a female subject"
    );
    assert_eq!(
        pronoun_referent(&d, "his", 0).as_deref(),
        Some("Donald Trump")
    );
    assert_eq!(
        pronoun_referent(&d, "his", 1).as_deref(),
        Some("Donald Trump"),
        "cataphora in an opening phrase"
    );
    // "they" → the Italian officials.
    let they = d.text.find(" they ").unwrap() + 1;
    let c = dyad_actors::cluster_at(&d, Span::new(they, they + 4)).expect("they is resolved");
    assert_eq!(Some(c), cl("Italian officials", 0));
    // Pronoun mentions are in the cluster, in text order.
    let m = &d.clusters[zel].mentions;
    assert!(m.windows(2).all(|w| w[0] <= w[1]));
    assert!(m.iter().any(|s| d.slice(*s) == "He"));
}

#[test]
fn paragraph_initial_he_is_the_previous_subject() {
    let text = "Finnish President Alexander Stubb spoke with Keir Starmer in Helsinki after the call.\nHe said the proposal deserved support.";
    let d = run(text, "2025-05-20");
    assert_eq!(
        pronoun_referent(&d, "He", 0).as_deref(),
        Some("Alexander Stubb")
    );
}

#[test]
fn parser_subjects_win_when_present() {
    let text = "Lavrov said Rubio had called. He wanted a meeting.";
    let mut doc = dyad_doc::Doc::new("t", text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
    common::segment(&mut doc);
    // Pretend the parser found "Rubio" the subject of the clause and "Lavrov" an object.
    for t in &mut doc.tokens {
        t.deprel = match &text[t.span.start..t.span.end] {
            "Rubio" => "nsubj".into(),
            "Lavrov" => "obj".into(),
            _ => "dep".into(),
        };
    }
    common::stage().annotate(&mut doc);
    assert_eq!(
        pronoun_referent(&doc, "He", 0).as_deref(),
        Some("Marco Rubio")
    );
}

#[test]
fn pronouns_in_quotes_are_left_alone() {
    let d = run("Trump said: \u{201C}He is not ready.\u{201D}", "2025-05-20");
    assert_eq!(pronoun_referent(&d, "He", 0), None);
}

#[test]
fn unknown_people_link_by_surname() {
    let text = "Lithuanian envoy Jonas Petrauskas arrived in Vilnius. Petrauskas said the talks went well.";
    let d = run(text, "2025-05-20");
    let full = entity(&d, "Jonas Petrauskas", 0).unwrap();
    let short = entity(&d, "Petrauskas", 0).unwrap();
    assert_eq!(full.cluster, short.cluster);
    assert_eq!(short.actor.as_ref().unwrap().code, "LTUGOV");
}

#[test]
fn nearest_clause_subject_without_a_parse() {
    let text = "German Chancellor, Friedrich Merz, said European leaders agreed after Trump briefed them on his call with Putin.";
    let d = run(text, "2025-05-20");
    assert_eq!(
        pronoun_referent(&d, "his", 0).as_deref(),
        Some("Donald Trump")
    );
    assert_eq!(
        pronoun_referent(&d, "them", 0),
        d.clusters[entity(&d, "European leaders", 0).unwrap().cluster.unwrap()]
            .name
            .clone()
    );
}

#[test]
fn possessive_in_a_misattached_clause_takes_the_nearest_subject() {
    let text = "French President Emmanuel Macron wrote on X that leaders would act after Rubio briefed them on his trip to Kyiv.";
    let mut doc = dyad_doc::Doc::new("t", text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
    common::segment(&mut doc);
    // A parse that (wrongly) hangs "after Rubio" under "leaders" as a modifier and makes Macron the
    // only subject: the surface form "Rubio briefed" still marks Rubio as the clause subject.
    for t in &mut doc.tokens {
        t.deprel = match &text[t.span.start..t.span.end] {
            "Emmanuel" => "nsubj".into(),
            "Rubio" => "nmod".into(),
            _ => "dep".into(),
        };
    }
    common::stage().annotate(&mut doc);
    assert_eq!(
        pronoun_referent(&doc, "his", 0).as_deref(),
        Some("Marco Rubio")
    );
}

#[test]
fn a_pronoun_looks_past_a_quotation_of_several_sentences_to_the_person_before_it() {
    // Five sentences of someone's words do not count against the three-sentence distance.
    let text = "Finnish President Alexander Stubb visited the harbour on Monday.\n\u{201C}The ice is thin. The ships are late. The crews are tired. The ports are full. The winter is long.\u{201D}\nHe said the fleet would need help.";
    let d = run(text, "2025-05-20");
    assert_eq!(
        pronoun_referent(&d, "He", 0).as_deref(),
        Some("Alexander Stubb")
    );
    // Sentences outside quotation marks still count: three of them end the search.
    let text = "Finnish President Alexander Stubb visited the harbour on Monday.\nThe ice was thin. The ships were late. The crews were tired.\nHe said the fleet would need help.";
    let d = run(text, "2025-05-20");
    assert_eq!(pronoun_referent(&d, "He", 0), None);
    // A quotation that names someone counts, and the search does not look past it.
    let text = "Finnish President Alexander Stubb visited the harbour on Monday.\n\u{201C}The ice is thin. Keir Starmer knows it. The crews are tired.\u{201D}\nThe ships were late. The ports were full.\nHe said the fleet would need help.";
    let d = run(text, "2025-05-20");
    assert_ne!(
        pronoun_referent(&d, "He", 0).as_deref(),
        Some("Alexander Stubb")
    );
}
