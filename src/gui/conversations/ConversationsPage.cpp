#include "ConversationsPage.h"

#include "AppContext.h"
#include "ComposeBox.h"
#include "ContactActions.h"
#include "ConversationDrafts.h"
#include "ConversationExports.h"
#include "ConversationListDelegate.h"
#include "ConversationListModel.h"
#include "ConversationSender.h"
#include "ConversationText.h"
#include "ConversationThreadPane.h"
#include "ConversationView.h"
#include "FailedMessageBar.h"
#include "ListenerController.h"
#include "MessageSearchModel.h"
#include "QuickReplyActions.h"
#include "Settings.h"
#include "outbound/PlanUsageReader.h"
#include "store/ConversationListReader.h"
#include "store/DatabaseWorker.h"
#include "store/NumberRepository.h"
#include "store/StoreRead.h"
#include "ui_ConversationsPage.h"
#include "widgets/PageAction.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QShortcut>
#include <utility>

namespace smsdesk {

namespace {

using Role = ConversationListModel::Role;

// What a job that read threads again found.
using SummariesRead = StoreRead<QList<ConversationSummary>>;

ConversationReader::Thread threadOf(const QModelIndex& index)
{
    return {index.data(Role::DidRole).toString(), index.data(Role::RemoteRole).toString()};
}

void setUpList(QListView* list, QAbstractItemModel* model, QObject* delegateParent)
{
    list->setModel(model);
    list->setItemDelegate(new ConversationListDelegate(delegateParent));
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->setUniformItemSizes(true);
    list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setMouseTracking(true);
}

} // namespace

ConversationsPage::ConversationsPage(AppContext& context, ListenerController& listener,
                                     QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ConversationsPage>()), m_context(context),
      m_model(new ConversationListModel(context.worker(), context.clock(), this)),
      m_searchModel(new MessageSearchModel(context.worker(), context.clock(), this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("conversationsPage"));

    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);
    QFont threadFont = m_ui->threadTitle->font();
    threadFont.setPointSizeF(threadFont.pointSizeF() * 1.2);
    threadFont.setBold(true);
    m_ui->threadTitle->setFont(threadFont);
    m_ui->threadSubtitle->setForegroundRole(QPalette::PlaceholderText);

    m_pane = new ConversationThreadPane(context.worker(), m_ui->threadArea);
    m_pane->setObjectName(QStringLiteral("threadPane"));
    m_ui->threadLayout->addWidget(m_pane, 1);
    m_failedBar = new FailedMessageBar(m_pane->view(), m_ui->threadArea);
    m_ui->threadLayout->addWidget(m_failedBar);
    m_pane->view()->list()->addAction(m_failedBar->retryAction());
    m_pane->view()->list()->addAction(m_failedBar->markFailedAction());
    m_compose = new ComposeBox(m_ui->threadArea);
    m_compose->setDefaultRegion(context.defaultRegion());
    m_ui->threadLayout->addWidget(m_compose);
    connect(m_compose, &ComposeBox::sendRequested, this, &ConversationsPage::sendRequested);
    setUpSending();

    // A thread shown in the active window is read.
    connect(m_pane, &ConversationThreadPane::newestShown, this, &ConversationsPage::maybeMarkRead);
    connect(m_pane, &ConversationThreadPane::messageShown, this, &ConversationsPage::maybeMarkRead);
    connect(m_pane, &ConversationThreadPane::messagesChanged, this,
            &ConversationsPage::maybeMarkRead);

    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(LiveIntervalMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &ConversationsPage::flushLive);
    connect(&listener, &ListenerController::requestHandled, this, &ConversationsPage::addLive);

    m_drafts = new ConversationDrafts(context, *m_compose, this);
    connect(m_drafts, &ConversationDrafts::saved, this,
            [this](const Thread& thread, const QList<ConversationSummary>& summaries) {
                m_model->updateThreads(summaries, m_thread);
                Q_EMIT draftSaved(thread);
            });
    connect(m_drafts, &ConversationDrafts::loaded, this, &ConversationsPage::draftLoaded);
    connect(m_drafts, &ConversationDrafts::statusMessage, this, &ConversationsPage::statusMessage);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(SearchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this, &ConversationsPage::applySearch);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, &m_searchTimer, qOverload<>(&QTimer::start));
    m_ui->searchEdit->installEventFilter(this);

    setUpLists();
    setUpActions();
    setUpContactsAndQuickReplies();

    m_ui->numberFilter->addItem(tr("All numbers"), QString());
    connect(m_ui->numberFilter, &QComboBox::currentIndexChanged, this,
            &ConversationsPage::applyFilter);
    connect(m_ui->unreadOnlyCheck, &QCheckBox::toggled, this, &ConversationsPage::applyFilter);

    if (!m_ui->conversationsSplitter->restoreState(context.settings().conversationsSplitter()))
        m_ui->conversationsSplitter->setSizes({300, 560});
    m_ui->conversationsSplitter->setStretchFactor(0, 0);
    m_ui->conversationsSplitter->setStretchFactor(1, 1);
    connect(m_ui->conversationsSplitter, &QSplitter::splitterMoved, this, [this] {
        m_context.settings().setConversationsSplitter(m_ui->conversationsSplitter->saveState());
    });

    startNewConversation();
    m_model->reload();
    reloadNumbers();
    updateListStatus();
}

ConversationsPage::~ConversationsPage()
{
    m_drafts->save();
}

QListView* ConversationsPage::threadList() const
{
    return m_ui->threadList;
}

QListView* ConversationsPage::searchList() const
{
    return m_ui->searchList;
}

QLineEdit* ConversationsPage::searchEdit() const
{
    return m_ui->searchEdit;
}

bool ConversationsPage::isSearching() const
{
    return m_ui->listStack->currentWidget() == m_ui->searchList;
}

QString ConversationsPage::threadTitle() const
{
    return m_ui->threadTitle->text();
}

void ConversationsPage::setUpLists()
{
    setUpList(m_ui->threadList, m_model, this);
    setUpList(m_ui->searchList, m_searchModel, this);
    // A row that is selected (clicked, moved to) shows its thread; one that only becomes
    // current (the list takes the focus) does not.
    connect(
        m_ui->threadList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this](const QItemSelection& selected) { threadRowChanged(selected.indexes().value(0)); });
    connect(
        m_ui->searchList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this](const QItemSelection& selected) { searchRowChanged(selected.indexes().value(0)); });
    for (QAbstractItemModel* model : {static_cast<QAbstractItemModel*>(m_model),
                                      static_cast<QAbstractItemModel*>(m_searchModel)}) {
        connect(model, &QAbstractItemModel::modelReset, this, &ConversationsPage::updateListStatus);
        connect(model, &QAbstractItemModel::rowsInserted, this,
                &ConversationsPage::updateListStatus);
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                &ConversationsPage::updateListStatus);
    }
    connect(m_model, &ConversationListModel::pageLoaded, this, [this] {
        // The thread shown is selected once the list has it (after a filter or a search).
        if (m_thread)
            selectListed(*m_thread);
        updateListStatus();
    });
    connect(m_model, &ConversationListModel::loadFailed, this,
            &ConversationsPage::updateListStatus);
    connect(m_searchModel, &MessageSearchModel::pageLoaded, this, [this] {
        if (std::exchange(m_selectFirstResult, false) && m_searchModel->rowCount() > 0)
            m_ui->searchList->setCurrentIndex(m_searchModel->index(0, 0));
        updateListStatus();
    });
    connect(m_searchModel, &MessageSearchModel::loadFailed, this,
            &ConversationsPage::updateListStatus);
    // A thread that moved to the top under the selection stays selected and in view.
    connect(m_model, &QAbstractItemModel::rowsMoved, this, [this] {
        if (m_thread)
            selectListed(*m_thread);
    });
}

void ConversationsPage::setUpActions()
{
    m_newAction =
        PageAction::makeWindowAction(this, QStringLiteral("newConversation"),
                                     tr("&New conversation"), QKeySequence(QKeySequence::New),
                                     tr("Write to a number you have no conversation with (%1)"));
    connect(m_newAction, &QAction::triggered, this, &ConversationsPage::startNewConversation);
    m_ui->newButton->setDefaultAction(m_newAction);

    m_markUnreadAction = PageAction::makeWindowAction(
        this, QStringLiteral("markUnread"), tr("Mark &unread"), QKeySequence(Qt::CTRL | Qt::Key_U),
        tr("Mark the newest message from them as not read (%1)"));
    connect(m_markUnreadAction, &QAction::triggered, this, &ConversationsPage::markCurrentUnread);

    m_exports = new ConversationExports(m_context, this);
    connect(m_exports, &ConversationExports::exportFinished, this,
            &ConversationsPage::exportFinished);
    connect(m_exports, &ConversationExports::optOutsExported, this,
            &ConversationsPage::optOutsExported);
    connect(m_exports, &ConversationExports::statusMessage, this,
            &ConversationsPage::statusMessage);
    auto* exportMenu = new QMenu(this);
    exportMenu->addAction(exportConversationAction());
    exportMenu->addAction(exportAllAction());
    exportMenu->addSeparator();
    exportMenu->addAction(exportOptOutsAction());
    m_ui->exportButton->setMenu(exportMenu);

    QAction* find = PageAction::makeWindowAction(this, QStringLiteral("findMessages"),
                                                 tr("&Search"), QKeySequence(QKeySequence::Find));
    connect(find, &QAction::triggered, this, [this] {
        m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->searchEdit->selectAll();
    });

    // The thread list's context menu.
    QListView* list = m_ui->threadList;
    list->addAction(m_markUnreadAction);
    list->addAction(exportConversationAction());
    list->setContextMenuPolicy(Qt::ActionsContextMenu);
    updateActions();
}

void ConversationsPage::setUpContactsAndQuickReplies()
{
    m_contacts = new ContactActions(m_context, this);
    connect(m_contacts, &ContactActions::statusMessage, this, &ConversationsPage::statusMessage);
    connect(m_contacts, &ContactActions::nameRead, this,
            [this](const QString& remote, const QString& name) {
                if (m_thread && m_thread->remote == remote) {
                    m_threadName = name;
                    updateHeader();
                }
            });
    // A name shows wherever the number does: the listed threads of that number, the results.
    connect(m_contacts, &ContactActions::contactSaved, this, [this](const Contact& contact) {
        QList<Thread> threads;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const Thread thread = threadOf(m_model->index(row));
            if (thread.remote == contact.remote)
                threads << thread;
        }
        rereadThreads(threads);
        if (isSearching())
            m_searchModel->setQuery(m_searchModel->query());
    });
    connect(m_contacts, &ContactActions::contactsImported, m_model, &ConversationListModel::reload);
    m_quickReplies = new QuickReplyActions(m_context, this, *m_compose, [this] {
        QuickReplyText::Values values;
        if (m_thread)
            values.number = ConversationText::remote(m_thread->remote, m_thread->did);
        values.name = m_threadName;
        values.date = m_context.clock().nowUtc().toLocalTime().date();
        return values;
    });
    // The name beside the thread's title; every action in the thread list's menu.
    auto* titleRow = new QHBoxLayout;
    m_ui->threadLayout->removeWidget(m_ui->threadTitle);
    titleRow->addWidget(m_ui->threadTitle, 1);
    titleRow->addWidget(PageAction::button(m_contacts->nameAction(), m_ui->threadArea));
    m_ui->threadLayout->insertLayout(0, titleRow);
    m_ui->threadList->addActions(
        {m_contacts->nameAction(), m_contacts->importAction(), m_quickReplies->manageAction()});
}

// --- numbers and filters ---

void ConversationsPage::reloadNumbers()
{
    const Clock* clock = &m_context.clock();
    struct Read
    {
        std::optional<QList<NumberRecord>> numbers;
        QHash<qint64, PlanUsage> usage; // of this billing cycle, for the From list
    };
    m_context.worker().post<Read>(
        [clock](QSqlDatabase& db) {
            const NumberRepository repository(db, *clock);
            Read read{repository.list(), {}};
            const PlanUsageReader usage(db, *clock, QTimeZone::systemTimeZone());
            for (const NumberRecord& number : read.numbers.value_or(QList<NumberRecord>())) {
                if (const std::optional<PlanUsage> used = usage.forNumber(number))
                    read.usage.insert(number.id, *used);
            }
            return read;
        },
        this,
        [this](Read read) {
            m_compose->setUsage(read.usage);
            if (read.numbers)
                setNumbers(*read.numbers);
        });
}

void ConversationsPage::setNumbers(const QList<NumberRecord>& numbers)
{
    m_numbers = numbers;
    m_compose->setNumbers(numbers);
    QHash<QString, QString> labels;
    for (const NumberRecord& number : numbers)
        labels.insert(number.e164, number.label);
    m_model->setNumberLabels(labels);

    QComboBox* filter = m_ui->numberFilter;
    const QString chosen = filter->currentData().toString();
    {
        const QSignalBlocker blocker(filter);
        filter->clear();
        filter->addItem(tr("All numbers"), QString());
        for (const NumberRecord& number : numbers) {
            const QString national = ConversationText::remote(number.e164, number.e164);
            filter->addItem(number.label.isEmpty()
                                ? national
                                : QStringLiteral("%1 \u00b7 %2").arg(number.label, national),
                            number.e164);
        }
        const int index = filter->findData(chosen);
        filter->setCurrentIndex(index >= 0 ? index : 0);
    }
    if (filter->currentData().toString() != chosen)
        applyFilter(); // the number filtered on is gone
    updateHeader();
    Q_EMIT numbersReloaded();
}

void ConversationsPage::setNumberFilter(const QString& did)
{
    const int index = m_ui->numberFilter->findData(did);
    m_ui->numberFilter->setCurrentIndex(index >= 0 ? index : 0);
}

void ConversationsPage::setUnreadOnly(bool unreadOnly)
{
    m_ui->unreadOnlyCheck->setChecked(unreadOnly);
}

void ConversationsPage::applyFilter()
{
    ConversationListReader::Filter filter;
    filter.did = m_ui->numberFilter->currentData().toString();
    filter.unreadOnly = m_ui->unreadOnlyCheck->isChecked();
    if (filter != m_model->filter())
        m_model->setFilter(filter);
}

// --- the lists ---

void ConversationsPage::threadRowChanged(const QModelIndex& current)
{
    if (!current.isValid())
        return;
    const Thread thread = threadOf(current);
    if (m_thread != thread)
        showThread(thread);
    updateActions();
}

void ConversationsPage::searchRowChanged(const QModelIndex& current)
{
    if (!current.isValid())
        return;
    showThread(threadOf(current), current.data(Role::MessageIdRole).toLongLong());
}

void ConversationsPage::selectListed(const Thread& thread)
{
    const int row = m_model->rowOf(thread);
    if (row < 0)
        return; // not listed (filtered out, or further down than read): selected once it is
    QItemSelectionModel* selection = m_ui->threadList->selectionModel();
    const QModelIndex index = m_model->index(row);
    if (selection->currentIndex() != index || !selection->isSelected(index))
        selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_ui->threadList->scrollTo(index);
}

void ConversationsPage::showThread(const Thread& thread, qint64 messageId)
{
    if (m_thread != thread) {
        m_drafts->save();
        m_thread = thread;
        m_markedUpTo.reset();
        m_readSuppressed = false;
        m_pane->setThread(thread);
        m_compose->setThread(thread);
        m_threadName.clear();
        m_contacts->setThread(thread);
        m_drafts->setThread(thread);
        m_sender->setThread(thread);
    }
    if (messageId > 0)
        m_pane->showMessage(messageId);
    else if (m_pane->view()->messages().isEmpty() && !m_pane->isLoading())
        m_pane->showNewest();
    if (!isSearching())
        selectListed(thread);
    updateHeader();
    updateActions();
}

void ConversationsPage::startNewConversation()
{
    m_drafts->save();
    m_thread.reset();
    m_markedUpTo.reset();
    m_ui->threadList->selectionModel()->clear();
    m_pane->setThread(std::nullopt);
    m_threadName.clear();
    m_contacts->setThread(std::nullopt);
    m_pane->setNote(tr("Choose a conversation, or type a number below to start a new one."));
    m_compose->startNew(m_ui->numberFilter->currentData().toString());
    m_sender->setThread(std::nullopt);
    m_drafts->setThread(std::nullopt);
    updateHeader();
    updateActions();
    if (isVisible())
        m_compose->focusInput();
}

void ConversationsPage::updateHeader()
{
    if (!m_thread) {
        m_ui->threadTitle->setText(tr("New conversation"));
        m_ui->threadSubtitle->clear();
        return;
    }
    m_ui->threadTitle->setText(
        ConversationText::party(m_thread->remote, m_thread->did, m_threadName));
    QString label;
    for (const NumberRecord& number : std::as_const(m_numbers)) {
        if (number.e164 == m_thread->did)
            label = number.label;
    }
    const QString national = ConversationText::remote(m_thread->did, m_thread->did);
    const QString with = label.isEmpty() ? tr("with %1").arg(national)
                                         : tr("with %1 \u00b7 %2").arg(label, national);
    // A named party's number goes under the name.
    m_ui->threadSubtitle->setText(
        m_threadName.isEmpty()
            ? with
            : QStringLiteral("%1 \u00b7 %2")
                  .arg(ConversationText::remote(m_thread->remote, m_thread->did), with));
}

void ConversationsPage::updateListStatus()
{
    QString text;
    if (isSearching()) {
        const int rows = m_searchModel->rowCount();
        if (!m_searchModel->lastError().isEmpty())
            text = tr("The search failed: %1").arg(m_searchModel->lastError());
        else if (rows == 0 && m_searchModel->isLoading())
            text = tr("Searching…");
        else if (rows == 0)
            text = tr("No message holds “%1”.").arg(m_searchModel->words().join(QLatin1Char(' ')));
        else if (m_searchModel->atEnd())
            text = tr("%n message(s) found", nullptr, rows);
        else
            text = tr("%n message(s) found, more below", nullptr, rows);
    } else {
        const int rows = m_model->rowCount();
        if (!m_model->lastError().isEmpty())
            text = tr("Could not read the conversations: %1").arg(m_model->lastError());
        else if (rows == 0 && m_model->isLoading())
            text = tr("Loading…");
        else if (rows == 0 && m_model->filter().unreadOnly)
            text = tr("No unread conversations.");
        else if (rows == 0 && !m_model->filter().did.isEmpty())
            text = tr("No conversations with this number yet.");
        else if (rows == 0)
            text = tr("No conversations yet: messages show here as they come in.");
    }
    m_ui->listStatus->setText(text);
    m_ui->listStatus->setVisible(!text.isEmpty());
}

void ConversationsPage::updateActions()
{
    m_markUnreadAction->setEnabled(m_thread.has_value());
    m_exports->setThread(m_thread);
}

// --- search ---

void ConversationsPage::search(const QString& text)
{
    m_searchTimer.stop();
    if (m_ui->searchEdit->text() != text) {
        const QSignalBlocker blocker(m_ui->searchEdit);
        m_ui->searchEdit->setText(text);
    }
    applySearch();
}

void ConversationsPage::applySearch()
{
    const QString text = m_ui->searchEdit->text();
    if (MessageSearchReader::words(text).isEmpty()) {
        m_searchModel->setQuery(QString());
        // Selected before the list shows (and may take the focus).
        if (m_thread)
            selectListed(*m_thread);
        m_ui->listStack->setCurrentWidget(m_ui->threadList);
    } else if (text != m_searchModel->query() || !isSearching()) {
        m_selectFirstResult = false;
        m_searchModel->setQuery(text);
        m_ui->listStack->setCurrentWidget(m_ui->searchList);
    }
    updateListStatus();
}

bool ConversationsPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_ui->searchEdit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape && !m_ui->searchEdit->text().isEmpty()) {
            search(QString());
            return true;
        }
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return ||
            key->key() == Qt::Key_Enter) {
            // Into the results (or the threads): the first one is shown, now or once listed.
            if (m_searchTimer.isActive())
                applySearch();
            QListView* list = isSearching() ? m_ui->searchList : m_ui->threadList;
            m_selectFirstResult = false;
            if (!list->selectionModel()->hasSelection() && list->model()->rowCount() > 0)
                list->setCurrentIndex(list->model()->index(0, 0));
            else if (isSearching() && list->model()->rowCount() == 0)
                m_selectFirstResult = true;
            list->setFocus(Qt::OtherFocusReason);
            return true;
        }
    } else if (watched == m_watchedWindow && event->type() == QEvent::WindowActivate) {
        // Back in the window: what it shows is read now.
        QTimer::singleShot(0, this, &ConversationsPage::maybeMarkRead);
    }
    return QWidget::eventFilter(watched, event);
}

// --- read state ---

void ConversationsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (window() != m_watchedWindow) {
        if (m_watchedWindow)
            m_watchedWindow->removeEventFilter(this);
        m_watchedWindow = window();
        m_watchedWindow->installEventFilter(this);
    }
    QTimer::singleShot(0, this, &ConversationsPage::maybeMarkRead);
}

void ConversationsPage::maybeMarkRead()
{
    if (!m_thread || m_readSuppressed || !isVisible() || !isActiveWindow())
        return;
    const std::optional<ConversationReader::Cursor> newest = m_pane->newestCursor();
    if (!newest)
        return;
    if (m_markedUpTo && m_markedUpTo->receivedAtMs == newest->receivedAtMs &&
        m_markedUpTo->id == newest->id)
        return;
    m_markedUpTo = newest;
    const Thread thread = *m_thread;
    const ConversationReader::Cursor upTo = *newest;
    struct Marked
    {
        ConversationReadMarker::Result result = ConversationReadMarker::Result::Failed;
        QString error;
        QList<ConversationSummary> summaries;
    };
    m_context.worker().post<Marked>(
        [thread, upTo](QSqlDatabase& db) {
            Marked marked;
            ConversationReadMarker marker(db);
            marked.result = marker.markRead(thread, upTo);
            marked.error = marker.lastError();
            if (marked.result == ConversationReadMarker::Result::Moved)
                marked.summaries = ConversationListReader(db).threads({thread});
            return marked;
        },
        this,
        [this, thread](Marked marked) {
            if (marked.result == ConversationReadMarker::Result::Failed) {
                Q_EMIT statusMessage(
                    tr("Could not mark the conversation read: %1").arg(marked.error));
            }
            m_model->updateThreads(marked.summaries, m_thread);
            Q_EMIT markedRead(thread, marked.result);
        });
}

void ConversationsPage::markCurrentUnread()
{
    const QModelIndex current = m_ui->threadList->currentIndex();
    const std::optional<Thread> chosen = m_ui->threadList->hasFocus() && current.isValid()
                                             ? std::optional(threadOf(current))
                                             : m_thread;
    if (!chosen)
        return;
    const Thread thread = *chosen;
    if (m_thread == thread)
        m_readSuppressed = true; // until another thread is shown
    struct Marked
    {
        ConversationReadMarker::Result result = ConversationReadMarker::Result::Failed;
        QString error;
        QList<ConversationSummary> summaries;
    };
    m_context.worker().post<Marked>(
        [thread](QSqlDatabase& db) {
            Marked marked;
            ConversationReadMarker marker(db);
            marked.result = marker.markUnread(thread);
            marked.error = marker.lastError();
            marked.summaries = ConversationListReader(db).threads({thread});
            return marked;
        },
        this,
        [this, thread](Marked marked) {
            switch (marked.result) {
            case ConversationReadMarker::Result::Failed:
                Q_EMIT statusMessage(
                    tr("Could not mark the conversation unread: %1").arg(marked.error));
                break;
            case ConversationReadMarker::Result::Unchanged:
                if (!marked.summaries.isEmpty() && !marked.summaries.constFirst().isUnread())
                    Q_EMIT statusMessage(tr("There is no message from them to mark unread."));
                break;
            case ConversationReadMarker::Result::Moved:
                Q_EMIT statusMessage(tr("Marked unread."));
                break;
            }
            m_model->updateThreads(marked.summaries, m_thread);
            Q_EMIT markedUnread(thread, marked.result);
        });
}

// --- live ---

void ConversationsPage::addLive(const ListenerEvent& event)
{
    if (event.messageIds.isEmpty())
        return; // refused: nothing stored
    for (const qint64 id : event.messageIds) {
        if (!m_liveIds.contains(id))
            m_liveIds.append(id);
    }
    if (!event.did.isEmpty() && !event.remote.isEmpty()) {
        const Thread thread{event.did, event.remote};
        if (!m_liveThreads.contains(thread))
            m_liveThreads.append(thread);
    }
    if (!m_liveTimer.isActive())
        m_liveTimer.start();
}

void ConversationsPage::flushLive()
{
    rereadThreads(std::exchange(m_liveThreads, {}), std::exchange(m_liveIds, {}));
}

void ConversationsPage::refreshMessages(const QList<qint64>& messageIds)
{
    for (const qint64 id : messageIds) {
        if (!m_liveIds.contains(id))
            m_liveIds.append(id);
    }
    if (!m_liveTimer.isActive())
        m_liveTimer.start();
}

void ConversationsPage::rereadThreads(const QList<Thread>& threads, const QList<qint64>& messageIds)
{
    if (threads.isEmpty() && messageIds.isEmpty())
        return;
    m_context.worker().post<SummariesRead>(
        [threads, messageIds](QSqlDatabase& db) {
            const ConversationListReader reader(db);
            QList<ConversationSummary> summaries = reader.threads(threads);
            if (reader.lastError().isEmpty()) {
                for (const ConversationSummary& summary : reader.threadsOf(messageIds)) {
                    if (!threads.contains(summary.thread()))
                        summaries.append(summary);
                }
            }
            return SummariesRead::of(reader, std::move(summaries));
        },
        this,
        [this, messageIds](SummariesRead read) {
            if (!read.error.isEmpty() || !read.value) {
                Q_EMIT statusMessage(tr("Could not read the conversations: %1").arg(read.error));
                return;
            }
            m_model->updateThreads(*read.value, m_thread);
            if (m_thread) {
                for (const ConversationSummary& summary : std::as_const(*read.value)) {
                    if (summary.thread() == *m_thread) {
                        m_pane->refresh(messageIds);
                        m_sender->readOptOut(); // a STOP or START may have come in
                        break;
                    }
                }
            }
            updateListStatus();
            Q_EMIT liveUpdated();
        });
}

// --- sending and exports ---

void ConversationsPage::setUpSending()
{
    m_sender = new ConversationSender(m_context, *m_compose, *m_failedBar, this);
    connect(m_sender, &ConversationSender::retryRequested, this,
            &ConversationsPage::retryRequested);
    connect(m_sender, &ConversationSender::messageQueued, this, &ConversationsPage::messageQueued);
    connect(m_sender, &ConversationSender::sendRefused, this, &ConversationsPage::sendRefused);
    connect(m_sender, &ConversationSender::optOutRead, this, &ConversationsPage::optOutRead);
    connect(m_sender, &ConversationSender::statusMessage, this, &ConversationsPage::statusMessage);
    connect(m_sender, &ConversationSender::messagesChanged, this,
            &ConversationsPage::refreshMessages);
    connect(m_sender, &ConversationSender::usageChanged, this, &ConversationsPage::reloadNumbers);
    connect(m_sender, &ConversationSender::queuedShown, this,
            [this](const Thread& thread, const Draft& typed) {
                if (!m_thread)
                    showThread(thread); // the new conversation is a thread now
                if (m_compose->draft() == typed) {
                    m_compose->clearMessage();
                    m_drafts->save();
                }
            });
}

void ConversationsPage::setOutbox(Outbox* outbox, const QString& unavailableReason)
{
    m_sender->setOutbox(outbox, unavailableReason);
}

} // namespace smsdesk
