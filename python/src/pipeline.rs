//! `dyad.Pipeline`: the Rust pipeline, loaded once, coding one document (`code`) or a stream of
//! them in parallel (`code_many`, an iterator in input order). The GIL is released while
//! documents are coded, so Python threads run in parallel too.

use crate::values::{object, to_json};
use crate::{DyadError, RejectedError};
use dyad::{Pipeline as Engine, PipelineOptions};
use dyad_output::{to_document, ConvertOptions};
use dyad_text::read::{from_object, ReadError, ReadOptions};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyString};
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::ffi::CString;
use std::path::PathBuf;
use std::sync::Arc;

/// Documents `code_many` reads from its iterable and codes in parallel at a time: enough to keep
/// every thread busy, few enough that results stream.
const BATCH_PER_THREAD: usize = 32;

/// The pipeline: models, dictionaries and gazetteer, loaded once and shared by every call and
/// thread.
#[pyclass(module = "dyad", frozen)]
pub struct Pipeline {
    engine: Arc<Engine>,
    convert: ConvertOptions,
}

/// One path, or a list of paths, as given for `actors=` and `agents=`.
fn paths(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PathBuf>> {
    match obj {
        None => Ok(Vec::new()),
        Some(o) if o.is_none() => Ok(Vec::new()),
        Some(o) => match o.extract::<PathBuf>() {
            Ok(p) => Ok(vec![p]),
            Err(_) => o.extract::<Vec<PathBuf>>(),
        },
    }
}

/// The message of a record that could not be read, as `dyad code` prints it after the file name
/// and line: `[id ID]: reason`.
fn read_message(e: &ReadError) -> String {
    match &e.id {
        Some(id) => format!("[id {id}]: {}", e.message),
        None => e.message.clone(),
    }
}

/// Code one document: the pipeline, then schema-1 JSON exactly as `dyad code` writes it (without
/// the newline).
fn code_doc(
    engine: &Engine,
    doc: dyad::doc::Doc,
    convert: ConvertOptions,
) -> Result<String, String> {
    let doc = engine.process(doc)?;
    let wire = to_document(&doc, convert);
    Ok(serde_json::to_string(&wire).expect("schema types always serialize"))
}

/// Parse the JSON of a coded document into Python objects.
fn loads(py: Python<'_>, json: &str) -> PyResult<Py<PyAny>> {
    let json_mod = py.import("json")?;
    Ok(json_mod.call_method1("loads", (json,))?.unbind())
}

#[pymethods]
impl Pipeline {
    /// Load the pipeline. `model_dir` overrides the embedded models (`dyad code --model`);
    /// `actors`, `agents` (a path or a list of paths) and `petrarch_dicts` (a directory) load the
    /// user's dictionaries over the embedded ones (`--actors`, `--agents`, `--petrarch-dicts`);
    /// `tokens=True` adds tokens to every document (`--tokens`); `min_confidence` is the least
    /// probability of a classifier-coded event (`--min-confidence`; `None`: the CLI's default);
    /// `keep_irrealis=True` also writes events that report no act, marked by their modality
    /// (`--keep-irrealis`); `min_check` is the least event-check probability for an event to be
    /// written (`--min-check`; `None`: the default, 0: every event). Problems in dictionaries that do not stop the load are issued as `UserWarning`s.
    #[new]
    // One keyword argument per `dyad code` option: a Python constructor's keywords are its API.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (model_dir=None, actors=None, agents=None, petrarch_dicts=None, tokens=false, min_confidence=None, keep_irrealis=false, min_check=None))]
    fn new(
        py: Python<'_>,
        model_dir: Option<PathBuf>,
        actors: Option<&Bound<'_, PyAny>>,
        agents: Option<&Bound<'_, PyAny>>,
        petrarch_dicts: Option<PathBuf>,
        tokens: bool,
        min_confidence: Option<f32>,
        keep_irrealis: bool,
        min_check: Option<f32>,
    ) -> PyResult<Pipeline> {
        if let Some(c) = min_check {
            if !(0.0..=1.0).contains(&c) {
                return Err(DyadError::new_err(format!(
                    "min_check must be in [0, 1], got {c}"
                )));
            }
        }
        if let Some(c) = min_confidence {
            if !(0.0..=1.0).contains(&c) {
                return Err(DyadError::new_err(format!(
                    "min_confidence must be in [0, 1], got {c}"
                )));
            }
        }
        let opts = PipelineOptions {
            model_dir,
            until: None,
            user_dicts: dyad_actors::dict::UserDicts {
                actors: paths(actors)?,
                agents: paths(agents)?,
                petrarch_dir: petrarch_dicts,
            },
            min_confidence,
            keep_irrealis,
            min_check,
        };
        let engine = py
            .detach(|| Engine::new(&opts))
            .map_err(|e| DyadError::new_err(format!("cannot build the pipeline: {e}")))?;
        let category = py.get_type::<pyo3::exceptions::PyUserWarning>();
        for w in engine.warnings() {
            let msg = CString::new(w.replace('\0', " ")).expect("no NUL left");
            PyErr::warn(py, category.as_any(), &msg, 1)?;
        }
        Ok(Pipeline {
            engine: Arc::new(engine),
            convert: ConvertOptions { tokens },
        })
    }

    /// The stage names, in the order documents go through them.
    #[getter]
    fn stages(&self) -> Vec<&'static str> {
        self.engine.stage_names()
    }

    /// Code one article and return its schema-1 document (a dict, the JSON `dyad code` writes).
    /// `date` (a `YYYY-MM-DD` string or any date format `dyad code` reads, or a `datetime.date`)
    /// is the publication date relative times are resolved against. Raises `RejectedError` with
    /// `dyad code`'s message when the document is rejected (empty text, unreadable date).
    #[pyo3(signature = (text, date=None, id=None, title=None))]
    fn code(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        date: Option<&Bound<'_, PyAny>>,
        id: Option<&Bound<'_, PyAny>>,
        title: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        if !text.is_instance_of::<PyString>() {
            let kind = text.get_type().name()?;
            return Err(PyTypeError::new_err(format!(
                "text must be str, not {kind}"
            )));
        }
        let mut obj = Map::new();
        obj.insert("text".into(), to_json(text, "text")?);
        for (key, value) in [("date", date), ("id", id), ("title", title)] {
            if let Some(v) = value {
                obj.insert(key.into(), to_json(v, key)?);
            }
        }
        let doc = from_object(obj, &ReadOptions::default(), "", None, || "doc".into())
            .map_err(|e| RejectedError::new_err(read_message(&e)))?;
        let (engine, convert) = (self.engine.clone(), self.convert);
        let json = py
            .detach(move || code_doc(&engine, doc, convert))
            .map_err(RejectedError::new_err)?;
        loads(py, &json)
    }

    /// Code many articles, in parallel on `threads` threads (None or 0: one per core), and yield
    /// their schema-1 documents in input order. Each item is a dict read like a JSON Lines record
    /// of `dyad code` (`text`, `id`, `date`, `title`, `url`, `source`; other keys go to `meta`);
    /// an item without an id is named by its position (`"0"`, `"1"`, …). A rejected item raises
    /// `RejectedError` (`docs[N] [id ID]: reason`), or, with `return_exceptions=True`, is yielded
    /// as that exception in its place. `as_json=True` yields the JSON text instead of dicts.
    #[pyo3(signature = (docs, threads=None, *, return_exceptions=false, as_json=false))]
    fn code_many(
        &self,
        docs: &Bound<'_, PyAny>,
        threads: Option<u64>,
        return_exceptions: bool,
        as_json: bool,
    ) -> PyResult<CodeIter> {
        let threads = dyad::check_threads(threads.unwrap_or(0)).map_err(PyValueError::new_err)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| DyadError::new_err(format!("cannot start worker threads: {e}")))?;
        let batch = BATCH_PER_THREAD * pool.current_num_threads();
        Ok(CodeIter {
            engine: self.engine.clone(),
            convert: self.convert,
            source: Some(docs.try_iter()?.unbind()),
            pool: Arc::new(pool),
            batch,
            next_index: 0,
            ready: VecDeque::new(),
            failed: None,
            return_exceptions,
            as_json,
        })
    }

    fn __repr__(&self) -> String {
        format!("dyad.Pipeline(stages={:?})", self.engine.stage_names())
    }
}

/// The iterator `Pipeline.code_many` returns.
#[pyclass(module = "dyad")]
pub struct CodeIter {
    engine: Arc<Engine>,
    convert: ConvertOptions,
    /// The caller's iterable; `None` once exhausted.
    source: Option<Py<PyIterator>>,
    pool: Arc<rayon::ThreadPool>,
    batch: usize,
    /// Position of the next item read from `source`.
    next_index: usize,
    /// Coded items not yet yielded: position, id-and-reason or JSON.
    ready: VecDeque<(usize, Result<String, String>)>,
    /// An error the iterable itself raised, raised after the items read before it.
    failed: Option<PyErr>,
    return_exceptions: bool,
    as_json: bool,
}

/// One item of the caller's iterable as a document, or the reason it cannot be one.
fn read_item(item: &Bound<'_, PyAny>, index: usize) -> Result<dyad::doc::Doc, String> {
    let dict = match item.cast::<PyDict>() {
        Ok(d) => d.clone(),
        Err(_) => {
            let kind = item
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default();
            return Err(format!("expected a dict with a `text` field, got {kind}"));
        }
    };
    let obj: Map<String, Value> = object(&dict).map_err(|e| e.value(item.py()).to_string())?;
    from_object(obj, &ReadOptions::default(), "", None, || index.to_string())
        .map_err(|e| read_message(&e))
}

impl CodeIter {
    /// Read the next batch from the iterable and code it, GIL released.
    fn fill(&mut self, py: Python<'_>) {
        let Some(source) = &self.source else { return };
        let mut it = source.bind(py).clone();
        let mut batch = Vec::with_capacity(self.batch);
        while batch.len() < self.batch {
            match it.next() {
                None => {
                    self.source = None;
                    break;
                }
                Some(Err(e)) => {
                    self.failed = Some(e);
                    self.source = None;
                    break;
                }
                Some(Ok(item)) => {
                    batch.push((self.next_index, read_item(&item, self.next_index)));
                    self.next_index += 1;
                }
            }
        }
        let (engine, pool, convert) = (self.engine.clone(), self.pool.clone(), self.convert);
        let coded: Vec<_> = py.detach(move || {
            pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|(i, doc)| (i, doc.and_then(|d| code_doc(&engine, d, convert))))
                    .collect()
            })
        });
        self.ready.extend(coded);
    }
}

#[pymethods]
impl CodeIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if self.ready.is_empty() {
            self.fill(py);
        }
        let Some((index, outcome)) = self.ready.pop_front() else {
            return match self.failed.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        };
        match outcome {
            Ok(json) if self.as_json => Ok(Some(PyString::new(py, &json).into_any().unbind())),
            Ok(json) => loads(py, &json).map(Some),
            Err(msg) => {
                // `[id ID]: reason` follows the position as it follows `file:line` in `dyad code`.
                let sep = if msg.starts_with('[') { " " } else { ": " };
                let err = RejectedError::new_err(format!("docs[{index}]{sep}{msg}"));
                if self.return_exceptions {
                    Ok(Some(err.into_value(py).into_any()))
                } else {
                    Err(err)
                }
            }
        }
    }
}
