#pragma once

#include "CliCommand.h"

namespace smsdesk {

// `smsdesk plans add|list`: SMS plans for scripts.
class PlansCommand final : public CliCommand
{
public:
    int run(const QStringList& arguments) override;

private:
    int add(const QStringList& arguments);
    int list(const QStringList& arguments);
};

} // namespace smsdesk
