#pragma once

#include <QString>

namespace smsdesk {

// A receiving device named by the payload instead of a number (Android gateway:
// device_id + SIM slot). The listener maps it to the DID provisioned for that device/SIM.
struct DeviceRef
{
    qint64 deviceId = 0;
    int sim = 0; // 0 or 1

    // As NumberRecord::deviceId stores it: the decimal digits.
    QString deviceIdText() const { return QString::number(deviceId); }

    friend bool operator==(const DeviceRef& a, const DeviceRef& b)
    {
        return a.deviceId == b.deviceId && a.sim == b.sim;
    }
    friend bool operator!=(const DeviceRef& a, const DeviceRef& b) { return !(a == b); }
};

} // namespace smsdesk
