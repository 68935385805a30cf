#pragma once

// Helpers shared by the TestProviders*.cpp tests: requests as a provider would send them,
// and access to the one event a webhook carries.

#include "http/HttpRequest.h"
#include "providers/AdapterResult.h"

#include <QByteArray>
#include <QTest>

namespace smsdesk::testing {

inline HttpRequest webhookRequest(const QByteArray& body, const QByteArray& contentType,
                                  const QByteArray& path = "/webhook")
{
    HttpRequest request;
    request.method = "POST";
    request.target = path;
    if (!contentType.isNull())
        request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    request.body = body;
    return request;
}

inline HttpRequest jsonRequest(const QByteArray& body,
                               const QByteArray& contentType = "application/json")
{
    return webhookRequest(body, contentType);
}

inline HttpRequest formRequest(const QByteArray& body,
                               const QByteArray& contentType = "application/x-www-form-urlencoded")
{
    return webhookRequest(body, contentType);
}

// The result's single event as T; fails the test (and returns nullptr) when it is not one.
template <typename T> const T* singleEvent(const AdapterResult& result)
{
    if (!result.ok()) {
        qWarning("rejected (%d %s): %s", result.rejection().httpStatus,
                 qPrintable(result.rejection().outcomeCode), qPrintable(result.rejection().reason));
        return nullptr;
    }
    if (result.events().size() != 1) {
        qWarning("expected one event, got %d", int(result.events().size()));
        return nullptr;
    }
    return std::get_if<T>(&result.events().constFirst());
}

inline QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

} // namespace smsdesk::testing

// Rejection columns used by every provider's rejected_data().
#define SMSDESK_REJECTION_COLUMNS()                                                                \
    QTest::addColumn<QByteArray>("body");                                                          \
    QTest::addColumn<QByteArray>("contentType");                                                   \
    QTest::addColumn<int>("status");                                                               \
    QTest::addColumn<QString>("outcome");                                                          \
    QTest::addColumn<QString>("field");                                                            \
    QTest::addColumn<QString>("reason")

// Checks a rejection against the current row of those columns.
#define SMSDESK_CHECK_REJECTION(result)                                                            \
    do {                                                                                           \
        QFETCH(int, status);                                                                       \
        QFETCH(QString, outcome);                                                                  \
        QFETCH(QString, field);                                                                    \
        QFETCH(QString, reason);                                                                   \
        QVERIFY2(!(result).ok(), "the request was accepted");                                      \
        QVERIFY((result).events().isEmpty());                                                      \
        QCOMPARE((result).rejection().httpStatus, status);                                         \
        QCOMPARE((result).rejection().outcomeCode, outcome);                                       \
        QCOMPARE((result).rejection().field, field);                                               \
        QVERIFY2((result).rejection().reason.contains(reason),                                     \
                 qPrintable((result).rejection().reason));                                         \
    } while (false)
