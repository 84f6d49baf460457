//! A small pool of read-only SQLite connections for the blocking query threads.
//!
//! A `rusqlite::Connection` is `Send` but not `Sync`, so each request borrows one connection on a
//! blocking thread and puts it back afterwards. At most [`MAX_IDLE`] idle connections are kept;
//! a burst beyond that opens extra ones that are closed after use.

use dyad_store::{Interrupt, Store, StoreError};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Idle connections kept open.
const MAX_IDLE: usize = 8;

/// Read-only connections to one database file.
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

/// Lets a request stop its query from another thread (when it runs out of time): holds the
/// connection's interrupt handle while [`Pool::with`] runs a query on it.
#[derive(Clone, Default)]
pub struct Cancel(Arc<Mutex<Option<Interrupt>>>);

impl Cancel {
    /// Interrupt the query, if one is running.
    pub fn cancel(&self) {
        if let Some(h) = self.0.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            h.interrupt();
        }
    }

    fn set(&self, h: Option<Interrupt>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = h;
    }
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
    /// request sees the same committed state while an ingest writes. `cancel` can interrupt it.
    pub fn with<T>(
        &self,
        cancel: &Cancel,
        f: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let taken = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let store = match taken {
            Some(s) => s,
            None => Store::open_readonly(&self.path)?,
        };
        cancel.set(Some(store.interrupt_handle()));
        let out = store.snapshot(f);
        cancel.set(None);
        // A connection whose read transaction could not be ended (an interrupt that hit the
        // rollback) would serve later requests a stale snapshot: close it instead.
        if store.connection().is_autocommit() {
            let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
            if idle.len() < MAX_IDLE {
                idle.push(store);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn a_cancelled_query_stops_and_the_pool_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.sqlite");
        drop(Store::open(&path).unwrap());
        let pool = Arc::new(Pool::new(path).unwrap());
        let cancel = Cancel::default();
        let (p, c) = (pool.clone(), cancel.clone());
        let t0 = Instant::now();
        // A query that would run for minutes.
        let slow = std::thread::spawn(move || {
            p.with(&c, |s| {
                Ok(s.connection().query_row(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                        WHERE i < 10000000000) SELECT COUNT(*) FROM n",
                    [],
                    |r| r.get::<_, i64>(0),
                )?)
            })
        });
        // Until the query has started, cancelling does nothing: repeat until the thread ends.
        while !slow.is_finished() {
            std::thread::sleep(Duration::from_millis(50));
            cancel.cancel();
        }
        let err = slow.join().unwrap().unwrap_err();
        assert!(err.to_string().contains("interrupt"), "{err}");
        assert!(t0.elapsed() < Duration::from_secs(60));
        let n = pool
            .with(&Cancel::default(), |s| Ok(s.stats()?.documents))
            .unwrap();
        assert_eq!(n, 0);
    }
}
