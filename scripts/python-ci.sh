#!/usr/bin/env bash
# Python package and Spark job (issue 18), run by .ci/run after the Rust tests:
#   1. a virtualenv with the pinned tools (python/requirements-ci.txt: maturin, pytest, pandas,
#      PyArrow, PySpark), kept between runs under ~/.cache/dyad-python and rebuilt only when the
#      pins change (pip's own download cache keeps the packages);
#   2. Java 17 for Spark, from Debian, when no Java 17+ is installed;
#   3. the abi3 wheel built by maturin and installed into the venv;
#   4. pytest on python/tests: code/code_many equal `dyad code`, the GIL is released, the frames'
#      columns, clean errors, and the Spark local[2] job on a slice of NewsArticles (only where
#      ../shared exists).
# Env: DYAD (the binary to compare with; default target/debug/dyad), DYAD_PY_CACHE (where the
# venv and the wheel's build directory are kept), DYAD_WHEEL_TARGET (that build directory),
# DYAD_WHEEL_PROFILE (cargo profile of the wheel; default `wheel-ci`, the test profile's
# optimisation without LTO; the documented `pip install ./python` builds `release`).
# Arguments are passed to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

cache="${DYAD_PY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dyad-python}"
venv="$cache/venv"
req=python/requirements-ci.txt
py="$venv/bin/python"
stamp="$( (python3 --version; cat "$req") | sha256sum | cut -c1-16)"
if [ ! -x "$py" ] || [ "$(cat "$venv/.dyad-stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "== python: creating $venv"
  rm -rf "$venv"
  mkdir -p "$cache"
  python3 -m venv "$venv"
  "$py" -m pip install -q -r "$req"
  echo "$stamp" > "$venv/.dyad-stamp"
fi

java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ]; then
  echo "== python: installing Java 17 (Debian)"
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

t_setup=$SECONDS
echo "== python: building the wheel"
wheels="$(mktemp -d)"
trap 'rm -rf "$wheels"' EXIT
# The wheel's own build directory is kept with the venv: CI clones afresh, and the engine's
# dependencies then need not be compiled again for the wheel profile.
CARGO_TARGET_DIR="${DYAD_WHEEL_TARGET:-$cache/target}" \
  "$venv/bin/maturin" build --quiet --manifest-path python/Cargo.toml \
  --profile "${DYAD_WHEEL_PROFILE:-wheel-ci}" --interpreter "$py" --out "$wheels"
"$py" -m pip install -q --force-reinstall --no-deps "$wheels"/*.whl

target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
export DYAD="${DYAD:-$target/debug/dyad}"
export DYAD_REQUIRE_SPARK=1
t_wheel=$SECONDS
echo "== python: pytest"
# From the repository root, so that python/dyad (the sources) does not shadow the installed wheel.
cd "$root"
"$venv/bin/pytest" -q -p no:cacheprovider -rs python/tests "$@"
echo "== python: setup ${t_setup} s, wheel $((t_wheel - t_setup)) s, pytest $((SECONDS - t_wheel)) s"
