//! Dyad event coding: from each sentence, the events it reports — who did what to whom — coded in
//! CAMEO (with Goldstein value and quad class) and PLOVER, with negation, modality, date, place and
//! the evidence span.
//!
//! - [`ontology`]: the CAMEO table (`data/cameo/`).
//! - [`dict`]: the event dictionary (`data/events/`): verb and noun patterns, classes, governors.
//! - [`classifier`]: the linear event classifier (training, scoring, its TSV file).
//! - [`check`]: the trained event check (is a written event real, with the right root?) and
//!   [`check_train`], its training and cross-validation on the hand-judged sheets.
//! - [`coder`]: matching, argument finding, attributes, composition and the output rule (one module each).
//! - [`EventStage`]: the pipeline stage (runs last).
//! - [`petrarch`]: PETRARCH2 dictionary loaders and the `petrarch` evaluation.
//! - [`plover_eval`]: the `plover` evaluation on the PLOVER gold-standard records.
//! - [`train`]: training examples and training of the event classifier.
//! - [`plv_eval`]: the `plv` end-to-end evaluation on news sentences with marked source and target.

#![deny(missing_docs)]

pub mod check;
pub mod check_train;
pub mod classifier;
pub mod coder;
pub mod dict;
pub mod error;
pub mod mentions;
pub mod ontology;
pub mod petrarch;
pub mod plover_eval;
pub mod plv_eval;
pub mod train;
pub mod words;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_check;
#[cfg(test)]
mod tests_coverage;
#[cfg(test)]
mod tests_coverage19;
#[cfg(test)]
mod tests_coverage20;
#[cfg(test)]
mod tests_intents19;
#[cfg(test)]
mod tests_irrealis;
#[cfg(test)]
mod tests_pending23;
#[cfg(test)]
mod tests_precision14;
#[cfg(test)]
mod tests_roles;
#[cfg(test)]
mod tests_roles15;
#[cfg(test)]
mod tests_roles16;
#[cfg(test)]
mod tests_roles17;
#[cfg(test)]
mod tests_roles20;
#[cfg(test)]
mod tests_roles24;
#[cfg(test)]
mod tests_roles26;
#[cfg(test)]
mod tests_roles28;
#[cfg(test)]
mod tests_roles30;
#[cfg(test)]
mod tests_senses;
#[cfg(test)]
mod tests_senses16;
#[cfg(test)]
mod tests_senses21;
#[cfg(test)]
mod tests_senses25;
#[cfg(test)]
mod tests_senses27;
#[cfg(test)]
mod tests_senses29;
#[cfg(test)]
mod tests_senses31;
#[cfg(test)]
mod tests_statements15;
#[cfg(test)]
mod tests_targets;
#[cfg(test)]
mod testutil;

pub use coder::{Coder, CoderOptions};
pub use dict::EventDict;
pub use ontology::Ontology;

use dyad_doc::{Doc, Stage, StageError};

/// The event stage: codes events from the parse, actors, quotes, times and places already in the
/// document. Missing layers make it code less, never fail.
#[derive(Debug, Clone)]
pub struct EventStage {
    coder: Coder,
    /// The event check (`None`: every coded event is written).
    check: Option<std::sync::Arc<classifier::Classifier>>,
    /// Least check probability for an event to be written.
    min_check: f32,
}

impl EventStage {
    /// The stage with the embedded ontology, dictionary and check.
    pub fn new() -> EventStage {
        EventStage::with_coder(Coder::embedded())
    }

    /// The stage with a given coder (custom dictionaries) and the embedded check at its default
    /// threshold ([`check::default_min_check`]); the check only runs with the project's own
    /// dictionary (it was trained on its events).
    pub fn with_coder(coder: Coder) -> EventStage {
        EventStage {
            coder,
            check: check::embedded(),
            min_check: check::default_min_check(),
        }
    }

    /// Set the least check probability for an event to be written (0 writes every event, each
    /// with its probability); `None` switches the check off (no probability either).
    pub fn with_min_check(mut self, min: Option<f32>) -> EventStage {
        match min {
            Some(m) => self.min_check = m,
            None => self.check = None,
        }
        self
    }

    /// The coder in use.
    pub fn coder(&self) -> &Coder {
        &self.coder
    }
}

impl Default for EventStage {
    fn default() -> Self {
        EventStage::new()
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), StageError> {
        let mentions = mentions::from_doc(doc);
        let mut events = self.coder.code(doc, &mentions);
        let check = self
            .check
            .as_deref()
            .filter(|_| !self.coder.dict.compose.is_empty());
        doc.events_dropped = check::apply_with(
            check,
            self.min_check,
            doc,
            &mut events,
            Some((&self.coder, &mentions)),
        );
        doc.events = events;
        Ok(())
    }
}
