// The opt-out and opt-in keywords: whole message, any case, a closing '.' or '!' allowed.

#include "rules/OptOutKeywords.h"

#include <QTest>

using namespace smsdesk;
using Effect = OptOutKeywords::Effect;

class TestOptOutKeywords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void effects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Effect>("effect");
        for (const char* word : {"STOP", "stop", "Stop", "STOPALL", "unsubscribe", "Cancel", "END",
                                 "quit", "  STOP  ", "Stop.", "STOP!", "stop!!", "Stop !", "end."})
            QTest::newRow(word) << QString::fromLatin1(word) << Effect::OptOut;
        for (const char* word : {"START", "start", "Unstop", "YES", "yes.", " Yes "})
            QTest::newRow(word) << QString::fromLatin1(word) << Effect::OptIn;
        for (const char* text : {"", "please stop", "stop it", "don't stop me now", "STOPPED",
                                 "yes please", "cancel my order 42", "STOP?", "ST0P"})
            QTest::newRow(text) << QString::fromLatin1(text) << Effect::None;
    }

    void effects()
    {
        QFETCH(QString, text);
        QFETCH(Effect, effect);
        QCOMPARE(OptOutKeywords::effectOf(text), effect);
    }
};

QTEST_MAIN(TestOptOutKeywords)
#include "TestOptOutKeywords.moc"
