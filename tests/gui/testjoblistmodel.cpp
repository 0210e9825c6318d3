// JobListModel and JobFilterProxyModel over a host (a real Scheduler on a fake clock, served on a private socket)
// through its SchedulerClient: live row updates, texts, sorting; and over a recorded event stream.
#include "jobs/jobfilter.h"
#include "models/jobfilterproxymodel.h"
#include "models/joblistmodel.h"
#include "models/runpresentation.h"
#include "support/jobbuilder.h"
#include "support/hostharness.h"
#include "support/testsupport.h"
#include "triggers/datetrigger.h"
#include "triggers/intervaltrigger.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QIcon>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t T0 = 1'800'000'000'000; // 2027-01-15T08:00:00Z: Friday 09:00 in Berlin
constexpr std::int64_t minute = 60'000;
constexpr std::int64_t hour = 60 * minute;
constexpr std::int64_t day = 24 * hour;

/// Counts what a model signals, to tell row-level updates from resets.
struct ModelSignals
{
    explicit ModelSignals(QAbstractItemModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , layout(model, &QAbstractItemModel::layoutChanged)
    {
    }

    void clear()
    {
        inserted.clear();
        removed.clear();
        changed.clear();
        reset.clear();
        layout.clear();
    }

    /// True when every dataChanged so far covered row @p row only.
    bool changedOnlyRow(int row) const
    {
        for (const QList<QVariant> &args : changed) {
            const auto topLeft = args.at(0).value<QModelIndex>();
            const auto bottomRight = args.at(1).value<QModelIndex>();
            if (topLeft.row() != row || bottomRight.row() != row)
                return false;
        }
        return !changed.isEmpty();
    }

    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy changed;
    QSignalSpy reset;
    QSignalSpy layout;
};

} // namespace

class TestJobListModel : public QObject, public HostHarness
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void presentation();
    void loadIsOneReset();
    void liveChangesTouchOneRow();
    void removalKeepsRowOfRight();
    void allJobsRemovedResets();
    void changesWhileLoadingAreKept();
    void displayTexts();
    void toolTipFollowsClock();
    void lastResultAfterRun();
    void failedCommandShowsExitCode();
    void lessThanOrders();
    void proxySortsAndFilters();
    void proxyKeepsSortOnLiveChanges();
    void nameSortFollowsChanges();
    void backgroundTextsAndRanks();
    void summaryRowsParseWhenAsked();
    void stateSortFollowsRunning();
    void runsWhileLoadingAreKept();
    void reloadNeverGoesBackInTime();
    void retryShowsAttemptAndTime();
    void stateFilterMatchesWhatIsShown();
    void dayChangeRepaintsDateColumns();
    void recordedStreamIsWhatTheHostSends();
    void followsARecordedEventStream();

private:
    Job dateJob(const QString &id, const QString &name, std::int64_t atMs);
    Job intervalJob(const QString &id, const QString &name, std::int64_t every);
    /// Adds @p job on the host and waits until its event has reached the client (and the model).
    Job add(Job job)
    {
        Job added = addOrDie(std::move(job));
        syncClient();
        return added;
    }
    void loadModel();
    QString text(int row, int column, int role = Qt::DisplayRole) const;
    /// What a subscriber gets from the test's host for a short script (add, pause, run, remove): the subscribe
    /// answer, then the event lines. Empty when something failed (the test has failed then).
    QList<QByteArray> captureHostStream();

    // Local time is what the window shows: pin it (and the locale's names in initTestCase) so the texts are known.
    TimeZoneGuard m_zone{"Europe/Berlin"};
    std::unique_ptr<JobListModel> m_model;
    std::unique_ptr<JobFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestJobListModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    addSucceeding("ok", "fine");
    addFailing("boom", "boom\nsecond line");
    addBlocking("block");
    // Succeeds with "fine" once the test releases m_gate (the row is seen running first).
    m_functions.add("blockThenFine", [this](const FunctionContext &) {
        m_gate.acquire();
        return FunctionResult::success("fine");
    });
}

void TestJobListModel::init()
{
    setUpScheduler(T0);
    QVERIFY(m_scheduler->start());
    setUpHost();
    m_model = std::make_unique<JobListModel>(*m_client, m_clock);
    m_proxy = std::make_unique<JobFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestJobListModel::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
    stopRuns();
    tearDownHost();
    tearDownScheduler();
}

Job TestJobListModel::dateJob(const QString &id, const QString &name, std::int64_t atMs)
{
    return JobBuilder(id).name(name).date(atMs).function("ok");
}

Job TestJobListModel::intervalJob(const QString &id, const QString &name, std::int64_t every)
{
    return JobBuilder(id).name(name).trigger(IntervalTrigger::startingAfter(every, m_clock.nowMs())).function("ok");
}

void TestJobListModel::loadModel()
{
    // As the window loads (JobListLoader): summaries, parsed only when shown or asked for.
    m_model->setJobSummaries(m_store->jobSummaries().value(), m_store->latestRuns().value());
}

QString TestJobListModel::text(int row, int column, int role) const
{
    return m_model->data(m_model->index(row, column), role).toString();
}

void TestJobListModel::presentation()
{
    // Short local times relative to now (Friday 15 January 2027, 09:00 in Berlin).
    QCOMPARE(shortDateTime(T0 + 55 * minute, T0), "09:55");
    QCOMPARE(shortDateTime(T0 + 63'000'000, T0), "tomorrow 02:30");
    QCOMPARE(shortDateTime(T0 - 65'100'000, T0), "yesterday 14:55");
    QCOMPARE(shortDateTime(T0 + 1'904'400'000, T0), "Sat 6 Feb 10:00");
    QCOMPARE(shortDateTime(T0 + 35'510'400'000, T0), "Wed 1 Mar 2028 09:00");
    QCOMPARE(shortDateTime(T0 + 2'003, T0, TimePrecision::Seconds), "09:00:02");
    QCOMPARE(shortDateTime(T0 + 2'003, T0, TimePrecision::Milliseconds), "09:00:02.003");
    QCOMPARE(shortDateTime(T0 - day, T0, TimePrecision::Seconds), "yesterday 09:00:00");
    {
        // The C locale's short time has seconds; the list still shows minutes only.
        QLocale::setDefault(QLocale::c());
        const QString minutes = shortDateTime(T0 + 55 * minute, T0);
        const QString seconds = shortDateTime(T0 + 2'003, T0, TimePrecision::Seconds);
        const QString milliseconds = shortDateTime(T0 + 2'003, T0, TimePrecision::Milliseconds);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(minutes, "09:55");
        QCOMPARE(seconds, "09:00:02");
        QCOMPARE(milliseconds, "09:00:02.003");
        // A 12-hour locale keeps its own form.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString american = shortDateTime(T0 + 5 * hour + 55 * minute, T0);
        const QString americanSeconds = shortDateTime(T0 + 5 * hour + 55 * minute + 7'000, T0, TimePrecision::Seconds);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QVERIFY2(american.startsWith("2:55") && american.contains("PM"), qPrintable(american));
        QVERIFY2(americanSeconds.startsWith("2:55:07") && americanSeconds.contains("PM"), qPrintable(americanSeconds));
    }

    QCOMPARE(relativeTime(T0 + 12 * minute, T0), "in 12 min");
    QCOMPARE(relativeTime(T0 + 3 * hour + 5 * minute, T0), "in 3 h 5 min");
    QCOMPARE(relativeTime(T0 + 2 * hour, T0), "in 2 h");
    QCOMPARE(relativeTime(T0 + 2 * day, T0), "in 2 days");
    QCOMPARE(relativeTime(T0 + 45'000, T0), "in 45 s");
    QCOMPARE(relativeTime(T0 - 12 * minute, T0), "12 min ago");
    QCOMPARE(relativeTime(T0 + 300, T0), "now");

    QCOMPARE(shortDuration(45), "45 ms");
    QCOMPARE(shortDuration(300), "0.3 s");
    QCOMPARE(shortDuration(42'000), "42 s");
    QCOMPARE(shortDuration(4 * minute + 10'000), "4 min");
    QCOMPARE(shortDuration(3 * hour + 5 * minute), "3 h 5 min");

    QCOMPARE(nextLocalMidnight(T0), T0 + 15 * hour); // 2027-01-16T00:00+01:00

    RunRecord run;
    run.outcome = RunOutcome::Success;
    run.startTime = T0;
    run.endTime = T0 + 300;
    QCOMPARE(outcomeText(run), "0.3 s");
    run.outcome = RunOutcome::Failed;
    run.exitCode = 1;
    run.error = "curl: (7) Failed to connect\nmore detail";
    QCOMPARE(outcomeText(run), "exit 1");
    QCOMPARE(outcomeToolTip(run), "Failed: curl: (7) Failed to connect");
    run.exitCode.reset();
    QCOMPARE(outcomeText(run), "failed");
    run.outcome = RunOutcome::TimedOut;
    QCOMPARE(outcomeText(run), "timed out");
    run.outcome = RunOutcome::Missed;
    QCOMPARE(outcomeText(run), "missed");
    run.outcome = RunOutcome::Skipped;
    QCOMPARE(outcomeText(run), "skipped");
    run.outcome = RunOutcome::Interrupted;
    QCOMPARE(outcomeText(run), "interrupted");

    for (RunOutcome outcome : {RunOutcome::Running, RunOutcome::Success, RunOutcome::Failed, RunOutcome::Missed,
                               RunOutcome::Skipped, RunOutcome::Interrupted, RunOutcome::TimedOut}) {
        const QIcon icon = outcomeIcon(outcome);
        QVERIFY2(!icon.pixmap(16, 16).isNull(), qPrintable(RunRecord::outcomeName(outcome)));
    }
}

void TestJobListModel::loadIsOneReset()
{
    add(intervalJob("a", "Alpha", hour));
    add(intervalJob("b", "Beta", minute));
    ModelSignals model(m_model.get());
    QSignalSpy loaded(m_model.get(), &JobListModel::loaded);
    QVERIFY(!m_model->isLoaded());
    QCOMPARE(m_model->rowCount(), 0);

    loadModel();
    QVERIFY(m_model->isLoaded());
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(model.reset.count(), 1);
    QCOMPARE(model.inserted.count(), 0);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_proxy->rowCount(), 2);
    QVERIFY(m_model->rowOf("a") >= 0);
    QCOMPARE(m_model->jobAt(m_model->rowOf("b"))->name, "Beta");
    QCOMPARE(m_model->rowOf("nope"), -1);
    QCOMPARE(m_model->jobAt(5), nullptr);
    QCOMPARE(m_model->data(m_model->index(m_model->rowOf("a"), JobListModel::StateColumn),
                           JobListModel::JobIdRole).toString(), "a");
}

void TestJobListModel::liveChangesTouchOneRow()
{
    add(intervalJob("a", "Alpha", hour));
    add(intervalJob("b", "Beta", minute));
    loadModel();
    ModelSignals model(m_model.get());

    // Added: inserted at the end.
    add(intervalJob("c", "Gamma", 5 * minute));
    QCOMPARE(model.inserted.count(), 1);
    QCOMPARE(model.inserted.first().at(1).toInt(), 2);
    QCOMPARE(model.inserted.first().at(2).toInt(), 2);
    QCOMPARE(m_model->rowOf("c"), 2);
    QCOMPARE(text(2, JobListModel::NameColumn), "Gamma");
    QCOMPARE(text(2, JobListModel::ScheduleColumn), "Every 5 minutes");

    // Modified: that row, every column, and nothing else.
    model.clear();
    JobChanges rename;
    rename.name = "Beta renamed";
    QVERIFY(m_scheduler->modifyJob("b", rename));
    syncClient();
    const int b = m_model->rowOf("b");
    QVERIFY(model.changedOnlyRow(b));
    QCOMPARE(model.changed.first().at(0).value<QModelIndex>().column(), 0);
    QCOMPARE(model.changed.first().at(1).value<QModelIndex>().column(), JobListModel::ColumnCount - 1);
    QCOMPARE(text(b, JobListModel::NameColumn), "Beta renamed");

    // Rescheduled: the schedule text follows the new trigger.
    model.clear();
    QVERIFY(m_scheduler->rescheduleJob("b", std::make_shared<IntervalTrigger>(2 * hour, T0 + 2 * hour)));
    syncClient();
    QVERIFY(model.changedOnlyRow(b));
    QCOMPARE(text(b, JobListModel::ScheduleColumn), "Every 2 hours");
    QCOMPARE(text(b, JobListModel::NextRunColumn), "11:00");

    // Paused and resumed.
    model.clear();
    QVERIFY(m_scheduler->pauseJob("a"));
    syncClient();
    const int a = m_model->rowOf("a");
    QVERIFY(model.changedOnlyRow(a));
    QCOMPARE(text(a, JobListModel::StateColumn), "Paused");
    QCOMPARE(text(a, JobListModel::NextRunColumn), QString(QChar(0x2014)));
    model.clear();
    QVERIFY(m_scheduler->resumeJob("a"));
    syncClient();
    QVERIFY(model.changedOnlyRow(a));
    QCOMPARE(text(a, JobListModel::StateColumn), "Scheduled");
    QCOMPARE(text(a, JobListModel::NextRunColumn), "10:00");

    // Removed.
    model.clear();
    QVERIFY(m_scheduler->removeJob("a"));
    syncClient();
    QCOMPARE(model.removed.count(), 1);
    QCOMPARE(model.removed.first().at(1).toInt(), a);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowOf("a"), -1);

    QCOMPARE(model.reset.count(), 0);
    QCOMPARE(m_proxy->rowCount(), 2);
}

void TestJobListModel::removalKeepsRowOfRight()
{
    for (int i = 0; i < 6; ++i)
        add(intervalJob(QStringLiteral("j%1").arg(i), QStringLiteral("Job %1").arg(i), (i + 1) * minute));
    loadModel();
    QVERIFY(m_scheduler->removeJob("j2"));
    syncClient();
    QVERIFY(m_scheduler->removeJob("j0"));
    syncClient();
    QCOMPARE(m_model->rowCount(), 4);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->rowOf(m_model->jobAt(row)->id), row);
    add(intervalJob("j9", "Job 9", minute));
    QCOMPARE(m_model->rowOf("j9"), 4);
}

void TestJobListModel::allJobsRemovedResets()
{
    add(intervalJob("a", "Alpha", hour));
    add(intervalJob("b", "Beta", hour));
    loadModel();
    ModelSignals model(m_model.get());
    QVERIFY(m_scheduler->removeAllJobs());
    syncClient();
    QCOMPARE(model.reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->rowOf("a"), -1);
    add(intervalJob("c", "Gamma", hour));
    QCOMPARE(model.inserted.count(), 1);
    QCOMPARE(m_model->rowOf("c"), 0);
}

void TestJobListModel::changesWhileLoadingAreKept()
{
    add(intervalJob("kept", "Kept", hour));
    add(intervalJob("removed", "Removed", hour));
    add(intervalJob("renamed", "Old name", hour));
    const QList<Job> snapshot = m_scheduler->jobs().value(); // what a loader read...
    // ... while these happened:
    add(intervalJob("new", "New", hour));
    QVERIFY(m_scheduler->removeJob("removed"));
    syncClient();
    JobChanges rename;
    rename.name = "New name";
    QVERIFY(m_scheduler->modifyJob("renamed", rename));
    syncClient();
    QCOMPARE(m_model->rowCount(), 0); // nothing shown before the load

    m_model->setJobs(snapshot, {});
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(m_model->rowOf("kept") >= 0);
    QVERIFY(m_model->rowOf("new") >= 0);
    QCOMPARE(m_model->rowOf("removed"), -1);
    QCOMPARE(m_model->jobAt(m_model->rowOf("renamed"))->name, "New name");
    // In the snapshot's order, the changed job in its place, the new one after.
    QCOMPARE(m_model->rowOf("kept"), 0);
    QCOMPARE(m_model->rowOf("renamed"), 1);
    QCOMPARE(m_model->rowOf("new"), 2);

    // Everything removed while a second model loads: the older snapshot is dropped.
    JobListModel second(*m_client, m_clock);
    const QList<Job> before = m_scheduler->jobs().value();
    QVERIFY(m_scheduler->removeAllJobs());
    syncClient();
    add(intervalJob("after", "After", hour));
    second.setJobs(before, {});
    QCOMPARE(second.rowCount(), 1);
    QCOMPARE(second.rowOf("after"), 0);
}

void TestJobListModel::displayTexts()
{
    add(dateJob("today", "Warm the cache", T0 + 55 * minute));
    add(dateJob("tomorrow", "Nightly backup", T0 + 63'000'000));
    add(dateJob("february", "Report", T0 + 1'904'400'000));
    add(dateJob("next-year", "Renew", T0 + 35'510'400'000));
    Job paused = intervalJob("paused", "Report mail", hour);
    paused.paused = true;
    add(paused);
    loadModel();

    auto next = [this](const QString &id) { return text(m_model->rowOf(id), JobListModel::NextRunColumn); };
    QCOMPARE(next("today"), "09:55");
    QCOMPARE(next("tomorrow"), "tomorrow 02:30");
    QCOMPARE(next("february"), "Sat 6 Feb 10:00");
    QCOMPARE(next("next-year"), "Wed 1 Mar 2028 09:00");
    QCOMPARE(next("paused"), QString(QChar(0x2014)));

    const int today = m_model->rowOf("today");
    QCOMPARE(text(today, JobListModel::NameColumn), "Warm the cache");
    QCOMPARE(text(today, JobListModel::ScheduleColumn), m_model->jobAt(today)->trigger->description());
    QCOMPARE(text(today, JobListModel::StateColumn), "Scheduled");
    QCOMPARE(text(today, JobListModel::LastRunColumn), QString(QChar(0x2014)));
    QCOMPARE(text(today, JobListModel::LastResultColumn), QString());
    QVERIFY(text(today, JobListModel::NameColumn, Qt::ToolTipRole).contains("today"));
    QCOMPARE(text(m_model->rowOf("paused"), JobListModel::StateColumn), "Paused");
    QVERIFY(text(m_model->rowOf("paused"), JobListModel::NextRunColumn, Qt::ToolTipRole).contains("Paused"));

    QCOMPARE(m_model->headerData(JobListModel::NextRunColumn, Qt::Horizontal).toString(), "Next run");
    QCOMPARE(m_model->data(m_model->index(today, JobListModel::NextRunColumn), JobListModel::SortRole).toLongLong(),
             T0 + 55 * minute);
}

void TestJobListModel::toolTipFollowsClock()
{
    add(dateJob("soon", "Soon", T0 + 12 * minute));
    add(dateJob("later", "Later", T0 + 3 * hour + 5 * minute));
    add(dateJob("days", "Days", T0 + 2 * day));
    loadModel();
    auto tip = [this](const QString &id) {
        return text(m_model->rowOf(id), JobListModel::NextRunColumn, Qt::ToolTipRole);
    };
    QVERIFY2(tip("soon").endsWith("in 12 min"), qPrintable(tip("soon")));
    QVERIFY(tip("soon").contains("2027"));
    QVERIFY2(tip("later").endsWith("in 3 h 5 min"), qPrintable(tip("later")));
    QVERIFY2(tip("days").endsWith("in 2 days"), qPrintable(tip("days")));

    m_clock.advance(7 * minute);
    QVERIFY2(tip("soon").endsWith("in 5 min"), qPrintable(tip("soon")));
    QVERIFY2(tip("later").endsWith("in 2 h 58 min"), qPrintable(tip("later")));
}

void TestJobListModel::lastResultAfterRun()
{
    Job fine = intervalJob("ok", "Fine job", hour);
    fine.action = FunctionAction{"blockThenFine", {}};
    add(fine);
    Job failing = intervalJob("boom", "Failing job", hour);
    failing.action = FunctionAction{"boom", {}};
    add(failing);
    loadModel();
    const int row = m_model->rowOf("ok");
    ModelSignals model(m_model.get());
    QSignalSpy executed(m_client.get(), &SchedulerClient::jobExecuted);

    QVERIFY(m_scheduler->runJobNow("ok"));
    syncClient();
    syncClient();
    QCOMPARE(text(row, JobListModel::StateColumn), "Running");
    QVERIFY(model.changedOnlyRow(row));
    m_gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(!executed.isEmpty(), 5000);
    QCOMPARE(text(row, JobListModel::LastResultColumn), "0 ms"); // the fake clock stood still during the run
    QCOMPARE(text(row, JobListModel::LastRunColumn), "09:00");
    QVERIFY(!m_model->data(m_model->index(row, JobListModel::LastResultColumn), Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QVERIFY(m_model->lastRunAt(row));
    QCOMPARE(m_model->lastRunAt(row)->outcome, RunOutcome::Success);
    QVERIFY(m_model->lastRunAt(row)->output.isEmpty()); // not kept by the list
    QTRY_COMPARE(text(row, JobListModel::StateColumn), "Scheduled");
    QTRY_VERIFY(model.changed.count() >= 3); // started, ended, no longer running
    QVERIFY(model.changedOnlyRow(row));
    QCOMPARE(model.reset.count(), 0);

    QSignalSpy error(m_client.get(), &SchedulerClient::jobError);
    const int boom = m_model->rowOf("boom");
    QVERIFY(m_scheduler->runJobNow("boom"));
    syncClient();
    QTRY_VERIFY_WITH_TIMEOUT(!error.isEmpty(), 5000);
    QCOMPARE(text(boom, JobListModel::LastResultColumn), "failed");
    QCOMPARE(text(boom, JobListModel::LastResultColumn, Qt::ToolTipRole), "Failed: boom");

    // A reload shows the same last runs (from the store, once the scheduler has written them).
    QTRY_COMPARE(m_store->latestRuns().value().value("boom").outcome, RunOutcome::Failed);
    JobListModel reloaded(*m_client, m_clock);
    reloaded.setJobs(m_scheduler->jobs().value(), m_store->latestRuns().value());
    QCOMPARE(reloaded.data(reloaded.index(reloaded.rowOf("boom"), JobListModel::LastResultColumn)).toString(),
             "failed");
}

void TestJobListModel::failedCommandShowsExitCode()
{
    Job job = intervalJob("exit3", "Exits 3", hour);
    job.action = CommandAction{"/bin/sh", {"-c", "exit 3"}, {}, {}, false};
    add(job);
    loadModel();
    QSignalSpy error(m_client.get(), &SchedulerClient::jobError);
    QVERIFY(m_scheduler->runJobNow("exit3"));
    syncClient();
    QTRY_VERIFY_WITH_TIMEOUT(!error.isEmpty(), 10000);
    QCOMPARE(text(m_model->rowOf("exit3"), JobListModel::LastResultColumn), "exit 3");
}

void TestJobListModel::lessThanOrders()
{
    add(dateJob("later", "job 10", T0 + 2 * hour));
    add(dateJob("sooner", "Job 2", T0 + hour));
    Job paused = dateJob("paused", "alpha", T0 + 30 * minute);
    paused.paused = true;
    add(paused);
    add(dateJob("soonest", "Émile", T0 + 10 * minute));
    loadModel();
    const int later = m_model->rowOf("later"), sooner = m_model->rowOf("sooner"), pausedRow = m_model->rowOf("paused"),
              soonest = m_model->rowOf("soonest");

    // Next run: by instant, no next run last.
    QVERIFY(m_model->lessThan(soonest, sooner, JobListModel::NextRunColumn));
    QVERIFY(m_model->lessThan(sooner, later, JobListModel::NextRunColumn));
    QVERIFY(m_model->lessThan(later, pausedRow, JobListModel::NextRunColumn));
    QVERIFY(!m_model->lessThan(pausedRow, later, JobListModel::NextRunColumn));
    QVERIFY(!m_model->lessThan(later, later, JobListModel::NextRunColumn));

    // Names: locale order ignoring case, numbers by value.
    QVERIFY(m_model->lessThan(pausedRow, soonest, JobListModel::NameColumn)); // alpha < Émile
    QVERIFY(m_model->lessThan(soonest, sooner, JobListModel::NameColumn));    // Émile < Job 2
    QVERIFY(m_model->lessThan(sooner, later, JobListModel::NameColumn));      // Job 2 < job 10
    QVERIFY(!m_model->lessThan(later, sooner, JobListModel::NameColumn));

    // State: scheduled before paused.
    QVERIFY(m_model->lessThan(sooner, pausedRow, JobListModel::StateColumn));
    QVERIFY(!m_model->lessThan(pausedRow, sooner, JobListModel::StateColumn));

    // Last run: never run first; then by instant.
    QSignalSpy executed(m_client.get(), &SchedulerClient::jobExecuted);
    QVERIFY(m_scheduler->runJobNow("later"));
    syncClient();
    QTRY_VERIFY_WITH_TIMEOUT(!executed.isEmpty(), 5000);
    QVERIFY(m_model->lessThan(sooner, later, JobListModel::LastRunColumn));
    QVERIFY(!m_model->lessThan(later, sooner, JobListModel::LastRunColumn));
    QVERIFY(m_model->lessThan(sooner, later, JobListModel::LastResultColumn));
}

void TestJobListModel::proxySortsAndFilters()
{
    add(dateJob("c", "Cache warm-up", T0 + 2 * hour));
    Job backup = dateJob("b", "Nightly backup", T0 + hour);
    backup.action = CommandAction{"/usr/bin/rsync", {"-a", "/home", "/mnt/backup"}, {}, {}, false};
    add(backup);
    add(dateJob("t", "Delete expired tokens", T0 + 10 * minute));
    Job paused = dateJob("p", "Report mail", T0 + 3 * hour);
    paused.paused = true;
    add(paused);
    loadModel();
    auto names = [this] {
        QStringList list;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            list << m_proxy->index(row, JobListModel::NameColumn).data().toString();
        return list;
    };

    m_proxy->sort(JobListModel::NextRunColumn, Qt::AscendingOrder);
    QCOMPARE(names(), QStringList({"Delete expired tokens", "Nightly backup", "Cache warm-up", "Report mail"}));
    m_proxy->sort(JobListModel::NextRunColumn, Qt::DescendingOrder);
    QCOMPARE(names(), QStringList({"Report mail", "Cache warm-up", "Nightly backup", "Delete expired tokens"}));
    m_proxy->sort(JobListModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(names(), QStringList({"Cache warm-up", "Delete expired tokens", "Nightly backup", "Report mail"}));

    // Text: any field, every word.
    m_proxy->setFilter({"backup", {}});
    QCOMPARE(names(), QStringList({"Nightly backup"}));
    m_proxy->setFilter({"RSYNC /mnt", {}});
    QCOMPARE(names(), QStringList({"Nightly backup"}));
    m_proxy->setFilter({"e", {}});
    QCOMPARE(names().size(), 4);
    QCOMPARE(m_proxy->filter().text, "e");
    // State.
    m_proxy->setFilter({{}, JobState::Paused});
    QCOMPARE(names(), QStringList({"Report mail"}));
    m_proxy->setFilter({"report", JobState::Scheduled});
    QCOMPARE(names(), QStringList());
    m_proxy->setFilter({});
    QCOMPARE(names().size(), 4);

    // A job added while filtered shows only if it matches.
    m_proxy->setFilter({"backup", {}});
    add(dateJob("x", "Second backup", T0 + 5 * minute));
    add(dateJob("y", "Unrelated", T0 + 5 * minute));
    QCOMPARE(names(), QStringList({"Nightly backup", "Second backup"}));
}

void TestJobListModel::proxyKeepsSortOnLiveChanges()
{
    add(dateJob("a", "A", T0 + 10 * minute));
    add(dateJob("b", "B", T0 + 20 * minute));
    add(dateJob("c", "C", T0 + 30 * minute));
    loadModel();
    m_proxy->sort(JobListModel::NextRunColumn, Qt::AscendingOrder);
    ModelSignals source(m_model.get());
    QVERIFY(m_scheduler->rescheduleJob("a", std::make_shared<DateTrigger>(T0 + 40 * minute)));
    syncClient();
    QCOMPARE(m_proxy->index(2, JobListModel::NameColumn).data().toString(), "A");
    QVERIFY(m_scheduler->pauseJob("c"));
    syncClient();
    QCOMPARE(m_proxy->index(2, JobListModel::NameColumn).data().toString(), "C"); // no next run: last
    QCOMPARE(source.reset.count(), 0);
}

void TestJobListModel::nameSortFollowsChanges()
{
    add(dateJob("d", "delta", T0 + hour));
    add(dateJob("a", "Alpha", T0 + 2 * hour));
    add(intervalJob("c", "charlie", 5 * minute));
    loadModel();
    auto names = [this] {
        QStringList list;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            list << m_proxy->index(row, JobListModel::NameColumn).data().toString();
        return list;
    };
    m_proxy->sort(JobListModel::NameColumn, Qt::AscendingOrder); // integer ranks from here
    QCOMPARE(names(), QStringList({"Alpha", "charlie", "delta"}));
    add(dateJob("b", "Bravo", T0 + hour)); // placed by collation keys: ranks are stale now
    QCOMPARE(names(), QStringList({"Alpha", "Bravo", "charlie", "delta"}));
    JobChanges rename;
    rename.name = "aardvark";
    QVERIFY(m_scheduler->modifyJob("d", rename));
    syncClient();
    QCOMPARE(names(), QStringList({"aardvark", "Alpha", "Bravo", "charlie"}));
    m_proxy->sort(JobListModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(names(), QStringList({"charlie", "Bravo", "Alpha", "aardvark"}));
    QVERIFY(m_scheduler->removeJob("b"));
    syncClient();
    m_proxy->sort(JobListModel::NameColumn, Qt::AscendingOrder); // ranks survive a removal
    QCOMPARE(names(), QStringList({"aardvark", "Alpha", "charlie"}));

    // Schedules sort by their text.
    m_proxy->sort(JobListModel::ScheduleColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->index(0, JobListModel::NameColumn).data().toString(), "charlie"); // "Every 5 minutes" first
    const int c = m_model->rowOf("c"), a = m_model->rowOf("a");
    QVERIFY(m_model->lessThan(c, a, JobListModel::ScheduleColumn)); // before "Once at ..."
    QVERIFY(!m_model->lessThan(a, c, JobListModel::ScheduleColumn));
    // A new model reset keeps the proxy's column and order.
    loadModel();
    QCOMPARE(m_proxy->index(0, JobListModel::NameColumn).data().toString(), "charlie");
}

void TestJobListModel::backgroundTextsAndRanks()
{
    const QStringList names = {"job 10", "Job 2", "alpha", "Émile", "zulu", "Eve", "job 1", "Alpha"};
    for (int i = 0; i < names.size(); ++i)
        add(intervalJob(QStringLiteral("j%1").arg(i), names.at(i), (i + 1) * minute));
    const QList<Job> snapshot = m_scheduler->jobs().value();
    JobChanges rename;
    rename.name = "beta";
    QVERIFY(m_scheduler->modifyJob("j4", rename)); // while "loading": the worker's ranks cannot be used
    syncClient();
    m_model->setJobs(snapshot, {});
    QThreadPool::globalInstance()->waitForDone(); // the model's worker has built texts and ranks...
    QCoreApplication::processEvents();              // ... and they are in
    auto proxyNames = [this] {
        QStringList list;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            list << m_proxy->index(row, JobListModel::NameColumn).data().toString();
        return list;
    };
    const QStringList expected = {"alpha", "Alpha", "beta", "Émile", "Eve", "job 1", "Job 2", "job 10"};
    m_proxy->sort(JobListModel::NameColumn, Qt::AscendingOrder);

    QCOMPARE(proxyNames(), expected);

    // Loaded without changes: the worker's ranks are used, and agree.
    JobListModel second(*m_client, m_clock);
    JobFilterProxyModel proxy;
    proxy.setSourceModel(&second);
    second.setJobs(m_scheduler->jobs().value(), {});
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    proxy.sort(JobListModel::NameColumn, Qt::AscendingOrder);
    QStringList sorted;
    for (int row = 0; row < proxy.rowCount(); ++row)
        sorted << proxy.index(row, JobListModel::NameColumn).data().toString();
    QCOMPARE(sorted, expected);
    for (int row = 0; row < second.rowCount(); ++row) {
        QCOMPARE(second.scheduleText(row), second.jobAt(row)->trigger->description());
        QVERIFY(second.matches(row, {second.jobAt(row)->id, {}}));
    }
    // The search texts the worker made are dropped for a job that changes.
    QVERIFY(m_scheduler->modifyJob("j0", rename));
    syncClient();
    QVERIFY(second.matches(second.rowOf("j0"), {"beta", {}}));
    QVERIFY(!second.matches(second.rowOf("j0"), {"job", {}}));
}

void TestJobListModel::summaryRowsParseWhenAsked()
{
    add(JobBuilder("cmd").name("Backup").trigger(IntervalTrigger::startingAfter(5 * minute, T0))
            .command("/usr/bin/rsync", {"--archive", "/srv"}));
    add(dateJob("once", "Once", T0 + hour));
    // Intervals differing in their start share one description; another interval has its own.
    add(JobBuilder("same").name("Same").trigger(std::make_unique<IntervalTrigger>(5 * minute, T0 - 1234)).function(
        "ok"));
    add(JobBuilder("other").name("Other").trigger(std::make_unique<IntervalTrigger>(7 * minute, T0 - 99)).function(
        "ok"));
    QList<JobSummary> summaries = m_store->jobSummaries().value();
    QCOMPARE(summaries.size(), 4);
    JobSummary broken = summaries.first(); // as a newer Punctual might have written it
    broken.id = "broken";
    broken.name = "Broken";
    broken.texts.trigger = "{\"type\": \"lunar\"}";
    summaries.append(broken);
    m_model->setJobSummaries(summaries, {});

    // Before the model's worker is done: each row's texts come from its summary alone.
    const int cmd = m_model->rowOf("cmd");
    QCOMPARE(m_model->summaryAt(cmd)->name, "Backup");
    QCOMPARE(m_model->scheduleText(cmd), IntervalTrigger::describeInterval(5 * minute));
    QCOMPARE(m_model->scheduleText(m_model->rowOf("same")), IntervalTrigger::describeInterval(5 * minute));
    QCOMPARE(m_model->scheduleText(m_model->rowOf("other")), IntervalTrigger::describeInterval(7 * minute));
    QCOMPARE(m_model->scheduleText(m_model->rowOf("once")), m_scheduler->job("once").value().trigger->description());
    QVERIFY(m_model->matches(cmd, {"rsync archive", {}})); // the action's text, parsed for the filter
    QVERIFY(!m_model->matches(m_model->rowOf("once"), {"rsync", {}}));
    const Job *job = m_model->jobAt(cmd);
    QVERIFY(job);
    QCOMPARE(job->action, m_scheduler->job("cmd").value().action);
    QCOMPARE(job->trigger->toJson(), m_scheduler->job("cmd").value().trigger->toJson());
    QCOMPARE(m_model->jobAt(cmd), job); // parsed once, kept

    // A row whose trigger this build cannot read is listed as the store has it (found by its name), but has
    // no schedule text and gives no job.
    const int bad = m_model->rowOf("broken");
    QVERIFY(bad >= 0);
    QCOMPARE(text(bad, JobListModel::NameColumn), "Broken");
    QCOMPARE(m_model->scheduleText(bad), QString());
    QCOMPARE(m_model->jobAt(bad), nullptr);
    QVERIFY(m_model->matches(bad, {"broken", {}}));
    QCOMPARE(m_model->summaryAt(bad)->state(), JobState::Scheduled);

    // The worker's texts agree with the ones made on demand.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    JobListModel warmed(*m_client, m_clock);
    warmed.setJobSummaries(summaries, {});
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    for (const char *id : {"cmd", "same", "other", "once"})
        QCOMPARE(warmed.scheduleText(warmed.rowOf(id)), m_model->scheduleText(m_model->rowOf(id)));
    QVERIFY(warmed.matches(warmed.rowOf("cmd"), {"rsync archive", {}}));
    QVERIFY(warmed.matches(warmed.rowOf("broken"), {"broken", {}}));
    QCOMPARE(warmed.scheduleText(warmed.rowOf("broken")), QString());
}

void TestJobListModel::stateSortFollowsRunning()
{
    add(intervalJob("s", "Scheduled", hour));
    Job paused = intervalJob("p", "Paused", hour);
    paused.paused = true;
    add(paused);
    Job slow = intervalJob("r", "Runs", hour);
    slow.action = FunctionAction{"block", {}};
    add(slow);
    loadModel();
    m_proxy->sort(JobListModel::StateColumn, Qt::AscendingOrder);
    auto first = [this] { return m_proxy->index(0, JobListModel::NameColumn).data().toString(); };
    const int s = m_model->rowOf("s"), p = m_model->rowOf("p"), r = m_model->rowOf("r");
    QVERIFY(m_model->lessThan(s, p, JobListModel::StateColumn));
    QVERIFY(!m_model->isRunning(r));

    QVERIFY(m_scheduler->runJobNow("r"));
    syncClient();
    QVERIFY(m_model->isRunning(r));
    QCOMPARE(text(r, JobListModel::StateColumn), "Running");
    QVERIFY(m_model->lessThan(r, s, JobListModel::StateColumn));
    QCOMPARE(first(), "Runs"); // moved to the top by the dynamic sort
    QVERIFY(!m_model->data(m_model->index(r, JobListModel::StateColumn), Qt::DecorationRole).value<QIcon>().isNull());

    m_gate.release();
    QTRY_VERIFY(!m_model->isRunning(r));
    QTRY_COMPARE(text(r, JobListModel::StateColumn), "Scheduled");
    // Both scheduled again: equal states fall back to the id ("r" before "s"), so the order is total.
    QTRY_VERIFY(!m_model->lessThan(s, r, JobListModel::StateColumn));
    QVERIFY(m_model->lessThan(r, s, JobListModel::StateColumn));
    QCOMPARE(m_proxy->index(0, JobListModel::StateColumn).data().toString(), "Scheduled");
    QCOMPARE(m_proxy->index(2, JobListModel::StateColumn).data().toString(), "Paused");
}

void TestJobListModel::runsWhileLoadingAreKept()
{
    add(intervalJob("a", "Alpha", hour));
    const QList<Job> snapshot = m_scheduler->jobs().value();
    const auto runs = m_store->latestRuns().value(); // empty: nothing has run yet
    QSignalSpy executed(m_client.get(), &SchedulerClient::jobExecuted);
    QVERIFY(m_scheduler->runJobNow("a"));
    syncClient();
    QTRY_VERIFY_WITH_TIMEOUT(!executed.isEmpty(), 5000);
    m_model->setJobs(snapshot, runs);
    QVERIFY(m_model->lastRunAt(0));
    QCOMPARE(m_model->lastRunAt(0)->outcome, RunOutcome::Success);
    QCOMPARE(text(0, JobListModel::LastResultColumn), "0 ms");
}

void TestJobListModel::reloadNeverGoesBackInTime()
{
    add(intervalJob("renamed", "Old name", hour));
    add(intervalJob("removed", "Removed", hour));
    add(intervalJob("ran", "Ran", hour));
    loadModel();

    // A reload begins and its snapshot is read...
    m_model->beginLoad();
    const QList<Job> snapshot = m_scheduler->jobs().value();
    const auto runs = m_store->latestRuns().value();
    // ... then these are signalled (and shown at once) before the snapshot is applied:
    JobChanges rename;
    rename.name = "New name";
    QVERIFY(m_scheduler->modifyJob("renamed", rename));
    syncClient();
    QVERIFY(m_scheduler->removeJob("removed"));
    syncClient();
    add(intervalJob("added", "Added", hour));
    QSignalSpy executed(m_client.get(), &SchedulerClient::jobExecuted);
    QVERIFY(m_scheduler->runJobNow("ran"));
    syncClient();
    QTRY_VERIFY_WITH_TIMEOUT(!executed.isEmpty(), 5000);
    QCOMPARE(m_model->jobAt(m_model->rowOf("renamed"))->name, "New name");

    ModelSignals model(m_model.get());
    m_model->setJobs(snapshot, runs);
    QCOMPARE(model.reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->jobAt(m_model->rowOf("renamed"))->name, "New name");
    QCOMPARE(m_model->rowOf("removed"), -1);
    QVERIFY(m_model->rowOf("added") >= 0);
    QVERIFY(m_model->lastRunAt(m_model->rowOf("ran")));
    QCOMPARE(m_model->lastRunAt(m_model->rowOf("ran"))->outcome, RunOutcome::Success);

    // A snapshot without a last run already shown (its row written behind, after the read): the shown one stays.
    m_model->beginLoad();
    m_model->setJobs(m_scheduler->jobs().value(), {});
    QVERIFY(m_model->lastRunAt(m_model->rowOf("ran")));
    QCOMPARE(text(m_model->rowOf("ran"), JobListModel::LastResultColumn), "0 ms");

    // Everything removed while reloading: the older snapshot is dropped, what came after is kept.
    m_model->beginLoad();
    const QList<Job> before = m_scheduler->jobs().value();
    QVERIFY(m_scheduler->removeAllJobs());
    syncClient();
    add(intervalJob("after", "After", hour));
    m_model->setJobs(before, {});
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowOf("after"), 0);

    // A failed load keeps the rows; what was kept for it is let go.
    m_model->beginLoad();
    QVERIFY(m_scheduler->pauseJob("after"));
    syncClient();
    m_model->loadFailed();
    QCOMPARE(text(0, JobListModel::StateColumn), "Paused");
    m_model->setJobs(before, {}); // a stale snapshot without a load begun: taken as it is
    QCOMPARE(m_model->rowOf("after"), -1);
}

void TestJobListModel::retryShowsAttemptAndTime()
{
    Job flaky = intervalJob("flaky", "Flaky", hour);
    flaky.action = FunctionAction{"boom", {}};
    flaky.options.maxRetries = 2;
    flaky.options.retryDelayMs = 5 * minute;
    add(flaky);
    Job late = intervalJob("late", "Late", hour);
    late.action = FunctionAction{"boom", {}};
    late.options.maxRetries = 1;
    late.options.retryDelayMs = 20 * hour;
    add(late);
    add(intervalJob("s", "Scheduled", hour));
    Job slow = intervalJob("r", "Runs", hour);
    slow.action = FunctionAction{"block", {}};
    add(slow);
    loadModel();
    const int row = m_model->rowOf("flaky"), s = m_model->rowOf("s"), r = m_model->rowOf("r");

    QSignalSpy errors(m_client.get(), &SchedulerClient::jobError);
    QVERIFY(m_scheduler->runJobNow("flaky"));
    syncClient();
    QVERIFY(m_scheduler->runJobNow("late"));
    syncClient();
    QTRY_COMPARE(errors.size(), 2);
    // Waiting to retry: neither running nor its stored state; attempt of attempts, and the local time (Berlin).
    QTRY_COMPARE(text(row, JobListModel::StateColumn), "Retrying (2 of 3) at 09:05");
    QCOMPARE(m_model->shownState(row), JobListModel::ShownState::Retrying);
    QVERIFY(!m_model->isRunning(row));
    QCOMPARE(text(row, JobListModel::LastResultColumn), "failed");
    QCOMPARE(text(row, JobListModel::StateColumn, Qt::ToolTipRole),
             QStringLiteral("The last run failed. Attempt 2 of 3: %1\nin 5 min").arg(longDateTime(T0 + 5 * minute)));
    QVERIFY(m_model->data(m_model->index(row, JobListModel::StateColumn), Qt::DecorationRole).isNull());
    // Not today: with its day.
    QCOMPARE(text(m_model->rowOf("late"), JobListModel::StateColumn), "Retrying (2 of 2) at tomorrow 05:00");

    // Sorted after running, before scheduled.
    QVERIFY(m_scheduler->runJobNow("r"));
    syncClient();
    QVERIFY(m_model->lessThan(r, row, JobListModel::StateColumn));
    QVERIFY(m_model->lessThan(row, s, JobListModel::StateColumn));
    QVERIFY(!m_model->lessThan(s, row, JobListModel::StateColumn));

    // The next attempt fails too: the third waits; then none is left.
    ModelSignals model(m_model.get());
    wake(T0 + 5 * minute);
    QTRY_COMPARE(text(row, JobListModel::StateColumn), "Retrying (3 of 3) at 09:10");
    QVERIFY(model.changed.count() >= 2); // running, then retrying again
    wake(T0 + 10 * minute);
    QTRY_COMPARE(text(row, JobListModel::StateColumn), "Scheduled");
    QCOMPARE(m_model->shownState(row), JobListModel::ShownState::Scheduled);
}

void TestJobListModel::stateFilterMatchesWhatIsShown()
{
    Job slow = intervalJob("r", "Runs", hour);
    slow.action = FunctionAction{"block", {}};
    add(slow);
    Job pausedSlow = slow;
    pausedSlow.id = "pr";
    pausedSlow.name = "Paused, still running";
    add(pausedSlow);
    Job flaky = intervalJob("f", "Flaky", hour);
    flaky.action = FunctionAction{"boom", {}};
    flaky.options.maxRetries = 1;
    flaky.options.retryDelayMs = 5 * minute;
    add(flaky);
    add(intervalJob("s", "Scheduled", hour));
    Job paused = intervalJob("p", "Paused", hour);
    paused.paused = true;
    add(paused);
    loadModel();
    auto listed = [this] {
        QStringList ids;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            ids << m_proxy->index(row, 0).data(JobListModel::JobIdRole).toString();
        ids.sort();
        return ids;
    };
    QSignalSpy errors(m_client.get(), &SchedulerClient::jobError);
    QVERIFY(m_scheduler->runJobNow("r"));
    syncClient();
    QVERIFY(m_scheduler->runJobNow("pr"));
    syncClient();
    QVERIFY(m_scheduler->pauseJob("pr")); // its run goes on
    syncClient();
    QVERIFY(m_scheduler->runJobNow("f"));
    syncClient();
    QTRY_COMPARE(errors.size(), 1);
    QTRY_VERIFY(m_scheduler->retryWait("f"));
    syncClient();

    using Shown = JobListModel::ShownState;
    m_proxy->setStateFilter(Shown::Running);
    QCOMPARE(listed(), QStringList({"pr", "r"}));
    m_proxy->setStateFilter(Shown::Retrying);
    QCOMPARE(listed(), QStringList({"f"}));
    m_proxy->setStateFilter(Shown::Scheduled);
    QCOMPARE(listed(), QStringList({"s"}));
    m_proxy->setStateFilter(Shown::Paused);
    QCOMPARE(listed(), QStringList({"p"})); // "pr" shows Running, and is listed there
    QCOMPARE(text(m_model->rowOf("pr"), JobListModel::StateColumn), "Running");

    // The filter follows the runs: once they end, "pr" shows Paused and moves there.
    m_gate.release(2);
    QTRY_COMPARE(listed(), QStringList({"p", "pr"}));
    m_proxy->setStateFilter(Shown::Running);
    QTRY_COMPARE(listed(), QStringList()); // "r" too, once its end is in
    m_proxy->setStateFilter(std::nullopt);
    QCOMPARE(m_proxy->rowCount(), 5);
}

void TestJobListModel::dayChangeRepaintsDateColumns()
{
    m_clock.setNowMs(T0 + 53'970'000); // Friday 23:59:30 local
    JobListModel model(*m_client, m_clock);
    add(dateJob("a", "A", T0 + 63'000'000)); // Saturday 02:30
    add(dateJob("b", "B", T0 + 64'000'000));
    model.setJobs(m_scheduler->jobs().value(), {});
    auto *timer = model.findChild<QTimer *>("dayTimer");
    QVERIFY(timer);
    QVERIFY(timer->isActive());
    QVERIFY(timer->isSingleShot());
    QVERIFY2(timer->remainingTime() > 29'000 && timer->remainingTime() <= 30'100,
             qPrintable(QString::number(timer->remainingTime())));
    QCOMPARE(model.data(model.index(model.rowOf("a"), JobListModel::NextRunColumn)).toString(), "tomorrow 02:30");

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    m_clock.advance(31'000);
    QMetaObject::invokeMethod(timer, "timeout");
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.first().at(0).value<QModelIndex>();
    const auto bottomRight = changed.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(topLeft.column(), int(JobListModel::NextRunColumn));
    QCOMPARE(bottomRight.row(), model.rowCount() - 1);
    QCOMPARE(bottomRight.column(), int(JobListModel::StateColumn)); // a retry's "tomorrow 05:00" too
    QCOMPARE(model.data(model.index(model.rowOf("a"), JobListModel::NextRunColumn)).toString(), "02:30");
    QVERIFY(timer->isActive()); // armed for the next midnight
    QVERIFY(timer->remainingTime() > 23 * hour);

    // Fired early (the wall clock went back): no repaint, armed again.
    changed.clear();
    QMetaObject::invokeMethod(timer, "timeout");
    QCOMPARE(changed.count(), 0);
    QVERIFY(timer->isActive());
}

namespace {

/// The recorded stream the model test replays: tests/data/recorded-events.jsonl, written by
/// recordedStreamIsWhatTheHostSends() when PUNCTUAL_RECORD_EVENTS names the file to write.
QString recordedStreamPath()
{
    return QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/recorded-events.jsonl");
}

QJsonObject parseLine(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

/// A line's shape: its event name (or "answer") and its keys, and those of its job or run.
QString shapeOf(const QJsonObject &line)
{
    QStringList parts{line.contains("event") ? line.value("event").toString() : QStringLiteral("answer")};
    parts << line.keys().join(',');
    for (const char *inner : {"job", "run", "result"}) {
        if (line.value(inner).isObject())
            parts << QStringLiteral("%1{%2}").arg(inner, line.value(inner).toObject().keys().join(','));
    }
    return parts.join(' ');
}

} // namespace

QList<QByteArray> TestJobListModel::captureHostStream()
{
    // Changes before the subscription: the snapshot's revision is past them, so it is not 0.
    m_scheduler->pause();
    m_scheduler->resume();

    QLocalSocket subscriber;
    QByteArray received;
    connect(&subscriber, &QLocalSocket::readyRead, &subscriber, [&] { received += subscriber.readAll(); });
    subscriber.connectToServer(m_client->socketPath());
    if (!subscriber.waitForConnected(5000)) {
        qWarning("cannot connect to the host: %s", qPrintable(subscriber.errorString()));
        return {};
    }
    subscriber.write(R"({"id":1,"method":"subscribe","params":{"output":true}})" "\n");
    if (!QTest::qWaitFor([&] { return received.contains('\n'); }, 5000))
        return {};

    Job running = intervalJob("a", "Alpha", hour);
    running.action = FunctionAction{"block", {}};
    add(running);
    add(intervalJob("b", "Beta", hour));
    QSignalSpy executed(m_client.get(), &SchedulerClient::jobExecuted);
    if (!m_scheduler->pauseJob("b") || !m_scheduler->runJobNow("a"))
        return {};
    m_gate.release();
    if (!QTest::qWaitFor([&] { return !executed.isEmpty(); }, 5000) || !m_scheduler->removeJob("b"))
        return {};
    if (!QTest::qWaitFor([&] { return received.contains(R"("event":"job_removed")"); }, 5000))
        return {};
    QTest::qWait(50); // nothing else comes after it
    QList<QByteArray> lines = received.split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

void TestJobListModel::recordedStreamIsWhatTheHostSends()
{
    const QList<QByteArray> live = captureHostStream();
    QVERIFY(!live.isEmpty());
    const QByteArray target = qgetenv("PUNCTUAL_RECORD_EVENTS");
    if (!target.isEmpty()) {
        QFile out(QString::fromLocal8Bit(target));
        QVERIFY2(out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(out.errorString()));
        out.write(live.join('\n') + '\n');
    }
    // The recording is of the protocol as it is now: the same lines, of the same shapes, in the same order.
    QFile recorded(recordedStreamPath());
    QVERIFY2(recorded.open(QIODevice::ReadOnly), qPrintable(recorded.errorString()));
    QList<QByteArray> lines = recorded.readAll().split('\n');
    lines.removeAll(QByteArray());
    QStringList liveShapes, recordedShapes;
    for (const QByteArray &line : live)
        liveShapes << shapeOf(parseLine(line));
    for (const QByteArray &line : lines)
        recordedShapes << shapeOf(parseLine(line));
    QCOMPARE(liveShapes, recordedShapes);
}

void TestJobListModel::followsARecordedEventStream()
{
    // The host is this test's QLocalServer: it answers the subscription with a recorded snapshot and then writes
    // the recorded events one at a time, so the model is checked after each.
    QFile file(recordedStreamPath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QList<QByteArray> recorded = file.readAll().split('\n');
    recorded.removeAll(QByteArray());
    QVERIFY(recorded.size() > 6);
    QJsonObject snapshot = parseLine(recorded.takeFirst());
    const qint64 snapshotRevision = snapshot.value("result").toObject().value("revision").toInteger();
    QVERIFY(snapshotRevision > 0);

    QTemporaryDir dir;
    QLocalServer server;
    QVERIFY2(server.listen(dir.filePath("recorded")), qPrintable(server.errorString()));
    auto client = SchedulerClient::forSocket(server.fullServerName());
    JobListModel model(*client, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs({}, {}); // loaded, empty: every row comes from the stream
    client->connectToHost();
    QTRY_VERIFY(server.hasPendingConnections());
    QLocalSocket *host = server.nextPendingConnection();
    QTRY_VERIFY(host->canReadLine());
    const QJsonObject request = parseLine(host->readLine());
    QCOMPARE(request.value("method").toString(), QString("subscribe"));
    snapshot.insert("id", request.value("id"));
    host->write(QJsonDocument(snapshot).toJson(QJsonDocument::Compact) + '\n');
    QTRY_VERIFY(client->isConnected());
    QCOMPARE(client->revision(), snapshotRevision);
    QCOMPARE(client->state(), Scheduler::State::Running);

    // Events the snapshot has already (revision not newer than its own) are dropped: a job added by one is not shown.
    const auto added = std::find_if(recorded.cbegin(), recorded.cend(), [](const QByteArray &line) {
        return parseLine(line).value("event").toString() == "job_added";
    });
    QVERIFY(added != recorded.cend());
    for (qint64 revision : {snapshotRevision - 1, snapshotRevision}) {
        QJsonObject stale = parseLine(*added);
        QJsonObject job = stale.value("job").toObject();
        job.insert("id", QStringLiteral("stale-%1").arg(revision));
        stale.insert("job", job);
        stale.insert("revision", double(revision));
        host->write(QJsonDocument(stale).toJson(QJsonDocument::Compact) + '\n');
    }

    QStringList seen;
    for (const QByteArray &line : std::as_const(recorded)) {
        const QJsonObject event = parseLine(line);
        const QString name = event.value("event").toString();
        seen << name;
        host->write(line + '\n');
        QTRY_COMPARE(client->revision(), event.value("revision").toInteger());
        QCOMPARE(model.rowOf(QStringLiteral("stale-%1").arg(snapshotRevision)), -1);
        QCOMPARE(model.rowOf(QStringLiteral("stale-%1").arg(snapshotRevision - 1)), -1);
        const auto column = [&model](const QString &id, int column) {
            return model.data(model.index(model.rowOf(id), column)).toString();
        };
        if (name == "job_added" || name == "job_changed") {
            const QJsonObject job = event.value("job").toObject();
            const QString id = job.value("id").toString();
            QVERIFY2(model.rowOf(id) >= 0, qPrintable(id));
            QCOMPARE(column(id, JobListModel::NameColumn), job.value("name").toString());
            const bool paused = job.value("paused").toBool();
            QCOMPARE(column(id, JobListModel::StateColumn), paused ? QString("Paused") : QString("Scheduled"));
            if (paused)
                QCOMPARE(column(id, JobListModel::NextRunColumn), QString(QChar(0x2014)));
        } else if (name == "activity") {
            const QString id = event.value("job_id").toString();
            const int running = event.value("running").toInt();
            QCOMPARE(client->runningCount(id), running);
            QCOMPARE(model.isRunning(model.rowOf(id)), running > 0);
            QCOMPARE(column(id, JobListModel::StateColumn), running > 0 ? QString("Running") : QString("Scheduled"));
        } else if (name == "run_finished") {
            const QJsonObject run = event.value("run").toObject();
            const QString id = run.value("job_id").toString();
            const RunRecord *last = model.lastRunAt(model.rowOf(id));
            QVERIFY(last);
            QCOMPARE(last->id, run.value("id").toInteger());
            QCOMPARE(last->outcome, RunOutcome::Success);
            QCOMPARE(column(id, JobListModel::LastResultColumn), QString("0 ms"));
        } else if (name == "job_removed") {
            QCOMPARE(model.rowOf(event.value("job_id").toString()), -1);
        }
    }
    // The script the recording was made of, and where it left the list: "a" alone, scheduled, its run shown.
    for (const char *expected : {"job_added", "job_changed", "run_started", "activity", "run_finished", "job_removed"})
        QVERIFY2(seen.contains(expected), expected);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.jobAt(0)->id, QString("a"));
    QVERIFY(!model.isRunning(0));
    QVERIFY(model.lastRunAt(0));
}

QTEST_MAIN(TestJobListModel)
#include "testjoblistmodel.moc"
