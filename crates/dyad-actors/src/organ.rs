//! Organs named by their own name: "the Department of Education", "the Alabama Court of Criminal
//! Appeals", "Metropolitan Police Bureau", "Senate Committee on Trade and Investment".
//!
//! The NER stage finds such names as `ORG` entities, but no dictionary line covers them, so they
//! were no actors and their acts were lost. A named organisation whose words include a state organ
//! noun of `agents.txt` (a ministry, department, court, police, senate, commission, …: an agent of
//! a state sector) is that organ: it takes the sector of the first such noun (the branch: a
//! "Senate committee" is legislative, a "Police Bureau" police) and, when a country name or
//! adjective stands inside the name or right before it ("Nigerian Senate Committee", "the German
//! Federal Foreign Office", "China's State Council"), that country. Its country is otherwise found
//! later from the context, as for "police" or "officials" (`country::infer`). Names whose words are
//! not state organs ("Action Against Hunger", "Yale") stay as they are, and so do facilities named
//! after an organ ("MacDill Air Force Base", "Police Headquarters"): a place, not an actor.
//!
//! A named organisation that no dictionary line covers and whose name ends in "Party" ("the
//! Workers' Party", "the Congressional Democratic Party") is a political party (`PTY`): the word
//! says what kind of body it is, whatever its name. Its country comes the same way.

use crate::dict::{Dictionary, EntryKind};
use crate::matcher::Hit;
use crate::resolve::Mention;
use dyad_doc::{Actor, CountryFrom, Doc};

/// Sectors of state organs: an organisation named after one of these nouns is that organ.
const ORGAN_SECTORS: &[&str] = &["GOV", "LEG", "JUD", "COP", "MIL", "SPY"];

/// Last words of an organisation's own name that say what kind of body it is, with that sector.
const KIND_WORDS: &[(&str, &str)] = &[("party", "PTY")];

/// Last words that make a name a facility or a place rather than the organ itself.
const FACILITIES: &[&str] = &[
    "base",
    "airbase",
    "airport",
    "station",
    "prison",
    "jail",
    "hospital",
    "school",
    "academy",
    "college",
    "university",
    "museum",
    "stadium",
    "building",
    "headquarters",
    "compound",
    "camp",
    "square",
    "street",
    "road",
    "bridge",
];

/// Gives an actor to every `ORG` entity without one whose name holds a state organ noun (see the
/// module documentation). `metas` is parallel to `doc.entities`; `hits` are the dictionary hits
/// of the whole text, sorted by start.
pub(crate) fn name_organs(dict: &Dictionary, doc: &mut Doc, hits: &[Hit], metas: &mut [Mention]) {
    for (e, meta) in doc.entities.iter_mut().zip(metas.iter_mut()) {
        if e.kind != "ORG" || e.actor.is_some() {
            continue;
        }
        let name = &doc.text[e.span.start..e.span.end];
        let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
        if FACILITIES.contains(&last.as_str()) {
            continue;
        }
        let from = hits.partition_point(|h| h.span.start < e.span.start);
        let inside = hits[from..]
            .iter()
            .take_while(|h| h.span.start < e.span.end)
            .filter(|h| e.span.contains(h.span));
        let mut sector = None;
        let mut country = None;
        for h in inside {
            let entry = &dict.entries[h.entry];
            match &entry.kind {
                // A title ("General Motors", "President's Cup") names a person, not an organ.
                EntryKind::Agent {
                    sector: s,
                    role: None,
                    ..
                } if sector.is_none() && ORGAN_SECTORS.contains(&s.as_str()) => {
                    sector = Some(s.clone());
                }
                EntryKind::CountryName | EntryKind::CountryAdjective if country.is_none() => {
                    country = Some(entry.code.clone());
                }
                _ => {}
            }
        }
        if sector.is_none() && name.contains(' ') {
            sector = KIND_WORDS
                .iter()
                .find(|(w, _)| *w == last)
                .map(|(_, s)| s.to_string());
        }
        let Some(sector) = sector else { continue };
        // "the German Federal Foreign Office", "China's State Council": the country just before.
        if country.is_none() && from > 0 {
            let h = &hits[from - 1];
            let gap = doc.text.get(h.span.end..e.span.start).unwrap_or("x");
            let joined = matches!(gap.trim(), "" | "'s" | "’s" | "'" | "’");
            let kind = &dict.entries[h.entry].kind;
            if joined && matches!(kind, EntryKind::CountryName | EntryKind::CountryAdjective) {
                country = Some(dict.entries[h.entry].code.clone());
            }
        }
        let actor = Actor {
            name: Some(name.to_string()),
            code: format!("{}{sector}", country.as_deref().unwrap_or("")),
            country_from: country.is_some().then_some(CountryFrom::Modifier),
            country,
            sector: Some(sector),
        };
        e.actor = Some(actor.clone());
        meta.actor = Some(actor);
    }
}
