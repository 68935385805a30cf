#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QStyle>

namespace smsdesk {

// The colours and the small font the conversation widgets derive from the palette and the
// font they are given, so that light and dark themes both read well. Pure functions.
class ConversationPalette
{
public:
    // `a` mixed into `b`: `share` of a, the rest of b.
    static QColor blend(const QColor& a, const QColor& b, double share);
    // Whether the palette's base is dark (a dark theme).
    static bool isDark(const QPalette& palette);
    // The error colour, readable on the palette's base.
    static QColor errorColor(const QPalette& palette);
    // The colour group an item in `state` is painted with (disabled, active or inactive).
    static QPalette::ColorGroup groupOf(QStyle::State state);
    // `base` at `scale` of its size (times, states, secondary lines), at least 8 pixels.
    static QFont smallFont(const QFont& base, double scale);
};

} // namespace smsdesk
