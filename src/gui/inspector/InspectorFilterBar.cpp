#include "InspectorFilterBar.h"

#include "Settings.h"
#include "listener/ListenerEvent.h"
#include "providers/ProviderCatalog.h"
#include "providers/Rejection.h"
#include "ui_InspectorFilterBar.h"
#include "util/Clock.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QToolButton>
#include <algorithm>

namespace smsdesk {

namespace {

// Provider combo values besides the provider ids.
const QString kAllProviders = QStringLiteral("*");
const QString kNoProvider = QStringLiteral("-");

struct OutcomeChoice
{
    QString code;
    const char* text;
};

// The outcome filter's menu, grouped by what happened to the request.
const QList<OutcomeChoice>& storedOutcomes()
{
    static const QList<OutcomeChoice> choices = {
        {ListenerEvent::accepted(), QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "accepted")},
        {ListenerEvent::duplicate(), QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "duplicate")},
        {ListenerEvent::unassigned(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "unassigned (no such number)")},
    };
    return choices;
}

const QList<OutcomeChoice>& refusedOutcomes()
{
    static const QList<OutcomeChoice> choices = {
        {ListenerEvent::refusedAuth(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "refused: authorization")},
        {Rejection::malformedCode(), QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "malformed")},
        {Rejection::invalidCode(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "invalid value")},
        {Rejection::wrongContentTypeCode(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "wrong content type")},
        {Rejection::unrecognisedCode(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "unrecognised payload")},
        {Rejection::ambiguousCode(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "ambiguous payload")},
        {ListenerEvent::unknownNumber(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "unknown number")},
        {ListenerEvent::unknownPath(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "unknown path")},
        {ListenerEvent::wrongMethod(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "wrong method")},
        {ListenerEvent::tooLarge(), QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "too large")},
        {ListenerEvent::headersTooLarge(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "headers too large")},
        {ListenerEvent::timeout(), QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "timeout")},
        {ListenerEvent::badRequest(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "bad HTTP request")},
        {ListenerEvent::unsupported(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "unsupported HTTP")},
    };
    return choices;
}

const QList<OutcomeChoice>& failedOutcomes()
{
    static const QList<OutcomeChoice> choices = {
        {ListenerEvent::storeUnavailable(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "store unavailable (503)")},
        {ListenerEvent::storeFailed(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "store failed (500)")},
        {ListenerEvent::credentialUnavailable(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorFilterBar", "keychain unavailable")},
    };
    return choices;
}

using TimeRange = InspectorFilterBar::TimeRange;

// The time range as Settings::InspectorFilter keeps it.
QString timeRangeKey(TimeRange range)
{
    switch (range) {
    case TimeRange::All:
        return QStringLiteral("all");
    case TimeRange::Last15Minutes:
        return QStringLiteral("15m");
    case TimeRange::LastHour:
        return QStringLiteral("1h");
    case TimeRange::Last24Hours:
        return QStringLiteral("24h");
    case TimeRange::Last7Days:
        return QStringLiteral("7d");
    case TimeRange::Custom:
        return QStringLiteral("custom");
    }
    return QStringLiteral("all");
}

// How far back a relative range reaches; 0 for All and Custom.
qint64 timeRangeMs(TimeRange range)
{
    constexpr qint64 Minute = 60'000;
    switch (range) {
    case TimeRange::Last15Minutes:
        return 15 * Minute;
    case TimeRange::LastHour:
        return 60 * Minute;
    case TimeRange::Last24Hours:
        return 24 * 60 * Minute;
    case TimeRange::Last7Days:
        return 7 * 24 * 60 * Minute;
    default:
        return 0;
    }
}

} // namespace

InspectorFilterBar::InspectorFilterBar(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::InspectorFilterBar>())
{
    m_ui->setupUi(this);
    setUpOutcomes();

    // Provider.
    QComboBox* providers = m_ui->providerCombo;
    providers->addItem(tr("All providers"), kAllProviders);
    for (const ProviderCatalog::Info& info : ProviderCatalog::all())
        providers->addItem(info.displayName, info.id);
    providers->addItem(tr("No provider (unknown path)"), kNoProvider);
    connect(providers, &QComboBox::currentIndexChanged, this, &InspectorFilterBar::apply);

    // Number: filled once the numbers are read.
    m_ui->numberCombo->addItem(tr("All numbers"), qint64(0));
    connect(m_ui->numberCombo, &QComboBox::currentIndexChanged, this, &InspectorFilterBar::apply);

    setUpRanges();

    // Text, applied once typing pauses.
    m_ui->textFilter->setPlaceholderText(
        tr("Search path, headers and body (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_textDebounce.setSingleShot(true);
    m_textDebounce.setInterval(TextDebounceMs);
    connect(&m_textDebounce, &QTimer::timeout, this, &InspectorFilterBar::apply);
    connect(m_ui->textFilter, &QLineEdit::textChanged, this, [this] {
        if (!m_restoring)
            m_textDebounce.start();
    });
    connect(m_ui->textFilter, &QLineEdit::returnPressed, this, &InspectorFilterBar::apply);
}

InspectorFilterBar::~InspectorFilterBar() = default;

void InspectorFilterBar::setUpOutcomes()
{
    // A menu of checkable outcomes, grouped; a group's title checks its whole group.
    m_outcomeMenu = new QMenu(this);
    m_outcomeMenu->setObjectName(QStringLiteral("outcomeMenu"));
    m_outcomeMenu->installEventFilter(this); // checking an outcome keeps the menu open
    QAction* all = m_outcomeMenu->addAction(tr("Show all outcomes"));
    all->setObjectName(QStringLiteral("allOutcomesAction"));
    connect(all, &QAction::triggered, this, [this] {
        for (QAction* action : std::as_const(m_outcomeActions))
            action->setChecked(false);
        updateOutcomeButton();
        apply();
    });
    auto addGroup = [this](const QString& title, const QString& name,
                           const QList<OutcomeChoice>& choices) {
        m_outcomeMenu->addSeparator();
        QAction* group = m_outcomeMenu->addAction(title);
        group->setObjectName(name);
        QFont bold = group->font();
        bold.setBold(true);
        group->setFont(bold);
        QList<QAction*> members;
        for (const OutcomeChoice& choice : choices) {
            QAction* action = m_outcomeMenu->addAction(QStringLiteral("    ") + tr(choice.text));
            action->setCheckable(true);
            action->setData(choice.code);
            action->setObjectName(QStringLiteral("outcome_%1").arg(choice.code));
            connect(action, &QAction::toggled, this, [this] {
                updateOutcomeButton();
                apply();
            });
            m_outcomeActions.append(action);
            members.append(action);
        }
        connect(group, &QAction::triggered, this, [this, members] {
            const bool check = std::any_of(members.begin(), members.end(),
                                           [](QAction* action) { return !action->isChecked(); });
            const bool restoring = std::exchange(m_restoring, true); // one apply for the group
            for (QAction* action : members)
                action->setChecked(check);
            m_restoring = restoring;
            updateOutcomeButton();
            apply();
        });
    };
    addGroup(tr("Stored"), QStringLiteral("storedOutcomesAction"), storedOutcomes());
    addGroup(tr("Refused"), QStringLiteral("refusedOutcomesAction"), refusedOutcomes());
    addGroup(tr("Failed"), QStringLiteral("failedOutcomesAction"), failedOutcomes());
    m_ui->outcomeButton->setMenu(m_outcomeMenu);
    connect(m_ui->outcomeButton, &QToolButton::clicked, m_ui->outcomeButton,
            &QToolButton::showMenu);
}

void InspectorFilterBar::setUpRanges()
{
    QComboBox* time = m_ui->timeCombo;
    time->addItem(tr("Last 15 minutes"), int(TimeRange::Last15Minutes));
    time->addItem(tr("Last hour"), int(TimeRange::LastHour));
    time->addItem(tr("Last 24 hours"), int(TimeRange::Last24Hours));
    time->addItem(tr("Last 7 days"), int(TimeRange::Last7Days));
    time->addItem(tr("All time"), int(TimeRange::All));
    time->addItem(tr("Custom…"), int(TimeRange::Custom));
    time->setCurrentIndex(time->findData(int(TimeRange::All)));
    connect(time, &QComboBox::currentIndexChanged, this, [this] {
        updateCustomRange();
        apply();
    });
    connect(m_ui->fromEdit, &QDateTimeEdit::dateTimeChanged, this, &InspectorFilterBar::apply);
    connect(m_ui->toEdit, &QDateTimeEdit::dateTimeChanged, this, &InspectorFilterBar::apply);
    updateCustomRange();
}

void InspectorFilterBar::attach(Settings& settings, const Clock& clock)
{
    m_settings = &settings;
    m_clock = &clock;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(clock.nowMs()).toLocalTime();
    m_ui->fromEdit->setDateTime(now.addDays(-1));
    m_ui->toEdit->setDateTime(now.addSecs(3600));
    restore();
}

QStringList InspectorFilterBar::checkedOutcomes() const
{
    QStringList checked;
    for (const QAction* action : m_outcomeActions) {
        if (action->isChecked())
            checked.append(action->data().toString());
    }
    return checked;
}

InspectorFilterBar::TimeRange InspectorFilterBar::timeRange() const
{
    return static_cast<TimeRange>(m_ui->timeCombo->currentData().toInt());
}

qint64 InspectorFilterBar::numberId() const
{
    return m_ui->numberCombo->currentData().toLongLong();
}

RequestLogFilter InspectorFilterBar::filter() const
{
    RequestLogFilter filter;
    filter.outcomes = checkedOutcomes();
    const QString provider = m_ui->providerCombo->currentData().toString();
    if (provider == kNoProvider)
        filter.providers = QStringList{QString()};
    else if (provider != kAllProviders && !provider.isEmpty())
        filter.providers = QStringList{provider};
    filter.numberId = numberId();
    const TimeRange range = timeRange();
    if (range == TimeRange::Custom) {
        filter.fromMs = m_ui->fromEdit->dateTime().toMSecsSinceEpoch();
        filter.toMs = m_ui->toEdit->dateTime().toMSecsSinceEpoch();
    } else if (const qint64 span = timeRangeMs(range); span > 0 && m_clock) {
        filter.fromMs = m_clock->nowMs() - span;
    }
    filter.text = m_ui->textFilter->text().trimmed();
    return filter;
}

void InspectorFilterBar::apply()
{
    if (m_restoring)
        return;
    m_textDebounce.stop();
    save();
    Q_EMIT filterChanged();
}

void InspectorFilterBar::save() const
{
    Settings::InspectorFilter filter;
    filter.outcomes = checkedOutcomes();
    filter.provider = m_ui->providerCombo->currentData().toString();
    filter.numberId = numberId();
    filter.timeRange = timeRangeKey(timeRange());
    filter.from = m_ui->fromEdit->dateTime().toUTC();
    filter.to = m_ui->toEdit->dateTime().toUTC();
    filter.text = m_ui->textFilter->text();
    m_settings->setInspectorFilter(filter);
}

void InspectorFilterBar::restore()
{
    const Settings::InspectorFilter filter = m_settings->inspectorFilter();
    m_restoring = true;
    for (QAction* action : std::as_const(m_outcomeActions))
        action->setChecked(filter.outcomes.contains(action->data().toString()));
    const int provider = m_ui->providerCombo->findData(filter.provider);
    m_ui->providerCombo->setCurrentIndex(std::max(provider, 0));
    const qint64 number = filter.numberId;
    if (number > 0) {
        // A placeholder until the numbers are read (setNumbers() names it).
        m_ui->numberCombo->addItem(tr("Number #%1").arg(number), number);
        m_ui->numberCombo->setCurrentIndex(m_ui->numberCombo->count() - 1);
    }
    for (int i = 0; i < m_ui->timeCombo->count(); ++i) {
        if (timeRangeKey(static_cast<TimeRange>(m_ui->timeCombo->itemData(i).toInt())) ==
            filter.timeRange)
            m_ui->timeCombo->setCurrentIndex(i);
    }
    if (filter.from.isValid())
        m_ui->fromEdit->setDateTime(filter.from.toLocalTime());
    if (filter.to.isValid())
        m_ui->toEdit->setDateTime(filter.to.toLocalTime());
    m_ui->textFilter->setText(filter.text);
    m_restoring = false; // set since construction
    updateOutcomeButton();
    updateCustomRange();
}

void InspectorFilterBar::clear()
{
    m_restoring = true;
    for (QAction* action : std::as_const(m_outcomeActions))
        action->setChecked(false);
    m_ui->providerCombo->setCurrentIndex(0);
    m_ui->numberCombo->setCurrentIndex(0);
    m_ui->timeCombo->setCurrentIndex(m_ui->timeCombo->findData(int(TimeRange::All)));
    m_ui->textFilter->clear();
    m_restoring = false;
    updateOutcomeButton();
    updateCustomRange();
    apply();
}

void InspectorFilterBar::setNumbers(const QList<NumberRecord>& numbers)
{
    QComboBox* combo = m_ui->numberCombo;
    const qint64 selected = combo->currentData().toLongLong();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("All numbers"), qint64(0));
    for (const NumberRecord& number : numbers) {
        QString text = number.e164;
        if (!number.label.isEmpty())
            text += QStringLiteral(" \u2014 ") + number.label;
        if (!number.enabled)
            text += tr(" (disabled)");
        combo->addItem(text, number.id);
    }
    int index = combo->findData(selected);
    if (index < 0 && selected > 0) {
        // The number was deleted; its requests are still there.
        combo->addItem(tr("Number #%1 (deleted)").arg(selected), selected);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(std::max(index, 0));
}

void InspectorFilterBar::focusSearch()
{
    m_ui->textFilter->setFocus(Qt::ShortcutFocusReason);
    m_ui->textFilter->selectAll();
}

void InspectorFilterBar::updateOutcomeButton()
{
    const QStringList checked = checkedOutcomes();
    QString text;
    if (checked.isEmpty())
        text = tr("Outcome: all");
    else if (checked.size() == 1)
        text = tr("Outcome: %1").arg(checked.first());
    else
        text = tr("Outcome: %n chosen", nullptr, int(checked.size()));
    m_ui->outcomeButton->setText(text);
    m_ui->outcomeButton->setToolTip(checked.isEmpty() ? tr("Show only requests with these outcomes")
                                                      : checked.join(QStringLiteral(", ")));
}

void InspectorFilterBar::updateCustomRange()
{
    const bool custom = timeRange() == TimeRange::Custom;
    m_ui->fromEdit->setVisible(custom);
    m_ui->toEdit->setVisible(custom);
}

bool InspectorFilterBar::eventFilter(QObject* watched, QEvent* event)
{
    // Checking an outcome keeps the menu open, so that several can be chosen at once.
    if (watched == m_outcomeMenu && event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        QAction* action = m_outcomeMenu->actionAt(mouse->position().toPoint());
        if (action && action->isCheckable() && action->isEnabled()) {
            action->trigger();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace smsdesk
