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
