//! A small pool of read-only SQLite connections for the blocking query threads.
//!
//! A `rusqlite::Connection` is `Send` but not `Sync`, so each request borrows one connection on a
//! blocking thread and puts it back afterwards. At most [`MAX_IDLE`] idle connections are kept;
//! a burst beyond that opens extra ones that are closed after use.

use dyad_store::{Store, StoreError};
use std::path::PathBuf;
use std::sync::Mutex;

/// Idle connections kept open.
const MAX_IDLE: usize = 8;

/// Read-only connections to one database file.
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Pool {
    /// A pool over `path`; opens one connection now so a bad file fails at start-up.
    pub fn new(path: PathBuf) -> Result<Pool, StoreError> {
        let first = Store::open_readonly(&path)?;
        Ok(Pool {
            path,
            idle: Mutex::new(vec![first]),
        })
    }

    /// Run `f` with a connection, in one read transaction ([`Store::snapshot`]): every query of a
    /// request sees the same committed state while an ingest writes.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let taken = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let store = match taken {
            Some(s) => s,
            None => Store::open_readonly(&self.path)?,
        };
        let out = store.snapshot(f);
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < MAX_IDLE {
            idle.push(store);
        }
        out
    }
}
