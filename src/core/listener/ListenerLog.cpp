#include "ListenerLog.h"

namespace smsdesk {
Q_LOGGING_CATEGORY(lcListener, "smsdesk.listener", QtInfoMsg)
} // namespace smsdesk
