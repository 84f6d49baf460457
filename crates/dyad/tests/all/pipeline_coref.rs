//! The full pipeline (real parser, NER and actor stages) on hand-written sentences: pronouns
//! resolve to the right actors whatever the parser does with subordinate clauses.

use dyad::doc::Doc;
use dyad::{Pipeline, PipelineOptions};

/// The cluster name of the `nth` occurrence of `word` (as a whole word) in the document.
fn referent(doc: &Doc, word: &str, nth: usize) -> Option<String> {
    let start = doc
        .text
        .match_indices(word)
        .filter(|(i, _)| {
            let before = doc.text[..*i].chars().next_back();
            let after = doc.text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .nth(nth)?
        .0;
    doc.clusters
        .iter()
        .find(|c| c.mentions.iter().any(|m| m.start == start))
        .and_then(|c| c.name.clone())
}

#[test]
fn possessive_in_a_subordinate_clause_goes_to_its_subject() {
    let pipe = Pipeline::new(&PipelineOptions::default()).expect("pipeline");
    let mut doc = Doc::new(
        "t",
        "Polish Prime Minister, Donald Tusk, wrote on X that Nordic leaders decided to step up pressure on Iran with tariffs after Trump told them about his meeting with Netanyahu.",
    );
    doc.date = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
    pipe.run(&mut doc).expect("pipeline runs");
    assert_eq!(referent(&doc, "his", 0).as_deref(), Some("Donald Trump"));
}

/// Actor codes of a document's entities, as (lower-cased entity text, code).
fn actor_codes(doc: &Doc) -> Vec<(String, String)> {
    doc.entities
        .iter()
        .filter_map(|e| {
            let a = e.actor.as_ref()?;
            Some((doc.slice(e.span).to_lowercase(), a.code.clone()))
        })
        .collect()
}

#[test]
fn lower_cased_and_all_caps_articles_get_entities_actors_and_places() {
    use dyad::doc::Casing;
    let pipe = Pipeline::new(&PipelineOptions::default()).expect("pipeline");
    let article = "President Emmanuel Macron of France met German Chancellor Olaf Scholz in Berlin on Monday. \
                   The two leaders discussed support for Ukraine. Macron later flew to Warsaw.";
    let run = |text: &str| {
        let mut doc = Doc::new("t", text);
        doc.date = chrono::NaiveDate::from_ymd_opt(2024, 6, 3);
        pipe.run(&mut doc).expect("pipeline runs");
        doc
    };
    let cased = run(article);
    assert_eq!(cased.casing, Casing::Mixed);
    for (text, casing) in [
        (article.to_lowercase(), Casing::Lower),
        (article.to_uppercase(), Casing::Upper),
    ] {
        let doc = run(&text);
        assert_eq!(doc.casing, casing);
        let kinds: Vec<(String, String)> = doc
            .entities
            .iter()
            .map(|e| (doc.slice(e.span).to_lowercase(), e.kind.clone()))
            .collect();
        for (name, kind) in [("olaf scholz", "PER"), ("berlin", "LOC"), ("warsaw", "LOC")] {
            assert!(
                kinds.contains(&(name.to_string(), kind.to_string())),
                "{casing:?}: {name} {kind} missing in {kinds:?}"
            );
        }
        let codes = actor_codes(&doc);
        assert!(
            codes
                .iter()
                .any(|(t, c)| t.contains("macron") && c == "FRAGOV"),
            "{casing:?}: {codes:?}"
        );
        assert!(
            codes
                .iter()
                .any(|(t, c)| t.contains("scholz") && c == "DEUGOV"),
            "{casing:?}: {codes:?}"
        );
        let places: Vec<&str> = doc.places.iter().map(|p| p.name.as_str()).collect();
        assert!(places.contains(&"Berlin"), "{casing:?}: {places:?}");
        assert!(places.contains(&"Warsaw"), "{casing:?}: {places:?}");
    }
    // The pronoun "us" is no actor in lower-case text; "us" before an agent noun is the US.
    let text = "the minister told us that the talks in geneva would go on. \
                us troops withdrew from the base on friday. nothing else was said.";
    let doc = run(text);
    assert_eq!(doc.casing, Casing::Lower);
    let pronoun = text.find(" us ").unwrap() + 1;
    let country = text.find("us troops").unwrap();
    let actor_at = |b: usize| {
        doc.entities
            .iter()
            .find(|e| e.span.start <= b && b < e.span.end)
            .and_then(|e| e.actor.as_ref())
            .map(|a| a.code.clone())
    };
    assert_eq!(actor_at(pronoun), None, "{:?}", actor_codes(&doc));
    assert!(
        actor_at(country).is_some_and(|c| c.starts_with("USA")),
        "{:?}",
        actor_codes(&doc)
    );
}
