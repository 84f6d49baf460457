"""Shared fixtures: the repository's example articles, the `dyad` binary the pipeline is
compared with, and one loaded pipeline for the whole session."""

import json
import os
import pathlib
import subprocess

import pytest

import dyad

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def dyad_binary() -> str:
    """`$DYAD` (set by .ci/run), else the workspace's test or release build."""
    if os.environ.get("DYAD"):
        return os.environ["DYAD"]
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for profile in ("debug", "release"):
        exe = target / profile / "dyad"
        if exe.exists():
            return str(exe)
    pytest.fail("no dyad binary: build it (cargo test --workspace --no-run) or set DYAD")


def run_cli(*args: str) -> list:
    """`dyad code ARGS` as a list of schema-1 documents."""
    out = subprocess.run(
        [dyad_binary(), "code", "-q", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.fixture(scope="session")
def pipeline() -> dyad.Pipeline:
    return dyad.Pipeline()


@pytest.fixture(scope="session")
def jsonl_records() -> list:
    """The records of examples/quote-speakers.jsonl, as dicts."""
    path = EXAMPLES / "quote-speakers.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
