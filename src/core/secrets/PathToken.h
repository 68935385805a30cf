#pragma once

#include <QByteArray>
#include <QString>

namespace smsdesk {

// The unguessable last segment of a webhook path (`/webhooks/pbx/<token>`) that stands in for
// a credential for providers that send none. The token itself lives in the keychain like
// every secret; the database keeps only its SHA-256, which is all the listener needs to find
// the number a request is for.
class PathToken
{
public:
    static constexpr int MinLength = 22; // 22 base64url characters: 132 bits
    static constexpr int MaxLength = 128;

    // 32 random bytes from the system's generator, base64url without padding (43 characters).
    static QString generate();
    // Only A-Z a-z 0-9 '-' '_', MinLength..MaxLength characters: safe in a path as it is.
    static bool isWellFormed(const QString& token);
    // Lower-case hex SHA-256 of the token's bytes, as stored in numbers.path_token.
    static QString hash(const QByteArray& token);
};

} // namespace smsdesk
