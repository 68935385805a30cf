#include "ContactImporter.h"

#include "VCardReader.h"
#include "phone/PhoneNumber.h"
#include "util/CsvRecords.h"

#include <QCoreApplication>
#include <algorithm>
#include <utility>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::ContactImporter", text);
}

} // namespace

ContactImporter::ContactImporter(QString defaultRegion) : m_region(std::move(defaultRegion)) {}

ContactImporter::Format ContactImporter::formatOf(const QString& fileName, const QByteArray& data)
{
    const QString lower = fileName.toLower();
    if (lower.endsWith(QLatin1String(".vcf")) || lower.endsWith(QLatin1String(".vcard")))
        return Format::VCard;
    QByteArray start = data.left(64).trimmed().toUpper();
    if (start.startsWith("\xef\xbb\xbf"))
        start = start.mid(3);
    return start.startsWith("BEGIN:VCARD") ? Format::VCard : Format::Csv;
}

ContactImporter::Result ContactImporter::read(const QByteArray& data, Format format) const
{
    return format == Format::VCard ? readVCard(data) : readCsv(data);
}

void ContactImporter::add(Result* result, int line, const QString& typed, const QString& name,
                          const QString& note) const
{
    const QString number = typed.trimmed();
    if (number.isEmpty()) {
        result->skipped.append({line, name, tr("No number.")});
        return;
    }
    if (name.trimmed().isEmpty()) {
        result->skipped.append({line, number, tr("No name.")});
        return;
    }
    const PhoneNumber::ParseResult parsed = PhoneNumber::parse(number, m_region);
    if (!parsed.ok()) {
        result->skipped.append({line, number, parsed.error});
        return;
    }
    const QString e164 = parsed.number.e164();
    for (const Contact& earlier : std::as_const(result->contacts)) {
        if (earlier.remote == e164) {
            result->skipped.append(
                {line, number,
                 tr("The number %1 is already named %2 above.").arg(e164, earlier.name)});
            return;
        }
    }
    result->contacts.append({e164, name.trimmed(), note.trimmed()});
}

ContactImporter::Result ContactImporter::readCsv(const QByteArray& data) const
{
    Result result;
    if (const int badLine = CsvRecords::firstLineNotUtf8(data); badLine > 0) {
        result.skipped.append(
            {badLine, QString(), tr("The file is not UTF-8 text: save it as CSV UTF-8.")});
        return result;
    }
    bool first = true;
    for (const CsvRecords::Record& record : CsvRecords::parse(CsvRecords::decode(data))) {
        if (!record.error.isEmpty()) {
            result.skipped.append({record.line, QString(), record.error});
            continue;
        }
        if (CsvRecords::isBlank(record.fields))
            continue;
        const QString number = record.fields.value(0);
        if (std::exchange(first, false) &&
            number.trimmed().compare(QLatin1String("number"), Qt::CaseInsensitive) == 0)
            continue; // the header row
        if (record.fields.size() > 3) {
            result.skipped.append(
                {record.line, number.trimmed(),
                 tr("The row has %1 fields: the columns are number, name and an optional note.")
                     .arg(record.fields.size())});
            continue;
        }
        add(&result, record.line, number, record.fields.value(1), record.fields.value(2));
    }
    return result;
}

ContactImporter::Result ContactImporter::readVCard(const QByteArray& data) const
{
    Result result;
    const VCardReader::Result cards = VCardReader::read(data);
    for (const VCardReader::Problem& problem : cards.problems) {
        QString reason = problem.reason;
        if (!reason.isEmpty())
            reason[0] = reason[0].toUpper();
        result.skipped.append({problem.line, QString(), reason + QLatin1Char('.')});
    }
    for (const VCardReader::Card& card : cards.cards) { // each has a number
        for (const VCardReader::Phone& phone : card.phones)
            add(&result, card.line, phone.number, card.name, card.note);
    }
    std::stable_sort(result.skipped.begin(), result.skipped.end(),
                     [](const Skipped& a, const Skipped& b) { return a.line < b.line; });
    return result;
}

} // namespace smsdesk
