#pragma once

#include <QStyledItemDelegate>

namespace smsdesk {

// Paints a row of the Conversations page's lists (ConversationListModel's threads and
// MessageSearchModel's results, by ConversationListModel's roles): a round badge with the
// other party's initial, the party (bold while unread) and the time on the first line, the
// preview under it (a draft in italics, a search's words in bold) with the unread count in a
// pill or a red mark for messages not sent, and our number on a third line when the list has
// several. Colours come from the palette, so dark themes work. Every row is as high.
class ConversationListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ConversationListDelegate(QObject* parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

    // The badge's colour for `party` (the same one every time).
    static QColor badgeColor(const QString& party);
    // The badge's text: the first letter of a name, "#" for a number.
    static QString badgeText(const QString& party);
};

} // namespace smsdesk
