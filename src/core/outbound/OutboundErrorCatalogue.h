#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace smsdesk {

// Every error code of onCloud's outbound endpoint (document 000, "Error Codes"), with what it
// means and what to do about it in words a small business understands, and whether sending the
// same message again can help by itself. The texts are translatable (context
// "smsdesk::OutboundErrorCatalogue"). The plan guard refuses with the same codes and words
// before anything goes on the wire, so a refusal reads the same wherever it was decided.
//
// The provider writes a code into its error message as "… Error: [WH-2]"; codeIn() finds it.
// A code the document does not list has no entry: callers report it raw, with the provider's
// message as it came.
//
// SMS Desk's own refusals, which no provider sends, have entries of the same shape with codes
// that cannot be mistaken for the provider's (localEntries()): OPTED-OUT, the recipient texted
// STOP (or another opt-out keyword) to the number and has not texted START since.
class OutboundErrorCatalogue
{
public:
    struct Entry
    {
        QString code;       // "WH-23-3", without brackets
        QString meaning;    // what went wrong
        QString resolution; // what to do about it
        // Sending the same request again, unchanged, can succeed. False for every documented
        // code: each needs someone to change something first (the secret, the number, the
        // plan) or, for the monthly limit, the next billing cycle.
        bool retryHelps = false;
    };

    // "WH-AUTH", "WH-1", "WH-2", "WH-3", "WH-23-2", "WH-23-3", "WH-23-4": the document's order.
    static QStringList codes();
    static QList<Entry> entries();
    // SMS Desk's own codes: "OPTED-OUT".
    static QList<Entry> localEntries();
    static constexpr QLatin1String OptedOut{"OPTED-OUT"};
    // None for a code neither the document nor SMS Desk lists. Accepts "[WH-2]" as well as
    // "WH-2".
    static std::optional<Entry> find(const QString& code);

    // The bracketed code in a provider message ("Authentication failed: invalid secret. Error:
    // [WH-AUTH]" -> "WH-AUTH"), documented or not; empty when there is none.
    static QString codeIn(const QString& message);

    // "WH-23-3: The number has used every message its plan allows in this billing cycle."
    // For an unknown code: the code and the provider's own message.
    static QString describe(const QString& code, const QString& providerMessage = {});
};

} // namespace smsdesk
