//! dyad-quotes integration tests.
//! One integration-test binary per crate, one module per topic (see docs/performance.md, "Test
//! loop"): add tests to a module here or a new module file next to this one, not a new file directly
//! under tests/ (each of those is one more binary to compile and link).

mod parsed;
mod quotes;
mod seed;
mod speakers;
