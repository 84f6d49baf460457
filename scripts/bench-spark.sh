#!/usr/bin/env bash
# Throughput of the Spark job (examples/spark/code_corpus.py) in local mode next to `dyad code` on
# the same rows (docs/spark.md, "Throughput"). Reads the first ROWS articles of NewsArticles in
# place (../shared) into a temporary JSON Lines file; needs the venv of scripts/python-ci.sh (or
# PY=python with dyad, pyspark, pandas, pyarrow) and a `dyad` binary (DYAD, default target/release).
# Usage: scripts/bench-spark.sh [ROWS]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000}"
py="${PY:-${DYAD_PY_CACHE:-$HOME/.cache/dyad-python}/venv/bin/python}"
dyad="${DYAD:-target/release/dyad}"
news=../shared/data/newsarticles/NewsArticles.csv
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$py" - "$news" "$rows" "$tmp/slice.jsonl" <<'PY'
import csv, json, sys
csv.field_size_limit(1 << 30)
src, rows, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(src, newline="", encoding="utf-8", errors="replace") as f, open(dst, "w") as out:
    for i, row in enumerate(csv.DictReader(f)):
        if i == rows:
            break
        out.write(json.dumps({"id": row["article_id"], "date": row["publish_date"], "title": row["title"], "text": row["text"]}) + "\n")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $rows rows"
for t in 1 2; do
  /usr/bin/time -f "dyad code --threads $t: %e s wall, %U s user" "$dyad" code -q --threads "$t" "$tmp/slice.jsonl" -o "$tmp/cli$t.jsonl"
done
export PYSPARK_PYTHON="$py" PYSPARK_DRIVER_PYTHON="$py"
for n in 1 2; do
  /usr/bin/time -f "spark local[$n]: %e s wall (driver process %U s user)" \
    "$py" examples/spark/code_corpus.py "$tmp/slice.jsonl" "$tmp/spark$n" --master "local[$n]" 2>&1 | grep -v WARN | tail -2
done
