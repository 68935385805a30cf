#include "QuickRepliesDialog.h"

#include "QuickReplyText.h"
#include "store/DatabaseWorker.h"
#include "store/StoreRead.h"
#include "util/Clock.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace smsdesk {

namespace {

using RepliesRead = StoreRead<QList<QuickReply>>;

// What a write did: the replies as they are after it, the one to select, or why it failed.
struct Written
{
    bool ok = false;
    QString error;
    QList<QuickReply> replies;
    qint64 select = 0;
};

} // namespace

QuickRepliesDialog::QuickRepliesDialog(DatabaseWorker& worker, const Clock& clock, QWidget* parent)
    : QDialog(parent), m_worker(worker), m_clock(clock)
{
    setObjectName(QStringLiteral("quickRepliesDialog"));
    setWindowTitle(tr("Quick replies"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("quickReplyList"));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("quickReplyText"));
    m_text->setPlaceholderText(tr("Hi {name}, your order is ready for pickup today ({date})."));
    auto* hint = new QLabel(tr("Placeholders, filled when the reply is inserted: %1.")
                                .arg(QuickReplyText::placeholders().join(QStringLiteral(", "))),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_new = new QPushButton(tr("&New"), this);
    m_save = new QPushButton(tr("&Save"), this);
    m_delete = new QPushButton(tr("&Delete"), this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* edit = new QVBoxLayout;
    edit->addWidget(m_text, 1);
    edit->addWidget(hint);
    auto* row = new QHBoxLayout;
    row->addWidget(m_new);
    row->addWidget(m_save);
    row->addWidget(m_delete);
    row->addStretch(1);
    edit->addLayout(row);
    auto* panes = new QHBoxLayout;
    panes->addWidget(m_list, 1);
    panes->addLayout(edit, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(panes, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(640, 360);

    connect(m_list, &QListWidget::currentRowChanged, this, &QuickRepliesDialog::selectionChanged);
    connect(m_text, &QPlainTextEdit::textChanged, this, &QuickRepliesDialog::updateButtons);
    connect(m_new, &QPushButton::clicked, this, &QuickRepliesDialog::startNew);
    connect(m_save, &QPushButton::clicked, this, &QuickRepliesDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &QuickRepliesDialog::removeSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
    reload();
}

void QuickRepliesDialog::reload()
{
    m_worker.post<RepliesRead>(
        [](QSqlDatabase& db) {
            const QuickReplyRepository repository(db);
            return RepliesRead::of(repository, repository.list());
        },
        this,
        [this](RepliesRead read) {
            if (read.value)
                setReplies(*read.value, 0);
            else
                m_note->setText(tr("The quick replies could not be read: %1").arg(read.error));
            Q_EMIT loaded();
        });
}

void QuickRepliesDialog::setReplies(const QList<QuickReply>& replies, qint64 select)
{
    const qint64 current = select > 0 ? select
                           : m_list->currentItem()
                               ? m_list->currentItem()->data(Qt::UserRole).toLongLong()
                               : 0;
    m_replies = replies;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QuickReply& reply : replies) {
        auto* item = new QListWidgetItem(QuickReplyText::oneLine(reply.text), m_list);
        item->setData(Qt::UserRole, reply.id);
        if (reply.id == current)
            m_list->setCurrentItem(item);
    }
    updateButtons();
}

void QuickRepliesDialog::selectionChanged()
{
    const QListWidgetItem* item = m_list->currentItem();
    const qint64 id = item ? item->data(Qt::UserRole).toLongLong() : 0;
    for (const QuickReply& reply : std::as_const(m_replies)) {
        if (reply.id == id)
            m_text->setPlainText(reply.text);
    }
    m_note->clear();
    updateButtons();
}

void QuickRepliesDialog::updateButtons()
{
    m_save->setEnabled(!m_text->toPlainText().trimmed().isEmpty());
    m_delete->setEnabled(m_list->currentItem() != nullptr);
}

void QuickRepliesDialog::startNew()
{
    m_list->setCurrentRow(-1);
    m_list->clearSelection();
    m_text->clear();
    m_text->setFocus();
    updateButtons();
}

void QuickRepliesDialog::write(
    std::function<bool(QuickReplyRepository&, qint64 nowMs, qint64* select)> job)
{
    const qint64 nowMs = m_clock.nowMs();
    m_worker.post<Written>(
        [job = std::move(job), nowMs](QSqlDatabase& db) {
            QuickReplyRepository repository(db);
            Written written;
            written.ok = job(repository, nowMs, &written.select);
            written.error = repository.lastError();
            written.replies = repository.list().value_or(QList<QuickReply>());
            return written;
        },
        this,
        [this](Written written) {
            setReplies(written.replies, written.select);
            if (!written.ok) {
                m_note->setText(tr("Not saved: %1").arg(written.error));
                return;
            }
            m_note->clear();
            Q_EMIT changed();
        });
}

void QuickRepliesDialog::save()
{
    const QString text = m_text->toPlainText();
    const QListWidgetItem* item = m_list->currentItem();
    const qint64 id = item ? item->data(Qt::UserRole).toLongLong() : 0;
    write([text, id](QuickReplyRepository& repository, qint64 nowMs, qint64* select) {
        if (id > 0) {
            *select = id;
            return repository.update(id, text, nowMs);
        }
        *select = repository.add(text, nowMs);
        return *select > 0;
    });
}

void QuickRepliesDialog::removeSelected()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    m_text->clear();
    write(
        [id](QuickReplyRepository& repository, qint64, qint64*) { return repository.remove(id); });
}

} // namespace smsdesk
