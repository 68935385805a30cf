#include "ConversationView.h"

#include "ConversationDelegate.h"
#include "ConversationModel.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QListView>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace smsdesk {

namespace {

using RowKind = ConversationModel::RowKind;

RowKind kindOf(const QModelIndex& index)
{
    return static_cast<RowKind>(index.data(ConversationModel::RowKindRole).toInt());
}

} // namespace

ConversationView::ConversationView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setAccessibleName(tr("Messages"));
    m_model = new ConversationModel(this);
    m_delegate = new ConversationDelegate(m_list, this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    // Double-click or F2 opens a message's text to select from.
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(false);
    m_list->setWordWrap(true);
    m_list->setMouseTracking(true);
    m_list->verticalScrollBar()->setSingleStep(16);
    // No row background (the delegate paints none): the bubbles are the rows.
    m_list->setAlternatingRowColors(false);
    m_list->installEventFilter(this);
    m_list->viewport()->installEventFilter(this);
    layout->addWidget(m_list);
    setFocusProxy(m_list);

    m_copyAction = new QAction(tr("&Copy message"), this);
    m_copyAction->setObjectName(QStringLiteral("copyMessageAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyAction, &QAction::triggered, this, &ConversationView::copySelected);
    m_list->addAction(m_copyAction);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_list, &QAbstractItemView::clicked, this, &ConversationView::activate);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_copyAction->setEnabled(selectedMessageId() > 0); });
    m_copyAction->setEnabled(false);

    // A thumbnail that arrived or a media line that changed makes its row higher: the rows are
    // laid out again once per turn of the event loop. A view at the bottom stays there when its
    // rows grow (the list sets its new range after the layout, so the range change is where it
    // is followed).
    m_relayout = new QTimer(this);
    m_relayout->setSingleShot(true);
    m_relayout->setInterval(0);
    connect(m_relayout, &QTimer::timeout, m_list, &QListView::doItemsLayout);
    QScrollBar* bar = m_list->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_atBottom = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_atBottom)
            bar->setValue(maximum);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, m_relayout, qOverload<>(&QTimer::start));
}

ConversationView::~ConversationView() = default;

QAbstractItemModel* ConversationView::model() const
{
    return m_model;
}

void ConversationView::clear()
{
    m_model->clear();
}

void ConversationView::setPage(const ConversationReader::Page& page)
{
    m_model->setPage(page);
    m_list->scrollToBottom();
}

void ConversationView::prependPage(const ConversationReader::Page& page)
{
    // The message at the top of the view (or the first one) stays where it is on screen.
    qint64 anchorId = 0;
    int anchorTop = 0;
    if (!m_model->messages().isEmpty()) {
        QModelIndex anchor = m_list->indexAt(QPoint(1, 1));
        if (!anchor.isValid() || anchor.data(ConversationModel::MessageIdRole).toLongLong() == 0)
            anchor = m_model->index(m_model->firstMessageRow());
        anchorId = anchor.data(ConversationModel::MessageIdRole).toLongLong();
        anchorTop = m_list->visualRect(anchor).top();
    }
    m_model->prependPage(page);
    // What came in above moved the rows in view down: back to where they were.
    if (const int row = rowOf(anchorId); row >= 0) {
        m_list->doItemsLayout();
        QScrollBar* bar = m_list->verticalScrollBar();
        bar->setValue(bar->value() + m_list->visualRect(m_model->index(row)).top() - anchorTop);
    }
}

void ConversationView::appendPage(const ConversationReader::Page& page)
{
    m_model->appendPage(page);
}

void ConversationView::appendLive(const ConversationReader::Page& page)
{
    QScrollBar* bar = m_list->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum();
    m_model->appendPage(page);
    if (atBottom)
        m_list->scrollToBottom();
}

void ConversationView::updateMessages(const QList<ConversationMessage>& messages)
{
    m_model->updateMessages(messages);
}

void ConversationView::loadFailed()
{
    m_model->loadFailed();
}

int ConversationView::rowOf(qint64 id) const
{
    return m_model->rowOf(id);
}

QRect ConversationView::mediaRect(qint64 id, int mediaIndex) const
{
    const int row = rowOf(id);
    if (row < 0)
        return {};
    const QModelIndex index = m_model->index(row);
    const ConversationDelegate::Layout layout =
        m_delegate->layoutFor(m_list->font(), m_list->visualRect(index), index);
    return mediaIndex >= 0 && mediaIndex < layout.media.size() ? layout.media.at(mediaIndex).rect
                                                               : QRect();
}

bool ConversationView::setHighlightedMessage(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    // Once the view has its size (a dialog being shown lays it out again), still in view.
    QTimer::singleShot(0, m_list, [this, id] {
        const int now = rowOf(id);
        if (now >= 0 && selectedMessageId() == id) {
            m_list->doItemsLayout();
            m_list->scrollTo(m_model->index(now), QAbstractItemView::PositionAtCenter);
        }
    });
    return true;
}

qint64 ConversationView::selectedMessageId() const
{
    const QModelIndexList selected = m_list->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return 0;
    return selected.constFirst().data(ConversationModel::MessageIdRole).toLongLong();
}

void ConversationView::copySelected() const
{
    const int row = rowOf(selectedMessageId());
    const ConversationMessage* message = row >= 0 ? m_model->messageAt(row) : nullptr;
    if (!message)
        return;
    QStringList parts;
    if (!message->text.isEmpty())
        parts.append(message->text);
    parts += message->media;
    QGuiApplication::clipboard()->setText(parts.join(QLatin1Char('\n')));
}

void ConversationView::requestEarlier()
{
    if (!hasEarlier() || isLoadingEarlier() || messages().isEmpty())
        return;
    m_model->setLoadingEarlier();
    Q_EMIT earlierRequested(ConversationReader::Cursor::of(messages().constFirst()));
}

void ConversationView::requestLater()
{
    if (!hasLater() || isLoadingLater() || messages().isEmpty())
        return;
    m_model->setLoadingLater();
    Q_EMIT laterRequested(ConversationReader::Cursor::of(messages().constLast()));
}

void ConversationView::activate(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    switch (kindOf(index)) {
    case RowKind::LoadEarlier:
        requestEarlier();
        break;
    case RowKind::LoadLater:
        requestLater();
        break;
    case RowKind::Message:
        break;
    }
}

QString ConversationView::linkAt(const QPoint& viewportPos) const
{
    const QModelIndex index = m_list->indexAt(viewportPos);
    if (!index.isValid())
        return {};
    return m_delegate->linkAt(m_list->font(), m_list->visualRect(index), index, viewportPos);
}

bool ConversationView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter ||
            key->key() == Qt::Key_Space) {
            const QModelIndex current = m_list->currentIndex();
            if (current.isValid() && kindOf(current) != RowKind::Message) {
                activate(current);
                return true;
            }
        }
    } else if (watched == m_list->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            const auto* mouse = static_cast<QMouseEvent*>(event);
            const QPoint pos = mouse->position().toPoint();
            const QModelIndex index = m_list->indexAt(pos);
            const bool loadRow = index.isValid() && kindOf(index) != RowKind::Message;
            const QString link = linkAt(pos);
            if (loadRow || !link.isEmpty())
                m_list->viewport()->setCursor(Qt::PointingHandCursor);
            else
                m_list->viewport()->unsetCursor();
        } else if (event->type() == QEvent::ToolTip) {
            // Over a link: the whole URL (the row's tooltip elsewhere).
            const auto* help = static_cast<QHelpEvent*>(event);
            const QModelIndex index = m_list->indexAt(help->pos());
            const auto line = index.isValid()
                                  ? m_delegate->mediaAt(m_list->font(), m_list->visualRect(index),
                                                        index, help->pos())
                                  : std::nullopt;
            if (line && line->link) {
                const QString text = line->target == line->url
                                         ? line->url
                                         : tr("%1\nOpens the copy SMS Desk kept").arg(line->url);
                QToolTip::showText(help->globalPos(), text, m_list->viewport());
                return true;
            }
        } else if (event->type() == QEvent::MouseButtonRelease) {
            const auto* mouse = static_cast<QMouseEvent*>(event);
            if (mouse->button() == Qt::LeftButton) {
                const QString link = linkAt(mouse->position().toPoint());
                if (!link.isEmpty()) {
                    const QUrl url(link, QUrl::StrictMode);
                    Q_EMIT linkActivated(url);
                    QDesktopServices::openUrl(url);
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConversationView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_copyAction->setText(tr("&Copy message"));
        m_list->setAccessibleName(tr("Messages"));
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace smsdesk
