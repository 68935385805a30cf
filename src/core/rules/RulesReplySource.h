#pragma once

#include "listener/NumberDirectory.h"
#include "listener/ReplySource.h"

#include <QObject>
#include <QTimeZone>
#include <functional>
#include <memory>

namespace smsdesk {

class Clock;
class DatabaseWorker;

// The listener's ReplySource: a number's AutoReplyRules (from the listener's NumberDirectory,
// read with the numbers and refreshed when they are reloaded) answer a new onCloud message
// synchronously, within the webhook's response.
//
// For a message of a provisioned number with rules it picks the reply (replyFor() at the
// message's time), then applies the plan guard as the outbox does: the plan's usage in its
// billing cycle is read on the DatabaseWorker's thread (never on the listener's), and an
// inactive plan (WH-23-2), a plan without outbound messages (WH-23-4) or a used-up limit
// (WH-23-3) means no reply, with the code and its meaning in the reply's note for the request
// log. A missing webhook secret (WH-AUTH) is no reason: the secret authenticates calls to
// onCloud's outbound endpoint, and a synchronous reply makes none — onCloud sends what the
// response to its own webhook carries ("The system automatically sends this as an SMS from your
// DID"). The listener stores the reply as an outbound message of the thread (status sent, so it
// counts against the plan) and keeps the response for a retried webhook before it answers.
//
// No reply either for a number without rules, an alphanumeric sender (it cannot be texted
// back) or a STOP/START keyword (the carrier answers those). Lives in the listener's thread.
class RulesReplySource final : public QObject, public ReplySource
{
    Q_OBJECT

public:
    using DirectoryGetter = std::function<std::shared_ptr<const NumberDirectory>()>;

    // `worker` (whose results arrive on this thread) and `clock` must outlive the source.
    // `directory` gives the listener's current numbers; `zone` is the one billing cycles follow.
    RulesReplySource(DatabaseWorker& worker, const Clock& clock, QTimeZone zone,
                     DirectoryGetter directory, QObject* parent = nullptr);
    ~RulesReplySource() override;

    void replyFor(const InboundMessage& message, qint64 messageId, qint64 numberId,
                  Done done) override;

private:
    DatabaseWorker& m_worker;
    const Clock& m_clock;
    QTimeZone m_zone;
    DirectoryGetter m_directory;
};

} // namespace smsdesk
