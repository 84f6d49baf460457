"""Coding releases the GIL: another Python thread runs while `code` runs.

The check counts what a second thread does during one call, with the interpreter's thread
switching turned off, so it does not depend on the machine's speed or load. (A wall-time
comparison of one and two threads was dropped: speed belongs in benchmarks, and on a loaded CI
machine it failed by noise.)
"""

import time
import threading

import pytest

from conftest import EXAMPLES


@pytest.fixture(scope="module")
def texts(jsonl_records):
    article = (EXAMPLES / "geneva-talks.txt").read_text()
    return ([article] + [r["text"] for r in jsonl_records]) * 16


def test_the_gil_is_free_while_coding(pipeline, texts):
    """Independent of cores: with the interpreter's thread switching turned off, another thread
    can run Python while `code` runs only if `code` released the GIL."""
    import sys

    long_text = "\n\n".join(texts[:32])
    ticks = 0
    stop = threading.Event()

    def ticker():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.0005)  # sleeping releases the GIL; waking needs it back

    interval = sys.getswitchinterval()
    sys.setswitchinterval(100.0)  # a thread holding the GIL keeps it until it releases it
    t = threading.Thread(target=ticker)
    try:
        t.start()
        before = ticks
        pipeline.code(long_text)
        during = ticks - before
    finally:
        sys.setswitchinterval(interval)
        stop.set()
        t.join()
    assert during >= 3, during
