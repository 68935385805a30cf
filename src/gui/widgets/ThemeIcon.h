#pragma once

#include <QIcon>
#include <QString>

namespace smsdesk {

// The icons of the navigation and the pages' buttons: from the desktop's icon theme by their
// freedesktop names, so that they look like the rest of the desktop, and else from the set
// bundled under :/icons/theme (resources/icons/theme, with its licence), so that there is one
// on any desktop, also under a bare X server with no theme.
class ThemeIcon
{
public:
    enum Name
    {
        Conversations, // internet-chat
        Numbers,       // phone
        Plans,         // x-office-calendar
        Inspector,     // system-search
        Add,           // list-add
        Edit,          // document-edit
        Delete,        // edit-delete
        Pause,         // media-playback-pause
        Start,         // media-playback-start
        Stop,          // media-playback-stop
        Copy,          // edit-copy
        Export,        // document-save-as
        Replay,        // media-playlist-repeat
        Send,          // mail-send
        Warning,       // dialog-warning
        Find,          // edit-find
        Details,       // view-reveal
        Failures,      // dialog-error
        Resolve,       // object-select
        Retry,         // view-refresh
    };

    static QIcon icon(Name name);
    // The freedesktop name asked of the theme (and of the bundled file, name + ".svg").
    static QString themeName(Name name);
    // The bundled icon alone, as used when the theme has none.
    static QIcon bundled(Name name);
};

} // namespace smsdesk
