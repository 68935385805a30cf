#include "Cli.h"

#include <QTextStream>

namespace smsdesk {

bool Cli::isCommand(const QString& firstArgument)
{
    return firstArgument == u"numbers" || firstArgument == u"plans";
}

int Cli::run(const QStringList& arguments)
{
    QTextStream(stderr) << "smsdesk: " << arguments.value(0) << ": not implemented yet\n";
    return 2;
}

} // namespace smsdesk
