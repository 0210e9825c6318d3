// FunctionExecutor: results, errors and exceptions, unknown names, timeout and stop, misfire while queued, bursts.
#include "executors/functionexecutor.h"
#include "executors/functionregistry.h"
#include "mock/fakeclock.h"
#include "support/testsupport.h"
#include "util/longtimer.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <stdexcept>

using namespace punctual;

namespace {

constexpr int waitMs = 10000;
constexpr std::int64_t clockStart = 1'700'000'000'000;

ExecutionRequest functionRequest(std::uint64_t token, const QString &name, const QJsonObject &arguments = {})
{
    ExecutionRequest request;
    request.token = token;
    request.jobId = QStringLiteral("job-%1").arg(token);
    request.scheduledTime = clockStart;
    request.action = FunctionAction{name, arguments};
    return request;
}

ExecutionResult resultAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(1).value<ExecutionResult>();
}

std::uint64_t tokenAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<std::uint64_t>();
}

/// Empties a semaphore left with permits by an earlier test.
void drain(QSemaphore &semaphore)
{
    semaphore.tryAcquire(semaphore.available());
}

} // namespace

class TestFunctionExecutor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void runs_data();
    void runs();
    void contextAndThreads();
    void timeout();
    void timeoutNotReached();
    void timeoutLongerThanOneTimerStep();
    void destroyCancels();
    void destroyAbandonsAFunctionThatIgnoresCancellation();
    void stop();
    void stopWhileQueued();
    void stopAll();
    void misfireWhileQueued();
    void burst();
    void rejectsCommandAction();

private:
    FakeClock m_clock{clockStart};
    FunctionRegistry m_registry;
    QSemaphore m_gate;    // "block" waits for a permit
    QSemaphore m_release; // "waitForCancel" waits for a permit after it saw the cancellation
    std::atomic<int> m_countCalls{0};
    std::atomic<bool> m_sawCancel{false};
    // Written by "context" in its worker, read after finished().
    QString m_seenJobId;
    std::int64_t m_seenScheduledTime = 0;
    QJsonObject m_seenArguments;
    QThread *m_seenThread = nullptr;
};

void TestFunctionExecutor::initTestCase()
{
    m_registry.add("echo", [](const FunctionContext &context) {
        return FunctionResult::success(context.arguments.value("text").toString());
    });
    m_registry.add("noop", [](const FunctionContext &) { return FunctionResult::success(); });
    m_registry.add("fail", [](const FunctionContext &) {
        FunctionResult result = FunctionResult::failure("the disk is full");
        result.output = "partial";
        return result;
    });
    m_registry.add("failSilently", [](const FunctionContext &) { return FunctionResult::failure({}); });
    m_registry.add("throwStd", [](const FunctionContext &) -> FunctionResult {
        throw std::runtime_error("boom");
    });
    m_registry.add("throwInt", [](const FunctionContext &) -> FunctionResult { throw 42; });
    m_registry.add("count", [this](const FunctionContext &) {
        ++m_countCalls;
        return FunctionResult::success();
    });
    m_registry.add("block", [this](const FunctionContext &) {
        return m_gate.tryAcquire(1, waitMs) ? FunctionResult::success("released")
                                            : FunctionResult::failure("never released");
    });
    m_registry.add("waitForCancel", [this](const FunctionContext &context) {
        const QDeadlineTimer deadline(waitMs);
        while (!context.isCancelled() && !deadline.hasExpired())
            QThread::usleep(200);
        m_sawCancel = context.isCancelled();
        // Keep the thread a while after the cancellation, as a slow function would.
        m_release.tryAcquire(1, waitMs);
        return FunctionResult::success("late result");
    });
    m_registry.add("context", [this](const FunctionContext &context) {
        m_seenJobId = context.jobId;
        m_seenScheduledTime = context.scheduledTime;
        m_seenArguments = context.arguments;
        m_seenThread = QThread::currentThread();
        return FunctionResult::success();
    });
}

void TestFunctionExecutor::init()
{
    m_clock.setNowMs(clockStart);
    drain(m_gate);
    drain(m_release);
    m_countCalls = 0;
    m_sawCancel = false;
}

void TestFunctionExecutor::cleanup()
{
    // A failed test must not leave a function blocked (the executor's destructor waits for it).
    m_gate.release(100);
    m_release.release(100);
}

void TestFunctionExecutor::runs_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<RunOutcome>("outcome");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("error"); // a part of it; empty: no error
    QTest::addColumn<bool>("began");

    QTest::newRow("success with output") << "echo" << QJsonObject{{"text", "hello"}} << RunOutcome::Success
                                         << "hello" << "" << true;
    QTest::newRow("error result") << "fail" << QJsonObject{} << RunOutcome::Failed << "partial"
                                  << "the disk is full" << true;
    QTest::newRow("error without text") << "failSilently" << QJsonObject{} << RunOutcome::Failed << ""
                                        << "function \"failSilently\" failed" << true;
    QTest::newRow("throws std::exception") << "throwStd" << QJsonObject{} << RunOutcome::Failed << ""
                                           << "function \"throwStd\" threw an exception: boom" << true;
    QTest::newRow("throws anything") << "throwInt" << QJsonObject{} << RunOutcome::Failed << ""
                                     << "function \"throwInt\" threw an unknown exception" << true;
    QTest::newRow("unknown name") << "nope" << QJsonObject{} << RunOutcome::Failed << ""
                                  << "no function named \"nope\" is registered" << false;
}

void TestFunctionExecutor::runs()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, arguments);
    QFETCH(RunOutcome, outcome);
    QFETCH(QString, output);
    QFETCH(QString, error);
    QFETCH(bool, began);

    FunctionExecutor executor(m_registry, m_clock);
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    bool onExecutorThread = true;
    const auto checkThread = [&] { onExecutorThread &= QThread::currentThread() == executor.thread(); };
    connect(&executor, &Executor::started, this, checkThread, Qt::DirectConnection);
    connect(&executor, &Executor::finished, this, checkThread, Qt::DirectConnection);

    executor.start(functionRequest(9, name, arguments));
    QCOMPARE(finishedSpy.count(), 0); // never from inside start()
    QVERIFY(finishedSpy.wait(waitMs));
    QCoreApplication::processEvents();
    QCOMPARE(finishedSpy.count(), 1);
    QCOMPARE(tokenAt(finishedSpy, 0), 9u);
    QCOMPARE(startedSpy.count(), began ? 1 : 0);
    QVERIFY(onExecutorThread);

    const ExecutionResult result = resultAt(finishedSpy, 0);
    QCOMPARE(result.outcome, outcome);
    QCOMPARE(result.output, output);
    if (error.isEmpty())
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    else
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QCOMPARE(result.startTime.has_value(), began);
    if (began) {
        QCOMPARE(*result.startTime, clockStart);
        QCOMPARE(startedSpy.at(0).at(1).value<std::int64_t>(), clockStart);
    }
    QCOMPARE(result.endTime, clockStart);
    QVERIFY(!result.exitCode);
    QCOMPARE(executor.runningCount(), 0);
}

void TestFunctionExecutor::contextAndThreads()
{
    FunctionExecutor executor(m_registry, m_clock);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    ExecutionRequest request = functionRequest(1, "context", QJsonObject{{"table", "tokens"}, {"limit", 500}});
    request.scheduledTime = clockStart - 250;
    executor.start(request);
    QVERIFY(finishedSpy.wait(waitMs));
    QCOMPARE(resultAt(finishedSpy, 0).outcome, RunOutcome::Success);
    QCOMPARE(m_seenJobId, "job-1");
    QCOMPARE(m_seenScheduledTime, clockStart - 250);
    QCOMPARE(m_seenArguments, (QJsonObject{{"table", "tokens"}, {"limit", 500}}));
    QVERIFY(m_seenThread);
    QVERIFY(m_seenThread != QThread::currentThread());
}

void TestFunctionExecutor::timeout()
{
    FunctionExecutor executor(m_registry, m_clock);
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    ExecutionRequest request = functionRequest(2, "waitForCancel");
    request.timeoutMs = 100;
    executor.start(request);
    QVERIFY(finishedSpy.wait(waitMs));
    QCOMPARE(startedSpy.count(), 1);
    const ExecutionResult result = resultAt(finishedSpy, 0);
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QCOMPARE(result.error, "timed out after 0.1s");
    QCOMPARE(result.startTime, clockStart);
    QVERIFY(result.output.isEmpty());

    // The function sees the flag, but it still holds its thread until it returns.
    QTRY_VERIFY_WITH_TIMEOUT(m_sawCancel.load(), waitMs);
    QCOMPARE(executor.runningCount(), 1);
    m_release.release();
    QTRY_COMPARE_WITH_TIMEOUT(executor.runningCount(), 0, waitMs);
    QCOMPARE(finishedSpy.count(), 1); // its late "success" was dropped
}

void TestFunctionExecutor::timeoutLongerThanOneTimerStep()
{
    // The pooled executors' timeout is made of steps too (50 ms stands for QTimer's 24.8 days).
    LongTimer::setMaxStepMs(50);
    const auto restore = qScopeGuard([] { LongTimer::setMaxStepMs(std::numeric_limits<int>::max()); });
    FunctionExecutor executor(m_registry, m_clock);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    ExecutionRequest request = functionRequest(2, "waitForCancel");
    request.timeoutMs = 300;
    QElapsedTimer elapsed;
    elapsed.start();
    executor.start(request);
    QVERIFY(finishedSpy.wait(waitMs));
    QVERIFY2(elapsed.elapsed() >= 300, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(resultAt(finishedSpy, 0).outcome, RunOutcome::TimedOut);
    QTRY_VERIFY_WITH_TIMEOUT(m_sawCancel.load(), waitMs);
    m_release.release();
    QTRY_COMPARE_WITH_TIMEOUT(executor.runningCount(), 0, waitMs);
}

void TestFunctionExecutor::timeoutNotReached()
{
    FunctionExecutor executor(m_registry, m_clock);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    ExecutionRequest quick = functionRequest(1, "echo", QJsonObject{{"text", "in time"}});
    quick.timeoutMs = 50;
    executor.start(quick);
    QVERIFY(finishedSpy.wait(waitMs));
    QCOMPARE(resultAt(finishedSpy, 0).outcome, RunOutcome::Success);

    // A later run that times out after 300 ms: by then a stray 50 ms timer of the first would have fired.
    m_release.release();
    ExecutionRequest slow = functionRequest(2, "waitForCancel");
    slow.timeoutMs = 300;
    executor.start(slow);
    QVERIFY(finishedSpy.wait(waitMs));
    QCOMPARE(finishedSpy.count(), 2);
    QCOMPARE(tokenAt(finishedSpy, 1), 2u);
    QCOMPARE(resultAt(finishedSpy, 1).outcome, RunOutcome::TimedOut);
    QTRY_COMPARE_WITH_TIMEOUT(executor.runningCount(), 0, waitMs);
    QCOMPARE(finishedSpy.count(), 2);
}

void TestFunctionExecutor::destroyCancels()
{
    auto executor = std::make_unique<FunctionExecutor>(m_registry, m_clock);
    QSignalSpy startedSpy(executor.get(), &Executor::started);
    executor->start(functionRequest(1, "waitForCancel"));
    QVERIFY(startedSpy.wait(waitMs));
    m_release.release(); // let it return as soon as it has seen the flag
    executor.reset();    // blocks until the function has returned
    QVERIFY(m_sawCancel.load());
}

void TestFunctionExecutor::destroyAbandonsAFunctionThatIgnoresCancellation()
{
    // A function that never looks at its cancellation flag: destroying the executor (quitting) waits for it only
    // the shutdown grace, then leaves its thread behind.
    struct Stuck
    {
        QSemaphore release;
        std::atomic<bool> returned{false};
    };
    auto stuck = std::make_shared<Stuck>();
    m_registry.add("ignoresCancel", [stuck](const FunctionContext &) {
        stuck->release.acquire();
        stuck->returned = true;
        return FunctionResult::success();
    });
    auto executor = std::make_unique<FunctionExecutor>(m_registry, m_clock);
    executor->setShutdownGraceMs(1000);
    QSignalSpy startedSpy(executor.get(), &Executor::started);
    executor->start(functionRequest(1, "ignoresCancel"));
    QVERIFY(startedSpy.wait(waitMs));

    QElapsedTimer elapsed;
    elapsed.start();
    executor.reset();
    QVERIFY2(elapsed.elapsed() >= 900, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(elapsed.elapsed() < 10'000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(!stuck->returned);

    // When it returns at last, its worker reaches nothing of the executor and lets go of the task: then only the
    // registry still holds the function (and so the Stuck).
    stuck->release.release();
    QTRY_VERIFY_WITH_TIMEOUT(stuck->returned, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stuck.use_count(), 2, waitMs); // ours and the registry's copy
}

void TestFunctionExecutor::stop()
{
    FunctionExecutor executor(m_registry, m_clock);
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    executor.start(functionRequest(3, "waitForCancel"));
    QVERIFY(startedSpy.wait(waitMs));

    executor.stop(12345); // unknown: nothing happens
    QCOMPARE(finishedSpy.count(), 0);

    m_clock.advance(700);
    executor.stop(3);
    QCOMPARE(finishedSpy.count(), 1); // reported before stop() returns
    const ExecutionResult result = resultAt(finishedSpy, 0);
    QCOMPARE(result.outcome, RunOutcome::Interrupted);
    QCOMPARE(result.startTime, clockStart);
    QCOMPARE(result.endTime, clockStart + 700);
    executor.stop(3); // already reported: no second report
    QCOMPARE(finishedSpy.count(), 1);

    QTRY_VERIFY_WITH_TIMEOUT(m_sawCancel.load(), waitMs);
    QCOMPARE(executor.runningCount(), 1);
    m_release.release();
    QTRY_COMPARE_WITH_TIMEOUT(executor.runningCount(), 0, waitMs);
    QCOMPARE(finishedSpy.count(), 1);
}

void TestFunctionExecutor::stopWhileQueued()
{
    FunctionExecutor executor(m_registry, m_clock, 1);
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    executor.start(functionRequest(1, "block"));
    executor.start(functionRequest(2, "count"));
    QVERIFY(startedSpy.wait(waitMs));
    QCOMPARE(executor.runningCount(), 2);

    executor.stop(2);
    QCOMPARE(finishedSpy.count(), 1);
    QCOMPARE(tokenAt(finishedSpy, 0), 2u);
    QCOMPARE(resultAt(finishedSpy, 0).outcome, RunOutcome::Interrupted);
    QVERIFY(!resultAt(finishedSpy, 0).startTime);

    m_gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(executor.runningCount(), 0, waitMs);
    QCOMPARE(finishedSpy.count(), 2);
    QCOMPARE(tokenAt(finishedSpy, 1), 1u);
    QCOMPARE(resultAt(finishedSpy, 1).outcome, RunOutcome::Success);
    QCOMPARE(m_countCalls.load(), 0);
    QCOMPARE(startedSpy.count(), 1);
}

void TestFunctionExecutor::stopAll()
{
    FunctionExecutor executor(m_registry, m_clock, 2);
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    executor.start(functionRequest(1, "block"));
    executor.start(functionRequest(2, "block"));
    executor.start(functionRequest(3, "block")); // queued behind the two threads
    QTRY_COMPARE_WITH_TIMEOUT(startedSpy.count(), 2, waitMs);

    executor.stopAll();
    QCOMPARE(finishedSpy.count(), 3);
    for (qsizetype i = 0; i < finishedSpy.count(); ++i)
        QCOMPARE(resultAt(finishedSpy, i).outcome, RunOutcome::Interrupted);
    QCOMPARE(executor.runningCount(), 3);

    m_gate.release(2); // "block" ignores the flag: free the two running ones
    QTRY_COMPARE_WITH_TIMEOUT(executor.runningCount(), 0, waitMs);
    QCOMPARE(finishedSpy.count(), 3);
    QCOMPARE(startedSpy.count(), 2);
}

void TestFunctionExecutor::misfireWhileQueued()
{
    FunctionExecutor executor(m_registry, m_clock, 1);
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    ExecutionRequest first = functionRequest(1, "block");
    first.misfireGraceMs = 1000;
    ExecutionRequest second = functionRequest(2, "count");
    second.misfireGraceMs = 1000;
    executor.start(first);
    executor.start(second);
    QVERIFY(startedSpy.wait(waitMs));

    m_clock.advance(5000); // the second waits in the queue past its grace time
    m_gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 2, waitMs);
    QCOMPARE(tokenAt(finishedSpy, 0), 1u);
    QCOMPARE(resultAt(finishedSpy, 0).outcome, RunOutcome::Success);
    QCOMPARE(tokenAt(finishedSpy, 1), 2u);
    const ExecutionResult missed = resultAt(finishedSpy, 1);
    QCOMPARE(missed.outcome, RunOutcome::Missed);
    QCOMPARE(missed.lateMs, std::int64_t(5000));
    QVERIFY(!missed.startTime);
    QCOMPARE(missed.endTime, clockStart + 5000);
    QVERIFY2(missed.error.contains("late"), qPrintable(missed.error));
    QCOMPARE(m_countCalls.load(), 0);
    QCOMPARE(startedSpy.count(), 1);
    QCOMPARE(executor.runningCount(), 0);
}

void TestFunctionExecutor::burst()
{
    constexpr int jobs = 10'000;
    FunctionExecutor executor(m_registry, m_clock);
    QCOMPARE(executor.maxThreads(), 10);
    int startedCount = 0;
    int finishedCount = 0;
    int successCount = 0;
    connect(&executor, &Executor::started, this, [&] { ++startedCount; });
    connect(&executor, &Executor::finished, this, [&](std::uint64_t, const ExecutionResult &result) {
        ++finishedCount;
        successCount += result.outcome == RunOutcome::Success;
    });

    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 1; i <= jobs; ++i) {
        ExecutionRequest request = functionRequest(static_cast<std::uint64_t>(i), "noop");
        request.misfireGraceMs = 60'000;
        executor.start(request);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finishedCount, jobs, 60'000);
    qInfo("%d no-op functions ran in %lld ms", jobs, elapsed.elapsed());
    QCOMPARE(successCount, jobs);
    QCOMPARE(startedCount, jobs);
    QCOMPARE(executor.runningCount(), 0);
}

void TestFunctionExecutor::rejectsCommandAction()
{
    FunctionExecutor executor(m_registry, m_clock);
    QVERIFY(executor.accepts(FunctionAction{}));
    QVERIFY(!executor.accepts(CommandAction{}));
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    ExecutionRequest request;
    request.token = 1;
    request.action = CommandAction{};
    executor.start(request);
    QVERIFY(finishedSpy.wait(waitMs));
    QCOMPARE(resultAt(finishedSpy, 0).outcome, RunOutcome::Failed);
    QCOMPARE(executor.runningCount(), 0);
}

QTEST_GUILESS_MAIN(TestFunctionExecutor)
#include "testfunctionexecutor.moc"
