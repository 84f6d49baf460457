#!/usr/bin/env bash
# Accuracy evaluations on the public gold sets in ../shared, with the CI floors.
# Usage: scripts/eval.sh [SHARED_DIR]   (default: ../shared relative to the project root)
# Builds the release binary, runs every scorer, exits non-zero if any floor fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${1:-$root/../shared}/data
if [ ! -d "$SHARED" ]; then
  echo "eval.sh: $SHARED not found; skipping accuracy evaluations" >&2
  exit 0
fi
cargo build --release -q -p dyad-cli --manifest-path "$root/Cargo.toml"
DYAD="${CARGO_TARGET_DIR:-$root/target}/release/dyad"
status=0
run() { echo "== dyad $*" >&2; "$DYAD" "$@" || status=1; }

run eval ud-seg "$SHARED/ud-ewt/test.conllu" --min boundary_f1=0.90 --min token_f1=0.98
# EVALS: one `run eval <suite> "$SHARED/..." --min metric=floor ...` line per suite.

exit $status
