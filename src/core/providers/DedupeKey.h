#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace smsdesk {

// Builds the de-duplication keys adapters put on their events: the same webhook retried
// gives the same key, different messages never share one.
class DedupeKey
{
public:
    // "provider:part1:part2": each part with "%" and ":" percent-encoded, so that parts
    // holding ":" cannot make two different lists read the same.
    static QString join(const QString& provider, const QStringList& parts);
    // "provider:" + the SHA-256 (hex) of the fields, each framed by its length (8 bytes,
    // big-endian) so that no two different lists of fields hash the same input.
    static QString hashed(const QString& provider, const QList<QByteArray>& fields);
};

} // namespace smsdesk
