//! Tables of coded documents for pandas: the typed rows of `dyad_output::tables` (the CSV
//! columns of `dyad code --format csv` for events), column by column, for `dyad.events_frame`
//! and its siblings (`dyad/frames.py` makes the DataFrame).

use dyad_output::tables::{self, Cell, Table};
use dyad_output::Document;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

fn find(name: &str) -> PyResult<&'static Table> {
    tables::table(name).ok_or_else(|| {
        let names: Vec<_> = tables::TABLES.iter().map(|t| t.name).collect();
        PyValueError::new_err(format!("no table `{name}` (tables: {})", names.join(", ")))
    })
}

/// The columns of table `name` (`events`, `quotes`, `entities`, `documents`) with their kinds
/// (`text`, `int`, `float`, `score`, `bool`).
#[pyfunction]
pub fn table_columns(name: &str) -> PyResult<Vec<(&'static str, &'static str)>> {
    let t = find(name)?;
    Ok(t.columns
        .iter()
        .zip(t.kinds)
        .map(|(c, k)| (*c, k.name()))
        .collect())
}

/// One coded document, from its dict (as `Pipeline.code` returns it) or its JSON text.
fn document(py: Python<'_>, item: &Bound<'_, PyAny>, index: usize) -> PyResult<Document> {
    let json: String = if let Ok(s) = item.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else if item.is_instance_of::<PyDict>() {
        py.import("json")?
            .call_method1("dumps", (item,))?
            .extract()?
    } else {
        let kind = item.get_type().name()?;
        return Err(PyTypeError::new_err(format!(
            "docs[{index}]: expected a coded document (a dict from Pipeline.code or its JSON \
             text), got {kind}"
        )));
    };
    let doc: Document = serde_json::from_str(&json).map_err(|e| {
        PyValueError::new_err(format!("docs[{index}]: not a schema-1 document: {e}"))
    })?;
    if doc.schema != 1 {
        return Err(PyValueError::new_err(format!(
            "docs[{index}]: schema {} is not schema 1",
            doc.schema
        )));
    }
    Ok(doc)
}

fn cell_object(py: Python<'_>, cell: Cell) -> PyResult<Py<PyAny>> {
    Ok(match cell {
        Cell::Null => py.None(),
        Cell::Text(s) => s.into_pyobject(py)?.into_any().unbind(),
        Cell::Int(v) => v.into_pyobject(py)?.into_any().unbind(),
        Cell::Float(v) => v.into_pyobject(py)?.into_any().unbind(),
        Cell::Bool(v) => v.into_pyobject(py)?.to_owned().into_any().unbind(),
    })
}

/// The rows of table `name` over `docs` (dicts or JSON texts), as one list per column.
#[pyfunction]
pub fn table_data(
    py: Python<'_>,
    name: &str,
    docs: &Bound<'_, PyAny>,
) -> PyResult<Vec<Py<PyList>>> {
    let t = find(name)?;
    let mut columns: Vec<Vec<Py<PyAny>>> = (0..t.columns.len()).map(|_| Vec::new()).collect();
    for (index, item) in docs.try_iter()?.enumerate() {
        let doc = document(py, &item?, index)?;
        for row in (t.rows)(&doc) {
            for (col, cell) in columns.iter_mut().zip(row) {
                col.push(cell_object(py, cell)?);
            }
        }
    }
    columns
        .into_iter()
        .map(|c| Ok(PyList::new(py, c)?.unbind()))
        .collect()
}
