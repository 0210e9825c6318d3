// LongTimer: a wait longer than one QTimer step (24.8 days) is made of steps and still ends on time, once.
#include "util/longtimer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace punctual;

class TestLongTimer : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { LongTimer::setMaxStepMs(std::numeric_limits<int>::max()); }
    void waitLongerThanOneStepFiresOnceAtTheEnd();
    void stopEndsTheChain();
    void realLimitIsQTimers();
};

void TestLongTimer::waitLongerThanOneStepFiresOnceAtTheEnd()
{
    LongTimer::setMaxStepMs(40); // stands for QTimer's 24.8 days: a 250 ms wait takes 7 steps
    LongTimer timer;
    QSignalSpy fired(&timer, &LongTimer::timeout);
    QElapsedTimer elapsed;
    elapsed.start();
    timer.start(250);
    QVERIFY(fired.wait(5000));
    QVERIFY2(elapsed.elapsed() >= 250, qPrintable(QString::number(elapsed.elapsed())));
    QTest::qWait(150);
    QCOMPARE(fired.count(), 1);
    QVERIFY(!timer.isActive());
}

void TestLongTimer::stopEndsTheChain()
{
    LongTimer::setMaxStepMs(30);
    LongTimer timer;
    QSignalSpy fired(&timer, &LongTimer::timeout);
    timer.start(200);
    QTest::qWait(70); // two steps in
    QVERIFY(timer.isActive());
    timer.stop();
    QTest::qWait(300);
    QCOMPARE(fired.count(), 0);
}

void TestLongTimer::realLimitIsQTimers()
{
    QCOMPARE(LongTimer::maxStepMs(), std::int64_t(std::numeric_limits<int>::max()));
    LongTimer timer;
    timer.start(40LL * 24 * 3600 * 1000); // 40 days: accepted, armed, not clamped to fire at 24.8 days
    QVERIFY(timer.isActive());
    timer.stop();
}

QTEST_GUILESS_MAIN(TestLongTimer)
#include "testlongtimer.moc"
