#!/usr/bin/env bash
# Train the event classifier and the re-ranker of pattern events (data/models/events/classifier.tsv,
# data/models/events/reranker.tsv) on PLV_train and the PETRARCH validation records in ../shared.
# Usage: scripts/train-event-models.sh [SHARED_DIR] [OUT_DIR]   (defaults: ../shared, data/models/events)
# Deterministic (seed 1): the same code and data give the same bytes (docs/models.md). The PLOVER GSR
# is left out so that `dyad eval plover` stays held out; `dyad eval plv --folds 5` cross-validates both
# models on PLV itself (each fold coded by models trained on the other folds).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${1:-$root/../shared}/data
OUT=${2:-$root/data/models/events}
if [ -z "${DYAD:-}" ]; then
  cargo build --release -q -p dyad-cli --manifest-path "$root/Cargo.toml"
  DYAD="${CARGO_TARGET_DIR:-$root/target}/release/dyad"
fi
tmp=$(mktemp -d -t dyad-events.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$DYAD" train events --train "$SHARED/plv/PLV_train.tsv" \
  --petrarch "$SHARED/petrarch/PETR.UnitTest.records.xml" -o "$tmp"
mkdir -p "$OUT"
cp "$tmp/classifier.tsv" "$tmp/reranker.tsv" "$OUT/"
