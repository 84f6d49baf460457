#!/usr/bin/env bash
# Train the event check (data/models/events/check.tsv, docs/models.md "Event check") on the
# hand-judged precision sheets data/eval/precision-seed$SEEDS.tsv (default seeds 1-15, in seed
# order; each is one cross-validation fold), the NewsArticles they were drawn from and, as
# positives, the PLV events `dyad eval plv` scores with the gold root; the PLOVER GSR only
# guards the default threshold (the cross-validated best that removes no right-typed GSR event).
# The sheets of $HOLDOUT (default seed 16, the blind sheet of session 20) are scored by the final model, never
# trained on. Prints the leave-one-sheet-out table (kept-event precision per threshold) and the
# held-out sheets' table on stdout.
# Usage: [SEEDS="1 2 3 4 5 6 7"] [HOLDOUT="9"] scripts/train-event-check.sh [SHARED_DIR] [OUT_DIR]
#        (defaults: seeds 1-15, held-out 16, ../shared, data/models/events)
# Deterministic: the same code, sheets and data give the same bytes. Retrain after any change to
# the coder (the features are read from its output) and after a new sheet is judged.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${1:-$root/../shared}/data
OUT=${2:-$root/data/models/events}
if [ -z "${DYAD:-}" ]; then
  cargo build --profile "${PROFILE:-release}" -q -p dyad-cli --manifest-path "$root/Cargo.toml"
  dir=${PROFILE:-release}; [ "$dir" = test ] && dir=debug
  DYAD="${CARGO_TARGET_DIR:-$root/target}/$dir/dyad"
fi
sheets=()
for seed in ${SEEDS:-1 2 3 4 5 6 7 8 9 10 11 12 13 14 15}; do sheets+=(--sheet "$root/data/eval/precision-seed$seed.tsv"); done
for seed in ${HOLDOUT-16}; do sheets+=(--holdout "$root/data/eval/precision-seed$seed.tsv"); done
tmp=$(mktemp -d -t dyad-check.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$DYAD" train event-check --news "$SHARED/newsarticles/NewsArticles.csv" "${sheets[@]}" \
  --train "$SHARED/plv/PLV_train.tsv" --gsr "$SHARED/plover-gsr/PLOVER_GSR_CAMEO.txt" -o "$tmp"
mkdir -p "$OUT"
cp "$tmp/check.tsv" "$OUT/"
