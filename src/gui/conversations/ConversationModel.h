#pragma once

#include "store/ConversationReader.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace smsdesk {

// The rows of ConversationView: an optional "Load earlier messages" row, the messages of one
// thread oldest first, an optional "Load newer messages" row. Holds what it was given (a page,
// then pages before and after it); reads nothing itself. A load row says "Loading…" while its
// page is being read. Each row's display, accessible and tooltip texts say all of it in words.
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        MessageIdRole = Qt::UserRole + 1, // qint64; 0 for a load row
        RowKindRole,                      // int (RowKind)
        OutboundRole,                     // bool
        StatusTextRole,                   // QString: what the line under the bubble says
        MediaRole,                        // QStringList
    };
    enum class RowKind
    {
        Message,
        LoadEarlier,
        LoadLater,
    };

    explicit ConversationModel(QObject* parent = nullptr);
    ~ConversationModel() override;

    // Shows `page` in place of what was shown.
    void setPage(const ConversationReader::Page& page);
    // Adds those messages of `page` that are not shown yet above the first one; the "Load
    // earlier" row stays while its hasEarlier says more are left.
    void prependPage(const ConversationReader::Page& page);
    // Adds those messages of `page` that are not shown yet below the last one; the "Load newer"
    // row stays while its hasLater says more are left.
    void appendPage(const ConversationReader::Page& page);
    void clear();
    // Shows those of `messages` that are shown as they are now (a status that changed).
    void updateMessages(const QList<ConversationMessage>& messages);

    // The "Load earlier" ("Load newer") row says "Loading…" until the next page arrives.
    void setLoadingEarlier();
    void setLoadingLater();
    // An earlier or later page could not be read: its row can be used again.
    void loadFailed();
    // The rows' words changed (the language).
    void retranslate();

    const ConversationReader::Thread& thread() const { return m_thread; }
    const QList<ConversationMessage>& messages() const { return m_messages; }
    bool hasEarlier() const { return m_hasEarlier; }
    bool hasLater() const { return m_hasLater; }
    bool isLoadingEarlier() const { return m_loadingEarlier; }
    bool isLoadingLater() const { return m_loadingLater; }

    // The row of the first message (after the "Load earlier" row, when there is one).
    int firstMessageRow() const { return earlierRows(); }
    RowKind kindAt(int row) const;
    // The message of `row`; nullptr for a load row or a row out of range.
    const ConversationMessage* messageAt(int row) const;
    // The row of message `id`; -1 when not shown.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // What the line under a bubble says: the local time, and for an outbound message its
    // delivery state ("14:05 · Delivered", "14:05 · Failed, error 30008").
    static QString footerText(const ConversationMessage& message);
    // The delivery state of an outbound message in words; empty for inbound ones.
    static QString stateText(const ConversationMessage& message);

private:
    int earlierRows() const { return m_hasEarlier ? 1 : 0; }
    int laterRows() const { return m_hasLater ? 1 : 0; }
    // The rows' words change (a load row says "Loading…", the language changed).
    void rowsChanged(int first, int last);
    // Those of `messages` that are not shown yet.
    QList<ConversationMessage> unseen(const QList<ConversationMessage>& messages) const;

    static QString accessibleText(const ConversationMessage& message);
    static QString toolTip(const ConversationMessage& message);

    ConversationReader::Thread m_thread;
    QList<ConversationMessage> m_messages; // oldest first
    bool m_hasEarlier = false;
    bool m_hasLater = false;
    bool m_loadingEarlier = false;
    bool m_loadingLater = false;
};

} // namespace smsdesk
