#include "AdapterContext.h"

#include "phone/PhoneNumber.h"

namespace smsdesk {

QString AdapterContext::regionFor(const QString& didE164OrEmpty, const DeviceRef* device) const
{
    if (regionForDid) {
        const QString region = regionForDid(didE164OrEmpty, device);
        if (!region.isEmpty())
            return region;
    }
    if (!didE164OrEmpty.isEmpty()) {
        const QString region = PhoneNumber::regionOfE164(didE164OrEmpty);
        if (!region.isEmpty())
            return region;
    }
    return defaultRegion;
}

QTimeZone AdapterContext::timeZoneFor(const QString& didE164OrEmpty, const DeviceRef* device) const
{
    if (timeZoneForDid) {
        const QTimeZone zone = timeZoneForDid(didE164OrEmpty, device);
        if (zone.isValid())
            return zone;
    }
    return defaultTimeZone;
}

} // namespace smsdesk
