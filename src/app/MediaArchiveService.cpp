#include "MediaArchiveService.h"

#include "AppContext.h"
#include "Settings.h"
#include "listener/ListenerEvent.h"
#include "store/Database.h"

namespace smsdesk {

MediaArchiver::Options MediaArchiveService::optionsFrom(const Settings& settings)
{
    MediaArchiver::Options options;
    options.enabled = settings.mediaArchive();
    options.maxFileBytes = qint64(settings.mediaMaxFileMegabytes()) * 1024 * 1024;
    options.maxTotalBytes = qint64(settings.mediaMaxTotalMegabytes()) * 1024 * 1024;
    return options;
}

MediaArchiveService::MediaArchiveService(AppContext& context)
    : m_context(context), m_archiver(std::make_unique<MediaArchiver>(
                              context.worker(), context.network(), context.clock(),
                              MediaArchive(MediaArchive::directoryFor(context.database().config())),
                              optionsFrom(context.settings())))
{}

MediaArchiveService::~MediaArchiveService() = default;

void MediaArchiveService::requestHandled(const ListenerEvent& event)
{
    // A duplicate's media were taken when it was first stored; most requests carry none (and
    // asking the store for every one would cost the worker a read per webhook).
    if (!event.withMedia || event.messageIds.isEmpty() ||
        event.outcome == ListenerEvent::duplicate())
        return;
    m_archiver->messagesStored(event.messageIds);
}

void MediaArchiveService::reloadSettings()
{
    m_archiver->setOptions(optionsFrom(m_context.settings()));
}

} // namespace smsdesk
