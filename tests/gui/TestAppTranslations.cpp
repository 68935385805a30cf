// The built-in catalogues: English gives the plural forms of the source texts ("%n request(s)"
// reads "1 request", "2 requests"), under an English locale and under one whose catalogue lacks
// a message; and the Inspector says how many requests it lists in proper English.
#include "GuiTestContext.h"
#include "ListenerController.h"
#include "inspector/InspectorPage.h"
#include "inspector/RequestLogModel.h"
#include "store/MessageWriter.h"
#include "widgets/AppTranslations.h"

#include <QApplication>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <memory>

using namespace smsdesk;
using test::child;

class TestAppTranslations : public QObject
{
    Q_OBJECT

    static QString translate(const char* context, const char* text, int n)
    {
        return QCoreApplication::translate(context, text, nullptr, n);
    }

    void removeTranslators()
    {
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::GuiTestContext::useTestSettings(QStringLiteral("test_gui_translations"));
    }

    void cleanup() { removeTranslators(); }

    void withoutCatalogueTheSourceShows()
    {
        // What the English catalogue is for.
        QCOMPARE(translate("smsdesk::InspectorPage", "%n request(s)", 2),
                 QStringLiteral("2 request(s)"));
    }

    void englishGivesThePluralForms_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::newRow("English") << QStringLiteral("en_US");
        QTest::newRow("British") << QStringLiteral("en_GB");
        QTest::newRow("German (its catalogue lacks them)") << QStringLiteral("de_DE");
        QTest::newRow("C") << QStringLiteral("C");
    }

    void englishGivesThePluralForms()
    {
        QFETCH(QString, locale);
        const QStringList loaded = AppTranslations::install(*qApp, QLocale(locale));
        // English first (asked last); the locale's own on top when there is one.
        QVERIFY2(loaded.startsWith(QStringLiteral("en")), qPrintable(loaded.join(u',')));
        if (!locale.startsWith(QLatin1String("de")))
            QCOMPARE(loaded, QStringList{QStringLiteral("en")});

        QCOMPARE(translate("smsdesk::InspectorPage", "%n request(s)", 1),
                 QStringLiteral("1 request"));
        QCOMPARE(translate("smsdesk::InspectorPage", "%n request(s)", 2),
                 QStringLiteral("2 requests"));
        QCOMPARE(translate("smsdesk::InspectorPage", "%n request(s)", 0),
                 QStringLiteral("0 requests"));
        QCOMPARE(translate("smsdesk::InspectorExports", "Exported %n request(s) to %1", 1)
                     .arg(QStringLiteral("/tmp/x.jsonl")),
                 QStringLiteral("Exported 1 request to /tmp/x.jsonl"));
        QCOMPARE(translate("smsdesk::FaultDrillDialog", "%n webhook(s) left", 1),
                 QStringLiteral("1 webhook left"));
        QCOMPARE(translate("smsdesk::FaultDrillDialog",
                           "The next %n webhook(s) are stored, then answered 500: the provider "
                           "will retry them and they will show as duplicates.",
                           1),
                 QStringLiteral("The next webhook is stored, then answered 500: the provider "
                                "will retry it and it will show as a duplicate."));
        QCOMPARE(translate("smsdesk::MessageTimelineView", "%Ln status report(s)", 3),
                 QStringLiteral("3 status reports"));
        // The texts of the pure helpers (a file-local tr() in each, with Qt's signature).
        QCOMPARE(translate("smsdesk::DashboardText", "%n day(s) left", 1),
                 QStringLiteral("1 day left"));
        QCOMPARE(translate("smsdesk::DashboardText", "%n day(s) left", 16),
                 QStringLiteral("16 days left"));
        QCOMPARE(translate("smsdesk::ComposeText", "%1 / %2 \u00b7 %n day(s) left", 3),
                 QStringLiteral("%1 / %2 \u00b7 3 days left"));
    }

    // Every plural message of the sources has its English forms, none says "(s)".
    void everyPluralIsTranslated()
    {
        AppTranslations::install(*qApp, QLocale(QStringLiteral("en_US")));
        struct Message
        {
            const char* context;
            const char* text;
        };
        const Message messages[] = {
            {"smsdesk::InspectorPage", "%n request(s) listed, more below"},
            {"smsdesk::InspectorPage", "%n request(s) listed, newer ones above"},
            {"smsdesk::InspectorPage", "%n request(s) listed, more above and below"},
            {"smsdesk::MessageTimelineModel", "%Ln more webhook request(s) not shown"},
            {"smsdesk::MessageTimelineModel", "%Ln more status report(s) not shown"},
            {"smsdesk::MessageTimelineView", "%Ln webhook request(s)"},
            {"smsdesk::FaultDrillDialog",
             "For %n minute(s), until %1, every webhook is stored, then answered 500: the "
             "provider will retry them and they will show as duplicates."},
        };
        for (const Message& message : messages) {
            for (const int n : {1, 7}) {
                const QString text = translate(message.context, message.text, n);
                QVERIFY2(!text.contains(QStringLiteral("(s)")), qPrintable(text));
                QVERIFY2(text.contains(QString::number(n)), qPrintable(text));
            }
        }
    }

    void inspectorCountsInEnglish()
    {
        AppTranslations::install(*qApp, QLocale(QStringLiteral("en_US")));
        test::GuiTestContext fixture;
        QString error;
        QVERIFY2(fixture.open(&error), qPrintable(error));
        {
            MessageWriter writer(fixture.context().database(), fixture.clock());
            WriteJob job;
            RequestLogRow log;
            log.peer = QStringLiteral("127.0.0.1:40000");
            log.method = QStringLiteral("POST");
            log.target = QStringLiteral("/nowhere");
            log.outcome = QStringLiteral("unknown-path");
            log.responseStatus = 404;
            job.requestLog = log;
            bool written = false;
            writer.submit(std::move(job), this,
                          [&](const WriteOutcome& outcome) { written = outcome.ok(); });
            QTRY_VERIFY(written);
        }
        ListenerController listener(fixture.context(), test::GuiTestContext::loopbackListener());
        InspectorPage page(fixture.context(), listener);
        page.show();
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QTRY_COMPARE(child<QLabel>(&page, "countLabel")->text(), QStringLiteral("1 request"));
    }
};

QTEST_MAIN(TestAppTranslations)
#include "TestAppTranslations.moc"
