//! Places that act: a city or region used as an argument of the sentence stands for its country
//! ("Tel Aviv accused …", "talks with Kabul", "rockets fired on Sderot"), as CAMEO codes capitals
//! and other places by the country they belong to.
//!
//! A geocoded place (not a country: those are actor names already) becomes an actor entity with
//! its country (`country_from: name`) when no entity with an actor covers it and it is not a
//! location: not introduced by a locative or directional preposition ("in Lagos", "to Geneva",
//! "of Hebron") and, with a parse, not a modifier ("Lagos police", "Gaza's mayor", "the Jericho
//! talks").

use crate::country::{head_token, last_word, sentence_of, LOCATIVE};
use dyad_doc::{Actor, CountryFrom, Doc, Entity};

/// Prepositions that make a place a location, origin or destination rather than an actor (with
/// the locative ones of [`LOCATIVE`]).
const NOT_ACTOR_AFTER: &[&str] = &[
    "of", "from", "to", "into", "toward", "towards", "via", "through", "between", "for", "on",
    "over", "by", "under", "along", "beyond", "past", "off",
];

/// Dependency relations of a place's head token under which the place is an argument.
const ARGUMENT_RELS: &[&str] = &[
    "nsubj",
    "nsubj:pass",
    "obj",
    "iobj",
    "root",
    "conj",
    "appos",
];

/// Adds actor entities for the places of `doc` that act (see the module documentation).
pub fn add_place_actors(doc: &mut Doc) {
    let mut added: Vec<Entity> = Vec::new();
    let mut set_actor: Vec<(usize, Actor)> = Vec::new();
    let mut k = 0; // entities before the current place (both lists are sorted by start)
    for place in &doc.places {
        let Some(country) = &place.country else {
            continue;
        };
        if place.feature == "country" {
            continue;
        }
        while k < doc.entities.len() && doc.entities[k].span.end <= place.span.start {
            k += 1;
        }
        // NER's reading wins: a person, organisation or other name on the place ("Hamburg" the
        // club, "Ashford" the defendant) is no place actor, nor is a span that has an actor.
        let overlapping: Vec<usize> = (k..doc.entities.len())
            .take_while(|&i| doc.entities[i].span.start < place.span.end)
            .filter(|&i| doc.entities[i].span.overlaps(place.span))
            .collect();
        let taken = overlapping.iter().any(|&i| {
            let e = &doc.entities[i];
            e.actor.is_some() || !matches!(e.kind.as_str(), "LOC" | "GPE")
        });
        if taken || !acts(doc, place.span) {
            continue;
        }
        let actor = Actor {
            name: Some(place.name.clone()),
            code: country.clone(),
            country: Some(country.clone()),
            sector: None,
            country_from: Some(CountryFrom::Name),
        };
        // A LOC entity on exactly this span takes the actor (and keeps its cluster).
        if let Some(&i) = overlapping
            .iter()
            .find(|&&i| doc.entities[i].span == place.span)
        {
            set_actor.push((i, actor));
            continue;
        }
        if !overlapping.is_empty() {
            continue; // a longer or crossing LOC entity: its own reading stands
        }
        added.push(Entity {
            span: place.span,
            kind: "LOC".into(),
            actor: Some(actor),
            cluster: None,
        });
    }
    for (i, actor) in set_actor {
        doc.entities[i].actor = Some(actor);
    }
    if added.is_empty() {
        return;
    }
    doc.entities.extend(added);
    doc.entities.sort_by_key(|e| (e.span.start, e.span.end));
}

/// Words that may stand between a locative preposition and the place ("in central Baghdad").
const AREA_WORDS: &[&str] = &[
    "central", "northern", "southern", "eastern", "western", "downtown", "greater", "north",
    "south", "east", "west", "the",
];

/// A seat of government named as a location is the place, not the government: "a curfew in
/// Abidjan", "clashes in central Baghdad" concern the people there (CVL), while "Abidjan said"
/// stays GOV. Applies to geocoded places (cities, not "the Kremlin") whose actor was coded as the
/// government by the country dictionary's metonyms.
pub fn locate_capitals(doc: &mut Doc) {
    let mut k = 0;
    for place in &doc.places {
        if place.feature == "country" {
            continue;
        }
        while k < doc.entities.len() && doc.entities[k].span.start < place.span.start {
            k += 1;
        }
        let Some(e) = doc.entities[k..]
            .iter_mut()
            .take_while(|e| e.span.start == place.span.start)
            .find(|e| e.span == place.span)
        else {
            continue;
        };
        let Some(actor) = e.actor.as_mut() else {
            continue;
        };
        if actor.sector.as_deref() != Some("GOV") || actor.country.is_none() {
            continue;
        }
        let mut before = doc.text[..place.span.start].trim_end();
        while AREA_WORDS.contains(&last_word(before).as_str()) {
            let w = last_word(before).len();
            before = before[..before.len() - w].trim_end();
        }
        if LOCATIVE.contains(&last_word(before).as_str()) {
            actor.sector = Some("CVL".into());
            actor.code = format!("{}CVL", actor.country.as_deref().unwrap_or_default());
        }
    }
}

/// Whether the place at `span` is an argument rather than a location or a modifier.
fn acts(doc: &Doc, span: dyad_doc::Span) -> bool {
    let mut before = doc.text[..span.start].trim_end();
    if last_word(before) == "the" {
        before = before[..before.len() - 3].trim_end();
    }
    let prep = last_word(before);
    if LOCATIVE.contains(&prep.as_str()) || NOT_ACTOR_AFTER.contains(&prep.as_str()) {
        return false;
    }
    // A possessive or a noun right after makes the place a modifier ("Gaza's mayor").
    let after = &doc.text[span.end..];
    if after.starts_with("'s") || after.starts_with("\u{2019}s") || after.starts_with('-') {
        return false;
    }
    let Some(s) = sentence_of(doc, span.start) else {
        return false;
    };
    match head_token(doc, s, span) {
        Some(t) if !doc.tokens[t].deprel.is_empty() => {
            ARGUMENT_RELS.contains(&doc.tokens[t].deprel.as_str())
        }
        // Without a parse, a place is taken for an actor only at the start of a sentence, when a
        // lower-case word follows ("Kabul rejected …").
        _ => {
            let first = doc.sentences[s].span.start;
            let next_lower = after.trim_start().starts_with(|c: char| c.is_lowercase());
            doc.text[first..span.start].trim().is_empty() && next_lower
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_doc::{Place, Sentence, Span, Token};

    /// A parsed one-sentence doc: `words` with (head, deprel), and `place` geocoded to `country`.
    fn doc(
        words: &[(&str, Option<usize>, &str)],
        place: &str,
        country: &str,
        feature: &str,
    ) -> Doc {
        let text = words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
        let mut d = Doc::new("t", &text);
        let mut at = 0;
        for (w, head, rel) in words {
            d.tokens.push(Token {
                span: Span::new(at, at + w.len()),
                head: *head,
                deprel: (*rel).into(),
                ..Token::default()
            });
            at += w.len() + 1;
        }
        d.sentences.push(Sentence {
            span: Span::new(0, text.len()),
            tokens: 0..words.len(),
            paragraph: 0,
        });
        let start = text.find(place).unwrap();
        d.places.push(Place {
            span: Span::new(start, start + place.len()),
            name: place.to_string(),
            country: Some(country.to_string()),
            lat: 0.0,
            lon: 0.0,
            feature: feature.to_string(),
        });
        d
    }

    #[test]
    fn a_city_as_subject_acts_for_its_country() {
        let mut d = doc(
            &[
                ("Kabul", Some(1), "nsubj"),
                ("rejected", None, "root"),
                ("it", Some(1), "obj"),
            ],
            "Kabul",
            "AFG",
            "city",
        );
        add_place_actors(&mut d);
        let a = d.entities[0].actor.as_ref().unwrap();
        assert_eq!(
            (a.code.as_str(), a.country_from),
            ("AFG", Some(CountryFrom::Name))
        );
    }

    #[test]
    fn locations_modifiers_and_countries_do_not_act() {
        let located = [
            ("talks", Some(1), "nsubj"),
            ("began", None, "root"),
            ("in", Some(3), "case"),
            ("Geneva", Some(1), "obl"),
        ];
        let mut d = doc(&located, "Geneva", "CHE", "city");
        add_place_actors(&mut d);
        assert!(d.entities.is_empty(), "after a locative preposition");

        let modifier = [
            ("Lagos", Some(1), "compound"),
            ("police", Some(2), "nsubj"),
            ("left", None, "root"),
        ];
        let mut d = doc(&modifier, "Lagos", "NGA", "city");
        add_place_actors(&mut d);
        assert!(d.entities.is_empty(), "a compound modifier");

        let country = [("Chad", Some(1), "nsubj"), ("agreed", None, "root")];
        let mut d = doc(&country, "Chad", "TCD", "country");
        add_place_actors(&mut d);
        assert!(
            d.entities.is_empty(),
            "countries are dictionary actors already"
        );
    }

    #[test]
    fn an_entity_with_an_actor_keeps_the_span() {
        let words = [("Gaza", Some(1), "nsubj"), ("said", None, "root")];
        let mut d = doc(&words, "Gaza", "PSE", "region");
        d.entities.push(Entity {
            span: Span::new(0, 4),
            kind: "ORG".into(),
            actor: Some(Actor {
                code: "PSEGOV".into(),
                ..Actor::default()
            }),
            cluster: None,
        });
        add_place_actors(&mut d);
        assert_eq!(d.entities.len(), 1);
        assert_eq!(d.entities[0].actor.as_ref().unwrap().code, "PSEGOV");
    }

    /// `doc` with the place's span carrying a government actor, as the country dictionary's
    /// metonyms code a capital.
    fn with_capital_actor(words: &[(&str, Option<usize>, &str)], place: &str) -> Doc {
        let mut d = doc(words, place, "CIV", "city");
        let span = d.places[0].span;
        d.entities.push(Entity {
            span,
            kind: "GPE".into(),
            actor: Some(Actor {
                code: "CIVGOV".into(),
                country: Some("CIV".into()),
                sector: Some("GOV".into()),
                ..Actor::default()
            }),
            cluster: None,
        });
        d
    }

    #[test]
    fn a_capital_named_as_a_location_is_its_people() {
        for words in [
            &[
                ("curfew", None, "root"),
                ("in", Some(2), "case"),
                ("Abidjan", Some(0), "nmod"),
            ][..],
            &[
                ("clashes", None, "root"),
                ("in", Some(3), "case"),
                ("central", Some(3), "amod"),
                ("Abidjan", Some(0), "nmod"),
            ][..],
        ] {
            let mut d = with_capital_actor(words, "Abidjan");
            locate_capitals(&mut d);
            let a = d.entities[0].actor.as_ref().unwrap();
            assert_eq!(
                (a.code.as_str(), a.sector.as_deref()),
                ("CIVCVL", Some("CVL"))
            );
        }
    }

    #[test]
    fn a_capital_that_acts_stays_the_government() {
        let words = [("Abidjan", Some(1), "nsubj"), ("refused", None, "root")];
        let mut d = with_capital_actor(&words, "Abidjan");
        locate_capitals(&mut d);
        assert_eq!(d.entities[0].actor.as_ref().unwrap().code, "CIVGOV");
        // "from Abidjan" is an origin, not the people of the place.
        let words = [
            ("envoy", None, "root"),
            ("from", Some(2), "case"),
            ("Abidjan", Some(0), "nmod"),
        ];
        let mut d = with_capital_actor(&words, "Abidjan");
        locate_capitals(&mut d);
        assert_eq!(d.entities[0].actor.as_ref().unwrap().code, "CIVGOV");
    }
}
