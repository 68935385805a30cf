#pragma once

#include <QList>
#include <QString>

namespace smsdesk {

// How a carrier counts a text message: in the GSM 7-bit default alphabet (3GPP TS 23.038) when
// every character is in it — 160 septets in one message, 153 per part once it is split, the
// extension characters ^ { } \ [ ~ ] | € and form feed taking two (an escape and the
// character, never split across parts) — otherwise in UCS-2: 70 UTF-16 code units in one
// message, 67 per part, a character outside the Basic Multilingual Plane (most emoji) taking
// two (a surrogate pair, never split across parts).
//
// When a text falls to UCS-2, culprits names the characters that caused it, in order of first
// appearance, with their GSM-7 twin where one exists (a curly quote, a dash, an ellipsis, an
// unusual space); replaceWithGsmTwins() swaps those in one go. A pure value: no Qt beyond
// QString, no widgets, cheap enough to run on every keystroke.
class SmsSegments
{
public:
    enum class Encoding
    {
        Gsm7,
        Ucs2,
    };

    static constexpr int Gsm7Single = 160;
    static constexpr int Gsm7PerPart = 153;
    static constexpr int Ucs2Single = 70;
    static constexpr int Ucs2PerPart = 67;

    // A character that is not in the GSM-7 alphabet.
    struct Culprit
    {
        QString character;   // the character itself (two code units for a surrogate pair)
        QString name;        // "right single quotation mark", "emoji", or "U+05D0"
        QString replacement; // its GSM-7 twin ("'"); empty when it has none
        int count = 0;       // how often the text holds it
    };

    static SmsSegments count(const QString& text);
    // The text with every character that has a GSM-7 twin replaced by it; characters without
    // one are kept.
    static QString replaceWithGsmTwins(const QString& text);
    // Whether `character` (one code point) is in the GSM-7 default alphabet or its extension.
    static bool isGsm7(char32_t character);

    Encoding encoding() const { return m_encoding; }
    // Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes.
    int units() const { return m_units; }
    // Messages the carrier sends (and bills); 0 for an empty text.
    int parts() const { return m_parts; }
    // Units a part holds at this length: 160 or 153 (GSM-7), 70 or 67 (UCS-2).
    int unitsPerPart() const { return m_perPart; }
    // Units left before the text needs another part.
    int remaining() const { return m_remaining; }
    // The characters that made the text UCS-2; empty for GSM-7.
    const QList<Culprit>& culprits() const { return m_culprits; }
    // Whether replaceWithGsmTwins() would change anything.
    bool hasReplacements() const;

private:
    Encoding m_encoding = Encoding::Gsm7;
    int m_units = 0;
    int m_parts = 0;
    int m_perPart = Gsm7Single;
    int m_remaining = Gsm7Single;
    QList<Culprit> m_culprits;
};

} // namespace smsdesk
