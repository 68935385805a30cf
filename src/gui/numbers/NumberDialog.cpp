#include "NumberDialog.h"

#include "AppContext.h"
#include "AutoReplyEditor.h"
#include "InboundAuth.h"
#include "phone/PhoneNumber.h"
#include "providers/ProviderCatalog.h"
#include "provisioning/NumberProvisioner.h"
#include "provisioning/NumberValidator.h"
#include "rules/AutoReplyRepository.h"
#include "secrets/PathToken.h"
#include "store/DatabaseWorker.h"
#include "store/PlanRepository.h"
#include "ui_NumberDialog.h"
#include "util/Clock.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPointer>
#include <QPushButton>

namespace smsdesk {

namespace {
const QColor kWarningColor(0xb2, 0x4a, 0x00);
const QString kSyncReplyProvider = QStringLiteral("oncloud"); // the one with a sync reply

struct AutoRepliesRead
{
    std::optional<AutoReplyRules> rules;
    QString error;
};
} // namespace

NumberDialog::NumberDialog(AppContext& context, QWidget* parent)
    : SaveDialog(parent), m_ui(std::make_unique<Ui::NumberDialog>()), m_context(context)
{
    m_ui->setupUi(this);
    setSaveWidgets(m_ui->tabs, m_ui->buttonBox, m_ui->busyLabel, m_ui->formError);
    setWindowTitle(tr("Add number"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Save"));

    for (const ProviderCatalog::Info& info : ProviderCatalog::all())
        m_ui->providerCombo->addItem(info.displayName, info.id);
    m_ui->simCombo->addItem(tr("0"), 0);
    m_ui->simCombo->addItem(tr("1"), 1);
    loadPlans();

    for (QLabel* label :
         {m_ui->labelError, m_ui->serviceIdError, m_ui->clientIdError, m_ui->deviceIdError,
          m_ui->webhookUrlError, m_ui->authHeaderError, m_ui->secretError, m_ui->pathTokenStatus,
          m_ui->fallbackEmailError, m_ui->formError})
        showFieldError(label, {});
    m_ui->busyLabel->hide();
    showHint(m_ui->secretHint, m_ui->secretHint->text());

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &NumberDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &NumberDialog::reject);
    connect(m_ui->numberEdit, &QLineEdit::textEdited, this, [this] { m_numberTouched = true; });
    for (QLineEdit* edit : {m_ui->numberEdit, m_ui->labelEdit, m_ui->serviceIdEdit,
                            m_ui->clientIdEdit, m_ui->deviceIdEdit, m_ui->webhookUrlEdit,
                            m_ui->authHeaderEdit, m_ui->secretEdit, m_ui->fallbackEmailEdit})
        connect(edit, &QLineEdit::textChanged, this, &NumberDialog::validate);
    connect(m_ui->providerCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateProviderFields();
        validate();
    });
    connect(m_ui->secretClear, &QCheckBox::toggled, this, [this] {
        updateSecretField(false);
        validate();
    });
    connect(m_ui->authHeaderClear, &QCheckBox::toggled, this, [this] {
        updateSecretField(true);
        validate();
    });
    connect(m_ui->pathTokenGenerate, &QPushButton::clicked, this, &NumberDialog::generatePathToken);
    connect(m_ui->pathTokenRemove, &QPushButton::clicked, this, &NumberDialog::removePathToken);
    connect(m_ui->autoReplyEditor, &AutoReplyEditor::changed, this, &NumberDialog::validate);
    connect(m_ui->pathTokenCopy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_newPathToken); });

    updateProviderFields();
    updateSecretField(false);
    updatePathTokenField();
    validate();
}

NumberDialog::~NumberDialog() = default;

void NumberDialog::loadPlans()
{
    m_ui->planCombo->addItem(tr("No plan"), qint64(0));
    const Clock* clock = &m_context.clock();
    m_context.worker().post<QList<PlanRecord>>(
        [clock](QSqlDatabase& db) { return PlanRepository(db, *clock).list(); }, this,
        [this](const QList<PlanRecord>& plans) {
            for (const PlanRecord& plan : plans) {
                m_ui->planCombo->addItem(
                    plan.active ? plan.name : tr("%1 (inactive)").arg(plan.name), plan.id);
            }
            m_plansLoaded = true;
            selectPlan();
        });
}

void NumberDialog::selectPlan()
{
    const int plan = m_ui->planCombo->findData(m_planId);
    m_ui->planCombo->setCurrentIndex(plan < 0 ? 0 : plan);
}

void NumberDialog::setNumber(const NumberRecord& number)
{
    setWindowTitle(tr("Edit number"));
    m_id = number.id;
    m_hadSecret = number.hasSecret;
    m_hadAuthHeader = number.hasAuthHeader;
    m_hadPathToken = number.hasPathToken();
    m_pathTokenChange = PathTokenChange::Keep;
    m_newPathToken.clear();
    m_numberTouched = true;

    m_ui->numberEdit->setText(PhoneNumber::displayE164(number.e164, m_context.defaultRegion()));
    m_ui->labelEdit->setText(number.label);
    const int provider = m_ui->providerCombo->findData(number.provider);
    m_ui->providerCombo->setCurrentIndex(provider < 0 ? 0 : provider);
    m_ui->webhookUrlEdit->setText(number.webhookUrl);
    m_ui->fallbackEmailEdit->setText(number.fallbackEmail);
    m_ui->serviceIdEdit->setText(number.serviceId);
    m_ui->clientIdEdit->setText(number.clientId);
    m_ui->deviceIdEdit->setText(number.deviceId);
    const int sim = m_ui->simCombo->findData(number.sim < 0 ? 0 : number.sim);
    m_ui->simCombo->setCurrentIndex(sim < 0 ? 0 : sim);
    m_planId = number.planId;
    if (m_plansLoaded)
        selectPlan();
    m_ui->enabledCheck->setChecked(number.enabled);
    m_ui->secretEdit->clear();
    m_ui->authHeaderEdit->clear();
    m_ui->secretClear->setChecked(false);
    m_ui->authHeaderClear->setChecked(false);
    loadAutoReplies(number);

    updateProviderFields();
    updateSecretField(false);
    updatePathTokenField();
    validate();
}

NumberDraft NumberDialog::draft() const
{
    NumberDraft draft;
    draft.id = m_id;
    draft.number = m_ui->numberEdit->text();
    draft.label = m_ui->labelEdit->text();
    draft.provider = m_ui->providerCombo->currentData().toString();
    draft.enabled = m_ui->enabledCheck->isChecked();
    // Until the plans are read, the number keeps the plan it has.
    draft.planId = m_plansLoaded ? m_ui->planCombo->currentData().toLongLong() : m_planId;
    draft.webhookUrl = m_ui->webhookUrlEdit->text();
    draft.fallbackEmail = m_ui->fallbackEmailEdit->text();
    const auto* info = ProviderCatalog::find(draft.provider);
    if (info && info->usesServiceId)
        draft.serviceId = m_ui->serviceIdEdit->text();
    if (info && info->usesClientId)
        draft.clientId = m_ui->clientIdEdit->text();
    if (info && info->usesDevice) {
        draft.deviceId = m_ui->deviceIdEdit->text();
        draft.sim = m_ui->simCombo->currentData().toInt();
    }
    // Empty and not cleared: keep what is stored (nothing, for a new number).
    if (m_hadSecret && m_ui->secretClear->isChecked())
        draft.secret = QStringLiteral("");
    else if (!m_ui->secretEdit->text().isEmpty())
        draft.secret = m_ui->secretEdit->text();
    if (m_hadAuthHeader && m_ui->authHeaderClear->isChecked())
        draft.authHeader = QStringLiteral("");
    else if (!m_ui->authHeaderEdit->text().isEmpty())
        draft.authHeader = m_ui->authHeaderEdit->text();
    switch (m_pathTokenChange) {
    case PathTokenChange::Keep:
        break;
    case PathTokenChange::Replace:
        draft.pathToken = m_newPathToken;
        break;
    case PathTokenChange::Remove:
        draft.pathToken = QStringLiteral("");
        break;
    }
    return draft;
}

void NumberDialog::generatePathToken()
{
    m_newPathToken = PathToken::generate();
    m_pathTokenChange = PathTokenChange::Replace;
    updatePathTokenField();
    validate();
}

void NumberDialog::removePathToken()
{
    m_newPathToken.clear();
    // A token generated for a number that had none is simply dropped.
    m_pathTokenChange = m_hadPathToken ? PathTokenChange::Remove : PathTokenChange::Keep;
    updatePathTokenField();
    validate();
}

void NumberDialog::updatePathTokenField()
{
    QLineEdit* edit = m_ui->pathTokenEdit;
    const bool replacing = m_pathTokenChange == PathTokenChange::Replace;
    if (replacing) {
        edit->setText(m_newPathToken);
        edit->setCursorPosition(0);
    } else {
        edit->clear();
    }
    switch (m_pathTokenChange) {
    case PathTokenChange::Replace:
        break;
    case PathTokenChange::Remove:
        edit->setPlaceholderText(tr("will be removed from the keychain"));
        break;
    case PathTokenChange::Keep:
        edit->setPlaceholderText(m_hadPathToken ? tr("set — Generate replaces it") : tr("none"));
        break;
    }
    m_ui->pathTokenCopy->setVisible(replacing);
    m_ui->pathTokenRemove->setEnabled(
        replacing || (m_hadPathToken && m_pathTokenChange == PathTokenChange::Keep));
}

void NumberDialog::loadAutoReplies(const NumberRecord& number)
{
    m_autoRepliesLoaded = false;
    const QTimeZone zone = number.timeZone.isEmpty() ? QTimeZone::systemTimeZone()
                                                     : QTimeZone(number.timeZone.toUtf8());
    const qint64 id = number.id;
    m_context.worker().post<AutoRepliesRead>(
        [id](QSqlDatabase& db) {
            const AutoReplyRepository repository(db);
            AutoRepliesRead read;
            read.rules = repository.find(id);
            read.error = repository.lastError();
            return read;
        },
        this,
        [this, id, zone](const AutoRepliesRead& read) {
            if (id != m_id)
                return; // another number is shown meanwhile
            if (!read.rules) {
                // Not loaded: the tab stays disabled and nothing is saved over them.
                m_ui->autoReplyEditor->setToolTip(
                    tr("The auto-replies cannot be read: %1").arg(read.error));
                validate();
                return;
            }
            m_ui->autoReplyEditor->setRules(*read.rules,
                                            zone.isValid() ? zone : QTimeZone::systemTimeZone());
            m_autoRepliesLoaded = true;
            validate();
        });
}

bool NumberDialog::editsAutoReplies() const
{
    return m_autoRepliesLoaded &&
           m_ui->providerCombo->currentData().toString() == kSyncReplyProvider;
}

void NumberDialog::updateProviderFields()
{
    const QString id = m_ui->providerCombo->currentData().toString();
    const auto* info = ProviderCatalog::find(id);
    m_ui->formLayout->setRowVisible(m_ui->serviceIdField, info && info->usesServiceId);
    m_ui->formLayout->setRowVisible(m_ui->clientIdField, info && info->usesClientId);
    m_ui->formLayout->setRowVisible(m_ui->deviceIdField, info && info->usesDevice);
    m_ui->formLayout->setRowVisible(m_ui->simCombo, info && info->usesDevice);
    m_ui->webhookUrlEdit->setPlaceholderText(
        tr("https://sms.example.com/webhooks/%1")
            .arg(id.isEmpty() ? QStringLiteral("oncloud") : id));
    updateSecretField(true);
    // Fewer rows: give the space back instead of leaving a gap above the buttons.
    fitHeight(true);
}

void NumberDialog::updateSecretField(bool authHeader)
{
    QLineEdit* edit = authHeader ? m_ui->authHeaderEdit : m_ui->secretEdit;
    QCheckBox* clear = authHeader ? m_ui->authHeaderClear : m_ui->secretClear;
    const bool had = authHeader ? m_hadAuthHeader : m_hadSecret;

    clear->setVisible(had);
    const bool clearing = had && clear->isChecked();
    edit->setEnabled(!clearing);
    if (clearing) {
        edit->clear();
        edit->setPlaceholderText(tr("will be removed from the keychain"));
    } else if (had) {
        edit->setPlaceholderText(tr("set — leave empty to keep"));
    } else if (authHeader) {
        const auto* info = ProviderCatalog::find(m_ui->providerCombo->currentData().toString());
        edit->setPlaceholderText(info && !info->authScheme.isEmpty()
                                     ? tr("optional, as it arrives: %1…").arg(info->authScheme)
                                     : tr("optional"));
    } else {
        edit->setPlaceholderText(tr("optional"));
    }
}

void NumberDialog::showHint(QLabel* label, const QString& hint)
{
    label->setText(hint);
    QPalette hintPalette = label->palette();
    hintPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    label->setPalette(hintPalette);
    label->setVisible(!hint.isEmpty());
}

void NumberDialog::validate()
{
    using Field = NumberValidator::Field;
    const NumberDraft current = draft();
    const NumberValidator::Result result =
        NumberValidator(m_context.defaultRegion()).validate(current);

    const QString numberError = result.errors.value(Field::Number);
    const QString numberWarning = result.warnings.value(Field::Number);
    m_ui->numberStatus->setToolTip(numberError.isEmpty() ? numberWarning : QString());
    if (numberError.isEmpty() && !numberWarning.isEmpty()) // a warning: saving goes ahead
        showHint(m_ui->numberStatus,
                 tr("→ %1 ⚠ not in this system's number data: check it").arg(result.record.e164));
    else if (numberError.isEmpty())
        showHint(m_ui->numberStatus, tr("→ %1").arg(result.record.e164));
    else if (!m_numberTouched && current.number.trimmed().isEmpty())
        showHint(m_ui->numberStatus,
                 tr("Type it as you would dial it; it is stored in E.164 form."));
    else
        showFieldError(m_ui->numberStatus, numberError);

    showFieldError(m_ui->labelError, result.errors.value(Field::Label));
    showFieldError(m_ui->serviceIdError, result.errors.value(Field::ServiceId));
    showFieldError(m_ui->clientIdError, result.errors.value(Field::ClientId));
    showFieldError(m_ui->deviceIdError, result.errors.value(Field::DeviceId));
    showFieldError(m_ui->webhookUrlError, result.errors.value(Field::WebhookUrl));
    showFieldError(m_ui->authHeaderError, result.errors.value(Field::AuthHeader));
    showFieldError(m_ui->secretError, result.errors.value(Field::Secret));
    if (const QString error = result.errors.value(Field::PathToken); !error.isEmpty())
        showFieldError(m_ui->pathTokenStatus, error);
    else if (m_pathTokenChange == PathTokenChange::Replace)
        showHint(m_ui->pathTokenStatus,
                 tr("The provider posts to /webhooks/%1/<token>. Copy the token now: it is "
                    "not shown again once the dialog closes.")
                     .arg(current.provider));
    else
        showHint(m_ui->pathTokenStatus, {});
    showFieldError(m_ui->fallbackEmailError, result.errors.value(Field::FallbackEmail));
    showInboundAuth(current);

    const int autoRepliesTab = m_ui->tabs->indexOf(m_ui->autoRepliesTab);
    m_ui->tabs->setTabEnabled(autoRepliesTab, editsAutoReplies());
    m_ui->tabs->setTabToolTip(autoRepliesTab,
                              current.provider == kSyncReplyProvider
                                  ? QString()
                                  : tr("Only onCloud answers a webhook with a reply."));
    const QString autoReplyProblem =
        editsAutoReplies() ? m_ui->autoReplyEditor->problem() : QString();
    showFieldError(m_ui->autoReplyEditor->problemLabel(), autoReplyProblem);

    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(result.ok() && autoReplyProblem.isEmpty() && !isBusy());
    fitHeight(false);
}

void NumberDialog::showInboundAuth(const NumberDraft& current)
{
    // What the number will be checked by once saved: what is stored and kept, or typed.
    const bool authorization =
        current.authHeader ? !current.authHeader->isEmpty() : m_hadAuthHeader;
    const bool pathToken = current.pathToken ? !current.pathToken->isEmpty() : m_hadPathToken;
    const InboundAuth::Method method = InboundAuth::of(authorization, pathToken);
    const auto* info = ProviderCatalog::find(current.provider);
    const QString text =
        InboundAuth::explanation(method, info ? info->displayName : current.provider);
    QLabel* label = m_ui->inboundAuthStatus;
    label->setText(tr("<b>%1</b> \u2014 %2")
                       .arg(InboundAuth::name(method).toHtmlEscaped(), text.toHtmlEscaped()));
    QPalette colours = palette();
    if (method == InboundAuth::Method::None) // anyone can post for it: said in a warning colour
        colours.setColor(QPalette::WindowText, kWarningColor);
    label->setPalette(colours);
}

void NumberDialog::save()
{
    QPointer<NumberDialog> self(this);
    m_context.numbers().save(draft(), [self](const NumberProvisioner::Outcome& outcome) {
        if (!self)
            return;
        if (outcome.ok) {
            self->m_id = outcome.record.id; // saving again updates it
            self->saveAutoReplies(outcome.record);
            return;
        }
        if (self->finishSave(false, {}))
            return;
        // Validation errors are already shown next to their fields by validate(); anything
        // else (the keychain, a duplicate number, the store) goes at the bottom.
        self->showSaveError(outcome.fieldErrors.isEmpty() ? outcome.error
                                                          : tr("Correct the fields marked above."));
    });
}

void NumberDialog::saveAutoReplies(const NumberRecord& number)
{
    if (!editsAutoReplies()) {
        finishSave(true, [&] { Q_EMIT saved(number); });
        return;
    }
    const AutoReplyRules rules = m_ui->autoReplyEditor->rules();
    const qint64 nowMs = m_context.clock().nowMs();
    const qint64 id = number.id;
    m_context.worker().post<QString>(
        [id, rules, nowMs](QSqlDatabase& db) {
            AutoReplyRepository repository(db);
            return repository.save(id, rules, nowMs) ? QString() : repository.lastError();
        },
        this,
        [this, number](const QString& error) {
            if (finishSave(error.isEmpty(), [&] { Q_EMIT saved(number); }))
                return;
            showSaveError(tr("The number was saved, but its auto-replies were not: %1").arg(error));
        });
}

} // namespace smsdesk
