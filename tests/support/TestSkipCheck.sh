#!/usr/bin/env bash
# The skip check of tests/run-tests.sh (--check-skips) on made-up ctest logs: a skip on the
# allow-list passes, any other skip fails the run (status 5) and is named, an allow-list entry
# without a comment above it is refused (status 2), and the repository's allow-list is readable.
# Never prints a line starting "SKIP   :" itself: ctest's log of this test is checked too.
#
#   tests/support/TestSkipCheck.sh tests/run-tests.sh
set -euo pipefail

run_tests="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# expect STATUS LOG [ALLOWLIST]: the check's status is STATUS; its messages are in $tmp/err.
expect() {
    local want="$1" got=0
    shift
    bash "$run_tests" --check-skips "$@" 2>"$tmp/err" || got=$?
    if [[ "$got" != "$want" ]]; then
        echo "FAIL: --check-skips $* gave status $got, expected $want; it said:"
        sed 's/^/    /' "$tmp/err"
        exit 1
    fi
}

printf '%s\n' '# Made up for this test.' 'TestScreens::shots' >"$tmp/allow.txt"
printf '%s\n' 'TestScreens::shots' >"$tmp/uncommented.txt"
printf '%s\n' 'PASS   : TestStore::writes(sqlite)' 'SKIP   : TestScreens::shots() not asked for' \
    '   Loc: [TestScreens.cpp(12)]' >"$tmp/allowed.log"
cat "$tmp/allowed.log" >"$tmp/other.log"
printf '%s\n' 'SKIP   : TestStore::checkpoints(postgres) WAL checkpoints are SQLite'"'"'s' \
    'SKIP   : TestKeys::initTestCase() no keyring' >>"$tmp/other.log"

expect 0 "$tmp/allowed.log" "$tmp/allow.txt"
expect 5 "$tmp/other.log" "$tmp/allow.txt"
grep -q 'TestStore::checkpoints(postgres) WAL' "$tmp/err"
grep -q 'TestKeys::initTestCase() no keyring' "$tmp/err"
if grep -q 'TestScreens::shots' "$tmp/err"; then
    echo "FAIL: an allowed skip was reported"
    exit 1
fi
expect 2 "$tmp/allowed.log" "$tmp/uncommented.txt"
expect 2 "$tmp/missing.log" "$tmp/allow.txt"

# The repository's allow-list: every entry commented, and its entries allowed.
printf '%s\n' 'SKIP   : TestConversationView::screenshot() SMSDESK_SCREENSHOT_DIR is not set' \
    'SKIP   : TestMessageTimelineView::showForScreenshot() set SMSDESK_TIMELINE_SHOW_SECONDS' \
    'SKIP   : TestRequestDetailPane::showForScreenshot() set SMSDESK_DETAIL_SHOW_SECONDS' \
    >"$tmp/screenshots.log"
expect 0 "$tmp/screenshots.log"
expect 5 "$tmp/other.log"
echo "skip check: allowed skips pass, others fail the run"
