#include "RulesReplySource.h"

#include "OptOutKeywords.h"
#include "outbound/OutboundErrorCatalogue.h"
#include "outbound/PlanGuard.h"
#include "outbound/PlanUsageReader.h"
#include "providers/InboundMessage.h"
#include "store/DatabaseWorker.h"
#include "store/OptOutRepository.h"
#include "util/Clock.h"

#include <utility>

namespace smsdesk {

namespace {

// What a reply must be checked against before it goes out: whether the sender opted out of
// this number (an earlier STOP: the outbox refuses them too), and the plan's usage.
struct ReplyCheck
{
    bool optedOut = false;
    std::optional<PlanUsage> usage; // none without a plan, or on error
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
    const NumberRecord number = entry->number;
    const QString remote = message.remote;
    const Clock* clock = &m_clock;
    const QTimeZone zone = m_zone;
    m_worker.post<ReplyCheck>(
        [number, remote, clock, zone](QSqlDatabase& db) {
            ReplyCheck check;
            const OptOutRepository optOuts(db);
            const std::optional<OptOutRepository::OptOut> optOut =
                optOuts.find(number.e164, remote);
            check.error = optOuts.lastError();
            check.optedOut = optOut && optOut->optedOut;
            if (check.error.isEmpty() && number.planId > 0) { // no plan: not limited locally
                const PlanUsageReader reader(db, *clock, zone);
                check.usage = reader.forNumber(number);
                check.error = reader.lastError();
            }
            return check;
        },
        this,
        [reply = std::move(reply), reason = chosen->reason, planned = number.planId > 0,
         done = std::move(done)](const ReplyCheck& check) mutable {
            const auto refuse = [&done, &reason](const QString& why) {
                done(Reply{{}, {}, tr("no auto-reply (%1): %2").arg(reason, why)});
            };
            if (!check.error.isEmpty())
                return refuse(tr("the store cannot be read: %1").arg(check.error));
            if (check.optedOut)
                return refuse(
                    OutboundErrorCatalogue::describe(QString(OutboundErrorCatalogue::OptedOut)));
            if (planned) {
                if (!check.usage) // read without an error, yet nothing: as before, no reply
                    return refuse(tr("the plan's usage cannot be read"));
                if (const QString refusal = PlanGuard::planRefusal(*check.usage);
                    !refusal.isEmpty())
                    return refuse(OutboundErrorCatalogue::describe(refusal));
            }
            done(std::move(reply));
        });
}

} // namespace smsdesk
