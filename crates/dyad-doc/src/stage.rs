//! The interface every pipeline stage implements.

use crate::Doc;

/// A pipeline stage: reads some layers of a [`Doc`] and adds its own.
///
/// Stages are built once (loading dictionaries and models) and then shared across threads, so
/// `process` takes `&self`. A stage must never edit `Doc::text`, and should degrade gracefully
/// (produce nothing) rather than fail on odd input; an error rejects the whole document.
pub trait Stage: Send + Sync {
    /// Short stable name used in error messages (`segment`, `syntax`, `ner`, …).
    fn name(&self) -> &'static str;
    /// Annotate `doc` in place.
    fn process(&self, doc: &mut Doc) -> Result<(), StageError>;
}

/// A stage could not process a document.
#[derive(Debug, thiserror::Error)]
#[error("{stage}: {message}")]
pub struct StageError {
    /// Name of the failing stage.
    pub stage: &'static str,
    /// What went wrong.
    pub message: String,
}

impl StageError {
    /// A new error for `stage`.
    pub fn new(stage: &'static str, message: impl Into<String>) -> StageError {
        StageError {
            stage,
            message: message.into(),
        }
    }
}
