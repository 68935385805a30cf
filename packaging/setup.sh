#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running SMS Desk or a green test suite.
#
#   packaging/setup.sh run [SMSDESK_ARGS...]   build (preset "release") and start smsdesk
#   packaging/setup.sh test [CTEST_ARGS...]    build presets "ci" (gcc) and "asan" (clang,
#                                              ASan+UBSan, fuzz targets), warnings are errors, and
#                                              run the whole suite of both through tests/run-tests.sh
#
# Idempotent: installs only the Debian packages that are missing (apt-get update only then),
# re-uses the existing build directory and rebuilds only what changed.
# Runs as root or through sudo. To add a package, add it to the array for its purpose.
set -euo pipefail

# --- Debian 12 packages, one array per purpose --------------------------------------------------
# Compiling and linking smsdesk.
BUILD_PACKAGES=(
    cmake
    ninja-build
    g++
    gcc         # C compiler for src/llhttp
    node-llhttp # llhttp's C sources, compiled into smsdesk_core by src/llhttp
    pkg-config
    qt6-base-dev
    qt6-base-dev-tools
    qt6-tools-dev
    qt6-tools-dev-tools
    qt6-l10n-tools # lupdate/lrelease for translations/*.ts
    qtkeychain-qt6-dev
    libphonenumber-dev
    libsqlite3-dev # the writer's statements: the same libsqlite3 Qt's QSQLITE driver loads
    libgl-dev # Qt6Gui's CMake package needs the OpenGL headers
)
# Needed when smsdesk runs (Qt plugins are loaded at run time, so nothing links them).
RUNTIME_PACKAGES=(
    libqt6sql6-sqlite # the embedded store
    libqt6sql6-psql   # shared PostgreSQL store (--db postgresql://...)
    libqt6svg6        # the SVG application icon
)
# Installed when the distribution has them; skipped otherwise.
OPTIONAL_RUNTIME_PACKAGES=(
    qt6-translations-l10n # Qt's own translations (dialog buttons and the like)
)
# tests/run-tests.sh: private session bus, an unlocked GNOME Keyring, secret-tool for its
# self-check, xvfb-run for a test that would ever need a real X server.
TEST_PACKAGES=(
    dbus # dbus-run-session, dbus-send
    curl # "Copy as curl" commands are run with the real curl (a missing one fails those tests)
    postgresql # a throw-away server on loopback for the store tests (tests/run-tests.sh)
    gnome-keyring
    libsecret-tools
    xvfb
    xauth
    desktop-file-utils # validates packaging/smsdesk.desktop
    appstream          # validates packaging/io.smsdesk.SmsDesk.metainfo.xml
    # The preset "asan": clang with AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer.
    clang           # clang/clang++ (Debian 12: clang 14)
    libclang-rt-dev # clang's run-time libraries: ASan, UBSan, LSan, libFuzzer (libclang-rt-14-dev)
    llvm            # llvm-symbolizer: file:line in sanitizer and libFuzzer stack traces
)

# --- helpers -------------------------------------------------------------------------------------
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$(pwd)"
started=$SECONDS

log() {
    printf 'setup: %s\n' "$*" >&2
}

die() {
    printf 'setup: error: %s\n' "$*" >&2
    exit 1
}

usage() {
    sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 2
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    else
        command -v sudo >/dev/null 2>&1 || die "not root and sudo is missing: run as root, or install sudo"
        sudo "$@"
    fi
}

installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

available() {
    local candidate
    candidate="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
    [[ -n "$candidate" && "$candidate" != "(none)" ]]
}

# ensure_packages REQUIRED... -- OPTIONAL...
# An optional package counts as missing only when apt knows it, so a distribution without it
# does not cause an apt-get update on every run.
ensure_packages() {
    local required=() optional=() missing=() pkg in_optional=no
    for pkg in "$@"; do
        if [[ "$pkg" == "--" ]]; then
            in_optional=yes
        elif [[ $in_optional == yes ]]; then
            optional+=("$pkg")
        else
            required+=("$pkg")
        fi
    done
    for pkg in "${required[@]}"; do
        installed "$pkg" || missing+=("$pkg")
    done
    for pkg in "${optional[@]}"; do
        installed "$pkg" || ! available "$pkg" || missing+=("$pkg")
    done
    local unknown_optional=()
    for pkg in "${optional[@]}"; do
        installed "$pkg" || available "$pkg" || unknown_optional+=("$pkg")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        log "all ${#required[@]} required packages are installed${unknown_optional[*]:+ (optional, not available: ${unknown_optional[*]})}"
        return
    fi
    [[ -r /etc/debian_version ]] || die "this script installs Debian packages; on another system install the equivalent of: ${missing[*]}"

    log "missing packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    # After the update, optional packages the lists did not know before may have appeared.
    for pkg in "${unknown_optional[@]}"; do
        if available "$pkg"; then
            missing+=("$pkg")
        else
            log "optional package $pkg is not available here; skipping it"
        fi
    done
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 \
        --no-install-recommends "${missing[@]}"
}

# build PRESET: configure (cheap when nothing changed) and build.
build() {
    local preset="$1" since=$SECONDS
    log "configuring with preset '$preset'"
    cmake --preset "$preset" -S "$repo" >/dev/null
    log "building with preset '$preset'"
    cmake --build --preset "$preset" --parallel "$(nproc)"
    log "preset '$preset' built in $((SECONDS - since)) s"
}

# --- main ----------------------------------------------------------------------------------------
[[ $# -ge 1 ]] || usage
command="$1"
shift

case "$command" in
run)
    ensure_packages "${BUILD_PACKAGES[@]}" "${RUNTIME_PACKAGES[@]}" -- "${OPTIONAL_RUNTIME_PACKAGES[@]}"
    build release
    log "ready after $((SECONDS - started)) s; starting build/release/smsdesk $*"
    if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
        log "note: no DISPLAY or WAYLAND_DISPLAY is set; the window needs a graphical session"
    fi
    exec "$repo/build/release/smsdesk" "$@"
    ;;
test)
    ensure_packages "${BUILD_PACKAGES[@]}" "${RUNTIME_PACKAGES[@]}" "${TEST_PACKAGES[@]}" \
        -- "${OPTIONAL_RUNTIME_PACKAGES[@]}"
    build ci
    build asan
    log "built after $((SECONDS - started)) s; running the test suite of build/ci and build/asan"
    status=0
    "$repo/tests/run-tests.sh" "$repo/build/ci" "$repo/build/asan" -- "$@" || status=$?
    log "finished after $((SECONDS - started)) s with status $status"
    exit "$status"
    ;;
-h | --help | help)
    usage
    ;;
*)
    echo "setup: unknown command '$command'" >&2
    usage
    ;;
esac
