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
mod tags;
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

/// Stops the statement running on a [`Store`]'s connection ([`Store::interrupt_handle`]).
pub struct Interrupt(rusqlite::InterruptHandle);

impl Interrupt {
    /// Interrupt the running statement, if any (a no-op when none runs).
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
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

    /// Open an existing, up-to-date database for reading only (the server's connections): every
    /// statement that would write fails (`PRAGMA query_only`).
    ///
    /// The file itself is opened for writing when the process may write it, so that the
    /// connection can finish what a killed writer left: roll back a hot journal (a kill while a
    /// new database was being created) or rebuild the WAL index. A connection opened with
    /// `SQLITE_OPEN_READ_ONLY` fails on such a file ("attempt to write a readonly database",
    /// `SQLITE_READONLY_ROLLBACK`) until some writer opens it (issue 20, kill-and-resume test).
    pub fn open_readonly(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        // Without SQLITE_OPEN_CREATE a missing file is an error; a write-protected file is opened
        // read-only by SQLite itself.
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch("PRAGMA query_only = ON")?;
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

    /// Run `f` in one read transaction, so that every statement it runs sees the same committed
    /// state. Under WAL an ingest may commit batches while the server answers; without this, a
    /// request running several statements (stats, a page and its total) could mix two states.
    /// Inside a transaction already open on this connection, `f` simply runs in it.
    pub fn snapshot<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let out = f(self);
        // Nothing was written: ending the transaction either way releases the snapshot; roll
        // back so that an error inside `f` cannot commit anything.
        let end = self.conn.execute_batch("ROLLBACK");
        let out = out?;
        end?;
        Ok(out)
    }

    /// A handle that stops the statement running on this connection from another thread (the
    /// statement fails with "interrupted"); the server uses it for requests that run out of time.
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.get_interrupt_handle())
    }

    /// The underlying connection (for ad-hoc SQL in tools and tests).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
