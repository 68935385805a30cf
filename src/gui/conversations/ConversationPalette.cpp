#include "ConversationPalette.h"

#include <algorithm>
#include <cmath>

namespace smsdesk {

QColor ConversationPalette::blend(const QColor& a, const QColor& b, double share)
{
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

bool ConversationPalette::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor ConversationPalette::errorColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
}

QPalette::ColorGroup ConversationPalette::groupOf(QStyle::State state)
{
    if (!(state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return (state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
}

QFont ConversationPalette::smallFont(const QFont& base, double scale)
{
    QFont small(base);
    if (base.pointSizeF() > 0)
        small.setPointSizeF(base.pointSizeF() * scale);
    else
        small.setPixelSize(std::max(8, int(std::lround(base.pixelSize() * scale))));
    return small;
}

} // namespace smsdesk
