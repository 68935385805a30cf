#pragma once

#include "providers/DeviceRef.h"
#include "rules/AutoReplyRules.h"
#include "store/NumberRecord.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <memory>

namespace smsdesk {

// What the listener knows about the provisioned numbers: an immutable snapshot, built off the
// request path (numbers from the store, expected Authorization values from the keychain) and
// swapped in whole, so a request never waits on the store or the keychain.
//
// Only enabled numbers are in it: a request for a disabled number is treated as one for a
// number that is not provisioned (kept in the unassigned inbox, or refused by setting).
class NumberDirectory
{
public:
    enum class Credential
    {
        None,        // no expected Authorization value: any (or no) header is accepted
        Required,    // the request must carry exactly `expectedAuthorization`
        Unavailable, // one is set but the keychain could not give it: refuse with 503 for now
    };

    struct Entry
    {
        NumberRecord number;
        Credential credential = Credential::None;
        QByteArray expectedAuthorization; // the header value exactly as it must arrive
        QString credentialProblem;        // why Unavailable, for the log (never a secret)
        QString region; // ISO region of the number (set by add()): national numbers read in it
        // The number's time zone (set by add()); invalid when it has none (or an unknown one).
        QTimeZone timeZone;
        // The number's auto-replies (the onCloud synchronous reply); nullptr when it has none.
        std::shared_ptr<const AutoReplyRules> autoReplies;
    };

    // Adds an enabled number; disabled ones are ignored. Later entries with the same E.164,
    // device or path token hash lose to earlier ones (the store's unique indexes make that
    // impossible for E.164 and tokens).
    void add(Entry entry);

    const Entry* byE164(const QString& e164) const;
    const Entry* byId(qint64 numberId) const;
    // Android gateway: the number provisioned for this device id and SIM slot.
    const Entry* byDevice(const DeviceRef& device) const;
    // The number whose path token hashes to `hash` (PathToken::hash of the path segment).
    const Entry* byPathTokenHash(const QString& hash) const;

    int size() const { return int(m_entries.size()); }
    const QList<Entry>& entries() const { return m_entries; }
    // Numbers that neither require an Authorization value nor a path token: anybody who can
    // reach the listener can post for them (the app warns when it listens beyond loopback).
    QList<NumberRecord> unauthenticatedNumbers() const;

private:
    static QString deviceKey(const QString& deviceId, int sim);

    QList<Entry> m_entries;
    QHash<QString, int> m_byE164;
    QHash<qint64, int> m_byId;
    QHash<QString, int> m_byDevice;
    QHash<QString, int> m_byPathToken;
};

} // namespace smsdesk
