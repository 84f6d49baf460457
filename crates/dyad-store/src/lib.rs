//! Dyad's corpus store: schema-1 documents in one SQLite file.
//!
//! `dyad code` writes JSON Lines; analysts need to filter millions of events by dyad and date and
//! click back to the sentence. This crate keeps coded [`dyad_output::Document`]s in SQLite
//! (bundled, no server): normalised tables for the queries (events, entities, quotes, times,
//! places, sentences) plus each document's full annotations as JSON so a document view round-trips
//! exactly. The main types:
//!
//! - [`Store`]: an open database; [`Store::open`] creates or migrates it ([`schema`]).
//! - [`BatchWriter`]: ingest in batched transactions; re-ingesting an id replaces it.
//! - [`EventFilter`] and the query methods in [`query`]: events, timelines, the actor network,
//!   dyads, quotes, documents — all with bound parameters, never string-built values.
//! - [`timeline`]: counts per day/week/month over the publication range, every bucket present.
//! - [`map`]: events by geocoded place and country; [`complete`]: filter completion and facets.
//! - [`export`]: the events table as CSV, JSON Lines or Parquet.
//! - [`dedup`]: canonical events (one real-world event across its mentions) and near-duplicate
//!   articles, kept up to date at ingest or by [`Store::dedup`].
//! - [`threads`]: negotiation threads between two sides (proposals, responses, issue tags).
//!
//! Offsets stay code points into `Document::text`, exactly as in the wire format.

#![deny(missing_docs)]

pub mod complete;
pub mod dedup;
pub mod export;
mod ingest;
pub mod map;
pub mod query;
pub mod schema;
pub mod threads;
pub mod timeline;

pub use ingest::{BatchWriter, IngestStats};
pub use query::{EventFilter, EventRecord, Page};
pub use schema::SCHEMA_VERSION;

use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("sqlite: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A document's annotations could not be (de)serialised.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// The file was written by a newer Dyad.
    #[error("database schema version {found} is newer than this dyad supports ({supported}); upgrade dyad")]
    TooNew {
        /// Version in the file.
        found: u32,
        /// Newest version this build knows.
        supported: u32,
    },
    /// The file is older than this build and was opened read-only.
    #[error("database schema version {found} is older than {supported}; open it once with `dyad ingest` (or `dyad serve`) to migrate")]
    TooOld {
        /// Version in the file.
        found: u32,
        /// Version this build needs.
        supported: u32,
    },
    /// A data file is malformed (`file:line: message`).
    #[error("{0}")]
    Data(String),
    /// A migration failed.
    #[error("migration to version {0} failed: {1}")]
    Migration(u32, String),
    /// A caller's parameter is invalid (the server turns this into HTTP 400).
    #[error("{0}")]
    BadParam(String),
    /// Writing an export failed.
    #[error("export: {0}")]
    Export(String),
    /// IO failed.
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

/// An open corpus database.
pub struct Store {
    conn: Connection,
    dedup_on_ingest: bool,
}

impl Store {
    /// Open (creating if needed) a database for reading and writing and migrate it to
    /// [`SCHEMA_VERSION`].
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let mut conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        schema::migrate(&mut conn)?;
        Ok(Store {
            conn,
            dedup_on_ingest: true,
        })
    }

    /// Open an existing, up-to-date database read-only (the server's connections).
    pub fn open_readonly(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let found = schema::version(&conn)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(StoreError::TooOld {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(Store {
            conn,
            dedup_on_ingest: true,
        })
    }

    /// The underlying connection (for ad-hoc SQL in tools and tests).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
