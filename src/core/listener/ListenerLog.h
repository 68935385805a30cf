#pragma once

#include <QLoggingCategory>

namespace smsdesk {
Q_DECLARE_LOGGING_CATEGORY(lcListener)
} // namespace smsdesk
