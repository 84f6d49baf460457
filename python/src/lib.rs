//! The native module of the `dyad` Python package (`dyad._dyad`).
//!
//! It exposes the Rust pipeline, not a copy of it: documents are read from Python values by
//! `dyad_text::read::from_object` (the JSON Lines reader's own code), coded by
//! `dyad::Pipeline::process` (the code path of `dyad code`) and written as schema-1 JSON by
//! `dyad_output`; frames are built from `dyad_output::tables`. The Python package (`dyad/`) adds
//! only pandas glue and documentation. Coding releases the GIL.

#![deny(missing_docs)]

mod frames;
mod pipeline;
mod values;

use pyo3::prelude::*;

/// The allocator of the `dyad` binary, for the same speed.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pyo3::create_exception!(
    dyad,
    DyadError,
    pyo3::exceptions::PyException,
    "Base class of Dyad's errors; raised as such when the pipeline cannot be built (a missing \
     model directory, an unreadable dictionary)."
);

pyo3::create_exception!(
    dyad,
    RejectedError,
    DyadError,
    "A document was rejected: the record could not be read (no text, a date that is no date) \
     or a stage failed on it. The message is the one `dyad code` prints after `dyad: rejected:`."
);

/// The module `dyad._dyad`.
#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("DyadError", py.get_type::<DyadError>())?;
    m.add("RejectedError", py.get_type::<RejectedError>())?;
    m.add("MAX_THREADS", dyad::MAX_THREADS)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<pipeline::Pipeline>()?;
    m.add_class::<pipeline::CodeIter>()?;
    m.add_function(wrap_pyfunction!(frames::table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(frames::table_data, m)?)?;
    Ok(())
}
