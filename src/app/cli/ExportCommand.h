#pragma once

#include "CliCommand.h"

namespace smsdesk {

// `smsdesk export`: every stored message, oldest first, as JSON Lines (default) or CSV, on
// stdout or into --output FILE.
class ExportCommand final : public CliCommand
{
public:
    int run(const QStringList& arguments) override;
};

} // namespace smsdesk
