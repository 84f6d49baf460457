//! Annotation layers added by the stages after segmentation. All spans are byte spans.

use crate::Span;

/// A resolved actor identity (CAMEO-style), as of the document's date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Actor {
    /// Canonical name ("Vladimir Putin"), or `None` for a generic actor ("Ukrainian officials").
    pub name: Option<String>,
    /// CAMEO-style code: country/IGO code followed by sector codes (`RUSGOV`, `SWEELI`, `EUR`).
    pub code: String,
    /// ISO 3166-1 alpha-3 country, or an IGO/region code (`EU`, `NATO`, `EUR`).
    pub country: Option<String>,
    /// Primary sector code (`GOV`, `MIL`, `ELI`, …), when any.
    pub sector: Option<String>,
    /// How `country` was found, when it is known.
    pub country_from: Option<CountryFrom>,
}

/// Where an actor's country comes from, strongest first (see `docs/schema.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CountryFrom {
    /// The actor's own name or dictionary entry ("Russia", "Vladimir Putin", "the Kremlin").
    Name,
    /// A modifier, possessive or prepositional phrase on the mention ("Russian officials",
    /// "Nigeria's army", "police in Lagos").
    Modifier,
    /// A place in the same clause or sentence ("Police arrested 20 people in Ahmedabad"), or the
    /// one country the sentence names ("Egyptian police dispersed demonstrators").
    Place,
    /// The article's dateline ("LAGOS (Reuters) -").
    Dateline,
    /// The country that clearly dominates the article's places and coded actors.
    Document,
}

impl CountryFrom {
    /// Lower-case wire name.
    pub fn as_str(&self) -> &'static str {
        match self {
            CountryFrom::Name => "name",
            CountryFrom::Modifier => "modifier",
            CountryFrom::Place => "place",
            CountryFrom::Dateline => "dateline",
            CountryFrom::Document => "document",
        }
    }
}

/// A named entity or actor-bearing noun phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Byte span of the mention.
    pub span: Span,
    /// `PER`, `ORG`, `LOC`, `MISC` (CoNLL) or a wider type (`NORP`, `GPE`, …) when a stage needs it.
    pub kind: String,
    /// The resolved actor, when the mention denotes one.
    pub actor: Option<Actor>,
    /// Index into `Doc::clusters`.
    pub cluster: Option<usize>,
}

/// A coreference cluster: mentions that denote the same referent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cluster {
    /// Canonical name of the referent, when known.
    pub name: Option<String>,
    /// The referent's actor identity, when known.
    pub actor: Option<Actor>,
    /// Byte spans of every mention (names, pronouns, role nominals), in text order.
    pub mentions: Vec<Span>,
}

/// Kind of a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Verbatim words in quotation marks.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech containing a partial verbatim quotation.
    Mixed,
}

impl QuoteKind {
    /// Lower-case wire name.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// Who made a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The speaker mention in the text ("He", "a source familiar with the call").
    pub span: Span,
    /// Resolved name, `None` for unnamed sources.
    pub name: Option<String>,
    /// Coreference cluster of the speaker.
    pub cluster: Option<usize>,
    /// Resolved actor, when known.
    pub actor: Option<Actor>,
}

impl Speaker {
    /// Whether the speaker is resolved: a named actor (`name`) or a role with a country (an actor
    /// with a country, "a U.S. official"). Unresolved speakers are pronouns without an antecedent and
    /// unnamed sources ("a source familiar with the call").
    pub fn is_resolved(&self) -> bool {
        self.name.is_some() || self.actor.as_ref().is_some_and(|a| a.country.is_some())
    }
}

/// A quotation or reported statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted content (for direct quotes, inside the marks).
    pub span: Span,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Who said it; `None` when no speaker can be identified.
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// Where it was said ("X", "RIA", "reporters"), when the text says so.
    pub channel: Option<String>,
}

/// An actor taking part in an event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventActor {
    /// The mention in the text, when there is one.
    pub span: Option<Span>,
    /// Canonical name, when known.
    pub name: Option<String>,
    /// CAMEO-style actor code.
    pub code: Option<String>,
    /// Country / IGO code.
    pub country: Option<String>,
    /// How the country was found.
    pub country_from: Option<CountryFrom>,
}

/// The PLOVER coding of an event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plover {
    /// Event type (`CONSULT`, `ACCUSE`, …).
    pub kind: String,
    /// Mode, when the CAMEO code implies one (`phone`, …).
    pub mode: Option<String>,
    /// Context, when the CAMEO code implies one.
    pub context: Option<String>,
}

/// A place reference attached to an event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventPlace {
    /// Place name.
    pub name: String,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// A coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Index into `Doc::sentences`.
    pub sentence: usize,
    /// Full CAMEO code with leading zero (`"041"`, `"1312"`).
    pub cameo: String,
    /// Goldstein score of the code.
    pub goldstein: f32,
    /// Quad class 1–4 (verbal coop, material coop, verbal conflict, material conflict).
    pub quad: u8,
    /// PLOVER coding.
    pub plover: Option<Plover>,
    /// Who acted.
    pub source: Option<EventActor>,
    /// Who was acted upon.
    pub target: Option<EventActor>,
    /// Denied or did not happen.
    pub negated: bool,
    /// `actual`, `intent`, `threat`, `demand`, `hypothetical`.
    pub modality: String,
    /// Normalised date (TIMEX3 value), the governing time expression or the publication date.
    pub date: Option<String>,
    /// Where it happened, when the text says.
    pub place: Option<EventPlace>,
    /// The text that triggered the code.
    pub evidence: Span,
    /// What coded it: `pattern` (the event dictionary) or `model` (the trained classifier, for
    /// sentences no pattern codes).
    pub by: &'static str,
    /// How sure the coder is, in [0, 1]: the classifier's probability for `model` events, 1 for
    /// `pattern` events.
    pub confidence: f32,
    /// The event check's probability that the event is real with the right CAMEO root (the
    /// trained check of `dyad_events::check`), two decimals; `None` when no check ran.
    pub check: Option<f32>,
}

/// A temporal expression normalised to TIMEX3.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Byte span.
    pub span: Span,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    /// TIMEX3 value (`2025-05-19`, `P30D`, `PRESENT_REF`, …).
    pub value: String,
}

/// A geocoded place mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Byte span.
    pub span: Span,
    /// Canonical place name.
    pub name: String,
    /// ISO alpha-3 country code (None for seas and supranational regions).
    pub country: Option<String>,
    /// Latitude (WGS84).
    pub lat: f64,
    /// Longitude (WGS84).
    pub lon: f64,
    /// Feature class (`country`, `region`, `city`, `sea`, …).
    pub feature: String,
}
