// The main window and the tray on a real X server: this test starts its own Xvfb (a 1024×768 screen, the smallest
// common laptop and projector size) with `trayer` as the system tray (tests/support/xsession.h), then
// - opens the main window with no saved layout, as on a first start, and checks that it fits the screen: its frame
//   inside the available geometry, the State column, the state filter and the window's right edge (where a window
//   manager puts the close button) on screen;
// - shows a tray message and right-clicks the tray icon with a real pointer (xdotool) while it shows: the menu
//   opens, the window does not (Qt's X11 tray reports that press as a click on the message too).
// Xvfb, trayer, xwininfo and xdotool must be installed; without them the test fails and says so.
#include "models/joblistmodel.h"
#include "settings/settings.h"
#include "store/storelocation.h"
#include "support/jobbuilder.h"
#include "support/mainwindowharness.h"
#include "support/xsession.h"
#include "tray/traycontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QScreen>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolBar>

using namespace punctual;
using namespace punctual::test;

namespace {

XSession *session = nullptr;

/// Runs xdotool with @p arguments on the test's display; true when it succeeded.
bool xdotool(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("xdotool"), arguments);
    return process.waitForFinished(10000) && process.exitCode() == 0;
}

} // namespace

class TestWindowXvfb : public QObject, public MainWindowHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup() { tearDownWindow(); }
    void windowFitsA1024x768Screen();
    void rightClickOnTheIconWhileAMessageShowsOpensTheMenu();
};

void TestWindowXvfb::initTestCase()
{
    if (!session->error.isEmpty())
        QFAIL(qPrintable(session->error));
    QCOMPARE(QGuiApplication::platformName(), QString("xcb"));
    QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), QSize(1024, 768));
    QCoreApplication::setOrganizationName(QStringLiteral("punctual-tests-xvfb"));
    Settings::setWindowLayout({}); // a first start: no saved geometry
}

void TestWindowXvfb::init()
{
    setUpWindow();
    QVERIFY(m_window);
}

void TestWindowXvfb::windowFitsA1024x768Screen()
{
    addOrDie(JobBuilder("backup").name("Nightly backup of the photos").cron("30 2 * * *", "UTC").function("noop"));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(m_window->jobModel()->isLoaded());
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 1);

    const QRect available = m_window->screen()->availableGeometry();
    const QRect frame = m_window->frameGeometry();
    QVERIFY2(available.contains(frame), qPrintable(QStringLiteral("frame %1,%2 %3×%4 on %5×%6")
                                                       .arg(frame.x()).arg(frame.y()).arg(frame.width())
                                                       .arg(frame.height()).arg(available.width())
                                                       .arg(available.height())));
    // The window's own right edge (the close button's corner) is on screen.
    QVERIFY(m_window->mapToGlobal(QPoint(m_window->width() - 1, 0)).x() < available.right() + 1);

    // The state filter is in the toolbar itself, not folded into its overflow menu.
    QComboBox *filter = m_window->stateFilter();
    QVERIFY(filter->isVisible());
    const QRect filterRect(filter->mapTo(m_window.get(), QPoint(0, 0)), filter->size());
    QVERIFY2(m_window->rect().contains(filterRect), qPrintable(QString::number(filterRect.right())));
    QVERIFY(m_window->searchField()->isVisible());

    // Every column of the job table, State the last, is on screen.
    QHeaderView *header = m_window->jobView()->horizontalHeader();
    const int stateRight = header->sectionViewportPosition(JobListModel::StateColumn)
        + header->sectionSize(JobListModel::StateColumn);
    QVERIFY2(stateRight <= header->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2").arg(stateRight).arg(header->viewport()->width())));
    QVERIFY(header->sectionSize(JobListModel::ScheduleColumn) >= 150); // and Schedule has room
}

void TestWindowXvfb::rightClickOnTheIconWhileAMessageShowsOpensTheMenu()
{
    QVERIFY2(QTest::qWaitFor([] { return QSystemTrayIcon::isSystemTrayAvailable(); }, 15000),
             "trayer did not become the system tray");
    Settings settings(m_dir.filePath("tray.ini"));
    TrayController tray(*m_client, *m_window->jobModel(), m_clock, settings);
    QSignalSpy showWindow(&tray, &TrayController::showWindowRequested);
    QSignalSpy job(&tray, &TrayController::jobRequested);
    tray.show();
    QTRY_VERIFY_WITH_TIMEOUT(!tray.trayIcon()->geometry().isEmpty(), 15000);
    QTest::qWait(300); // trayer lays its icons out

    // A message (Qt draws its own balloon on X11 without a notification service), then a right-click on the icon.
    QVERIFY(tray.showStillRunningMessage());
    QTest::qWait(300);
    const QPoint icon = tray.trayIcon()->geometry().center();
    QVERIFY(xdotool({"mousemove", QString::number(icon.x()), QString::number(icon.y())}));
    QTest::qWait(100);
    QVERIFY(xdotool({"click", "3"}));
    QTRY_VERIFY_WITH_TIMEOUT(tray.menu()->isVisible(), 5000);
    QTest::qWait(200); // what the press queued has run
    QCOMPARE(showWindow.size(), 0);
    QCOMPARE(job.size(), 0);
    tray.menu()->hide();
}

int main(int argc, char *argv[])
{
    XSession x;
    session = &x;
    x.useOwnHome();
    x.start(true, {QStringLiteral("Xvfb"), QStringLiteral("trayer"), QStringLiteral("xwininfo"),
                   QStringLiteral("xdotool")});
    qputenv("QT_QPA_PLATFORM", x.error.isEmpty() ? "xcb" : "offscreen");
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestWindowXvfb test;
    return QTest::qExec(&test, argc, argv);
}

#include "testwindowxvfb.moc"
