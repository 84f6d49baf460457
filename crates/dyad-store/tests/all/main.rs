//! Store tests, one module per topic (one test binary: docs/performance.md, "Test loop").

mod dashboard;
mod dedup;
mod store;
mod threads;
