// The tray in a real system tray: this test starts its own X server (Xvfb, on a free display it picks itself)
// with `trayer` as the tray host, then
// - runs TrayController in this process on the xcb platform as a client of an in-process host (HostHarness): the
//   icon is embedded in the tray, and its menu, popped up and clicked, pauses and resumes the host's scheduler,
//   shows a window and asks to quit;
// - runs the real `punctual` binary on a temporary store: `--minimized` puts its icon in the tray without a window
//   and starts a scheduler host (`punctualctl run`) that holds the store, a second `punctual` on the same store
//   exits 0 at once and the first one's window appears, and the host keeps the store after the window app ends.
// Xvfb, trayer and xwininfo (x11-utils) must be installed (scripts/install-deps installs them); without them the
// test fails and says so: it never skips.
#include "control/controlclient.h"
#include "control/instancelock.h"
#include "models/joblistmodel.h"
#include "settings/settings.h"
#include "store/jobstore.h"
#include "store/storelocation.h"
#include "support/xsession.h"
#include "support/hostharness.h"
#include "tray/traycontroller.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <memory>

using namespace punctual;
using namespace punctual::test;

namespace {

XSession *session = nullptr;

/// Windows of class @p wmClass (e.g. "\"punctual\" \"punctual\"") inside trayer's panel: embedded tray icons.
int trayIconsOf(const QString &wmClass)
{
    const QList<XWindow> windows = windowTree();
    int count = 0;
    for (int i = 0; i < windows.size(); ++i) {
        if (windows[i].wmClass != QLatin1String("\"panel\" \"trayer\""))
            continue;
        for (int j = i + 1; j < windows.size() && windows[j].depth > windows[i].depth; ++j)
            count += windows[j].wmClass == wmClass;
    }
    return count;
}

} // namespace

class TestTrayXvfb : public QObject, public punctual::test::HostHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void trayControllerInARealTray();
    void realAppStartsInTrayAndASecondLaunchRaisesIt();

private:
    QTemporaryDir m_dir;
};

void TestTrayXvfb::initTestCase()
{
    if (!session->error.isEmpty())
        QFAIL(qPrintable(session->error));
    QCOMPARE(QGuiApplication::platformName(), QString("xcb"));
    QVERIFY2(QTest::qWaitFor([] { return QSystemTrayIcon::isSystemTrayAvailable(); }, 15000),
             "trayer did not become the system tray of the Xvfb display");
}

void TestTrayXvfb::trayControllerInARealTray()
{
    auto store = StoreLocation::fromPath(m_dir.filePath("inprocess.db")).open();
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    setUpScheduler(QDateTime::currentMSecsSinceEpoch(), std::move(store).value());
    QVERIFY(m_scheduler->start());
    setUpHost();
    auto done = qScopeGuard([this] {
        tearDownHost();
        tearDownScheduler();
    });
    Scheduler &scheduler = *m_scheduler;
    JobListModel model(*m_client, m_clock);
    model.setJobs({}, {});
    Settings settings(m_dir.filePath("inprocess.ini"));
    TrayController tray(*m_client, model, m_clock, settings);

    // The icon appears: embedded in trayer's panel, so it has a place on the screen.
    tray.show();
    QVERIFY(tray.isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!tray.trayIcon()->geometry().isEmpty(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(trayIconsOf(QStringLiteral("\"%1\" \"%2\"")
                                              .arg(QCoreApplication::applicationName(),
                                                   QCoreApplication::applicationName())),
                              1, 10000);

    // Its menu, popped up at the icon and clicked like a user does.
    QMainWindow window;
    window.resize(400, 300);
    connect(&tray, &TrayController::showWindowRequested, &window, &QWidget::show);
    QSignalSpy quit(&tray, &TrayController::quitRequested);
    QMenu *menu = tray.menu();
    auto click = [&](TrayController::Command command) {
        // QMenu takes a release as a click only once the pointer has moved since the popup: start it far away.
        QCursor::setPos(10, 700);
        QTest::qWait(20);
        menu->popup(tray.trayIcon()->geometry().bottomLeft());
        if (!QTest::qWaitForWindowExposed(menu))
            return false;
        // Pointing first, as a hand does.
        const QPoint point = menu->actionGeometry(tray.action(command)).center();
        QTest::mouseMove(menu, point);
        QTest::qWait(50);
        QTest::mouseClick(menu, Qt::LeftButton, {}, point);
        return QTest::qWaitFor([&] { return !menu->isVisible(); }, 5000);
    };
    // Pause all asks the host; the icon and the menu follow once the host's state event is in.
    QVERIFY(click(TrayController::Command::PauseAll));
    QTRY_COMPARE(scheduler.state(), Scheduler::State::Paused);
    QTRY_COMPARE(tray.iconState(), TrayController::IconState::Paused);
    QTRY_COMPARE(tray.action(TrayController::Command::PauseAll)->text(), QString("&Resume all"));
    QVERIFY(click(TrayController::Command::PauseAll));
    QTRY_COMPARE(scheduler.state(), Scheduler::State::Running);
    QTRY_COMPARE(tray.iconState(), TrayController::IconState::Normal);

    QVERIFY(!window.isVisible());
    QVERIFY(click(TrayController::Command::ShowWindow));
    QVERIFY(window.isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY(click(TrayController::Command::Quit));
    QCOMPARE(quit.size(), 1);
}

void TestTrayXvfb::realAppStartsInTrayAndASecondLaunchRaisesIt()
{
    const QString storePath = m_dir.filePath("app.db");
    const QString appClass = QStringLiteral("\"punctual\" \"punctual\"");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "xcb");
    environment.insert("DISPLAY", session->display);
    auto punctual = [&](QProcess &process, const QStringList &arguments) {
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::ForwardedChannels);
        process.start(QStringLiteral(PUNCTUAL_PATH), QStringList{"--db", storePath} + arguments);
        return process.waitForStarted(10000);
    };

    // `punctual --minimized`: into the tray, no window; it starts a scheduler host, which holds the store.
    QProcess first;
    QVERIFY(punctual(first, {"--minimized"}));
    QTRY_COMPARE_WITH_TIMEOUT(trayIconsOf(appClass), 1, 20000);
    QCOMPARE(first.state(), QProcess::Running);
    QCOMPARE(viewableMainWindowsOf(appClass).size(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(InstanceLock::runningInstancePid(storePath).has_value(), 10000);
    const qint64 hostPid = *InstanceLock::runningInstancePid(storePath);
    QVERIFY(hostPid != first.processId());
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(hostPid));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    const QList<QByteArray> hostArguments = cmdline.readAll().split('\0');
    QVERIFY2(hostArguments.value(0).endsWith("punctualctl") && hostArguments.contains("run"),
             hostArguments.join(' ').constData());
    // Stopped at the end whatever happens: it outlives the window app by design.
    auto stopHost = qScopeGuard([hostPid] { ::kill(static_cast<pid_t>(hostPid), SIGTERM); });
    // The window app attaches to it as a window ("raise" without showing says whether one is attached).
    const auto windowAttached = [&storePath] {
        ControlClient probe;
        if (!probe.connectToStore(storePath))
            return false;
        auto raised = probe.call(control::Method::Raise, {{QStringLiteral("show"), false}}, 5000);
        return raised && raised->toObject().value(QStringLiteral("raised")).toBool();
    };
    QTRY_VERIFY_WITH_TIMEOUT(windowAttached(), 15000);
    QCOMPARE(viewableMainWindowsOf(appClass).size(), 0);

    // A second `punctual` on the same store raises the first one's window and ends at once.
    QProcess second;
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(punctual(second, {}));
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(viewableMainWindowsOf(appClass).size(), 1, 10000);

    // Still one window app, with one icon in the tray, and the one host holding the store.
    QCOMPARE(first.state(), QProcess::Running);
    QCOMPARE(InstanceLock::runningInstancePid(storePath), std::optional<qint64>(hostPid));
    QCOMPARE(trayIconsOf(appClass), 1);

    // `punctual --minimized` (start at login) while it runs: ends quietly, nothing else changes.
    QProcess third;
    QVERIFY(punctual(third, {"--minimized"}));
    QVERIFY(third.waitForFinished(10000));
    QCOMPARE(third.exitCode(), 0);
    QCOMPARE(first.state(), QProcess::Running);

    // SIGTERM (logout) stops the window app cleanly: exit 0, the icon is gone; the host goes on scheduling.
    first.terminate();
    QVERIFY(first.waitForFinished(15000));
    QCOMPARE(first.exitStatus(), QProcess::NormalExit);
    QCOMPARE(first.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(trayIconsOf(appClass), 0, 10000);
    QCOMPARE(InstanceLock::runningInstancePid(storePath), std::optional<qint64>(hostPid));

    // The host, stopped as the session's end stops it, lets the store go.
    stopHost.dismiss();
    QVERIFY(::kill(static_cast<pid_t>(hostPid), SIGTERM) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(InstanceLock::runningInstancePid(storePath), std::optional<qint64>(), 15000);
}

int main(int argc, char *argv[])
{
    XSession x;
    session = &x;
    x.useOwnHome(); // settings, autostart, instance sockets and the host's log in a temporary folder
    x.start(true, {QStringLiteral("Xvfb"), QStringLiteral("trayer"), QStringLiteral("xwininfo")});
    // The xcb platform on the test's own display; without one, offscreen, and initTestCase fails with the reason.
    qputenv("QT_QPA_PLATFORM", x.error.isEmpty() ? "xcb" : "offscreen");
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestTrayXvfb test;
    return QTest::qExec(&test, argc, argv);
}

#include "testtrayxvfb.moc"
