#include "FailuresPage.h"

#include "AppContext.h"
#include "FailureTableModel.h"
#include "FailureText.h"
#include "ListenerController.h"
#include "conversations/ConversationOpener.h"
#include "media/MediaArchive.h"
#include "outbound/Outbox.h"
#include "phone/PhoneNumber.h"
#include "store/Database.h"
#include "store/DatabaseWorker.h"
#include "store/NumberRepository.h"
#include "store/OptOutRepository.h"
#include "support/FailureCsv.h"
#include "support/FailureReader.h"
#include "support/FailureResolutions.h"
#include "ui_FailuresPage.h"
#include "util/Clock.h"
#include "widgets/ThemeIcon.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSet>
#include <QTimer>
#include <memory>

namespace smsdesk {

namespace {

// The time range combo: how far back, in ms (0: all).
const qint64 kRanges[] = {0, 3600000, 86400000, 7 * 86400000LL};

// What the page reads besides the list: the counts by cause and the unresolved count.
struct Counts
{
    QList<FailureReader::CauseCount> causes;
    qint64 unresolved = -1;
    QString error;
};

// The retries of one bulk retry, until the last callback.
struct RetryRound
{
    int pending = 0;
    int retried = 0;
    int failed = 0;
    QStringList skipped;
};

constexpr int kCauseKindRole = Qt::UserRole;
constexpr int kCauseRole = Qt::UserRole + 1;

} // namespace

FailuresPage::FailuresPage(AppContext& context, ListenerController& listener, Outbox* outbox,
                           QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::FailuresPage>()), m_context(context),
      m_outbox(outbox)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("failuresPage"));
    m_model = new FailureTableModel(context.worker(), context.clock(), this);
    m_ui->failureTable->setModel(m_model);
    QHeaderView* header = m_ui->failureTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics metrics = fontMetrics();
    header->resizeSection(FailureTableModel::TimeColumn,
                          metrics.horizontalAdvance(QStringLiteral("31 Dec 23:59:59")) + 12);
    header->resizeSection(FailureTableModel::NumberColumn,
                          metrics.horizontalAdvance(QStringLiteral("+61299999999")) + 12);
    header->resizeSection(FailureTableModel::RemoteColumn,
                          metrics.horizontalAdvance(QStringLiteral("+61299999999")) + 12);
    header->resizeSection(FailureTableModel::CauseColumn,
                          metrics.horizontalAdvance(QLatin1Char('x')) * 60);
    header->resizeSection(FailureTableModel::HttpColumn,
                          metrics.horizontalAdvance(QStringLiteral("HTTP")) + 16);
    header->resizeSection(FailureTableModel::AttemptsColumn,
                          metrics.horizontalAdvance(QStringLiteral("Attempts")) + 16);
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({240, 760});

    m_conversations = new ConversationOpener(context.worker(), this);
    m_conversations->setMediaArchive(MediaArchive::directoryFor(context.database().config()));
    connect(m_conversations, &ConversationOpener::opened, this, &FailuresPage::conversationOpened);
    connect(m_conversations, &ConversationOpener::failed, this, &FailuresPage::showSummary);

    m_chooseSavePath = [this](const QString& title, const QString& suggested) {
        return QFileDialog::getSaveFileName(this, title, suggested, tr("CSV files (*.csv)"));
    };

    setUpFilters();
    setUpActions();

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &FailuresPage::reload);
    connect(&listener, &ListenerController::requestHandled, this, &FailuresPage::scheduleReload);
    if (m_outbox)
        connect(m_outbox, &Outbox::updated, this, &FailuresPage::scheduleReload);
    // What other desks (or a headless listener) on the same store did: read again now and then.
    auto* poll = new QTimer(this);
    poll->setInterval(PollIntervalMs);
    connect(poll, &QTimer::timeout, this, &FailuresPage::scheduleReload);
    poll->start();

    connect(m_model, &FailureTableModel::loaded, this, [this] {
        if (!m_model->lastError().isEmpty())
            showSummary(tr("The failures could not be read: %1").arg(m_model->lastError()));
        if (!m_selectedKey.isEmpty())
            selectKey(m_selectedKey);
        showSelected();
    });
    connect(m_ui->failureTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                const QList<FailureEntry> selected = selectedEntries();
                if (selected.size() == 1)
                    m_selectedKey = selected.first().key;
                showSelected();
            });

    reloadNumbers();
    applyFilter();
}

FailuresPage::~FailuresPage() = default;

QTableView* FailuresPage::view() const
{
    return m_ui->failureTable;
}

void FailuresPage::setUpFilters()
{
    m_ui->numberCombo->addItem(tr("All numbers"), QString());
    m_ui->kindCombo->addItem(tr("All kinds"), -1);
    for (const FailureEntry::Kind kind :
         {FailureEntry::Kind::Send, FailureEntry::Kind::Delivery, FailureEntry::Kind::Inbound,
          FailureEntry::Kind::Fallback})
        m_ui->kindCombo->addItem(FailureCatalogue::kindName(kind), static_cast<int>(kind));
    m_ui->rangeCombo->addItem(tr("All time"));
    m_ui->rangeCombo->addItem(tr("Last hour"));
    m_ui->rangeCombo->addItem(tr("Last 24 hours"));
    m_ui->rangeCombo->addItem(tr("Last 7 days"));
    for (QComboBox* combo : {m_ui->numberCombo, m_ui->kindCombo, m_ui->rangeCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &FailuresPage::applyFilter);
    connect(m_ui->resolvedCheck, &QCheckBox::toggled, this, &FailuresPage::applyFilter);
    connect(m_ui->causeList, &QListWidget::currentRowChanged, this, [this] {
        if (!m_fillingCauses)
            applyFilter();
    });
}

void FailuresPage::setUpActions()
{
    struct Button
    {
        QToolButton* button;
        QString text;
        ThemeIcon::Name icon;
        QKeySequence keys;
        void (FailuresPage::*slot)();
        QString tip;
    };
    const Button buttons[] = {
        {m_ui->retryButton, tr("Re&try"), ThemeIcon::Retry, QKeySequence(Qt::CTRL | Qt::Key_R),
         &FailuresPage::retrySelected,
         tr("Send the selected messages again through the outbox; those a retry cannot fix are "
            "skipped")},
        {m_ui->conversationButton, tr("Open &conversation"), ThemeIcon::Conversations,
         QKeySequence(Qt::CTRL | Qt::Key_O), &FailuresPage::openSelectedConversation,
         tr("Open the thread of the selected failure's message")},
        {m_ui->requestButton, tr("Open &request"), ThemeIcon::Inspector,
         QKeySequence(Qt::CTRL | Qt::Key_I), &FailuresPage::openSelectedRequest,
         tr("Show the selected failure's webhook request in the Inspector")},
        {m_ui->resolveButton, tr("&Mark resolved"), ThemeIcon::Resolve,
         QKeySequence(Qt::CTRL | Qt::Key_D), &FailuresPage::resolveSelected,
         tr("Mark the selected failures resolved, with your user name and the time")},
        {m_ui->exportButton, tr("&Export CSV\u2026"), ThemeIcon::Export, QKeySequence(),
         &FailuresPage::exportFiltered, tr("Save the failures listed as a CSV file")},
    };
    for (const Button& spec : buttons) {
        auto* action = new QAction(ThemeIcon::icon(spec.icon), spec.text, this);
        action->setObjectName(
            spec.button->objectName().replace(QLatin1String("Button"), QLatin1String("Action")));
        action->setToolTip(spec.tip);
        if (!spec.keys.isEmpty()) {
            action->setShortcut(spec.keys);
            // In the window while the page shows (hidden pages' shortcuts do not fire).
            action->setShortcutContext(Qt::WindowShortcut);
        }
        connect(action, &QAction::triggered, this, spec.slot);
        spec.button->setDefaultAction(action);
        addAction(action);
    }
    updateActions();
}

FailureFilter FailuresPage::currentFilter() const
{
    FailureFilter filter;
    filter.did = m_ui->numberCombo->currentData().toString();
    const int kind = m_ui->kindCombo->currentData().toInt();
    if (kind >= 0)
        filter.kinds = {static_cast<FailureEntry::Kind>(kind)};
    const int range = std::max(0, m_ui->rangeCombo->currentIndex());
    if (kRanges[range] > 0)
        filter.fromMs = m_context.clock().nowMs() - kRanges[range];
    filter.includeResolved = m_ui->resolvedCheck->isChecked();
    const QListWidgetItem* cause = m_ui->causeList->currentItem();
    if (cause && !cause->data(kCauseRole).toString().isEmpty()) {
        const auto causeKind = static_cast<FailureEntry::Kind>(cause->data(kCauseKindRole).toInt());
        if (filter.kinds.isEmpty() || filter.kinds.contains(causeKind)) {
            filter.kinds = {causeKind};
            filter.causes = {cause->data(kCauseRole).toString()};
        }
    }
    return filter;
}

void FailuresPage::applyFilter()
{
    m_model->setFilter(currentFilter());
    loadCounts();
}

void FailuresPage::reload()
{
    if (!isVisible()) {
        // Hidden, only the badge is seen: the list and the causes are read when shown.
        m_stale = true;
        loadUnresolvedCount();
        return;
    }
    m_stale = false;
    FailureFilter filter = currentFilter();
    if (filter != m_model->filter())
        m_model->setFilter(filter); // a relative time range moved on
    else
        m_model->reload();
    loadCounts();
}

void FailuresPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void FailuresPage::loadUnresolvedCount()
{
    const quint64 generation = ++m_countGeneration;
    m_context.worker().post<Counts>(
        [](QSqlDatabase& db) {
            const FailureReader reader(db);
            Counts counts;
            counts.unresolved = reader.unresolvedCount();
            counts.error = reader.lastError();
            return counts;
        },
        this,
        [this, generation](const Counts& counts) {
            if (generation == m_countGeneration && counts.error.isEmpty())
                setUnresolvedCount(counts.unresolved);
        });
}

void FailuresPage::setUnresolvedCount(qint64 count)
{
    m_ui->countLabel->setText(tr("%n unresolved", nullptr, int(count)));
    if (count != m_unresolved) {
        m_unresolved = count;
        Q_EMIT unresolvedCountChanged(m_unresolved);
    }
}

void FailuresPage::scheduleReload()
{
    if (!m_reloadTimer->isActive())
        m_reloadTimer->start();
}

void FailuresPage::loadCounts()
{
    FailureFilter filter = currentFilter();
    filter.causes.clear();
    filter.kinds.clear();
    if (const int kind = m_ui->kindCombo->currentData().toInt(); kind >= 0)
        filter.kinds = {static_cast<FailureEntry::Kind>(kind)};
    const quint64 generation = ++m_countGeneration;
    m_context.worker().post<Counts>(
        [filter](QSqlDatabase& db) {
            const FailureReader reader(db);
            Counts counts;
            counts.causes = reader.causes(filter);
            counts.error = reader.lastError();
            if (!counts.error.isEmpty())
                return counts;
            if (filter == FailureFilter()) {
                // Every unresolved failure is counted by cause: no second pass for the total.
                counts.unresolved = 0;
                for (const FailureReader::CauseCount& count : std::as_const(counts.causes))
                    counts.unresolved += count.count;
            } else {
                counts.unresolved = reader.unresolvedCount();
                counts.error = reader.lastError();
            }
            return counts;
        },
        this,
        [this, generation](Counts counts) {
            if (generation != m_countGeneration)
                return;
            if (!counts.error.isEmpty()) {
                showSummary(tr("The failures could not be counted: %1").arg(counts.error));
                return;
            }
            // The cause list, the current cause kept.
            const QListWidgetItem* current = m_ui->causeList->currentItem();
            const QString currentCause = current ? current->data(kCauseRole).toString() : QString();
            const int currentKind = current ? current->data(kCauseKindRole).toInt() : -1;
            m_fillingCauses = true;
            m_ui->causeList->clear();
            qint64 total = 0;
            for (const FailureReader::CauseCount& count : std::as_const(counts.causes))
                total += count.count;
            auto* all = new QListWidgetItem(tr("All causes (%1)").arg(total), m_ui->causeList);
            all->setData(kCauseRole, QString());
            int select = 0;
            for (const FailureReader::CauseCount& count : std::as_const(counts.causes)) {
                auto* item = new QListWidgetItem(
                    QStringLiteral("%1 (%2)")
                        .arg(FailureCatalogue::causeTitle(count.kind, count.cause))
                        .arg(count.count),
                    m_ui->causeList);
                item->setToolTip(item->text());
                item->setData(kCauseKindRole, static_cast<int>(count.kind));
                item->setData(kCauseRole, count.cause);
                if (count.cause == currentCause && static_cast<int>(count.kind) == currentKind)
                    select = m_ui->causeList->count() - 1;
            }
            m_ui->causeList->setCurrentRow(select);
            m_fillingCauses = false;
            if (select == 0 && !currentCause.isEmpty())
                applyFilter(); // the cause picked is gone
            setUnresolvedCount(counts.unresolved);
            Q_EMIT causesLoaded();
        });
}

void FailuresPage::reloadNumbers()
{
    const QString region = m_context.defaultRegion();
    const Clock& clock = m_context.clock();
    m_context.worker().post<QList<NumberRecord>>(
        [&clock](QSqlDatabase& db) { return NumberRepository(db, clock).list(); }, this,
        [this, region](QList<NumberRecord> numbers) {
            const QString current = m_ui->numberCombo->currentData().toString();
            const QSignalBlocker blocker(m_ui->numberCombo);
            while (m_ui->numberCombo->count() > 1)
                m_ui->numberCombo->removeItem(1);
            for (const NumberRecord& number : std::as_const(numbers)) {
                QString text = PhoneNumber::displayE164(number.e164, region);
                if (!number.label.isEmpty())
                    text += QStringLiteral(" \u2014 ") + number.label;
                m_ui->numberCombo->addItem(text, number.e164);
            }
            m_ui->numberCombo->setCurrentIndex(std::max(0, m_ui->numberCombo->findData(current)));
        });
}

QList<FailureEntry> FailuresPage::selectedEntries() const
{
    QList<FailureEntry> entries;
    const QModelIndexList rows = m_ui->failureTable->selectionModel()->selectedRows();
    QList<int> sorted;
    for (const QModelIndex& index : rows)
        sorted.append(index.row());
    std::sort(sorted.begin(), sorted.end());
    for (const int row : std::as_const(sorted)) {
        if (row < m_model->rowCount())
            entries.append(m_model->entryAt(row));
    }
    return entries;
}

void FailuresPage::selectKey(const QString& key)
{
    const int row = m_model->rowOf(key);
    if (row < 0)
        return;
    m_selectedKey = key;
    const QModelIndex index = m_model->index(row, 0);
    m_ui->failureTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->failureTable->scrollTo(index);
}

QString FailuresPage::summaryText() const
{
    return m_ui->summaryLabel->text();
}

void FailuresPage::showSummary(const QString& text)
{
    m_ui->summaryLabel->setText(text);
    m_ui->summaryLabel->setToolTip(text);
    if (!text.isEmpty())
        Q_EMIT statusMessage(text);
}

void FailuresPage::updateActions()
{
    const QList<FailureEntry> selected = selectedEntries();
    bool anySend = false;
    for (const FailureEntry& entry : selected)
        anySend = anySend || entry.kind == FailureEntry::Kind::Send;
    const bool one = selected.size() == 1;
    m_ui->retryButton->defaultAction()->setEnabled(m_outbox && anySend);
    m_ui->conversationButton->defaultAction()->setEnabled(one && selected.first().messageId > 0);
    m_ui->requestButton->defaultAction()->setEnabled(one && selected.first().requestId > 0);
    m_ui->resolveButton->defaultAction()->setEnabled(!selected.isEmpty());
}

void FailuresPage::showSelected()
{
    const QList<FailureEntry> selected = selectedEntries();
    if (selected.size() == 1)
        m_ui->detailLabel->setText(FailureText::detailHtml(selected.first()));
    else if (selected.isEmpty())
        m_ui->detailLabel->setText(m_model->rowCount() == 0
                                       ? tr("Nothing went wrong here.")
                                       : tr("Select a failure to see what it means and what to "
                                            "do about it."));
    else
        m_ui->detailLabel->setText(tr("Failures selected: %n.", nullptr, int(selected.size())));
    updateActions();
}

void FailuresPage::retrySelected()
{
    // Which of the selected sends' remotes opted out (read through the worker), then the retry.
    const QList<FailureEntry> selected = selectedEntries();
    QList<std::pair<QString, QString>> pairs;
    for (const FailureEntry& entry : selected) {
        if (entry.kind == FailureEntry::Kind::Send)
            pairs.append({entry.did, entry.remote});
    }
    using OptedOutPairs = QSet<std::pair<QString, QString>>;
    m_context.worker().post<OptedOutPairs>(
        [pairs](QSqlDatabase& db) {
            const OptOutRepository optOuts(db);
            OptedOutPairs optedOut;
            for (const auto& [did, remote] : pairs) {
                const std::optional<OptOutRepository::OptOut> state = optOuts.find(did, remote);
                if (state && state->optedOut)
                    optedOut.insert({did, remote});
            }
            return optedOut;
        },
        this,
        [this, selected](const OptedOutPairs& optedOut) {
            retry(selected, [optedOut](const QString& did, const QString& remote) {
                return optedOut.contains({did, remote});
            });
        });
}

void FailuresPage::retry(const QList<FailureEntry>& selected,
                         const FailureCatalogue::OptedOut& optedOut)
{
    auto round = std::make_shared<RetryRound>();
    QList<qint64> toRetry;
    for (const FailureEntry& entry : selected) {
        if (entry.kind != FailureEntry::Kind::Send)
            continue; // not a send: nothing to retry, nothing to say
        const QString blocker = FailureCatalogue::retryBlocker(entry, optedOut);
        if (!blocker.isEmpty()) {
            round->skipped.append(QStringLiteral("%1 (%2)").arg(entry.remote, blocker));
            continue;
        }
        toRetry.append(entry.messageId);
    }
    if (!m_outbox || toRetry.isEmpty()) {
        const QString summary = FailureText::retrySummary(0, round->skipped, 0);
        showSummary(summary);
        Q_EMIT retryFinished(summary);
        return;
    }
    round->pending = int(toRetry.size());
    for (const qint64 messageId : std::as_const(toRetry)) {
        m_outbox->resend(messageId, [this, round](bool ok, const QString&) {
            ++(ok ? round->retried : round->failed);
            if (--round->pending > 0)
                return;
            const QString summary =
                FailureText::retrySummary(round->retried, round->skipped, round->failed);
            showSummary(summary);
            reload();
            Q_EMIT retryFinished(summary);
        });
    }
}

void FailuresPage::openSelectedConversation()
{
    const QList<FailureEntry> selected = selectedEntries();
    if (selected.size() == 1 && selected.first().messageId > 0)
        m_conversations->open(selected.first().messageId);
}

void FailuresPage::openSelectedRequest()
{
    const QList<FailureEntry> selected = selectedEntries();
    if (selected.size() == 1 && selected.first().requestId > 0)
        Q_EMIT requestOpenRequested(selected.first().requestId);
}

void FailuresPage::resolveSelected()
{
    QStringList keys;
    for (const FailureEntry& entry : selectedEntries())
        keys.append(entry.key);
    if (keys.isEmpty())
        return;
    const QString user = FailureResolutions::currentUserName();
    const qint64 now = m_context.clock().nowMs();
    m_context.worker().post<QString>(
        [keys, user, now](QSqlDatabase& db) {
            FailureResolutions resolutions(db);
            return resolutions.resolve(keys, user, now) ? QString() : resolutions.lastError();
        },
        this,
        [this, count = keys.size(), user](QString error) {
            showSummary(error.isEmpty()
                            ? tr("%n marked resolved by %1.", nullptr, int(count)).arg(user)
                            : tr("Could not mark resolved: %1").arg(error));
            reload();
            Q_EMIT resolveFinished(error);
        });
}

void FailuresPage::exportFiltered()
{
    const QString suggested =
        QDir::home().filePath(QStringLiteral("smsdesk-failures-%1.csv")
                                  .arg(QDateTime::fromMSecsSinceEpoch(m_context.clock().nowMs())
                                           .toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString path = m_chooseSavePath(tr("Export failures"), suggested);
    if (path.isEmpty())
        return;
    const FailureFilter filter = m_model->filter();
    showSummary(tr("Exporting\u2026"));
    m_context.worker().post<FailureCsv::Result>(
        [filter, path](QSqlDatabase& db) { return FailureCsv::write(db, filter, path); }, this,
        [this, path](FailureCsv::Result result) {
            showSummary(result.error.isEmpty()
                            ? tr("Exported to %1 (failures: %n).", nullptr, int(result.rows))
                                  .arg(QDir::toNativeSeparators(path))
                            : tr("The export failed: %1").arg(result.error));
            Q_EMIT exportFinished(path, result.rows, result.error);
        });
}

} // namespace smsdesk
