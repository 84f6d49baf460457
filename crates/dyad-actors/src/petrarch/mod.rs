//! A loader for PETRARCH/TABARI dictionaries, so users can bring the Phoenix actor and agent files.
//!
//! Two file kinds are read: actor dictionaries (`*.actors.txt`: phrases with CAMEO codes, `+`
//! synonyms and date restrictions) and agent dictionaries (`agents.txt`: role nouns with codes that
//! attach to an actor's code, `{plural}` forms and `!MARKER!` substitution sets). Both are compiled
//! into a word trie so a phrase (a sequence of words) can be looked up quickly; actors are looked
//! up *as of a date*.
//!
//! The loader is lenient like PETRARCH itself: a malformed line is skipped and reported as a
//! `path:line: message` warning (see [`PetrActors::warnings`]); only IO errors fail the load.
//!
//! ```no_run
//! use dyad_actors::petrarch::{load_actors, load_agents};
//! let actors = load_actors("PETR.Validate.actors.txt").unwrap();
//! let date = chrono::NaiveDate::from_ymd_opt(2010, 1, 10);
//! let words = ["SAM", "GAMGEE", "SAID"];
//! if let Some(m) = actors.longest_match(&words, date) {
//!     println!("{} words -> {:?}", m.len, m.codes);
//! }
//! let agents = load_agents("PETR.Validate.agents.txt").unwrap();
//! assert!(agents.lookup_phrase("FOREIGN MINISTER").is_some());
//! ```

mod actors;
mod agents;
mod reader;

pub use actors::{
    load_actors, parse_actors, ActorMatch, DateRestriction, DatedCode, PetrActor, PetrActors,
};
pub use agents::{load_agents, parse_agents, AgentCode, AgentMatch, PetrAgents};

use std::path::PathBuf;

/// A PETRARCH dictionary could not be read at all (bad lines only produce warnings).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Normalises one dictionary or text word for lookup: upper case, curly apostrophes made straight.
pub fn normalize_word(w: &str) -> String {
    w.chars()
        .map(|c| {
            if c == '\u{2019}' || c == '\u{2018}' {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_uppercase)
        .collect()
}

/// Splits a dictionary phrase (`UNITED_STATES`, `SAM GAMGEE`, `ARNOR_`) into normalised words:
/// `_` and spaces both separate words; empty pieces (a trailing `_`) are dropped.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(normalize_word)
        .collect()
}
