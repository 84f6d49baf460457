//! One person, one code (issues 16, 17 and 19): a known person's bare surname given to someone
//! else in the text is not that person, and every mention of a person carries the country the
//! best evidence of any of its mentions gives. Hand-written sentences, the full pipeline.

use dyad::doc::{CountryFrom, Doc};
use dyad::{Pipeline, PipelineOptions};

fn run_titled(title: Option<&str>, body: &str) -> Doc {
    let pipe = Pipeline::new(&PipelineOptions::default()).expect("pipeline");
    let text = match title {
        Some(t) => format!("{t}\n\n{body}"),
        None => body.to_string(),
    };
    let mut doc = Doc::new("t", &text);
    doc.title = title.map(str::to_string);
    doc.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 11);
    pipe.run(&mut doc).expect("pipeline runs");
    doc
}

fn run(text: &str) -> Doc {
    run_titled(None, text)
}

/// Resolved name, code and provenance of the entity starting at the `nth` occurrence of `word`.
fn actor_at(
    doc: &Doc,
    word: &str,
    nth: usize,
) -> Option<(Option<String>, String, Option<CountryFrom>)> {
    let start = doc.text.match_indices(word).nth(nth)?.0;
    doc.entities
        .iter()
        .find(|e| e.span.start == start)
        .and_then(|e| e.actor.as_ref())
        .map(|a| (a.name.clone(), a.code.clone(), a.country_from))
}

#[test]
fn another_first_name_makes_another_person() {
    // The dictionary's Kamala Harris is known as "Harris"; this minister is someone else, in his
    // full name and in the bare surname that follows.
    let doc = run(
        "Health Minister Simon Harris said on Tuesday that the hospital plan would go ahead. \
         Harris told reporters that the wards were ready.",
    );
    for nth in 0..2 {
        let (name, code, _) = actor_at(&doc, if nth == 0 { "Simon" } else { "Harris" }, nth)
            .expect("the minister has an actor");
        assert_eq!(name.as_deref(), Some("Simon Harris"), "{nth}");
        assert!(!code.starts_with("USA"), "{nth}: {code}");
    }
}

#[test]
fn a_relative_named_later_leaves_the_known_person_in_place() {
    // The bare surname comes first: the article is about the known person, and a relative named
    // in full later is someone else.
    let doc = run(
        "Trump spoke to supporters on Tuesday. His daughter Ivanka Trump said the family was \
         proud. Trump added that he would return.",
    );
    let known = |nth| actor_at(&doc, "Trump", nth).and_then(|a| a.0);
    assert_eq!(known(0).as_deref(), Some("Donald Trump"));
    assert_ne!(known(1).as_deref(), Some("Donald Trump"), "Ivanka Trump");
    assert_eq!(known(2).as_deref(), Some("Donald Trump"));
}

#[test]
fn a_headline_gives_no_surname_to_anyone() {
    // "More Trump" is a headline's capitals, not a first name.
    let doc = run_titled(
        Some("More Trump Advisers Disclose Meetings"),
        "Trump said on Monday that the meetings were routine. Trump added that he had no regrets.",
    );
    let last = doc.text.match_indices("Trump").count() - 1;
    let name = actor_at(&doc, "Trump", last).and_then(|a| a.0);
    assert_eq!(name.as_deref(), Some("Donald Trump"));
}

#[test]
fn every_mention_takes_the_country_a_later_mention_found() {
    // Nothing in the first sentence says where the spokesman is from; the second does, and the
    // first mention takes it too (one code for the person, not `GOV` and then `KENGOV`).
    let doc = run(
        "Spokesman John Okello said the talks would resume soon. Okello later told reporters in \
         Nairobi that the delegation was ready.",
    );
    for (word, nth) in [("John Okello", 0), ("Okello", 1)] {
        assert_eq!(
            actor_at(&doc, word, if word == "Okello" { nth } else { 0 }).map(|a| (a.1, a.2)),
            Some(("KENGOV".to_string(), Some(CountryFrom::Place))),
            "{word}"
        );
    }
}

/// The code of the entity whose text is exactly `text`.
fn code_of(doc: &Doc, text: &str) -> Option<String> {
    doc.entities
        .iter()
        .find(|e| doc.slice(e.span) == text)
        .and_then(|e| e.actor.as_ref())
        .map(|a| a.code.clone())
}

#[test]
fn a_nationality_before_a_capitalised_portfolio_title_gives_the_country() {
    // Another country is named first, so only the adjective before the title can give these
    // ministers their country; the portfolio word is capitalised like the title.
    let doc = run(
        "British officials said on Monday that the talks had stalled. Irish Health Minister \
         Sean Brady met the British delegation on Tuesday. Chilean Finance Secretary Pedro \
         Alvarez said the loan would be repaid.",
    );
    assert_eq!(code_of(&doc, "Sean Brady").as_deref(), Some("IRLGOV"));
    assert_eq!(code_of(&doc, "Pedro Alvarez").as_deref(), Some("CHLGOV"));
}

#[test]
fn a_given_name_that_is_also_an_agent_noun_is_a_first_name() {
    // "Marine" before a surname in one name is the person's first name, not a soldier; a rank
    // before a name stays the rank.
    let doc = run(
        "The French opposition leader Marine Dupont criticised the budget on Monday. \
         General Pierre Martin said the army was ready.",
    );
    let (name, code, _) = actor_at(&doc, "Marine", 0).expect("the leader has an actor");
    assert_eq!(name.as_deref(), Some("Marine Dupont"));
    assert!(!code.ends_with("MIL"), "{code}");
    let (_, code, _) = actor_at(&doc, "Pierre", 0).expect("the general has an actor");
    assert!(code.ends_with("MIL"), "{code}");
}
