// History › Why? in the main window (MainWindowHarness: a real host on a fake clock, a SQLite store): the action on
// the history view's context menu, the dialog asking the host without blocking, and its answer.
#include "dialogs/runexplanationdialog.h"
#include "models/runhistorymodel.h"
#include "support/jobbuilder.h"
#include "support/mainwindowharness.h"
#include "support/testsupport.h"
#include "widgets/runhistorypane.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t hour = 3'600'000;

} // namespace

class TestRunExplanationDialog : public QObject, public MainWindowHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void whyExplainsTheSelectedRun();
    void closedBeforeTheAnswerDropsIt();

private:
    /// Job "hourly" with a run (success) at its first fire time, shown in the window's history; returns the run id.
    std::int64_t showJobWithARun();
    RunExplanationDialog *triggerWhy();

    TimeZoneGuard m_zone{"UTC"};
};

void TestRunExplanationDialog::init()
{
    setUpWindow();
    QVERIFY(m_window);
}

void TestRunExplanationDialog::cleanup()
{
    tearDownWindow();
}

std::int64_t TestRunExplanationDialog::showJobWithARun()
{
    addOrDie(JobBuilder("hourly").name("Hourly report").interval(hour, startMs + hour).command("/bin/true"));
    QList<RunRecord> runs(1);
    runs[0].jobId = "hourly";
    runs[0].scheduledTime = startMs + hour;
    runs[0].startTime = startMs + hour + 20;
    runs[0].endTime = startMs + hour + 1020;
    runs[0].outcome = RunOutcome::Success;
    if (!m_store->insertRuns(runs))
        return 0;
    m_window->show();
    if (!QTest::qWaitFor([&] { return m_window->selectJob("hourly"); }, 5000))
        return 0;
    RunHistoryModel *history = m_window->historyPane()->model();
    if (!QTest::qWaitFor([&] { return history->rowCount() == 1; }, 5000))
        return 0;
    m_window->historyPane()->view()->selectRow(0);
    return runs[0].id;
}

RunExplanationDialog *TestRunExplanationDialog::triggerWhy()
{
    m_window->whyAction()->trigger();
    return m_window->findChild<RunExplanationDialog *>();
}

void TestRunExplanationDialog::whyExplainsTheSelectedRun()
{
    const std::int64_t runId = showJobWithARun();
    QVERIFY(runId > 0);
    // The context menu on a row makes that row current and offers Why?.
    QTableView *view = m_window->historyPane()->view();
    view->clearSelection();
    view->setCurrentIndex({});
    emit view->customContextMenuRequested(view->visualRect(view->model()->index(0, 1)).center());
    QMenu *menu = view->findChild<QMenu *>(QStringLiteral("historyMenu"));
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QCOMPARE(menu->actions(), QList<QAction *>{m_window->whyAction()});
    QCOMPARE(m_window->whyAction()->text(), QStringLiteral("Why?"));
    QCOMPARE(view->currentIndex().row(), 0);
    menu->close();

    RunExplanationDialog *dialog = triggerWhy();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // The host has not been asked yet when trigger() returns: the GUI thread never waits for it.
    QCOMPARE(dialog->text(), QStringLiteral("Asking the scheduler…"));
    QVERIFY(!dialog->explanation());
    QSignalSpy answered(dialog, &RunExplanationDialog::answered);
    QVERIFY(answered.wait(5000));
    QVERIFY(dialog->explanation());
    QCOMPARE(dialog->explanation()->kind, ExplanationKind::Ran);
    QCOMPARE(dialog->explanation()->runId, std::optional(runId));
    QVERIFY2(dialog->text().startsWith(QStringLiteral("Run %1 for 2027-01-15T09:00:00+00:00").arg(runId)),
             qPrintable(dialog->text()));
    QVERIFY(dialog->windowTitle().contains(QLatin1String("Hourly report")));
    auto *label = dialog->findChild<QLabel *>(QStringLiteral("explanationText"));
    QVERIFY(label);
    QVERIFY(!label->accessibleName().isEmpty());
    QVERIFY(!dialog->accessibleName().isEmpty());

    QSignalSpy destroyed(dialog, &QObject::destroyed);
    dialog->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(destroyed.count(), 1); // it deletes itself
}

void TestRunExplanationDialog::closedBeforeTheAnswerDropsIt()
{
    QVERIFY(showJobWithARun() > 0);
    RunExplanationDialog *dialog = triggerWhy();
    QVERIFY(dialog);
    QSignalSpy destroyed(dialog, &QObject::destroyed);
    dialog->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(destroyed.count(), 1);
    // The host's answer comes to a dialog that is gone: nothing is called, the window carries on.
    QSignalSpy loaded(m_window->historyPane()->model(), &RunHistoryModel::loaded);
    m_window->historyPane()->model()->setJobId("hourly");
    QVERIFY(loaded.wait(5000));
    QVERIFY(!m_window->findChild<RunExplanationDialog *>());
}

QTEST_MAIN(TestRunExplanationDialog)
#include "testrunexplanationdialog.moc"
