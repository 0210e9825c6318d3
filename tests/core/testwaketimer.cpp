// The real wake timer of an idle scheduler (Linux): one CLOCK_REALTIME timerfd armed for the next run with
// TFD_TIMER_CANCEL_ON_SET, read back from /proc/self/fdinfo. The kernel wakes the scheduler at once when the wall
// clock is set or the machine resumes, with nothing polling meanwhile; the machine's clock is never changed here.
#include "executors/executorset.h"
#include "executors/functionregistry.h"
#include "scheduler/scheduler.h"
#include "scheduler/waketimer.h"
#include "store/memoryjobstore.h"
#include "support/jobbuilder.h"
#include "time/clock.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <cstring>

#include <unistd.h>

using namespace punctual;
using punctual::test::JobBuilder;

namespace {

struct TimerFdState
{
    int clockId = -1;
    int settimeFlags = -1;
    qint64 itValueSeconds = -1; ///< left until it expires (0 0: disarmed)
};

/// The timerfds this process holds, by descriptor.
QMap<int, TimerFdState> timerFds()
{
    QMap<int, TimerFdState> found;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &name : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char target[64] = {};
        const ssize_t size = ::readlink(QFile::encodeName(fds.filePath(name)).constData(), target, sizeof target - 1);
        if (size <= 0 || std::strcmp(target, "anon_inode:[timerfd]") != 0)
            continue;
        QFile info(QStringLiteral("/proc/self/fdinfo/") + name);
        if (!info.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromLatin1(info.readAll());
        TimerFdState state;
        if (const auto m = QRegularExpression(QStringLiteral("clockid:\\s*(\\d+)")).match(text); m.hasMatch())
            state.clockId = m.captured(1).toInt();
        if (const auto m = QRegularExpression(QStringLiteral("settime flags:\\s*(\\d+)")).match(text); m.hasMatch())
            state.settimeFlags = m.captured(1).toInt(nullptr, 8);
        if (const auto m = QRegularExpression(QStringLiteral("it_value:\\s*\\((\\d+),")).match(text); m.hasMatch())
            state.itValueSeconds = m.captured(1).toLongLong();
        found.insert(name.toInt(), state);
    }
    return found;
}

} // namespace

class TestWakeTimer : public QObject
{
    Q_OBJECT

private slots:
    void idleSchedulerIsWokenByAClockChange();
    void firesAtItsTime();
};

void TestWakeTimer::idleSchedulerIsWokenByAClockChange()
{
#ifndef Q_OS_LINUX
    QSKIP("timerfd is Linux's");
#endif
    const auto before = timerFds();
    FunctionRegistry functions;
    MemoryJobStore store;
    const Clock &clock = SystemClock::instance();
    Scheduler scheduler(store, clock, ExecutorSet::standard(clock, functions));
    const std::int64_t now = clock.nowMs();
    QVERIFY(scheduler.addJob(JobBuilder(QStringLiteral("hourly")).interval(3600 * 1000, now + 3600 * 1000)));
    QVERIFY(scheduler.start());

    QList<TimerFdState> added;
    const auto after = timerFds();
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            added << it.value();
    }
    QCOMPARE(added.size(), 1); // the scheduler's one timer: nothing else to wake it
    const TimerFdState &timer = added.front();
    QCOMPARE(timer.clockId, 0);      // CLOCK_REALTIME: the wall clock's time, not an interval
    QCOMPARE(timer.settimeFlags, 3); // TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET: woken when the clock is set
    QVERIFY2(timer.itValueSeconds >= 3590 && timer.itValueSeconds <= 3600,
             qPrintable(QString::number(timer.itValueSeconds))); // armed for the next run, an hour away
}

void TestWakeTimer::firesAtItsTime()
{
    const Clock &clock = SystemClock::instance();
    const auto timer = WakeTimer::createDefault(clock);
    QSignalSpy woke(timer.get(), &WakeTimer::woke);
    timer->armAt(clock.nowMs() + 50);
    QVERIFY(woke.wait(5000));
    QCOMPARE(woke.size(), 1);
}

QTEST_GUILESS_MAIN(TestWakeTimer)
#include "testwaketimer.moc"
