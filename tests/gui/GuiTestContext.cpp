#include "GuiTestContext.h"

#include "Settings.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QWidget>

namespace smsdesk::test {

GuiTestContext::GuiTestContext()
{
    auto secrets = std::make_unique<MemorySecretStore>();
    auto clock = std::make_unique<FakeClock>();
    m_secrets = secrets.get();
    m_clock = clock.get();
    m_context = std::make_unique<AppContext>(std::move(secrets), std::move(clock));
    m_context->setDefaultRegion(QStringLiteral("US"));
}

GuiTestContext::~GuiTestContext() = default;

QString GuiTestContext::databasePath() const
{
    return m_dir.filePath(QStringLiteral("smsdesk.sqlite"));
}

bool GuiTestContext::open(QString* error)
{
    if (!m_dir.isValid()) {
        *error = m_dir.errorString();
        return false;
    }
    return m_context->open(databasePath(), error);
}

std::optional<NumberRecord> GuiTestContext::findNumber(const QString& e164)
{
    return NumberRepository(m_context->database().connection(), m_context->clock())
        .findByE164(e164);
}

QList<NumberRecord> GuiTestContext::numbers()
{
    return NumberRepository(m_context->database().connection(), m_context->clock()).list();
}

QByteArray GuiTestContext::databaseBytes() const
{
    QByteArray bytes;
    const QDir dir(m_dir.path());
    for (const QString& name : dir.entryList(QDir::Files)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

qint64 GuiTestContext::addNumber(NumberRecord& number, const NumberSecrets& secrets)
{
    NumberRepository numbers(m_context->database().connection(), m_context->clock());
    if (!numbers.insert(number)) {
        qWarning("number %s: %s", qPrintable(number.e164), qPrintable(numbers.lastError()));
        return 0;
    }
    const std::pair<SecretStore::Kind, QString> kinds[] = {
        {SecretStore::Kind::AuthorizationHeader, secrets.authorization},
        {SecretStore::Kind::WebhookSecret, secrets.webhookSecret},
        {SecretStore::Kind::PathToken, secrets.pathToken},
    };
    for (const auto& [kind, value] : kinds) {
        if (!value.isEmpty())
            m_secrets->entries.insert(SecretStore::numberKey(number.e164, kind), value);
    }
    return number.id;
}

qint64 GuiTestContext::addPlan(PlanRecord& plan)
{
    PlanRepository plans(m_context->database().connection(), m_context->clock());
    if (!plans.insert(plan)) {
        qWarning("plan %s: %s", qPrintable(plan.name), qPrintable(plans.lastError()));
        return 0;
    }
    return plan.id;
}

qint64 GuiTestContext::insertMessage(const ConversationReader::Thread& thread, bool outbound,
                                     const QString& text, qint64 atMs, const QString& status,
                                     const QString& errorCode, const QString& providerId)
{
    const auto orNull = [](const QString& value) {
        return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
    };
    QSqlQuery query(m_context->database().connection());
    query.prepare(QStringLiteral(
        "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
        "error_code, provider_message_id, received_at) "
        "VALUES (?, 'oncloud', ?, ?, ?, '[]', ?, ?, ?, ?)"));
    query.addBindValue(outbound ? QStringLiteral("outbound") : QStringLiteral("inbound"));
    query.addBindValue(thread.did);
    query.addBindValue(thread.remote);
    query.addBindValue(text);
    query.addBindValue(status);
    query.addBindValue(orNull(errorCode));
    query.addBindValue(orNull(providerId));
    query.addBindValue(atMs);
    if (!query.exec()) {
        qWarning("insert failed: %s", qPrintable(query.lastError().text()));
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

void GuiTestContext::useTestSettings(const QString& applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("smsdesk-tests"));
    QCoreApplication::setApplicationName(applicationName);
}

void GuiTestContext::clearSettings()
{
    Settings().clear();
    Settings().setAutostart(false);
}

bool GuiTestContext::activate(QWidget* window)
{
    window->show();
    QApplication::setActiveWindow(window);
    return QTest::qWaitForWindowActive(window);
}

bool GuiTestContext::focus(QWidget* widget)
{
    QApplication::setActiveWindow(widget->window());
    widget->setFocus(Qt::OtherFocusReason);
    return QTest::qWaitFor([widget] { return widget->hasFocus(); }, 5000);
}

void GuiTestContext::press(QWidget* window, const QKeySequence& keys)
{
    if (QApplication::activeWindow() != window)
        QApplication::setActiveWindow(window);
    QWidget* target = QApplication::focusWidget();
    QTest::keySequence(target ? target : window, keys);
}

QPalette GuiTestContext::darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x70, 0x70, 0x70));
    return palette;
}

ListenerController::Config GuiTestContext::loopbackListener(quint16 port)
{
    ListenerController::Config config;
    config.listen = QStringLiteral("127.0.0.1:%1").arg(port);
    config.address = QHostAddress(QHostAddress::LocalHost);
    config.port = port;
    config.options.reloadIntervalMs = 0;
    return config;
}

} // namespace smsdesk::test
