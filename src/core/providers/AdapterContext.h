#pragma once

#include "providers/DeviceRef.h"

#include <QString>
#include <QTimeZone>
#include <functional>

namespace smsdesk {

// What a pure adapter may need from outside, passed in as values.
struct AdapterContext
{
    // Region (ISO 3166, "US") for reading national-format numbers when nothing better is known.
    QString defaultRegion = QStringLiteral("US");
    // The region of the receiving number (by its E.164 value, or by the gateway device when
    // the payload names no number); empty when unknown. May be unset.
    std::function<QString(const QString& didE164OrEmpty, const DeviceRef* device)> regionForDid;
    // The zone a time without an offset is read in when the receiving number has none of its
    // own (the listener passes the system's zone).
    QTimeZone defaultTimeZone = QTimeZone::utc();
    // The time zone set for the receiving number (the same lookup as regionForDid); an invalid
    // QTimeZone when it has none. May be unset.
    std::function<QTimeZone(const QString& didE164OrEmpty, const DeviceRef* device)> timeZoneForDid;

    // regionForDid's answer; else the main region of the DID's country code; else defaultRegion.
    QString regionFor(const QString& didE164OrEmpty, const DeviceRef* device) const;
    // timeZoneForDid's answer when valid; else defaultTimeZone.
    QTimeZone timeZoneFor(const QString& didE164OrEmpty, const DeviceRef* device) const;
};

} // namespace smsdesk
