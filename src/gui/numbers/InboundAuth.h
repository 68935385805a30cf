#pragma once

#include <QCoreApplication>
#include <QString>

namespace smsdesk {

// How the listener tells a number's webhooks from anyone else's posts: by the Authorization
// value the provider sends, by a secret token at the end of the webhook path, by both, or not
// at all. The Numbers page shows it in a column and the number dialog in a line, with a
// warning for "none". (The outbound secret plays no part: it is for sending.)
class InboundAuth
{
    Q_DECLARE_TR_FUNCTIONS(InboundAuth)

public:
    enum class Method
    {
        None,
        Authorization,
        PathToken,
        Both,
    };

    static Method of(bool authorization, bool pathToken);
    // A word or two for a table cell: "Authorization", "Path token", "None"...
    static QString name(Method method);
    // One or two sentences: what is checked, or, for None, what that means and how to fix it
    // for a number of `providerName`.
    static QString explanation(Method method, const QString& providerName);
};

} // namespace smsdesk
