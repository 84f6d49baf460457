//! Store tests, one module per topic (one test binary: docs/performance.md, "Test loop").

mod dedup;
mod store;
mod threads;
