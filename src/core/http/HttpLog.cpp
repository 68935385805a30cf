#include "HttpLog.h"

namespace smsdesk {
Q_LOGGING_CATEGORY(lcHttp, "smsdesk.http", QtInfoMsg)
} // namespace smsdesk
