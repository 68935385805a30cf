#include "FieldError.h"

namespace smsdesk {

QString FieldError::describe(const QString& name, const QString& shown, const QString& message)
{
    if (message.startsWith(u'"'))
        return name + u' ' + message;
    if (!shown.isEmpty())
        return QStringLiteral("%1 \"%2\": %3").arg(name, shown, message);
    return name + QLatin1String(": ") + message;
}

} // namespace smsdesk
