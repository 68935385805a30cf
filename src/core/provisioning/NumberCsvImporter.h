#pragma once

#include "NumberDraft.h"
#include "util/CsvRecords.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace smsdesk {

// Reads a CSV file of numbers for bulk provisioning (`smsdesk numbers import`) and checks
// every row before anything is stored: RFC 4180 quoting, a header row naming the columns,
// NumberValidator on each row, the plan by name, numbers already provisioned or repeated
// in the file. Secrets are never in the file: the secret_env and auth_header_env columns
// name environment variables that hold them.
//
// Pure logic: the store and the environment are reached through the Lookups it is given.
class NumberCsvImporter
{
public:
    struct Lookups
    {
        // The id of the plan with this name, or std::nullopt when there is none.
        std::function<std::optional<qint64>(const QString& name)> planId;
        // Whether a number (E.164) is already provisioned.
        std::function<bool(const QString& e164)> isProvisioned;
        // The value of an environment variable; empty when it is unset.
        std::function<QString(const QString& variable)> environment;
    };

    struct Row
    {
        int line = 0; // where the record starts in the file, 1-based (the header is line 1)
        QString e164;
        NumberDraft draft; // ready for NumberProvisioner::save, secrets included
    };

    struct Problem
    {
        int line = 0;
        QString reason; // one sentence, no line breaks
    };

    struct Result
    {
        QList<Row> rows;
        QList<Problem> problems; // in line order; at most one per line
        bool ok() const { return problems.isEmpty(); }
    };

    NumberCsvImporter(QString defaultRegion, Lookups lookups);

    Result read(const QByteArray& data) const;

    // The column names a header may use, in the documented order.
    static QStringList columns();

private:
    Row checkRow(const CsvRecords::Record& record, const QStringList& header,
                 QStringList* errors) const;

    QString m_region;
    Lookups m_lookups;
};

} // namespace smsdesk
