"""Dyad: political event data from news articles.

Who did and said what to whom, when and where: CAMEO/PLOVER events, quotes with their speakers,
actors, times and places, coded by the Dyad engine (Rust; the same pipeline as the ``dyad``
command line).

>>> import dyad
>>> pipeline = dyad.Pipeline()                  # loads models and dictionaries once
>>> doc = pipeline.code(text, date="2025-06-03")  # one schema-1 document (a dict)
>>> events = dyad.events_frame([doc])            # pandas: one row per event

``Pipeline.code_many`` codes an iterable of dicts in parallel and yields documents in input
order; coding releases the GIL. Documents follow output schema 1 (``docs/schema.md``); the event
frame has the columns of ``dyad code --format csv``.
"""

from dyad._dyad import (
    MAX_THREADS,
    CodeIter,
    DyadError,
    Pipeline,
    RejectedError,
    __version__,
)
from dyad.frames import (
    columns,
    documents_frame,
    entities_frame,
    events_frame,
    quotes_frame,
)

__all__ = [
    "MAX_THREADS",
    "CodeIter",
    "DyadError",
    "Pipeline",
    "RejectedError",
    "__version__",
    "columns",
    "documents_frame",
    "entities_frame",
    "events_frame",
    "quotes_frame",
]
