#!/usr/bin/env bash
# Train the quote stage's attribution filter (data/models/quotes/filter.tsv) on PolNeAR train.
# Usage: scripts/train-quote-filter.sh [POLNEAR_TRAIN_DIR] [OUT] [CUE_THRESHOLD] [HOLD]
#   Cross-fitting over 5 folds (every fifth article in file-name order): the candidates of each
#   fold are made by a cue model trained on the other four, with its threshold lowered to
#   CUE_THRESHOLD (0.5), and labelled by whether they match a gold attribution. HOLD = k leaves
#   fold k out of the filter's training and writes that fold's cue model to OUT.cues, for choosing
#   thresholds (docs/models.md). Deterministic: the same parse and data give the same weights.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-../shared/data/polnear/train}
OUT=${2:-data/models/quotes/filter.tsv}
CUE_P=${3:-0.5}
HOLD=${4:-}
CACHE=$(mktemp -t polnear-cache.XXXXXX.jsonl)
trap 'rm -f "$CACHE"' EXIT
# PROFILE=test builds the test profile instead of release (faster to build; same weights, byte
# for byte: the trainer does plain f32 arithmetic in a fixed order).
PROFILE=${PROFILE:-release}
cargo build --profile "$PROFILE" -q -p dyad-quotes --example cached
case $PROFILE in test | dev) BIN=target/debug/examples/cached ;; *) BIN=target/$PROFILE/examples/cached ;; esac
$BIN prepare-polnear "$DIR" "$CACHE"
$BIN train-filter "$DIR" "$CACHE" "$OUT" 5 "$CUE_P" $HOLD
