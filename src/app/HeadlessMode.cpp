#include "HeadlessMode.h"

#include "AppContext.h"
#include "ListenerController.h"
#include "MediaArchiveService.h"
#include "OutboundService.h"
#include "UnixSignalWatcher.h"
#include "http/HttpServer.h"
#include "listener/ListenerService.h"
#include "listener/RequestLogLine.h"
#include "store/MessageWriter.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>
#include <csignal>
#include <cstdio>

namespace smsdesk {

namespace {

constexpr int FlushIntervalMs = 100;
constexpr int ForcedStopMs = 40'000; // longer than any request may take (body timeout 30 s)

// One outbox event, one line: "outbox: message 12 sent (carrier ID bw-msg-1)".
QString outboxLine(const OutboxUpdate& update)
{
    QString line = QStringLiteral("outbox: message %1 ").arg(update.messageId);
    switch (update.result) {
    case OutboxUpdate::Result::Sending:
        return line + QStringLiteral("sending, attempt %1").arg(update.attempt);
    case OutboxUpdate::Result::Retrying:
        return line + QStringLiteral("attempt %1 failed, trying again: %2")
                          .arg(update.attempt)
                          .arg(update.detail);
    case OutboxUpdate::Result::Sent:
        return line + QStringLiteral("sent (carrier ID %1)").arg(update.carrierId);
    case OutboxUpdate::Result::RefusedLocally:
        line += QStringLiteral("refused before sending");
        break;
    case OutboxUpdate::Result::RefusedByProvider:
        line += QStringLiteral("refused by onCloud");
        break;
    case OutboxUpdate::Result::NetworkFailure:
        line += QStringLiteral("not sent");
        break;
    case OutboxUpdate::Result::Unconfirmed:
        line += QStringLiteral("unconfirmed");
        break;
    }
    if (!update.code.isEmpty())
        line += QStringLiteral(": ") + update.code;
    line += QStringLiteral(": ") + update.meaning;
    if (!update.detail.isEmpty())
        line += QStringLiteral(" (") + update.detail + u')';
    return line;
}

} // namespace

int HeadlessMode::run(const CommandLine::Options& options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);

    AppContext context;
    ListenerController::Config config;
    QString error;
    if (!ListenerController::optionsFromSettings(context.settings(), options.listener, &config,
                                                 &error)) {
        err << "smsdesk: " << error << '\n';
        return 2;
    }
    OutboundService::Config outboundConfig;
    if (!OutboundService::configFrom(context.settings(), options.outboundBase, &outboundConfig,
                                     &error)) {
        err << "smsdesk: " << error << '\n';
        return 2;
    }
    ListenerService::Options serviceOptions = config.options;
    const QHostAddress address = config.address;
    const quint16 port = config.port;
    const QString listenText = config.listen;

    if (!context.open(options.database, &error)) {
        err << "smsdesk: " << error << '\n';
        return 1;
    }
    serviceOptions.listener.defaultRegion = context.defaultRegion();

    MessageWriter writer(context.database(), context.clock());
    ListenerService service(writer, context.worker(), context.secrets(), context.clock(),
                            serviceOptions);

    // Request lines are buffered and flushed in batches: a line per request must not cost a
    // write(2) per request under load.
    QTimer flush;
    flush.setInterval(FlushIntervalMs);
    QObject::connect(&flush, &QTimer::timeout, [&out] { out.flush(); });
    flush.start();
    RequestLogLine logLine;
    QObject::connect(
        &service, &ListenerService::requestHandled,
        [&out, &logLine](const ListenerEvent& event) { out << logLine.format(event) << '\n'; });
    QObject::connect(&service, &ListenerService::warning, [&err](const QString& message) {
        err << "smsdesk: warning: " << message << Qt::endl;
    });

    // The outbox worker: messages queued by the window or left from before go out from here.
    OutboundService outbound(context, outboundConfig);
    Outbox& outbox = outbound.outbox();
    QObject::connect(&outbox, &Outbox::updated,
                     [&out](const OutboxUpdate& update) { out << outboxLine(update) << '\n'; });

    // The media archive: a copy of each inbound media file, from what the listener stores and
    // what was left from before.
    MediaArchiveService media(context);
    QObject::connect(&service, &ListenerService::requestHandled,
                     [&media](const ListenerEvent& event) { media.requestHandled(event); });
    QObject::connect(&media.archiver(), &MediaArchiver::storeError, [&err](const QString& message) {
        err << "smsdesk: warning: media archive: " << message << Qt::endl;
    });

    if (!service.start(address, port, &error)) {
        err << "smsdesk: cannot listen on " << listenText << ": " << error << '\n';
        return 1;
    }
    QObject::connect(&service, &ListenerService::ready,
                     [&out, &service] { out << "listening on " << service.url() << Qt::endl; });
    outbox.start();
    media.start();

    bool stopping = false;
    bool finished = false; // drained, the forced-stop timer, or a second signal: once only
    auto finish = [&] {
        if (finished)
            return;
        finished = true;
        outbox.stop();
        writer.drainAndStop();
        const MessageWriter::Statistics stats = writer.statistics();
        out << "writer: " << stats.jobsWritten << " jobs in " << stats.batches
            << " transactions (largest " << stats.largestBatch << "), " << stats.jobsFailed
            << " failed\n";
        out << "stopped" << Qt::endl;
        QCoreApplication::exit(0);
    };
    UnixSignalWatcher watcher({SIGTERM, SIGINT, SIGHUP});
    QObject::connect(&watcher, &UnixSignalWatcher::received, [&](int number) {
        if (number == SIGHUP) {
            service.reloadNumbers();
            return;
        }
        if (stopping) { // a second signal: stop now
            out << "stopping now" << Qt::endl;
            finish();
            return;
        }
        stopping = true;
        out << "stopping: answering " << service.server().inFlightCount() << " request(s) in flight"
            << Qt::endl;
        service.stop();
        outbox.stop(); // claims nothing more; the sends in flight are answered and recorded
        QTimer::singleShot(ForcedStopMs, finish);
    });
    bool listenerStopped = false;
    QObject::connect(&service, &ListenerService::stopped, [&] {
        listenerStopped = true;
        if (outbox.isIdle())
            finish();
    });
    QObject::connect(&outbox, &Outbox::idle, [&] {
        if (listenerStopped)
            finish();
    });

    return QCoreApplication::exec();
}

} // namespace smsdesk
