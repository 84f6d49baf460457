//! Dyad syntax: a part-of-speech tagger (UPOS + PTB XPOS), a lemmatizer and a labelled dependency
//! parser, all trained in pure Rust on Universal Dependencies data.
//!
//! - [`clusters`]: distributional word clusters computed from raw text (features for both models).
//! - [`tagger`]: greedy averaged perceptron over joint UPOS/XPOS classes.
//! - [`lemma`]: edit-script rules by suffix plus learned exceptions.
//! - [`parser`]: arc-hybrid transition parser, averaged perceptron, dynamic-oracle training.
//! - [`Syntax`]: the three models together; [`SyntaxStage`] runs them on a [`dyad_doc::Doc`].
//! - [`train`]: the training drivers behind `dyad train tagger|parser`; [`eval`]: `dyad eval ud`.
//!
//! The default models are embedded from `data/models/syntax/` and can be overridden by a
//! directory holding `clusters.bin`, `tagger.bin`, `lemmatizer.bin` and/or `parser.bin`.

#![deny(missing_docs)]

pub mod binio;
pub mod clusters;
/// CoNLL-U reading and writing; lives in `dyad-doc` so that other crates' scorers read treebanks
/// the same way.
pub use dyad_doc::conllu;
pub mod eval;
pub mod hash;
pub mod lemma;
mod model;
pub mod parser;
pub mod perceptron;
pub mod rng;
mod stage;
pub mod tagger;
pub mod train;

pub use model::{model_subdir, Analysis, Syntax, MAX_PARSE_WORDS};
pub use stage::SyntaxStage;

/// A model could not be loaded, read or written, or input data was unusable.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ModelError {
    /// What went wrong (names the file when there is one).
    pub message: String,
}

impl ModelError {
    /// A new error.
    pub fn new(message: impl Into<String>) -> ModelError {
        ModelError {
            message: message.into(),
        }
    }
}
