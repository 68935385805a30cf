#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time, the way ctest does it (tests/fuzz/CMakeLists.txt
# registers one test per target with label `fuzz`):
#
#   tests/sanitizers/run-fuzzer.sh FUZZER WORK_DIR SEED_DIR [LIBFUZZER_ARGS...]
#
# - WORK_DIR is emptied, the seeds of SEED_DIR are copied to WORK_DIR/corpus and the fuzzer
#   grows that copy (the seed directory in the repository is never written); WORK_DIR/corpus is
#   removed again at the end;
# - findings (crash-*, leak-*, timeout-*, oom-* inputs) go to WORK_DIR/artifacts and are kept;
#   replay one with `FUZZER FILE`;
# - exits with the fuzzer's status: non-zero on any crash, leak, timeout, ASan or UBSan report.
#
# Environment: SMSDESK_FUZZ_SECONDS overrides the time (-max_total_time, default 15);
# ASAN_OPTIONS / UBSAN_OPTIONS / LSAN_OPTIONS are taken as set (tests/run-tests.sh sets them),
# with UBSan halting and printing a stack when the caller set nothing.
set -euo pipefail

[[ $# -ge 3 ]] || {
    echo "usage: $0 FUZZER WORK_DIR SEED_DIR [LIBFUZZER_ARGS...]" >&2
    exit 2
}
fuzzer="$1"
work="$2"
seeds="$3"
shift 3

[[ -x "$fuzzer" ]] || {
    echo "run-fuzzer: $fuzzer is not an executable" >&2
    exit 2
}
[[ -d "$seeds" ]] || {
    echo "run-fuzzer: seed directory $seeds is missing" >&2
    exit 2
}

rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
cp -- "$seeds"/* "$work/corpus/"
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    rm -rf "$work/corpus"
}
trap cleanup EXIT

export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

seconds="${SMSDESK_FUZZ_SECONDS:-15}"
status=0
# -timeout: one input running longer than that is a finding (the default is 20 minutes).
"$fuzzer" "$work/corpus" -max_total_time="$seconds" -timeout=10 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$@" || status=$?

if [[ $status -ne 0 ]]; then
    echo "run-fuzzer: $(basename "$fuzzer") failed with status $status" >&2
    for finding in "$work/artifacts"/*; do
        [[ -e "$finding" ]] || continue
        echo "run-fuzzer: finding kept in $finding; replay with: $fuzzer $finding" >&2
    done
fi
exit "$status"
