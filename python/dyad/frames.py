"""pandas DataFrames of coded documents: one row per event, quote, entity or document.

The rows and cells come from the engine (``dyad_output::tables`` in Rust, the code that writes
``dyad code --format csv``); this module only gives each column its pandas dtype: ``text`` →
object (``None`` when missing), ``int`` → nullable ``Int64``, ``float`` and ``score`` →
``float64`` (``NaN`` when missing), ``bool`` → ``bool``.
"""

from __future__ import annotations

from typing import Any, Iterable, List, Tuple, Union

from dyad import _dyad

Doc = Union[dict, str]

_DTYPES = {"text": object, "int": "Int64", "float": "float64", "score": "float64", "bool": "bool"}


def columns(table: str) -> List[Tuple[str, str]]:
    """The columns of ``table`` (``events``, ``quotes``, ``entities``, ``documents``) with their
    kinds (``text``, ``int``, ``float``, ``score``, ``bool``)."""
    return _dyad.table_columns(table)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            "dyad's frames need pandas, which is not installed: pip install pandas "
            "(or install dyad with its extra: pip install './python[pandas]')"
        ) from None
    return pandas


def _frame(table: str, docs: Iterable[Doc]) -> Any:
    pd = _pandas()
    if isinstance(docs, (dict, str)):
        docs = [docs]
    cols = _dyad.table_columns(table)
    data = _dyad.table_data(table, docs)
    series = {
        name: pd.Series(values, dtype=_DTYPES[kind], name=name)
        for (name, kind), values in zip(cols, data)
    }
    return pd.DataFrame(series, columns=[name for name, _ in cols])


def events_frame(docs: Iterable[Doc]) -> Any:
    """One row per event of ``docs`` (dicts from ``Pipeline.code``/``code_many``, or their JSON
    text; a single document is accepted too), with the columns of ``dyad code --format csv``:
    ``doc_id, title, idx, sentence, date, day, cameo, root, goldstein, quad, plover_type, …,
    evidence_start, evidence_end, evidence_text``. Evidence offsets are code points."""
    return _frame("events", docs)


def quotes_frame(docs: Iterable[Doc]) -> Any:
    """One row per quote of ``docs``: ``doc_id, idx, start, end, text, kind, speaker_start,
    speaker_end, speaker_text, speaker_name, speaker_code, speaker_cluster, cue_text, channel``
    (the corpus store's ``quotes`` table)."""
    return _frame("quotes", docs)


def entities_frame(docs: Iterable[Doc]) -> Any:
    """One row per entity (named entities and actor noun phrases) of ``docs``: ``doc_id, idx,
    start, end, text, type, actor_name, actor_code, country, sector, country_from, cluster``
    (the corpus store's ``entities`` table)."""
    return _frame("entities", docs)


def documents_frame(docs: Iterable[Doc]) -> Any:
    """One row per document of ``docs``: ``doc_id, date, title, url, source`` and the number of
    sentences, entities, quotes, events, times and places."""
    return _frame("documents", docs)
