#pragma once

#include "HttpResponse.h"

#include <QMutex>
#include <memory>

namespace smsdesk {

class HttpConnection;

// The handle a handler answers one request through. Copyable; every copy answers the same
// request. respond() takes effect once: later calls, calls after the client went away and
// calls after the server gave up waiting (503) are ignored. respond() may be called from any
// thread: the response is written in the connection's thread.
class HttpResponder
{
public:
    HttpResponder() = default; // answers nothing

    void respond(HttpResponse response) const;
    // Closes the connection instead of answering (simulators: a server that drops the request
    // after reading it). Takes effect once, like respond(); always in a later event loop turn.
    void abort() const;
    // The client is still connected and waiting for this answer.
    bool isConnected() const;
    bool hasResponded() const;
    bool isNull() const { return !m_state; }

    // Shared by the copies and the connection. The connection clears `connection`, under
    // the mutex, when the request is answered or abandoned and in its destructor, so a
    // respond() from another thread never posts to a destroyed connection.
    struct State
    {
        QMutex mutex;
        HttpConnection* connection = nullptr;
        bool responded = false;
    };

private:
    friend class HttpConnection;
    explicit HttpResponder(std::shared_ptr<State> state) : m_state(std::move(state)) {}
    // With the state's mutex held: marks the request answered, once; the connection to answer
    // on, nullptr when it was answered before or the client is gone.
    HttpConnection* takeConnection() const;
    // Hands the connection to answer on to `answer` with the state's mutex held (by `locker`,
    // which `answer` may unlock), when the request was not answered before and the client is
    // still there; else does nothing.
    template <typename Answer> void answerOnce(Answer&& answer) const;

    std::shared_ptr<State> m_state;
};

} // namespace smsdesk
