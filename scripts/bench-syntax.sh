#!/usr/bin/env bash
# Syntax benchmark: model load time and tagger+lemmatizer+parser throughput (one thread) on the
# UD EWT treebank words (gold tokenization), plus peak RSS of the whole `dyad parse` run.
# Usage: scripts/bench-syntax.sh [SHARED_DIR]   (default: ../shared relative to the project root)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${1:-$root/../shared}/data
if [ ! -d "$SHARED/ud-ewt" ]; then
  echo "bench-syntax.sh: $SHARED/ud-ewt not found" >&2
  exit 0
fi
cargo build --release -q -p dyad-cli --manifest-path "$root/Cargo.toml"
DYAD="${CARGO_TARGET_DIR:-$root/target}/release/dyad"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$SHARED/ud-ewt/train.conllu" "$SHARED/ud-ewt/dev.conllu" "$SHARED/ud-ewt/test.conllu" > "$tmp/ewt.conllu"
echo "input: EWT train+dev+test ($(grep -c $'^[0-9]*\t' "$tmp/ewt.conllu") words)"
for i in 1 2 3; do
  RAYON_NUM_THREADS=1 /usr/bin/time -v "$DYAD" parse --stats --input-format conllu "$tmp/ewt.conllu" -o /dev/null \
    2> "$tmp/err"
  grep "dyad parse:" "$tmp/err"
  grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$tmp/err" | sed 's/^\s*/  /'
done
