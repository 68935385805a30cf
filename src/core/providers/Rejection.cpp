#include "Rejection.h"

namespace smsdesk {

Rejection Rejection::malformed(const QString& reason, const QString& field)
{
    return {400, reason, malformedCode(), field};
}

Rejection Rejection::wrongContentType(const QString& reason)
{
    return {415, reason, wrongContentTypeCode(), {}};
}

Rejection Rejection::invalid(const QString& reason, const QString& field)
{
    return {422, reason, invalidCode(), field};
}

Rejection Rejection::unrecognised(const QString& reason)
{
    return {400, reason, unrecognisedCode(), {}};
}

Rejection Rejection::ambiguous(const QString& reason)
{
    return {400, reason, ambiguousCode(), {}};
}

} // namespace smsdesk
