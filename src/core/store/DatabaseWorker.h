#pragma once

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QThread>
#include <functional>
#include <memory>

namespace smsdesk {

class Database;

// Runs store jobs on a thread of its own, with a connection of its own, so the caller's
// thread (the GUI) never waits on a write transaction. Jobs run one at a time in the order
// they were posted; each result is delivered on the thread that owns the worker, and only
// while `context` is alive.
class DatabaseWorker : public QObject
{
    Q_OBJECT

public:
    explicit DatabaseWorker(const Database& database, QObject* parent = nullptr);
    ~DatabaseWorker() override;

    // False with a reason when the worker's connection could not be opened.
    bool isReady() const { return m_openError.isEmpty(); }
    QString openError() const { return m_openError; }

    template <typename Result>
    void post(std::function<Result(QSqlDatabase&)> job, QObject* context,
              std::function<void(Result)> done)
    {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            m_threadObject, [this, job = std::move(job), guard, done = std::move(done)]() mutable {
                auto result = std::make_shared<Result>(job(m_db));
                QMetaObject::invokeMethod(this, [guard, done = std::move(done), result]() {
                    if (guard)
                        done(std::move(*result));
                });
            });
    }

    // Blocks until every job posted so far has run: for shutdown and tests, not for the GUI.
    void drain();

private:
    QThread m_thread;
    QObject* m_threadObject = nullptr; // lives in m_thread
    QSqlDatabase m_db;                 // used only in m_thread
    QString m_connectionName;
    QString m_openError;
};

} // namespace smsdesk
