#!/usr/bin/env bash
# Train the quote stage's cue model (data/models/quotes/cues.tsv) on PolNeAR train.
# Usage: scripts/train-quote-cues.sh [POLNEAR_TRAIN_DIR] [OUT] [FOLDS]
#   FOLDS > 1 holds out every FOLDS-th article (fold 0), for choosing the threshold.
# Deterministic: the same parse and the same data give the same weights (docs/models.md).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-../shared/data/polnear/train}
OUT=${2:-data/models/quotes/cues.tsv}
FOLDS=${3:-0}
CACHE=$(mktemp -t polnear-cache.XXXXXX.jsonl)
trap 'rm -f "$CACHE"' EXIT
cargo build --release -q -p dyad-quotes --example cached
target/release/examples/cached prepare-polnear "$DIR" "$CACHE"
target/release/examples/cached train-cues "$DIR" "$CACHE" "$OUT" "$FOLDS"
