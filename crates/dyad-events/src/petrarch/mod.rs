//! PETRARCH compatibility: a loader for PETRARCH2 verb dictionaries (`CAMEO.2.0.txt` format) that
//! compiles them into Dyad's own [`EventDict`](crate::EventDict) patterns, and the `petrarch`
//! evaluation on PETRARCH's unit-test records (actors and agents come from
//! `dyad_actors::petrarch`).

pub mod eval;
pub mod verbs;

pub use verbs::{load_verbs, parse_verbs};
