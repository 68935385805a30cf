#include "ConversationDialog.h"

#include "ConversationView.h"
#include "store/DatabaseWorker.h"
#include "store/StoreRead.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace smsdesk {

namespace {

// What a worker job read: a page, or none with the error (none without an error: the
// message is not stored).
using PageRead = StoreRead<ConversationReader::Page>;

const QColor kErrorColor(0xc6, 0x28, 0x28);
const QColor kDarkErrorColor(0xef, 0x9a, 0x9a); // on a dark palette

} // namespace

ConversationDialog::ConversationDialog(DatabaseWorker& worker,
                                       const ConversationReader::Thread& thread, QWidget* parent,
                                       int pageSize)
    : QDialog(parent), m_worker(worker), m_thread(thread), m_pageSize(pageSize)
{
    setObjectName(QStringLiteral("conversationDialog"));
    setModal(false);
    setWindowTitle(tr("Conversation: %1 \u2194 %2").arg(thread.did, thread.remote));
    setSizeGripEnabled(true);

    auto* layout = new QVBoxLayout(this);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("conversationNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    layout->addWidget(m_note);

    m_view = new ConversationView(this);
    m_view->setObjectName(QStringLiteral("conversationView"));
    layout->addWidget(m_view, 1);

    auto* bottom = new QHBoxLayout;
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("conversationCount"));
    m_countLabel->setForegroundRole(QPalette::PlaceholderText); // muted, in any palette
    bottom->addWidget(m_countLabel, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the list loads a page; it never closes the dialog.
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_view, &ConversationView::earlierRequested, this, &ConversationDialog::loadEarlier);
    connect(m_view, &ConversationView::laterRequested, this, &ConversationDialog::loadLater);
    resize(560, 700);
}

ConversationDialog::~ConversationDialog() = default;

QString ConversationDialog::noteText() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

void ConversationDialog::setNote(const QString& text, bool error)
{
    m_note->setText(text);
    if (error) {
        QPalette palette = m_note->palette();
        palette.setColor(QPalette::WindowText, palette.color(QPalette::Base).lightness() < 128
                                                   ? kDarkErrorColor
                                                   : kErrorColor);
        m_note->setPalette(palette);
    } else {
        m_note->setPalette(QPalette()); // the dialog's, as it is now and later
    }
    m_note->setVisible(!text.isEmpty());
}

void ConversationDialog::fail(const QString& error)
{
    setNote(tr("Could not read the conversation: %1").arg(error), true);
    Q_EMIT readFailed(error);
}

void ConversationDialog::updateCount()
{
    const int shown = int(m_view->messages().size());
    if (m_loading && shown == 0) {
        m_countLabel->clear();
        return;
    }
    QString text = tr("Messages shown: %1").arg(QLocale().toString(shown));
    if (m_view->hasEarlier())
        text += QStringLiteral(" \u00b7 ") + tr("earlier ones not loaded");
    if (m_view->hasLater())
        text += QStringLiteral(" \u00b7 ") + tr("newer ones not loaded");
    m_countLabel->setText(text);
}

void ConversationDialog::showMessage(qint64 messageId)
{
    if (m_view->setHighlightedMessage(messageId)) {
        Q_EMIT messageShown(messageId);
        return;
    }
    const quint64 generation = ++m_generation;
    m_loading = true;
    setNote(tr("Loading…"), false);
    const int pageSize = m_pageSize;
    m_worker.post<PageRead>(
        [messageId, pageSize](QSqlDatabase& db) {
            const ConversationReader reader(db, pageSize);
            return PageRead::of(reader, reader.around(messageId));
        },
        this,
        [this, generation, messageId](PageRead read) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!read.value) {
                if (!read.error.isEmpty()) {
                    fail(read.error);
                    return;
                }
                // Deleted meanwhile: the thread's newest messages instead.
                loadNewest(tr("Message #%1 is no longer stored.").arg(messageId));
                return;
            }
            if (read.value->thread != m_thread) {
                setNote(tr("Message #%1 is not part of this conversation.").arg(messageId), true);
                return;
            }
            setNote(QString(), false);
            m_view->setPage(*read.value);
            updateCount();
            m_view->setHighlightedMessage(messageId);
            Q_EMIT messageShown(messageId);
        });
}

void ConversationDialog::showNewest()
{
    loadNewest(QString());
}

void ConversationDialog::loadNewest(const QString& note)
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    setNote(tr("Loading…"), false);
    const ConversationReader::Thread thread = m_thread;
    const int pageSize = m_pageSize;
    m_worker.post<PageRead>(
        [thread, pageSize](QSqlDatabase& db) {
            const ConversationReader reader(db, pageSize);
            return PageRead::of(reader, reader.newest(thread));
        },
        this,
        [this, generation, note](PageRead read) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!read.value) {
                fail(read.error);
                return;
            }
            if (!note.isEmpty())
                setNote(note, true);
            else if (read.value->messages.isEmpty())
                setNote(tr("No messages in this conversation."), false);
            else
                setNote(QString(), false);
            m_view->setPage(*read.value);
            updateCount();
            Q_EMIT newestShown();
        });
}

void ConversationDialog::loadEarlier(const ConversationReader::Cursor& cursor)
{
    loadNext(cursor, true);
}

void ConversationDialog::loadLater(const ConversationReader::Cursor& cursor)
{
    loadNext(cursor, false);
}

void ConversationDialog::loadNext(const ConversationReader::Cursor& cursor, bool earlier)
{
    const quint64 generation = m_generation;
    const ConversationReader::Thread thread = m_thread;
    const int pageSize = m_pageSize;
    m_worker.post<PageRead>(
        [thread, cursor, pageSize, earlier](QSqlDatabase& db) {
            const ConversationReader reader(db, pageSize);
            return PageRead::of(reader, earlier ? reader.before(thread, cursor)
                                                : reader.after(thread, cursor));
        },
        this,
        [this, generation, earlier](PageRead read) {
            if (generation != m_generation)
                return;
            if (!read.value) {
                m_view->loadFailed();
                fail(read.error);
                return;
            }
            setNote(QString(), false);
            if (earlier)
                m_view->prependPage(*read.value);
            else
                m_view->appendPage(*read.value);
            updateCount();
        });
}

} // namespace smsdesk
