//! The embedded gazetteer: the binary form `build.rs` made from `data/geo/` at build time, read
//! once per process.

use crate::gazetteer::{Gazetteer, LineError, LoadError};

/// `$OUT_DIR/gazetteer.bin`, written by `build.rs` (see `binary.rs`).
const COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

impl Gazetteer {
    /// The embedded default gazetteer, loaded once per process. The data files were validated
    /// when the binary was built (a bad line fails the build); the error here is only for a
    /// damaged binary form.
    pub fn embedded() -> Result<&'static Gazetteer, LoadError> {
        static CELL: once_cell::sync::OnceCell<Gazetteer> = once_cell::sync::OnceCell::new();
        CELL.get_or_try_init(|| {
            Gazetteer::from_bytes(COMPILED).ok_or_else(|| LoadError {
                errors: vec![LineError {
                    file: "gazetteer.bin (built from data/geo/)".into(),
                    line: 0,
                    message: "the embedded binary gazetteer is damaged".into(),
                }],
            })
        })
    }
}
