#pragma once

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace smsdesk {

struct InboundMessage;

// Where the listener asks for a synchronous reply (onCloud answers a webhook with
// {"reply": ..., "media": [...]}), after the inbound message has been stored. The
// auto-reply rules implement it; without one, every webhook is answered with an empty 200.
class ReplySource
{
public:
    struct Reply
    {
        QString text; // empty: no reply (the note still goes into the request log)
        QStringList media;
        // For the request log row of the webhook: why this reply ("auto-reply (keyword
        // \"hours\")") or, with no text, why none was sent (the plan guard's refusal).
        QString note = {};
    };
    using Done = std::function<void(std::optional<Reply>)>;

    virtual ~ReplySource();

    // Called on the listener's thread for a newly stored message of number `numberId`
    // (0: unassigned); never for a duplicate, which gets the answer of the original. Call
    // `done` once, from any thread; std::nullopt means no reply. The listener waits at most
    // its reply deadline, then answers without a reply and ignores a later call.
    virtual void replyFor(const InboundMessage& message, qint64 messageId, qint64 numberId,
                          Done done) = 0;
};

} // namespace smsdesk
