#!/usr/bin/env bash
# Requests per second of `smsdesk --headless` against nginx answering `return 200`, measured in
# one run with the same wrk load and payload (tests/bench/webhook.lua: keep-alive onCloud
# webhooks, each a distinct message). Prints both, the ratio, smsdesk's latency percentiles,
# its non-2xx count and how many messages the store holds afterwards (every 2xx must be a
# stored message). Then the store's side, in the same run: the writer thread's CPU per webhook
# (from /proc) against the store floor (tests/bench/store_floor.cpp: the same statements through
# SQLite's C API, no Qt) at the batch size the writer reached.
#
#   tests/bench/listener-vs-nginx.sh [SMSDESK_BINARY]
#       default binary: build/release/smsdesk (built by `packaging/setup.sh run`)
#   environment: DURATION (s, default 10), CONNECTIONS (default 16), THREADS (wrk, default 1),
#                ROUNDS (alternating nginx/smsdesk rounds, default 3), NGINX_WORKERS (default 1)
#
# Needs wrk and nginx (Debian: wrk, nginx-light), g++ and libsqlite3-dev (for the floor).
# Nothing here is run by ctest: it measures.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"
binary="${1:-$repo/build/release/smsdesk}"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-1}"
rounds="${ROUNDS:-3}"
nginx_workers="${NGINX_WORKERS:-1}"
script="$repo/tests/bench/webhook.lua"

for tool in wrk nginx; do
    command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] ||
        { echo "bench: $tool is missing (apt-get install wrk nginx-light)" >&2; exit 1; }
done
[[ -x "$binary" ]] || { echo "bench: no smsdesk binary at $binary" >&2; exit 1; }
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- nginx: return 200 -------------------------------------------------------------------------
nginx_port="$(free_port)"
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes $nginx_workers;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port;
        location / { return 200; }
    }
}
CONF
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)

# --- smsdesk --headless on a fresh SQLite store --------------------------------------------------
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
mkdir -p "$HOME"
db="$work/smsdesk.sqlite"
"$binary" numbers add --db "$db" --number +14045559999 --provider oncloud --label Bench >/dev/null
"$binary" --headless --db "$db" --listen 127.0.0.1:0 >"$work/smsdesk.out" 2>"$work/smsdesk.err" &
smsdesk_pid=$!
pids+=($smsdesk_pid)
for _ in $(seq 100); do
    grep -q '^listening on' "$work/smsdesk.out" 2>/dev/null && break
    sleep 0.1
done
smsdesk_url="$(sed -n 's/^listening on //p' "$work/smsdesk.out")"
[[ -n "$smsdesk_url" ]] || { echo "bench: smsdesk did not start:" >&2; cat "$work/smsdesk.err" >&2; exit 1; }

run_wrk() { # URL OUTPUT PREFIX
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$script" "$1" -- "$3" >"$2"
}
rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
requests() { awk '/requests in/ { print $1 }' "$1"; }
non2xx() { awk '/Non-2xx or 3xx responses:/ { print $5 }' "$1" | grep . || echo 0; }
errors() { awk '/Socket errors:/ { print }' "$1"; }
percentile() { awk -v p="$2" '$1 == p { print $2 }' "$1"; }

# Warm both up, then alternate rounds so machine noise hits both alike.
wrk -t1 -c4 -d2s -s "$script" "http://127.0.0.1:$nginx_port" -- warmup >/dev/null
wrk -t1 -c4 -d2s -s "$script" "$smsdesk_url" -- warmup >"$work/warmup.txt"
warmup="$(requests "$work/warmup.txt")"
total_sent=0
total_non2xx=0
printf '%-6s %12s %12s %8s %9s %9s %9s %8s\n' round nginx_rps smsdesk_rps ratio p50 p90 p99 non2xx
ratios=()
nginx_rates=()
for round in $(seq "$rounds"); do
    run_wrk "http://127.0.0.1:$nginx_port" "$work/nginx-$round.txt" "round$round"
    run_wrk "$smsdesk_url" "$work/smsdesk-$round.txt" "round$round"
    n="$(rps "$work/nginx-$round.txt")"
    s="$(rps "$work/smsdesk-$round.txt")"
    ratio="$(awk -v a="$s" -v b="$n" 'BEGIN { printf "%.3f", a / b }')"
    ratios+=("$ratio")
    nginx_rates+=("$n")
    bad="$(non2xx "$work/smsdesk-$round.txt")"
    total_non2xx=$((total_non2xx + bad))
    total_sent=$((total_sent + $(requests "$work/smsdesk-$round.txt")))
    f="$work/smsdesk-$round.txt"
    printf '%-6s %12s %12s %8s %9s %9s %9s %8s\n' "$round" "$n" "$s" "$ratio" \
        "$(percentile "$f" 50%)" "$(percentile "$f" 90%)" "$(percentile "$f" 99%)" "$bad"
    e="$(errors "$f")"; [[ -z "$e" ]] || echo "       smsdesk $e"
done
median="$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"

# The writer thread's CPU so far (utime + stime, in clock ticks), read before it stops.
writer_ticks=0
for task in /proc/"$smsdesk_pid"/task/*; do
    if [[ "$(cat "$task/comm" 2>/dev/null)" == smsdesk-writer ]]; then
        writer_ticks="$(awk '{ print $14 + $15 }' "$task/stat")"
    fi
done

# Stop smsdesk gracefully (drains the writer), then count what the store holds.
kill -TERM "$smsdesk_pid"
wait "$smsdesk_pid" || true
stored="$("$binary" export --db "$db" --format jsonl | grep -c 'Benchmark message' || true)"
echo "median ratio smsdesk/nginx: $median  (nginx: $nginx_workers worker(s); wrk: $threads thread(s), $connections connections, ${duration}s x $rounds rounds)"
echo "smsdesk non-2xx answers: $total_non2xx"
echo "benchmark messages stored: $stored; requests answered: $((total_sent + warmup)) (every one a distinct message)"
grep -h '^writer:' "$work/smsdesk.out" || true

# The store's side: the writer's CPU per webhook against the floor at the batch size it reached.
jobs="$(sed -n 's/^writer: \([0-9]*\) jobs in \([0-9]*\) transactions.*/\1/p' "$work/smsdesk.out")"
batches="$(sed -n 's/^writer: \([0-9]*\) jobs in \([0-9]*\) transactions.*/\2/p' "$work/smsdesk.out")"
if [[ -n "$jobs" && "$jobs" -gt 0 && "$writer_ticks" -gt 0 ]]; then
    batch=$(((jobs + batches / 2) / batches))
    writer_us="$(awk -v t="$writer_ticks" -v hz="$(getconf CLK_TCK)" -v n="$jobs" \
        'BEGIN { printf "%.1f", t / hz / n * 1e6 }')"
    g++ -O2 -o "$work/store_floor" "$repo/tests/bench/store_floor.cpp" -lsqlite3
    "$work/store_floor" "$db" --rows 24000 --batch "$batch" --dir "$work" >"$work/floor.txt"
    floor_us="$(awk '/^message \+ request log / { print $(NF-1) }' "$work/floor.txt")"
    cat "$work/floor.txt"
    echo "writer thread CPU per webhook: $writer_us us at $batch per commit on average;" \
        "floor at that batch: $floor_us us; ratio $(awk -v w="$writer_us" -v f="$floor_us" \
        'BEGIN { printf "%.2f", w / f }')"
    # What the store alone allows: one whole core doing nothing but the floor's statements.
    # The listener's thread and wrk share the other core (and this one, whenever the writer
    # waits for an fsync).
    nginx_median="$(printf '%s\n' "${nginx_rates[@]}" | sort -n |
        awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
    awk -v f="$floor_us" -v n="$nginx_median" 'BEGIN {
        printf "the floor at that batch stores at most %.0f webhooks/s on a whole core: %.3f x " \
            "nginx'"'"'s median (%.0f/s)\n", 1e6 / f, 1e6 / f / n, n }'
fi
