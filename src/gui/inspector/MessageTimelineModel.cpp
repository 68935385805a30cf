#include "MessageTimelineModel.h"

#include "RequestLogModel.h"
#include "listener/ListenerEvent.h"
#include "support/PbxFallback.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <limits>

namespace smsdesk {

using Event = MessageTimeline::Event;
using Kind = MessageTimeline::Event::Kind;

namespace {

const QColor kBlue(0x15, 0x65, 0xc0);
const QColor kGreen(0x2e, 0x7d, 0x32);
const QColor kRed(0xc6, 0x28, 0x28);
const QColor kAmber(0xb2, 0x7b, 0x00);
const QColor kSlate(0x45, 0x5a, 0x64);

} // namespace

MessageTimelineModel::MessageTimelineModel(QObject* parent) : QAbstractListModel(parent) {}

MessageTimelineModel::~MessageTimelineModel() = default;

void MessageTimelineModel::setTimeline(const MessageTimeline& timeline)
{
    beginResetModel();
    m_timeline = timeline;
    rebuild();
    endResetModel();
}

void MessageTimelineModel::clear()
{
    beginResetModel();
    m_timeline.reset();
    m_rows.clear();
    endResetModel();
}

void MessageTimelineModel::retranslate()
{
    beginResetModel();
    rebuild();
    endResetModel();
}

int MessageTimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant MessageTimelineModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || !m_timeline)
        return {};
    const Row& shown = row(index.row());
    const Event& event = m_timeline->events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return shown.display;
    case Qt::AccessibleTextRole:
        return shown.accessible;
    case Qt::ToolTipRole:
        return shown.toolTip;
    case RequestLogIdRole:
        return event.requestLogId;
    case KindRole:
        return int(event.kind);
    case OutOfOrderRole:
        return event.outOfOrder;
    case CurrentRole:
        return event.current;
    default:
        return {};
    }
}

Qt::ItemFlags MessageTimelineModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QColor MessageTimelineModel::statusColor(const QString& status)
{
    return status == QLatin1String("delivered") ? kGreen
           : status == QLatin1String("failed")  ? kRed
                                                : kBlue;
}

QString MessageTimelineModel::statusWord(const QString& status)
{
    if (status == QLatin1String("queued"))
        return tr("queued");
    if (status == QLatin1String("sent"))
        return tr("sent");
    if (status == QLatin1String("delivered"))
        return tr("delivered");
    if (status == QLatin1String("failed"))
        return tr("failed");
    if (status == QLatin1String("received"))
        return tr("received");
    if (status == QLatin1String("unknown"))
        return tr("unknown");
    return status;
}

QString MessageTimelineModel::outcomeWord(const QString& outcome)
{
    if (outcome == ListenerEvent::accepted())
        return tr("accepted");
    if (outcome == ListenerEvent::duplicate())
        return tr("duplicate");
    if (outcome == ListenerEvent::unassigned())
        return tr("unassigned");
    return RequestLogModel::outcomeText(outcome);
}

QString MessageTimelineModel::timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(
        QStringLiteral("HH:mm:ss.zzz"));
}

QString MessageTimelineModel::deltaText(qint64 ms)
{
    const QLocale locale;
    if (ms < 1000)
        return tr("+%1 ms").arg(ms);
    if (ms < 60'000)
        return tr("+%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 1));
    if (ms < 3'600'000 && (ms / 1000) % 60 == 0)
        return tr("+%1 min").arg(ms / 60'000);
    if (ms < 3'600'000)
        return tr("+%1 min %2 s").arg(ms / 60'000).arg((ms / 1000) % 60);
    if (ms < 86'400'000)
        return tr("+%1 h %2 min").arg(ms / 3'600'000).arg((ms / 60'000) % 60);
    return tr("+%1 d %2 h").arg(ms / 86'400'000).arg((ms / 3'600'000) % 24);
}

QString MessageTimelineModel::responseText(const Event& event)
{
    if (!event.hasRequest())
        return {};
    if (event.responseStatus <= 0)
        return tr("no response recorded");
    if (event.latencyUs < 0)
        return tr("answered %1").arg(event.responseStatus);
    const QLocale locale;
    if (event.latencyUs < 1'000'000) {
        return tr("answered %1 in %2 ms")
            .arg(event.responseStatus)
            .arg(locale.toString(double(event.latencyUs) / 1000.0, 'f', 1));
    }
    return tr("answered %1 in %2 s")
        .arg(event.responseStatus)
        .arg(locale.toString(double(event.latencyUs) / 1'000'000.0, 'f', 1));
}

QString MessageTimelineModel::titleText(const MessageTimeline& timeline, const Event& event,
                                        int deliveryNumber)
{
    switch (event.kind) {
    case Kind::Sent:
        return event.label == QLatin1String("status-report") ? tr("First seen in a status report")
                                                             : tr("Sent");
    case Kind::Delivery:
        if (timeline.isOutbound())
            return tr("Status webhook");
        if (!event.hasRequest())
            return tr("Received");
        return tr("Delivery %1").arg(deliveryNumber);
    case Kind::Duplicate:
        if (timeline.isOutbound())
            return tr("Status webhook again (a retry)");
        return tr("Delivery %1 (a retry)").arg(deliveryNumber);
    case Kind::StatusReport:
        if (!event.rawStatus.isEmpty() &&
            event.rawStatus.compare(event.label, Qt::CaseInsensitive) != 0)
            return tr("Status: %1 (%2)").arg(statusWord(event.label), event.rawStatus);
        return tr("Status: %1").arg(statusWord(event.label));
    case Kind::OmittedRequests:
        return tr("%Ln more webhook request(s) not shown", nullptr,
                  int(std::min<qint64>(event.omitted, std::numeric_limits<int>::max())));
    case Kind::OmittedReports:
        return tr("%Ln more status report(s) not shown", nullptr,
                  int(std::min<qint64>(event.omitted, std::numeric_limits<int>::max())));
    case Kind::SendAttempt:
        return tr("Send attempt %1: %2").arg(event.attempt).arg(attemptWord(event.label));
    }
    return {};
}

QString MessageTimelineModel::attemptWord(const QString& label)
{
    if (label == QLatin1String("accepted"))
        return tr("accepted by the provider");
    if (label == QLatin1String("refused"))
        return tr("refused by the provider");
    if (label == QLatin1String("http-error"))
        return tr("HTTP error");
    if (label == QLatin1String("bad-answer"))
        return tr("an answer that could not be read");
    if (label == QLatin1String("not-sent"))
        return tr("not sent (network)");
    if (label == QLatin1String("no-answer"))
        return tr("no answer (unconfirmed)");
    if (label == QLatin1String("refused-locally"))
        return tr("refused before sending");
    if (label == QLatin1String("keychain"))
        return tr("no secret from the keychain");
    if (label == QLatin1String("interrupted"))
        return tr("interrupted");
    return label;
}

QString MessageTimelineModel::detailText(const MessageTimeline& timeline, const Event& event)
{
    QStringList parts;
    switch (event.kind) {
    case Kind::Sent:
        if (event.label == QLatin1String("status-report"))
            parts.append(tr("not sent from this app"));
        if (!timeline.providerMessageId.isEmpty())
            parts.append(tr("provider id %1").arg(timeline.providerMessageId));
        if (event.providerTimeMs)
            parts.append(tr("provider time %1").arg(timeText(*event.providerTimeMs)));
        break;
    case Kind::Delivery:
    case Kind::Duplicate:
        if (!event.hasRequest()) {
            parts.append(tr("its webhook request is no longer in the request log"));
            break;
        }
        parts.append(responseText(event));
        if (event.kind == Kind::Duplicate && !timeline.isOutbound())
            parts.append(tr("already stored"));
        if (const qsizetype attempt = timeline.pbxDeliveryIds.indexOf(event.requestLogId);
            attempt >= 0 && event.outcome != ListenerEvent::accepted() &&
            event.outcome != ListenerEvent::duplicate() &&
            event.outcome != ListenerEvent::unassigned())
            parts.append(PbxFallback::describe(int(attempt) + 1, timeline.pbxFallbackEmail));
        if (!event.reason.isEmpty())
            parts.append(event.reason);
        break;
    case Kind::StatusReport:
        if (event.providerTimeMs) {
            parts.append(tr("provider time %1").arg(timeText(*event.providerTimeMs)));
            if (event.outOfOrder)
                parts.append(tr("did not change the status"));
        }
        if (!event.errorCode.isEmpty() && !event.detail.isEmpty())
            parts.append(tr("error %1: %2").arg(event.errorCode, event.detail));
        else if (!event.errorCode.isEmpty())
            parts.append(tr("error %1").arg(event.errorCode));
        else if (!event.detail.isEmpty())
            parts.append(event.detail);
        if (event.hasRequest())
            parts.append(responseText(event));
        else
            parts.append(tr("its webhook request is not shown"));
        break;
    case Kind::OmittedRequests:
    case Kind::OmittedReports:
        parts.append(tr("received between %1 and %2")
                         .arg(timeText(event.atMs), timeText(event.omittedUntilMs)));
        break;
    case Kind::SendAttempt:
        if (event.responseStatus > 0 && event.latencyUs >= 0) {
            parts.append(tr("HTTP %1 in %2 ms")
                             .arg(event.responseStatus)
                             .arg(QLocale().toString(double(event.latencyUs) / 1000.0, 'f', 0)));
        } else if (event.responseStatus > 0) {
            parts.append(tr("HTTP %1").arg(event.responseStatus));
        }
        if (!event.errorCode.isEmpty())
            parts.append(tr("error %1").arg(event.errorCode));
        if (!event.detail.isEmpty())
            parts.append(event.detail);
        break;
    }
    QString text = parts.join(QStringLiteral(" \u00b7 "));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

void MessageTimelineModel::rebuild()
{
    m_rows.clear();
    if (!m_timeline)
        return;
    const MessageTimeline& timeline = *m_timeline;
    int deliveryNumber = 0;
    std::optional<qint64> previousAt;
    for (const Event& event : timeline.events) {
        if (!timeline.isOutbound()) {
            if (event.kind == Kind::Delivery || event.kind == Kind::Duplicate)
                ++deliveryNumber;
            else if (event.kind == Kind::OmittedRequests)
                deliveryNumber += int(std::min<qint64>(event.omitted, 1'000'000'000));
        }
        Row row;
        row.gap = event.isGap();
        row.time = row.gap ? QStringLiteral("\u22ee") : timeText(event.atMs); // vertical ellipsis
        if (!previousAt) {
            row.delta = QDateTime::fromMSecsSinceEpoch(event.atMs)
                            .toLocalTime()
                            .toString(QStringLiteral("yyyy-MM-dd"));
        } else if (!row.gap) {
            row.delta = deltaText(std::max<qint64>(0, event.atMs - *previousAt));
        }
        if (!row.gap) // after a gap: the time since the last event shown
            previousAt = event.atMs;
        row.title = titleText(timeline, event, deliveryNumber);
        row.detail = detailText(timeline, event);

        const QColor outcomeColor =
            event.outcome.isEmpty() ? kBlue
                                    : RequestLogModel::outcomeColor(RequestLogModel::outcomeClass(
                                          event.outcome, event.responseStatus));
        switch (event.kind) {
        case Kind::Sent:
            row.marker = Row::Marker::Square;
            row.color = kBlue;
            break;
        case Kind::Delivery:
            row.marker = Row::Marker::Dot;
            row.color = outcomeColor;
            break;
        case Kind::Duplicate:
            row.marker = Row::Marker::Ring;
            row.color = outcomeColor;
            break;
        case Kind::StatusReport:
            row.marker = event.outOfOrder ? Row::Marker::Hollow : Row::Marker::Diamond;
            row.color = event.outOfOrder ? kAmber : statusColor(event.label);
            break;
        case Kind::OmittedRequests:
        case Kind::OmittedReports:
            row.marker = Row::Marker::None;
            row.color = kSlate;
            break;
        case Kind::SendAttempt:
            row.marker = Row::Marker::Square;
            row.color = event.label == QLatin1String("accepted")    ? kBlue
                        : event.label == QLatin1String("no-answer") ? kAmber
                                                                    : kRed;
            break;
        }
        // Outcomes, "out of order" and "current" in words, on their colour.
        if (event.kind == Kind::StatusReport) {
            if (event.outOfOrder)
                row.tags.append({tr("out of order"), kAmber});
            if (event.current)
                row.tags.append({tr("current"), kSlate});
            // Every report stored is "accepted": only another outcome is worth a tag.
            if (!event.outcome.isEmpty() && event.outcome != ListenerEvent::accepted())
                row.tags.append({outcomeWord(event.outcome), outcomeColor});
        } else if ((event.kind == Kind::Delivery || event.kind == Kind::Duplicate) &&
                   !event.outcome.isEmpty()) {
            row.tags.append({outcomeWord(event.outcome), outcomeColor});
        }
        QStringList tags;
        for (const Row::Tag& tag : std::as_const(row.tags))
            tags.append(tag.text);

        const QString oneLine = tags.isEmpty()
                                    ? row.title
                                    : tr("%1 [%2]").arg(row.title, tags.join(QStringLiteral(", ")));
        row.display = row.detail.isEmpty() ? oneLine : tr("%1 \u2014 %2").arg(oneLine, row.detail);
        const QString when = row.gap ? QString() : row.time + QStringLiteral(", ");
        row.accessible =
            when +
            (tags.isEmpty() ? row.title
                            : tr("%1, %2").arg(row.title, tags.join(QStringLiteral(", ")))) +
            (row.detail.isEmpty() ? QString() : QStringLiteral(". ") + row.detail);
        QString tip = row.gap ? QString()
                              : QDateTime::fromMSecsSinceEpoch(event.atMs)
                                    .toLocalTime()
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"));
        if (event.hasRequest())
            tip += QLatin1Char('\n') + tr("Request %1: click or press Enter to show it in the "
                                          "request list")
                                           .arg(event.requestLogId);
        if (event.outOfOrder) {
            tip += QLatin1Char('\n') +
                   tr("Out of order: the provider's time of this report is earlier than that of a "
                      "report received before it. The provider sent them out of order; the "
                      "message's status stayed as it was.");
        }
        if (event.current)
            tip += QLatin1Char('\n') + tr("The message's current status comes from this report.");
        row.toolTip = tip.trimmed();
        m_rows.push_back(std::move(row));
    }
}

} // namespace smsdesk
