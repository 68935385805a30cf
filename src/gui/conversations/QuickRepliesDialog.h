#pragma once

#include "store/QuickReplyRepository.h"

#include <QDialog>
#include <QList>
#include <functional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace smsdesk {

class Clock;
class DatabaseWorker;

// Manages the quick replies (stored, shared by the desks of one database): the list, the text
// of the one selected with the placeholders it may hold ({number}, {name}, {date}), New, Save,
// Delete. Every read and write goes through the DatabaseWorker; changed() after each write.
class QuickRepliesDialog : public QDialog
{
    Q_OBJECT

public:
    QuickRepliesDialog(DatabaseWorker& worker, const Clock& clock, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    QPlainTextEdit* textEdit() const { return m_text; }
    QPushButton* newButton() const { return m_new; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* deleteButton() const { return m_delete; }
    const QList<QuickReply>& replies() const { return m_replies; }

public Q_SLOTS:
    void reload();
    // Stores the text as a new reply (none selected) or as the selected one's.
    void save();
    void removeSelected();
    void startNew();

Q_SIGNALS:
    // The replies were read (after a reload or a write).
    void loaded();
    // A reply was added, changed or deleted.
    void changed();

private:
    void setReplies(const QList<QuickReply>& replies, qint64 select);
    void selectionChanged();
    void updateButtons();
    void write(std::function<bool(QuickReplyRepository&, qint64 nowMs, qint64* select)> job);

    DatabaseWorker& m_worker;
    const Clock& m_clock;
    QListWidget* m_list = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_delete = nullptr;
    QList<QuickReply> m_replies;
};

} // namespace smsdesk
