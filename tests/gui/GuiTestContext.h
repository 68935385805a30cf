#pragma once

#include "AppContext.h"
#include "FakeClock.h"
#include "ListenerController.h"
#include "MemorySecretStore.h"
#include "store/ConversationReader.h"
#include "store/NumberRecord.h"
#include "store/PlanRecord.h"

#include <QPalette>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

class QWidget;

namespace smsdesk::test {

// The child of `parent` named `name` (objectName), of type T; nullptr and a warning when
// there is none.
template <typename T> T* child(QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

// An AppContext for GUI tests: a real SQLite file in a temporary folder, the in-memory
// keychain, a fake clock and "US" as the default region.
class GuiTestContext
{
public:
    GuiTestContext();
    ~GuiTestContext();

    bool open(QString* error);
    AppContext& context() { return *m_context; }
    MemorySecretStore& secrets() { return *m_secrets; }
    FakeClock& clock() { return *m_clock; }
    QString databasePath() const;

    // The stored row, read on the GUI thread's connection.
    std::optional<NumberRecord> findNumber(const QString& e164);
    QList<NumberRecord> numbers();
    // Every byte of the SQLite database: the main file, its WAL and shared-memory files.
    QByteArray databaseBytes() const;
    // The secrets addNumber() puts in the in-memory keychain; the empty ones are left out.
    struct NumberSecrets
    {
        QString authorization; // the Authorization value the provider sends
        QString webhookSecret;
        QString pathToken;
    };
    // Stores `number` (its id set) and puts its `secrets` in the in-memory keychain. Its id; 0
    // and a warning when it could not be stored.
    qint64 addNumber(NumberRecord& number, const NumberSecrets& secrets = {});
    // Stores `plan` (its id set). Its id; 0 and a warning when it could not be stored.
    qint64 addPlan(PlanRecord& plan);
    // Stores a message of the thread (an onCloud one, no media) as the listener or the outbox
    // would have, received or queued at `atMs`, with `status` and, when not empty, its error
    // code and provider message id; its id, or 0 (and a warning) when it could not be stored.
    qint64 insertMessage(const ConversationReader::Thread& thread, bool outbound,
                         const QString& text, qint64 atMs, const QString& status,
                         const QString& errorCode = QString(),
                         const QString& providerId = QString());

    // For initTestCase(): QStandardPaths' test mode and the application's names, so that
    // Settings() reads and writes a file of the test's own (`applicationName`), never the
    // user's.
    static void useTestSettings(const QString& applicationName);
    // For init(): those settings cleared, with a listener that does not start by itself (the
    // pages under test need none, and must not take port 8080).
    static void clearSettings();
    // A listener on 127.0.0.1:`port` (0: any free port) that does not reload its numbers by
    // itself.
    static ListenerController::Config loopbackListener(quint16 port = 0);
    // Shows the window and waits until it is active, so shortcuts reach it.
    static bool activate(QWidget* window);
    // Waits for a visible, active dialog of type T under parent; nullptr when none shows up.
    template <typename T> static T* waitForDialog(QObject* parent)
    {
        T* shown = nullptr;
        const bool found = QTest::qWaitFor(
            [&] {
                for (T* dialog : parent->findChildren<T*>()) {
                    if (dialog->isVisible())
                        shown = dialog;
                }
                return shown != nullptr;
            },
            5000);
        // Keys go where a person's would only once the dialog is the active window.
        return found && QTest::qWaitForWindowActive(shown) ? shown : nullptr;
    }
    // Makes widget's window active and gives widget the keyboard focus.
    static bool focus(QWidget* widget);
    // Activates window and sends a key sequence to its focus widget, as typed.
    static void press(QWidget* window, const QKeySequence& keys);
    // A dark palette (light text on dark grey, disabled text dimmed), for screenshots of how a
    // widget reads in a dark theme.
    static QPalette darkPalette();

private:
    QTemporaryDir m_dir;
    MemorySecretStore* m_secrets = nullptr;
    FakeClock* m_clock = nullptr;
    std::unique_ptr<AppContext> m_context;
};

} // namespace smsdesk::test
