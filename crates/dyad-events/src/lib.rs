//! Dyad event coding: from each sentence, the events it reports — who did what to whom — coded in
//! CAMEO (with Goldstein value and quad class) and PLOVER, with negation, modality, date, place and
//! the evidence span.
//!
//! - [`ontology`]: the CAMEO table (`data/cameo/`).
//! - [`dict`]: the event dictionary (`data/events/`): verb and noun patterns, classes, governors.
//! - [`classifier`]: the linear event classifier (training, scoring, its TSV file).
//! - [`coder`]: matching, argument finding, attributes, composition and the output rule (one module each).
//! - [`EventStage`]: the pipeline stage (runs last).
//! - [`petrarch`]: PETRARCH2 dictionary loaders and the `petrarch` evaluation.
//! - [`plover_eval`]: the `plover` evaluation on the PLOVER gold-standard records.
//! - [`train`]: training examples and training of the event classifier.
//! - [`plv_eval`]: the `plv` end-to-end evaluation on news sentences with marked source and target.

#![deny(missing_docs)]

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
mod tests_coverage;
#[cfg(test)]
mod tests_irrealis;
#[cfg(test)]
mod tests_roles;
#[cfg(test)]
mod tests_senses;
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
}

impl EventStage {
    /// The stage with the embedded ontology and dictionary.
    pub fn new() -> EventStage {
        EventStage {
            coder: Coder::embedded(),
        }
    }

    /// The stage with a given coder (custom dictionaries).
    pub fn with_coder(coder: Coder) -> EventStage {
        EventStage { coder }
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
        let events = self.coder.code(doc, &mentions);
        doc.events = events;
        Ok(())
    }
}
