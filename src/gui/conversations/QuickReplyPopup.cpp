#include "QuickReplyPopup.h"

#include "QuickReplyText.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>
#include <algorithm>

namespace smsdesk {

namespace {

constexpr int kWidth = 420;
constexpr int kHeight = 260;

} // namespace

QuickReplyPopup::QuickReplyPopup(QWidget* parent) : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("quickReplyPopup"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("quickReplyFilter"));
    m_filter->setPlaceholderText(tr("Type to find a quick reply"));
    m_filter->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("quickReplyList"));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    auto* manage = new QPushButton(tr("Manage quick replies…"), this);
    manage->setObjectName(QStringLiteral("manageQuickReplies"));
    manage->setFlat(true);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(manage, 0, Qt::AlignRight);
    resize(kWidth, kHeight);

    connect(m_filter, &QLineEdit::textChanged, this, &QuickReplyPopup::refilter);
    connect(m_list, &QListWidget::itemClicked, this, &QuickReplyPopup::choose);
    connect(manage, &QPushButton::clicked, this, [this] {
        close();
        Q_EMIT manageRequested();
    });
    m_filter->installEventFilter(this);
}

void QuickReplyPopup::setReplies(const QList<QuickReply>& replies)
{
    m_replies = replies;
    refilter();
}

void QuickReplyPopup::popUp(const QPoint& bottomLeft)
{
    m_filter->clear();
    refilter();
    QPoint topLeft(bottomLeft.x(), bottomLeft.y() - height());
    if (const QScreen* screen = QWidget::screen()) {
        const QRect area = screen->availableGeometry();
        topLeft.setX(
            std::clamp(topLeft.x(), area.left(), std::max(area.left(), area.right() - width())));
        topLeft.setY(
            std::clamp(topLeft.y(), area.top(), std::max(area.top(), area.bottom() - height())));
    }
    move(topLeft);
    show();
    m_filter->setFocus(Qt::PopupFocusReason);
}

QStringList QuickReplyPopup::shownTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_list->count(); ++row)
        texts << m_list->item(row)->data(Qt::UserRole).toString();
    return texts;
}

void QuickReplyPopup::refilter()
{
    const QStringList words = m_filter->text().split(u' ', Qt::SkipEmptyParts);
    m_list->clear();
    for (const QuickReply& reply : std::as_const(m_replies)) {
        bool all = true;
        for (const QString& word : words)
            all = all && reply.text.contains(word, Qt::CaseInsensitive);
        if (!all)
            continue;
        auto* item = new QListWidgetItem(QuickReplyText::oneLine(reply.text), m_list);
        item->setData(Qt::UserRole, reply.text);
        item->setToolTip(reply.text);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_empty->setText(m_replies.isEmpty()
                         ? tr("No quick replies yet: add some with Manage quick replies.")
                         : tr("No quick reply holds these words."));
    m_empty->setVisible(m_list->count() == 0);
}

void QuickReplyPopup::choose()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    const QString text = item->data(Qt::UserRole).toString();
    close();
    Q_EMIT chosen(text);
}

bool QuickReplyPopup::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            const int step = key->key() == Qt::Key_Up       ? -1
                             : key->key() == Qt::Key_Down   ? 1
                             : key->key() == Qt::Key_PageUp ? -5
                                                            : 5;
            if (m_list->count() > 0)
                m_list->setCurrentRow(
                    std::clamp(m_list->currentRow() + step, 0, m_list->count() - 1));
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose();
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace smsdesk
