#pragma once

#include <QImage>
#include <QList>
#include <QPoint>
#include <QRect>
#include <QSize>
#include <QString>
#include <QStyledItemDelegate>
#include <optional>

class QListView;

namespace smsdesk {

// Paints a row of ConversationModel in ConversationView's list: a message as a bubble on its
// side (the other party's on the left, ours on the right, tinted from the palette) with its
// text and media (an image kept by the media archive as its thumbnail, others as their URL, http
// and https as links, with a line saying what the archive did with them), the time and delivery
// state under it (failed in the error colour) and the date above the first message of a day; or a
// load row. Every row is as wide as the list's viewport. A bubble's text can be selected in a
// read-only text box opened over it (the item's editor).
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    struct MediaLine
    {
        QRect rect; // the link, or the thumbnail
        QString url;
        bool link = false; // a click opens target
        QString target;    // the archived copy (a file: URL) when there is one, else url
        QImage thumbnail;  // null: the URL is shown as a line
        QString note;      // the small line under it; empty: none
        QRect noteRect;
    };
    // Where the parts of a message row go.
    struct Layout
    {
        QString day; // the date header; empty: none
        QRect dayRect;
        QRect bubble;
        QPoint textTopLeft;
        std::optional<QSize> textSize; // none: no text (a placeholder is shown)
        QList<MediaLine> media;
        QRect footer;
        int height = 0;
    };

    // `list` shows the rows; it must outlive the delegate.
    explicit ConversationDelegate(const QListView* list, QObject* parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

    // A message's text to select from (double-click or F2 on a bubble): a read-only,
    // frameless text box over the bubble's text, all of it selected; Ctrl+C copies the
    // selection, Esc closes it. Nothing is written back.
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;

    // The layout of message row `index` in `rect` (its height is not used).
    Layout layoutFor(const QFont& font, const QRect& rect, const QModelIndex& index) const;
    // What a click under `pos` in message row `index` painted in `rect` opens (the archived
    // copy as a file: URL, or the link); empty when nothing.
    QString linkAt(const QFont& font, const QRect& rect, const QModelIndex& index,
                   const QPoint& pos) const;
    // The media line under `pos`; none when none.
    std::optional<MediaLine> mediaAt(const QFont& font, const QRect& rect, const QModelIndex& index,
                                     const QPoint& pos) const;

    // True for the URLs shown as links (http and https).
    static bool isLink(const QString& url);

private:
    int viewWidth() const;

    const QListView* m_list;
};

} // namespace smsdesk
