#include "StoreLog.h"

namespace smsdesk {
Q_LOGGING_CATEGORY(lcStore, "smsdesk.store", QtInfoMsg)
} // namespace smsdesk
