#pragma once

#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace smsdesk {

// What a DatabaseWorker job read with one of the store's readers, handed back to the GUI
// thread: the value, or none with the reader's error (none without an error: nothing is
// stored under that key). For example:
//
//   worker.post<StoreRead<RequestLogEntry>>(
//       [id](QSqlDatabase& db) {
//           const RequestLogReader reader(db);
//           return StoreRead<RequestLogEntry>::of(reader, reader.find(id));
//       },
//       this, [this](StoreRead<RequestLogEntry> read) { ... });
template <typename T> struct StoreRead
{
    std::optional<T> value;
    QString error;

    // `value` as `reader` just read it, with the reader's lastError() after that read.
    template <typename Reader> static StoreRead of(const Reader& reader, std::optional<T> value)
    {
        return StoreRead{std::move(value), reader.lastError()};
    }
};

// A page of rows a list model read with one of the store's readers (none, with the reader's
// error, when the read failed), handed back to the GUI thread.
template <typename Row> struct StorePage
{
    QList<Row> rows;
    QString error;

    // `rows` as `reader` just read them, with the reader's lastError() after that read.
    template <typename Reader> static StorePage of(const Reader& reader, QList<Row> rows)
    {
        return StorePage{std::move(rows), reader.lastError()};
    }
};

} // namespace smsdesk
