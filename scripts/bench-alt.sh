#!/usr/bin/env bash
# Throughput of several `dyad` builds on one input, the builds alternating in every round, so
# that a busy machine slows them alike (issue 15 compares builds this way; docs/performance.md).
#
#   scripts/bench-alt.sh INPUT ROUNDS DYAD_A DYAD_B [DYAD_C ...]
#
# Runs `DYAD code INPUT --threads 1 -q -o /dev/null` under `/usr/bin/time` once per build per
# round and prints one line per run: round, build, user + system CPU seconds, user, system,
# wall seconds, peak RSS (MB) and the 1-minute load average before the run; then the mean CPU
# seconds per build. Extra environment for all runs can be given as usual (`VAR=... scripts/...`).
#
# Instruction counts, which do not depend on the load: scripts/bench-instr.sh.
set -euo pipefail

if [ $# -lt 4 ]; then
    echo "usage: $0 INPUT ROUNDS DYAD_A DYAD_B [DYAD_C ...]" >&2
    exit 2
fi
input=$1
rounds=$2
shift 2
builds=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf 'round\tbuild\tcpu_s\tuser_s\tsys_s\twall_s\trss_mb\tload1\n'
for ((r = 1; r <= rounds; r++)); do
    for b in "${builds[@]}"; do
        load=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -f '%U %S %e %M' -o "$tmp/time" \
            "$b" code "$input" --threads 1 -q -o /dev/null
        read -r u s e m <"$tmp/time"
        cpu=$(echo "$u + $s" | bc)
        printf '%d\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%s\n' "$r" "$b" "$cpu" "$u" "$s" "$e" \
            $((m / 1024)) "$load" | tee -a "$tmp/all"
    done
done
echo
for b in "${builds[@]}"; do
    awk -F'\t' -v b="$b" '$2 == b { n++; c += $3; u += $4 } END {
        printf "%s: mean CPU %.3f s, mean user %.3f s over %d runs\n", b, c / n, u / n, n }' "$tmp/all"
done
