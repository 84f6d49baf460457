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
# PROFILE=test builds the test profile instead of release (faster to build; same weights, byte
# for byte: the trainer does plain f32 arithmetic in a fixed order).
PROFILE=${PROFILE:-release}
cargo build --profile "$PROFILE" -q -p dyad-quotes --example cached
case $PROFILE in test | dev) BIN=target/debug/examples/cached ;; *) BIN=target/$PROFILE/examples/cached ;; esac
$BIN prepare-polnear "$DIR" "$CACHE"
$BIN train-cues "$DIR" "$CACHE" "$OUT" "$FOLDS"
