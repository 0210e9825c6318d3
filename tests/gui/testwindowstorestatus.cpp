// The window while its host cannot reach the job store (offscreen): the banner at the top with since when, the
// reconnects and the last error, as a screen reader reads it; the status bar; the countdown that runs only while the
// banner is seen; and the store back. The host is in-process (MainWindowHarness) over a real socket and a real
// SQLite file: the store is lost as the host loses it (Scheduler::storeLost), the file moved away so that its
// reconnects fail, and put back so that the next one succeeds.
#include "support/mainwindowharness.h"
#include "support/testsupport.h"
#include "models/joblistmodel.h"
#include "models/runpresentation.h"
#include "widgets/storestatusbanner.h"

#include <QAccessible>
#include <QFile>
#include <QLabel>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>

using namespace punctual;
using namespace punctual::test;

class TestWindowStoreStatus : public QObject, public MainWindowHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void bannerWhileTheStoreIsAwayAndGoneWhenBack();
    void countdownRunsOnlyWhileTheBannerIsSeen();
    void errorOfSeveralLinesHasDetails();
    void windowOpenedDuringAnOutageShowsIt();
    void lostHostHidesTheBannerWithoutSayingTheStoreIsBack();
    void retryNowReconnectsAtOnce();

private:
    /// The store is lost as the host finds its file removed; with @p moveAway the file is moved away too, so that
    /// reconnects fail.
    void loseStore(bool moveAway = true);
    /// The host's next reconnect is tried (and fails while the file is away): the clock is at its time.
    void reconnect();
    /// The file is back where it was: the next reconnect succeeds.
    void putStoreBack();
    QString stateText() const;
    StoreStatusBanner *banner() const { return m_window->storeBanner(); }

    TimeZoneGuard m_zone{"UTC"};
    QString m_path;
    const QString m_error = QStringLiteral("the job store file jobs.db was removed or renamed");
};

void TestWindowStoreStatus::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("punctual-tests"));
}

void TestWindowStoreStatus::init()
{
    setUpWindow();
    QVERIFY(m_window);
    m_path = m_storePath;
    QVERIFY2(QFile::exists(m_path), qPrintable(m_path));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(m_window->jobModel()->isLoaded());
}

void TestWindowStoreStatus::cleanup()
{
    if (!QFile::exists(m_path))
        QFile::rename(m_path + QStringLiteral(".away"), m_path);
    tearDownWindow();
}

void TestWindowStoreStatus::loseStore(bool moveAway)
{
    if (moveAway)
        QVERIFY(QFile::rename(m_path, m_path + QStringLiteral(".away")));
    m_scheduler->storeLost(Error{ErrorCode::StoreUnavailable, m_error});
    QVERIFY(!m_scheduler->isStoreAvailable());
}

void TestWindowStoreStatus::reconnect()
{
    const std::optional<std::int64_t> at = m_scheduler->storeStatus().nextRetryMs;
    QVERIFY(at);
    QVERIFY(m_timer->armedAt());
    wake(*at);
}

void TestWindowStoreStatus::putStoreBack()
{
    QVERIFY(QFile::rename(m_path + QStringLiteral(".away"), m_path));
}

QString TestWindowStoreStatus::stateText() const
{
    return m_window->findChild<QLabel *>(QStringLiteral("schedulerStateLabel"))->text();
}

void TestWindowStoreStatus::bannerWhileTheStoreIsAwayAndGoneWhenBack()
{
    QVERIFY(banner()->isHidden());
    QCOMPARE(stateText(), QString("Scheduler running"));
    const std::int64_t lostAt = m_clock.nowMs();
    loseStore();

    QTRY_VERIFY(banner()->isVisible());
    const QString since = shortDateTime(lostAt, m_clock.nowMs());
    QCOMPARE(since, QString("08:00"));
    const QString headline = "The job store has been unavailable since 08:00 — no jobs run until it is back.";
    // The first reconnect is half a second away: as good as going on.
    QCOMPARE(banner()->message(), headline + " Punctual is reconnecting now. Last error: " + m_error);
    auto *text = banner()->findChild<QLabel *>(QStringLiteral("storeStatusText"));
    QVERIFY(text->isVisible());
    QVERIFY2(text->text().contains("<b>" + headline + "</b>"), qPrintable(text->text()));
    QCOMPARE(stateText(), QString("Store unavailable since 08:00"));
    QCOMPARE(banner()->toolTip(), "Last error: " + m_error);

    // As a screen reader meets it: an alert with a name, whose description is the text.
    QCOMPARE(banner()->accessibleName(), QString("Job store unavailable"));
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(banner());
    QVERIFY(accessible);
    QCOMPARE(accessible->role(), QAccessible::AlertMessage);
    QCOMPARE(accessible->text(QAccessible::Name), QString("Job store unavailable"));
    QCOMPARE(accessible->text(QAccessible::Description), banner()->message());

    // Five reconnects fail (the file is away): the pause has doubled to 8 s, the error is the reconnect's.
    for (int i = 0; i < 5; ++i)
        reconnect();
    syncClient();
    QCOMPARE(m_client->storeStatus().retries, 5);
    QTRY_VERIFY2(banner()->message().contains("Punctual reconnects on its own (5 attempt(s) failed, next in 8 s)."),
                 qPrintable(banner()->message()));
    QVERIFY2(banner()->message().contains("Last error: the job store file " + m_path + " is gone"),
             qPrintable(banner()->message()));
    QCOMPARE(stateText(), QString("Store unavailable since 08:00")); // since the outage began, not the last try

    // A one-line error is in the banner whole: no Details.
    QVERIFY(banner()->findChild<QToolButton *>(QStringLiteral("storeStatusDetailsButton"))->isHidden());

    // The file is back: the next reconnect succeeds, the banner goes, the status bar says for how long it was away.
    putStoreBack();
    reconnect();
    const std::int64_t downMs = m_clock.nowMs() - lostAt;
    QTRY_VERIFY(banner()->isHidden());
    QCOMPARE(banner()->message(), QString());
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QString("Job store available again (was unavailable for %1)").arg(shortDuration(downMs)));
    QCOMPARE(shortDuration(downMs), QString("16 s"));
    QCOMPARE(stateText(), QString("Scheduler running"));
}

void TestWindowStoreStatus::countdownRunsOnlyWhileTheBannerIsSeen()
{
    QVERIFY(!banner()->countdown().isActive()); // nothing to count: nothing wakes
    loseStore();
    for (int i = 0; i < 4; ++i)
        reconnect(); // the next in 4 s
    QTRY_VERIFY2(banner()->message().contains("next in 4 s"), qPrintable(banner()->message()));
    QVERIFY(banner()->countdown().isActive());
    QVERIFY(banner()->countdown().interval() >= 1000); // at most one wake a second

    // The countdown follows the clock at its ticks.
    m_clock.advance(2'000);
    QTRY_VERIFY2(banner()->message().contains("next in 2 s"), qPrintable(banner()->message()));

    // The window hidden (to the tray): nobody reads the countdown, it stops; shown again, it goes on.
    m_window->hide();
    QVERIFY(!banner()->countdown().isActive());
    m_clock.advance(1'000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(banner()->countdown().isActive());
    QTRY_VERIFY2(banner()->message().contains("next in 1 s"), qPrintable(banner()->message()));

    // Its time has come: "reconnecting now", and the timer stops until the host says more.
    m_clock.advance(1'000);
    QTRY_VERIFY2(banner()->message().contains("Punctual is reconnecting now (4 attempt(s) failed so far)."),
                 qPrintable(banner()->message()));
    QVERIFY(!banner()->countdown().isActive());

    putStoreBack();
    reconnect();
    QTRY_VERIFY(banner()->isHidden());
    QVERIFY(!banner()->countdown().isActive());
}

void TestWindowStoreStatus::errorOfSeveralLinesHasDetails()
{
    // As a PostgreSQL client library says it: a message and a hint on the next line.
    const QString error = "cannot reach the job store postgresql://db/jobs: could not connect to server: Connection "
                          "refused\n\tIs the server running on host \"db\" and accepting TCP/IP connections on port "
                          "5432?";
    m_scheduler->storeLost(Error{ErrorCode::StoreUnavailable, error});
    QTRY_VERIFY(banner()->isVisible());
    QVERIFY2(banner()->message().endsWith("Last error: cannot reach the job store postgresql://db/jobs: could not "
                                          "connect to server: Connection refused"),
             qPrintable(banner()->message()));
    QCOMPARE(banner()->toolTip(), "Last error: " + error);

    // Details shows the whole error (selectable, to copy it), and hides it again.
    auto *detailsButton = banner()->findChild<QToolButton *>(QStringLiteral("storeStatusDetailsButton"));
    auto *details = banner()->findChild<QLabel *>(QStringLiteral("storeStatusDetails"));
    QVERIFY(detailsButton->isVisible());
    QCOMPARE(detailsButton->text(), QString("Details"));
    QVERIFY(!details->isVisible());
    QTest::mouseClick(detailsButton, Qt::LeftButton);
    QVERIFY(details->isVisible());
    QCOMPARE(details->text(), error);
    QVERIFY(details->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QCOMPARE(details->accessibleName(), QString("Last error of the job store"));
    QTest::mouseClick(detailsButton, Qt::LeftButton);
    QVERIFY(!details->isVisible());

    // Back (the file was never away): the banner and its details go.
    QTest::mouseClick(detailsButton, Qt::LeftButton);
    reconnect();
    QTRY_VERIFY(banner()->isHidden());
}

void TestWindowStoreStatus::windowOpenedDuringAnOutageShowsIt()
{
    loseStore(false); // the file stays: the list read again on connecting finds it
    QTRY_VERIFY(banner()->isVisible());
    // Connecting again reads the outage from the subscription's snapshot (status.store_health), not from an event.
    m_client->disconnectFromHost();
    QTRY_VERIFY(banner()->isHidden());
    QCOMPARE(stateText(), QString("Not connected to the scheduler"));
    m_client->connectToHost();
    QTRY_VERIFY(m_client->isConnected());
    QTRY_VERIFY(banner()->isVisible());
    QVERIFY2(banner()->message().startsWith("The job store has been unavailable since 08:00"), qPrintable(banner()->message()));
    QCOMPARE(stateText(), QString("Store unavailable since 08:00"));
}

void TestWindowStoreStatus::retryNowReconnectsAtOnce()
{
    loseStore();
    QTRY_VERIFY(banner()->isVisible());
    reconnect(); // fails: the next try is a pause away
    QTRY_VERIFY(m_scheduler->storeStatus().retries >= 1);
    const int tries = m_scheduler->storeStatus().retries;
    auto *retry = banner()->findChild<QToolButton *>(QStringLiteral("storeRetryNowButton"));
    QVERIFY(retry && retry->isVisible() && retry->isEnabled());
    QCOMPARE(retry->text(), QString("Retry now"));
    // Still away: the try is made at once (the clock has not moved) and fails; the button can be used again.
    retry->click();
    QTRY_COMPARE(m_scheduler->storeStatus().retries, tries + 1);
    QTRY_VERIFY(retry->isEnabled());
    QVERIFY(banner()->isVisible());
    // Back: Retry now brings it in at once instead of after the pause.
    QVERIFY(QFile::rename(m_path + QStringLiteral(".away"), m_path));
    const std::int64_t before = m_clock.nowMs();
    retry->click();
    QTRY_VERIFY(m_scheduler->isStoreAvailable());
    QCOMPARE(m_clock.nowMs(), before);
    QTRY_VERIFY(banner()->isHidden());
}

void TestWindowStoreStatus::lostHostHidesTheBannerWithoutSayingTheStoreIsBack()
{
    loseStore();
    QTRY_VERIFY(banner()->isVisible());
    m_control.reset(); // the host is gone (its socket closes): nothing is known of the store now
    m_server.reset();
    QTRY_COMPARE(stateText(), QString("Not connected to the scheduler"));
    QVERIFY(banner()->isHidden());
    QVERIFY2(!m_window->statusBar()->currentMessage().contains("available again"),
             qPrintable(m_window->statusBar()->currentMessage()));
}

QTEST_MAIN(TestWindowStoreStatus)
#include "testwindowstorestatus.moc"
