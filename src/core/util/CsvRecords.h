#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace smsdesk {

// Splits CSV text into records (RFC 4180: quoted fields with "" for a quote, line breaks inside
// quotes, CRLF, LF or a lone CR between records), keeping where each record starts and what is
// wrong with the quoting of one, so an importer can report every bad row and read the others.
// Pure logic, shared by the importers (numbers, contacts).
class CsvRecords
{
public:
    struct Record
    {
        int line = 0; // where the record starts, 1-based
        QStringList fields;
        QString error; // a quoting error in this record; fields are then incomplete
    };

    static QList<Record> parse(const QString& text);
    // The 1-based line of the first byte sequence that is not UTF-8, or 0 when all of it is.
    static int firstLineNotUtf8(const QByteArray& data);
    // UTF-8 text without its byte order mark.
    static QString decode(const QByteArray& data);
    // Whether every field of `fields` is blank (a blank line).
    static bool isBlank(const QStringList& fields);
};

} // namespace smsdesk
