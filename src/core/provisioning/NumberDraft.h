#pragma once

#include <QString>
#include <optional>

namespace smsdesk {

// A number as an administrator entered it (dialog, CLI flag or CSV row), before
// validation. Secrets travel only here, on their way to the keychain.
struct NumberDraft
{
    qint64 id = 0;  // 0: a new number
    QString number; // as typed: "(404) 555-9999"
    QString label;
    QString provider;
    bool enabled = true;
    qint64 planId = 0;
    QString webhookUrl;
    QString fallbackEmail;
    QString serviceId;
    QString clientId;
    QString deviceId;
    int sim = -1;
    // Android gateway: the IANA time zone of the device ("Australia/Sydney"). nullopt keeps
    // the stored one; empty: the system's zone.
    std::optional<QString> timeZone;
    // std::nullopt leaves the stored secret as it is; an empty string removes it.
    std::optional<QString> secret;
    std::optional<QString> authHeader;
    // The webhook path token (PathToken), the same way: nullopt keeps, empty removes.
    std::optional<QString> pathToken;
};

} // namespace smsdesk
