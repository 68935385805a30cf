#include "LatestRead.h"

namespace smsdesk {

LatestRead::LatestRead(DatabaseWorker& worker, QObject* receiver)
    : m_worker(worker), m_receiver(receiver)
{}

} // namespace smsdesk
