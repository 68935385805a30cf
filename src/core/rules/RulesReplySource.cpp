#include "RulesReplySource.h"

#include "OptOutKeywords.h"
#include "outbound/OutboundErrorCatalogue.h"
#include "outbound/PlanGuard.h"
#include "outbound/PlanUsageReader.h"
#include "providers/InboundMessage.h"
#include "store/DatabaseWorker.h"
#include "util/Clock.h"

#include <utility>

namespace smsdesk {

namespace {

struct UsageRead
{
    std::optional<PlanUsage> usage;
    QString error;
};

} // namespace

RulesReplySource::RulesReplySource(DatabaseWorker& worker, const Clock& clock, QTimeZone zone,
                                   DirectoryGetter directory, QObject* parent)
    : QObject(parent), m_worker(worker), m_clock(clock), m_zone(std::move(zone)),
      m_directory(std::move(directory))
{}

RulesReplySource::~RulesReplySource() = default;

void RulesReplySource::replyFor(const InboundMessage& message, qint64 /*messageId*/,
                                qint64 numberId, Done done)
{
    const std::shared_ptr<const NumberDirectory> directory = m_directory();
    const NumberDirectory::Entry* entry =
        numberId > 0 && directory ? directory->byId(numberId) : nullptr;
    if (!entry || !entry->autoReplies || message.remoteIsAlphanumeric ||
        OptOutKeywords::effectOf(message.text) != OptOutKeywords::Effect::None) {
        done(std::nullopt);
        return;
    }
    const QDateTime at = message.providerTime.isValid() ? message.providerTime : m_clock.nowUtc();
    const std::optional<AutoReplyRules::Reply> chosen =
        entry->autoReplies->replyFor(message.text, at);
    if (!chosen) {
        done(std::nullopt);
        return;
    }
    Reply reply{chosen->text, chosen->media, tr("auto-reply (%1)").arg(chosen->reason)};
    if (entry->number.planId <= 0) { // no plan: not limited locally, nothing to read
        done(std::move(reply));
        return;
    }

    const NumberRecord number = entry->number;
    const Clock* clock = &m_clock;
    const QTimeZone zone = m_zone;
    m_worker.post<UsageRead>(
        [number, clock, zone](QSqlDatabase& db) {
            const PlanUsageReader reader(db, *clock, zone);
            UsageRead read;
            read.usage = reader.forNumber(number);
            read.error = reader.lastError();
            return read;
        },
        this,
        [reply = std::move(reply), reason = chosen->reason,
         done = std::move(done)](const UsageRead& read) mutable {
            if (!read.usage) {
                done(Reply{{},
                           {},
                           tr("no auto-reply (%1): the plan's usage cannot be read: %2")
                               .arg(reason, read.error)});
                return;
            }
            const QString refusal = PlanGuard::planRefusal(*read.usage);
            if (!refusal.isEmpty()) {
                done(Reply{{},
                           {},
                           tr("no auto-reply (%1): %2")
                               .arg(reason, OutboundErrorCatalogue::describe(refusal))});
                return;
            }
            done(std::move(reply));
        });
}

} // namespace smsdesk
