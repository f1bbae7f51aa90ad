#!/usr/bin/env bash
# Runs the libFuzzer targets of this folder (built with -DPPTP_FUZZ=ON).
#
#   run-fuzzers.sh --fuzz FUZZ_BIN_DIR SECONDS [TARGET...]
#       fuzz each target (all by default) for SECONDS, from its seeds (made by
#       pptp-fuzz-seeds from the sample messages, the real captures and the scenarios),
#       the reproducers kept in regressions/TARGET/ and what earlier runs found
#       (FUZZ_BIN_DIR/corpus/TARGET); a crash, leak, time-out or broken property fails it,
#       and the input is saved in FUZZ_BIN_DIR/artifacts/ (copy it to regressions/TARGET/)
#   run-fuzzers.sh --replay FUZZ_BIN_DIR TARGET
#       run the target once over each reproducer in regressions/TARGET/
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
all_targets=(control-message stream-framer gre-header ppp-packets ppp-fsm capture-reader sim-config)
# Memory bounds: an input that makes the code allocate what a length field claims fails.
limits=(-rss_limit_mb=1024 -malloc_limit_mb=256 -timeout=10)

mode=${1:-}
bin=${2:?usage: run-fuzzers.sh --fuzz|--replay FUZZ_BIN_DIR ...}
shift 2

case "$mode" in
--replay)
    target=${1:?no target}
    dir="$here/regressions/$target"
    if [ -z "$(ls -A "$dir" 2>/dev/null)" ]; then
        echo "skipped: no reproducers kept for $target"
        exit 77
    fi
    count=$(find "$dir" -type f | wc -l)
    echo "$target: replaying $count reproducers"
    "$bin/pptp-fuzz-$target" "${limits[@]}" "$dir"/*
    ;;
--fuzz)
    seconds=${1:?no duration}
    shift
    targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
    rm -rf "$bin/seeds"
    "$bin/pptp-fuzz-seeds" "$source_dir" "$bin/seeds" >/dev/null
    mkdir -p "$bin/artifacts"
    failed=()
    for target in "${targets[@]}"; do
        corpus="$bin/corpus/$target"
        mkdir -p "$corpus" "$here/regressions/$target"
        log="$bin/fuzz-$target.log"
        if "$bin/pptp-fuzz-$target" "${limits[@]}" -max_total_time="$seconds" \
            -print_final_stats=1 -artifact_prefix="$bin/artifacts/$target-" \
            "$corpus" "$bin/seeds/$target" "$here/regressions/$target" >"$log" 2>&1; then
            runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
            cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
            printf '%-16s %10s inputs in %ss, %s, corpus %s files\n' "$target" "$runs" \
                "$seconds" "$cov" "$(find "$corpus" -type f | wc -l)"
        else
            echo "$target: FAILED (log: $log; input saved under $bin/artifacts/)"
            grep -E 'ERROR|property violated|SUMMARY' "$log" | head -5 || true
            failed+=("$target")
        fi
    done
    if [ ${#failed[@]} -gt 0 ]; then
        echo "fuzzing failed: ${failed[*]}"
        exit 1
    fi
    ;;
*)
    echo "usage: run-fuzzers.sh --fuzz FUZZ_BIN_DIR SECONDS [TARGET...] | --replay FUZZ_BIN_DIR TARGET" >&2
    exit 2
    ;;
esac
