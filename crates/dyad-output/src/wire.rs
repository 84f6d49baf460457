//! Schema 1 wire types: what `dyad code` writes and what the store and server read back.
//!
//! Offsets here are **Unicode code points** into `Document::text`, `end` exclusive. Fields that do
//! not apply are `null` or empty arrays, never missing. Every field is documented in `docs/schema.md`.

use serde::{Deserialize, Serialize};

/// Current schema version, written into every document.
pub const SCHEMA_VERSION: u32 = 1;

/// One analysed article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Document {
    /// Document id.
    pub id: String,
    /// Publication date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Title, when known.
    pub title: Option<String>,
    /// Source URL, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// Outlet, when known.
    #[serde(default)]
    pub source: Option<String>,
    /// Schema version (1).
    pub schema: u32,
    /// The analysed text; all offsets index it.
    pub text: String,
    /// Unknown input fields, verbatim.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub meta: serde_json::Map<String, serde_json::Value>,
    /// Sentence spans.
    pub sentences: Vec<SentenceOut>,
    /// Tokens with syntax; only with `--tokens`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenOut>>,
    /// Entities with actors and clusters.
    pub entities: Vec<EntityOut>,
    /// Quotations.
    pub quotes: Vec<QuoteOut>,
    /// Coded events.
    pub events: Vec<EventOut>,
    /// Temporal expressions.
    pub times: Vec<TimeOut>,
    /// Places.
    pub places: Vec<PlaceOut>,
}

/// A sentence span.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SentenceOut {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// Paragraph number.
    #[serde(default)]
    pub paragraph: usize,
}

/// A token with its syntax (`--tokens`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TokenOut {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// Token text.
    pub text: String,
    /// Universal POS.
    pub upos: String,
    /// PTB tag.
    pub xpos: String,
    /// Lemma.
    pub lemma: String,
    /// Head as a document-level token index; null for roots.
    pub head: Option<usize>,
    /// Dependency relation.
    pub deprel: String,
}

/// A text span with its text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SpanOut {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// Covered text.
    pub text: String,
}

/// A resolved actor.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ActorOut {
    /// Canonical name, null for generic actors.
    pub name: Option<String>,
    /// CAMEO-style code.
    pub code: String,
    /// Country / IGO code.
    pub country: Option<String>,
    /// Sector code.
    pub sector: Option<String>,
    /// How the country was found: `name`, `modifier`, `place`, `dateline` or `document`
    /// (null when there is no country). Absent in output of older versions.
    #[serde(default)]
    pub country_from: Option<String>,
}

/// An entity mention.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityOut {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// Covered text.
    pub text: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Resolved actor.
    pub actor: Option<ActorOut>,
    /// Coreference cluster id.
    pub cluster: Option<usize>,
}

/// A quote's speaker.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SpeakerOut {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// Covered text.
    pub text: String,
    /// Resolved name (null for unnamed sources).
    pub name: Option<String>,
    /// Coreference cluster id.
    pub cluster: Option<usize>,
    /// Resolved actor code, when known.
    #[serde(default)]
    pub code: Option<String>,
    /// Whether the speaker is a named actor or a role with a country; `false` for pronouns
    /// without an antecedent and unnamed sources. Absent in output written before the field
    /// existed: read as `true` when `name` or `code` is set (see [`SpeakerOut::is_resolved`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<bool>,
}

impl SpeakerOut {
    /// The `resolved` flag, or for older output without it, whether a name or code is set.
    pub fn is_resolved(&self) -> bool {
        self.resolved
            .unwrap_or(self.name.is_some() || self.code.is_some())
    }
}

/// A quotation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteOut {
    /// Start of the content (code points).
    pub start: usize,
    /// End of the content (code points, exclusive).
    pub end: usize,
    /// Content text.
    pub text: String,
    /// `direct`, `indirect` or `mixed`.
    pub kind: String,
    /// The speaker.
    pub speaker: Option<SpeakerOut>,
    /// The cue.
    pub cue: Option<SpanOut>,
    /// The channel ("X", "RIA", "reporters").
    pub channel: Option<String>,
}

/// An actor in an event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EventActorOut {
    /// Mention text.
    pub text: Option<String>,
    /// Canonical name.
    pub name: Option<String>,
    /// CAMEO-style actor code.
    pub code: Option<String>,
    /// Country / IGO code.
    pub country: Option<String>,
    /// How the country was found (as in [`ActorOut::country_from`]).
    #[serde(default)]
    pub country_from: Option<String>,
}

/// PLOVER coding.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PloverOut {
    /// Event type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Mode.
    pub mode: Option<String>,
    /// Context.
    #[serde(default)]
    pub context: Option<String>,
}

/// A place attached to an event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EventPlaceOut {
    /// Name.
    pub name: String,
    /// Country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// A coded event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EventOut {
    /// Sentence index.
    pub sentence: usize,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root (first two digits).
    pub root: String,
    /// Goldstein score.
    pub goldstein: f32,
    /// Quad class 1–4.
    pub quad: u8,
    /// PLOVER coding.
    pub plover: Option<PloverOut>,
    /// Source actor.
    pub source: Option<EventActorOut>,
    /// Target actor.
    pub target: Option<EventActorOut>,
    /// Denied / did not happen.
    pub negated: bool,
    /// Modality.
    pub modality: String,
    /// Event date (TIMEX3 value).
    pub date: Option<String>,
    /// Event place.
    pub place: Option<EventPlaceOut>,
    /// Evidence span.
    pub evidence: SpanOut,
    /// What coded the event: `pattern` or `model`.
    #[serde(default = "pattern")]
    pub by: String,
    /// How sure the coder is, in [0, 1] (1 for patterns).
    #[serde(default = "one")]
    pub confidence: f32,
    /// The event check's probability that the event is real with the right CAMEO root (two
    /// decimals); absent when no check ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<f32>,
}

fn pattern() -> String {
    "pattern".into()
}

fn one() -> f32 {
    1.0
}

/// A temporal expression.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TimeOut {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// Covered text.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// A place mention.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PlaceOut {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// Covered text.
    pub text: String,
    /// Canonical name.
    pub name: String,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Feature class.
    #[serde(default)]
    pub feature: Option<String>,
}
