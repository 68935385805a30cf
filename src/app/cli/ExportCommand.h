#pragma once

#include "CliCommand.h"

namespace smsdesk {

class AppContext;

// `smsdesk export`: every stored message, oldest first, as JSON Lines (default) or CSV, on
// stdout or into --output FILE; with --opt-outs the opt-out list (OptOutRepository) as CSV.
class ExportCommand final : public CliCommand
{
public:
    int run(const QStringList& arguments) override;

private:
    int exportOptOuts(AppContext& context, const QString& path);
};

} // namespace smsdesk
