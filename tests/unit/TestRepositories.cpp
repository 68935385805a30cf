#include <QTest>
class TestRepositories : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestRepositories)
#include "TestRepositories.moc"
