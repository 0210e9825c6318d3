// The missed-runs review in the window, offscreen, over a real host (MainWindowHarness): the banner's text with its
// plurals, the Review dialog's content per job, Run now and Dismiss per job, the banner hiding when another client
// dismisses; and the tray: exactly one message for an episode, whose click asks for the Review dialog.
#include "review/missedrunsbanner.h"
#include "review/missedrunsdialog.h"
#include "settings/settings.h"
#include "support/jobbuilder.h"
#include "support/mainwindowharness.h"
#include "support/testsupport.h"
#include "tray/traycontroller.h"

#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t hour = 3'600'000;

JobOptions policy(CoalescePolicy coalesce, std::optional<std::int64_t> graceMs)
{
    JobOptions options;
    options.coalesce = coalesce;
    options.misfireGraceMs = graceMs;
    return options;
}

} // namespace

class TestMissedRunsReviewWindow : public QObject, public MainWindowHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void bannerSaysHowManyRunsAndJobs();
    void oneRunOfOneJobIsSingular();
    void reviewDialogListsEachJobsTimesAndDecisions();
    void runNowAndDismissPerJob();
    void bannerHidesWhenAnotherClientDismisses();
    void trayTellsAnEpisodeOnceAndOpensTheReview();

private:
    /// Alpha (coalesce, no grace) and Beta (every run time, 60 s grace), hourly from 09:00; asleep until 11:00:10.
    void sleepOverThreeFireTimes();
    MissedRunsBanner *banner() const { return m_window->missedRunsBanner(); }
    QGroupBox *jobGroup(MissedRunsDialog *dialog, const QString &jobId) const;

    TimeZoneGuard m_zone{"UTC"};
};

void TestMissedRunsReviewWindow::init()
{
    setUpWindow();
    QVERIFY(m_window);
    m_window->show();
}

void TestMissedRunsReviewWindow::cleanup()
{
    tearDownWindow();
}

void TestMissedRunsReviewWindow::sleepOverThreeFireTimes()
{
    addOrDie(JobBuilder("a").name("Alpha").function("noop").interval(hour, startMs + hour).options(
        policy(CoalescePolicy::Latest, std::nullopt)));
    addOrDie(JobBuilder("b").name("Beta").function("noop").interval(hour, startMs + hour).options(
        policy(CoalescePolicy::All, 60'000)));
    wake(startMs + 3 * hour + 10'000);
}

QGroupBox *TestMissedRunsReviewWindow::jobGroup(MissedRunsDialog *dialog, const QString &jobId) const
{
    for (QGroupBox *box : dialog->findChildren<QGroupBox *>("missedRunsJob")) {
        if (box->property("jobId").toString() == jobId)
            return box;
    }
    return nullptr;
}

void TestMissedRunsReviewWindow::bannerSaysHowManyRunsAndJobs()
{
    QVERIFY(banner()->isHidden());
    QVERIFY(banner()->message().isEmpty());
    sleepOverThreeFireTimes();
    QTRY_VERIFY(banner()->isVisible());
    QCOMPARE(banner()->message(), "6 runs were missed while the computer was asleep (2 jobs)");
    QCOMPARE(banner()->accessibleDescription(), banner()->message());
    QCOMPARE(banner()->findChild<QPushButton *>("missedRunsReviewButton")->accessibleName(), "Review missed runs");
    QCOMPARE(banner()->findChild<QPushButton *>("missedRunsDismissButton")->accessibleName(),
             "Dismiss the missed runs");
}

void TestMissedRunsReviewWindow::oneRunOfOneJobIsSingular()
{
    addOrDie(JobBuilder("solo").name("Solo").function("noop").interval(hour, startMs + hour));
    wake(startMs + hour + 2 * 60'000); // two minutes late: past the 60 s grace
    QTRY_VERIFY(banner()->isVisible());
    QCOMPARE(banner()->message(), "1 run was missed while the computer was asleep (1 job)");
}

void TestMissedRunsReviewWindow::reviewDialogListsEachJobsTimesAndDecisions()
{
    sleepOverThreeFireTimes();
    QTRY_VERIFY(banner()->isVisible());
    QTest::mouseClick(banner()->findChild<QPushButton *>("missedRunsReviewButton"), Qt::LeftButton);
    MissedRunsDialog *dialog = banner()->reviewDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->jobIds(), (QStringList{"a", "b"}));

    QGroupBox *alpha = jobGroup(dialog, "a");
    QCOMPARE(alpha->title(), "Alpha");
    QCOMPARE(alpha->findChild<QLabel *>("missedRunsTimes")->text(), "Due 09:00, 10:00, 11:00");
    QCOMPARE(alpha->findChild<QLabel *>("missedRunsDecisions")->text(),
             "• Ran once at 11:00 instead (only once: coalesce)");
    QVERIFY(alpha->findChildren<QLabel *>().front()->text().startsWith(
        "Missed while the computer was asleep, from 09:00 to 11:00"));

    QGroupBox *beta = jobGroup(dialog, "b");
    QCOMPARE(beta->findChild<QLabel *>("missedRunsDecisions")->text(),
             "• 1 ran late, at 11:00\n• 2 not run: more than 60 s late (misfire grace time)");
    QCOMPARE(beta->findChild<QPushButton *>("missedRunsRunNowButton")->accessibleName(), "Run “Beta” now");
    QCOMPARE(beta->findChild<QPushButton *>("missedRunsDismissJobButton")->accessibleName(), "Dismiss “Beta”");
}

void TestMissedRunsReviewWindow::runNowAndDismissPerJob()
{
    sleepOverThreeFireTimes();
    QTRY_VERIFY(banner()->isVisible());
    banner()->openReview();
    MissedRunsDialog *dialog = banner()->reviewDialog();
    QVERIFY(dialog);

    QSignalSpy submitted(m_scheduler.get(), &Scheduler::jobSubmitted);
    QTest::mouseClick(jobGroup(dialog, "a")->findChild<QPushButton *>("missedRunsRunNowButton"), Qt::LeftButton);
    QTRY_COMPARE(submitted.size(), 1);
    QCOMPARE(submitted.front().at(0).value<RunRecord>().jobId, "a");
    QCOMPARE(submitted.front().at(0).value<RunRecord>().reason, RunReason::RunNow);
    QTRY_COMPARE(jobGroup(dialog, "a")->findChild<QLabel *>("missedRunsJobStatus")->text(), "Started at 11:00");

    QTest::mouseClick(jobGroup(dialog, "b")->findChild<QPushButton *>("missedRunsDismissJobButton"), Qt::LeftButton);
    QTRY_COMPARE(dialog->jobIds(), QStringList{"a"});
    QCOMPARE(m_scheduler->missedRuns().size(), 1);
    QCOMPARE(banner()->message(), "3 runs were missed while the computer was asleep (1 job)");
    // Run now's answer is kept while the list is rebuilt.
    QCOMPARE(jobGroup(dialog, "a")->findChild<QLabel *>("missedRunsJobStatus")->text(), "Started at 11:00");

    // The last one dismissed: the dialog closes and the banner hides.
    QTest::mouseClick(dialog->findChild<QPushButton *>("missedRunsDismissAllButton"), Qt::LeftButton);
    QTRY_VERIFY(!banner()->reviewDialog());
    QTRY_VERIFY(banner()->isHidden());
    QVERIFY(m_scheduler->missedRuns().isEmpty());
}

void TestMissedRunsReviewWindow::bannerHidesWhenAnotherClientDismisses()
{
    sleepOverThreeFireTimes();
    QTRY_VERIFY(banner()->isVisible());
    m_scheduler->dismissMissedRuns({"a"}); // punctualctl, or another window
    QTRY_COMPARE(banner()->message(), "3 runs were missed while the computer was asleep (1 job)");
    m_scheduler->dismissMissedRuns({});
    QTRY_VERIFY(banner()->isHidden());

    // The banner's own Dismiss dismisses them all on the host.
    wake(startMs + 6 * hour + 10'000);
    QTRY_VERIFY(banner()->isVisible());
    QTest::mouseClick(banner()->findChild<QPushButton *>("missedRunsDismissButton"), Qt::LeftButton);
    QTRY_VERIFY(banner()->isHidden());
    QVERIFY(m_scheduler->missedRuns().isEmpty());
}

void TestMissedRunsReviewWindow::trayTellsAnEpisodeOnceAndOpensTheReview()
{
    Settings settings(m_dir.filePath("tray-settings.ini"));
    TrayController tray(*m_client, *m_window->jobModel(), m_clock, settings);
    QSignalSpy posted(&tray, &TrayController::notificationPosted);
    QSignalSpy review(&tray, &TrayController::missedRunsReviewRequested);
    QSignalSpy missed(m_client.get(), &SchedulerClient::jobMissed);
    sleepOverThreeFireTimes(); // Beta's two runs past the grace time are missed runs too
    QTRY_COMPARE(posted.size(), 1);
    QTRY_COMPARE(missed.size(), 2);
    QCOMPARE(posted.front().at(0).toString(), "6 runs were missed while the computer was asleep");
    QCOMPARE(posted.front().at(1).toString(), "2 jobs. Click to review what each job did.");

    // A run failing now gets a message of its own: no missed run of the episode is waiting to share it.
    addFailing("boom", "disk full");
    addOrDie(JobBuilder("c").name("Gamma").function("boom").interval(hour, startMs + 10 * hour));
    QVERIFY(m_scheduler->runJobNow("c"));
    QTRY_COMPARE(posted.size(), 2);
    QCOMPARE(posted.at(1).at(0).toString(), "“Gamma” failed");

    // A click on the episode's message asks for the Review dialog.
    tray.trayIcon()->showMessage(posted.front().at(0).toString(), posted.front().at(1).toString());
    wake(startMs + 9 * hour + 10'000); // a new episode hours later: one more message
    QTRY_COMPARE(posted.size(), 3);
    // Not dismissed meanwhile: the reports grew, and the message counts what is pending, as the banner does.
    QCOMPARE(posted.at(2).at(0).toString(), "18 runs were missed while the computer was asleep");
    emit tray.trayIcon()->messageClicked();
    QCOMPARE(review.size(), 1);
}

QTEST_MAIN(TestMissedRunsReviewWindow)
#include "testmissedrunswindow.moc"
