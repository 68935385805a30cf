#pragma once

#include "CliCommand.h"

namespace smsdesk {

// `smsdesk send --from DID --to NUMBER (--text TEXT | --media URL | both)`: one message through
// the outbox, the same path the window takes (queued first, the plan guard, the keychain at
// send time, retries of transient failures), waiting for the outcome. Prints onCloud's carrier
// ID on success; otherwise the code, its meaning and what to do on stderr, with a status per
// kind of failure (see ExitStatus).
class SendCommand final : public CliCommand
{
public:
    enum ExitStatus
    {
        Sent = 0,
        // 1 (Failure): the store or the settings could not be used; 2 (UsageError): bad
        // command line.
        RefusedLocally = 3,    // what was typed, the number, its plan or its missing secret
        RefusedByProvider = 4, // onCloud answered with an error code (or an HTTP error)
        NotSent = 5,           // onCloud could not be reached until the attempts ran out
        Unconfirmed = 6,       // sent, but no answer: it may have been queued; not sent again
    };

    int run(const QStringList& arguments) override;
};

} // namespace smsdesk
