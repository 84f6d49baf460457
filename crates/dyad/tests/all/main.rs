//! dyad (facade) integration tests: the full pipeline on hand-written sentences.
//! One integration-test binary per crate, one module per topic (see docs/performance.md, "Test
//! loop"): add tests to a module here or a new module file next to this one.

mod actor_codes19;
mod actor_countries;
mod fuzz_regressions;
mod pipeline_coref;
