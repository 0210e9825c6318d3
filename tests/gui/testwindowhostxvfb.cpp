// The window as a client of a scheduler host in another process, on a real X server (Xvfb, no tray):
// - a host started first (`punctualctl run`), then a window in this process: it lists the host's jobs, a pause made
//   with punctualctl shows within 1 s, a run started from the window shows as Running with its output growing
//   while it runs, and Stop ends it;
// - the real `punctual` binary with no host and no tray: it starts a host, `kill -9` of the window leaves the runs
//   going, a second window attaches to the same host, and quitting the window (keeping the jobs running, the
//   default answer) leaves the runs going.
// Xvfb, xwininfo (x11-utils) and xdotool must be installed (scripts/install-deps); without them the test fails and
// says so: it never skips.
#include "control/instancelock.h"
#include "control/schedulerclient.h"
#include "executors/builtinfunctions.h"
#include "executors/functionregistry.h"
#include "mainwindow.h"
#include "models/joblistmodel.h"
#include "store/storelocation.h"
#include "support/xsession.h"
#include "time/clock.h"
#include "widgets/runhistorypane.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTableView>
#include <QTest>

#include <csignal>
#include <memory>

using namespace punctual;
using namespace punctual::test;

namespace {

XSession *session = nullptr;

/// Runs punctualctl on @p store to its end; its standard output, or a failure naming its error output.
QString punctualctl(const QString &store, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(PUNCTUALCTL_PATH), QStringList{QStringLiteral("--db"), store} + arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning("punctualctl %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 process.readAllStandardError().constData());
        return QStringLiteral("(failed)");
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

int lineCount(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? static_cast<int>(file.readAll().count('\n')) : 0;
}

bool isAlive(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

/// Ends the host of @p store (a detached one is no child of ours) and waits until its socket is gone.
void stopHost(const QString &store)
{
    if (const auto pid = InstanceLock::runningInstancePid(store)) {
        ::kill(static_cast<pid_t>(*pid), SIGTERM);
        if (!QTest::qWaitFor([&] { return !isAlive(*pid); }, 15000))
            qWarning("the host (pid %lld) did not end within 15 s of SIGTERM", static_cast<long long>(*pid));
    }
}

bool xdotool(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("xdotool"), arguments);
    return process.waitForFinished(10000) && process.exitCode() == 0;
}

} // namespace

class TestWindowHostXvfb : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void windowFollowsAHostStartedFirst();
    void realWindowStartsAHostThatOutlivesIt();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QStringList m_stores;
};

void TestWindowHostXvfb::initTestCase()
{
    if (!session->error.isEmpty())
        QFAIL(qPrintable(session->error));
    QCOMPARE(QGuiApplication::platformName(), QString("xcb"));
}

void TestWindowHostXvfb::cleanupTestCase()
{
    for (const QString &store : std::as_const(m_stores))
        stopHost(store);
}

void TestWindowHostXvfb::windowFollowsAHostStartedFirst()
{
    const QString store = m_dir.filePath(QStringLiteral("first.db"));
    m_stores << store;
    QProcess host;
    host.setProcessChannelMode(QProcess::ForwardedChannels);
    host.start(QStringLiteral(PUNCTUALCTL_PATH), {QStringLiteral("--db"), store, QStringLiteral("run")});
    QVERIFY(host.waitForStarted(10000));
    QTRY_COMPARE_WITH_TIMEOUT(InstanceLock::runningInstancePid(store), std::optional<qint64>(host.processId()), 15000);
    punctualctl(store, {"add", "--id", "backup", "--name", "Backup", "--every", "1h", "--", "/bin/true"});
    punctualctl(store, {"add", "--id", "report", "--every", "2h", "--", "/bin/true"});
    punctualctl(store, {"add", "--id", "slow", "--every", "6h", "--", "/bin/sh", "-c",
                        "echo started; sleep 1; echo still going; sleep 60"});

    // The window of this process, attached to that host as the app attaches it.
    SystemClock clock;
    FunctionRegistry functions;
    registerBuiltinFunctions(functions);
    const StoreLocation location = StoreLocation::fromPath(store);
    SchedulerClient client(location.resolvedPath());
    client.setWindow(true);
    client.connectToHost();
    MainWindow window({client, clock, functions, [location] { return location.openReadOnly(); }, location.describe()});
    window.setConfirmation([](const QString &, const QString &, const QString &) { return true; });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    JobListModel *model = window.jobModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
    QCOMPARE(model->jobAt(model->rowOf("backup"))->name, QString("Backup"));
    QCOMPARE(client.hostStatus().value(QStringLiteral("pid")).toInteger(), host.processId());

    // A pause made with punctualctl (through the host) shows within a second.
    QCOMPARE(punctualctl(store, {"pause", "backup"}), QString());
    QElapsedTimer shown;
    shown.start();
    QTRY_VERIFY_WITH_TIMEOUT(model->jobAt(model->rowOf("backup"))->paused, 1000);
    qInfo("a pause made with punctualctl showed in the window %lld ms after punctualctl ended", shown.elapsed());
    QCOMPARE(model->shownState(model->rowOf("backup")), JobListModel::ShownState::Paused);

    // Run now from the window: the host runs it, the window shows it running and its output as it comes.
    QVERIFY(window.selectJob("slow"));
    window.action(MainWindow::Command::RunNow)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model->shownState(model->rowOf("slow")), JobListModel::ShownState::Running, 5000);
    auto *output = window.historyPane()->findChild<QPlainTextEdit *>(QStringLiteral("runOutput"));
    QVERIFY(output);
    QTRY_VERIFY_WITH_TIMEOUT(output->toPlainText().contains("started"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(output->toPlainText().contains("still going"), 5000);
    QCOMPARE(model->shownState(model->rowOf("slow")), JobListModel::ShownState::Running);

    // Stop ends it; the history says it was stopped.
    QTRY_VERIFY(window.action(MainWindow::Command::Stop)->isEnabled());
    window.action(MainWindow::Command::Stop)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model->shownState(model->rowOf("slow")) != JobListModel::ShownState::Running, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(punctualctl(store, {"history", "slow"}).contains("interrupted"), 10000);

    // The host was never the window: it still runs, alone, after the window is gone.
    client.disconnectFromHost();
    QCOMPARE(host.state(), QProcess::Running);
    host.terminate();
    QVERIFY(host.waitForFinished(20000));
    QCOMPARE(host.exitCode(), 0);
}

void TestWindowHostXvfb::realWindowStartsAHostThatOutlivesIt()
{
    const QString store = m_dir.filePath(QStringLiteral("second.db"));
    const QString ticks = m_dir.filePath(QStringLiteral("ticks.txt"));
    m_stores << store;
    // No host holds the store: punctualctl opens it itself.
    punctualctl(store, {"add", "--id", "tick", "--every", "1s", "--", "/bin/sh", "-c", "echo tick >> " + ticks});
    QCOMPARE(InstanceLock::runningInstancePid(store), std::optional<qint64>());

    const QString appClass = QStringLiteral("\"punctual\" \"punctual\"");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "xcb");
    auto startWindow = [&](QProcess &process) {
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::ForwardedChannels);
        process.start(QStringLiteral(PUNCTUAL_PATH), {QStringLiteral("--db"), store});
        return process.waitForStarted(10000);
    };

    // The window starts a host (a process of its own, not the window) and shows itself.
    auto window = std::make_unique<QProcess>();
    QVERIFY(startWindow(*window));
    QTRY_VERIFY_WITH_TIMEOUT(InstanceLock::runningInstancePid(store).has_value(), 20000);
    const qint64 hostPid = *InstanceLock::runningInstancePid(store);
    QVERIFY(hostPid != window->processId());
    QTRY_COMPARE_WITH_TIMEOUT(viewableMainWindowsOf(appClass).size(), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(lineCount(ticks) >= 2, 10000);

    // kill -9 of the window: the runs go on.
    window->kill();
    QVERIFY(window->waitForFinished(10000));
    const int afterKill = lineCount(ticks);
    QTRY_VERIFY_WITH_TIMEOUT(lineCount(ticks) >= afterKill + 2, 10000);
    QVERIFY(isAlive(hostPid));

    // A new window attaches to that host (no second one is started).
    window = std::make_unique<QProcess>();
    QVERIFY(startWindow(*window));
    QTRY_COMPARE_WITH_TIMEOUT(viewableMainWindowsOf(appClass).size(), 1, 15000);
    QCOMPARE(InstanceLock::runningInstancePid(store), std::optional<qint64>(hostPid));

    // Quit (Ctrl+Q) asks whether to keep the jobs running; Return takes the default, keeping them.
    const QString id = viewableMainWindowsOf(appClass).value(0);
    QVERIFY(xdotool({"windowfocus", "--sync", id}));
    QTest::qWait(300);
    QVERIFY(xdotool({"key", "ctrl+q"}));
    QTest::qWait(700); // the question is up
    QVERIFY(xdotool({"key", "Return"}));
    QVERIFY2(window->waitForFinished(15000), "the window did not quit");
    QCOMPARE(window->exitCode(), 0);
    const int afterQuit = lineCount(ticks);
    QTRY_VERIFY_WITH_TIMEOUT(lineCount(ticks) >= afterQuit + 2, 10000);
    QCOMPARE(InstanceLock::runningInstancePid(store), std::optional<qint64>(hostPid));
}

int main(int argc, char *argv[])
{
    XSession x;
    session = &x;
    x.useOwnHome(); // settings, autostart, instance sockets and the host's log in a temporary folder
    x.start(false, {QStringLiteral("Xvfb"), QStringLiteral("xwininfo"), QStringLiteral("xdotool")});
    qputenv("QT_QPA_PLATFORM", x.error.isEmpty() ? "xcb" : "offscreen");
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestWindowHostXvfb test;
    return QTest::qExec(&test, argc, argv);
}

#include "testwindowhostxvfb.moc"
