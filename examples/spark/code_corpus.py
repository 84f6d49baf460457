"""Code a news corpus with Dyad on Apache Spark.

    spark-submit --py-files dyad.zip examples/spark/code_corpus.py CORPUS OUT   # docs/spark.md
    python examples/spark/code_corpus.py CORPUS OUT --master 'local[2]'         # local mode

CORPUS is CSV (with a header), JSON Lines or Parquet (by extension, or --format) with an id, a
text and a publication date column (--id-col, --text-col, --date-col; a title column is used when
present). Each Python worker process loads one `dyad.Pipeline` and codes its partitions with
`mapInPandas`, one thread per task slot (spark.task.cpus). The engine is the Rust pipeline of
`dyad code`: every document's JSON is the line `dyad code` writes for the same record.

OUT receives three Parquet tables, partitioned by publication month (`month=YYYY-MM`; documents
without a date under Spark's default partition):

- documents/: one row per input record: the columns of `dyad.documents_frame`, `month`, `json`
  (the whole schema-1 document) and `error` (why a record was rejected; then `json` is null).
  Nothing is dropped: rejected records are rows too.
- events/: one row per event, the columns of `dyad code --format csv` (`dyad.events_frame`).
- quotes/: one row per quote (`dyad.quotes_frame`).

Documents are coded once: events and quotes are read back from documents/.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Iterator, List, Optional

SPARK_TYPES = {"text": "string", "int": "bigint", "float": "double", "score": "double", "bool": "boolean"}

# One pipeline per Python worker process, loaded by the first partition it codes (workers are
# reused across tasks: spark.python.worker.reuse, on by default).
_PIPELINE = None


def pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        import dyad

        _PIPELINE = dyad.Pipeline()
    return _PIPELINE


def ddl(table: str, extra: List[str]) -> str:
    """The Spark schema (DDL) of a dyad table plus extra `name type` columns."""
    import dyad

    cols = [f"`{name}` {SPARK_TYPES[kind]}" for name, kind in dyad.columns(table)]
    return ", ".join(cols + extra)


def month_of(date: Optional[str]) -> Optional[str]:
    return date[:7] if isinstance(date, str) and len(date) >= 7 else None


def code_batches(threads: int):
    """The mapInPandas function: input rows (id, text, date[, title]) → document rows."""

    def run(batches: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:
        import dyad
        import pandas as pd

        doc_cols = [c for c, _ in dyad.columns("documents")]
        for batch in batches:
            records = batch.to_dict("records")
            cpu = time.process_time()
            coded = list(pipeline().code_many(records, threads=threads, return_exceptions=True, as_json=True))
            cpu = time.process_time() - cpu
            # In the executor's log (the console in local mode): what one task slot codes.
            print(f"dyad: worker {os.getpid()}: {len(records)} records coded in {cpu:.2f} CPU-s", file=sys.stderr)
            good, errors = [], []
            for rec, out in zip(records, coded):
                if isinstance(out, dyad.RejectedError):
                    errors.append({"doc_id": None if rec.get("id") is None else str(rec["id"]), "error": str(out)})
                else:
                    good.append(out)
            docs = dyad.documents_frame(good)
            docs["month"] = [month_of(d) for d in docs["date"]]
            docs["json"] = good
            docs["error"] = None
            rejected = pd.DataFrame(errors, columns=["doc_id", "error"])
            for c in doc_cols + ["month", "json"]:
                if c != "doc_id":
                    rejected[c] = None
            rejected = rejected.astype({c: docs[c].dtype for c in docs.columns if c != "error"})
            yield pd.concat([docs, rejected[docs.columns]], ignore_index=True) if errors else docs

    return run


def layer_batches(table: str, count: str):
    """The mapInPandas function: document rows → the rows of one layer (events or quotes), each
    with its document's month."""

    def run(batches: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:
        import dyad
        import numpy as np

        for batch in batches:
            frame = dyad.events_frame if table == "events" else dyad.quotes_frame
            rows = frame(batch["json"].tolist())
            # Rows come document by document, `count` of them for each.
            rows["month"] = np.repeat(batch["month"].to_numpy(dtype=object), batch[count].to_numpy(dtype="int64"))
            yield rows

    return run


def read_corpus(spark, path: str, fmt: Optional[str]):
    fmt = fmt or {".csv": "csv", ".jsonl": "json", ".json": "json", ".parquet": "parquet"}.get(
        os.path.splitext(path.rstrip("/"))[1].lower(), "parquet"
    )
    if fmt == "csv":
        return spark.read.csv(path, header=True, multiLine=True, escape='"')
    if fmt == "json":
        return spark.read.json(path)
    return spark.read.parquet(path)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="CSV, JSON Lines or Parquet file or directory")
    ap.add_argument("out", help="output directory (documents/, events/, quotes/)")
    ap.add_argument("--format", choices=["csv", "json", "parquet"], help="input format (default: from the extension)")
    ap.add_argument("--id-col", default="id")
    ap.add_argument("--text-col", default="text")
    ap.add_argument("--date-col", default="date")
    ap.add_argument("--title-col", default="title", help="used when the corpus has it")
    ap.add_argument("--master", help="Spark master (default: spark-submit's), e.g. 'local[2]'")
    ap.add_argument("--threads", type=int, default=1, help="dyad threads per task (match spark.task.cpus)")
    ap.add_argument("--partitions", type=int, help="at least this many input partitions (default: spark.default.parallelism)")
    ap.add_argument("--mode", default="error", choices=["error", "overwrite"], help="when OUT exists")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    builder = SparkSession.builder.appName("dyad-code-corpus")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        corpus = read_corpus(spark, args.corpus, args.format)
        missing = [c for c in (args.id_col, args.text_col, args.date_col) if c not in corpus.columns]
        if missing:
            print(f"code_corpus: {args.corpus}: no column {', '.join(missing)} (columns: {', '.join(corpus.columns)})", file=sys.stderr)
            return 2
        cols = [
            F.col(args.id_col).cast("string").alias("id"),
            F.col(args.text_col).cast("string").alias("text"),
            F.col(args.date_col).cast("string").alias("date"),
        ]
        if args.title_col in corpus.columns:
            cols.append(F.col(args.title_col).cast("string").alias("title"))
        rows = corpus.select(*cols)
        # Every core gets work even from a single input file (one partition).
        partitions = args.partitions or spark.sparkContext.defaultParallelism
        if rows.rdd.getNumPartitions() < partitions:
            rows = rows.repartition(partitions)
        documents = rows.mapInPandas(
            code_batches(args.threads), ddl("documents", ["month string", "json string", "error string"])
        )
        docs_dir = os.path.join(args.out, "documents")
        documents.write.mode(args.mode).partitionBy("month").parquet(docs_dir)

        coded = spark.read.parquet(docs_dir).where(F.col("json").isNotNull())
        for table, count in (("events", "n_events"), ("quotes", "n_quotes")):
            rows = coded.select("json", "month", count).mapInPandas(
                layer_batches(table, count), ddl(table, ["month string"])
            )
            rows.write.mode(args.mode).partitionBy("month").parquet(os.path.join(args.out, table))

        summary = spark.read.parquet(docs_dir).agg(
            F.count("*").alias("read"),
            F.count("json").alias("written"),
            F.count("error").alias("rejected"),
            F.sum("n_events").alias("events"),
        ).first()
        print(
            f"code_corpus: {summary['read']} documents read, {summary['written']} written, "
            f"{summary['rejected']} rejected; {summary['events'] or 0} events",
            file=sys.stderr,
        )
        return 0
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
