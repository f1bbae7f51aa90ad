#!/usr/bin/env bash
# Determinism across builds: the same scenario, seed and run through two (or more) builds
# of pptp-sim must write byte-identical results. Builds differ in compiler, optimisation,
# log and assert code, sanitizers: none of that may change a simulation's outcome.
#
#   compare-builds.sh PPTP_SIM_A PPTP_SIM_B [PPTP_SIM_C ...]
#
# Exit status: 0 identical, 1 a difference (the file and its first differing line are
# printed), 2 a program missing or failing.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: compare-builds.sh PPTP_SIM_A PPTP_SIM_B [...]" >&2; exit 2; }
scratch=$(mktemp -d /tmp/pptp-compare-builds.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
# Loss, an outage, reconnections, UDP and TCP through the tunnels: every part of the model
# and every random stream it draws from.
scenario=(--clients 4 --loss-rate 2% --traffic bulk --start-spread 5s --link-down 60s+30s
          --fault-clients 1 --reconnect-attempts 5 --run-time 180s --quiet --no-plots)
files=(summary.json tunnels.csv events.csv throughput.csv timeline.csv clients.csv summary.txt)
programs=("$@")
i=0
for program in "${programs[@]}"; do
    [ -x "$program" ] || { echo "compare-builds: $program: no such program" >&2; exit 2; }
    "$program" "${scenario[@]}" --out "$scratch/$i" >"$scratch/$i.log" 2>&1 ||
        { echo "compare-builds: $program failed:" >&2; cat "$scratch/$i.log" >&2; exit 2; }
    i=$((i + 1))
done
status=0
for ((j = 1; j < $#; j++)); do
    for f in "${files[@]}"; do
        if ! cmp -s "$scratch/0/$f" "$scratch/$j/$f"; then
            echo "compare-builds: $f differs between ${programs[0]} and ${programs[$j]}:"
            diff "$scratch/0/$f" "$scratch/$j/$f" | head -4
            status=1
        fi
    done
done
[ $status -eq 0 ] && echo "compare-builds: ${#files[@]} result files byte-identical across $# builds ($(wc -l <"$scratch/0/events.csv") events)"
exit $status
