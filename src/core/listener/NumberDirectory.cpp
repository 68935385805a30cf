#include "NumberDirectory.h"

#include "phone/PhoneNumber.h"

namespace smsdesk {

void NumberDirectory::add(Entry entry)
{
    if (!entry.number.enabled)
        return;
    // Once here rather than per request: libphonenumber's parse is the listener's costliest step.
    entry.region = PhoneNumber::regionOfE164(entry.number.e164);
    if (!entry.number.timeZone.isEmpty())
        entry.timeZone = QTimeZone(entry.number.timeZone.toUtf8());
    const int index = int(m_entries.size());
    const NumberRecord& number = entry.number;
    if (!number.e164.isEmpty() && !m_byE164.contains(number.e164))
        m_byE164.insert(number.e164, index);
    if (number.id > 0 && !m_byId.contains(number.id))
        m_byId.insert(number.id, index);
    if (!number.deviceId.isEmpty() && number.sim >= 0) {
        const QString key = deviceKey(number.deviceId, number.sim);
        if (!m_byDevice.contains(key))
            m_byDevice.insert(key, index);
    }
    if (!number.pathTokenHash.isEmpty() && !m_byPathToken.contains(number.pathTokenHash))
        m_byPathToken.insert(number.pathTokenHash, index);
    m_entries.append(std::move(entry));
}

const NumberDirectory::Entry* NumberDirectory::byE164(const QString& e164) const
{
    const auto it = m_byE164.constFind(e164);
    return it == m_byE164.cend() ? nullptr : &m_entries.at(*it);
}

const NumberDirectory::Entry* NumberDirectory::byId(qint64 numberId) const
{
    const auto it = m_byId.constFind(numberId);
    return it == m_byId.cend() ? nullptr : &m_entries.at(*it);
}

const NumberDirectory::Entry* NumberDirectory::byDevice(const DeviceRef& device) const
{
    const auto it = m_byDevice.constFind(deviceKey(device.deviceIdText(), device.sim));
    return it == m_byDevice.cend() ? nullptr : &m_entries.at(*it);
}

const NumberDirectory::Entry* NumberDirectory::byPathTokenHash(const QString& hash) const
{
    const auto it = m_byPathToken.constFind(hash);
    return it == m_byPathToken.cend() ? nullptr : &m_entries.at(*it);
}

QList<NumberRecord> NumberDirectory::unauthenticatedNumbers() const
{
    QList<NumberRecord> numbers;
    for (const Entry& entry : m_entries) {
        if (entry.credential == Credential::None && !entry.number.hasPathToken())
            numbers.append(entry.number);
    }
    return numbers;
}

QString NumberDirectory::deviceKey(const QString& deviceId, int sim)
{
    return deviceId + QLatin1Char('/') + QString::number(sim);
}

} // namespace smsdesk
