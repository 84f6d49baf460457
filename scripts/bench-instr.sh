#!/usr/bin/env bash
# Instructions executed by `dyad code` per stage, counted by callgrind (valgrind): the same on a
# busy or a quiet machine, so two builds can be compared run against run (wall and CPU times on
# the shared machine vary by 20% and more; docs/performance.md). Memory stalls are not counted,
# so a change that only saves cache misses (the syntax tables) does not show here.
#
#   scripts/bench-instr.sh INPUT DYAD [OUT_PREFIX]
#
# Writes OUT_PREFIX.callgrind (default /tmp/dyad-instr) and prints the total, the instructions
# inside `Pipeline::process` (per-document work: everything but start-up) and each stage's
# inclusive count. Slow: about 50 times the native run time; 30 articles take a few minutes.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 INPUT DYAD [OUT_PREFIX]" >&2
    exit 2
fi
input=$1
dyad=$2
out=${3:-/tmp/dyad-instr}
valgrind --tool=callgrind --callgrind-out-file="$out.callgrind" \
    "$dyad" code "$input" --threads 1 -q -o "$out.jsonl" 2>"$out.log"
grep -E 'Collected' "$out.log" | sed 's/^==[0-9]*== /total instructions: /'
callgrind_annotate --inclusive=yes "$out.callgrind" 2>/dev/null |
    grep -E 'Pipeline::(process|new) \[|as dyad_doc::stage::Stage>::process \[' |
    sed -E 's/^ *([0-9,]+) *\( *([0-9.]+)%\) +[^:]*:(.*) \[.*$/\1\t\2%\t\3/' |
    sed -E 's/<([a-z_:]+)::([A-Za-z]+) as dyad_doc::stage::Stage>::process/\2/'
