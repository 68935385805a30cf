#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace smsdesk {

// Turns POSIX signals (SIGTERM, SIGINT, SIGHUP) into a Qt signal delivered by the event loop:
// the handler only writes the signal number to a socket pair, which is async-signal-safe.
// One watcher per process.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(const QList<int>& signalNumbers, QObject* parent = nullptr);
    ~UnixSignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signalNumber);

private:
    static void handle(int signalNumber);
    void readPending();

    QList<int> m_signals;
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace smsdesk
