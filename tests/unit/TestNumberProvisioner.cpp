#include <QTest>
class TestNumberProvisioner : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestNumberProvisioner)
#include "TestNumberProvisioner.moc"
