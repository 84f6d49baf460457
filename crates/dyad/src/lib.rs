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

/// Most worker threads a run accepts (`--threads`, `code_many(threads=…)`). More threads than
/// this only cost memory (each keeps its own model caches) and start-up time; 0 means one per
/// core.
pub const MAX_THREADS: usize = 256;

/// A thread count as given by a user, checked against [`MAX_THREADS`] with the message every
/// front end shows.
pub fn check_threads(n: u64) -> Result<usize, String> {
    if n > MAX_THREADS as u64 {
        return Err(format!(
            "{n} threads is more than the maximum of {MAX_THREADS} (0 = one per core)"
        ));
    }
    Ok(n as usize)
}
