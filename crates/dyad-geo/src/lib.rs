//! Dyad places: the gazetteer and place geocoding.
//!
//! - [`Gazetteer`]: countries, first-level regions, cities of 15,000 people or more and continents
//!   (generated from GeoNames data by `scripts/build-gazetteer.py`), plus hand-written seas, straits and
//!   named regions, aliases, ambiguous names and cue words, all under `data/geo/` and embedded in the
//!   binary. Every data line is validated on load; errors read `file:line: message`.
//! - [`PlaceStage`]: the pipeline stage. It scans capitalised words for gazetteer names (longest match,
//!   never across sentences), filters them with NER entities, POS tags and the surrounding words, then
//!   picks one reading per mention by prior (feature class, population), document context (the
//!   countries and places the document names) and local patterns ("Sochi, Russia", "Russia's Black Sea
//!   coast", "Donetsk region"). Results go to `Doc::places` as [`dyad_doc::Place`], sorted by start.
//! - [`governing_place`]: for the events stage, the place a trigger's event happened at.
//!
//! Architecture invariant: no IO at run time; all data is embedded, and lookups are built once per
//! process (`Gazetteer::embedded`). The gazetteer's name index is built at compile time (`build.rs`
//! loads `data/geo/` with this crate's loader and embeds its binary form); a test checks that it
//! equals what the text files load into.

#![deny(missing_docs)]

mod binary;
mod builtin;
pub mod eval;
pub mod gazetteer;
mod govern;
mod index;
mod mentions;
mod resolve;
mod stage;
pub mod text;

pub use gazetteer::{Entry, Feature, Gazetteer, LineError, LoadError, Sources};
pub use govern::governing_place;
pub use stage::PlaceStage;
