#include "SettingsDialog.h"

#include "AppContext.h"
#include "ListenAddressFields.h"
#include "ListenerController.h"
#include "Settings.h"
#include "listener/ListenerService.h"
#include "media/MediaArchive.h"
#include "phone/PhoneNumber.h"
#include "providers/zonitel/ZonitelWebhookRegistration.h"
#include "store/Database.h"
#include "ui_SettingsDialog.h"

#include <QHostAddress>
#include <QLocale>
#include <QPushButton>
#include <QTcpServer>
#include <algorithm>

namespace smsdesk {

namespace {

const QString kKeep = QStringLiteral("keep");
const QString kRefuse = QStringLiteral("refuse");

// "United States (US)"; the code alone when Qt does not know the territory.
QString regionName(const QString& code)
{
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    return territory == QLocale::AnyTerritory
               ? code
               : QStringLiteral("%1 (%2)").arg(QLocale::territoryToString(territory), code);
}

// Why `address:port` cannot be listened on now, in words; empty when it can.
QString bindProblem(const QHostAddress& address, quint16 port)
{
    QTcpServer probe;
    if (probe.listen(address, port))
        return {};
    switch (probe.serverError()) {
    case QAbstractSocket::AddressInUseError:
        return SettingsDialog::tr("Port %1 is in use by another program on this address: choose "
                                  "another port, or Use a free port.")
            .arg(port);
    case QAbstractSocket::SocketAccessError:
        return SettingsDialog::tr("Listening on port %1 needs privileges this program does not "
                                  "have: choose a port above 1023.")
            .arg(port);
    case QAbstractSocket::SocketAddressNotAvailableError:
        return SettingsDialog::tr("%1 is not an address of this machine.").arg(address.toString());
    default:
        return probe.errorString();
    }
}

bool sameAddress(const QString& a, const QString& b)
{
    QHostAddress addressA, addressB;
    quint16 portA = 0, portB = 0;
    QString ignored;
    return ListenerService::parseAddress(a, &addressA, &portA, &ignored) &&
           ListenerService::parseAddress(b, &addressB, &portB, &ignored) && addressA == addressB &&
           portA == portB;
}

} // namespace

SettingsDialog::SettingsDialog(AppContext& context, ListenerController& listener, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_context(context),
      m_listener(listener)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("settingsDialog"));

    m_ui->unassignedCombo->addItem(tr("Keep their messages (the Unassigned inbox)"), kKeep);
    m_ui->unassignedCombo->addItem(tr("Refuse them (404: the provider gives up)"), kRefuse);

    m_ui->regionCombo->addItem(
        tr("System default: %1").arg(regionName(PhoneNumber::systemRegion())), QString());
    QStringList regions = PhoneNumber::supportedRegions();
    std::sort(regions.begin(), regions.end(), [](const QString& a, const QString& b) {
        return QString::localeAwareCompare(regionName(a), regionName(b)) < 0;
    });
    for (const QString& region : std::as_const(regions))
        m_ui->regionCombo->addItem(regionName(region), region);

    QPalette errorPalette = m_ui->addressError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_ui->addressError->setPalette(errorPalette);
    m_ui->fileLabel->setText(
        tr("Settings file: %1").arg(m_context.settings().fileName().toHtmlEscaped()));
    QPalette notePalette = m_ui->fileLabel->palette();
    notePalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_ui->fileLabel->setPalette(notePalette);
    m_ui->mediaFolderLabel->setText(
        tr("Kept in %1").arg(MediaArchive::directoryFor(m_context.database().config())));
    m_ui->mediaFolderLabel->setPalette(notePalette);

    load();

    // The caps mean nothing while no copy is kept.
    connect(m_ui->mediaArchiveCheck, &QCheckBox::toggled, m_ui->mediaMaxFileSpin,
            &QWidget::setEnabled);
    connect(m_ui->mediaArchiveCheck, &QCheckBox::toggled, m_ui->mediaMaxTotalSpin,
            &QWidget::setEnabled);

    connect(m_ui->hostEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->zonitelApiEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    connect(m_ui->unassignedCombo, &QComboBox::currentIndexChanged, this,
            &SettingsDialog::validate);
    connect(m_ui->retentionSpin, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    connect(m_ui->freePortButton, &QPushButton::clicked, this, &SettingsDialog::pickFreePort);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(&m_listener, &ListenerController::stateChanged, this, &SettingsDialog::validate);
    validate();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    const Settings& settings = m_context.settings();
    const ListenAddressFields listen = ListenAddressFields::split(settings.listen());
    m_ui->hostEdit->setText(listen.host);
    m_ui->portSpin->setValue(listen.port > 0 ? listen.port : 8080);
    m_ui->autostartCheck->setChecked(settings.autostart());
    m_ui->notifyCheck->setChecked(settings.notifyNewMessages());
    m_ui->mediaArchiveCheck->setChecked(settings.mediaArchive());
    m_ui->mediaMaxFileSpin->setValue(settings.mediaMaxFileMegabytes());
    m_ui->mediaMaxTotalSpin->setValue(settings.mediaMaxTotalMegabytes());
    m_ui->mediaMaxFileSpin->setEnabled(settings.mediaArchive());
    m_ui->mediaMaxTotalSpin->setEnabled(settings.mediaArchive());
    m_ui->unassignedCombo->setCurrentIndex(
        std::max(0, m_ui->unassignedCombo->findData(settings.unassigned())));
    m_ui->retentionSpin->setValue(settings.retentionDays().toInt());
    m_ui->regionCombo->setCurrentIndex(
        std::max(0, m_ui->regionCombo->findData(settings.defaultRegion().toUpper())));
    m_ui->zonitelApiEdit->setText(settings.zonitelApiBase());
}

QString SettingsDialog::listenText() const
{
    return ListenAddressFields::join(m_ui->hostEdit->text(),
                                     static_cast<quint16>(m_ui->portSpin->value()));
}

bool SettingsDialog::listenerSettingsChanged() const
{
    const Settings& settings = m_context.settings();
    return !sameAddress(listenText(), settings.listen()) ||
           m_ui->unassignedCombo->currentData().toString() != settings.unassigned() ||
           m_ui->retentionSpin->value() != settings.retentionDays().toInt();
}

bool SettingsDialog::willRestartListener() const
{
    return !m_ui->restartCheck->isHidden() && m_ui->restartCheck->isChecked();
}

void SettingsDialog::validate()
{
    using State = ListenerController::State;
    QHostAddress address;
    quint16 port = 0;
    QString error;
    m_valid = ListenerService::parseAddress(listenText(), &address, &port, &error);
    if (m_valid) {
        // The listener holds its own address: only another one needs the probe.
        const State state = m_listener.state();
        const bool bound =
            state == State::Starting || state == State::Running || state == State::Stopping;
        if (!bound || !sameAddress(listenText(), m_listener.listenAddress()))
            error = bindProblem(address, port);
    }
    if (error.isEmpty() && !m_listener.overrides().listen.isNull()) {
        error = tr("SMS Desk was started with --listen %1: the listener uses that address "
                   "until SMS Desk is started without it.")
                    .arg(m_listener.overrides().listen);
    }
    m_ui->addressError->setText(error);
    m_ui->addressError->setVisible(!error.isEmpty());
    QUrl zonitelBase;
    QString zonitelError;
    const bool zonitelValid = ZonitelWebhookRegistration::parseBase(m_ui->zonitelApiEdit->text(),
                                                                    &zonitelBase, &zonitelError);
    m_ui->zonitelApiError->setText(zonitelError);
    m_ui->zonitelApiError->setVisible(!zonitelValid);
    // A port in use is worth saving (the other program may go), an address that cannot parse
    // is not.
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(m_valid && zonitelValid);

    const State state = m_listener.state();
    const bool listenerUp = state == State::Starting || state == State::Running;
    const bool failed = state == State::Failed;
    m_ui->restartCheck->setVisible((listenerUp && listenerSettingsChanged()) || failed);
    m_ui->restartCheck->setText(failed ? tr("&Start the listener again with these settings")
                                       : tr("&Restart the listener to apply the changes"));
}

void SettingsDialog::pickFreePort()
{
    QHostAddress address;
    quint16 port = 0;
    QString error;
    if (!ListenerService::parseAddress(ListenAddressFields::join(m_ui->hostEdit->text(), 1),
                                       &address, &port, &error)) {
        validate();
        return;
    }
    quint16 free = 0;
    {
        QTcpServer probe;
        if (probe.listen(address, 0))
            free = probe.serverPort();
    } // closed before validate() probes the port it found
    if (free != 0)
        m_ui->portSpin->setValue(free);
    validate();
}

void SettingsDialog::accept()
{
    QUrl zonitelBase;
    QString zonitelError;
    if (!m_valid || !ZonitelWebhookRegistration::parseBase(m_ui->zonitelApiEdit->text(),
                                                           &zonitelBase, &zonitelError))
        return;
    const bool restart = willRestartListener();
    Settings& settings = m_context.settings();
    settings.setListen(listenText());
    settings.setAutostart(m_ui->autostartCheck->isChecked());
    settings.setNotifyNewMessages(m_ui->notifyCheck->isChecked());
    settings.setMediaArchive(m_ui->mediaArchiveCheck->isChecked());
    settings.setMediaMaxFileMegabytes(m_ui->mediaMaxFileSpin->value());
    settings.setMediaMaxTotalMegabytes(m_ui->mediaMaxTotalSpin->value());
    settings.setUnassigned(m_ui->unassignedCombo->currentData().toString());
    settings.setRetentionDays(m_ui->retentionSpin->value());
    const QString region = m_ui->regionCombo->currentData().toString();
    settings.setDefaultRegion(region);
    settings.setZonitelApiBase(zonitelBase.toString());
    settings.sync();
    m_context.setDefaultRegion(region.isEmpty() ? PhoneNumber::systemRegion() : region);
    if (restart)
        m_listener.restart();
    QDialog::accept();
}

} // namespace smsdesk
