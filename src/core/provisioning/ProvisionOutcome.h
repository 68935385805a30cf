#pragma once

#include <QMap>
#include <QString>

namespace smsdesk {

// What a provisioning call reports, whatever it provisions: whether it worked, the validator's
// reasons per field and one sentence for the user. A provisioner's Outcome adds the record.
template <typename Field> struct ProvisionOutcome
{
    bool ok = false;
    QMap<Field, QString> fieldErrors; // validation, per field
    QString error;                    // one sentence for the user
};

} // namespace smsdesk
