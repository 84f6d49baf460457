#!/usr/bin/env bash
# Throughput benchmark of `dyad code` on the shared corpora (read in place from ../shared).
# Prints, per run: documents/s, sentences/s, tokens/s, MB/s of input (wall clock and per CPU-second,
# which stays meaningful on a busy machine) and peak RSS (/usr/bin/time -v). The timed run includes
# reading, the selected stages and writing the JSON (to /dev/null).
#
# Usage: scripts/bench.sh [--threads N] [--until STAGE]   (defaults: 1 thread, full pipeline)
#   scripts/bench.sh --until segment        # segmentation alone
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${SHARED:-$root/../shared}/data
threads=1
until_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=$2; shift 2 ;;
    --until) until_args=(--until "$2"); shift 2 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -d "$data" ] || { echo "bench.sh: $data not found" >&2; exit 2; }
cargo build --release -q -p dyad-cli --manifest-path "$root/Cargo.toml"
dyad=${CARGO_TARGET_DIR:-$root/target}/release/dyad
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

bench() { # name, then inputs
  local name=$1; shift
  local bytes; bytes=$(cat "$@" | wc -c)
  /usr/bin/time -v "$dyad" code "$@" --threads "$threads" -q "${until_args[@]}" -o /dev/null 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  local summary secs rss cpu
  summary=$(grep '^dyad: .* documents read' "$tmp/err" | tail -1)
  secs=$(grep 'Elapsed (wall clock)' "$tmp/err" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$tmp/err" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$tmp/err")
  python3 - "$name" "$secs" "$rss" "$bytes" "$summary" "$threads" "${until_args[*]:-full pipeline}" "$cpu" <<'PY'
import re, sys
name, secs, rss, nbytes, summary, threads, stages, cpu = sys.argv[1:]
secs = max(float(secs), 1e-6)
cpu = max(float(cpu), 1e-6)
m = re.search(r"(\d+) documents read, (\d+) written, (\d+) rejected; (\d+) sentences, (\d+) tokens, (\d+) events", summary)
read, written, rejected, sents, toks, events = map(int, m.groups())
print(f"{name} ({stages}, {threads} thread(s)): {read} docs ({rejected} rejected) in {secs:.2f}s | "
      f"{written/secs:,.0f} docs/s | {sents/secs:,.0f} sentences/s | {toks/secs:,.0f} tokens/s | "
      f"{int(nbytes)/1e6/secs:.1f} MB/s (input bytes) | {events} events | peak RSS {int(rss)/1024:.0f} MB")
print(f"    per CPU-second (user+sys {cpu:.2f}s, robust to a loaded machine): {written/cpu:,.0f} docs | "
      f"{sents/cpu:,.0f} sentences | {toks/cpu:,.0f} tokens | {int(nbytes)/1e6/cpu:.1f} MB")
PY
}

bench "NewsArticles" "$data/newsarticles/NewsArticles.csv"
bench "Reuters-21578" "$data"/reuters21578/reut2-*.sgm
