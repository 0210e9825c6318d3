// CommandExecutor with real processes: outcomes, output cap, environment, shell mode, tree kills, stop, misfire.
#include "executors/commandexecutor.h"
#include "mock/fakeclock.h"
#include "support/processes.h"
#include "support/testsupport.h"
#include "util/longtimer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

using namespace punctual;
using punctual::test::processGone;
using punctual::test::readPid;

namespace {

constexpr int waitMs = 10000;
constexpr std::int64_t clockStart = 1'700'000'000'000;

ExecutionRequest commandRequest(std::uint64_t token, const QString &program, const QStringList &arguments = {})
{
    CommandAction action;
    action.program = program;
    action.arguments = arguments;
    ExecutionRequest request;
    request.token = token;
    request.jobId = QStringLiteral("job-%1").arg(token);
    request.scheduledTime = clockStart;
    request.action = action;
    return request;
}

CommandAction &command(ExecutionRequest &request)
{
    return std::get<CommandAction>(request.action);
}

ExecutionResult resultAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(1).value<ExecutionResult>();
}

std::uint64_t tokenAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<std::uint64_t>();
}

/// Peak resident memory of this process, in kB.
qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class TestCommandExecutor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void runs_data();
    void runs();
    void couldNotStart();
    void environment();
    void environmentPathFindsProgram();
    void workingDirectory();
    void missingWorkingDirectory();
    void capped_data();
    void capped();
    void floodKeepsTail();
    void floodUntilTimeout();
    void liveOutputComesWhileTheRunGoes();
    void liveOutputIsCoalesced();
    void timeoutKillsTree();
    void timeoutEscalatesToKill();
    void timeoutLongerThanOneTimerStep();
    void stopInterrupts();
    void stopBeforeStarted();
    void stopAll();
    void destroyKillsTree();
    void runsAreRecordedWhileTheyGo();
    void leftoversOfAnEarlierSessionAreEnded();
    void leaderDiesWithTheThreadThatStartedIt();
    void runOutlivesOtherThreads();
    void misfire_data();
    void misfire();
    void signalsOnceEach();
    void rejectsFunctionAction();

private:
    /// Starts @p request and waits for its one finished(); checks nothing is reported from inside start().
    void runToEnd(CommandExecutor &executor, const ExecutionRequest &request, ExecutionResult *result,
                  int *startedCount = nullptr);

    FakeClock m_clock{clockStart};
};

void TestCommandExecutor::init()
{
    m_clock.setNowMs(clockStart);
}

void TestCommandExecutor::runToEnd(CommandExecutor &executor, const ExecutionRequest &request,
                                   ExecutionResult *result, int *startedCount)
{
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    executor.start(request);
    QCOMPARE(finishedSpy.count(), 0);
    QVERIFY(finishedSpy.wait(waitMs));
    QCoreApplication::processEvents();
    QCOMPARE(finishedSpy.count(), 1);
    QCOMPARE(tokenAt(finishedSpy, 0), request.token);
    QVERIFY(startedSpy.count() <= 1);
    *result = resultAt(finishedSpy, 0);
    if (startedCount)
        *startedCount = static_cast<int>(startedSpy.count());
    QCOMPARE(executor.runningCount(), 0);
}

void TestCommandExecutor::runs_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("shell");
    QTest::addColumn<RunOutcome>("outcome");
    QTest::addColumn<int>("exitCode"); // -1: none
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("error"); // a part of it; empty: no error
    QTest::addColumn<bool>("began");

    QTest::newRow("echo") << "/bin/echo" << QStringList{"hello", "world"} << false << RunOutcome::Success << 0
                          << "hello world\n" << "" << true;
    QTest::newRow("found on PATH") << "echo" << QStringList{"via PATH"} << false << RunOutcome::Success << 0
                                   << "via PATH\n" << "" << true;
    QTest::newRow("non-zero exit, stderr merged")
        << "/bin/sh" << QStringList{"-c", "echo out; echo err >&2; exit 3"} << false << RunOutcome::Failed << 3
        << "out\nerr\n" << "exit code 3" << true;
    QTest::newRow("crash") << "/bin/sh" << QStringList{"-c", "echo before; kill -SEGV $$"} << false
                           << RunOutcome::Failed << -1 << "before\n" << "crashed (signal 11)" << true;
    QTest::newRow("not found") << "punctual-no-such-program" << QStringList{} << false << RunOutcome::Failed << -1
                               << "" << "program \"punctual-no-such-program\" was not found" << false;
    QTest::newRow("not found, path") << "/nonexistent/punctual" << QStringList{} << false << RunOutcome::Failed
                                     << -1 << "" << "program \"/nonexistent/punctual\" was not found" << false;
    QTest::newRow("not executable") << "/etc/passwd" << QStringList{} << false << RunOutcome::Failed << -1 << ""
                                    << "program \"/etc/passwd\" is not executable" << false;
    QTest::newRow("a directory") << "/tmp" << QStringList{} << false << RunOutcome::Failed << -1 << ""
                                 << "program \"/tmp\" is not executable" << false;
    QTest::newRow("no program") << "" << QStringList{} << false << RunOutcome::Failed << -1 << ""
                                << "no program was given" << false;
    QTest::newRow("arguments verbatim, no shell")
        << "printf"
        << QStringList{"[%s]\\n", "a b", "'single'", "\"double\"", "$HOME", "*", "", "back\\slash", "; exit 1"}
        << false << RunOutcome::Success << 0
        << "[a b]\n['single']\n[\"double\"]\n[$HOME]\n[*]\n[]\n[back\\slash]\n[; exit 1]\n" << "" << true;
    QTest::newRow("shell, arguments as $1...")
        << "printf '%s|' \"$0\" \"$@\"; exit 4" << QStringList{"a b", "c"} << true << RunOutcome::Failed << 4
        << "sh|a b|c|" << "exit code 4" << true;
    QTest::newRow("shell pipeline") << "echo hello | tr a-z A-Z" << QStringList{} << true << RunOutcome::Success
                                    << 0 << "HELLO\n" << "" << true;
    QTest::newRow("shell, command not found") << "punctual-no-such-program" << QStringList{} << true
                                              << RunOutcome::Failed << 127 << QString() << "exit code 127" << true;
}

void TestCommandExecutor::runs()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(bool, shell);
    QFETCH(RunOutcome, outcome);
    QFETCH(int, exitCode);
    QFETCH(QString, output);
    QFETCH(QString, error);
    QFETCH(bool, began);

    CommandExecutor executor(m_clock);
    ExecutionRequest request = commandRequest(7, program, arguments);
    command(request).useShell = shell;
    ExecutionResult result;
    int startedCount = 0;
    runToEnd(executor, request, &result, &startedCount);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(result.outcome, outcome);
    QCOMPARE(result.exitCode, exitCode < 0 ? std::nullopt : std::optional<int>(exitCode));
    if (!output.isNull())
        QCOMPARE(result.output, output);
    if (error.isEmpty())
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    else
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QCOMPARE(startedCount, began ? 1 : 0);
    QCOMPARE(result.startTime.has_value(), began);
    if (began)
        QCOMPARE(*result.startTime, clockStart);
    QCOMPARE(result.endTime, clockStart);
    QVERIFY(!result.lateMs);
}

void TestCommandExecutor::couldNotStart()
{
    // Executable, but neither a binary nor a script with #!: execve() refuses it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("garbage"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromHex("7f010203") + " not a program");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));

    CommandExecutor executor(m_clock);
    ExecutionResult result;
    int startedCount = 0;
    runToEnd(executor, commandRequest(1, path), &result, &startedCount);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.startsWith(QStringLiteral("could not start: ")), qPrintable(result.error));
    QVERIFY(!result.exitCode);
    QVERIFY(!result.startTime);
    QCOMPARE(startedCount, 0);
}

void TestCommandExecutor::environment()
{
    CommandExecutor executor(m_clock);
    ExecutionRequest request = commandRequest(
        1, "/bin/sh", {"-c", "printf '%s|%s|%s|%s' \"$PUNCTUAL_A\" \"$PUNCTUAL_B\" \"$HOME\" \"${PATH:+has-path}\""});
    command(request).environment = {{"PUNCTUAL_A", "value with spaces"},
                                    {"PUNCTUAL_B", QString::fromUtf8("grüße")},
                                    {"HOME", "/custom/home"}};
    ExecutionResult result;
    runToEnd(executor, request, &result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::Success);
    QCOMPARE(result.output, QString::fromUtf8("value with spaces|grüße|/custom/home|has-path"));
}

void TestCommandExecutor::environmentPathFindsProgram()
{
    // A bare program name is looked up on the PATH the child gets, not only on ours.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile script(dir.filePath(QStringLiteral("punctual-test-script")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho \"script $1\"\n");
    script.close();
    QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner));

    CommandExecutor executor(m_clock);
    ExecutionRequest request = commandRequest(1, "punctual-test-script", {"ran"});
    command(request).environment = {{"PATH", dir.path() + ":/usr/bin:/bin"}};
    ExecutionResult result;
    runToEnd(executor, request, &result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::Success);
    QCOMPARE(result.output, "script ran\n");
}

void TestCommandExecutor::workingDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile script(dir.filePath(QStringLiteral("here.sh")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\npwd -P\n");
    script.close();
    QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner));

    CommandExecutor executor(m_clock);
    ExecutionRequest request = commandRequest(1, "./here.sh"); // relative to the working directory
    command(request).workingDirectory = dir.path();
    ExecutionResult result;
    runToEnd(executor, request, &result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::Success);
    QCOMPARE(result.output, QFileInfo(dir.path()).canonicalFilePath() + "\n");
}

void TestCommandExecutor::missingWorkingDirectory()
{
    CommandExecutor executor(m_clock);
    ExecutionRequest request = commandRequest(1, "/bin/true");
    command(request).workingDirectory = "/nonexistent/punctual-dir";
    ExecutionResult result;
    int startedCount = 0;
    runToEnd(executor, request, &result, &startedCount);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QCOMPARE(result.error, "working directory \"/nonexistent/punctual-dir\" does not exist");
    QVERIFY(!result.startTime);
    QVERIFY(!result.exitCode);
    QCOMPARE(startedCount, 0);
}

void TestCommandExecutor::capped_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<qint64>("cap");
    QTest::addColumn<QString>("output");

    QTest::newRow("cap 0 keeps nothing") << "printf hello" << qint64(0) << "[… 5 bytes dropped]\n";
    QTest::newRow("exactly the cap") << "printf hello" << qint64(5) << "hello";
    QTest::newRow("over the cap") << "printf hello" << qint64(3) << "[… 2 bytes dropped]\nllo";
    QTest::newRow("cut inside a UTF-8 character")
        << QString::fromUtf8("printf 'ééééé'") << qint64(5) << QString::fromUtf8("[… 6 bytes dropped]\néé");
    QTest::newRow("many small writes") << "for i in 1 2 3 4 5 6 7 8 9; do echo $i; sleep 0.01; done" << qint64(4)
                                       << "[… 14 bytes dropped]\n8\n9\n";
}

void TestCommandExecutor::capped()
{
    QFETCH(QString, script);
    QFETCH(qint64, cap);
    QFETCH(QString, output);

    CommandExecutor executor(m_clock);
    ExecutionRequest request = commandRequest(1, script);
    command(request).useShell = true;
    command(request).outputCapBytes = cap;
    ExecutionResult result;
    runToEnd(executor, request, &result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::Success);
    QCOMPARE(result.output, output);
}

void TestCommandExecutor::floodKeepsTail()
{
    constexpr qint64 total = 50'000'000;
    constexpr qint64 cap = 100'000;
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly)) // "5" resets the peak RSS where the kernel allows it
        clearRefs.write("5");
    clearRefs.close();
    const qint64 peakBefore = peakRssKb();

    CommandExecutor executor(m_clock);
    ExecutionRequest request = commandRequest(1, "/bin/sh", {"-c", QStringLiteral("yes | head -c %1").arg(total)});
    command(request).outputCapBytes = cap;
    ExecutionResult result;
    runToEnd(executor, request, &result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::Success);
    const QString expected =
        QStringLiteral("[… %1 bytes dropped]\n").arg(total - cap) + QStringLiteral("y\n").repeated(cap / 2);
    QCOMPARE(result.output.size(), expected.size());
    QCOMPARE(result.output, expected);

    const qint64 growthKb = peakRssKb() - peakBefore;
    qInfo("peak RSS grew by %lld kB while reading %lld bytes", growthKb, total);
    // Reading everything would take 50 MB; the tail is 100 kB (AddressSanitizer's quarantine of freed
    // memory makes the peak meaningless there).
#if !defined(__SANITIZE_ADDRESS__)
    QVERIFY2(growthKb < 25'000, qPrintable(QStringLiteral("peak RSS grew by %1 kB").arg(growthKb)));
#endif
}

void TestCommandExecutor::floodUntilTimeout()
{
    constexpr qint64 cap = 4096;
    CommandExecutor executor(m_clock);
    ExecutionRequest request = commandRequest(1, "/usr/bin/yes");
    command(request).outputCapBytes = cap;
    request.timeoutMs = 500;
    ExecutionResult result;
    runToEnd(executor, request, &result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QCOMPARE(result.error, "timed out after 0.5s");
    const qsizetype newline = result.output.indexOf(QLatin1Char('\n'));
    QVERIFY(result.output.startsWith("[… "));
    QVERIFY(result.output.left(newline).endsWith(" bytes dropped]"));
    const QString tail = result.output.mid(newline + 1);
    QCOMPARE(tail.size(), cap);
    QVERIFY(std::all_of(tail.begin(), tail.end(), [](QChar c) { return c == 'y' || c == '\n'; }));
}

void TestCommandExecutor::liveOutputComesWhileTheRunGoes()
{
    // Lines with pauses longer than the coalescing interval: each comes out while the run still goes, in order,
    // and together they are the recorded output.
    CommandExecutor executor(m_clock);
    QSignalSpy output(&executor, &Executor::outputArrived);
    QSignalSpy finished(&executor, &Executor::finished);
    executor.start(commandRequest(1, "/bin/sh", {"-c", "echo one; sleep 0.5; echo two; sleep 0.5; echo three"}));
    QTRY_VERIFY_WITH_TIMEOUT(output.count() >= 1, waitMs);
    QCOMPARE(finished.count(), 0); // the first line came while the run was going
    QCOMPARE(tokenAt(output, 0), 1u);
    QCOMPARE(output.at(0).at(1).toByteArray(), QByteArray("one\n"));
    QVERIFY(finished.wait(waitMs));
    QByteArray followed;
    for (const QList<QVariant> &chunk : std::as_const(output))
        followed += chunk.at(1).toByteArray();
    QCOMPARE(followed, QByteArray("one\ntwo\nthree\n"));
    QVERIFY2(output.count() >= 2, qPrintable(QString::number(output.count())));
    QCOMPARE(resultAt(finished, 0).output, QStringLiteral("one\ntwo\nthree\n"));
}

void TestCommandExecutor::liveOutputIsCoalesced()
{
    // A flood of output for 0.6 s: at most one outputArrived() per interval, each at most the live cap; the record
    // keeps its own tail as before.
    CommandExecutor executor(m_clock);
    QSignalSpy output(&executor, &Executor::outputArrived);
    ExecutionRequest request = commandRequest(1, "/usr/bin/yes");
    command(request).outputCapBytes = 1000;
    request.timeoutMs = 600;
    QElapsedTimer elapsed;
    elapsed.start();
    ExecutionResult result;
    runToEnd(executor, request, &result);
    if (QTest::currentTestFailed())
        return;
    const qint64 ms = elapsed.elapsed();
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QVERIFY(result.output.endsWith(QStringLiteral("y\n").repeated(500)));
    qint64 bytes = 0;
    for (const QList<QVariant> &chunk : std::as_const(output)) {
        const QByteArray data = chunk.at(1).toByteArray();
        QVERIFY(!data.isEmpty() && data.size() <= Executor::liveOutputCapBytes);
        QVERIFY(data.startsWith("y\n") || data.startsWith("\ny"));
        bytes += data.size();
    }
    qInfo("%lld ms of output: %lld outputArrived() carrying %lld bytes", ms, qint64(output.count()), bytes);
    QVERIFY2(output.count() >= 3, qPrintable(QString::number(output.count())));
    QVERIFY2(output.count() <= ms / Executor::outputIntervalMs + 2,
             qPrintable(QStringLiteral("%1 signals in %2 ms").arg(output.count()).arg(ms)));
}

void TestCommandExecutor::timeoutKillsTree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pidFile = dir.filePath(QStringLiteral("grandchild.pid"));

    CommandExecutor executor(m_clock);
    ExecutionRequest request =
        commandRequest(1, "/bin/sh", {"-c", "sleep 30 & echo $! > \"$1\"; sleep 30", "sh", pidFile});
    request.timeoutMs = 300;
    QElapsedTimer elapsed;
    elapsed.start();
    ExecutionResult result;
    runToEnd(executor, request, &result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QCOMPARE(result.error, "timed out after 0.3s");
    QVERIFY(result.startTime);
    QVERIFY(!result.exitCode);
    QVERIFY2(elapsed.elapsed() < 20'000, "SIGTERM should end it well before the sleeps do");

    const qint64 grandchild = readPid(pidFile);
    QVERIFY(grandchild > 1);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(grandchild), waitMs);
}

void TestCommandExecutor::timeoutLongerThanOneTimerStep()
{
    // A timeout longer than one QTimer holds (24.8 days; here 50 ms stands for it) is not shortened to one step.
    LongTimer::setMaxStepMs(50);
    const auto restore = qScopeGuard([] { LongTimer::setMaxStepMs(std::numeric_limits<int>::max()); });
    CommandExecutor executor(m_clock);
    ExecutionRequest request = commandRequest(1, "/bin/sleep", {"30"});
    request.timeoutMs = 400;
    QElapsedTimer elapsed;
    elapsed.start();
    ExecutionResult result;
    runToEnd(executor, request, &result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QVERIFY2(elapsed.elapsed() >= 400, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(elapsed.elapsed() < 20'000, "ended by the timeout, not by sleep");
}

void TestCommandExecutor::timeoutEscalatesToKill()
{
    // SIGTERM is ignored by the whole tree (inherited through exec): only the SIGKILL after the grace ends it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pidFile = dir.filePath(QStringLiteral("grandchild.pid"));

    CommandExecutor executor(m_clock);
    ExecutionRequest request =
        commandRequest(1, "/bin/sh", {"-c", "trap '' TERM; sleep 30 & echo $! > \"$1\"; wait", "sh", pidFile});
    request.timeoutMs = 200;
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    executor.start(request);
    QVERIFY(startedSpy.wait(waitMs));
    QElapsedTimer sinceStart;
    sinceStart.start();
    QVERIFY(finishedSpy.wait(waitMs));
    QCOMPARE(resultAt(finishedSpy, 0).outcome, RunOutcome::TimedOut);
    // Timeout (200 ms) + grace (2 s); coarse timers may fire a little early.
    QVERIFY2(sinceStart.elapsed() >= CommandExecutor::killGraceMs - 100,
             qPrintable(QString::number(sinceStart.elapsed())));

    const qint64 grandchild = readPid(pidFile);
    QVERIFY(grandchild > 1);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(grandchild), waitMs);
    QCOMPARE(executor.runningCount(), 0);
}

void TestCommandExecutor::stopInterrupts()
{
    CommandExecutor executor(m_clock);
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    executor.start(commandRequest(5, "/bin/sleep", {"30"}));
    QVERIFY(startedSpy.wait(waitMs));
    QCOMPARE(executor.runningCount(), 1);

    executor.stop(999); // unknown: nothing happens
    QCOMPARE(executor.runningCount(), 1);

    m_clock.advance(1500);
    executor.stop(5);
    executor.stop(5); // twice: still one report
    QVERIFY(finishedSpy.wait(waitMs));
    QCoreApplication::processEvents();
    QCOMPARE(finishedSpy.count(), 1);
    const ExecutionResult result = resultAt(finishedSpy, 0);
    QCOMPARE(result.outcome, RunOutcome::Interrupted);
    QCOMPARE(result.startTime, clockStart);
    QCOMPARE(result.endTime, clockStart + 1500);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(executor.runningCount(), 0);
}

void TestCommandExecutor::stopBeforeStarted()
{
    // stop() right after start(), before the started() notification has been delivered.
    CommandExecutor executor(m_clock);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    executor.start(commandRequest(5, "/bin/sleep", {"30"}));
    executor.stop(5);
    QVERIFY(finishedSpy.wait(waitMs));
    QCoreApplication::processEvents();
    QCOMPARE(finishedSpy.count(), 1);
    QCOMPARE(resultAt(finishedSpy, 0).outcome, RunOutcome::Interrupted);
    QCOMPARE(executor.runningCount(), 0);
}

void TestCommandExecutor::stopAll()
{
    CommandExecutor executor(m_clock);
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    for (std::uint64_t token = 1; token <= 3; ++token)
        executor.start(commandRequest(token, "/bin/sleep", {"30"}));
    QTRY_COMPARE_WITH_TIMEOUT(startedSpy.count(), 3, waitMs);
    QCOMPARE(executor.runningCount(), 3);
    executor.stopAll();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 3, waitMs);
    QSet<std::uint64_t> tokens;
    for (qsizetype i = 0; i < finishedSpy.count(); ++i) {
        QCOMPARE(resultAt(finishedSpy, i).outcome, RunOutcome::Interrupted);
        tokens.insert(tokenAt(finishedSpy, i));
    }
    QCOMPARE(tokens, (QSet<std::uint64_t>{1, 2, 3}));
    QCOMPARE(executor.runningCount(), 0);
}

void TestCommandExecutor::destroyKillsTree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pidFile = dir.filePath(QStringLiteral("grandchild.pid"));
    auto executor = std::make_unique<CommandExecutor>(m_clock);
    QSignalSpy startedSpy(executor.get(), &Executor::started);
    executor->start(commandRequest(1, "/bin/sh", {"-c", "sleep 30 & echo $! > \"$1\"; sleep 30", "sh", pidFile}));
    QVERIFY(startedSpy.wait(waitMs));
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 1, waitMs);
    const qint64 grandchild = readPid(pidFile);
    QElapsedTimer elapsed;
    elapsed.start();
    executor.reset();
    QVERIFY2(elapsed.elapsed() < CommandExecutor::killGraceMs + 1000, "SIGKILL is immediate on destruction");
    QTRY_VERIFY_WITH_TIMEOUT(processGone(grandchild), waitMs);
}

void TestCommandExecutor::misfire_data()
{
    QTest::addColumn<qint64>("lateMs");
    QTest::addColumn<qint64>("graceMs"); // -1: no limit
    QTest::addColumn<bool>("missed");

    QTest::newRow("within grace") << qint64(500) << qint64(1000) << false;
    QTest::newRow("exactly the grace") << qint64(1000) << qint64(1000) << false;
    QTest::newRow("past grace") << qint64(5000) << qint64(1000) << true;
    QTest::newRow("zero grace, 1 ms late") << qint64(1) << qint64(0) << true;
    QTest::newRow("no limit") << qint64(86'400'000) << qint64(-1) << false;
}

void TestCommandExecutor::misfire()
{
    QFETCH(qint64, lateMs);
    QFETCH(qint64, graceMs);
    QFETCH(bool, missed);

    CommandExecutor executor(m_clock);
    ExecutionRequest request = commandRequest(3, "/bin/true");
    request.scheduledTime = clockStart - lateMs;
    if (graceMs >= 0)
        request.misfireGraceMs = graceMs;
    ExecutionResult result;
    int startedCount = 0;
    runToEnd(executor, request, &result, &startedCount);
    if (QTest::currentTestFailed())
        return;
    if (missed) {
        QCOMPARE(result.outcome, RunOutcome::Missed);
        QCOMPARE(result.lateMs, lateMs);
        QVERIFY(!result.startTime);
        QVERIFY(!result.exitCode);
        QVERIFY(result.error.contains("late"));
        QCOMPARE(startedCount, 0);
    } else {
        QCOMPARE(result.outcome, RunOutcome::Success);
        QVERIFY(!result.lateMs);
        QCOMPARE(startedCount, 1);
    }
}

void TestCommandExecutor::signalsOnceEach()
{
    CommandExecutor executor(m_clock);
    QList<std::pair<QString, std::uint64_t>> events;
    connect(&executor, &Executor::started, this, [&](std::uint64_t token, std::int64_t startTime) {
        events.append({QStringLiteral("started@%1").arg(startTime - clockStart), token});
    });
    connect(&executor, &Executor::finished, this, [&](std::uint64_t token, const ExecutionResult &result) {
        events.append({QStringLiteral("finished:%1").arg(RunRecord::outcomeName(result.outcome)), token});
    });
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    executor.start(commandRequest(1, "/bin/sh", {"-c", "echo one"}));
    QVERIFY(finishedSpy.wait(waitMs));
    // A second run afterwards: by its end any stray duplicate of the first would have been delivered.
    m_clock.advance(10);
    executor.start(commandRequest(2, "/bin/true"));
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 2, waitMs);
    const QString success = RunRecord::outcomeName(RunOutcome::Success);
    const QList<std::pair<QString, std::uint64_t>> expected{{"started@0", 1},
                                                            {"finished:" + success, 1},
                                                            {"started@10", 2},
                                                            {"finished:" + success, 2}};
    QCOMPARE(events, expected);
}

void TestCommandExecutor::rejectsFunctionAction()
{
    CommandExecutor executor(m_clock);
    QVERIFY(executor.accepts(CommandAction{}));
    QVERIFY(!executor.accepts(FunctionAction{}));

    ExecutionRequest request;
    request.token = 4;
    request.action = FunctionAction{QStringLiteral("cleanup"), {}};
    ExecutionResult result;
    runToEnd(executor, request, &result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY(!result.error.isEmpty());
}

void TestCommandExecutor::runsAreRecordedWhileTheyGo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath("processes.json");
    CommandExecutor executor(m_clock, std::make_unique<ProcessGroupRegistry>(file));
    QSignalSpy startedSpy(&executor, &Executor::started);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    ExecutionRequest request = commandRequest(3, "/bin/sleep", {"30"});
    request.runId = 77;
    executor.start(request);
    QVERIFY(startedSpy.wait(waitMs));

    // While it runs, the file names its group (= the leader's pid), its start time, the job and the run.
    const QList<ProcessGroupRecord> groups = executor.processGroups()->groups();
    QCOMPARE(groups.size(), 1);
    QVERIFY(groups[0].pgid > 1);
    QCOMPARE(groups[0].jobId, QStringLiteral("job-3"));
    QCOMPARE(groups[0].runId, 77);
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QJsonObject group =
        QJsonDocument::fromJson(written.readAll()).object().value("groups").toArray().at(0).toObject();
    QCOMPARE(group.value("pgid").toInteger(), groups[0].pgid);
    QCOMPARE(static_cast<quint64>(group.value("start_ticks").toInteger()),
             ProcessGroupRegistry::processStartTicks(groups[0].pgid));

    // Once the run is reported, it is forgotten (and the file, empty, is gone).
    executor.stop(3);
    QVERIFY(finishedSpy.wait(waitMs));
    QVERIFY(executor.processGroups()->groups().isEmpty());
    QVERIFY(!QFile::exists(file));
}

void TestCommandExecutor::leftoversOfAnEarlierSessionAreEnded()
{
    // A session that dies without ending its runs (here: the executor is leaked, as kill -9 would leave it)...
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath("processes.json");
    const QString pidFile = dir.filePath("grandchild.pid");
    qint64 grandchild = 0;
    {
        ProcessGroupRegistry dead(file);
        const qint64 leader = test::startDetachedGroup("sleep 300 & echo $! > " + pidFile + "; wait");
        QVERIFY(leader > 1);
        QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 1, waitMs);
        grandchild = readPid(pidFile);
        dead.add(leader, "job-1", 1);
    }
    // ...is ended by the next executor over the same file, before it reports anything.
    CommandExecutor next(m_clock, std::make_unique<ProcessGroupRegistry>(file));
    QCOMPARE(next.endLeftovers(), 1);
    QVERIFY(processGone(grandchild));
    QCOMPARE(CommandExecutor(m_clock).endLeftovers(), 0); // without a registry there is nothing to end
}

void TestCommandExecutor::leaderDiesWithTheThreadThatStartedIt()
{
    // The parent death signal is tied to the thread that forked the leader, not to the process: a run started on a
    // thread that then ends dies with it. That is why runs start on the executor's thread, which is the
    // scheduler's (the main thread in both apps) and outlives them. Here the thread ends on purpose.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pidFile = dir.filePath("leader.pid");
    QThread thread;
    thread.start();
    auto executor = std::make_unique<CommandExecutor>(m_clock);
    executor->moveToThread(&thread);
    QThread *testThread = QThread::currentThread();
    QMetaObject::invokeMethod(
        executor.get(),
        [&] {
            executor->start(commandRequest(1, "/bin/sh", {"-c", "echo $$ > \"$1\"; exec sleep 300", "sh", pidFile}));
            executor->moveToThread(testThread); // the run's QProcess goes along; the forking thread stays behind
        },
        Qt::BlockingQueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 1, waitMs);
    const qint64 leader = readPid(pidFile);
    QVERIFY(!processGone(leader));

    QSignalSpy finishedSpy(executor.get(), &Executor::finished);
    thread.quit();
    QVERIFY(thread.wait(waitMs));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(leader), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(resultAt(finishedSpy, 0).error, QStringLiteral("crashed (signal 9)"));
}

void TestCommandExecutor::runOutlivesOtherThreads()
{
    // The guard for the test above: a run started the normal way (on the executor's thread) lives on while other
    // threads of the process come and go, pool threads that expire included.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pidFile = dir.filePath("leader.pid");
    CommandExecutor executor(m_clock);
    QSignalSpy finishedSpy(&executor, &Executor::finished);
    executor.start(commandRequest(1, "/bin/sh", {"-c", "echo $$ > \"$1\"; exec sleep 300", "sh", pidFile}));
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 1, waitMs);
    const qint64 leader = readPid(pidFile);

    QThread *thread = QThread::create([] {});
    thread->start();
    QVERIFY(thread->wait(waitMs));
    delete thread;
    QThreadPool pool;
    pool.setExpiryTimeout(0);
    pool.start([] {});
    QVERIFY(pool.waitForDone(waitMs)); // joins the pool's threads: they have ended

    QVERIFY(!finishedSpy.wait(300)); // a death signal would have been reported as a crash by now
    QVERIFY(!processGone(leader));
    executor.stop(1);
    QVERIFY(finishedSpy.wait(waitMs));
    QCOMPARE(resultAt(finishedSpy, 0).outcome, RunOutcome::Interrupted);
}

QTEST_GUILESS_MAIN(TestCommandExecutor)
#include "testcommandexecutor.moc"
