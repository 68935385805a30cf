#include "ThemeIcon.h"

// resources/resources.qrc is compiled into the smsdesk_gui static library: registered before
// its first use, for every program that links it (Q_INIT_RESOURCE cannot be used in a
// namespace).
static void registerBundledIcons()
{
    Q_INIT_RESOURCE(resources);
}

namespace smsdesk {

QString ThemeIcon::themeName(Name name)
{
    switch (name) {
    case Conversations:
        return QStringLiteral("internet-chat");
    case Numbers:
        return QStringLiteral("phone");
    case Plans:
        return QStringLiteral("x-office-calendar");
    case Inspector:
        return QStringLiteral("system-search");
    case Add:
        return QStringLiteral("list-add");
    case Edit:
        return QStringLiteral("document-edit");
    case Delete:
        return QStringLiteral("edit-delete");
    case Pause:
        return QStringLiteral("media-playback-pause");
    case Start:
        return QStringLiteral("media-playback-start");
    case Stop:
        return QStringLiteral("media-playback-stop");
    case Copy:
        return QStringLiteral("edit-copy");
    case Export:
        return QStringLiteral("document-save-as");
    case Replay:
        return QStringLiteral("media-playlist-repeat");
    case Send:
        return QStringLiteral("mail-send");
    case Warning:
        return QStringLiteral("dialog-warning");
    case Find:
        return QStringLiteral("edit-find");
    case Details:
        return QStringLiteral("view-reveal");
    case Failures:
        return QStringLiteral("dialog-error");
    case Resolve:
        return QStringLiteral("object-select");
    case Retry:
        return QStringLiteral("view-refresh");
    }
    return {};
}

QIcon ThemeIcon::bundled(Name name)
{
    static const bool registered = [] {
        registerBundledIcons();
        return true;
    }();
    Q_UNUSED(registered);
    return QIcon(QStringLiteral(":/icons/theme/%1.svg").arg(themeName(name)));
}

QIcon ThemeIcon::icon(Name name)
{
    return QIcon::fromTheme(themeName(name), bundled(name));
}

} // namespace smsdesk
