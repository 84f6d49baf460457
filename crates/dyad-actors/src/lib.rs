//! Dyad actors: who is acting, coded CAMEO-style, and which mentions denote the same referent.
//!
//! - [`dict`]: the project's own actor dictionary (`data/actors/*.txt`, embedded): states,
//!   organisations, regions, agents (titles, group nouns) and people with dated roles, validated
//!   on load with `path:line: message` diagnostics.
//! - [`matcher`]: one Aho-Corasick automaton over every dictionary form, built once.
//! - [`ActorStage`]: the pipeline stage. It finds actor mentions (from the dictionary and from the
//!   NER stage's entities), resolves each to an [`dyad_doc::Actor`] as of the document's date
//!   (title + name, adjective + agent, possessives, metonyms, appositions), and links mentions
//!   into coreference clusters (name variants, role nominals, pronouns).
//! - [`SpeakerRoleStage`]: after the quote stage, a role speaker ("a spokeswoman said") gets the
//!   role's sector and a country from the context, as agents do.
//! - [`cluster_at`]: the cluster whose mention overlaps a span (for the quotes stage).
//! - [`petrarch`]: a loader for PETRARCH/TABARI actor and agent dictionaries (Phoenix), with
//!   date-aware phrase lookup.
//!
//! ```
//! use dyad_actors::{cluster_at, ActorStage};
//! use dyad_doc::Doc;
//!
//! let stage = ActorStage::new(); // build once, share across threads
//! let mut doc = Doc::new("ex", "Kremlin aide Yuri Ushakov said Moscow was ready. He gave no date.");
//! doc.date = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
//! stage.annotate(&mut doc); // sentences and tokens help but are not required
//! let codes: Vec<(&str, &str)> = doc
//!     .entities
//!     .iter()
//!     .filter_map(|e| Some((doc.slice(e.span), e.actor.as_ref()?.code.as_str())))
//!     .collect();
//! assert_eq!(codes, [("Kremlin", "RUSGOV"), ("Yuri Ushakov", "RUSGOV"), ("Moscow", "RUSGOV")]);
//! let he = doc.text.find("He").unwrap();
//! let c = cluster_at(&doc, dyad_doc::Span::new(he, he + 2)).unwrap();
//! assert_eq!(doc.clusters[c].name.as_deref(), Some("Yuri Ushakov"));
//! ```
#![deny(missing_docs)]

mod bearers;
mod builtin;
mod coref;
pub mod coref_eval;
pub mod country;
pub mod dict;
mod ethnic;
pub mod eval;
pub mod matcher;
mod norm;
mod organ;
pub mod petrarch;
mod place_actor;
mod resolve;
pub mod speaker_antecedent;
pub mod speaker_filter;
pub mod speaker_nouns;
pub mod speaker_role;
mod stage;

pub use country::CountryStage;
pub use resolve::Mention;
pub use speaker_role::SpeakerRoleStage;
pub use stage::{cluster_at, ActorStage};
