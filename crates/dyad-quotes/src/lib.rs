//! Dyad quotes: who said what, through which cue and channel.
//!
//! [`QuoteStage`] runs after segmentation, parsing, NER and actors/coreference and fills
//! `Doc::quotes` with direct quotations (words in marks), reported speech ("X said that …",
//! "according to X, …") and mixed quotes (reported speech holding a partial quotation), each with
//! its content span, cue, speaker (resolved through entities and coreference clusters when those
//! layers exist) and channel ("on X", "told RIA").
//!
//! The stage uses whatever layers exist: with no tokens it segments the text itself, with no
//! parse it finds subjects by position, with no entities it reads capitalised names. It never
//! fails a document: odd quote marks, nested or scare quotes only change what is found.
//!
//! Module map: [`lexicon`] (data files), `view` (tokens and sentences), `marks` (pairing quotation
//! marks), `detect` (the three passes), `speaker` (speaker phrases and resolution), `channel`,
//! [`eval`] (the PolNeAR scorer behind `dyad eval polnear`).

#![deny(missing_docs)]

mod channel;
pub mod cuemodel;
mod detect;
pub mod eval;
pub mod filter;
pub mod lexicon;
mod marks;
mod speaker;
mod view;
mod wordclass;

pub use cuemodel::CueModel;
pub use detect::Finder;
pub use filter::AttrFilter;
pub use lexicon::{Lexicon, LexiconError};

use dyad_doc::{Doc, Stage, StageError};

/// The quote stage: fills `Doc::quotes`, sorted by content start.
pub struct QuoteStage {
    finder: Finder,
}

impl Default for QuoteStage {
    /// The stage with the embedded lexicon.
    fn default() -> Self {
        QuoteStage {
            finder: Finder::new(Lexicon::embedded()),
        }
    }
}

impl QuoteStage {
    /// A stage with a custom lexicon.
    pub fn with_lexicon(lex: Lexicon) -> QuoteStage {
        QuoteStage {
            finder: Finder::new(lex),
        }
    }

    /// A stage with a custom lexicon and cue model.
    pub fn with_model(lex: Lexicon, cues: CueModel) -> QuoteStage {
        QuoteStage {
            finder: Finder::with_model(lex, cues),
        }
    }

    /// A stage with a custom lexicon, cue model and attribution filter.
    pub fn with_models(lex: Lexicon, cues: CueModel, filter: AttrFilter) -> QuoteStage {
        QuoteStage {
            finder: Finder::with_models(lex, cues, filter),
        }
    }

    /// The stage's finder (candidates before the filter, for training it).
    pub fn finder(&self) -> &Finder {
        &self.finder
    }
}

impl Stage for QuoteStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), StageError> {
        let mut quotes = self.finder.find(doc);
        quotes.sort_by_key(|q| (q.span.start, q.span.end));
        doc.quotes = quotes;
        Ok(())
    }
}
