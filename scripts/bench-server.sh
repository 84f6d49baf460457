#!/usr/bin/env bash
# Load check of `dyad serve` (issues 8, 20): a bounded number of GET requests to 127.0.0.1 over
# keep-alive connections (crates/dyad-server/examples/load.rs); prints requests/s, p50 and p99
# latency and the errors (any answer other than 200; the load tool exits 1 if there is one).
#
# Usage: scripts/bench-server.sh [DB] [TOTAL] [CONCURRENCY]
#   DB           corpus database to serve ("" or absent: the fixture corpus scaled to 4,000
#                documents, built with `dyad ingest --from-jsonl`, whose summary line gives the
#                ingest rate)
#   TOTAL        requests per set (default 4000), CONCURRENCY connections (default 4)
# Sets: `dashboard` (what the UI asks on load), `events` (filtered event queries), `main` (every
# main endpoint in turn: all of the above plus documents, a document, quotes, speakers, cameo).
# Env: DYAD, LOAD = prebuilt binaries (skip the release builds); SETS = the sets to run.
# docs/reliability.md ("Server") has the figures of `scripts/bench-server.sh "" 20000 32`.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
if [ -z "${DYAD:-}" ]; then
  cargo build --release -q -p dyad-cli
  DYAD="$TARGET/release/dyad"
fi
if [ -z "${LOAD:-}" ]; then
  cargo build --release -q -p dyad-server --example load
  LOAD="$TARGET/release/examples/load"
fi

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
DASHBOARD="/api/stats /api/timeline?interval=week /api/network?limit=60 /api/dyads?limit=40 /api/speakers?limit=20 /api/events?limit=25"
EVENTS="/api/events?dyad=RUS-UKR&limit=25 /api/events?root=19&limit=25&offset=100 /api/timeline?dyad=RUS-UKR&interval=day /api/events?q=refinery&limit=25"
# A stored document id for the document endpoint.
DOC="$(curl -sf "http://$ADDR/api/documents?limit=1" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["items"][0]["id"]))')"
MAIN="$DASHBOARD $EVENTS /api/documents?limit=25 /api/documents?q=talks&limit=25 /api/documents/$DOC /api/copies/$DOC /api/quotes?limit=25 /api/cameo /api/events?count=mentions&limit=25"
for set in ${SETS:-dashboard events main}; do
  case "$set" in
    dashboard) PATHS="$DASHBOARD" ;;
    events) PATHS="$EVENTS" ;;
    main) PATHS="$MAIN" ;;
    *) echo "unknown set $set" >&2; exit 2 ;;
  esac
  printf '%-10s ' "$set:"
  # shellcheck disable=SC2086
  "$LOAD" "$ADDR" "$TOTAL" "$CONC" $PATHS
done
