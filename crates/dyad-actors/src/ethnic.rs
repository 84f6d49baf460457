//! Ethnic groups are coded by the state they live in, as CAMEO codes them ("ethnic Albanians in
//! Serbia" are Serbian civilians of Albanian ethnicity, not Albania).
//!
//! The dictionary gives a people its nation's country ("Albanians" → `ALB`). That stays, except
//! where the text places the group inside another state:
//!
//! - a mention marked `ethnic` ("ethnic Albanians", "ethnic Albanian guerrillas") takes the
//!   country of a place on the mention itself ("in south Serbia", "of Kosovo"), else of a
//!   locative place in its clause or sentence (the `place` rule of [`crate::country`]);
//! - a people of its own name followed by `of` + a place of another state ("the Albanians of
//!   southern Serbia") takes that place's country: the inhabitants of a place.
//!
//! Without such a place the mention keeps its nation's country: "ethnic Albanians said" stays
//! `ALB`. Runs in the `actor-countries` stage, after places are geocoded.

use crate::country::{country_after_preposition, country_in_context};
use dyad_doc::{CountryFrom, Doc};

/// The word that marks an ethnic group.
const ETHNIC: &str = "ethnic";

/// Re-codes ethnic groups placed inside another state (see the module documentation).
pub fn relocate(doc: &mut Doc) {
    for i in 0..doc.entities.len() {
        let Some(a) = doc.entities[i].actor.as_ref() else {
            continue;
        };
        if a.country_from != Some(CountryFrom::Name) || doc.entities[i].kind == "PER" {
            continue;
        }
        let span = doc.entities[i].span;
        let marked = ethnic_marked(&doc.text, span.start, span.end);
        let people = a.sector.as_deref() == Some("CVL");
        let found = if marked {
            country_after_preposition(doc, span, &["in", "of", "from"])
                .map(|c| (c, CountryFrom::Modifier))
                .or_else(|| country_in_context(doc, span).map(|c| (c, CountryFrom::Place)))
        } else if people {
            country_after_preposition(doc, span, &["of"]).map(|c| (c, CountryFrom::Modifier))
        } else {
            None
        };
        let Some((country, from)) = found else {
            continue;
        };
        let Some(a) = doc.entities[i].actor.as_mut() else {
            continue;
        };
        if a.country.as_deref() == Some(country.as_str()) {
            continue;
        }
        // The group is no longer the nation its name stood for.
        a.name = None;
        let old_code = std::mem::replace(
            &mut a.code,
            format!("{country}{}", a.sector.as_deref().unwrap_or("")),
        );
        a.country = Some(country);
        a.country_from = Some(from);
        let a = a.clone();
        // Its coreference cluster ("they", "the group") follows.
        if let Some(c) = doc.entities[i]
            .cluster
            .and_then(|c| doc.clusters.get_mut(c))
        {
            if c.actor.as_ref().is_some_and(|ca| ca.code == old_code) {
                c.actor = Some(a);
            }
        }
    }
}

/// Whether the mention at `start..end` of `text` starts with, or follows, the word "ethnic".
fn ethnic_marked(text: &str, start: usize, end: usize) -> bool {
    let own = text.get(start..end).unwrap_or("");
    let first = own.split_whitespace().next().unwrap_or("");
    if first.eq_ignore_ascii_case(ETHNIC) {
        return true;
    }
    let before = text.get(..start).unwrap_or("").trim_end();
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(k, c)| k + c.len_utf8());
    before[word_start..].eq_ignore_ascii_case(ETHNIC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_doc::{Actor, Entity, Place, Span};

    fn span_of(text: &str, word: &str) -> Span {
        let s = text.find(word).expect("word in text");
        Span::new(s, s + word.len())
    }

    fn doc(text: &str, people: &str, code: &str, sector: &str, places: &[(&str, &str)]) -> Doc {
        let mut d = Doc::new("t", text);
        d.sentences.push(dyad_doc::Sentence {
            span: Span::new(0, text.len()),
            tokens: 0..0,
            paragraph: 0,
        });
        d.entities = vec![Entity {
            span: span_of(text, people),
            kind: "NORP".into(),
            actor: Some(Actor {
                name: Some(code.into()),
                code: format!("{code}{sector}"),
                country: Some(code.into()),
                sector: Some(sector.into()),
                country_from: Some(CountryFrom::Name),
            }),
            cluster: None,
        }];
        d.places = places
            .iter()
            .map(|(w, c)| Place {
                span: span_of(text, w),
                name: w.to_string(),
                country: Some(c.to_string()),
                lat: 0.0,
                lon: 0.0,
                feature: "country".into(),
            })
            .collect();
        d
    }

    fn got(d: &Doc) -> (&str, Option<CountryFrom>) {
        let a = d.entities[0].actor.as_ref().unwrap();
        (a.code.as_str(), a.country_from)
    }

    #[test]
    fn an_ethnic_group_takes_the_state_it_lives_in() {
        let t = "Ethnic Ruritanians in northern Borduria blocked a road.";
        let mut d = doc(t, "Ruritanians", "RUR", "CVL", &[("Borduria", "BOR")]);
        relocate(&mut d);
        assert_eq!(got(&d), ("BORCVL", Some(CountryFrom::Modifier)));
        // From a place in the sentence, for an agent too.
        let t = "Some ethnic Ruritanian rebels fought troops in Borduria on Sunday.";
        let mut d = doc(t, "Ruritanian rebels", "RUR", "REB", &[("Borduria", "BOR")]);
        relocate(&mut d);
        assert_eq!(got(&d), ("BORREB", Some(CountryFrom::Place)));
    }

    #[test]
    fn the_people_of_a_place_are_its_inhabitants() {
        let t = "The Ruritanians of southern Borduria demanded autonomy.";
        let mut d = doc(t, "Ruritanians", "RUR", "CVL", &[("Borduria", "BOR")]);
        relocate(&mut d);
        assert_eq!(got(&d).0, "BORCVL");
    }

    #[test]
    fn text_around_the_mention_may_hold_any_characters() {
        // A multi-byte character right before the mention (a curly quote) must not break the
        // look for "ethnic".
        let t = "On \u{201c}Ruritanians\u{201d} \u{20ac}\u{20ac} in Borduria.";
        let mut d = doc(t, "Ruritanians", "RUR", "CVL", &[("Borduria", "BOR")]);
        relocate(&mut d);
        assert_eq!(got(&d).0, "RURCVL");
    }

    #[test]
    fn without_a_place_or_a_marker_the_nation_stays() {
        // No place: the nation's country.
        let t = "Ethnic Ruritanians said they would vote.";
        let mut d = doc(t, "Ruritanians", "RUR", "CVL", &[]);
        relocate(&mut d);
        assert_eq!(got(&d), ("RURCVL", Some(CountryFrom::Name)));
        // Not marked, and the place is not "of" the people: nationals abroad stay.
        let t = "Ruritanians in Borduria were evacuated.";
        let mut d = doc(t, "Ruritanians", "RUR", "CVL", &[("Borduria", "BOR")]);
        relocate(&mut d);
        assert_eq!(got(&d).0, "RURCVL");
    }
}
