#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace smsdesk {

// One media URL of an inbound message as the media archive recorded it (a row of
// media_archive): whether SMS Desk kept its own copy of the file, under which name in the
// archive directory, and when it did not, why.
struct MediaArchiveEntry
{
    enum class State
    {
        Pending,  // not fetched yet
        Archived, // the file is in the archive (fileName)
        Refused,  // not kept on purpose: too large, a type not kept, archive full (reason)
        Failed,   // could not be fetched: HTTP error, timeout, network (reason)
    };

    qint64 id = 0;
    qint64 messageId = 0;
    QString url;
    State state = State::Pending;
    QString contentType; // as declared by the server, without parameters; empty: not known
    qint64 size = 0;     // bytes kept
    QString fileName;    // in the archive directory; empty unless archived
    std::optional<qint64> fetchedAtMs;
    QString reason; // why refused or failed
    int attempts = 0;

    bool isArchived() const { return state == State::Archived; }

    // "pending", "archived", "refused", "failed": as stored.
    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString& name);
};

} // namespace smsdesk

Q_DECLARE_METATYPE(smsdesk::MediaArchiveEntry)
