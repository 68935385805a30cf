#include "HttpHandler.h"

namespace smsdesk {

HttpHandler::~HttpHandler() = default;

} // namespace smsdesk
