#!/usr/bin/env bash
# p50/p95 latency of the dashboard's main API calls (timeline, events, network, map) on a corpus
# database (issue 21; figures in docs/store.md): starts `dyad serve` on a free loopback port and
# runs web/e2e/api-latency.mjs (node, no dependencies).
#
# Usage: scripts/api-latency.sh DB [ROUNDS]    Env: DYAD=path/to/dyad (default: release build)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
DB="${1:?usage: scripts/api-latency.sh DB [ROUNDS]}"
if [ -z "${DYAD:-}" ]; then
  cargo build --release -q -p dyad-cli
  DYAD="${CARGO_TARGET_DIR:-$ROOT/target}/release/dyad"
fi
LOG="$(mktemp)"
"$DYAD" serve --db "$DB" --addr 127.0.0.1:0 2>"$LOG" &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -f "$LOG"' EXIT
URL=""
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$LOG" | head -n1 || true)"
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { cat "$LOG" >&2; exit 1; }
DYAD_URL="$URL" node web/e2e/api-latency.mjs "${2:-25}"
