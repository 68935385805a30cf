// The least CPU the store needs per accepted webhook, whatever code drives it: what
// MessageWriter does for each webhook (INSERT the message ON CONFLICT DO NOTHING RETURNING id,
// INSERT its request_log row RETURNING id, and in the next transaction UPDATE that row with the
// response; since migration 14, index the transaction's messages for search in one statement
// before COMMIT), straight through SQLite's C API with prepared statements: no Qt, no savepoints,
// no threads, no allocation per row beyond SQLite's own. The schema is the app's, copied from a
// store the smsdesk binary migrated; the file is in WAL mode with synchronous=FULL and foreign
// keys on, as the app opens it. Prints the CPU time (user + system: page writes and fsync
// included) per webhook for several transaction sizes, with and without the request log.
//
//   store_floor MIGRATED.sqlite [--rows N] [--batch N]... [--dir DIR]
//
// tests/bench/listener-vs-nginx.sh runs it in the same run as the listener, so that the
// writer thread's CPU per webhook can be read against it at the batch size the writer reached.

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sqlite3.h>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace {

[[noreturn]] void die(sqlite3* db, const char* what)
{
    std::fprintf(stderr, "store_floor: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
    std::exit(1);
}

void exec(sqlite3* db, const char* sql)
{
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "store_floor: %s: %s\n", sql, error ? error : "");
        std::exit(1);
    }
}

sqlite3_stmt* prepare(sqlite3* db, const char* sql)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) !=
        SQLITE_OK)
        die(db, sql);
    return statement;
}

// SplitMix64's finaliser: distinct inputs give distinct, uniformly spread outputs.
std::uint64_t spread(std::int64_t value)
{
    std::uint64_t x = static_cast<std::uint64_t>(value) + 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The app's schema: every CREATE statement of the migrated store, in order.
std::vector<std::string> schemaOf(const char* migrated)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(migrated, &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        die(db, migrated);
    // Not the shadow tables of a virtual table (FTS5): creating the virtual table makes them.
    sqlite3_stmt* query = prepare(db, "SELECT sql FROM sqlite_master WHERE sql NOT NULL AND name "
                                      "NOT LIKE 'sqlite_%' AND name NOT IN (SELECT name FROM "
                                      "pragma_table_list WHERE type = 'shadow') ORDER BY rowid");
    std::vector<std::string> schema;
    while (sqlite3_step(query) == SQLITE_ROW)
        schema.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(query, 0)));
    sqlite3_finalize(query);
    sqlite3_close(db);
    if (schema.empty()) {
        std::fprintf(stderr, "store_floor: %s holds no schema\n", migrated);
        std::exit(1);
    }
    return schema;
}

constexpr const char* kHeaders =
    R"([["Host","127.0.0.1:8080"],["Content-Type","application/json"],)"
    R"(["Content-Length","180"],["User-Agent","bench"]])";

// What one run writes: the message alone or with its request log row, and which of the
// schema's AFTER INSERT triggers on messages (the conversation thread, the FTS index) it keeps.
struct Variant
{
    const char* label;
    bool withLog;
    std::vector<const char*> dropTriggers;
};

// CPU microseconds per webhook for `rows` webhooks in transactions of `batch`.
double run(const std::vector<std::string>& schema, const std::string& path, int rows, int batch,
           const Variant& variant)
{
    const bool withLog = variant.withLog;
    unlink(path.c_str());
    unlink((path + "-wal").c_str());
    unlink((path + "-shm").c_str());
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK)
        die(db, path.c_str());
    exec(db, "PRAGMA journal_mode = WAL");
    exec(db, "PRAGMA synchronous = FULL");
    exec(db, "PRAGMA foreign_keys = ON");
    exec(db, "PRAGMA temp_store = MEMORY");
    for (const std::string& statement : schema)
        exec(db, statement.c_str());
    bool ftsTrigger = true;
    for (const char* trigger : variant.dropTriggers) {
        exec(db, (std::string("DROP TRIGGER IF EXISTS ") + trigger).c_str());
        ftsTrigger = ftsTrigger && std::strcmp(trigger, "messages_fts_insert") != 0;
    }
    // Since migration 14 the writer indexes a transaction's messages for search in one
    // statement before COMMIT, with the per-row trigger held off by a row it holds in
    // messages_fts_deferred; so does the floor when the schema has that table.
    bool deferred = false;
    {
        sqlite3_stmt* table = prepare(db, "SELECT 1 FROM sqlite_master WHERE name = "
                                          "'messages_fts_deferred'");
        deferred = ftsTrigger && sqlite3_step(table) == SQLITE_ROW;
        sqlite3_finalize(table);
    }
    exec(db, "INSERT INTO numbers (id, e164, provider, created_at, updated_at) "
             "VALUES (1, '+14045559999', 'oncloud', 0, 0)");

    sqlite3_stmt* begin = prepare(db, "BEGIN IMMEDIATE");
    sqlite3_stmt* commit = prepare(db, "COMMIT");
    sqlite3_stmt* message = prepare(
        db, "INSERT INTO messages (direction, provider, number_id, did, remote, text, media, "
            "status, provider_time, received_at, dedupe_key) VALUES ('inbound', 'oncloud', 1, "
            "'+14045559999', '+17705551234', ?1, '[]', 'received', ?2, ?2, ?3) "
            "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id");
    sqlite3_stmt* log = prepare(
        db, "INSERT INTO request_log (received_at, peer, method, target, headers, body, "
            "body_size, provider, number_id, outcome, message_id) VALUES (?1, '127.0.0.1:50000', "
            "'POST', '/webhooks/oncloud', ?2, ?3, ?4, 'oncloud', 1, 'accepted', ?5) RETURNING id");
    sqlite3_stmt* response = prepare(db, "UPDATE request_log SET response_status = 200, "
                                         "response_body = '', latency_us = 1500 WHERE id = ?1");
    sqlite3_stmt* deferSearch = nullptr;
    sqlite3_stmt* indexSearch = nullptr;
    sqlite3_stmt* endDeferral = nullptr;
    if (deferred) {
        deferSearch =
            prepare(db, "INSERT OR IGNORE INTO messages_fts_deferred (writer) VALUES (1)");
        indexSearch = prepare(db, "INSERT INTO messages_fts (rowid, text) SELECT id, text FROM "
                                  "messages WHERE id >= ?1");
        endDeferral = prepare(db, "DELETE FROM messages_fts_deferred");
    }

    auto step = [db](sqlite3_stmt* statement, int expected) {
        if (sqlite3_step(statement) != expected)
            die(db, sqlite3_sql(statement));
    };

    rows -= rows % batch;
    std::vector<sqlite3_int64> previous;
    previous.reserve(static_cast<size_t>(batch));
    char text[96];
    char key[96];
    char body[320];
    const double started = cpuSeconds();
    for (int b = 0; b < rows / batch; ++b) {
        step(begin, SQLITE_DONE);
        sqlite3_reset(begin);
        sqlite3_int64 firstMessageId = 0;
        if (deferred) {
            step(deferSearch, SQLITE_DONE);
            sqlite3_reset(deferSearch);
        }
        for (const sqlite3_int64 id : previous) {
            sqlite3_bind_int64(response, 1, id);
            step(response, SQLITE_DONE);
            sqlite3_reset(response);
        }
        previous.clear();
        for (int i = 0; i < batch; ++i) {
            const std::int64_t k = static_cast<std::int64_t>(b) * batch + i;
            const int textSize =
                std::snprintf(text, sizeof text,
                              "Order %" PRId64 " is ready for pickup, reply STOP to opt out", k);
            // The app's key is "oncloud:" and a SHA-256 of the content in hex (DedupeKey::
            // hashed): uniformly spread, so each insert lands on its own page of the unique
            // index. A key that grows with k would append to one page and cost less than the
            // app's do.
            const int keySize = std::snprintf(
                key, sizeof key, "oncloud:%016" PRIx64 "%016" PRIx64 "%016" PRIx64 "%016" PRIx64,
                spread(4 * k), spread(4 * k + 1), spread(4 * k + 2), spread(4 * k + 3));
            sqlite3_bind_text(message, 1, text, textSize, SQLITE_STATIC);
            sqlite3_bind_int64(message, 2, 1700000000000LL + k);
            sqlite3_bind_text(message, 3, key, keySize, SQLITE_STATIC);
            step(message, SQLITE_ROW);
            const sqlite3_int64 messageId = sqlite3_column_int64(message, 0);
            if (firstMessageId == 0)
                firstMessageId = messageId;
            sqlite3_reset(message);
            if (!withLog)
                continue;
            const int bodySize =
                std::snprintf(body, sizeof body,
                              R"({"from": "+17705551234", "to": "+14045559999", "text": "%s", )"
                              R"("timestamp": "2026-11-20T10:00:00Z", "media": []})",
                              text);
            sqlite3_bind_int64(log, 1, 1700000000000LL + k);
            sqlite3_bind_text(log, 2, kHeaders, -1, SQLITE_STATIC);
            sqlite3_bind_blob(log, 3, body, bodySize, SQLITE_STATIC);
            sqlite3_bind_int(log, 4, bodySize);
            sqlite3_bind_int64(log, 5, messageId);
            step(log, SQLITE_ROW);
            previous.push_back(sqlite3_column_int64(log, 0));
            sqlite3_reset(log);
        }
        if (deferred) {
            sqlite3_bind_int64(indexSearch, 1, firstMessageId);
            step(indexSearch, SQLITE_DONE);
            sqlite3_reset(indexSearch);
            step(endDeferral, SQLITE_DONE);
            sqlite3_reset(endDeferral);
        }
        step(commit, SQLITE_DONE);
        sqlite3_reset(commit);
    }
    const double cpu = cpuSeconds() - started;
    for (sqlite3_stmt* statement :
         {begin, commit, message, log, response, deferSearch, indexSearch, endDeferral})
        sqlite3_finalize(statement);
    sqlite3_close(db);
    return cpu / rows * 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        std::fprintf(stderr,
                     "usage: store_floor MIGRATED.sqlite [--rows N] [--batch N]... [--dir DIR]\n");
        return 2;
    }
    const char* migrated = argv[1];
    int rows = 24000;
    std::vector<int> batches;
    std::string dir = "/tmp";
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--rows") == 0)
            rows = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--batch") == 0)
            batches.push_back(std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--dir") == 0)
            dir = argv[i + 1];
    }
    if (batches.empty())
        batches = {12, 32, 64, 256};
    const std::vector<std::string> schema = schemaOf(migrated);
    std::printf("store floor (SQLite C API): %d webhooks per run, WAL + synchronous=FULL, the "
                "app's schema\n",
                rows);
    // "message + request log" is the webhook as the app stores it (the listener-vs-nginx bench
    // reads that line); the indented ones show what the triggers on messages cost.
    const char* const thread = "messages_conversation_insert";
    const char* const fts = "messages_fts_insert";
    const std::vector<Variant> variants = {
        {"message only", false, {}},
        {"message + request log", true, {}},
        {"  without thread trigger", true, {thread}},
        {"  without FTS trigger", true, {fts}},
        {"  without both triggers", true, {thread, fts}},
    };
    std::printf("%-26s %12s %16s %12s\n", "", "per commit", "CPU us/webhook", "max/s/core");
    for (const Variant& variant : variants) {
        for (const int batch : batches) {
            const std::string path = dir + "/store-floor-" + std::to_string(getpid()) + ".sqlite";
            const double us = run(schema, path, rows, batch, variant);
            std::printf("%-26s %12d %16.1f %12.0f\n", variant.label, batch, us, 1e6 / us);
            unlink(path.c_str());
            unlink((path + "-wal").c_str());
            unlink((path + "-shm").c_str());
        }
    }
    return 0;
}
