#pragma once

#include "store/Contact.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace smsdesk {

// Reads names for remote numbers from a CSV file (columns number,name[,note], an optional
// header row naming them) or a vCard file (VCardReader: every telephone number of a card gets
// the card's name and note), for a preview before anything is stored. Numbers are read as a
// person types them (PhoneNumber::parse in the default region) and stored in E.164; a row or
// number that cannot be imported is skipped with the reason (no number, a number that is not
// possible, no name, the same number again). Pure logic: bytes in, contacts out.
class ContactImporter
{
public:
    enum class Format
    {
        Csv,
        VCard
    };

    struct Skipped
    {
        int line = 0;   // where the row or the card starts, 1-based
        QString what;   // the number as written, or the card's name; may be empty
        QString reason; // one sentence
    };

    struct Result
    {
        QList<Contact> contacts; // in file order, one per number
        QList<Skipped> skipped;  // in file order
    };

    explicit ContactImporter(QString defaultRegion);

    Result read(const QByteArray& data, Format format) const;
    // The format a file's name or first bytes say: vCard for .vcf/.vcard or BEGIN:VCARD.
    static Format formatOf(const QString& fileName, const QByteArray& data);

private:
    Result readCsv(const QByteArray& data) const;
    Result readVCard(const QByteArray& data) const;
    // Adds `name` for the number `typed` to `result`, or a reason to skip it.
    void add(Result* result, int line, const QString& typed, const QString& name,
             const QString& note) const;

    QString m_region;
};

} // namespace smsdesk
