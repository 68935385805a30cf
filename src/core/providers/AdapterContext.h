#pragma once

#include "providers/DeviceRef.h"

#include <QString>
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

    // regionForDid's answer; else the main region of the DID's country code; else defaultRegion.
    QString regionFor(const QString& didE164OrEmpty, const DeviceRef* device) const;
};

} // namespace smsdesk
