#pragma once

#include "store/DatabaseWorker.h"

#include <QObject>
#include <QSqlDatabase>
#include <functional>
#include <utility>

namespace smsdesk {

// Reads from the store for a view through the DatabaseWorker (never on the view's thread), where
// only the newest read counts: each read() supersedes the ones still in flight, whose results
// are dropped when they arrive, so a reload never shows older data over newer.
class LatestRead
{
public:
    // Results are delivered while `receiver` (the view that owns this object) is alive.
    LatestRead(DatabaseWorker& worker, QObject* receiver);

    // Runs `job` on the worker's connection; `done` gets its result on the receiver's thread,
    // unless another read() has started since.
    template <typename Result>
    void read(std::function<Result(QSqlDatabase&)> job, std::function<void(Result)> done)
    {
        const quint64 generation = ++m_generation;
        m_worker.post<Result>(std::move(job), m_receiver,
                              [this, generation, done = std::move(done)](Result result) {
                                  if (generation == m_generation)
                                      done(std::move(result));
                              });
    }

private:
    DatabaseWorker& m_worker;
    QObject* m_receiver;
    quint64 m_generation = 0; // bumped by every read()
};

} // namespace smsdesk
