#!/usr/bin/env bash
# Run the cargo-fuzz targets of fuzz/ (docs/reliability.md, "Fuzzing").
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Builds every target once (release, overflow checks and debug assertions on, no sanitizer: the
# code is safe Rust but for the syntax model's table lookups), then runs each target for
# SECONDS_PER_TARGET seconds (default 60) from the committed seeds in fuzz/corpus/TARGET. New
# inputs go to fuzz/work/TARGET (not committed), so a later run starts from what earlier runs
# found. Crashing inputs are written to fuzz/artifacts/TARGET/. Prints one line per target
# (seconds, executions, new inputs, crashes) and a table at the end; exits 1 if any target
# crashed. Installs cargo-fuzz from crates.io when it is missing.
#
# Environment:
#   FUZZ_KEEP_GOING=1  keep fuzzing after a crash (libFuzzer fork mode) and count the crashes,
#                      for long campaigns; by default a target stops at its first crash.
#   FUZZ_PARALLEL=N    run N targets at a time (default 1).
#   FUZZ_STABLE=1      build with the stable toolchain and RUSTC_BOOTSTRAP even when nightly exists.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

secs="${1:-60}"
[ $# -gt 0 ] && shift
case "$secs" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2; exit 2 ;;
esac

if ! command -v cargo-fuzz > /dev/null; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# cargo fuzz passes unstable compiler flags: nightly when there is one, else the stable
# toolchain with RUSTC_BOOTSTRAP (no sanitizer is asked for, so no nightly-only runtime is needed).
# FUZZ_STABLE=1 forces the stable path (to test it on a machine that has nightly).
toolchain=()
if [ "${FUZZ_STABLE:-0}" != 1 ] && rustup toolchain list 2> /dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
else
  export RUSTC_BOOTSTRAP=1
fi
flags=(-s none -a)

echo "== building fuzz targets"
cargo "${toolchain[@]}" fuzz build "${flags[@]}"

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo "${toolchain[@]}" fuzz list)
fi

# The binaries are run directly (not through `cargo fuzz run`, which would rebuild a target whose
# sources changed since the build above, in the middle of a campaign).
host=$(rustc -vV | sed -n 's/^host: //p')
bin_dir="${CARGO_TARGET_DIR:-fuzz/target}/$host/release"
mkdir -p fuzz/work
opts=(-max_total_time="$secs" -timeout=60 -rss_limit_mb=4096 -print_final_stats=1)
if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
  opts+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi

# Run one target; its libFuzzer output goes to fuzz/work/TARGET.log, its summary line to
# fuzz/work/TARGET.summary: target, seconds, executions, new inputs, crashes.
run_target() {
  local t="$1" log="fuzz/work/$1.log" rc=0 start end runs added crashes
  mkdir -p "fuzz/work/$t" "fuzz/artifacts/$t"
  local before
  before=$(find "fuzz/artifacts/$t" -type f | wc -l)
  start=$(date +%s)
  "$bin_dir/$t" -artifact_prefix="fuzz/artifacts/$t/" "${opts[@]}" \
    "fuzz/work/$t" "fuzz/corpus/$t" > "$log" 2>&1 || rc=$?
  end=$(date +%s)
  # Executions: the final stats, or (fork mode) the last status line's `#N`.
  runs=$(grep -oP 'stat::number_of_executed_units:\s+\K[0-9]+' "$log" | tail -1 || true)
  if [ -z "$runs" ]; then
    runs=$(grep -oP '^#\K[0-9]+(?=[: \t])' "$log" | tail -1 || true)
  fi
  added=$(grep -oP 'stat::new_units_added:\s+\K[0-9]+' "$log" | tail -1 || true)
  crashes=$(($(find "fuzz/artifacts/$t" -type f | wc -l) - before))
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    crashes="failed(rc=$rc)"
  fi
  printf '%-14s %6ss %12s runs %6s new %s crashes\n' "$t" "$((end - start))" "${runs:-?}" \
    "${added:-?}" "$crashes" | tee "fuzz/work/$t.summary"
}

echo "== fuzzing ${#targets[@]} targets for ${secs}s each"
parallel="${FUZZ_PARALLEL:-1}"
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do
    wait -n || true
  done
  run_target "$t" &
done
wait

echo "== summary (target, seconds, executions, new inputs, crashes)"
failed=0
for t in "${targets[@]}"; do
  cat "fuzz/work/$t.summary"
  if ! grep -q ' 0 crashes$' "fuzz/work/$t.summary"; then
    failed=1
    echo "   $t: see fuzz/work/$t.log and fuzz/artifacts/$t/" >&2
  fi
done
exit "$failed"
