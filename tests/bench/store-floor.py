#!/usr/bin/env python3
"""The least CPU the store needs per accepted webhook, whatever code drives it.

Replays what MessageWriter does for each webhook (INSERT the message ON CONFLICT DO NOTHING
RETURNING id, INSERT its request_log row RETURNING id, and in the next transaction UPDATE that
row with the response) straight through Python's sqlite3 module: no Qt, no savepoints, no
threads. The schema is the app's own, read from a store the smsdesk binary migrated; the file
is in WAL mode with synchronous=FULL and foreign keys on, as the app opens it. Prints the CPU
time (user + system: page writes and fsync included) per webhook for several transaction sizes,
with and without the request log, all in one run.

    tests/bench/store-floor.py [SMSDESK_BINARY] [--rows N]
        default binary: build/release/smsdesk

Divide one core's second by the figure to get the most webhooks per second one writer thread
can store on this machine, before any HTTP, parsing or Qt.
"""
import argparse
import json
import os
import subprocess
import sqlite3
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("binary", nargs="?", default="build/release/smsdesk")
parser.add_argument("--rows", type=int, default=24000)
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="store-floor-")
env = dict(os.environ, HOME=work, XDG_DATA_HOME=work + "/data", XDG_CONFIG_HOME=work + "/config")
source = os.path.join(work, "migrated.sqlite")
subprocess.run([args.binary, "numbers", "add", "--db", source, "--number", "+14045559999",
                "--provider", "oncloud", "--label", "Floor"], env=env, check=True,
               stdout=subprocess.DEVNULL)
schema = [row[0] for row in sqlite3.connect(source).execute(
    "SELECT sql FROM sqlite_master WHERE sql NOT NULL AND name NOT LIKE 'sqlite_%'")]

HEADERS = json.dumps([["Host", "127.0.0.1:8080"], ["Content-Type", "application/json"],
                      ["Content-Length", "180"], ["User-Agent", "bench"]])


def run(batch, with_log):
    path = os.path.join(work, "floor-%d-%d.sqlite" % (batch, with_log))
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                   "temp_store = MEMORY"):
        db.execute("PRAGMA " + pragma)
    for statement in schema:
        db.execute(statement)
    db.execute("INSERT INTO numbers (id, e164, provider, created_at, updated_at) "
               "VALUES (1, '+14045559999', 'oncloud', 0, 0)")
    rows = args.rows - args.rows % batch
    wall, cpu = time.perf_counter(), time.process_time()
    previous = []
    for b in range(rows // batch):
        db.execute("BEGIN IMMEDIATE")
        for log_id in previous:
            db.execute("UPDATE request_log SET response_status = 200, response_body = '', "
                       "latency_us = ? WHERE id = ?", (1500, log_id))
        previous = []
        for i in range(batch):
            k = b * batch + i
            text = "Order %d is ready for pickup, reply STOP to opt out" % k
            message_id = db.execute(
                "INSERT INTO messages (direction, provider, number_id, did, remote, text, media, "
                "status, provider_time, received_at, dedupe_key) VALUES ('inbound', 'oncloud', "
                "1, '+14045559999', '+17705551234', ?, '[]', 'received', ?, ?, ?) "
                "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
                (text, 1700000000000 + k, 1700000000000 + k,
                 "oncloud:%064x" % ((k * 2654435761) % 2**64))).fetchone()[0]
            if with_log:
                body = json.dumps({"from": "+17705551234", "to": "+14045559999", "text": text,
                                   "timestamp": "2026-11-20T10:00:00Z", "media": []}).encode()
                previous.append(db.execute(
                    "INSERT INTO request_log (received_at, peer, method, target, headers, body, "
                    "body_size, provider, number_id, outcome, message_id) VALUES (?, "
                    "'127.0.0.1:50000', 'POST', '/webhooks/oncloud', ?, ?, ?, 'oncloud', 1, "
                    "'accepted', ?) RETURNING id",
                    (1700000000000 + k, HEADERS, body, len(body), message_id)).fetchone()[0])
        db.execute("COMMIT")
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    db.close()
    return cpu / rows * 1e6, wall / rows * 1e6


print("store floor: %d webhooks per run, WAL + synchronous=FULL, the app's schema" % args.rows)
print("%-24s %12s %16s %12s" % ("", "per commit", "CPU us/webhook", "max/s/core"))
for with_log in (False, True):
    for batch in (12, 32, 256):
        cpu_us, _ = run(batch, with_log)
        print("%-24s %12d %16.1f %12.0f" % (
            "message + request log" if with_log else "message only", batch, cpu_us,
            1e6 / cpu_us))
subprocess.run(["rm", "-rf", work])
