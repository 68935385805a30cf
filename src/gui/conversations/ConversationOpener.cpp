#include "ConversationOpener.h"

#include "ConversationDialog.h"
#include "ConversationThreadPane.h"
#include "store/ConversationReader.h"
#include "store/DatabaseWorker.h"
#include "store/StoreRead.h"

#include <QWidget>

namespace smsdesk {

ConversationOpener::ConversationOpener(DatabaseWorker& worker, QWidget* parent)
    : QObject(parent), m_worker(worker), m_parent(parent)
{}

void ConversationOpener::open(qint64 messageId)
{
    if (messageId <= 0)
        return;
    const quint64 generation = ++m_generation;
    using Read = StoreRead<ConversationReader::Thread>;
    m_worker.post<Read>(
        [messageId](QSqlDatabase& db) {
            const ConversationReader reader(db);
            return Read::of(reader, reader.threadOf(messageId));
        },
        this,
        [this, generation, messageId](Read read) {
            if (generation != m_generation)
                return;
            if (!read.value) {
                Q_EMIT failed(
                    read.error.isEmpty()
                        ? tr("Message #%1 is no longer stored: it has no conversation to show.")
                              .arg(messageId)
                        : tr("Could not open the conversation: %1").arg(read.error));
                return;
            }
            // One window per thread: the one open for it is raised.
            ConversationDialog* dialog = nullptr;
            const auto open =
                m_parent->findChildren<ConversationDialog*>(Qt::FindDirectChildrenOnly);
            for (ConversationDialog* candidate : open) {
                if (candidate->isVisible() && candidate->thread() == *read.value)
                    dialog = candidate;
            }
            if (!dialog) {
                dialog = new ConversationDialog(m_worker, *read.value, m_parent);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->pane()->setMediaArchive(m_mediaDirectory);
            }
            dialog->show();
            dialog->raise();
            dialog->activateWindow();
            dialog->showMessage(messageId);
            Q_EMIT opened(dialog, messageId);
        });
}

} // namespace smsdesk
