"""Type hints of the native module ``dyad._dyad`` (Rust, PyO3)."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

__version__: str
MAX_THREADS: int
"""Most worker threads ``code_many`` accepts (as ``dyad code --threads``)."""

_Path = Union[str, "os.PathLike[str]"]
_Date = Union[str, datetime.date, None]
_Doc = Dict[str, Any]

class DyadError(Exception):
    """Base class of Dyad's errors; raised as such when the pipeline cannot be built."""

class RejectedError(DyadError):
    """A document was rejected (no text, a date that is no date, a stage failure); the message
    is the one ``dyad code`` prints after ``dyad: rejected:``."""

class Pipeline:
    """The Dyad pipeline, loaded once and shared by calls and threads."""

    def __init__(
        self,
        model_dir: Optional[_Path] = None,
        actors: Union[_Path, Sequence[_Path], None] = None,
        agents: Union[_Path, Sequence[_Path], None] = None,
        petrarch_dicts: Optional[_Path] = None,
        tokens: bool = False,
        min_confidence: Optional[float] = None,
        keep_irrealis: bool = False,
        min_check: Optional[float] = None,
    ) -> None: ...
    @property
    def stages(self) -> List[str]:
        """The stage names, in order."""
    def code(
        self,
        text: str,
        date: _Date = None,
        id: Union[str, int, None] = None,
        title: Optional[str] = None,
    ) -> _Doc:
        """Code one article; returns its schema-1 document (the JSON of ``dyad code``)."""
    def code_many(
        self,
        docs: Iterable[Mapping[str, Any]],
        threads: Optional[int] = None,
        *,
        return_exceptions: bool = False,
        as_json: bool = False,
    ) -> "CodeIter":
        """Code dicts (``text``, ``id``, ``date``, ``title``, …) in parallel; yields schema-1
        documents in input order (JSON text with ``as_json=True``; a ``RejectedError`` in place
        of a rejected item with ``return_exceptions=True``)."""

class CodeIter(Iterator[Any]):
    """The iterator ``Pipeline.code_many`` returns."""

    def __iter__(self) -> "CodeIter": ...
    def __next__(self) -> Any: ...

def table_columns(name: str) -> List[Tuple[str, str]]: ...
def table_data(name: str, docs: Iterable[Union[_Doc, str]]) -> List[List[Any]]: ...
