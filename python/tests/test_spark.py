"""The Spark job (examples/spark/code_corpus.py) in local mode on a slice of NewsArticles: its
documents and events equal those of `dyad code` on the same rows.

Runs only where ../shared exists (the slice is read in place, written to a temporary file) and
PySpark is installed; `scripts/python-ci.sh` sets DYAD_REQUIRE_SPARK=1 so that a missing PySpark
fails instead of skipping. DYAD_SPARK_ROWS sets the slice size (default 120).
"""

import csv
import json
import os
import subprocess
import sys
import time

import pytest

import dyad
from conftest import ROOT, dyad_binary

NEWS = ROOT.parent / "shared" / "data" / "newsarticles" / "NewsArticles.csv"
ROWS = int(os.environ.get("DYAD_SPARK_ROWS", "120"))

pytestmark = pytest.mark.skipif(not NEWS.exists(), reason="../shared is not here")


def spark_available():
    if os.environ.get("DYAD_REQUIRE_SPARK"):
        import pyspark  # noqa: F401  (must be installed: fail, don't skip)
        return
    pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The first ROWS articles as JSON Lines (`id`, `date`, `title`, `text`)."""
    csv.field_size_limit(1 << 30)
    path = tmp_path_factory.mktemp("spark") / "slice.jsonl"
    with open(NEWS, newline="", encoding="utf-8", errors="replace") as f, open(path, "w") as out:
        for i, row in enumerate(csv.DictReader(f)):
            if i == ROWS:
                break
            rec = {"id": row["article_id"], "date": row["publish_date"], "title": row["title"], "text": row["text"]}
            out.write(json.dumps(rec) + "\n")
    return path


def read_table(path):
    """A table the job wrote, with `month` read from the partition directories as text (null
    for Spark's default partition)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    part = ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive")
    table = ds.dataset(str(path), format="parquet", partitioning=part).to_table()
    return table.to_pandas()


def test_spark_job_equals_dyad_code(corpus, tmp_path):
    spark_available()
    pd = pytest.importorskip("pandas")
    cli_out = tmp_path / "cli.jsonl"
    start = time.perf_counter()
    cli = subprocess.run(
        [dyad_binary(), "code", "-q", "--threads", "2", str(corpus), "-o", str(cli_out)],
        capture_output=True,
        text=True,
    )
    cli_seconds = time.perf_counter() - start
    assert cli.returncode == 0, cli.stderr
    expected = cli_out.read_text().splitlines()

    out = tmp_path / "spark"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    start = time.perf_counter()
    job = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "spark" / "code_corpus.py"), str(corpus), str(out), "--master", "local[2]"],
        capture_output=True,
        text=True,
        env=env,
    )
    spark_seconds = time.perf_counter() - start
    assert job.returncode == 0, job.stderr[-5000:]

    docs = read_table(out / "documents")
    coded = docs[docs["json"].notna()]
    # Every document's JSON is the line `dyad code` wrote for the same record.
    assert sorted(coded["json"]) == sorted(expected)
    rejected = docs[docs["error"].notna()]
    assert len(docs) == ROWS and len(coded) == len(expected)
    assert cli.stderr.strip().splitlines()[-1].startswith(f"dyad: {ROWS} documents read, {len(expected)} written, {len(rejected)} rejected")

    # Events: same codes, actors and spans, row for row.
    events = read_table(out / "events")
    cols = [c for c, _ in dyad.columns("events")]
    key = ["doc_id", "idx"]
    got = events[cols].sort_values(key).reset_index(drop=True)
    want = dyad.events_frame(expected).sort_values(key).reset_index(drop=True)
    assert len(got) > 0
    for c in cols:
        a, b = got[c].astype(object).where(got[c].notna(), None), want[c].astype(object).where(want[c].notna(), None)
        assert a.tolist() == b.tolist(), c
    months = {str(d)[:7] for d in coded["date"]}
    assert set(events["month"].dropna()) <= months

    quotes = read_table(out / "quotes")
    assert len(quotes) == len(dyad.quotes_frame(expected))
    n = len(expected)
    print(
        f"\n{n} docs: spark local[2] {spark_seconds:.1f} s ({n / spark_seconds:.1f} docs/s, with JVM start), "
        f"dyad code --threads 2 {cli_seconds:.1f} s ({n / cli_seconds:.1f} docs/s)"
    )
