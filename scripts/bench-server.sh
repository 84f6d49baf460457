#!/usr/bin/env bash
# Load check of `dyad serve` (issue 8): a bounded number of GET requests to 127.0.0.1 over
# keep-alive connections (crates/dyad-server/examples/load.rs); prints requests/s and p99 latency.
#
# Usage: scripts/bench-server.sh [DB] [TOTAL] [CONCURRENCY]
#   DB           corpus database to serve (default: the fixture corpus scaled to 4,000 documents,
#                built with `dyad ingest --from-jsonl`, whose summary line gives the ingest rate)
#   TOTAL        requests in all (default 4000), CONCURRENCY connections (default 4)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
cargo build --release -q -p dyad-cli
cargo build --release -q -p dyad-server --example load
DYAD="$TARGET/release/dyad"
LOAD="$TARGET/release/examples/load"

TMP="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

DB="${1:-}"
if [ -z "$DB" ]; then
  FIX=crates/dyad-store/tests/fixtures/corpus.jsonl
  for i in $(seq 1 500); do sed "s/^{\"id\": \"/{\"id\": \"c$i-/" "$FIX"; done > "$TMP/scaled.jsonl"
  DB="$TMP/bench.sqlite"
  "$DYAD" ingest --from-jsonl "$TMP/scaled.jsonl" --db "$DB" -q
  echo "database: $(du -k "$DB" | cut -f1) KiB for $(wc -l < "$TMP/scaled.jsonl") documents"
fi

"$DYAD" serve --db "$DB" --addr 127.0.0.1:0 2>"$TMP/serve.log" &
SERVER_PID=$!
ADDR=""
for _ in $(seq 1 100); do
  ADDR="$(grep -o '127\.0\.0\.1:[0-9]*' "$TMP/serve.log" | head -n1 || true)"
  [ -n "$ADDR" ] && break
  sleep 0.1
done
[ -n "$ADDR" ] || { cat "$TMP/serve.log" >&2; exit 1; }

TOTAL="${2:-4000}"
CONC="${3:-4}"
for set in "dashboard" "events"; do
  if [ "$set" = dashboard ]; then
    PATHS="/api/stats /api/timeline?interval=week /api/network?limit=60 /api/dyads?limit=40 /api/speakers?limit=20 /api/events?limit=25"
  else
    PATHS="/api/events?dyad=RUS-UKR&limit=25 /api/events?root=19&limit=25&offset=100 /api/timeline?dyad=RUS-UKR&interval=day /api/events?q=refinery&limit=25"
  fi
  printf '%-10s ' "$set:"
  # shellcheck disable=SC2086
  "$LOAD" "$ADDR" "$TOTAL" "$CONC" $PATHS
done
