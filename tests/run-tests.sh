#!/usr/bin/env bash
# Runs the whole ctest suite of each BUILD_DIR, one after the other, in one isolated session:
#   - a throw-away HOME and XDG_* directories (nothing of the caller's profile is read or written),
#   - a private D-Bus session bus (dbus-run-session),
#   - an unlocked GNOME Keyring (Secret Service) on that bus, checked with a secret-tool round trip,
#   - QT_QPA_PLATFORM=offscreen, so no display is needed,
#   - ASan/UBSan/LSan options for a sanitizer build (preset asan): any report fails the test; the
#     leak suppressions for uninstrumented system libraries are in tests/sanitizers/lsan.supp.
# Everything it started or created is removed again, also when a test fails or the run is interrupted.
# A skipped test has not passed: after each ctest run, every QtTest "SKIP   :" line in its
# Testing/Temporary/LastTest.log must name a test function of tests/skip-allowlist.txt, or the run
# fails (status 5).
# Exits with 0 when every ctest run passed, else with the status of the first one that failed.
#
#   tests/run-tests.sh BUILD_DIR [BUILD_DIR...] [--] [CTEST_ARGS...]
#   tests/run-tests.sh build/ci -R test_keychain     # one test
#   tests/run-tests.sh build/ci -L unit              # one label
#   tests/run-tests.sh build/ci build/asan -- -L unit  # the same ctest arguments for both
#   tests/run-tests.sh --check-skips LOG [ALLOWLIST]    # only the skip check, of one ctest log
#
# The build directories are the leading arguments that do not start with '-'; CTEST_ARGS start
# at the first argument that does, or after `--`. A build directory in which CTEST_ARGS select
# no test is skipped with a note; selecting no test at all is an error.
#
# Hook for tests that need a real X server: set SMSDESK_TEST_XVFB=1 and ctest runs under
# `xvfb-run -a` (packages xvfb and xauth); such a test must then override QT_QPA_PLATFORM=xcb
# in its own ENVIRONMENT property.
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [BUILD_DIR...] [--] [CTEST_ARGS...]" >&2
    exit 2
}

# check_skips LOG [ALLOWLIST]: prints every skip QtTest reported in the ctest log LOG ("SKIP   :
# Class::function(tag) reason") whose Class::function is not in ALLOWLIST (default
# tests/skip-allowlist.txt) and returns 5 when there is one; 0 when every skip is allowed; 2 when
# the log cannot be read or an entry of the allow-list has no comment above it.
check_skips() {
    local log="$1"
    local allowlist="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/skip-allowlist.txt}"
    local allowed=() line previous="" name found=0
    [[ -r "$log" ]] || {
        echo "run-tests: cannot read $log to check it for skipped tests" >&2
        return 2
    }
    while IFS= read -r line || [[ -n "$line" ]]; do
        if [[ -n "$line" && "$line" != '#'* ]]; then
            [[ "$previous" == '#'* ]] || {
                echo "run-tests: $allowlist: '$line' has no comment above it saying why it may skip" >&2
                return 2
            }
            allowed+=("$line")
        fi
        previous="$line"
    done <"$allowlist"
    while IFS= read -r line; do
        name="${line#SKIP   : }"
        name="${name%%(*}"
        if [[ " ${allowed[*]} " != *" $name "* ]]; then
            # Not echoed as it was: a line starting "SKIP   :" would count as a skip of its own.
            echo "run-tests: skipped, which is not a pass (not in $(basename "$allowlist")): ${line#SKIP   : }" >&2
            found=1
        fi
    done < <(grep -a '^SKIP   : ' "$log" || true)
    [[ $found -eq 0 ]] || return 5
}

need() {
    command -v "$1" >/dev/null 2>&1 || {
        echo "run-tests: '$1' is missing; run packaging/setup.sh test to install the test packages" >&2
        exit 2
    }
}

if [[ "${1:-}" == "--check-skips" ]]; then
    shift
    [[ $# -ge 1 && $# -le 2 ]] || usage
    check_skips "$@"
    exit
fi

# ---------------------------------------------------------------------------------------------
# Stage 2: inside dbus-run-session (private bus, temp HOME already exported by stage 1).
# ---------------------------------------------------------------------------------------------
if [[ "${1:-}" == "--in-session" ]]; then
    shift
    build_dirs=()
    while [[ "$1" != "--" ]]; do
        build_dirs+=("$1")
        shift
    done
    shift
    keyring_pid=""
    keyring_log="$SMSDESK_TEST_TMP/gnome-keyring.log"

    stop_keyring() {
        if [[ -n "$keyring_pid" ]] && kill -0 "$keyring_pid" 2>/dev/null; then
            kill "$keyring_pid" 2>/dev/null || true
            wait "$keyring_pid" 2>/dev/null || true
        fi
        keyring_pid=""
    }
    trap stop_keyring EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    # The password only protects the temporary login keyring of this run.
    password="smsdesk-tests-$RANDOM$RANDOM"
    printf '%s' "$password" |
        gnome-keyring-daemon --foreground --unlock --components=secrets >"$keyring_log" 2>&1 &
    keyring_pid=$!

    # Wait until the daemon owns org.freedesktop.secrets on our bus. Asking with NameHasOwner does
    # not D-Bus-activate a second (locked) daemon the way a secret-tool call would.
    owned=no
    for _ in $(seq 1 100); do
        if ! kill -0 "$keyring_pid" 2>/dev/null; then
            break
        fi
        if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
            grep -q 'boolean true'; then
            owned=yes
            break
        fi
        sleep 0.1
    done
    if [[ "$owned" != yes ]]; then
        echo "run-tests: gnome-keyring-daemon did not come up on the test session bus:" >&2
        cat "$keyring_log" >&2 || true
        exit 3
    fi

    # Prove the keyring answers: store, look up, clear, look up again.
    probe_attr="smsdesk-run-tests"
    probe_key="probe-$$"
    probe_value="probe-$RANDOM$RANDOM$RANDOM"
    if ! printf '%s' "$probe_value" |
        secret-tool store --label="SMS Desk test probe" "$probe_attr" "$probe_key" 2>"$SMSDESK_TEST_TMP/secret-tool.err"; then
        echo "run-tests: the test keyring refused to store a secret:" >&2
        cat "$SMSDESK_TEST_TMP/secret-tool.err" "$keyring_log" >&2 || true
        exit 3
    fi
    looked_up="$(secret-tool lookup "$probe_attr" "$probe_key" 2>/dev/null || true)"
    if [[ "$looked_up" != "$probe_value" ]]; then
        echo "run-tests: the test keyring did not return the secret it stored" >&2
        cat "$keyring_log" >&2 || true
        exit 3
    fi
    secret-tool clear "$probe_attr" "$probe_key"
    if [[ -n "$(secret-tool lookup "$probe_attr" "$probe_key" 2>/dev/null || true)" ]]; then
        echo "run-tests: the test keyring did not clear the probe secret" >&2
        exit 3
    fi
    echo "run-tests: isolated session ready (private D-Bus, unlocked GNOME Keyring, HOME=$HOME)"

    export SMSDESK_TEST_KEYCHAIN=1
    export QT_QPA_PLATFORM=offscreen

    status=0
    selected=0
    summary=()
    for build_dir in "${build_dirs[@]}"; do
        # How many tests CTEST_ARGS select here (-N lists without running).
        listed="$(ctest --test-dir "$build_dir" -N "$@" 2>&1)" || {
            printf '%s\n' "$listed" >&2
            [[ $status -ne 0 ]] || status=2
            summary+=("$build_dir: ctest could not list the tests")
            continue
        }
        count="$(printf '%s\n' "$listed" | sed -n 's/^Total Tests: *\([0-9][0-9]*\).*/\1/p' | tail -n 1)"
        if [[ "${count:-0}" -eq 0 ]]; then
            echo "run-tests: no test selected in $build_dir; skipping it"
            summary+=("$build_dir: no test selected")
            continue
        fi
        selected=$((selected + count))

        ctest_cmd=(ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j2 "$@")
        if [[ "${SMSDESK_TEST_XVFB:-0}" == 1 ]]; then
            need xvfb-run
            ctest_cmd=(xvfb-run -a "${ctest_cmd[@]}")
        fi
        echo "run-tests: running $count tests of $build_dir"
        started=$SECONDS
        run_status=0
        "${ctest_cmd[@]}" || run_status=$?
        skip_status=0
        check_skips "$build_dir/Testing/Temporary/LastTest.log" || skip_status=$?
        [[ $run_status -ne 0 ]] || run_status=$skip_status
        summary+=("$build_dir: $count tests, status $run_status, $((SECONDS - started)) s")
        [[ $status -ne 0 ]] || status=$run_status
    done
    stop_keyring
    if [[ $selected -eq 0 && $status -eq 0 ]]; then
        echo "run-tests: the ctest arguments select no test in any build directory" >&2
        status=8
    fi
    for line in "${summary[@]}"; do
        echo "run-tests: $line"
    done
    exit "$status"
fi

# ---------------------------------------------------------------------------------------------
# Stage 1: isolate HOME/XDG, then re-enter this script inside a private session bus.
# ---------------------------------------------------------------------------------------------
[[ $# -ge 1 && "$1" != -* ]] || usage
build_dirs=()
while [[ $# -gt 0 && "$1" != -* ]]; do
    [[ -f "$1/CTestTestfile.cmake" ]] || {
        echo "run-tests: '$1' is not a configured build directory (no CTestTestfile.cmake)" >&2
        exit 2
    }
    build_dirs+=("$(cd "$1" && pwd)")
    shift
done
[[ "${1:-}" != "--" ]] || shift

for tool in ctest dbus-run-session dbus-send gnome-keyring-daemon secret-tool; do
    need "$tool"
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/smsdesk-tests.XXXXXX")"
pg_ctl_bin=""
pg_data=""
as_pg_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    if [[ -n "$pg_data" && -f "$pg_data/postmaster.pid" ]]; then
        as_pg_owner "$pg_ctl_bin" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/cache" "$tmp/state" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export SMSDESK_TEST_TMP="$tmp"
export HOME="$tmp/home"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_DATA_HOME="$tmp/data"
export XDG_CACHE_HOME="$tmp/cache"
export XDG_STATE_HOME="$tmp/state"
export XDG_RUNTIME_DIR="$tmp/runtime"
# Nothing of the caller's desktop session leaks in: no display, no bus, no keyring, and no desktop
# hint that would make QtKeychain pick KWallet instead of the Secret Service.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK \
    XDG_CURRENT_DESKTOP XDG_SESSION_TYPE DESKTOP_SESSION KDE_SESSION_VERSION KDE_FULL_SESSION \
    GNOME_DESKTOP_SESSION_ID SMSDESK_TEST_KEYCHAIN SMSDESK_TEST_PG
export LC_ALL=C.UTF-8

# Sanitizer builds (preset asan): every ASan, LSan (leak at exit) or UBSan report ends the process
# with status 86, which fails the test, also when the report comes from a child process (the
# smsdesk binary the cli tests start) whose test expects some other non-zero status. Harmless for
# a build without sanitizers. Options the caller set come last and win.
sanitizers="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/sanitizers"
export ASAN_OPTIONS="detect_leaks=1:exitcode=86:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:strict_string_checks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$sanitizers/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=86${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

# A throw-away PostgreSQL server on loopback for the store tests that run against both
# backends (SMSDESK_TEST_PG names its admin database; each test creates and drops its own).
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[[ -x "$pg_bin/initdb" ]] || {
    echo "run-tests: PostgreSQL server binaries are missing; run packaging/setup.sh test" >&2
    exit 2
}
pg_ctl_bin="$pg_bin/pg_ctl"
mkdir -p "$tmp/pg"
[[ "$(id -u)" != 0 ]] || chown postgres "$tmp" "$tmp/pg"
pg_data="$tmp/pg/data"
pg_port=$((20000 + RANDOM % 20000))
as_pg_owner "$pg_bin/initdb" -D "$pg_data" -A trust -U smsdesk --no-sync >"$tmp/pg/initdb.log" 2>&1 || {
    cat "$tmp/pg/initdb.log" >&2
    exit 3
}
as_pg_owner "$pg_ctl_bin" -D "$pg_data" -w -l "$tmp/pg/server.log" \
    -o "-h 127.0.0.1 -p $pg_port -k $tmp/pg -c fsync=off -c max_connections=200" start >/dev/null || {
    echo "run-tests: PostgreSQL did not start:" >&2
    cat "$tmp/pg/server.log" >&2 || true
    exit 3
}
export SMSDESK_TEST_PG="postgresql://smsdesk@127.0.0.1:$pg_port/postgres"
echo "run-tests: PostgreSQL on 127.0.0.1:$pg_port"

status=0
dbus-run-session -- bash "${BASH_SOURCE[0]}" --in-session "${build_dirs[@]}" -- "$@" || status=$?
exit "$status"
