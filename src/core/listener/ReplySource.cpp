#include "ReplySource.h"

namespace smsdesk {

ReplySource::~ReplySource() = default;

} // namespace smsdesk
