#include "NumbersPage.h"

#include "AppContext.h"
#include "ListenerController.h"
#include "NumberAdminDialog.h"
#include "NumberDialog.h"
#include "NumberTableModel.h"
#include "TestWebhookSender.h"
#include "phone/PhoneNumber.h"
#include "provisioning/NumberProvisioner.h"
#include "store/ProvisionedRecords.h"
#include "widgets/PageAction.h"
#include "widgets/ThemeIcon.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>

namespace smsdesk {

NumbersPage::NumbersPage(AppContext& context, QWidget* parent)
    : NumbersPage(context, new NumberTableModel(context.defaultRegion()), parent)
{}

NumbersPage::NumbersPage(AppContext& context, NumberTableModel* model, QWidget* parent)
    : RecordTablePage(context, model, QStringLiteral("numbers"), NumberTableModel::NumberColumn,
                      parent),
      m_model(model)
{
    proxy()->setFilterRole(NumberTableModel::FilterRole);
    proxy()->setFilterKeyColumn(-1);
    proxy()->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Every column as wide as what it shows; the webhook URL, last, takes the room left,
    // elided in the middle (its host and its path's end stay; the tooltip has all of it).
    view()->horizontalHeader()->setSectionResizeMode(NumberTableModel::WebhookUrlColumn,
                                                     QHeaderView::Stretch);
    view()->setTextElideMode(Qt::ElideMiddle);

    const QString newKeys = QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText);
    setUpActions(QStringLiteral("Number"), tr("Add a number (%1)").arg(newKeys),
                 tr("Edit the selected number (Enter)"), tr("Delete the selected number (Del)"));
    m_toggleAction =
        PageAction::make(this, QStringLiteral("toggleNumber"), tr("&Disable"),
                         {QKeySequence(Qt::CTRL | Qt::Key_D)}, Qt::WindowShortcut, this);
    m_toggleAction->setIcon(ThemeIcon::icon(ThemeIcon::Pause));
    // In the table's context menu too, between Edit and Delete.
    view()->insertAction(deleteRecordAction(), m_toggleAction);
    m_filterAction = PageAction::make(this, QStringLiteral("filterNumbers"), tr("&Filter"),
                                      {QKeySequence::Find}, Qt::WindowShortcut, this);
    m_sendAction = PageAction::make(this, QStringLiteral("sendMessage"), tr("&Send message\u2026"),
                                    {QKeySequence(Qt::CTRL | Qt::Key_M)}, Qt::WindowShortcut, this);
    m_sendAction->setToolTip(tr("Send a text from the selected number (Ctrl+M)"));
    view()->insertAction(editRecordAction(), m_sendAction);
    connect(m_sendAction, &QAction::triggered, this,
            [this] { Q_EMIT sendMessageRequested(currentId()); });
    m_testWebhookAction =
        PageAction::make(this, QStringLiteral("testWebhook"), tr("Send &test webhook"),
                         {QKeySequence(Qt::CTRL | Qt::Key_T)}, Qt::WindowShortcut, this);
    m_testWebhookAction->setIcon(ThemeIcon::icon(ThemeIcon::Send));
    m_testWebhookAction->setToolTip(tr("Send a webhook in the selected number's provider's format "
                                       "to the running listener and show what it answered "
                                       "(Ctrl+T)"));
    m_setupAction = PageAction::make(this, QStringLiteral("webhookSetup"), tr("&Webhook setup…"),
                                     {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
                                     Qt::WindowShortcut, this);
    m_setupAction->setToolTip(tr("Check that the selected number's public URL leads to this "
                                 "listener; push its webhook URL to Zonitel (Ctrl+Shift+T)"));
    view()->insertAction(editRecordAction(), m_testWebhookAction);
    view()->insertAction(editRecordAction(), m_setupAction);
    connect(m_testWebhookAction, &QAction::triggered, this, &NumbersPage::sendTestWebhook);
    connect(m_setupAction, &QAction::triggered, this, &NumbersPage::openWebhookSetup);
    m_sender = new TestWebhookSender(context, this);

    connect(addRecordAction(), &QAction::triggered, this, &NumbersPage::addNumber);
    connect(editRecordAction(), &QAction::triggered, this, &NumbersPage::editNumber);
    connect(m_toggleAction, &QAction::triggered, this, &NumbersPage::toggleEnabled);
    connect(deleteRecordAction(), &QAction::triggered, this, &NumbersPage::deleteNumber);
    connect(view(), &QTableView::doubleClicked, this, &NumbersPage::editNumber);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("numberFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(
        tr("Filter numbers (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    // Room for the bar's buttons (with their icons) in a 900-pixel window.
    m_filter->setMinimumWidth(160);
    m_filter->addAction(ThemeIcon::icon(ThemeIcon::Find), QLineEdit::LeadingPosition);
    connect(m_filterAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_filter, &QLineEdit::textChanged, proxy(),
            &QSortFilterProxyModel::setFilterFixedString);
    // Down from the filter moves into the results.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (proxy()->rowCount() > 0) {
            view()->setFocus();
            if (!view()->currentIndex().isValid())
                view()->selectRow(0);
        }
    });

    finishSetUp(
        tr("Numbers"), tr("No numbers yet. Press %1 to add one.").arg(newKeys),
        {addRecordAction(), editRecordAction(), m_toggleAction, deleteRecordAction(), m_sendAction},
        stack(), m_filter);
    updateListenerActions();
}

void NumbersPage::setListener(ListenerController* listener)
{
    m_listener = listener;
    if (m_listener)
        connect(m_listener, &ListenerController::stateChanged, this,
                &NumbersPage::updateListenerActions);
    updateListenerActions();
}

void NumbersPage::updateListenerActions()
{
    if (!m_testWebhookAction)
        return;
    const int row = m_model->rowOf(currentId());
    const bool has = row >= 0;
    const bool running = m_listener && m_listener->state() == ListenerController::State::Running;
    m_testWebhookAction->setEnabled(has && running && m_model->numberAt(row).enabled);
    m_setupAction->setEnabled(has && m_listener);
}

void NumbersPage::sendTestWebhook()
{
    const int row = m_model->rowOf(currentId());
    if (row < 0 || !m_listener || m_listener->state() != ListenerController::State::Running)
        return;
    const NumberRecord number = m_model->numberAt(row);
    showMessage(tr("Sending a test webhook for %1…").arg(number.e164));
    QPointer<NumbersPage> self(this);
    m_sender->send(number, WebhookSample::Kind::Inbound, QUrl(m_listener->url()),
                   [self, number](const RequestReplayer::Result& result, const QString& error) {
                       if (!self)
                           return;
                       const QString text =
                           error.isEmpty() ? TestWebhookSender::resultText(
                                                 tr("Test webhook for %1").arg(number.e164), result)
                                           : error;
                       const bool accepted =
                           error.isEmpty() && result.status >= 200 && result.status < 300;
                       self->showMessage(text);
                       Q_EMIT self->testWebhookFinished(accepted, text);
                   });
}

NumberAdminDialog* NumbersPage::openWebhookSetup()
{
    const int row = m_model->rowOf(currentId());
    if (row < 0 || !m_listener)
        return nullptr;
    auto* dialog = new NumberAdminDialog(context(), *m_listener, m_model->numberAt(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void NumbersPage::reload()
{
    loadRecords(&ProvisionedRecords::numbersError, tr("Could not read the numbers: %1"),
                [this](const ProvisionedRecords& records) {
                    m_model->setPlanNames(records.planNames());
                    m_model->setNumbers(records.numbers);
                });
}

void NumbersPage::currentChanged()
{
    RecordTablePage::currentChanged();
    const int row = m_model->rowOf(currentId());
    const bool has = row >= 0;
    m_toggleAction->setEnabled(has);
    const bool enabled = has && m_model->numberAt(row).enabled;
    m_toggleAction->setText(has && !enabled ? tr("E&nable") : tr("&Disable"));
    m_toggleAction->setIcon(ThemeIcon::icon(has && !enabled ? ThemeIcon::Start : ThemeIcon::Pause));
    m_toggleAction->setToolTip(has && !enabled ? tr("Enable the selected number (Ctrl+D)")
                                               : tr("Disable the selected number (Ctrl+D)"));
    updateListenerActions();
}

void NumbersPage::updateEmptyState()
{
    RecordTablePage::updateEmptyState();
    m_filter->setEnabled(m_model->rowCount() > 0);
}

NumberDialog* NumbersPage::addNumber()
{
    return openDialog(nullptr);
}

NumberDialog* NumbersPage::editNumber()
{
    const int row = m_model->rowOf(currentId());
    if (row < 0)
        return nullptr;
    const NumberRecord number = m_model->numberAt(row);
    return openDialog(&number);
}

NumberDialog* NumbersPage::openDialog(const NumberRecord* existing)
{
    auto* dialog = new NumberDialog(context(), this);
    if (existing)
        dialog->setNumber(*existing);
    return openRecordDialog(dialog, &NumberDialog::saved, m_model);
}

void NumbersPage::toggleEnabled()
{
    const qint64 id = currentId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const bool enable = !m_model->numberAt(row).enabled;
    QPointer<NumbersPage> self(this);
    context().numbers().setEnabled(id, enable, [self](const NumberProvisioner::Outcome& outcome) {
        if (!self)
            return;
        if (!outcome.ok || outcome.record.id == 0) {
            self->showMessage(
                tr("Could not change the number: %1")
                    .arg(outcome.error.isEmpty() ? tr("it no longer exists.") : outcome.error));
            self->reload();
            return;
        }
        self->showMessage({});
        self->m_model->upsert(outcome.record);
        self->notifyChanged();
    });
}

void NumbersPage::deleteNumber()
{
    const int row = m_model->rowOf(currentId());
    if (row < 0)
        return;
    const NumberRecord number = m_model->numberAt(row);
    const QString display = PhoneNumber::displayE164(number.e164, context().defaultRegion());
    const QString name =
        number.label.isEmpty() ? display : tr("%1 (%2)").arg(display, number.label);
    const QString question =
        tr("Delete the number %1?\n\nIts webhook secret and Authorization value are removed from "
           "the keychain. Its messages are kept.")
            .arg(name);
    // Removed, the outcome's error says when the keychain entries could not go.
    removeCurrent(tr("Delete number"), question, tr("Could not delete the number: %1"),
                  context().numbers());
}

} // namespace smsdesk
