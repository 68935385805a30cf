#pragma once

#include "CommandLine.h"

namespace smsdesk {

// `smsdesk --headless`: the webhook listener and the outbox worker without a window, for
// servers and systemd.
// Prints `listening on http://HOST:PORT` once bound and one line per request on stdout,
// warnings on stderr; on SIGTERM or SIGINT stops accepting, answers what is in flight,
// drains the store writer and exits 0. SIGHUP reloads the numbers.
//
// Options: --db PATH|URL, --listen HOST:PORT (default 127.0.0.1:8080, or the setting
// listener/listen), --unassigned keep|refuse (setting listener/unassigned),
// --retention-days N (setting listener/retentionDays; 0 keeps the request log forever),
// --outbound-base URL (setting outbound/base). The outbox prints one line per event
// ("outbox: message 12 sent (carrier ID …)").
class HeadlessMode
{
public:
    // Runs until stopped; the exit status. Needs a QCoreApplication.
    static int run(const CommandLine::Options& options);
};

} // namespace smsdesk
