//! The full pipeline on hand-written wire copy: agents without a country of their own get one
//! from the context (issue 15), and nothing is guessed when the context says nothing.

use dyad::doc::{CountryFrom, Doc};
use dyad::{Pipeline, PipelineOptions};

fn run(text: &str) -> Doc {
    let pipe = Pipeline::new(&PipelineOptions::default()).expect("pipeline");
    let mut doc = Doc::new("t", text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 11);
    pipe.run(&mut doc).expect("pipeline runs");
    doc
}

/// Code and provenance of the entity that starts with `word`.
fn actor_of(doc: &Doc, word: &str) -> Option<(String, Option<CountryFrom>)> {
    let start = doc.text.find(word)?;
    doc.entities
        .iter()
        .find(|e| e.span.start == start)
        .and_then(|e| e.actor.as_ref())
        .map(|a| (a.code.clone(), a.country_from))
}

#[test]
fn police_in_a_city_act_for_its_country() {
    let doc = run("Police arrested 20 people in Ahmedabad on Sunday.");
    assert_eq!(
        actor_of(&doc, "Police"),
        Some(("INDCOP".into(), Some(CountryFrom::Place)))
    );
    assert!(
        doc.events
            .iter()
            .any(|e| e.source.as_ref().and_then(|s| s.code.as_deref()) == Some("INDCOP")),
        "an arrest event with the police as source: {:?}",
        doc.events
    );
}

#[test]
fn a_dateline_gives_protesters_a_country() {
    let doc = run(
        "NAIROBI (Reuters) - Protesters blocked a highway on Monday, demanding lower fuel prices.",
    );
    assert_eq!(
        actor_of(&doc, "Protesters"),
        Some(("KENCVL".into(), Some(CountryFrom::Dateline)))
    );
}

#[test]
fn nothing_supports_a_country_so_none_is_given() {
    let doc = run("Protesters blocked a highway on Monday, demanding lower fuel prices.");
    let (code, from) = actor_of(&doc, "Protesters").expect("an actor with a sector");
    assert_eq!((code.as_str(), from), ("CVL", None));
}

#[test]
fn an_adjective_still_wins_over_the_place() {
    let doc = run("Indian police arrested two Nepali traders in Kathmandu on Friday.");
    let (code, from) = actor_of(&doc, "Indian police").expect("actor");
    assert_eq!(
        (code.as_str(), from),
        ("INDCOP", Some(CountryFrom::Modifier))
    );
}

#[test]
fn an_unknown_person_takes_the_country_of_the_title() {
    let doc = run("Kenya's interior ministry spokesman Peter Mwangi said the curfew would end. Mwangi added that schools would reopen.");
    let (code, _) = actor_of(&doc, "Peter Mwangi").expect("actor");
    assert_eq!(code, "KENGOV");
    let (later, _) = actor_of(&doc, "Mwangi added")
        .or_else(|| {
            let at = doc.text.rfind("Mwangi")?;
            doc.entities
                .iter()
                .find(|e| e.span.start == at)
                .and_then(|e| e.actor.as_ref())
                .map(|a| (a.code.clone(), a.country_from))
        })
        .expect("the surname is resolved");
    assert_eq!(later, "KENGOV");
}

#[test]
fn agent_nouns_used_as_modifiers_or_owned_are_not_actors() {
    let doc =
        run("Norway promised more military aid, lodged an official protest and moved its troops.");
    for word in ["military", "official", "troops"] {
        assert_eq!(
            actor_of(&doc, word),
            None,
            "`{word}` is not an actor of its own"
        );
    }
}

#[test]
fn a_title_for_a_body_gives_the_person_its_country() {
    let doc =
        run("A spokesman for the Afghan interior ministry, Sayed Khan, said the road was open.");
    let (code, from) = actor_of(&doc, "Sayed Khan").expect("actor");
    assert_eq!(
        (code.as_str(), from),
        ("AFGGOV", Some(CountryFrom::Modifier))
    );
}

#[test]
fn an_apposition_with_a_relative_clause_gives_the_role() {
    let doc = run("LAGOS (Reuters) - The attack was condemned by Musa Bello, who heads the army.");
    let (code, _) = actor_of(&doc, "Musa Bello").expect("actor");
    assert_eq!(code, "NGAMIL");
}

/// Code and provenance of the speaker of the quote whose speaker phrase starts with `word`.
fn speaker_of(doc: &Doc, word: &str) -> Option<(String, Option<CountryFrom>)> {
    let start = doc.text.find(word)?;
    doc.quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .find(|s| s.span.start == start)
        .and_then(|s| s.actor.as_ref())
        .map(|a| (a.code.clone(), a.country_from))
}

#[test]
fn role_speakers_take_a_country_from_their_clause_not_from_the_quote() {
    let doc = run(
        "Speaking in Mombasa on Monday, lawyers for the detained men said the curfew \
                   would be lifted next week.",
    );
    assert_eq!(
        speaker_of(&doc, "lawyers"),
        Some(("KENJUD".into(), Some(CountryFrom::Place)))
    );
    // The only place is in the content of the quote: it says nothing about the speaker.
    let doc = run("Troops in Mali will stay until June, a spokeswoman said.");
    assert_eq!(speaker_of(&doc, "a spokeswoman"), None);
    let q = doc.quotes.first().expect("a quote");
    assert!(!q.speaker.as_ref().expect("a speaker").is_resolved());
}

#[test]
fn a_patron_or_bloc_before_a_name_is_not_the_actor() {
    let doc = run("NATO-member Estonia agreed to host more allied troops.");
    let sources: Vec<&str> = doc
        .events
        .iter()
        .filter_map(|e| e.source.as_ref().and_then(|s| s.code.as_deref()))
        .collect();
    assert!(sources.contains(&"EST"), "{sources:?}");
    assert!(!sources.contains(&"NATO"), "{sources:?}");
}
