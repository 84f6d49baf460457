//! Countries for actors that have a sector but no country of their own ("Police arrested …",
//! "an official said", "General Ali Hassan").
//!
//! Runs as its own stage (`actor-countries`) after places are geocoded, so a city gives its
//! country. The evidence is tried in a fixed order and the first that answers wins; the answer is
//! recorded in `Actor::country_from`:
//!
//! 1. `modifier`: a place or country phrase on the mention itself: right after it, introduced by
//!    `in`, `of`, `from` or `at` ("police in Lagos", "troops from Chad"), or right before it
//!    ("Lagos police", "Lagos's police").
//! 2. `place`: a place introduced by a locative preposition (`in`, `at`, `near`, …) in the same
//!    clause (the parse's clause head; the nearest such place), else in the same sentence when all
//!    such places there agree on one country. A place after `to`, `into`, `on`, `against` or as an
//!    object is a destination or a target and says nothing about who acts. Last, the one country
//!    the sentence names: when every place and state-coded actor of the sentence (not peoples
//!    such as "three Americans", no news outlet ("told Reuters"), nothing after `to`, `into`,
//!    `on`, `against`) agrees on one
//!    ("Egyptian police dispersed demonstrators": the demonstrators are Egyptian).
//! 3. `dateline`: the place of the article's dateline ("LAGOS (Reuters) -", "Lagos, Nigeria —").
//! 4. `document`: the country that clearly dominates the article: at least [`MIN_DOMINANT`]
//!    mentions among its places and name-coded actors, at least half of all such mentions, and at
//!    least twice the runner-up.
//!
//! Nothing else is guessed: when no rule answers, the country stays `None` and the actor keeps
//! its sector alone. All mentions of one coreference cluster take the strongest evidence any of
//! them has (in the order above; the first mention on a tie), so a referent carries one code.

use dyad_doc::{Actor, CountryFrom, Doc, Place, Span, SpanIndex, Stage, StageError};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// Fewest mentions of one country for it to count as the document's country.
pub const MIN_DOMINANT: usize = 3;

/// Prepositions that tie a place to the phrase before them ("police in Lagos").
const OWN_PREPOSITIONS: &[&str] = &["in", "of", "from", "at"];

/// Prepositions that put an event somewhere (as opposed to `to`, `into`, `on`, `against`).
pub(crate) const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "throughout",
    "around",
    "outside",
    "inside",
    "within",
];

/// Dependency relations that start a new clause.
const CLAUSE_RELS: &[&str] = &[
    "root",
    "ccomp",
    "advcl",
    "acl",
    "acl:relcl",
    "parataxis",
    "csubj",
    "xcomp",
];

/// The `actor-countries` stage: see the module documentation.
#[derive(Debug, Default, Clone, Copy)]
pub struct CountryStage;

impl Stage for CountryStage {
    fn name(&self) -> &'static str {
        "actor-countries"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), StageError> {
        infer(doc);
        crate::ethnic::relocate(doc);
        crate::place_actor::add_place_actors(doc);
        crate::place_actor::locate_capitals(doc);
        Ok(())
    }
}

/// Fills in the country of every entity actor that has a sector but no country, when the context
/// supports one (see the module documentation for the order of evidence).
pub fn infer(doc: &mut Doc) {
    let needs: Vec<usize> = (0..doc.entities.len())
        .filter(|&i| doc.entities[i].actor.as_ref().is_some_and(needs_country))
        .collect();
    if needs.is_empty() {
        return;
    }
    let dateline = dateline_country(doc);
    let dominant = dominant_country(doc);
    // A mention outside quotation marks takes no country from a place inside them (the
    // speaker's own words: "“We will work with the U.S. side,” spokesman Wu said").
    let quoted = crate::coref::quoted(&doc.text);
    let quotes = SpanIndex::new(quoted.iter().copied());
    // One country per referent (issue 19). Mentions are decided in text order, each by its own
    // evidence or, once its cluster has a country, by the cluster's first (the evidence of a
    // later mention can rest on the countries set before it). Then every mention of a cluster
    // takes the strongest evidence any of its mentions had (see [`evidence_rank`]; the first on
    // a tie), so "Peter Mwangi" … "Mwangi said" … "the Kenyan official Mwangi" carry one code,
    // and the mentions before the first one with evidence get it too (for a group, only from a
    // modifier). A modifier the resolver already read ("Turkish General X") counts as a
    // mention's evidence.
    let mut first_found: BTreeMap<usize, (String, CountryFrom)> = BTreeMap::new();
    let mut best: BTreeMap<usize, (u8, usize, String, CountryFrom)> = BTreeMap::new();
    let mut offer = |c: usize, at: usize, country: &str, from: CountryFrom, rank: u8| {
        if best
            .get(&c)
            .is_none_or(|(r, a, _, _)| (rank, at) < (*r, *a))
        {
            best.insert(c, (rank, at, country.to_string(), from));
        }
    };
    for e in &doc.entities {
        if let (Some(c), Some(a)) = (e.cluster, &e.actor) {
            if let (Some(country), Some(CountryFrom::Modifier)) = (&a.country, a.country_from) {
                // Not after a comma: "a South Korean businessman, Duterte suspended …" is no
                // title of the name.
                let after_comma = doc.text[..e.span.start].trim_end().ends_with(',');
                if e.kind == "PER" && is_state(a) && !after_comma {
                    let rank = evidence_rank(CountryFrom::Modifier, true, true);
                    offer(c, e.span.start, country, CountryFrom::Modifier, rank);
                }
            }
        }
    }
    for &i in &needs {
        let span = doc.entities[i].span;
        let cluster = doc.entities[i].cluster;
        let exclude: Vec<Span> = if quotes.any_contains(span) {
            Vec::new()
        } else {
            quoted_in_sentence(doc, span, &quoted)
        };
        let own = first_evidence(doc, span, &exclude, dateline.as_ref(), dominant.as_ref());
        if let (Some(c), Some((country, from))) = (cluster, &own) {
            let rank = evidence_rank(*from, doc.entities[i].kind == "PER", false);
            offer(c, span.start, country, *from, rank);
        }
        let found = cluster.and_then(|c| first_found.get(&c).cloned()).or(own);
        if let (Some((country, from)), Some(actor)) = (found, doc.entities[i].actor.as_mut()) {
            if let Some(c) = cluster {
                first_found.entry(c).or_insert((country.clone(), from));
            }
            set_country(actor, country, from);
        }
    }
    for &i in &needs {
        let Some((rank, _, country, from)) = doc.entities[i].cluster.and_then(|c| best.get(&c))
        else {
            continue;
        };
        // A group's mentions ("the government" … "the government delegation") take only a
        // modifier's country from each other; a person's take any.
        if *rank > 0 && doc.entities[i].kind != "PER" {
            continue;
        }
        if let Some(actor) = doc.entities[i].actor.as_mut() {
            set_country(actor, country.clone(), *from);
        }
    }
    // Clusters follow their first mention that has a country now (one pass over the entities).
    let mut first: BTreeMap<usize, Actor> = BTreeMap::new();
    for e in &doc.entities {
        if let (Some(c), Some(a)) = (e.cluster, &e.actor) {
            if a.country.is_some() && !first.contains_key(&c) {
                let same_sector = doc
                    .clusters
                    .get(c)
                    .and_then(|cl| cl.actor.as_ref())
                    .is_some_and(|ca| needs_country(ca) && ca.sector == a.sector);
                if same_sector {
                    first.insert(c, a.clone());
                }
            }
        }
    }
    for (ci, a) in first {
        let c = &mut doc.clusters[ci];
        let name = c.actor.as_ref().and_then(|x| x.name.clone());
        c.actor = Some(Actor { name, ..a });
    }
}

/// The quoted stretches (sorted by start) overlapping the sentence of `span`.
fn quoted_in_sentence(doc: &Doc, span: Span, quoted: &[Span]) -> Vec<Span> {
    let Some(s) = sentence_of(doc, span.start) else {
        return Vec::new();
    };
    let sent = doc.sentences[s].span;
    let k = quoted.partition_point(|q| q.end <= sent.start);
    quoted[k..]
        .iter()
        .take_while(|q| q.start < sent.end)
        .copied()
        .collect()
}

/// The country of a mention at `span` that has none of its own, by the evidence of [`infer`]
/// (modifier, place, dateline, document, first that answers), with where it came from. Used for
/// mentions outside `doc.entities` (role speakers of quotes, `crate::speaker_role`). Places inside
/// `exclude` are not evidence (a speaker's country is not read off the content of the quote:
/// "THAAD in South Korea is a threat, the ambassador says").
pub fn country_for(doc: &Doc, span: Span, exclude: Option<Span>) -> Option<(String, CountryFrom)> {
    first_evidence(
        doc,
        span,
        exclude.as_slice(),
        dateline_country(doc).as_ref(),
        dominant_country(doc).as_ref(),
    )
}

/// The rules in order, with the document-wide answers (dateline, dominant country) computed by
/// the caller once per document.
fn first_evidence(
    doc: &Doc,
    span: Span,
    exclude: &[Span],
    dateline: Option<&String>,
    dominant: Option<&String>,
) -> Option<(String, CountryFrom)> {
    own_phrase(doc, span)
        .map(|c| (c, CountryFrom::Modifier))
        .or_else(|| context_place(doc, span, exclude).map(|c| (c, CountryFrom::Place)))
        .or_else(|| sentence_country(doc, span, exclude).map(|c| (c, CountryFrom::Place)))
        .or_else(|| dateline.map(|c| (c.clone(), CountryFrom::Dateline)))
        .or_else(|| dominant.map(|c| (c.clone(), CountryFrom::Document)))
}

/// Places (sorted by start) that start inside `[from, to)`.
fn places_in(doc: &Doc, from: usize, to: usize) -> &[Place] {
    let a = doc.places.partition_point(|p| p.span.start < from);
    let b = doc.places.partition_point(|p| p.span.start < to);
    &doc.places[a..b.max(a)]
}

/// How strong a kind of country evidence is (lower is stronger), for choosing one country per
/// coreference cluster in [`infer`]. For a person the order of the rules holds; mentions of a
/// group or body ("the government", "police") cluster more loosely, so there only a modifier on
/// one of them beats the first mention's evidence.
///
/// A person's country read by rule 1 off a phrase after the name ("Duterte in Lima") is where
/// the person is, not whose the person is: it ranks with a place, below a modifier the resolver
/// read before the name ("Philippine President Duterte", `resolved`).
fn evidence_rank(from: CountryFrom, person: bool, resolved: bool) -> u8 {
    match from {
        CountryFrom::Name => 0,
        CountryFrom::Modifier if resolved || !person => 0,
        _ if !person => 1,
        CountryFrom::Modifier | CountryFrom::Place => 1,
        CountryFrom::Dateline => 2,
        CountryFrom::Document => 3,
    }
}

fn needs_country(a: &Actor) -> bool {
    a.country.is_none() && a.sector.is_some()
}

fn set_country(actor: &mut Actor, country: String, from: CountryFrom) {
    actor.code = format!("{country}{}", actor.sector.as_deref().unwrap_or(""));
    actor.country = Some(country);
    actor.country_from = Some(from);
}

/// The word that ends `text` (letters only), lower-cased.
pub(crate) fn last_word(text: &str) -> String {
    let t = text.trim_end();
    let start = t
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(k, c)| k + c.len_utf8());
    t[start..].to_lowercase()
}

/// A country named by a place or a name-coded entity starting exactly at byte `at`.
fn country_at(doc: &Doc, at: usize) -> Option<String> {
    places_in(doc, at, at + 1)
        .first()
        .and_then(|p| p.country.clone())
        .or_else(|| {
            let k = doc.entities.partition_point(|e| e.span.start < at);
            doc.entities[k..]
                .iter()
                .take_while(|e| e.span.start == at)
                .find_map(|e| e.actor.as_ref())
                .filter(|a| a.country_from == Some(CountryFrom::Name) && is_state(a))
                .and_then(|a| a.country.clone())
        })
}

/// Whether the actor's country is a state: three capitals that are not only the code of an
/// organisation or a region. An organisation's own code (`AMN`, `ICC`, `WHO`) stands in `country`
/// too, but says nothing about where a nearby role comes from ("Amnesty said" gives the officials
/// of the sentence no country).
pub(crate) fn is_state(a: &Actor) -> bool {
    a.country.as_deref().is_some_and(|c| {
        c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) && !is_non_state_code(c)
    })
}

/// Codes of organisations and regions (first field of `data/actors/orgs.txt`, its generated twin
/// and `regions.txt`) that are not also a state's code in `countries.txt`, read once.
fn is_non_state_code(code: &str) -> bool {
    static NON_STATES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    fn codes(file: &'static str) -> impl Iterator<Item = &'static str> {
        file.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('|').next())
            .map(str::trim)
    }
    NON_STATES
        .get_or_init(|| {
            let states: HashSet<&str> =
                codes(include_str!("../../../data/actors/countries.txt")).collect();
            codes(include_str!("../../../data/actors/orgs.txt"))
                .chain(codes(include_str!(
                    "../../../data/actors/generated/orgs.txt"
                )))
                .chain(codes(include_str!("../../../data/actors/regions.txt")))
                .filter(|c| !states.contains(c))
                .collect()
        })
        .contains(code)
}

/// Words of direction that may stand between a preposition and its place ("in southern Lagos").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
];

/// The country of a place (or a state named by its name) right after the mention at `span`,
/// introduced by one of `preps` ("police in Lagos", "the army of Mali", "Albanians of southern
/// Serbia"): the preposition, an optional "the" and an optional word of direction, then the place.
pub(crate) fn country_after_preposition(doc: &Doc, span: Span, preps: &[&str]) -> Option<String> {
    let text = &doc.text;
    let rest = &text[span.end..];
    let trimmed = rest.trim_start_matches(' ');
    let word_len = trimmed
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(trimmed.len());
    let word = trimmed[..word_len].to_lowercase();
    if trimmed.len() == rest.len() || !preps.contains(&word.as_str()) {
        return None;
    }
    let mut p = span.end + (rest.len() - trimmed.len()) + word_len;
    let after = &text[p..];
    let t = after.trim_start_matches(' ');
    p += after.len() - t.len();
    if t.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("the ")) && t.len() > 4 {
        p += 4;
    }
    if let Some(c) = country_at(doc, p) {
        return Some(c);
    }
    // "in southern Lagos": past one word of direction.
    let t = &text[p..];
    let w_len = t
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .unwrap_or(t.len());
    let lower = t[..w_len].to_lowercase();
    if DIRECTIONS.contains(&lower.as_str()) && t[w_len..].starts_with(' ') {
        return country_at(doc, p + w_len + 1);
    }
    None
}

/// The country of a locative place in the clause, else the sentence, of the mention at `span`
/// (rule 2 of [`infer`]).
pub(crate) fn country_in_context(doc: &Doc, span: Span) -> Option<String> {
    context_place(doc, span, &[])
}

/// Rule 1: "police in Lagos", "the army of Mali", "Lagos police".
fn own_phrase(doc: &Doc, span: Span) -> Option<String> {
    let text = &doc.text;
    // After: preposition, optional "the", then the place.
    if let Some(c) = country_after_preposition(doc, span, OWN_PREPOSITIONS) {
        return Some(c);
    }
    // Before: "Lagos police", "Lagos's police", "the Bush administration" (a person with a
    // country), "Chile's new government" (a state actor's possessive).
    let before = &text[..span.start];
    let k = doc.entities.partition_point(|e| e.span.start < span.start);
    let prev = doc.entities[..k]
        .iter()
        .rev()
        .take(3)
        .find(|e| e.span.end <= span.start);
    if let Some(a) = prev.and_then(|e| {
        let gap = &text[e.span.end..span.start];
        let a = e.actor.as_ref()?;
        // A named person or organisation right before the noun ("the Bush administration",
        // whatever kind NER gave the name); not a people ("Kurd fighters").
        let person = (e.kind == "PER" || a.name.is_some())
            && a.country_from == Some(CountryFrom::Name)
            && a.sector.as_deref() != Some("CVL");
        let state = is_state(a) && a.country_from.is_some();
        let possessive = gap.starts_with("'s ") || gap.starts_with("\u{2019}s ");
        let short = gap.len() <= 12 && !gap.contains(['\n', ',', '.', ';']);
        ((person && gap == " ") || (state && possessive && short)).then_some(a)
    }) {
        if let Some(c) = a.country.clone().filter(|_| is_state(a)) {
            return Some(c);
        }
    }
    let glue = ["", " ", "'s ", "\u{2019}s ", "' "];
    // The place must end within a few bytes before the mention.
    places_in(doc, span.start.saturating_sub(64), span.start)
        .iter()
        .rev()
        .find_map(|pl| {
            let gap = before.get(pl.span.end..)?;
            (pl.span.end <= span.start && glue.contains(&gap))
                .then(|| pl.country.clone())
                .flatten()
        })
}

/// The sentence holding byte `at`.
pub(crate) fn sentence_of(doc: &Doc, at: usize) -> Option<usize> {
    let k = doc.sentences.partition_point(|s| s.span.end <= at);
    (k < doc.sentences.len() && doc.sentences[k].span.start <= at).then_some(k)
}

/// The head token of the tokens inside `span`: the first one whose head lies outside it.
pub(crate) fn head_token(doc: &Doc, sentence: usize, span: Span) -> Option<usize> {
    let range = doc.sentences[sentence].tokens.clone();
    let inside: Vec<usize> = range
        .filter(|&t| span.contains(doc.tokens[t].span))
        .collect();
    inside
        .iter()
        .copied()
        .find(|&t| doc.tokens[t].head.is_none_or(|h| !inside.contains(&h)))
}

/// The token that heads the clause of token `t` (None without a parse).
fn clause_head(doc: &Doc, mut t: usize) -> Option<usize> {
    if doc.tokens[t].deprel.is_empty() {
        return None;
    }
    for _ in 0..64 {
        let tok = &doc.tokens[t];
        let rel = tok.deprel.as_str();
        let verb_conj = rel == "conj" && matches!(tok.upos.as_str(), "VERB" | "AUX");
        if CLAUSE_RELS.contains(&rel) || verb_conj {
            return Some(t);
        }
        t = tok.head?;
    }
    None
}

/// A place introduced by a locative preposition ("in Ahmedabad", "near the town of X").
fn is_locative(doc: &Doc, place: &Place) -> bool {
    let mut before = doc.text[..place.span.start].trim_end();
    let mut w = last_word(before);
    // Back over a word of direction and an article ("in the southern Lagos", "in eastern Chad").
    for skip in [DIRECTIONS, &["the"]] {
        if skip.contains(&w.as_str()) {
            // (`w` is ASCII here; `get` keeps an odd case mapping from panicking.)
            before = before
                .get(..before.len().saturating_sub(w.len()))
                .unwrap_or("")
                .trim_end();
            w = last_word(before);
        }
    }
    LOCATIVE.contains(&w.as_str())
}

/// Rule 2: a locative place in the same clause, else in the same sentence (places inside `exclude`
/// left out).
fn context_place(doc: &Doc, span: Span, exclude: &[Span]) -> Option<String> {
    let s = sentence_of(doc, span.start)?;
    let sent = doc.sentences[s].span;
    let places: Vec<&Place> = places_in(doc, sent.start, sent.end)
        .iter()
        .filter(|p| sent.contains(p.span) && p.country.is_some() && is_locative(doc, p))
        .filter(|p| !exclude.iter().any(|x| x.overlaps(p.span)))
        .collect();
    if places.is_empty() {
        return None;
    }
    let clause = head_token(doc, s, span).and_then(|t| clause_head(doc, t));
    if let Some(ch) = clause {
        let nearest = places
            .iter()
            .filter(|p| head_token(doc, s, p.span).and_then(|t| clause_head(doc, t)) == Some(ch))
            .min_by_key(|p| p.span.start.abs_diff(span.start));
        if let Some(p) = nearest {
            return p.country.clone();
        }
    }
    let first = places[0].country.clone();
    places
        .iter()
        .all(|p| p.country == first)
        .then_some(first)
        .flatten()
}

/// Prepositions after which a place or state is where an act goes or whom it is aimed at, not
/// where the actor is ("fired rockets into Israel", "arms sales to Ecuador").
const DESTINATION: &[&str] = &["to", "into", "on", "onto", "against", "toward", "towards"];

/// Prepositions after which an actor is the other party of a joint act, not the actor's own
/// side ("met with Ambassador X", "talks with Russian officials").
const PARTNER: &[&str] = &["with"];

/// Whether the words at `at` in sentence `s` name the other party of a joint act: their phrase
/// (through modifiers, names and appositions: "with Ambassador Sergey Kislyak", "with any Russian
/// officials") is introduced by a preposition of partnership (`PARTNER`).
fn partner(doc: &Doc, s: usize, at: Span) -> bool {
    let Some(mut x) = head_token(doc, s, at) else {
        return false;
    };
    let range = doc.sentences[s].tokens.clone();
    for _ in 0..4 {
        let case = range.clone().any(|k| {
            doc.tokens[k].head == Some(x)
                && doc.tokens[k].deprel.as_str() == "case"
                && PARTNER.contains(&doc.tokens[k].lemma.to_lowercase().as_str())
        });
        if case {
            return true;
        }
        if !matches!(
            doc.tokens[x].deprel.as_str(),
            "amod" | "compound" | "flat" | "appos" | "nmod:poss" | "nmod:desc"
        ) {
            return false;
        }
        match doc.tokens[x].head {
            Some(p) => x = p,
            None => return false,
        }
    }
    false
}

/// Rule 2, last: the one country the sentence names ("Egyptian police opened fire to disperse
/// demonstrators" → the demonstrators are Egyptian; "Cairo's security chief warned that police
/// ..."): every place and every state-coded actor of the sentence (outside the mention and
/// `exclude`) agrees on one country. Peoples ("three Americans") and places or states after a
/// preposition of destination ("into Israel") are no evidence: they are often the other party.
fn sentence_country(doc: &Doc, span: Span, exclude: &[Span]) -> Option<String> {
    let s = sentence_of(doc, span.start)?;
    let sent = doc.sentences[s].span;
    // The dateline is its own, weaker evidence (rule 3).
    let dateline = doc_dateline_zone(doc);
    let usable = |at: Span| {
        !at.overlaps(span)
            && !exclude.iter().any(|x| x.overlaps(at))
            && !dateline.is_some_and(|z| z.overlaps(at))
            && !DESTINATION.contains(&last_word(&doc.text[..at.start]).as_str())
            && !partner(doc, s, at)
    };
    let mut found: Option<String> = None;
    let mut agree = |c: &str| match &found {
        Some(f) => f == c,
        None => {
            found = Some(c.to_string());
            true
        }
    };
    for p in places_in(doc, sent.start, sent.end) {
        if let Some(c) = p.country.as_deref().filter(|_| usable(p.span)) {
            if !agree(c) {
                return None;
            }
        }
    }
    let k = doc.entities.partition_point(|e| e.span.start < sent.start);
    for e in doc.entities[k..]
        .iter()
        .take_while(|e| e.span.start < sent.end)
    {
        let Some(a) = &e.actor else { continue };
        let named = matches!(
            a.country_from,
            Some(CountryFrom::Name | CountryFrom::Modifier)
        );
        // Civilians and news media are no evidence of where the sentence is: a news outlet is the
        // channel ("X told Reuters", "declined AP's request"), not the setting.
        let channel_or_people = matches!(a.sector.as_deref(), Some("CVL" | "MED"));
        if !named || !is_state(a) || channel_or_people || !usable(e.span) {
            continue;
        }
        if !agree(a.country.as_deref().unwrap_or_default()) {
            return None;
        }
    }
    found
}

/// Rule 3: the place in the dateline that opens the article ("LAGOS (Reuters) -",
/// "Lagos, Nigeria —"): the article's first line up to a dash or colon, at most 60 bytes, holding
/// no verb-like lower-case word.
fn dateline_country(doc: &Doc) -> Option<String> {
    let zone = doc_dateline_zone(doc)?;
    doc.places
        .iter()
        .filter(|p| zone.contains(p.span))
        .find_map(|p| p.country.clone())
}

/// The byte span of the dateline that opens `text` ("LAGOS (Reuters) ", "Lagos, Nigeria (AP) "),
/// up to its dash or colon: at most 60 bytes of the first line, no lower-case word outside
/// parentheses, and either an all-capitals first word or an agency in parentheses (so that a
/// title-case headline "Trump Meets Putin - Reuters" is not taken for one).
pub(crate) fn dateline_zone(text: &str) -> Option<Span> {
    let trimmed = text.trim_start();
    let offset = text.len() - trimmed.len();
    let line = trimmed.lines().next().unwrap_or("");
    // The first dash or colon with a space beside it (not the hyphen of "Port-au-Prince"), or
    // the end of an agency between slashes ("MOSCOW, February 7. /TASS/.").
    let end = line
        .char_indices()
        .take_while(|&(k, _)| k <= 60)
        .find(|&(k, c)| {
            matches!(c, '-' | '\u{2013}' | '\u{2014}' | ':')
                && (line[..k].ends_with(' ') || line[k + c.len_utf8()..].starts_with(' '))
        })
        .map(|(k, _)| k)
        .or_else(|| {
            let mut cut = line.len().min(80);
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            slashed_agency_end(&line[..cut])
        })?;
    let head = &line[..end];
    // Only names, commas, the agency in parentheses and a date may stand before the dash.
    let mut depth = 0i32;
    for w in head.split(|c: char| c.is_whitespace() || c == ',') {
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        let inside = depth > 0 || w.starts_with('(');
        if !inside && w.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
    }
    let first = head.split_whitespace().next()?;
    let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    let agency =
        head.contains('(') && head.trim_end().ends_with(')') || head.trim_end().ends_with('/');
    (capitals || agency).then(|| Span::new(offset, offset + end))
}

/// The byte just after an agency name between slashes ("/TASS/") in `line`, when one is there.
fn slashed_agency_end(line: &str) -> Option<usize> {
    let a = line.find('/')?;
    let b = a + 1 + line[a + 1..].find('/')?;
    let name = &line[a + 1..b];
    (!name.is_empty()
        && name.len() <= 12
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '-' || c == ' '))
    .then_some(b + 1)
}

/// The dateline zone of a document: of its text, or of its body when the text opens with the
/// title (CSV and SGML input: `title + "\n\n" + body`), where wire copy puts it.
pub(crate) fn doc_dateline_zone(doc: &Doc) -> Option<Span> {
    let text = &doc.text;
    let body = doc
        .title
        .as_deref()
        .filter(|t| !t.is_empty() && text.starts_with(t))
        .map_or(0, |t| {
            let rest = &text[t.len()..];
            t.len() + (rest.len() - rest.trim_start().len())
        });
    dateline_zone(&text[body..]).map(|z| Span::new(z.start + body, z.end + body))
}

/// Rule 4: the country that clearly dominates the article's places and name-coded actors.
fn dominant_country(doc: &Doc) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &doc.places {
        if let Some(c) = &p.country {
            *counts.entry(c).or_default() += 1;
        }
    }
    for e in &doc.entities {
        let Some(a) = &e.actor else { continue };
        let named = matches!(
            a.country_from,
            Some(CountryFrom::Name | CountryFrom::Modifier)
        );
        // A place that is also an entity ("Russia") is counted once.
        let is_place = places_in(doc, e.span.start.saturating_sub(256), e.span.end)
            .iter()
            .any(|p| p.span.overlaps(e.span));
        if named && is_state(a) && !is_place {
            *counts
                .entry(a.country.as_deref().unwrap_or_default())
                .or_default() += 1;
        }
    }
    let total: usize = counts.values().sum();
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let (top, n) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |r| r.1);
    (n >= MIN_DOMINANT && 2 * n >= total && n >= 2 * second).then(|| top.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_doc::{Cluster, Entity};

    fn span_of(text: &str, word: &str) -> Span {
        let s = text.find(word).expect("word in text");
        Span::new(s, s + word.len())
    }

    fn place(text: &str, word: &str, country: &str) -> Place {
        Place {
            span: span_of(text, word),
            name: word.to_string(),
            country: Some(country.to_string()),
            lat: 0.0,
            lon: 0.0,
            feature: "city".into(),
        }
    }

    fn agent(text: &str, word: &str, sector: &str) -> Entity {
        Entity {
            span: span_of(text, word),
            kind: "ORG".into(),
            actor: Some(Actor {
                code: sector.into(),
                sector: Some(sector.into()),
                ..Actor::default()
            }),
            cluster: None,
        }
    }

    fn named(text: &str, word: &str, country: &str) -> Entity {
        Entity {
            span: span_of(text, word),
            kind: "GPE".into(),
            actor: Some(Actor {
                name: Some(word.into()),
                code: country.into(),
                country: Some(country.into()),
                sector: None,
                country_from: Some(CountryFrom::Name),
            }),
            cluster: None,
        }
    }

    /// A document with one sentence per line (no parse).
    fn doc(text: &str) -> Doc {
        let mut d = Doc::new("t", text);
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end();
            d.sentences.push(dyad_doc::Sentence {
                span: Span::new(at, at + body.len()),
                tokens: 0..0,
                paragraph: 0,
            });
            at += line.len();
        }
        d
    }

    fn got(d: &Doc, i: usize) -> (Option<&str>, Option<CountryFrom>, &str) {
        let a = d.entities[i].actor.as_ref().unwrap();
        (a.country.as_deref(), a.country_from, a.code.as_str())
    }

    #[test]
    fn a_prepositional_phrase_on_the_mention_is_a_modifier() {
        let t = "Police in Lagos arrested two men from Accra.";
        let mut d = doc(t);
        d.places = vec![place(t, "Lagos", "NGA"), place(t, "Accra", "GHA")];
        d.entities = vec![agent(t, "Police", "COP")];
        infer(&mut d);
        assert_eq!(
            got(&d, 0),
            (Some("NGA"), Some(CountryFrom::Modifier), "NGACOP")
        );
    }

    #[test]
    fn a_place_inside_quotation_marks_is_no_evidence_for_the_speaker() {
        let t = "OSLO - \"Talks on the fishing quotas were held in Berlin last week,\" the ministry said.";
        let mut d = doc(t);
        d.places = vec![place(t, "OSLO", "NOR"), place(t, "Berlin", "DEU")];
        d.entities = vec![agent(t, "ministry", "GOV")];
        infer(&mut d);
        assert_eq!(
            got(&d, 0),
            (Some("NOR"), Some(CountryFrom::Dateline), "NORGOV")
        );
        // Inside the quotation the place counts for a mention inside it.
        let t = "OSLO - \"The police in Berlin arrested him,\" the ministry said.";
        let mut d = doc(t);
        d.places = vec![place(t, "OSLO", "NOR"), place(t, "Berlin", "DEU")];
        d.entities = vec![agent(t, "police", "COP")];
        infer(&mut d);
        assert_eq!(got(&d, 0).0, Some("DEU"));
    }

    #[test]
    fn a_place_name_before_the_noun_is_a_modifier() {
        let t = "Nairobi police said on Monday that the road was closed.";
        let mut d = doc(t);
        d.places = vec![place(t, "Nairobi", "KEN")];
        d.entities = vec![agent(t, "police", "COP")];
        infer(&mut d);
        assert_eq!(got(&d, 0).1, Some(CountryFrom::Modifier));
        assert_eq!(got(&d, 0).0, Some("KEN"));
    }

    #[test]
    fn a_locative_place_in_the_sentence_gives_the_country() {
        let t = "Police arrested 20 people in Ahmedabad on Sunday.";
        let mut d = doc(t);
        d.places = vec![place(t, "Ahmedabad", "IND")];
        d.entities = vec![agent(t, "Police", "COP")];
        infer(&mut d);
        assert_eq!(
            got(&d, 0),
            (Some("IND"), Some(CountryFrom::Place), "INDCOP")
        );
    }

    #[test]
    fn a_news_outlet_is_no_evidence_of_the_sentence_country() {
        // The outlet is the channel of a statement; a state named otherwise still gives it.
        let cases = [
            (
                "The harbour master declined to comment to the Ruritanian Courier.",
                "Ruritanian Courier",
                "MED",
                (None, None, "GOV"),
            ),
            (
                "The harbour master and Ruritanian police declined to comment.",
                "Ruritanian police",
                "COP",
                (Some("RUR"), Some(CountryFrom::Place), "RURGOV"),
            ),
        ];
        for (t, other, sector, want) in cases {
            let mut d = doc(t);
            let mut e = named(t, other, "RUR");
            if let Some(a) = e.actor.as_mut() {
                a.sector = Some(sector.into());
                a.code = format!("RUR{sector}");
            }
            d.entities = vec![agent(t, "harbour master", "GOV"), e];
            infer(&mut d);
            assert_eq!(got(&d, 0), want, "{t}");
        }
    }

    #[test]
    fn a_destination_or_target_is_not_evidence() {
        let t = "Troops fired rockets into Gaza and marched to Rafah.";
        let mut d = doc(t);
        d.places = vec![place(t, "Gaza", "PSE"), place(t, "Rafah", "PSE")];
        d.entities = vec![agent(t, "Troops", "MIL")];
        infer(&mut d);
        assert_eq!(got(&d, 0), (None, None, "MIL"));
    }

    #[test]
    fn an_organisation_named_in_the_sentence_gives_no_country() {
        let t = "Amnesty said officials detained the reporters.";
        let mut d = doc(t);
        let mut amnesty = named(t, "Amnesty", "AMN");
        if let Some(a) = amnesty.actor.as_mut() {
            a.sector = Some("NGO".into());
        }
        d.entities = vec![amnesty, agent(t, "officials", "GOV")];
        infer(&mut d);
        assert_eq!(got(&d, 1), (None, None, "GOV"));
        // A state's code in the same place does give it.
        let t = "Borduria said officials detained the reporters.";
        let mut d = doc(t);
        d.entities = vec![named(t, "Borduria", "BOR"), agent(t, "officials", "GOV")];
        infer(&mut d);
        assert_eq!(got(&d, 1).0, Some("BOR"));
    }

    #[test]
    fn the_one_country_a_sentence_names_gives_the_country() {
        let t = "Ruritanian police fired on demonstrators, killing one.";
        let mut d = doc(t);
        let mut police = named(t, "Ruritanian police", "RUR");
        if let Some(a) = police.actor.as_mut() {
            a.country_from = Some(CountryFrom::Modifier);
            a.sector = Some("COP".into());
        }
        d.entities = vec![police, agent(t, "demonstrators", "OPP")];
        infer(&mut d);
        assert_eq!(
            got(&d, 1),
            (Some("RUR"), Some(CountryFrom::Place), "RUROPP")
        );
        // A possessive place counts: "Lagos's security chief warned that police ...".
        let t = "Lagos's security chief warned that police would act.";
        let mut d = doc(t);
        d.places = vec![place(t, "Lagos", "NGA")];
        d.entities = vec![agent(t, "police", "COP")];
        infer(&mut d);
        assert_eq!(got(&d, 0).0, Some("NGA"));
    }

    #[test]
    fn peoples_destinations_and_two_countries_name_no_country() {
        // A people is often the other party: "Police arrested three Ruritanians."
        let t = "Police arrested three Ruritanians.";
        let mut d = doc(t);
        let mut people = named(t, "Ruritanians", "RUR");
        if let Some(a) = people.actor.as_mut() {
            a.sector = Some("CVL".into());
        }
        d.entities = vec![agent(t, "Police", "COP"), people];
        infer(&mut d);
        assert_eq!(got(&d, 0).0, None);
        // A state after "into" is where the act goes.
        let t = "Rebels fired rockets into Ruritania.";
        let mut d = doc(t);
        d.entities = vec![agent(t, "Rebels", "REB"), named(t, "Ruritania", "RUR")];
        infer(&mut d);
        assert_eq!(got(&d, 0).0, None);
        // Two countries: no answer.
        let t = "Ruritania and Borduria said soldiers clashed.";
        let mut d = doc(t);
        d.entities = vec![
            named(t, "Ruritania", "RUR"),
            named(t, "Borduria", "BOR"),
            agent(t, "soldiers", "MIL"),
        ];
        infer(&mut d);
        assert_eq!(got(&d, 2).0, None);
    }

    #[test]
    fn places_in_two_countries_settle_nothing() {
        let t = "Officials met in Geneva after talks in Vienna.";
        let mut d = doc(t);
        d.places = vec![place(t, "Geneva", "CHE"), place(t, "Vienna", "AUT")];
        d.entities = vec![agent(t, "Officials", "GOV")];
        infer(&mut d);
        assert_eq!(got(&d, 0).0, None);
    }

    #[test]
    fn the_dateline_gives_the_country() {
        let t = "LAGOS (Reuters) - Gunmen killed three villagers overnight.";
        let mut d = doc(t);
        d.places = vec![place(t, "LAGOS", "NGA")];
        d.entities = vec![agent(t, "Gunmen", "REB")];
        infer(&mut d);
        assert_eq!(
            got(&d, 0),
            (Some("NGA"), Some(CountryFrom::Dateline), "NGAREB")
        );
    }

    #[test]
    fn a_sentence_with_a_dash_is_not_a_dateline() {
        let t = "The army said - without evidence - that Lagos was calm.";
        let mut d = doc(t);
        d.places = vec![place(t, "Lagos", "NGA")];
        assert_eq!(dateline_country(&d), None);
        let t = "Port-au-Prince was quiet.";
        let mut d = doc(t);
        d.places = vec![place(t, "Port-au-Prince", "HTI")];
        assert_eq!(dateline_country(&d), None);
        // A title-case headline is not a dateline.
        assert_eq!(
            dateline_zone("Trump Meets Putin In Helsinki - Reuters\nText."),
            None
        );
    }

    #[test]
    fn datelines_take_several_shapes() {
        let zone = |t: &str| dateline_zone(t).map(|z| t[z.start..z.end].trim_end().to_string());
        assert_eq!(
            zone("PORT-AU-PRINCE (Reuters) - Gangs"),
            Some("PORT-AU-PRINCE (Reuters)".into())
        );
        assert_eq!(
            zone("Lagos, Nigeria (AP) \u{2014} Gunmen"),
            Some("Lagos, Nigeria (AP)".into())
        );
        assert_eq!(zone("  KABUL: Three soldiers"), Some("KABUL".into()));
        assert_eq!(
            zone("MOSCOW, February 7. /TASS/. The ministry said"),
            Some("MOSCOW, February 7. /TASS/".into())
        );
        // A slash in a sentence is not an agency.
        assert_eq!(zone("Prices rose 3/4 of a point, traders said."), None);
    }

    #[test]
    fn a_dateline_after_the_title_counts() {
        let t = "Ministry Says Exports Grew\n\nMOSCOW, February 7. /TASS/. Exports grew, officials said.";
        let mut d = doc(t);
        d.title = Some("Ministry Says Exports Grew".into());
        d.places = vec![place(t, "MOSCOW", "RUS")];
        assert_eq!(dateline_country(&d), Some("RUS".into()));
        // Without a title the first line is the headline, which is no dateline.
        d.title = None;
        assert_eq!(dateline_country(&d), None);
    }

    #[test]
    fn a_dominant_country_fills_the_rest_but_only_when_clear() {
        let t = "Kenya votes.\nIn Nairobi, Kenyans queued.\nKenya's vote went well.\nLawmakers said so.";
        let mut d = doc(t);
        d.places = vec![place(t, "Nairobi", "KEN")];
        d.entities = vec![
            named(t, "Kenya votes", "KEN"),
            named(t, "Kenya's", "KEN"),
            agent(t, "Lawmakers", "LEG"),
        ];
        infer(&mut d);
        assert_eq!(
            got(&d, 2),
            (Some("KEN"), Some(CountryFrom::Document), "KENLEG")
        );

        // Two countries about equally present: no guess.
        let t =
            "Kenya and Uganda talk.\nKenya, Uganda.\nKenya and Uganda agree.\nLawmakers said so.";
        let mut d = doc(t);
        d.entities = vec![
            named(t, "Kenya and", "KEN"),
            named(t, "Uganda talk", "UGA"),
            named(t, "Kenya,", "KEN"),
            named(t, "Uganda.", "UGA"),
            named(t, "Kenya and Uganda agree", "KEN"),
            agent(t, "Lawmakers", "LEG"),
        ];
        infer(&mut d);
        assert_eq!(got(&d, 5), (None, None, "LEG"));
    }

    #[test]
    fn clusters_take_the_country_of_their_mentions() {
        let t = "Police in Lagos said the police would act.";
        let mut d = doc(t);
        d.places = vec![place(t, "Lagos", "NGA")];
        let mut e = agent(t, "Police", "COP");
        e.cluster = Some(0);
        d.entities = vec![e];
        d.clusters = vec![Cluster {
            name: None,
            actor: d.entities[0].actor.clone(),
            mentions: vec![d.entities[0].span],
        }];
        infer(&mut d);
        let a = d.clusters[0].actor.as_ref().unwrap();
        assert_eq!(a.code, "NGACOP");
    }
    /// A parsed one-sentence document: (form, head 1-based or 0, deprel) per word, one space
    /// between words.
    fn parsed(words: &[(&str, usize, &str)]) -> Doc {
        let text = words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
        let mut d = Doc::new("t", &text);
        let mut at = 0;
        for &(form, head, rel) in words {
            d.tokens.push(dyad_doc::Token {
                span: Span::new(at, at + form.len()),
                space_after: true,
                upos: dyad_doc::Tag::new("X"),
                xpos: dyad_doc::Tag::EMPTY,
                lemma: form.to_lowercase(),
                head: (head > 0).then(|| head - 1),
                deprel: dyad_doc::Tag::new(rel),
            });
            at += form.len() + 1;
        }
        d.sentences.push(dyad_doc::Sentence {
            span: Span::new(0, text.len()),
            tokens: 0..words.len(),
            paragraph: 0,
        });
        d
    }

    /// A state's official named at `word` (`CODE` + GOV, country from the name).
    fn official(text: &str, word: &str, country: &str) -> Entity {
        let mut e = named(text, word, country);
        if let Some(a) = e.actor.as_mut() {
            a.code = format!("{country}GOV");
            a.sector = Some("GOV".into());
        }
        e
    }

    #[test]
    fn the_partner_of_a_joint_act_gives_no_country() {
        // "The minister met with Ambassador Ivanov of Ruritania": Ivanov's country is not the
        // minister's.
        let words = [
            ("The", 2, "det"),
            ("minister", 3, "nsubj"),
            ("met", 0, "root"),
            ("with", 6, "case"),
            ("Ambassador", 6, "compound"),
            ("Ivanov", 3, "obl"),
            (".", 3, "punct"),
        ];
        let mut d = parsed(&words);
        let t = d.text.clone();
        let ivanov = official(&t, "Ivanov", "RUR");
        d.entities = vec![agent(&t, "minister", "GOV"), ivanov];
        infer(&mut d);
        assert_eq!(got(&d, 0), (None, None, "GOV"));
        // Without "with" ("Ivanov's minister met ...") the state's name is the minister's.
        let words = [
            ("Ivanov", 3, "nmod:poss"),
            ("'s", 1, "case"),
            ("minister", 4, "nsubj"),
            ("met", 0, "root"),
            (".", 4, "punct"),
        ];
        let mut d = parsed(&words);
        let t = d.text.clone();
        let ivanov = official(&t, "Ivanov", "RUR");
        d.entities = vec![ivanov, agent(&t, "minister", "GOV")];
        infer(&mut d);
        assert_eq!(got(&d, 1).0, Some("RUR"));
    }
}
