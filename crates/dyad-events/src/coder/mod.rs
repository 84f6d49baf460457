//! The event coder: finds pattern matches in a parsed sentence and turns them into events with
//! source and target actors, negation, modality, date, place and evidence.
//!
//! Works in layers so that it degrades gracefully: patterns match on lemmas/forms in token order
//! (no parse needed); arguments come from the dependency parse when there is one (subject, object,
//! prepositional arguments, passives, conjunctions, appositions) and from word order otherwise.
//!
//! One module per job: [`sent`] (the sentence view), [`matching`] (patterns), [`args`] (sources
//! and targets), [`modality`] and [`when_where`] (attributes), [`senses`] (readings that are no
//! event), [`compose`] (code and modality from the governor), [`roles`] (who did it to whom), [`shallow`] (word order),
//! [`output`] (the output rule), [`model`] (the trained classifier for sentences no pattern codes),
//! [`rerank`] (the trained re-ranker that checks each pattern event's type).

mod args;
mod compose;
mod eventness;
#[cfg(test)]
pub(crate) mod fixtures;
mod lists;
mod matching;
mod modality;
mod model;
mod named;
mod opinion;
mod output;
mod rerank;
mod roles;
mod senses;
mod sent;
mod shallow;
mod when_where;

use crate::classifier::Classifier;
use crate::dict::EventDict;
use crate::mentions::Mention;
use crate::ontology::Ontology;
use dyad_doc::{Doc, Event};
use sent::Sent;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Tunable behaviour of the coder.
#[derive(Debug, Clone)]
pub struct CoderOptions {
    /// Most tokens allowed between two consecutive pattern elements.
    pub gap: usize,
    /// Code a 010 statement for a quote whose speaker is an actor when nothing else was coded.
    pub statement_fallback: bool,
    /// Pair the members of a compound source with each other when there is no target
    /// ("Russia and Ukraine agreed to talks" → RUS→UKR and UKR→RUS).
    pub reciprocal_compounds: bool,
    /// When the parse yields no source or target, fall back to word order.
    pub shallow_backoff: bool,
    /// Least classifier probability for a `model` event (`dyad code --min-confidence`).
    pub min_confidence: f32,
    /// Least re-ranker probability for recoding a pattern event to another type.
    pub min_recode: f32,
    /// Keep events that report no act (`hypothetical`, or `intent` with a code that has no intent
    /// form) with their modality instead of leaving them out (see `Coder::irrealis`).
    pub keep_irrealis: bool,
}

/// Default of [`CoderOptions::min_confidence`] (docs/models.md, "Event classifier").
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.7;
pub use rerank::DEFAULT_MIN_RECODE;

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            gap: 5,
            statement_fallback: true,
            reciprocal_compounds: true,
            shallow_backoff: std::env::var_os("DYAD_NO_BACKOFF").is_none(),
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            min_recode: DEFAULT_MIN_RECODE,
            keep_irrealis: false,
        }
    }
}

/// An ontology, a dictionary and options: everything needed to code a document.
#[derive(Debug, Clone)]
pub struct Coder {
    /// CAMEO table (Goldstein, quad, PLOVER).
    pub onto: Ontology,
    /// Patterns, classes, governors, composition table.
    pub dict: EventDict,
    /// Options.
    pub opts: CoderOptions,
    /// The trained classifier for sentences no pattern codes (`None`: patterns only).
    pub model: Option<Arc<Classifier>>,
    /// The trained re-ranker of pattern events (`None`: pattern codes stand).
    pub reranker: Option<Arc<Classifier>>,
}

impl Coder {
    /// The embedded ontology and dictionary with default options.
    pub fn embedded() -> Coder {
        let onto = Ontology::embedded();
        let dict = EventDict::embedded(&onto);
        Coder {
            onto,
            dict,
            opts: CoderOptions::default(),
            model: model::embedded(),
            reranker: rerank::embedded(),
        }
    }

    /// Code every sentence of `doc` with the given actor mentions (sorted and disjoint, as
    /// [`crate::mentions::from_doc`] and [`crate::mentions::normalise`] give them); returns the
    /// events in text order.
    pub fn code(&self, doc: &Doc, mentions: &[Mention]) -> Vec<Event> {
        self.code_with(doc, mentions, None)
    }

    /// The pattern events of `doc` as the patterns code them (no classifier, no re-ranker, no
    /// statements), each with the re-ranker's features: the candidates the re-ranker is trained on.
    pub fn pattern_events(&self, doc: &Doc, mentions: &[Mention]) -> Vec<(Event, Vec<String>)> {
        let mut c = self.clone();
        c.model = None;
        c.reranker = None;
        c.opts.statement_fallback = false;
        let mut feats = Vec::new();
        let events = c.code_with(doc, mentions, Some(&mut feats));
        events.into_iter().zip(feats).collect()
    }

    /// [`Self::code`]; with `feats`, the re-ranker's features of each pattern event, in the order
    /// of the events (only without a classifier and statements, which add events without them).
    fn code_with(
        &self,
        doc: &Doc,
        mentions: &[Mention],
        mut feats: Option<&mut Vec<Vec<String>>>,
    ) -> Vec<Event> {
        let mut events = Vec::new();
        // The classifier only with the project's own dictionary (not PETRARCH's).
        let model = self.model.as_deref().filter(|_| self.cameo_rules());
        for s in 0..doc.sentences.len() {
            if doc.sentences[s].tokens.end > doc.tokens.len() || doc.sentences[s].tokens.is_empty()
            {
                continue;
            }
            let st = Sent::new(doc, s, mentions);
            // Record and timeline lists ("TARGET: ... ATTACKER: ...") are no clauses.
            if self.cameo_rules() && lists::record_line(&st) {
                continue;
            }
            let before = events.len();
            let guards = self.code_sentence(&st, s, &mut events, feats.as_deref_mut());
            if let Some(m) = model.filter(|_| events.len() == before) {
                self.model_sentence(&st, s, m, &guards, &mut events);
            }
        }
        if model.is_some() {
            events.sort_by_key(|e| (e.sentence, e.evidence.start));
        }
        if self.opts.statement_fallback {
            self.statements(doc, mentions, &mut events);
        }
        events
    }

    /// Code one sentence: select the matches, then emit each (text order) and the reported demands.
    /// With `feats`, the re-ranker's features of each event emitted (see [`Self::code_with`]).
    /// Returns the tokens a word-sense guard takes (see [`Self::select_guards`]).
    fn code_sentence(
        &self,
        st: &Sent,
        s: usize,
        out: &mut Vec<Event>,
        mut feats: Option<&mut Vec<Vec<String>>>,
    ) -> Vec<usize> {
        let (accepted, mut guards) = self.select_guards(st);
        let triggers: BTreeSet<usize> = accepted.iter().map(|m| self.head_tok(m)).collect();
        for m in &accepted {
            let n0 = out.len();
            let cand = self.emit(st, s, m, &triggers, out);
            // A word read in a sense that is no event is taken, like a guard's.
            if cand.is_none() && self.sense_dropped(st, m) {
                guards.push(self.head_tok(m));
            }
            if let Some(fs) = feats.as_deref_mut() {
                let f = match cand {
                    Some((h, code, modality)) if st.parsed => {
                        self.candidate_features(st, h, &code, modality)
                    }
                    _ => Vec::new(),
                };
                fs.extend(std::iter::repeat_n(f, out.len() - n0));
            }
        }
        if st.parsed && self.cameo_rules() {
            let n0 = out.len();
            self.must_demands(st, s, &triggers, out);
            self.order_demands(st, s, &triggers, out);
            if let Some(fs) = feats {
                fs.extend(std::iter::repeat_n(Vec::new(), out.len() - n0));
            }
        }
        guards.sort_unstable();
        guards.dedup();
        guards
    }
}

/// Quad class from the root of a code, for codes outside the ontology.
pub fn quad_of(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=9) => 2,
        Some(10..=14) => 3,
        Some(15..=20) => 4,
        _ => 0,
    }
}
