// RunHistoryModel over a host (a real Scheduler on a fake clock, served on a private socket) through its
// SchedulerClient: loading, live runs, missed runs, limits, clearing.
#include "models/runhistorymodel.h"
#include "models/runpresentation.h"
#include "scheduler/dueplanner.h"
#include "support/jobbuilder.h"
#include "support/hostharness.h"
#include "support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z: Friday 09:00 in Berlin
constexpr std::int64_t minute = 60'000;

} // namespace

class TestRunHistoryModel : public QObject, public HostHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptyWithoutJob();
    void loadsNewestFirst();
    void runningRowThenOutcome();
    void otherJobsIgnored();
    void missedRuns();
    void reasonsAndMissedCounts();
    void keepsHistoryLimit();
    void removalClears();
    void dayChangeRepaintsTimes();

private:
    Job job(const QString &id, const QString &function);
    void runNow(const QString &id);
    /// Shows job @p id in @p model and waits for the host's answer.
    void load(RunHistoryModel &model, const QString &id);
    QString text(int row, int column, int role = Qt::DisplayRole) const;

    TimeZoneGuard m_zone{"Europe/Berlin"};
    std::unique_ptr<RunHistoryModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestRunHistoryModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    addSucceeding("ok", "all good", 2'100); // the run takes 2.1 s of fake time
    addFailing("fail", "curl: (7) Failed to connect\nat line 2");
    addBlocking("block");
}

void TestRunHistoryModel::init()
{
    setUpScheduler(T0);
    QVERIFY(m_scheduler->start());
    setUpHost();
    m_model = std::make_unique<RunHistoryModel>(*m_client, m_clock);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestRunHistoryModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    stopRuns();
    tearDownHost();
    tearDownScheduler();
}

Job TestRunHistoryModel::job(const QString &id, const QString &function)
{
    return addOrDie(JobBuilder(id).name(id).interval(10 * minute, T0 + 10 * minute).function(function));
}

void TestRunHistoryModel::runNow(const QString &id)
{
    // The client's signals: the run's end has reached the model when they come.
    QSignalSpy executed(m_client.get(), &SchedulerClient::jobExecuted);
    QSignalSpy error(m_client.get(), &SchedulerClient::jobError);
    QVERIFY(m_scheduler->runJobNow(id));
    QTRY_VERIFY(executed.count() + error.count() > 0);
}

void TestRunHistoryModel::load(RunHistoryModel &model, const QString &id)
{
    QSignalSpy loaded(&model, &RunHistoryModel::loaded);
    model.setJobId(id);
    QCOMPARE(model.jobId(), id);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.count(), 1);
}

QString TestRunHistoryModel::text(int row, int column, int role) const
{
    return m_model->data(m_model->index(row, column), role).toString();
}

void TestRunHistoryModel::emptyWithoutJob()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->jobId(), QString());
    job("a", "ok");
    runNow("a");
    QCOMPARE(m_model->rowCount(), 0); // no job chosen: nothing shown
    load(*m_model, "a");
    QCOMPARE(m_model->rowCount(), 1);
    m_model->setJobId({});
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->runAt(0), nullptr);
}

void TestRunHistoryModel::loadsNewestFirst()
{
    job("a", "ok");
    job("b", "fail");
    runNow("a");
    runNow("b");
    runNow("a");
    m_clock.setNowMs(T0 + 5 * minute);
    runNow("a");

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    load(*m_model, "a");
    QCOMPARE(reset.count(), 2); // emptied at once (another job), filled when the host answers
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_model->jobId(), "a");
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(m_model->runAt(0)->id > m_model->runAt(1)->id);
    QVERIFY(m_model->runAt(1)->id > m_model->runAt(2)->id);
    QCOMPARE(m_model->runAt(0)->output, "all good"); // the history pane shows it
    QCOMPARE(m_model->rowOfRun(m_model->runAt(1)->id), 1);
    QCOMPARE(m_model->rowOfRun(-5), -1);

    // Newest: scheduled at 09:05:00 today, started 09:05:00, ran 2.1 s (fake time), exit code none (a function).
    QCOMPARE(text(0, RunHistoryModel::OutcomeColumn), "Success");
    QVERIFY(!m_model->data(m_model->index(0, RunHistoryModel::OutcomeColumn), Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QCOMPARE(text(0, RunHistoryModel::ScheduledColumn), "09:05:00");
    QCOMPARE(text(0, RunHistoryModel::StartedColumn), "09:05:00.000");
    QCOMPARE(text(0, RunHistoryModel::DurationColumn), formatLateness(2'100));
    QCOMPARE(text(0, RunHistoryModel::ExitCodeColumn), QString());
    QCOMPARE(m_model->data(m_model->index(0, 0), RunHistoryModel::RunIdRole).toLongLong(), m_model->runAt(0)->id);

    // A day later the same runs carry their date.
    m_clock.setNowMs(T0 + 24 * 60 * minute);
    QCOMPARE(text(0, RunHistoryModel::ScheduledColumn), "yesterday 09:05:00");

    load(*m_model, "b");
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(text(0, RunHistoryModel::OutcomeColumn), "Failed");
    QCOMPARE(text(0, RunHistoryModel::MessageColumn), "curl: (7) Failed to connect");
    QVERIFY(text(0, RunHistoryModel::MessageColumn, Qt::ToolTipRole).contains("at line 2"));
    QCOMPARE(m_model->headerData(RunHistoryModel::StartedColumn, Qt::Horizontal).toString(), "Started");
}

void TestRunHistoryModel::runningRowThenOutcome()
{
    job("slow", "block");
    load(*m_model, "slow");
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy executed(m_client.get(), &SchedulerClient::jobExecuted);

    const auto run = m_scheduler->runJobNow("slow");
    QVERIFY(run);
    syncClient(); // its run_started event is in
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->runAt(0)->id, run->id);
    QCOMPARE(text(0, RunHistoryModel::OutcomeColumn), "Running");
    QCOMPARE(text(0, RunHistoryModel::DurationColumn), QString());

    m_gate.release();
    QVERIFY(executed.wait(5000));
    QCOMPARE(m_model->rowCount(), 1); // the same row, now with its outcome
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 0);
    QCOMPARE(text(0, RunHistoryModel::OutcomeColumn), "Success");
    QCOMPARE(text(0, RunHistoryModel::StartedColumn), "09:00:00.000");
    QCOMPARE(reset.count(), 0);
}

void TestRunHistoryModel::otherJobsIgnored()
{
    job("a", "ok");
    job("b", "ok");
    load(*m_model, "a");
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    runNow("b");
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_model->rowCount(), 0);
}

void TestRunHistoryModel::reasonsAndMissedCounts()
{
    job("r", "ok");
    // Rows as the scheduler records them, written into the host's store directly.
    QList<RunRecord> runs;
    const auto add = [&](RunReason reason, RunOutcome outcome, std::optional<std::int64_t> causedBy = {},
                         std::int64_t count = 1) {
        RunRecord run;
        run.jobId = "r";
        run.scheduledTime = T0 + runs.size() * minute;
        run.outcome = outcome;
        run.endTime = run.scheduledTime + 1000;
        run.reason = reason;
        run.causedBy = causedBy;
        run.count = count;
        runs.append(run);
    };
    add(RunReason::Scheduled, RunOutcome::Success);
    add(RunReason::CatchUp, RunOutcome::Success);
    add(RunReason::RunNow, RunOutcome::Success);
    add(RunReason::Retry, RunOutcome::Failed);
    add(RunReason::Chained, RunOutcome::Success, 123);
    add(RunReason::Backfill, RunOutcome::Success);
    add(RunReason::Scheduled, RunOutcome::Missed, {}, 5000);
    add(RunReason::Scheduled, RunOutcome::Queued);
    add(RunReason::Scheduled, RunOutcome::Replaced);
    QVERIFY(m_store->insertRuns(runs));
    load(*m_model, "r");
    QCOMPARE(m_model->rowCount(), 9);
    const QStringList reasons{"Scheduled", "Scheduled", "Scheduled", "Backfill", "Chained (after run 123)", "Retry",
                              "Run now", "Catch-up", "Scheduled"}; // newest first
    for (int row = 0; row < reasons.size(); ++row)
        QCOMPARE(text(row, RunHistoryModel::ReasonColumn), reasons.at(row));
    QCOMPARE(m_model->headerData(RunHistoryModel::ReasonColumn, Qt::Horizontal).toString(), "Reason");
    QCOMPARE(text(4, RunHistoryModel::ReasonColumn, Qt::ToolTipRole), "Started because run 123 ended");
    QCOMPARE(text(2, RunHistoryModel::OutcomeColumn), "Missed ×5000");
    QVERIFY(text(2, RunHistoryModel::OutcomeColumn, Qt::ToolTipRole).startsWith("5000 run times missed together"));
    // Queued and replaced runs have their own icons (one per outcome, none out of range).
    QCOMPARE(text(0, RunHistoryModel::OutcomeColumn), outcomeName(RunOutcome::Replaced));
    QVERIFY(!m_model->data(m_model->index(0, RunHistoryModel::OutcomeColumn), Qt::DecorationRole)
                 .value<QIcon>().isNull());
    QVERIFY(!m_model->data(m_model->index(1, RunHistoryModel::OutcomeColumn), Qt::DecorationRole)
                 .value<QIcon>().isNull());
}

void TestRunHistoryModel::missedRuns()
{
    Job j;
    j.id = "m";
    j.name = "m";
    j.trigger = std::make_shared<IntervalTrigger>(minute, T0 + minute);
    j.action = FunctionAction{"ok", {}};
    j.options.coalesce = CoalescePolicy::All;
    j.options.misfireGraceMs = 1000;
    QVERIFY(m_scheduler->addJob(j));
    load(*m_model, "m");
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy executed(m_client.get(), &SchedulerClient::jobExecuted);

    // Down from 09:00 to 09:03:00.5: the runs of 09:01 and 09:02 are missed, 09:03 runs.
    m_clock.setNowMs(T0 + 3 * minute + 500);
    m_timer->fire();
    QTRY_COMPARE(executed.count(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(text(0, RunHistoryModel::OutcomeColumn), "Success");
    QCOMPARE(text(0, RunHistoryModel::ScheduledColumn), "09:03:00");
    QCOMPARE(text(1, RunHistoryModel::OutcomeColumn), "Missed");
    QCOMPARE(text(1, RunHistoryModel::ScheduledColumn), "09:02:00");
    QCOMPARE(text(1, RunHistoryModel::MessageColumn), "missed by " + formatLateness(minute + 500));
    QCOMPARE(text(1, RunHistoryModel::StartedColumn), QString());
    QCOMPARE(text(2, RunHistoryModel::MessageColumn), "missed by " + formatLateness(2 * minute + 500));

    // The same rows as a fresh load.
    QList<std::int64_t> live;
    for (int row = 0; row < m_model->rowCount(); ++row)
        live << m_model->runAt(row)->id;
    load(*m_model, "m");
    QCOMPARE(m_model->rowCount(), live.size());
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->runAt(row)->id, live.at(row));
}

void TestRunHistoryModel::keepsHistoryLimit()
{
    // Set as the window's settings do: through the host, which answers with the limit now in force.
    bool configured = false;
    m_client->setHistoryLimit(3, nullptr, [&configured](Result<QJsonValue> answer) { configured = answer.ok(); });
    QTRY_VERIFY(configured);
    QCOMPARE(m_scheduler->historyLimit(), 3);
    QCOMPARE(m_client->historyLimit(), 3);
    job("a", "ok");
    load(*m_model, "a");
    for (int i = 0; i < 5; ++i)
        runNow("a");
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(m_model->runAt(0)->id > m_model->runAt(2)->id);
}

void TestRunHistoryModel::removalClears()
{
    job("a", "ok");
    job("b", "ok");
    runNow("a");
    load(*m_model, "a");
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(m_scheduler->removeJob("b"));
    syncClient();
    QCOMPARE(m_model->rowCount(), 1); // another job
    QVERIFY(m_scheduler->removeJob("a"));
    syncClient();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->jobId(), QString());

    job("c", "ok");
    runNow("c");
    load(*m_model, "c");
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(m_scheduler->removeAllJobs());
    syncClient();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestRunHistoryModel::dayChangeRepaintsTimes()
{
    m_clock.setNowMs(T0 + 53'970'000); // Friday 23:59:30 local
    job("a", "ok");
    runNow("a");
    RunHistoryModel model(*m_client, m_clock);
    auto *timer = model.findChild<QTimer *>("dayTimer");
    QVERIFY(timer);
    QVERIFY(timer->isActive());
    QVERIFY(timer->isSingleShot());
    // Armed at the clock's time after the run (23:59:32.1): a few ms after midnight.
    QVERIFY2(timer->remainingTime() > 27'000 && timer->remainingTime() <= 28'000,
             qPrintable(QString::number(timer->remainingTime())));

    // Nothing shown: a new day repaints nothing.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    m_clock.advance(31'000);
    QMetaObject::invokeMethod(timer, "timeout");
    QCOMPARE(changed.count(), 0);
    QVERIFY(timer->isActive());

    load(model, "a");
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex scheduled = model.index(0, RunHistoryModel::ScheduledColumn);
    QCOMPARE(model.data(scheduled).toString(), "yesterday 23:59:30");
    m_clock.advance(24 * 60 * minute); // Sunday 00:00:03
    QMetaObject::invokeMethod(timer, "timeout");
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.first().at(0).value<QModelIndex>();
    const auto bottomRight = changed.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(topLeft.column(), int(RunHistoryModel::ScheduledColumn));
    QCOMPARE(bottomRight.row(), 0);
    QCOMPARE(bottomRight.column(), int(RunHistoryModel::StartedColumn));
    const QString withDate = model.data(scheduled).toString();
    QVERIFY2(withDate.endsWith("23:59:30") && !withDate.startsWith("yesterday"), qPrintable(withDate));
    QVERIFY(timer->isActive()); // armed for the next midnight
    QVERIFY(timer->remainingTime() > 23 * 60 * minute);

    // Fired early (the wall clock went back): no repaint, armed again.
    changed.clear();
    QMetaObject::invokeMethod(timer, "timeout");
    QCOMPARE(changed.count(), 0);
    QVERIFY(timer->isActive());
}

QTEST_MAIN(TestRunHistoryModel)
#include "testrunhistorymodel.moc"
