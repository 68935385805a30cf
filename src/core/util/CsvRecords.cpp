#include "CsvRecords.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace smsdesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::CsvRecords", text);
}
} // namespace

int CsvRecords::firstLineNotUtf8(const QByteArray& data)
{
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        // Stateless: a sequence cut off at the end of the line is an error, not "more to come".
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder(lines.at(i));
        if (decoder.hasError())
            return int(i) + 1;
    }
    return 0;
}
QString CsvRecords::decode(const QByteArray& data)
{
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    return text;
}

bool CsvRecords::isBlank(const QStringList& fields)
{
    for (const QString& field : fields) {
        if (!field.trimmed().isEmpty())
            return false;
    }
    return true;
}

QList<CsvRecords::Record> CsvRecords::parse(const QString& text)
{
    QList<Record> records;
    const qsizetype size = text.size();
    qsizetype i = 0;
    int line = 1;

    // Moves past the end of the current physical line, after an error in it.
    auto skipLine = [&]() {
        while (i < size && text.at(i) != u'\n')
            ++i;
        if (i < size) {
            ++i;
            ++line;
        }
    };

    while (i < size) {
        Record record;
        record.line = line;
        bool endOfRecord = false;
        while (!endOfRecord) {
            QString field;
            if (i < size && text.at(i) == u'"') {
                ++i;
                bool closed = false;
                while (i < size) {
                    const QChar c = text.at(i);
                    if (c == u'"') {
                        if (i + 1 < size && text.at(i + 1) == u'"') {
                            field += u'"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == u'\n')
                        ++line;
                    field += c;
                    ++i;
                }
                if (!closed) {
                    record.error = tr("A quoted field starts in this row and is never closed.");
                    break;
                }
                if (i < size && text.at(i) != u',' && text.at(i) != u'\n' && text.at(i) != u'\r') {
                    record.error = tr("Unexpected text after a closing quote: inside a quoted "
                                      "field, write a quote as two quotes (\"\").");
                    skipLine();
                    break;
                }
            } else {
                while (i < size && text.at(i) != u',' && text.at(i) != u'\n' &&
                       text.at(i) != u'\r') {
                    if (text.at(i) == u'"')
                        break;
                    field += text.at(i);
                    ++i;
                }
                if (i < size && text.at(i) == u'"') {
                    record.error = tr("A quote inside a field that does not start with one: put "
                                      "the whole field in quotes and write the quote as two "
                                      "quotes (\"\").");
                    skipLine();
                    break;
                }
            }
            record.fields << field;

            if (i >= size) {
                endOfRecord = true;
            } else if (text.at(i) == u',') {
                ++i;
            } else { // \n, \r\n or a lone \r
                if (text.at(i) == u'\r' && i + 1 < size && text.at(i + 1) == u'\n')
                    ++i;
                ++i;
                ++line;
                endOfRecord = true;
            }
        }
        records << record;
    }
    return records;
}

} // namespace smsdesk
