#!/usr/bin/env bash
# Size benchmark (issue 20): is the cost of one document linear in its length?
# Codes the same NewsArticles text (read in place from ../shared) once as ordinary articles and once
# as one single document, at each size, and prints seconds per MB and peak RSS for both, with the
# ratio single/articles; then a 1 MB text without any sentence break (one line, no final
# punctuation), which the segmenter's sentence-length cap must split. One thread, release build.
#
# Seconds are CPU seconds (user + system of the `dyad` process), which stay comparable when the
# machine is shared; wall seconds are printed beside them.
#
# Usage: scripts/bench-size.sh [SIZE_MB ...]   (default: 0.1 1 10; add 50 for the long run)
#        DYAD=path/to/dyad scripts/bench-size.sh ...   (a given binary instead of building one)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${SHARED:-$root/../shared}/data
[ -f "$data/newsarticles/NewsArticles.csv" ] || { echo "bench-size.sh: $data/newsarticles not found" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(0.1 1 10)
if [ -n "${DYAD:-}" ]; then
  dyad=$DYAD
else
  cargo build --release -q -p dyad-cli --manifest-path "$root/Cargo.toml"
  dyad=${CARGO_TARGET_DIR:-$root/target}/release/dyad
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The inputs: for each size, the first articles up to that many bytes as JSON Lines, and the same
# texts joined by blank lines as one .txt document; plus the unbroken line.
python3 - "$data/newsarticles/NewsArticles.csv" "$tmp" "${sizes[@]}" <<'PY'
import csv, json, re, sys
src, out, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
csv.field_size_limit(1 << 30)
texts = [r["text"] for r in csv.DictReader(open(src, encoding="utf-8", errors="replace")) if r["text"].strip()]
for size in sizes:
    want, got, chosen = float(size) * 1e6, 0, []
    while got < want:  # cycle through the corpus when a size exceeds it (13 MB)
        t = texts[len(chosen) % len(texts)]
        chosen.append(t)
        got += len(t.encode()) + 2
    with open(f"{out}/articles-{size}.jsonl", "w") as f:
        for i, t in enumerate(chosen):
            f.write(json.dumps({"id": f"a{i}", "text": t, "date": "2017-01-01"}) + "\n")
    with open(f"{out}/single-{size}.txt", "w") as f:
        f.write("\n\n".join(chosen))
line = re.sub(r"[.!?;:\n\r]+", " ", " ".join(texts))[:1_000_000]
open(f"{out}/unbroken-1.txt", "w").write(line)
PY

run() { # label, MB, file: prints "label MB cpu_seconds RSS wall_seconds"
  local label=$1 mb=$2 file=$3
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$dyad" code "$file" --threads 1 -q --date 2017-01-01 \
    --max-doc-bytes 100000000 -o /dev/null 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  read -r wall user sys rss < "$tmp/time"
  echo "$label $mb $(python3 -c "print(round($user + $sys, 2))") $rss $wall"
}

printf '%-10s %8s %10s %10s %10s %10s %8s %12s\n' size_MB art_cpu art_cpu/MB single_cpu single_cpu/MB ratio RSS_MB wall_art/single
for size in "${sizes[@]}"; do
  read -r _ _ as arss aw < <(run articles "$size" "$tmp/articles-$size.jsonl")
  read -r _ _ ss srss sw < <(run single "$size" "$tmp/single-$size.txt")
  cols=$(python3 -c "
s, a, ss, ar, sr = float('$size'), float('$as'), float('$ss'), int('$arss'), int('$srss')
print(f'{s:<10g} {a:8.2f} {a/s:10.2f} {ss:10.2f} {ss/s:10.2f} {ss/a:10.2f} {sr/1024:5.0f}/{ar/1024:.0f}')")
  echo "$cols      $aw/$sw"
done
read -r _ _ us urss uw < <(run unbroken 1 "$tmp/unbroken-1.txt")
echo "1 MB without a sentence break: ${us} CPU s (${uw} s wall), peak RSS $((urss / 1024)) MB"
echo "(RSS column: single document / articles; one thread; $(nproc) cores; load $(cut -d' ' -f1 /proc/loadavg))"
