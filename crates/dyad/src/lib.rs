//! Dyad: news articles in, political event data out.
//!
//! This facade re-exports the document model and builds the default [`Pipeline`]: the ordered list
//! of stages every document goes through. Stage crates know nothing of each other; only this crate
//! knows the order.

#![deny(missing_docs)]

mod pipeline;

pub use dyad_doc as doc;
pub use dyad_output as output;
pub use dyad_text as text;
pub use pipeline::{Pipeline, PipelineOptions};
