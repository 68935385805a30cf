#pragma once

#include "media/MediaArchiver.h"

#include <QList>
#include <QString>
#include <memory>

namespace smsdesk {

class AppContext;
class Settings;
struct ListenerEvent;

// What one process keeps media with: a MediaArchiver on the context's store worker and network
// manager, archiving into the folder of the context's store (MediaArchive::directoryFor), set
// up from the settings media/archive, media/maxFileMegabytes and media/maxTotalMegabytes. The
// window and `smsdesk --headless` each build one and feed it the listener's events; start()
// catches up with what was stored while neither ran.
class MediaArchiveService
{
public:
    // The archiver's options from the settings.
    static MediaArchiver::Options optionsFrom(const Settings& settings);

    // `context` (opened) must outlive the service.
    explicit MediaArchiveService(AppContext& context);
    ~MediaArchiveService();
    MediaArchiveService(const MediaArchiveService&) = delete;
    MediaArchiveService& operator=(const MediaArchiveService&) = delete;

    MediaArchiver& archiver() { return *m_archiver; }
    QString directory() const { return m_archiver->archive().directory(); }

    void start() { m_archiver->start(); }
    // A request the listener handled: the messages it stored are archived.
    void requestHandled(const ListenerEvent& event);
    // The settings changed: the archiver follows them (turned on, it catches up).
    void reloadSettings();

private:
    AppContext& m_context;
    std::unique_ptr<MediaArchiver> m_archiver;
};

} // namespace smsdesk
