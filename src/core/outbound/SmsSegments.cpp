#include "SmsSegments.h"

#include <QCoreApplication>
#include <QStringView>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::SmsSegments", text);
}

// The GSM 7-bit default alphabet, 3GPP TS 23.038 section 6.2.1 (ESC, 0x1B, is not a character).
const char16_t kBasic[] = u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                          u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Its extension table: each takes an escape septet and its own.
const char16_t kExtension[] = u"\f^{}\\[~]|€";

bool contains(const char16_t* set, char32_t character)
{
    if (character > 0xFFFF)
        return false;
    for (const char16_t* c = set; *c; ++c) {
        if (*c == character)
            return true;
    }
    return false;
}

struct Twin
{
    char32_t character;
    const char* name;
    const char* replacement;
};

// Characters people type (or word processors put in) that have a GSM-7 twin.
const Twin kTwins[] = {
    {0x2018, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "left single quotation mark"), "'"},
    {0x2019, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "right single quotation mark"), "'"},
    {0x201A, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "low single quotation mark"), "'"},
    {0x201B, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "reversed single quotation mark"), "'"},
    {0x2032, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "prime"), "'"},
    {0x02BC, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "modifier apostrophe"), "'"},
    {0x201C, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "left double quotation mark"), "\""},
    {0x201D, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "right double quotation mark"), "\""},
    {0x201E, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "low double quotation mark"), "\""},
    {0x201F, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "reversed double quotation mark"), "\""},
    {0x2033, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "double prime"), "\""},
    {0x00AB, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "left guillemet"), "\""},
    {0x00BB, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "right guillemet"), "\""},
    {0x2010, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "hyphen"), "-"},
    {0x2011, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "non-breaking hyphen"), "-"},
    {0x2012, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "figure dash"), "-"},
    {0x2013, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "en dash"), "-"},
    {0x2014, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "em dash"), "-"},
    {0x2015, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "horizontal bar"), "-"},
    {0x2212, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "minus sign"), "-"},
    {0x2026, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "ellipsis"), "..."},
    {0x00A0, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "no-break space"), " "},
    {0x2002, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "en space"), " "},
    {0x2003, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "em space"), " "},
    {0x2009, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "thin space"), " "},
    {0x200A, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "hair space"), " "},
    {0x202F, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "narrow no-break space"), " "},
    {0x3000, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "ideographic space"), " "},
    {0x2022, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "bullet"), "*"},
    {0x00B4, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "acute accent"), "'"},
    {0x0060, QT_TRANSLATE_NOOP("smsdesk::SmsSegments", "grave accent"), "'"},
};

const Twin* twinOf(char32_t character)
{
    for (const Twin& twin : kTwins) {
        if (twin.character == character)
            return &twin;
    }
    return nullptr;
}

bool isEmoji(char32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || c == 0x2B50 || c == 0x2B55 || c == 0xFE0F ||
           c == 0x200D;
}

QString nameOf(char32_t character)
{
    if (const Twin* twin = twinOf(character))
        return tr(twin->name);
    if (isEmoji(character))
        return tr("emoji");
    return QStringLiteral("U+%1")
        .arg(static_cast<uint>(character), 4, 16, QLatin1Char('0'))
        .toUpper();
}

// One code point of `text` at `i` (a surrogate pair read whole); `size` is 1 or 2 code units.
char32_t codePointAt(QStringView text, qsizetype i, int* size)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *size = 2;
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    *size = 1;
    return c.unicode();
}

} // namespace

bool SmsSegments::isGsm7(char32_t character)
{
    return contains(kBasic, character) || contains(kExtension, character);
}

SmsSegments SmsSegments::count(const QString& text)
{
    // Each character's weight in units, kept so that the parts can be laid out without
    // splitting an escape sequence or a surrogate pair.
    QList<int> weights;
    weights.reserve(text.size());
    bool gsm = true;
    QList<Culprit> culprits;
    for (qsizetype i = 0; i < text.size();) {
        int size = 1;
        const char32_t character = codePointAt(text, i, &size);
        if (contains(kBasic, character)) {
            weights.append(1);
        } else if (contains(kExtension, character)) {
            weights.append(2);
        } else {
            gsm = false;
            const QString shown = text.mid(i, size);
            auto found = std::find_if(culprits.begin(), culprits.end(),
                                      [&](const Culprit& c) { return c.character == shown; });
            if (found != culprits.end()) {
                ++found->count;
            } else {
                const Twin* twin = twinOf(character);
                culprits.append({shown, nameOf(character),
                                 twin ? QString::fromUtf8(twin->replacement) : QString(), 1});
            }
            weights.append(size);
        }
        i += size;
    }

    SmsSegments result;
    if (!gsm) {
        // In UCS-2 every character is its UTF-16 code units.
        weights.clear();
        for (qsizetype i = 0; i < text.size();) {
            int size = 1;
            codePointAt(text, i, &size);
            weights.append(size);
            i += size;
        }
        result.m_encoding = Encoding::Ucs2;
        result.m_culprits = culprits;
    }
    const int single = gsm ? Gsm7Single : Ucs2Single;
    const int perPart = gsm ? Gsm7PerPart : Ucs2PerPart;
    int units = 0;
    for (const int weight : std::as_const(weights))
        units += weight;
    result.m_units = units;
    if (units == 0) {
        result.m_perPart = single;
        result.m_remaining = single;
        return result;
    }
    if (units <= single) {
        result.m_parts = 1;
        result.m_perPart = single;
        result.m_remaining = single - units;
        return result;
    }
    // Lay the characters into parts; one that does not fit whole starts the next part.
    int parts = 1;
    int used = 0;
    for (const int weight : std::as_const(weights)) {
        if (used + weight > perPart) {
            ++parts;
            used = 0;
        }
        used += weight;
    }
    result.m_parts = parts;
    result.m_perPart = perPart;
    result.m_remaining = perPart - used;
    return result;
}

QString SmsSegments::replaceWithGsmTwins(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        int size = 1;
        const char32_t character = codePointAt(text, i, &size);
        const Twin* twin = isGsm7(character) ? nullptr : twinOf(character);
        if (twin)
            out += QString::fromUtf8(twin->replacement);
        else
            out += QStringView(text).mid(i, size);
        i += size;
    }
    return out;
}

bool SmsSegments::hasReplacements() const
{
    return std::any_of(m_culprits.begin(), m_culprits.end(),
                       [](const Culprit& culprit) { return !culprit.replacement.isEmpty(); });
}

} // namespace smsdesk
