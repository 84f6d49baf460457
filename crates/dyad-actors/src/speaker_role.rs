//! Roles for unnamed speakers: "a spokeswoman said", "lawyers for the two men said", "analysts
//! say". The quote stage names a speaker when the phrase holds a name, an actor or a coreference
//! mention; a bare role noun is none of these, because most role nouns are not actors on their own
//! in events (`standalone` in `agents.txt`: "lawyers" do not *act* for a state). As the *source of a
//! statement* the role is still informative, and issue 17 asks that such a speaker be "a role with
//! a country" when the context supports one.
//!
//! This stage runs after the quote stage. For each quote whose speaker is unresolved (no name, no
//! actor with a country) and whose phrase is headed by an agent noun of the actor dictionary (any
//! agent line, standalone or not), it gives the speaker an actor with the agent's sector and a
//! country found by the same evidence, in the same order, as agents in events
//! ([`crate::country::country_for`]: modifier, place, dateline, document). When nothing supports a
//! country the speaker stays unresolved: a sector alone is not a resolution. Events are not
//! touched.
//!
//! A phrase that names nobody by itself (a relative pronoun, `they`, "the commission") is first
//! taken to its antecedent ([`crate::speaker_antecedent`]): a named antecedent gives the speaker
//! its name and actor, a role antecedent is looked up as above; the speaker's mention stays the
//! pronoun. A quote with no speaker at all whose cue is an adjunct participle ("X said …, *citing*
//! costs") takes the resolved speaker of the reporting verb it hangs on, or the named subject of
//! that verb; otherwise it keeps none.

use crate::dict::{normalize_form, Dictionary, EntryKind};
use crate::speaker_antecedent::{
    antecedent, linked, participle_cue, participle_subject, person_at, Antecedent,
};
use crate::speaker_nouns::speaker_nouns;
use dyad_doc::{Actor, CountryFrom, Doc, SpanIndex, Speaker, Stage, StageError};
use std::collections::HashMap;

/// Longest agent form tried, in words ("foreign ministry spokeswoman").
const MAX_FORM_WORDS: usize = 4;

/// Words that end a speaker phrase's head: what follows is a post-modifier ("lawyers *for* the
/// men", "a spokesman *at* the embassy", "residents *who* fled").
const POST_MODIFIER_STARTS: &[&str] = &[
    "for", "of", "from", "at", "in", "with", "on", "who", "which", "that", "close", "familiar",
];

/// Quantifiers that make a phrase generic ("every president", "no official"): not a speaker.
const GENERIC_DETERMINERS: &[&str] = &["every", "no", "any", "each"];

/// Agent forms too vague to stand for a source of a statement on their own ("people said").
const TOO_VAGUE: &[&str] = &["people", "side", "sides"];

/// `data/actors/speaker-roles.txt`: source nouns that are no agents of events.
const SPEAKER_ROLES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/actors/speaker-roles.txt"
));

/// The (normalised form, sector) pairs of a speaker-roles file (agents.txt format: `SECTOR | ROLE
/// | forms`), each form with its regular plural.
fn speaker_roles(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(sector), Some(forms)) = (fields.first(), fields.get(2)) else {
            continue;
        };
        for form in forms.split(';').map(str::trim).filter(|f| !f.is_empty()) {
            let plural = crate::dict::pluralize(form);
            for f in std::iter::once(form.to_string()).chain(plural) {
                out.push((normalize_form(&f), sector.to_string()));
            }
        }
    }
    out
}

/// The `speaker-roles` stage: see the module documentation.
pub struct SpeakerRoleStage {
    /// Normalised agent form (singular and plural) → CAMEO sector.
    agents: HashMap<String, String>,
}

impl SpeakerRoleStage {
    /// The stage for the agents of `dict` (the actor stage's dictionary, so user agent files apply
    /// to speakers too).
    pub fn new(dict: &Dictionary) -> SpeakerRoleStage {
        let mut agents = HashMap::new();
        for (form, variants) in &dict.forms {
            // The first agent meaning of a form decides (forms are rarely both agent and other).
            let sector = variants
                .iter()
                .find_map(|f| match &dict.entries[f.entry].kind {
                    EntryKind::Agent { sector, .. } => Some(sector.clone()),
                    _ => None,
                });
            if let Some(s) = sector {
                agents.insert(form.clone(), s);
            }
        }
        // Roles that name sources of statements only (no actors in events); the agents win.
        for (form, sector) in speaker_roles(SPEAKER_ROLES) {
            agents.entry(form).or_insert(sector);
        }
        SpeakerRoleStage { agents }
    }

    /// Whether "the `noun`" may continue an earlier speaker phrase with the same head noun: an
    /// agent or speaker-role form ("the official"), or a noun of the organisation, collective,
    /// institution, document or continued classes of `speaker-nouns.txt` ("the group", "the
    /// report", "the source"); not any noun ("the meeting").
    fn continues(&self, noun: &str) -> bool {
        let n = speaker_nouns();
        let singular = noun.strip_suffix('s').unwrap_or(noun);
        self.is_agent(noun)
            || [
                &n.organisation,
                &n.collective,
                &n.institution,
                &n.document,
                &n.continued,
            ]
            .iter()
            .any(|c| c.contains(noun) || c.contains(singular))
    }

    /// Whether `word` (one lower-case noun) is an agent or speaker-role form of the dictionaries.
    pub fn is_agent(&self, word: &str) -> bool {
        self.agents.contains_key(&normalize_form(word))
    }

    /// The sector of the agent noun that heads `phrase`, if any: the longest agent form ending at
    /// the last word before a post-modifier. `None` for a generic phrase ("every president"), a
    /// vague one ("people"), and a phrase with a capitalised word before the role other than its
    /// first word ("the Jinan Intermediate People's Court"): that is an unresolved name, not a role.
    pub fn head_sector(&self, phrase: &str) -> Option<&str> {
        let words: Vec<&str> = phrase
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let lower = |w: &str| w.to_lowercase();
        let end = words
            .iter()
            .position(|w| POST_MODIFIER_STARTS.contains(&lower(w).as_str()))
            .unwrap_or(words.len());
        if end == 0 || GENERIC_DETERMINERS.contains(&lower(words[0]).as_str()) {
            return None;
        }
        let (n, sector) = (1..=MAX_FORM_WORDS.min(end)).rev().find_map(|n| {
            let form = normalize_form(&words[end - n..end].join(" "));
            self.agents.get(&form).map(|s| (n, s.as_str()))
        })?;
        let named_before = words[1.min(end - n)..end - n]
            .iter()
            .any(|w| w.starts_with(|c: char| c.is_uppercase()));
        let vague = n == 1 && TOO_VAGUE.contains(&lower(words[end - 1]).as_str());
        (!named_before && !vague).then_some(sector)
    }

    /// Give unresolved role speakers of `doc` a sector and, when the context supports one, a
    /// country.
    pub fn annotate(&self, doc: &mut Doc) {
        let quoted = SpanIndex::new(crate::coref::quoted(&doc.text));
        for qi in 0..doc.quotes.len() {
            if doc.quotes[qi].speaker.is_none() {
                // "X said …, citing …": the participle's speaker is the subject of its verb.
                doc.quotes[qi].speaker = self.participle_speaker(doc, qi);
                continue;
            }
            let Some(sp) = &doc.quotes[qi].speaker else {
                continue;
            };
            if sp.is_resolved() || sp.actor.as_ref().is_some_and(|a| a.country.is_some()) {
                continue;
            }
            let (span, content) = (sp.span, doc.quotes[qi].span);
            // A pronoun or "the commission": what it stands for (crate::speaker_antecedent).
            let (named, phrase) = match antecedent(doc, span, &quoted) {
                Some(Antecedent::Organisation(e)) => (self.organisation(doc, e, span), None),
                Some(Antecedent::Entity(e)) => (self.named(doc, e), None),
                Some(Antecedent::Subject(e)) => (self.subject(doc, e), None),
                Some(Antecedent::Phrase(r)) => {
                    let head = doc.tokens[r.end - 1].span;
                    // A name or an actor with a country ("Senate Democrats": `USAPTY`).
                    let e = doc.entities.iter().position(|e| {
                        e.span.contains(head)
                            && (matches!(e.kind.as_str(), "PER" | "ORG")
                                || e.actor.as_ref().is_some_and(|a| a.country.is_some()))
                    });
                    match e.and_then(|e| self.named(doc, e)) {
                        Some(n) => (Some(n), None),
                        // A capitalised head the recogniser missed is a name, not a role
                        // ("King, who" is Steve King, not a king).
                        None if doc.tokens[r.end - 1].upos == "PROPN" => (None, None),
                        None => (None, Some(doc.span_of_tokens(r))),
                    }
                }
                // A name the recogniser typed otherwise here than where it names someone.
                None => match self.same_name(doc, span) {
                    Some(n) => (Some(n), None),
                    // A title cut off from the name after it ("Defence Minister X said" read
                    // as "Defence"): the speaker is the person, and the mention their whole name.
                    None => match title_before_name(doc, qi)
                        .and_then(|e| self.named(doc, e).map(|n| (e, n)))
                    {
                        Some((e, n)) => {
                            let whole = dyad_doc::Span::new(span.start, doc.entities[e].span.end);
                            (Some(Speaker { span: whole, ..n }), None)
                        }
                        None => (None, Some(span)),
                    },
                },
            };
            if let Some(n) = named {
                if let Some(sp) = doc.quotes[qi].speaker.as_mut() {
                    if n.span.start == sp.span.start && n.span.end > sp.span.end {
                        sp.span = n.span;
                    }
                    sp.name = n.name;
                    sp.cluster = n.cluster;
                    sp.actor = n.actor;
                }
                continue;
            }
            let Some(phrase) = phrase else { continue };
            // "The committee said … It also said": the body that spoke just before.
            if let Some(n) = previous_body(doc, qi, phrase) {
                if let Some(sp) = doc.quotes[qi].speaker.as_mut() {
                    *sp = Speaker { span: sp.span, ..n };
                }
                continue;
            }
            // "a source in the ministry told TASS … the source said": the source introduced
            // earlier with the same noun.
            if let Some(n) = same_noun_source(doc, qi, phrase, |w| self.continues(w)) {
                if let Some(sp) = doc.quotes[qi].speaker.as_mut() {
                    *sp = Speaker { span: sp.span, ..n };
                }
                continue;
            }
            // "Reding said … the researcher suggests": the person quoted just before.
            if let Some(n) = previous_source(doc, qi, phrase) {
                if let Some(sp) = doc.quotes[qi].speaker.as_mut() {
                    *sp = Speaker { span: sp.span, ..n };
                }
                continue;
            }
            // "Harder's office", "May's spokeswoman": whose office or role it is.
            let owner = possessor(doc, phrase);
            if let (Some(Possessor::Entity(e)), true) =
                (owner.as_ref(), is_institution(doc.slice(phrase)))
            {
                if let Some(n) = self.named(doc, *e) {
                    if let Some(sp) = doc.quotes[qi].speaker.as_mut() {
                        sp.name = n.name;
                        sp.cluster = n.cluster;
                        sp.actor = n.actor;
                    }
                    continue;
                }
            }
            let sector = match self.head_sector(doc.slice(phrase)) {
                Some(s) => s.to_string(),
                // A state's or a place's office speaks for its government ("Transbaikalia's press
                // service").
                None if is_institution(doc.slice(phrase)) && owner.is_some() => "GOV".to_string(),
                None => continue,
            };
            let owned = owner
                .and_then(|o| o.country(doc))
                .map(|c| (c, CountryFrom::Modifier));
            let Some((country, from)) =
                owned.or_else(|| crate::country::country_for(doc, phrase, Some(content)))
            else {
                continue;
            };
            let actor = Actor {
                name: None,
                code: format!("{country}{sector}"),
                country: Some(country),
                sector: Some(sector),
                country_from: Some(from),
            };
            if let Some(sp) = doc.quotes[qi].speaker.as_mut() {
                sp.actor = Some(actor);
            }
        }
    }

    /// The speaker of quote `qi`, which has none, when its cue is an adjunct participle
    /// ([`participle_cue`]): the resolved speaker of another quote of its sentence whose cue it
    /// is linked to in the parse and whose content does not hold it ("X said …, citing …",
    /// "Admitting …, X told …"); else the person or organisation the subject of the verb it
    /// modifies names ([`participle_subject`]), for `he`/`she` the named person of its cluster
    /// (the mention stays the pronoun). Nothing for a subject that names no one.
    fn participle_speaker(&self, doc: &Doc, qi: usize) -> Option<Speaker> {
        let t = participle_cue(doc, doc.quotes[qi].cue?)?;
        let at = doc.tokens[t].span;
        let s = doc.sentence_of_token(t)?;
        let sent = doc.sentences[s].span;
        let other = doc.quotes.iter().enumerate().find_map(|(j, q)| {
            let c = q
                .cue
                .filter(|c| j != qi && sent.contains(*c) && !q.span.contains(at))?;
            let ct = doc.tokens_in(c);
            (ct.len() == 1 && linked(doc, t, ct.start))
                .then_some(q.speaker.as_ref())
                .flatten()
        });
        if let Some(sp) = other {
            return sp.is_resolved().then(|| sp.clone());
        }
        let t = participle_subject(doc, t)?;
        let at = doc.tokens[t].span;
        if let Some(e) = doc
            .entities
            .iter()
            .position(|e| e.span.contains(at) && matches!(e.kind.as_str(), "PER" | "ORG"))
        {
            return self.named(doc, e);
        }
        let e = person_at(doc, t)?;
        self.named(doc, e).map(|n| Speaker { span: at, ..n })
    }

    /// The speaker for "the commission" (at `span`) that organisation entity `e` names: its own
    /// text unless its cluster's or actor's name also ends with the noun ("the fund" in "the
    /// Russia-China Venture Fund" is not Russia).
    fn organisation(&self, doc: &Doc, e: usize, span: dyad_doc::Span) -> Option<Speaker> {
        let mut n = self.named(doc, e)?;
        let noun = doc
            .slice(span)
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase();
        let fits = n.name.as_ref().is_some_and(|x| {
            let x = x.to_lowercase();
            x.ends_with(&noun) || x.starts_with(&format!("{noun} of "))
        });
        if !fits {
            let own = doc.slice(doc.entities[e].span).trim_start_matches("the ");
            n.name = Some(own.to_string());
            n.actor = None;
            n.cluster = None;
        }
        Some(n)
    }

    /// The speaker for "the company" that organisation entity `e` (a subject before it) names:
    /// as [`Self::named`], but by its own text when its cluster's name is only a part of it
    /// ("Syria Civil Defence" in a cluster named "Syria" is not the state).
    fn subject(&self, doc: &Doc, e: usize) -> Option<Speaker> {
        let mut n = self.named(doc, e)?;
        let own = doc.slice(doc.entities[e].span);
        let own = own.strip_prefix("the ").unwrap_or(own);
        if n.name
            .as_ref()
            .is_some_and(|x| x != own && own.contains(x.as_str()))
        {
            n.name = Some(own.to_string());
            n.actor = None;
            n.cluster = None;
        }
        Some(n)
    }

    /// The speaker a name at `span` denotes when this occurrence names no one: the recogniser gave
    /// it another type or a cluster of its own ("Chopek" read as MISC in one sentence, a person in
    /// the others; "Britain" once without its country). Every word of the mention holds a capital
    /// and a token of it is a proper noun; the person, organisation or actor with a country (a
    /// state, not a town or a region) is an entity elsewhere in the document whose text is the mention's, or a person whose last word
    /// (after a space or a hyphen) is the one-word mention (a surname), when all such entities give
    /// one name. `None` when none or several do.
    fn same_name(&self, doc: &Doc, span: dyad_doc::Span) -> Option<Speaker> {
        let text = doc.slice(span).trim();
        let words: Vec<&str> = text.split_whitespace().collect();
        let capitalised = !words.is_empty()
            && words.iter().all(|w| w.chars().any(char::is_uppercase))
            && !words[0].chars().next().is_some_and(char::is_lowercase)
            && doc
                .tokens_in(span)
                .any(|t| doc.tokens[t].upos.as_str() == "PROPN");
        if !capitalised {
            return None;
        }
        let mut found: Option<Speaker> = None;
        for (e, ent) in doc.entities.iter().enumerate() {
            if ent.span.overlaps(span) {
                continue;
            }
            let own = doc.slice(ent.span).trim();
            let surname = words.len() == 1
                && ent.kind.as_str() == "PER"
                && own.rsplit([' ', '-']).next() == Some(text);
            if own != text && !surname {
                continue;
            }
            // A town or a region is no speaker ("footage from Mosul shows" cut to `Mosul`).
            let place = doc
                .places
                .iter()
                .any(|p| p.span.overlaps(ent.span) && p.feature != "country");
            let Some(n) = self.named(doc, e).filter(|_| !place) else {
                continue;
            };
            match &found {
                Some(f) if f.name != n.name => return None,
                Some(_) => {}
                None => found = Some(n),
            }
        }
        found
    }

    /// The speaker an entity names: its cluster's name (else its actor's, else its text), its
    /// cluster and actor. `None` for an entity that is neither a person, an organisation nor an
    /// actor with a country.
    fn named(&self, doc: &Doc, e: usize) -> Option<Speaker> {
        let ent = &doc.entities[e];
        let named = matches!(ent.kind.as_str(), "PER" | "ORG")
            || ent.actor.as_ref().is_some_and(|a| a.country.is_some());
        if !named {
            return None;
        }
        let cluster = ent.cluster;
        let name = cluster
            .and_then(|c| doc.clusters.get(c))
            .and_then(|c| {
                c.name
                    .clone()
                    .or_else(|| c.actor.as_ref().and_then(|a| a.name.clone()))
            })
            .or_else(|| ent.actor.as_ref().and_then(|a| a.name.clone()))
            .unwrap_or_else(|| doc.slice(ent.span).to_string());
        Some(Speaker {
            span: ent.span,
            name: Some(name),
            cluster,
            actor: ent.actor.clone(),
        })
    }
}

/// Words between a speaker phrase cut short and the name it titles ("Transport [and Intelligence
/// Minister] Yisrael Katz").
const TITLE_GAP_WORDS: usize = 5;

/// The person entity a cut-off speaker phrase of quote `qi` titles: the quote's speaker phrase
/// and the words after it up to a person's name that ends right before the cue are all
/// capitalised (or `of`, `for`, `and`, `the`, `&`), at most [`TITLE_GAP_WORDS`] words between,
/// and the phrase itself holds no person ("Defence" + "Minister" + Avigdor Lieberman + said;
/// "Director of Corporate Affairs" + Jane Roe + said). Nothing when a lower-case word stands
/// between ("whose son Darren said") or the name does not end at the cue.
fn title_before_name(doc: &Doc, qi: usize) -> Option<usize> {
    let q = &doc.quotes[qi];
    let (sp, cue) = (q.speaker.as_ref()?, q.cue?);
    if cue.start < sp.span.end {
        return None;
    }
    let e = doc.entities.iter().position(|e| {
        e.kind == "PER"
            && e.span.start >= sp.span.end
            && e.span.end <= cue.start
            && doc.text[e.span.end..cue.start]
                .trim_matches(|c: char| c.is_whitespace() || c == '-')
                .is_empty()
    })?;
    let own_person = doc
        .entities
        .iter()
        .any(|x| x.kind == "PER" && x.span.overlaps(sp.span));
    let words = doc.text[sp.span.start..doc.entities[e].span.start]
        .split_whitespace()
        .collect::<Vec<_>>();
    let gap = doc.text[sp.span.end..doc.entities[e].span.start]
        .split_whitespace()
        .count();
    let titled = words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            || matches!(*w, "of" | "for" | "and" | "the" | "&")
    });
    // "and" joins two titles of one person ("Comptroller and Auditor General X"), not two
    // people or bodies ("X and Y said": nothing between "and" and the name).
    let pair = words.last().is_some_and(|w| matches!(*w, "and" | "&"));
    // A phrase headed by a plural is a group, not a title ("Friends of Mr X told"); an
    // honorific is no plural ("Ms X").
    let plural = doc.tokens_in(sp.span).next().is_some_and(|t| {
        matches!(doc.tokens[t].xpos.as_str(), "NNS" | "NNPS")
            && !matches!(doc.slice(doc.tokens[t].span), "Ms" | "Mrs" | "Mr" | "Dr")
    });
    let ok = titled && !pair && !plural && !own_person && gap <= TITLE_GAP_WORDS;
    (ok && !words.is_empty()).then_some(e)
}

/// Sentences between a quote's speaker and a later "the source" with the same noun.
const SAME_NOUN_SENTENCES_BACK: usize = 8;

/// The lower-case head noun of a speaker phrase: its last word before a post-modifier ("a source
/// *in* the ministry" → `source`), or `None` when that word is capitalised (a name's: "New York
/// City" is no "the city").
fn phrase_noun(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let end = words
        .iter()
        .position(|w| POST_MODIFIER_STARTS.contains(&w.to_lowercase().as_str()))
        .unwrap_or(words.len());
    let w = words.get(end.checked_sub(1)?)?;
    (w.chars().next().is_some_and(char::is_lowercase) && w.chars().all(char::is_alphabetic))
        .then(|| w.to_string())
}

/// The speaker "the source" (a phrase of `the` and one lower-case noun that `continues` accepts,
/// at `phrase`, speaker of quote `qi`) continues: the speaker of an earlier quote, at most [`SAME_NOUN_SENTENCES_BACK`]
/// sentences before, whose phrase has the same head noun and more than the article ("a source in
/// the Russian space industry", "a senior US official", "a spokeswoman for May"), when the latest
/// such phrase before it resolved to an actor with a country. A later "the source" of the same
/// noun is skipped (it continues the same one); an unresolved introduction decides against.
fn same_noun_source(
    doc: &Doc,
    qi: usize,
    phrase: dyad_doc::Span,
    continues: impl Fn(&str) -> bool,
) -> Option<Speaker> {
    let text = doc.slice(phrase);
    let (the, noun) = text.split_once(' ')?;
    if !the.eq_ignore_ascii_case("the") || phrase_noun(noun)?.as_str() != noun || !continues(noun) {
        return None;
    }
    let here = crate::country::sentence_of(doc, phrase.start)?;
    let intro = doc
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(i, q)| q.speaker.as_ref().filter(|_| i != qi))
        .filter(|s| s.span.end <= phrase.start)
        .filter(|s| {
            let t = doc.slice(s.span);
            !t.eq_ignore_ascii_case(text) && phrase_noun(t).as_deref() == Some(noun)
        })
        .max_by_key(|s| s.span.start)?;
    let there = crate::country::sentence_of(doc, intro.span.start)?;
    // Nobody else named between, outside what the quotes say ("a foreign minister said …
    // Lavrov said … the minister said" may be Lavrov).
    let other = doc.entities.iter().any(|e| {
        e.kind == "PER"
            && e.span.start >= intro.span.end
            && e.span.end <= phrase.start
            && !doc.quotes.iter().any(|q| q.span.contains(e.span))
            && (e.cluster.is_none() || e.cluster != intro.cluster)
    });
    let ok = here - there <= SAME_NOUN_SENTENCES_BACK
        && !other
        && intro.actor.as_ref().is_some_and(|a| a.country.is_some());
    ok.then(|| intro.clone())
}

/// The speaker a lone "it" (at `phrase`, speaker of quote `qi`) continues: the speaker of the
/// latest quote before it, in the same or the previous sentence, when that one is resolved and
/// names no person ("A statement from the White House said … it added", "The committee said …
/// It also said"), and no person or organisation is named between them outside quotations.
fn previous_body(doc: &Doc, qi: usize, phrase: dyad_doc::Span) -> Option<Speaker> {
    if !doc.slice(phrase).eq_ignore_ascii_case("it") {
        return None;
    }
    let sp = doc
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(i, q)| q.speaker.as_ref().filter(|_| i != qi))
        .filter(|s| s.span.end <= phrase.start)
        .max_by_key(|s| s.span.start)?;
    let here = crate::country::sentence_of(doc, phrase.start)?;
    let there = crate::country::sentence_of(doc, sp.span.start)?;
    let person = |e: &dyad_doc::Entity| e.kind == "PER" && e.span.overlaps(sp.span);
    let pronoun = matches!(
        doc.slice(sp.span).to_lowercase().as_str(),
        "he" | "she" | "i" | "we" | "they" | "you"
    );
    if here - there > 1 || !sp.is_resolved() || pronoun || doc.entities.iter().any(person) {
        return None;
    }
    let between = doc.entities.iter().any(|e| {
        matches!(e.kind.as_str(), "PER" | "ORG")
            && e.span.start >= sp.span.end
            && e.span.end <= phrase.start
            && !doc.quotes.iter().any(|q| q.span.contains(e.span))
            && (e.cluster.is_none() || e.cluster != sp.cluster)
    });
    (!between).then(|| sp.clone())
}

/// Sentences between a quote's speaker and "the expert" of a later quote that stands for it.
const SOURCE_SENTENCES_BACK: usize = 3;

/// The speaker a phrase "the expert" (a `source` noun, at `phrase`, speaker of quote `qi`)
/// continues: the speaker
/// of the latest quote before it, when that is a named person, at most
/// [`SOURCE_SENTENCES_BACK`] sentences before, with no other person named between them (outside
/// that quote's content).
fn previous_source(doc: &Doc, qi: usize, phrase: dyad_doc::Span) -> Option<Speaker> {
    let text = doc.slice(phrase).to_lowercase();
    let noun = text.strip_prefix("the ")?;
    if !speaker_nouns().source.contains(noun) {
        return None;
    }
    let prev = doc
        .quotes
        .iter()
        .enumerate()
        .filter(|&(i, q)| {
            i != qi
                && q.speaker
                    .as_ref()
                    .is_some_and(|s| s.span.end <= phrase.start)
        })
        .max_by_key(|(_, q)| q.speaker.as_ref().map(|s| s.span.start))?
        .1;
    let sp = prev.speaker.as_ref()?;
    let here = crate::country::sentence_of(doc, phrase.start)?;
    let there = crate::country::sentence_of(doc, sp.span.start)?;
    let person = |span: dyad_doc::Span| {
        doc.entities
            .iter()
            .find(|e| e.kind == "PER" && (e.span.contains(span) || span.contains(e.span)))
    };
    let who = person(sp.span)?;
    if sp.name.is_none() || here - there > SOURCE_SENTENCES_BACK {
        return None;
    }
    // Nobody else named between (a name inside the earlier quote's content is what it said).
    let other = doc.entities.iter().any(|e| {
        e.kind == "PER"
            && e.span.start >= sp.span.end
            && e.span.end <= phrase.start
            && !prev.span.contains(e.span)
            && (e.cluster.is_none() || e.cluster != who.cluster)
    });
    (!other).then(|| sp.clone())
}

fn is_institution(phrase: &str) -> bool {
    let p = phrase.trim().to_lowercase();
    speaker_nouns()
        .institution
        .contains(p.strip_prefix("the ").unwrap_or(&p))
}

/// The owner of a speaker phrase introduced by a possessive: a name or a place ending right
/// before `'s ` at the phrase's start.
enum Possessor {
    /// A person or organisation, or an entity whose actor has a country (index into
    /// `doc.entities`).
    Entity(usize),
    /// A place's country.
    Place(String),
}

impl Possessor {
    /// The state the owner stands for: a place's country, or the country of a named actor of a
    /// state (not an organisation's own code).
    fn country(&self, doc: &Doc) -> Option<String> {
        match self {
            Possessor::Place(c) => Some(c.clone()),
            Possessor::Entity(e) => doc.entities[*e]
                .actor
                .as_ref()
                .filter(|a| crate::country::is_state(a))
                .and_then(|a| a.country.clone()),
        }
    }
}

fn possessor(doc: &Doc, phrase: dyad_doc::Span) -> Option<Possessor> {
    let before = &doc.text[..phrase.start];
    let end = before
        .strip_suffix("'s ")
        .or_else(|| before.strip_suffix("\u{2019}s "))?
        .len();
    if let Some(e) = doc.entities.iter().position(|e| {
        e.span.end == end
            && (matches!(e.kind.as_str(), "PER" | "ORG")
                || e.actor.as_ref().is_some_and(|a| a.country.is_some()))
    }) {
        return Some(Possessor::Entity(e));
    }
    doc.places
        .iter()
        .find(|p| p.span.end == end)
        .and_then(|p| p.country.clone())
        .map(Possessor::Place)
}

impl Stage for SpeakerRoleStage {
    fn name(&self) -> &'static str {
        "speaker-roles"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), StageError> {
        self.annotate(doc);
        // Only now is it known which speakers stay unresolved.
        crate::speaker_filter::drop_unsupported(doc, &|w| self.is_agent(w));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_doc::{CountryFrom, Place, Quote, QuoteKind, Sentence, Span, Speaker};

    fn stage() -> SpeakerRoleStage {
        SpeakerRoleStage::new(&Dictionary::embedded())
    }

    #[test]
    fn head_nouns_are_found_before_post_modifiers() {
        let s = stage();
        assert_eq!(s.head_sector("A spokeswoman"), Some("GOV"));
        assert_eq!(s.head_sector("lawyers for the two men"), Some("JUD"));
        assert_eq!(s.head_sector("Government officials"), Some("GOV"));
        assert_eq!(s.head_sector("the victim's father"), None);
        assert_eq!(s.head_sector("this morning"), None);
        assert_eq!(s.head_sector("for"), None);
        // Generic, vague or named phrases are not roles.
        assert_eq!(s.head_sector("every president"), None);
        assert_eq!(s.head_sector("People"), None);
        assert_eq!(s.head_sector("the Kisumu High Court"), None);
        assert_eq!(
            s.head_sector("the economic development minister"),
            Some("GOV")
        );
    }

    #[test]
    fn source_nouns_of_speaker_roles_txt_are_roles_too() {
        let s = stage();
        assert_eq!(s.head_sector("the researchers"), Some("EDU"));
        assert_eq!(s.head_sector("An eyewitness"), Some("CVL"));
        // Agents of agents.txt keep their sector; kinship words stay out.
        assert_eq!(s.head_sector("the police chief"), Some("COP"));
        assert_eq!(s.head_sector("the victim's father"), None);
        let pairs = speaker_roles("# c\nEDU | - | study author; scientist\n");
        assert!(pairs.contains(&("study authors".to_string(), "EDU".to_string())));
        assert!(pairs.contains(&("scientists".to_string(), "EDU".to_string())));
    }

    /// A document with one sentence, one place and one quote whose speaker is `speaker`.
    fn doc_with(text: &str, speaker: &str, place: Option<(&str, &str)>) -> Doc {
        let mut doc = Doc::new("t", text);
        doc.sentences.push(Sentence {
            span: Span::new(0, text.len()),
            tokens: 0..0,
            paragraph: 0,
        });
        if let Some((name, country)) = place {
            let s = text.find(name).unwrap();
            doc.places.push(Place {
                span: Span::new(s, s + name.len()),
                name: name.to_string(),
                country: Some(country.to_string()),
                lat: 0.0,
                lon: 0.0,
                feature: "city".into(),
            });
        }
        let s = text.find(speaker).unwrap();
        doc.quotes.push(Quote {
            span: Span::new(0, 1),
            kind: QuoteKind::Indirect,
            speaker: Some(Speaker {
                span: Span::new(s, s + speaker.len()),
                name: None,
                cluster: None,
                actor: None,
            }),
            cue: None,
            channel: None,
        });
        doc
    }

    /// The actor of the first quote's speaker.
    fn first_actor(doc: &Doc) -> Actor {
        let sp = doc.quotes[0].speaker.as_ref().unwrap();
        sp.actor.clone().unwrap()
    }

    #[test]
    fn a_role_speaker_takes_a_country_from_a_place_in_its_sentence() {
        let text = "Talks will resume next week, a spokeswoman said in Nairobi.";
        let mut doc = doc_with(text, "a spokeswoman", Some(("Nairobi", "KEN")));
        stage().annotate(&mut doc);
        let a = first_actor(&doc);
        assert_eq!(a.code, "KENGOV");
        assert_eq!(a.country_from, Some(CountryFrom::Place));
        assert!(doc.quotes[0].speaker.as_ref().unwrap().is_resolved());
    }

    #[test]
    fn it_continues_the_body_that_spoke_just_before() {
        let text = "The fisheries agency said quotas would fall. It added that talks would resume.";
        let mut doc = doc_with(text, "It", None);
        let cut = text.find(" It").unwrap() + 1;
        doc.sentences = vec![
            Sentence {
                span: Span::new(0, cut),
                tokens: 0..0,
                paragraph: 0,
            },
            Sentence {
                span: Span::new(cut, text.len()),
                tokens: 0..0,
                paragraph: 0,
            },
        ];
        let body = Speaker {
            span: Span::new(0, 20),
            name: Some("Fisheries Agency".into()),
            cluster: None,
            actor: None,
        };
        let first = Quote {
            span: Span::new(30, 44),
            kind: QuoteKind::Indirect,
            speaker: Some(body.clone()),
            cue: None,
            channel: None,
        };
        doc.quotes.insert(0, first.clone());
        stage().annotate(&mut doc);
        let sp = doc.quotes[1].speaker.as_ref().unwrap();
        assert_eq!(sp.name.as_deref(), Some("Fisheries Agency"));
        assert_eq!(doc.slice(sp.span), "It");
        // Not when the speaker before is a person: "it" is not about them.
        let mut doc = doc_with(text, "It", None);
        doc.sentences = vec![Sentence {
            span: Span::new(0, text.len()),
            tokens: 0..0,
            paragraph: 0,
        }];
        doc.entities.push(dyad_doc::Entity {
            span: Span::new(4, 20),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        });
        doc.quotes.insert(0, first);
        stage().annotate(&mut doc);
        assert!(!doc.quotes[1].speaker.as_ref().unwrap().is_resolved());
    }

    #[test]
    fn nothing_is_guessed_without_evidence_or_without_a_role() {
        // A role but no country anywhere: stays unresolved.
        let text = "Talks will resume next week, a spokeswoman said.";
        let mut doc = doc_with(text, "a spokeswoman", None);
        stage().annotate(&mut doc);
        assert!(doc.quotes[0].speaker.as_ref().unwrap().actor.is_none());
        // A country but no role: stays unresolved.
        let text = "Talks will resume next week, the father said in Nairobi.";
        let mut doc = doc_with(text, "the father", Some(("Nairobi", "KEN")));
        stage().annotate(&mut doc);
        assert!(doc.quotes[0].speaker.as_ref().unwrap().actor.is_none());
    }

    #[test]
    fn an_adjunct_participle_shares_the_speaker_of_its_reporting_verb() {
        use crate::speaker_antecedent::tests::parsed;
        use dyad_doc::Entity;
        // "Ann Roe said talks failed , citing costs ."
        let mut doc = parsed(&[&[
            ("Ann", "PROPN", "NNP", Some(2), "nsubj"),
            ("Roe", "PROPN", "NNP", Some(0), "flat"),
            ("said", "VERB", "VBD", None, "root"),
            ("talks", "NOUN", "NNS", Some(4), "nsubj"),
            ("failed", "VERB", "VBD", Some(2), "ccomp"),
            (",", "PUNCT", ",", Some(6), "punct"),
            ("citing", "VERB", "VBG", Some(4), "conj"),
            ("costs", "NOUN", "NNS", Some(6), "obj"),
        ]]);
        doc.entities.push(Entity {
            span: doc.span_of_tokens(0..2),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        });
        let named = Speaker {
            span: doc.span_of_tokens(0..2),
            name: Some("Ann Roe".into()),
            cluster: None,
            actor: None,
        };
        for (content, cue, speaker) in [(3..5, 2, Some(named)), (7..8, 6, None)] {
            doc.quotes.push(Quote {
                span: doc.span_of_tokens(content),
                kind: QuoteKind::Indirect,
                speaker,
                cue: Some(doc.tokens[cue].span),
                channel: None,
            });
        }
        let mut unnamed = doc.clone();
        stage().annotate(&mut doc);
        let sp = doc.quotes[1].speaker.as_ref().expect("a speaker");
        assert_eq!(sp.name.as_deref(), Some("Ann Roe"));
        // The reporting verb's speaker names nobody: the participle gets none either.
        unnamed.quotes[0].speaker = Some(Speaker {
            span: unnamed.tokens[0].span,
            name: None,
            cluster: None,
            actor: None,
        });
        unnamed.entities.clear();
        stage().annotate(&mut unnamed);
        assert_eq!(unnamed.quotes[1].speaker, None);
    }

    #[test]
    fn they_and_who_speak_for_a_role_antecedent_with_its_country() {
        use crate::speaker_antecedent::tests::parsed;
        // "Ministers met in Nairobi . They said talks will resume ."
        let mut doc = parsed(&[
            &[
                ("Ministers", "NOUN", "NNS", Some(1), "nsubj"),
                ("met", "VERB", "VBD", None, "root"),
                ("in", "ADP", "IN", Some(3), "case"),
                ("Nairobi", "PROPN", "NNP", Some(1), "obl"),
                (".", "PUNCT", ".", Some(1), "punct"),
            ],
            &[
                ("They", "PRON", "PRP", Some(1), "nsubj"),
                ("said", "VERB", "VBD", None, "root"),
                ("talks", "NOUN", "NNS", Some(4), "nsubj"),
                ("will", "AUX", "MD", Some(4), "aux"),
                ("resume", "VERB", "VB", Some(1), "ccomp"),
            ],
        ]);
        doc.places.push(Place {
            span: doc.tokens[3].span,
            name: "Nairobi".into(),
            country: Some("KEN".into()),
            lat: 0.0,
            lon: 0.0,
            feature: "city".into(),
        });
        doc.quotes.push(Quote {
            span: doc.span_of_tokens(7..10),
            kind: QuoteKind::Indirect,
            speaker: Some(Speaker {
                span: doc.tokens[5].span,
                name: None,
                cluster: None,
                actor: None,
            }),
            cue: Some(doc.tokens[6].span),
            channel: None,
        });
        stage().annotate(&mut doc);
        let sp = doc.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(sp.actor.as_ref().map(|a| a.code.as_str()), Some("KENGOV"));
        // The mention stays the pronoun; the role is what it stands for.
        assert_eq!(sp.span, doc.tokens[5].span);
        assert!(sp.is_resolved());
    }

    #[test]
    fn an_office_speaks_for_its_owner_and_a_role_takes_its_owners_country() {
        use dyad_doc::Entity;
        // "Harder's office said": the office of a person is that person.
        let text = "Talks will resume, Harder's office said.";
        let mut doc = doc_with(text, "office", None);
        let s = text.find("Harder").unwrap();
        doc.entities.push(Entity {
            span: Span::new(s, s + 6),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        });
        stage().annotate(&mut doc);
        let sp = doc.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(sp.name.as_deref(), Some("Harder"));
        // A place's press service is its state's government.
        let text = "Talks will resume, Nairobi's press service said.";
        let mut doc = doc_with(text, "press service", Some(("Nairobi", "KEN")));
        stage().annotate(&mut doc);
        let a = first_actor(&doc);
        assert_eq!(a.code, "KENGOV");
        assert_eq!(a.country_from, Some(CountryFrom::Modifier));
        // A role owned by a state takes that state.
        let text = "Talks will resume, Kenya's spokeswoman said.";
        let mut doc = doc_with(text, "spokeswoman", None);
        let s = text.find("Kenya").unwrap();
        doc.entities.push(Entity {
            span: Span::new(s, s + 5),
            kind: "LOC".into(),
            actor: Some(Actor {
                name: Some("Kenya".into()),
                code: "KEN".into(),
                country: Some("KEN".into()),
                sector: None,
                country_from: Some(CountryFrom::Name),
            }),
            cluster: None,
        });
        assert_eq!(
            first_actor(&{
                stage().annotate(&mut doc);
                doc
            })
            .code,
            "KENGOV"
        );
        // An owner that names nothing ("the report's authors"), or no owner: nothing.
        let text = "Talks will resume, the report's office said.";
        let mut doc = doc_with(text, "office", None);
        stage().annotate(&mut doc);
        assert!(!doc.quotes[0].speaker.as_ref().unwrap().is_resolved());
    }

    #[test]
    fn the_expert_is_the_person_quoted_just_before_and_nobody_else() {
        use dyad_doc::Entity;
        let text = "Prices will rise, said Ann Roe. Wages will not, the expert added.";
        let mut doc = doc_with(text, "the expert", None);
        let roe = Span::new(text.find("Ann").unwrap(), text.find(". Wages").unwrap());
        doc.sentences = vec![
            Sentence {
                span: Span::new(0, roe.end + 1),
                tokens: 0..0,
                paragraph: 0,
            },
            Sentence {
                span: Span::new(roe.end + 2, text.len()),
                tokens: 0..0,
                paragraph: 0,
            },
        ];
        doc.entities.push(Entity {
            span: roe,
            kind: "PER".into(),
            actor: None,
            cluster: None,
        });
        doc.quotes.insert(
            0,
            Quote {
                span: Span::new(0, 16),
                kind: QuoteKind::Indirect,
                speaker: Some(Speaker {
                    span: roe,
                    name: Some("Ann Roe".into()),
                    cluster: None,
                    actor: None,
                }),
                cue: None,
                channel: None,
            },
        );
        let mut with_other = doc.clone();
        stage().annotate(&mut doc);
        assert_eq!(
            doc.quotes[1].speaker.as_ref().unwrap().name.as_deref(),
            Some("Ann Roe")
        );
        // Another person named between: nothing ("the expert" may be that one).
        let wages = text.find("Wages").unwrap();
        with_other.entities.push(Entity {
            span: Span::new(wages, wages + 5),
            kind: "PER".into(),
            actor: None,
            cluster: None,
        });
        stage().annotate(&mut with_other);
        assert!(with_other.quotes[1]
            .speaker
            .as_ref()
            .unwrap()
            .name
            .is_none());
        // An office is no such description: "the spokeswoman" speaks for someone else.
        let text = "Prices will rise, said Ann Roe. Wages will not, the spokeswoman added.";
        let mut doc = doc_with(text, "the spokeswoman", None);
        doc.quotes.insert(0, {
            let mut q = with_other.quotes[0].clone();
            q.speaker.as_mut().unwrap().span = roe;
            q
        });
        stage().annotate(&mut doc);
        assert!(doc.quotes[1].speaker.as_ref().unwrap().name.is_none());
    }

    #[test]
    fn a_name_typed_otherwise_here_is_the_one_it_names_elsewhere() {
        use crate::speaker_antecedent::tests::parsed;
        use dyad_doc::{Cluster, Entity};
        // "Jane Roe arrived . Roe said it rained ." with the second "Roe" read as MISC.
        let build = |other: Option<&str>| {
            let mut doc = parsed(&[
                &[
                    ("Jane", "PROPN", "NNP", Some(2), "nsubj"),
                    ("Roe", "PROPN", "NNP", Some(0), "flat"),
                    ("arrived", "VERB", "VBD", None, "root"),
                    (".", "PUNCT", ".", Some(2), "punct"),
                ],
                &[
                    ("Roe", "PROPN", "NNP", Some(1), "nsubj"),
                    ("said", "VERB", "VBD", None, "root"),
                    ("it", "PRON", "PRP", Some(3), "nsubj"),
                    ("rained", "VERB", "VBD", Some(1), "ccomp"),
                    (".", "PUNCT", ".", Some(1), "punct"),
                ],
            ]);
            doc.clusters.push(Cluster {
                name: Some("Jane Roe".into()),
                actor: None,
                mentions: vec![doc.span_of_tokens(0..2)],
            });
            doc.entities.push(Entity {
                span: doc.span_of_tokens(0..2),
                kind: "PER".into(),
                actor: None,
                cluster: Some(0),
            });
            let roe = doc.tokens[4].span;
            doc.entities.push(Entity {
                span: roe,
                kind: "MISC".into(),
                actor: None,
                cluster: None,
            });
            if let Some(name) = other {
                // Another person of the same surname, named in a sentence of its own.
                let at = doc.text.len() + 1;
                doc.text.push(' ');
                doc.text.push_str(name);
                doc.entities.push(Entity {
                    span: Span::new(at, at + name.len()),
                    kind: "PER".into(),
                    actor: None,
                    cluster: None,
                });
            }
            doc.quotes.push(Quote {
                span: doc.span_of_tokens(6..8),
                kind: QuoteKind::Indirect,
                speaker: Some(Speaker {
                    span: roe,
                    name: None,
                    cluster: None,
                    actor: None,
                }),
                cue: Some(doc.tokens[5].span),
                channel: None,
            });
            doc
        };
        let mut doc = build(None);
        stage().annotate(&mut doc);
        let sp = doc.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(sp.name.as_deref(), Some("Jane Roe"));
        assert_eq!(sp.span, doc.tokens[4].span, "the mention stays");
        // Two people of that surname: nobody is chosen.
        let mut doc = build(Some("John Roe"));
        stage().annotate(&mut doc);
        assert!(!doc.quotes[0].speaker.as_ref().unwrap().is_resolved());
    }
    #[test]
    fn sources_named_with_their_service_are_roles() {
        let s = stage();
        assert_eq!(s.head_sector("Police sources"), Some("COP"));
        assert_eq!(s.head_sector("a senior military source"), Some("MIL"));
        assert_eq!(s.head_sector("a diplomatic source"), Some("GOV"));
        // A bare source has no sector.
        assert_eq!(s.head_sector("a source"), None);
    }

    #[test]
    fn the_source_continues_the_source_introduced_before_with_the_same_noun() {
        use crate::speaker_antecedent::tests::{parsed, Row};
        use dyad_doc::{Actor, Entity};
        // "A source at the port said ships waited . Olaf Berg arrived . The source said it
        // snowed ." with the first speaker already resolved to a role with a country, and with
        // or without the sentence naming someone between.
        let build = |noun: &str, between: bool| {
            let mut rows: Vec<&[Row]> = vec![&[
                ("A", "DET", "DT", Some(1), "det"),
                ("source", "NOUN", "NN", Some(5), "nsubj"),
                ("at", "ADP", "IN", Some(4), "case"),
                ("the", "DET", "DT", Some(4), "det"),
                ("port", "NOUN", "NN", Some(1), "nmod"),
                ("said", "VERB", "VBD", None, "root"),
                ("ships", "NOUN", "NNS", Some(7), "nsubj"),
                ("waited", "VERB", "VBD", Some(5), "ccomp"),
                (".", "PUNCT", ".", Some(5), "punct"),
            ]];
            let named: &[Row] = &[
                ("Olaf", "PROPN", "NNP", Some(2), "nsubj"),
                ("Berg", "PROPN", "NNP", Some(0), "flat"),
                ("arrived", "VERB", "VBD", None, "root"),
                (".", "PUNCT", ".", Some(2), "punct"),
            ];
            if between {
                rows.push(named);
            }
            let last: Vec<Row> = vec![
                ("The", "DET", "DT", Some(1), "det"),
                (noun, "NOUN", "NN", Some(2), "nsubj"),
                ("said", "VERB", "VBD", None, "root"),
                ("it", "PRON", "PRP", Some(4), "nsubj"),
                ("snowed", "VERB", "VBD", Some(2), "ccomp"),
                (".", "PUNCT", ".", Some(2), "punct"),
            ];
            rows.push(&last);
            let mut doc = parsed(&rows);
            let n = doc.tokens.len();
            if between {
                doc.entities.push(Entity {
                    span: doc.span_of_tokens(9..11),
                    kind: "PER".into(),
                    actor: None,
                    cluster: None,
                });
            }
            let actor = Actor {
                name: None,
                code: "NORGOV".into(),
                country: Some("NOR".into()),
                sector: Some("GOV".into()),
                country_from: Some(CountryFrom::Dateline),
            };
            doc.quotes.push(Quote {
                span: doc.span_of_tokens(6..8),
                kind: QuoteKind::Indirect,
                speaker: Some(Speaker {
                    span: doc.span_of_tokens(0..5),
                    name: None,
                    cluster: None,
                    actor: Some(actor),
                }),
                cue: Some(doc.tokens[5].span),
                channel: None,
            });
            doc.quotes.push(Quote {
                span: doc.span_of_tokens(n - 3..n - 1),
                kind: QuoteKind::Indirect,
                speaker: Some(Speaker {
                    span: doc.span_of_tokens(n - 6..n - 4),
                    name: None,
                    cluster: None,
                    actor: None,
                }),
                cue: Some(doc.tokens[n - 4].span),
                channel: None,
            });
            doc
        };
        let mut doc = build("source", false);
        stage().annotate(&mut doc);
        let sp = doc.quotes[1].speaker.as_ref().unwrap();
        assert_eq!(sp.actor.as_ref().map(|a| a.code.as_str()), Some("NORGOV"));
        assert_eq!(doc.slice(sp.span), "The source", "the mention stays");
        // Someone named between may be the one speaking now.
        let mut doc = build("source", true);
        stage().annotate(&mut doc);
        assert!(!doc.quotes[1].speaker.as_ref().unwrap().is_resolved());
        // Another noun ("the port" is no earlier speaker's head) continues nobody.
        let mut doc = build("meeting", false);
        stage().annotate(&mut doc);
        assert!(!doc.quotes[1].speaker.as_ref().unwrap().is_resolved());
    }
    #[test]
    fn a_title_cut_off_from_the_name_after_it_is_that_person() {
        use crate::speaker_antecedent::tests::parsed;
        use dyad_doc::Entity;
        // "Health Minister Jan Berg said it rained ." with the speaker cut to its first word,
        // and "whose son Jan Berg said …", where the son is no title.
        let build = |first: &str, second: &str| {
            let mut doc = parsed(&[&[
                (first, "PROPN", "NNP", Some(1), "compound"),
                (second, "PROPN", "NNP", Some(3), "compound"),
                ("Jan", "PROPN", "NNP", Some(4), "nsubj"),
                ("Berg", "PROPN", "NNP", Some(2), "flat"),
                ("said", "VERB", "VBD", None, "root"),
                ("it", "PRON", "PRP", Some(6), "nsubj"),
                ("rained", "VERB", "VBD", Some(4), "ccomp"),
                (".", "PUNCT", ".", Some(4), "punct"),
            ]]);
            doc.entities.push(Entity {
                span: doc.span_of_tokens(2..4),
                kind: "PER".into(),
                actor: None,
                cluster: None,
            });
            doc.quotes.push(Quote {
                span: doc.span_of_tokens(5..7),
                kind: QuoteKind::Indirect,
                speaker: Some(Speaker {
                    span: doc.tokens[0].span,
                    name: None,
                    cluster: None,
                    actor: None,
                }),
                cue: Some(doc.tokens[4].span),
                channel: None,
            });
            doc
        };
        let mut doc = build("Health", "Minister");
        stage().annotate(&mut doc);
        let sp = doc.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(sp.name.as_deref(), Some("Jan Berg"));
        assert_eq!(doc.slice(sp.span), "Health Minister Jan Berg");
        let mut doc = build("whose", "son");
        stage().annotate(&mut doc);
        assert!(!doc.quotes[0].speaker.as_ref().unwrap().is_resolved());
    }
}
