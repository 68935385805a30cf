#include "ConversationDrafts.h"

#include "AppContext.h"
#include "ComposeBox.h"
#include "store/ConversationListReader.h"
#include "store/DatabaseWorker.h"
#include "store/StoreRead.h"

namespace smsdesk {

ConversationDrafts::ConversationDrafts(AppContext& context, ComposeBox& compose, QObject* parent)
    : QObject(parent), m_context(context), m_compose(compose)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(SaveDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &ConversationDrafts::save);
    connect(&compose, &ComposeBox::draftEdited, this, [this] {
        m_edited = true;
        if (m_thread)
            m_timer.start();
    });
}

void ConversationDrafts::save()
{
    m_timer.stop();
    if (!m_thread)
        return;
    const Draft draft = m_compose.draft();
    if (draft == m_saved)
        return;
    m_saved = draft;
    const Thread thread = *m_thread;
    const qint64 now = m_context.clock().nowMs();
    using SummariesRead = StoreRead<QList<ConversationSummary>>;
    m_context.worker().post<SummariesRead>(
        [thread, draft, now](QSqlDatabase& db) {
            DraftRepository drafts(db);
            if (!drafts.save(thread, draft, now))
                return SummariesRead{std::nullopt, drafts.lastError()};
            const ConversationListReader reader(db);
            return SummariesRead::of(reader, reader.threads({thread}));
        },
        this,
        [this, thread](SummariesRead read) {
            if (!read.value) {
                Q_EMIT statusMessage(tr("Could not keep the draft: %1").arg(read.error));
                return;
            }
            Q_EMIT saved(thread, *read.value);
        });
}

void ConversationDrafts::setThread(const std::optional<Thread>& thread)
{
    m_thread = thread;
    m_edited = false;
    m_saved = {};
    if (!thread)
        return;
    const quint64 generation = ++m_generation;
    using Read = StoreRead<Draft>;
    m_context.worker().post<Read>(
        [thread = *thread](QSqlDatabase& db) {
            const DraftRepository drafts(db);
            return Read::of(drafts, drafts.find(thread));
        },
        this,
        [this, generation, thread = *thread](Read read) {
            if (generation != m_generation)
                return;
            // Typing began before the draft came: what is typed wins (and is saved).
            if (read.value && !m_edited) {
                m_saved = *read.value;
                m_compose.setDraft(*read.value);
            }
            Q_EMIT loaded(thread);
        });
}

} // namespace smsdesk
