#pragma once

#include "store/QuickReplyRepository.h"

#include <QFrame>
#include <QList>

class QLineEdit;
class QListWidget;
class QLabel;

namespace smsdesk {

// The quick replies as a popup list over the compose box (Ctrl+Shift+R): typing filters them
// (every word of what is typed, in any case), Up/Down choose, Enter or a click inserts the one
// chosen (chosen()), Esc closes. "Manage…" at the bottom opens the dialog that edits them.
class QuickReplyPopup : public QFrame
{
    Q_OBJECT

public:
    explicit QuickReplyPopup(QWidget* parent = nullptr);

    void setReplies(const QList<QuickReply>& replies);
    // Opens with an empty filter, its bottom-left corner at `bottomLeft` (global).
    void popUp(const QPoint& bottomLeft);

    QLineEdit* filterEdit() const { return m_filter; }
    QListWidget* list() const { return m_list; }
    // The replies shown (those the filter lets through), in order.
    QStringList shownTexts() const;

Q_SIGNALS:
    // A reply was chosen: its text, placeholders and all.
    void chosen(const QString& text);
    void manageRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refilter();
    void choose();

    QLineEdit* m_filter = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QList<QuickReply> m_replies;
};

} // namespace smsdesk
