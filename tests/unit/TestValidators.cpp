#include "provisioning/NumberValidator.h"
#include "provisioning/PlanValidator.h"
#include "secrets/PathToken.h"

#include <QTest>

using namespace smsdesk;
using Field = NumberValidator::Field;

Q_DECLARE_METATYPE(NumberValidator::Field)

namespace {
NumberDraft validDraft(const QString& provider)
{
    NumberDraft draft;
    draft.number = QStringLiteral("(404) 555-9999");
    draft.provider = provider;
    draft.label = QStringLiteral("  Front desk ");
    draft.webhookUrl = QStringLiteral("https://sms.example.com/webhooks/") + provider;
    draft.fallbackEmail = QStringLiteral("desk@example.com");
    draft.serviceId = QStringLiteral("SVC-1001");
    draft.clientId = QStringLiteral("550e8400-e29b-41d4-a716-446655440000");
    draft.deviceId = QStringLiteral("1234");
    draft.sim = 1;
    return draft;
}
} // namespace

class TestValidators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validDraftNormalised()
    {
        const auto result =
            NumberValidator(QStringLiteral("US")).validate(validDraft(QStringLiteral("pbx")));
        QVERIFY2(result.ok(), qPrintable(result.firstError()));
        QCOMPARE(result.record.e164, QStringLiteral("+14045559999"));
        QCOMPARE(result.record.label, QStringLiteral("Front desk"));
        QCOMPARE(result.record.serviceId, QStringLiteral("SVC-1001"));
        // Ids of other providers are not kept.
        QVERIFY(result.record.clientId.isEmpty());
        QVERIFY(result.record.deviceId.isEmpty());
        QCOMPARE(result.record.sim, -1);
    }

    void providerIdsKeptForTheirProvider()
    {
        const NumberValidator validator(QStringLiteral("US"));
        const auto zonitel = validator.validate(validDraft(QStringLiteral("zonitel")));
        QVERIFY2(zonitel.ok(), qPrintable(zonitel.firstError()));
        QCOMPARE(zonitel.record.clientId, QStringLiteral("550e8400-e29b-41d4-a716-446655440000"));
        QVERIFY(zonitel.record.serviceId.isEmpty());

        const auto gateway = validator.validate(validDraft(QStringLiteral("android-gateway")));
        QVERIFY2(gateway.ok(), qPrintable(gateway.firstError()));
        QCOMPARE(gateway.record.deviceId, QStringLiteral("1234"));
        QCOMPARE(gateway.record.sim, 1);

        NumberDraft noSim = validDraft(QStringLiteral("android-gateway"));
        noSim.sim = -1;
        QCOMPARE(validator.validate(noSim).record.sim, 0);
    }

    void invalidFields_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<Field>("expectedField");
        QTest::addColumn<QString>("reason");

        QTest::newRow("impossible number")
            << "oncloud"
            << "number"
            << "(404) 555-99999" << Field::Number << "not a valid number";
        QTest::newRow("unknown time zone") << "android-gateway"
                                           << "timeZone"
                                           << "Mars/Olympus_Mons" << Field::TimeZone << "IANA";
        QTest::newRow("unknown provider") << "twilio"
                                          << ""
                                          << "" << Field::Provider << "oncloud, pbx";
        QTest::newRow("url without scheme")
            << "oncloud"
            << "webhookUrl"
            << "sms.example.com/hook" << Field::WebhookUrl << "http:// or https://";
        QTest::newRow("ftp url") << "oncloud"
                                 << "webhookUrl"
                                 << "ftp://example.com/hook" << Field::WebhookUrl
                                 << "http:// or https://";
        QTest::newRow("zonitel needs https")
            << "zonitel"
            << "webhookUrl"
            << "http://sms.example.com/hook" << Field::WebhookUrl << "https://";
        QTest::newRow("email without domain") << "oncloud"
                                              << "fallbackEmail"
                                              << "desk@" << Field::FallbackEmail << "email address";
        QTest::newRow("email with space")
            << "oncloud"
            << "fallbackEmail"
            << "front desk@example.com" << Field::FallbackEmail << "email address";
        QTest::newRow("service id with space") << "pbx"
                                               << "serviceId"
                                               << "SVC 1" << Field::ServiceId << "spaces";
        QTest::newRow("client id not uuid") << "zonitel"
                                            << "clientId"
                                            << "client-7" << Field::ClientId << "UUID";
        QTest::newRow("device id missing") << "android-gateway"
                                           << "deviceId"
                                           << "" << Field::DeviceId << "device id";
        QTest::newRow("device id not numeric") << "android-gateway"
                                               << "deviceId"
                                               << "pixel" << Field::DeviceId << "whole number";
        QTest::newRow("sim 2") << "android-gateway"
                               << "sim"
                               << "2" << Field::Sim << "0 or 1";
        QTest::newRow("secret with newline") << "oncloud"
                                             << "secret"
                                             << "abc\ndef" << Field::Secret << "line breaks";
        QTest::newRow("zonitel auth without bearer")
            << "zonitel"
            << "authHeader"
            << "Token abc" << Field::AuthHeader << "Bearer ";
        QTest::newRow("auth with non-ascii") << "oncloud"
                                             << "authHeader"
                                             << "Token caf\u00e9" << Field::AuthHeader << "ASCII";
        QTest::newRow("label too long") << "oncloud"
                                        << "label" << QString(101, u'x') << Field::Label << "100";
        QTest::newRow("path token too short")
            << "pbx"
            << "pathToken" << QString(21, u'a') << Field::PathToken << "22";
        QTest::newRow("path token too long")
            << "pbx"
            << "pathToken" << QString(129, u'a') << Field::PathToken << "128";
        QTest::newRow("path token with slash")
            << "pbx"
            << "pathToken"
            << "abcdefghijk/mnopqrstuvwxyz" << Field::PathToken << "'-' and '_'";
        QTest::newRow("path token with percent")
            << "pbx"
            << "pathToken"
            << "abcdefghijk%20nopqrstuvwxyz" << Field::PathToken << "letters, digits";
        QTest::newRow("path token base64 padding")
            << "pbx"
            << "pathToken"
            << "abcdefghijklmnopqrstuvwxyz0=" << Field::PathToken << "letters, digits";
    }

    void invalidFields()
    {
        QFETCH(QString, provider);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(Field, expectedField);
        QFETCH(QString, reason);

        NumberDraft draft = validDraft(provider);
        if (field == u"number")
            draft.number = value;
        else if (field == u"webhookUrl")
            draft.webhookUrl = value;
        else if (field == u"fallbackEmail")
            draft.fallbackEmail = value;
        else if (field == u"serviceId")
            draft.serviceId = value;
        else if (field == u"clientId")
            draft.clientId = value;
        else if (field == u"deviceId")
            draft.deviceId = value;
        else if (field == u"sim")
            draft.sim = value.toInt();
        else if (field == u"secret")
            draft.secret = value;
        else if (field == u"authHeader")
            draft.authHeader = value;
        else if (field == u"label")
            draft.label = value;
        else if (field == u"pathToken")
            draft.pathToken = value;
        else if (field == u"timeZone")
            draft.timeZone = value;

        const auto result = NumberValidator(QStringLiteral("US")).validate(draft);
        QVERIFY(!result.ok());
        QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.errors.contains(expectedField));
        QVERIFY2(result.errors.value(expectedField).contains(reason),
                 qPrintable(result.errors.value(expectedField)));
    }

    // Strict with what people type, but not stricter than the phone number data can be: a
    // possible number the data does not know is saved, with a warning to show.
    void possibleButUnknownNumberWarns()
    {
        const NumberValidator validator(QStringLiteral("US"));
        NumberDraft draft = validDraft(QStringLiteral("zonitel"));
        draft.number = QStringLiteral("+10000000020");
        const auto zonitel = validator.validate(draft);
        QVERIFY2(zonitel.ok(), qPrintable(zonitel.firstError()));
        QCOMPARE(zonitel.record.e164, QStringLiteral("+10000000020"));
        QCOMPARE(zonitel.warnings.keys(), QList<Field>{Field::Number});
        QVERIFY(zonitel.warnings.value(Field::Number).contains(QStringLiteral("check that")));

        draft.number = QStringLiteral("+447700900123");
        QVERIFY(validator.validate(draft).ok());
        QVERIFY(!validator.validate(draft).warnings.isEmpty());
        draft.number = QStringLiteral("(404) 555-9999");
        QVERIFY(validator.validate(draft).warnings.isEmpty());
    }

    void gatewayTimeZone()
    {
        const NumberValidator validator(QStringLiteral("US"));
        NumberDraft draft = validDraft(QStringLiteral("android-gateway"));
        QCOMPARE(validator.validate(draft).record.timeZone, QString()); // the system's
        draft.timeZone = QStringLiteral(" Australia/Sydney ");
        const auto result = validator.validate(draft);
        QVERIFY2(result.ok(), qPrintable(result.firstError()));
        QCOMPARE(result.record.timeZone, QStringLiteral("Australia/Sydney"));
        // Only the gateway sends times without a zone.
        NumberDraft pbx = validDraft(QStringLiteral("pbx"));
        pbx.timeZone = QStringLiteral("Australia/Sydney");
        QVERIFY(validator.validate(pbx).record.timeZone.isEmpty());
    }

    void optionalFieldsMayBeEmpty()
    {
        NumberDraft draft;
        draft.number = QStringLiteral("+1 404 555 9999");
        draft.provider = QStringLiteral("oncloud");
        draft.secret = QString(); // cleared
        const auto result = NumberValidator(QStringLiteral("AU")).validate(draft);
        QVERIFY2(result.ok(), qPrintable(result.firstError()));
        QCOMPARE(result.record.e164, QStringLiteral("+14045559999"));
    }

    void pathTokens()
    {
        const NumberValidator validator(QStringLiteral("US"));
        NumberDraft draft = validDraft(QStringLiteral("pbx"));

        // Not given, or removed: valid, and no hash.
        QVERIFY(validator.validate(draft).ok());
        QVERIFY(validator.validate(draft).record.pathTokenHash.isEmpty());
        draft.pathToken = QString();
        QVERIFY(validator.validate(draft).ok());
        QVERIFY(validator.validate(draft).record.pathTokenHash.isEmpty());

        // A generated token is well formed; the record carries its hash, not the token.
        const QString generated = PathToken::generate();
        QCOMPARE(generated.size(), 43);
        QVERIFY(generated != PathToken::generate());
        draft.pathToken = generated;
        const auto result = validator.validate(draft);
        QVERIFY2(result.ok(), qPrintable(result.firstError()));
        QCOMPARE(result.record.pathTokenHash, PathToken::hash(generated.toUtf8()));
        QCOMPARE(result.record.pathTokenHash.size(), 64);

        // The bounds are inclusive, and every allowed character is allowed.
        for (const QString& token :
             {QString(PathToken::MinLength, u'x'), QString(PathToken::MaxLength, u'Z'),
              QStringLiteral("ABCxyz0189-_-_-_-_-_-_")}) {
            draft.pathToken = token;
            QVERIFY2(validator.validate(draft).ok(), qPrintable(token));
            QCOMPARE(NumberValidator::checkPathToken(token), QString());
        }
        QCOMPARE(NumberValidator::fieldName(Field::PathToken), QStringLiteral("path token"));

        // The stored hash is SHA-256 in lower-case hex (FIPS 180-2 test vector "abc").
        QCOMPARE(
            PathToken::hash("abc"),
            QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void zonitelBearerAccepted()
    {
        NumberDraft draft = validDraft(QStringLiteral("zonitel"));
        draft.authHeader = QStringLiteral("Bearer eyJhbGciOi.abc-123");
        QVERIFY(NumberValidator(QStringLiteral("US")).validate(draft).ok());
    }

    void plans()
    {
        PlanRecord plan;
        plan.name = QStringLiteral("  Starter  ");
        plan.monthlyLimit = 500;
        plan.cycleDay = 31;
        QVERIFY(PlanValidator::validate(plan).isEmpty());
        QCOMPARE(plan.name, QStringLiteral("Starter"));

        PlanRecord bad;
        bad.name = QStringLiteral("   ");
        bad.monthlyLimit = 0;
        bad.cycleDay = 32;
        const auto errors = PlanValidator::validate(bad);
        QCOMPARE(errors.size(), 3);
        QVERIFY(errors.value(PlanValidator::Field::Name).contains(QLatin1String("name")));
        QVERIFY(errors.value(PlanValidator::Field::MonthlyLimit).contains(QLatin1String("1 to")));
        QVERIFY(errors.value(PlanValidator::Field::CycleDay).contains(QLatin1String("1 to 31")));
    }
};

QTEST_GUILESS_MAIN(TestValidators)
#include "TestValidators.moc"
