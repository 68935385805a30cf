#pragma once

#include <QMetaType>

namespace smsdesk {

// A fault drill: for a number of webhooks, or until a time, the listener stores each webhook as
// usual and then answers it wrongly on purpose, so an administrator can watch the provider
// retry (the retry is a duplicate: nothing is lost) and fall back to its email. Refused
// requests keep their refusal; health checks are not drilled.
struct FaultDrill
{
    enum class Mode
    {
        Off,
        Error,    // answer 500 after the commit
        NoAnswer, // answer nothing: the provider times out (the server gives up at its
                  // response timeout)
    };

    Mode mode = Mode::Off;
    int remaining = -1; // webhooks still to drill; -1: no count (untilMs ends it)
    qint64 untilMs = 0; // UTC ms the drill ends at; 0: only the count ends it

    bool isActive(qint64 nowMs) const
    {
        if (mode == Mode::Off || remaining == 0)
            return false;
        if (untilMs > 0)
            return nowMs < untilMs;
        return remaining > 0;
    }
    bool operator==(const FaultDrill& other) const
    {
        return mode == other.mode && remaining == other.remaining && untilMs == other.untilMs;
    }
    bool operator!=(const FaultDrill& other) const { return !(*this == other); }
};

} // namespace smsdesk

Q_DECLARE_METATYPE(smsdesk::FaultDrill)
