#include "HttpResponder.h"

#include "HttpConnection.h"

#include <QMetaObject>
#include <QThread>

namespace smsdesk {

HttpConnection* HttpResponder::takeConnection() const
{
    if (m_state->responded)
        return nullptr;
    m_state->responded = true;
    return m_state->connection;
}

template <typename Answer> void HttpResponder::answerOnce(Answer&& answer) const
{
    if (!m_state)
        return;
    QMutexLocker locker(&m_state->mutex);
    if (HttpConnection* const connection = takeConnection())
        answer(connection, locker);
}

void HttpResponder::respond(HttpResponse response) const
{
    answerOnce([this, &response](HttpConnection* connection, QMutexLocker<QMutex>& locker) {
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
    });
}

void HttpResponder::abort() const
{
    answerOnce([](HttpConnection* connection, QMutexLocker<QMutex>&) {
        // Queued even on the connection's own thread: the handler may be inside the
        // connection's call to it. Posted under the mutex, as in respond().
        QMetaObject::invokeMethod(
            connection, [connection]() { connection->abort(); }, Qt::QueuedConnection);
    });
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
