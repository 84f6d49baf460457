//! Python values → JSON values, so that a Python record is read by the same code as a JSON Lines
//! record (`dyad_text::read::from_object`).
//!
//! Besides plain JSON types it accepts what a notebook or a pandas row hands over: dates and
//! timestamps (`datetime.date`, `datetime.datetime`, `pandas.Timestamp`, written with
//! `isoformat()`), NumPy integers (anything with `__index__`), and missing values (`NaN`, `NaT`,
//! `pandas.NA`), which become `null` as an absent field does. Anything else is an error naming
//! the field and the type.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// The JSON value of `obj`; `field` names it in errors.
pub fn to_json(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyBool>() {
        return Ok(Value::Bool(obj.extract()?));
    }
    if obj.is_instance_of::<PyInt>() {
        return int_value(obj);
    }
    if obj.is_instance_of::<PyFloat>() {
        let v: f64 = obj.extract()?;
        return Ok(Number::from_f64(v).map_or(Value::Null, Value::Number));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        return Ok(Value::Object(object(d)?));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let items = obj.try_iter()?;
        let values = items.map(|v| to_json(&v?, field));
        return Ok(Value::Array(values.collect::<PyResult<_>>()?));
    }
    if is_missing(obj) {
        return Ok(Value::Null);
    }
    if obj.hasattr("isoformat")? {
        let s = obj.call_method0("isoformat")?;
        return Ok(Value::String(s.extract()?));
    }
    if obj.hasattr("__index__")? {
        return int_value(&obj.call_method0("__index__")?);
    }
    let kind = obj.get_type().name()?;
    Err(PyTypeError::new_err(format!(
        "field `{field}`: a value of type {kind} cannot be read (expected str, number, date, \
         None, list or dict)"
    )))
}

/// A Python int as a JSON number (as text when it does not fit 64 bits).
fn int_value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if let Ok(v) = obj.extract::<i64>() {
        return Ok(Value::Number(v.into()));
    }
    if let Ok(v) = obj.extract::<u64>() {
        return Ok(Value::Number(v.into()));
    }
    Ok(Value::String(obj.str()?.to_cow()?.into_owned()))
}

/// A missing value of pandas or NumPy: one not equal to itself (`NaN`, `NaT`), or `pandas.NA`
/// (whose comparisons are themselves missing).
fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    if obj
        .get_type()
        .name()
        .is_ok_and(|n| n.to_cow().is_ok_and(|n| n == "NAType"))
    {
        return true;
    }
    obj.ne(obj).unwrap_or(false)
}

/// A dict as a JSON object; keys are turned into strings.
pub fn object(d: &Bound<'_, PyDict>) -> PyResult<Map<String, Value>> {
    let mut map = Map::new();
    for (k, v) in d.iter() {
        let key = match k.cast::<PyString>() {
            Ok(s) => s.to_cow()?.into_owned(),
            Err(_) => k.str()?.to_cow()?.into_owned(),
        };
        let value = to_json(&v, &key)?;
        map.insert(key, value);
    }
    Ok(map)
}
