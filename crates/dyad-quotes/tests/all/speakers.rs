//! Speakers on parsed documents: which phrase speaks, and whom it resolves to.

use super::parsed::{parsed, quote_at};
use dyad_doc::{Doc, Speaker, Stage};
use dyad_quotes::QuoteStage;

fn coded(text: &str) -> Doc {
    let mut doc = parsed(text);
    QuoteStage::default().process(&mut doc).unwrap();
    doc
}

fn speaker_of<'a>(doc: &'a Doc, content: &str) -> &'a Speaker {
    quote_at(doc, content)
        .speaker
        .as_ref()
        .unwrap_or_else(|| panic!("no speaker for {content:?}: {:?}", doc.quotes))
}

#[test]
fn an_adverb_before_the_cue_is_no_speaker() {
    let doc = coded(
        "Doctors have long warned that the new strain spreads faster in winter. \
         The mayor, who took office in March, has now said that the schools will stay open.",
    );
    assert_eq!(
        doc.slice(speaker_of(&doc, "that the new strain").span),
        "Doctors"
    );
    let sp = speaker_of(&doc, "the schools");
    assert_ne!(doc.slice(sp.span), "now", "{sp:?}");
}

#[test]
fn a_proper_name_the_recogniser_missed_still_names_the_speaker() {
    let doc = coded(
        "Carmakers such as Toyota have hired Ni for a decade. \
         Ni believes that factories will stay in the region.",
    );
    let sp = speaker_of(&doc, "factories");
    assert_eq!(doc.slice(sp.span), "Ni");
    // The case this test is about: no entity covers the name (pick another name if the
    // recogniser learns this one).
    assert!(doc.entities.iter().all(|e| !e.span.overlaps(sp.span)));
    assert_eq!(sp.name.as_deref(), Some("Ni"), "{sp:?}");
    assert!(sp.is_resolved());
}

#[test]
fn a_sentence_opening_noun_is_no_name() {
    let doc = coded(
        "Gardening, the survey found, makes people happier. \
         Gardening shows that a small plot is enough.",
    );
    for q in &doc.quotes {
        if let Some(sp) = &q.speaker {
            assert!(
                !matches!(sp.name.as_deref(), Some("Gardening")),
                "{sp:?} for {:?}",
                doc.slice(q.span)
            );
        }
    }
}

#[test]
fn they_refers_to_a_group_named_in_the_plural() {
    let doc = coded(
        "Police in the capital detained four men on Friday. \
         Senate Democrats held the floor through the night. \
         They hoped that the delay would change the vote.",
    );
    let sp = speaker_of(&doc, "the delay");
    assert_eq!(doc.slice(sp.span), "They");
    let cluster = sp.cluster.expect("a cluster");
    let mentions: Vec<&str> = doc.clusters[cluster]
        .mentions
        .iter()
        .map(|m| doc.slice(*m))
        .collect();
    assert!(mentions.contains(&"Democrats"), "{mentions:?}");
}

#[test]
fn an_organisation_name_cut_short_is_extended() {
    let doc = coded(
        "About 40,000 people crossed the border last month, according to the United Nations \
         High Commissioner for Refugees.",
    );
    let sp = speaker_of(&doc, "About 40,000 people");
    assert!(doc.slice(sp.span).ends_with("Refugees"), "{sp:?}");
}

#[test]
fn who_after_a_name_refers_to_the_name_whatever_the_parse_attached_it_to() {
    let doc = coded(
        "The loudest voice was that of Finance Minister Lena Hartmann, who said on Monday: \
         \"The budget will not pass in this form.\"",
    );
    let sp = speaker_of(&doc, "The budget");
    assert_eq!(doc.slice(sp.span), "who");
    assert!(
        sp.name.as_deref().is_some_and(|n| n.contains("Hartmann")),
        "{sp:?}"
    );
}

#[test]
fn a_document_speaks_for_whoever_issued_it() {
    let doc = coded(
        "A new report on Tuesday from Human Rights Watch documents abuses in three prisons. \
         The guards beat inmates every week, the report said.",
    );
    let sp = speaker_of(&doc, "The guards beat");
    assert_eq!(doc.slice(sp.span), "the report");
    assert!(
        sp.name
            .as_deref()
            .is_some_and(|n| n.contains("Human Rights Watch")),
        "{sp:?}"
    );
}

#[test]
fn the_role_with_modifiers_refers_to_the_person_introduced_with_it() {
    let doc = coded(
        "Marta Kowalczyk, the sports director of the club, met the players on Monday. \
         The team will not be sold, the sports director said.",
    );
    let sp = speaker_of(&doc, "The team will not");
    assert_eq!(doc.slice(sp.span), "the sports director");
    assert!(
        sp.name.as_deref().is_some_and(|n| n.contains("Kowalczyk")),
        "{sp:?}"
    );
}

#[test]
fn the_subject_of_a_passive_cue_is_not_its_source() {
    let doc = coded(
        "The finance minister is expected to resign before the vote. \
         The new bridge is believed to be the longest in the region.",
    );
    for q in &doc.quotes {
        if let Some(sp) = &q.speaker {
            let said_by = doc.slice(sp.span);
            assert!(
                !said_by.contains("minister") && !said_by.contains("bridge"),
                "{said_by:?} for {:?}",
                doc.slice(q.span)
            );
        }
    }
}

#[test]
fn first_person_in_an_interview_answer_is_the_person_answering() {
    let doc = coded(
        "The port city has lost half its fishing fleet in a decade. Reuters: What went wrong? \
         Tomas Lindqvist: I think the quotas came too late for the small boats. \
         We warned the ministry in 2015. Reuters: Will the fleet recover?",
    );
    let sp = speaker_of(&doc, "the ministry");
    assert_eq!(doc.slice(sp.span), "We");
    assert!(
        sp.name.as_deref().is_some_and(|n| n.contains("Lindqvist")),
        "{sp:?}"
    );
}

#[test]
fn a_quotation_followed_by_according_to_or_a_stray_comma_keeps_its_speaker() {
    let doc = coded(
        "\"Salt spreads faster in dry years. The wells go first,\" according to Ines Borrell, \
         a hydrologist at the regional water board. \
         \"Nobody planned for this,\" says, Karl Odum, a farmer near the delta.",
    );
    let sp = speaker_of(&doc, "Salt spreads");
    assert_eq!(doc.slice(sp.span), "Ines Borrell");
    let sp = speaker_of(&doc, "Nobody planned");
    assert_eq!(doc.slice(sp.span), "Karl Odum");
}

#[test]
fn a_trailing_attribution_with_a_modified_subject_reports_the_whole_clause() {
    let doc = coded(
        "The council has not yet agreed on a new budget for the harbour, officials in the port \
         city said.",
    );
    let q = quote_at(&doc, "The council has not yet agreed");
    assert!(
        doc.slice(q.span).ends_with("harbour"),
        "{:?}",
        doc.slice(q.span)
    );
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(doc.slice(sp.span), "officials in the port city");
    // No content runs over the attribution.
    assert!(doc
        .quotes
        .iter()
        .all(|q| !doc.slice(q.span).contains("said")));
}

#[test]
fn a_trailing_name_with_its_appositive_speaks_for_the_clause_before_it() {
    let doc = coded(
        "The port of Tromso will reopen to fishing boats next month, Ingrid Dahl, the head of \
         the harbour department of the Norwegian Coastal Administration (NCA), said on Tuesday.",
    );
    let q = quote_at(&doc, "The port of Tromso will reopen");
    assert!(
        doc.slice(q.span).ends_with("next month"),
        "{:?}",
        doc.slice(q.span)
    );
    let sp = q.speaker.as_ref().expect("a speaker");
    assert!(doc.slice(sp.span).starts_with("Ingrid Dahl"), "{sp:?}");
    assert_eq!(sp.name.as_deref(), Some("Ingrid Dahl"), "{sp:?}");
}

#[test]
fn a_title_and_a_name_set_off_by_commas_speak_even_after_an_adverb() {
    let doc = coded(
        "The agency has described the collision as an accident, Transport Ministry spokesman, \
         Lars Berg, said on Wednesday in response to a question from reporters, who had waited \
         for hours. Talks on the new quotas were almost completed at the meeting in Bergen, \
         Henrik Olsen, the chief of the main directorate of the Norwegian Coast Guard, also said.",
    );
    // The earlier cue's content stops before the attribution that follows it.
    let described = quote_at(&doc, "the collision as an accident");
    assert!(
        !doc.slice(described.span).contains("Lars Berg"),
        "{:?}",
        doc.slice(described.span)
    );
    let berg = speaker_of(&doc, "The agency has described");
    assert_eq!(berg.name.as_deref(), Some("Lars Berg"), "{berg:?}");
    let olsen = speaker_of(&doc, "Talks on the new quotas");
    assert_eq!(olsen.name.as_deref(), Some("Henrik Olsen"), "{olsen:?}");
}

#[test]
fn an_adverbial_lead_is_no_speaker_before_a_named_one() {
    let doc = coded(
        "Speaking to a radio station on Tuesday, Jan Kowal, a Polish journalist and commentator, \
         said of the speech, \"He talked mainly to the people who protested last week.\"",
    );
    let sp = speaker_of(&doc, "He talked mainly");
    assert_eq!(sp.name.as_deref(), Some("Jan Kowal"), "{sp:?}");
}

#[test]
fn a_pronoun_after_a_quote_is_not_someone_named_inside_it() {
    let doc = coded(
        "Finance Minister Tomas Vik said he was disappointed by the report. \
         \"I acted properly in every meeting with Peter Lund,\" he said.",
    );
    let sp = speaker_of(&doc, "I acted properly");
    assert_eq!(sp.name.as_deref(), Some("Tomas Vik"), "{sp:?}");
}

#[test]
fn two_parties_of_one_country_are_not_one_speaker() {
    let doc = coded(
        "Republicans backed the nominee on Tuesday. Senate Democrats, who mostly opposed the \
         nominee, argued that the vote was rushed.",
    );
    let sp = speaker_of(&doc, "the vote was rushed");
    assert_ne!(sp.name.as_deref(), Some("Republican Party"), "{sp:?}");
    let names: Vec<_> = doc
        .clusters
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert!(
        names.contains(&"Republican Party") && names.contains(&"Democratic Party"),
        "{names:?}"
    );
}

#[test]
fn the_name_before_an_appositive_heads_the_speaker() {
    let doc = coded(
        "Omar Haddad, Maria Lopez's deputy, rejected the plan, saying that the river would \
         not recover.",
    );
    let sp = speaker_of(&doc, "the river would not recover");
    assert_eq!(sp.name.as_deref(), Some("Omar Haddad"), "{sp:?}");
}

#[test]
fn a_reporting_verb_glued_to_a_name_leaves_the_name_whole() {
    let doc = coded(
        "The two sides are only testing each other, said-Hamid Karimi, an editor in Tehran. \
         House Speaker Paul Dorn-said he would withdraw the bill.",
    );
    let sp = speaker_of(&doc, "The two sides");
    assert_eq!(sp.name.as_deref(), Some("Hamid Karimi"), "{sp:?}");
    let sp = speaker_of(&doc, "he would withdraw");
    assert_eq!(sp.name.as_deref(), Some("Paul Dorn"), "{sp:?}");
}

#[test]
fn a_time_phrase_before_the_cue_is_no_speaker() {
    let doc = coded(
        "Sen. Tom Berg, the chairman of the armed services committee, last month called on the \
         government to ensure that its forces are ready. The ministry on Monday said that the \
         border would stay closed. Fire officials this week found that the blaze began in the \
         kitchen.",
    );
    let sp = speaker_of(&doc, "its forces are ready");
    assert_eq!(sp.name.as_deref(), Some("Tom Berg"), "{sp:?}");
    let sp = speaker_of(&doc, "the border would stay closed");
    assert_eq!(doc.slice(sp.span), "The ministry", "{sp:?}");
    let sp = speaker_of(&doc, "the blaze began");
    assert_eq!(doc.slice(sp.span), "Fire officials", "{sp:?}");
}
