#include "HttpResponder.h"

#include "HttpConnection.h"

#include <QMetaObject>
#include <QThread>

namespace smsdesk {

void HttpResponder::respond(HttpResponse response) const
{
    if (!m_state)
        return;
    QMutexLocker locker(&m_state->mutex);
    if (m_state->responded)
        return;
    m_state->responded = true;
    HttpConnection* const connection = m_state->connection;
    if (connection == nullptr)
        return;
    if (connection->thread() == QThread::currentThread()) {
        // Same thread: the connection cannot be destroyed while we run.
        locker.unlock();
        connection->deliverResponse(m_state, std::move(response));
        return;
    }
    // Posted while holding the mutex: the connection's destructor takes it to clear
    // `connection` before ~QObject discards the events still posted to it.
    QMetaObject::invokeMethod(
        connection,
        [connection, state = m_state, answer = std::move(response)]() mutable {
            connection->deliverResponse(state, std::move(answer));
        },
        Qt::QueuedConnection);
}

bool HttpResponder::isConnected() const
{
    if (!m_state)
        return false;
    QMutexLocker locker(&m_state->mutex);
    return m_state->connection != nullptr;
}

bool HttpResponder::hasResponded() const
{
    if (!m_state)
        return false;
    QMutexLocker locker(&m_state->mutex);
    return m_state->responded;
}

} // namespace smsdesk
