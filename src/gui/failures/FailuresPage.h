#pragma once

#include "conversations/ConversationDialog.h"
#include "support/FailureCatalogue.h"
#include "support/FailureEntry.h"

#include <QWidget>
#include <functional>
#include <memory>

class QTableView;
class QTimer;

namespace Ui {
class FailuresPage;
}

namespace smsdesk {

class AppContext;
class ConversationOpener;
class FailureTableModel;
class ListenerController;
class Outbox;

// The support desk's Failures page: everything that went wrong, newest first (FailureReader
// through the DatabaseWorker, paged by FailureTableModel) — sends that failed or are
// unconfirmed, delivery failures from status webhooks, requests the listener refused or could
// not store, PBX messages whose deliveries failed (and where they went). On the left the
// failures grouped by cause with counts (picking one lists only those); above, filters by
// number, kind and time range; below, what the selected failure means and what to do
// (FailureCatalogue). Actions: retry a send through the outbox, also several at once (those a
// retry cannot fix are skipped and named in the summary), open the conversation, open the
// request in the Inspector, mark resolved (who and when, kept in the store), export the
// filtered list as CSV (written by the worker). Live: the listener's requests and the outbox's
// updates (and, for other desks on the store, a poll every PollIntervalMs) read the list, the
// counts and the unresolved count (the navigation's badge) again; while the page is hidden only
// the count is read, the rest when it is shown.
class FailuresPage : public QWidget
{
    Q_OBJECT

public:
    using SavePathChooser = std::function<QString(const QString& title, const QString& suggested)>;
    // How long live updates are gathered before the page reads again.
    static constexpr int ReloadDelayMs = 300;
    // How often the page reads again without a live update (other desks on the same store).
    static constexpr int PollIntervalMs = 15000;

    // `outbox`: what retries go through; nullptr when sending is not set up (retry disabled).
    FailuresPage(AppContext& context, ListenerController& listener, Outbox* outbox,
                 QWidget* parent = nullptr);
    ~FailuresPage() override;

    FailureTableModel* model() const { return m_model; }
    QTableView* view() const;
    void setSavePathChooser(SavePathChooser chooser) { m_chooseSavePath = std::move(chooser); }

    FailureFilter currentFilter() const;
    QList<FailureEntry> selectedEntries() const;
    void selectKey(const QString& key);
    // The unresolved failures as last read; -1 before the first read.
    qint64 unresolvedCount() const { return m_unresolved; }
    QString summaryText() const;

public Q_SLOTS:
    // Reads the list, the causes and the unresolved count again.
    void reload();
    void reloadNumbers();
    // Retries the selected sends through the outbox; retryFinished() follows with a summary.
    void retrySelected();
    void openSelectedConversation();
    // Asks for the selected failure's request in the Inspector (requestOpenRequested()).
    void openSelectedRequest();
    void resolveSelected();
    void exportFiltered();

Q_SIGNALS:
    void unresolvedCountChanged(qint64 count);
    // The counts by cause were read (the cause list is up to date).
    void causesLoaded();
    void requestOpenRequested(qint64 requestId);
    void retryFinished(const QString& summary);
    void resolveFinished(const QString& error);
    void exportFinished(const QString& path, qint64 rows, const QString& error);
    void conversationOpened(smsdesk::ConversationDialog* dialog, qint64 messageId);
    void statusMessage(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    // Retries the sends of `selected` a retry can fix (FailureCatalogue::retryBlocker, with
    // `optedOut` as the opt-out store answered), and says which it skipped and why.
    void retry(const QList<FailureEntry>& selected, const FailureCatalogue::OptedOut& optedOut);
    void setUpFilters();
    void setUpActions();
    void applyFilter();
    void scheduleReload();
    void loadCounts();
    // Reads only the unresolved count (the badge), as the hidden page does.
    void loadUnresolvedCount();
    void setUnresolvedCount(qint64 count);
    void updateActions();
    void showSelected();
    void showSummary(const QString& text);

    std::unique_ptr<Ui::FailuresPage> m_ui;
    AppContext& m_context;
    Outbox* m_outbox;
    FailureTableModel* m_model = nullptr;
    ConversationOpener* m_conversations = nullptr;
    QTimer* m_reloadTimer = nullptr;
    SavePathChooser m_chooseSavePath;
    QString m_selectedKey; // kept across reloads
    qint64 m_unresolved = -1;
    quint64 m_countGeneration = 0;
    bool m_fillingCauses = false;
    bool m_stale = false; // updates came while hidden: read the list again when shown
};

} // namespace smsdesk
