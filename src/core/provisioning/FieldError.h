#pragma once

#include <QString>

namespace smsdesk {

// A refused value in one line for scripts, named the way the script gave it: an option of
// `smsdesk numbers add` (`--number "(000) 555" is not a valid number: …`) or a column of a CSV
// import (`webhook_url "http://x": Zonitel only …`, `label: Keep the label under …`).
class FieldError
{
public:
    // `name` is the option or column, `shown` the value worth repeating (if any) and `message`
    // the validator's reason; a message that starts with the value in quotes names it itself.
    static QString describe(const QString& name, const QString& shown, const QString& message);
};

} // namespace smsdesk
