#!/usr/bin/env bash
# End-to-end browser test of the web UI (issue 8): installs Debian's chromium and playwright-core
# if missing, builds dyad, ingests the fixture corpus into a temporary database, starts
# `dyad serve` on a free loopback port, runs web/e2e/dashboard.test.mjs, and stops the server.
#
# Env: DYAD=path/to/dyad (skip the build), CARGO_TARGET_DIR (as for cargo),
#      DYAD_DB=corpus.sqlite: serve that database instead and run only the corpus-independent test
#        (web/e2e/corpus.test.mjs: load time, every panel), e.g. the full NewsArticles corpus,
#      SCREENSHOT_DIR=dir: that test saves dashboard.png, map.png and document.png there
#        (docs/ui.md: `DYAD_DB=/tmp/news.sqlite SCREENSHOT_DIR=docs/img scripts/e2e.sh`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: installing chromium" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
(cd web/e2e && npm ci --no-audit --no-fund --loglevel=error)

if [ -z "${DYAD:-}" ]; then
  cargo build --release -q -p dyad-cli
  DYAD="${CARGO_TARGET_DIR:-$ROOT/target}/release/dyad"
fi

TMP="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

if [ -n "${DYAD_DB:-}" ]; then
  DB="$DYAD_DB"
  TESTS=(web/e2e/corpus.test.mjs)
else
  DB="$TMP/e2e.sqlite"
  TESTS=(web/e2e/dashboard.test.mjs web/e2e/corpus.test.mjs)
  "$DYAD" ingest --from-jsonl crates/dyad-store/tests/fixtures/corpus.jsonl \
    crates/dyad-store/tests/fixtures/dedup.jsonl crates/dyad-store/tests/fixtures/threads.jsonl \
    crates/dyad-store/tests/fixtures/speakers.jsonl --db "$DB" -q
  # An article with HTML and script tags in its title, source and text, coded by the pipeline
  # (the escaping test).
  "$DYAD" ingest web/e2e/fixtures/escaping.jsonl --db "$DB" -q
fi

# Port 0: the kernel picks a free port; dyad serve prints the address it got.
"$DYAD" serve --db "$DB" --addr 127.0.0.1:0 2>"$TMP/serve.log" &
SERVER_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$TMP/serve.log" | head -n1 || true)"
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/serve.log" >&2; echo "e2e: dyad serve exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "$URL" ] || { cat "$TMP/serve.log" >&2; echo "e2e: dyad serve did not start" >&2; exit 1; }
echo "e2e: dyad serve at $URL" >&2

DYAD_URL="$URL" node --test --test-concurrency=1 "${TESTS[@]}"
