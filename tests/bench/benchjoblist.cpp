// The job window at scale: 100,000 jobs from SQLite into loader, model, proxy and view; then sorting by column.
#include "control/schedulerclient.h"
#include "models/jobfilterproxymodel.h"
#include "models/joblistmodel.h"
#include "scheduler/joblistloader.h"
#include "scheduler/scheduler.h"
#include "store/sqljobstore.h"
#include "time/clock.h"
#include "triggers/crontrigger.h"
#include "triggers/intervaltrigger.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace punctual;

namespace {

constexpr std::int64_t minute = 60'000;

int fail(const QString &message)
{
    std::fprintf(stderr, "benchjoblist: %s\n", qPrintable(message));
    return 1;
}

/// Resident memory of this process in MiB (Linux), or -1.
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

/// The 1-minute load average (Linux), or -1: wall-clock figures on a busy machine are worth less.
double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').first().toDouble() : -1;
}

/// 100,000 jobs as an import would write them: half interval, half cron, every 50th paused, a third with a run.
Result<void> fillStore(const QString &path, int jobCount, std::int64_t nowMs)
{
    auto store = SqlJobStore::openSqlite(path, SqlJobStore::OpenMode::ExplicitPath);
    if (!store)
        return store.error();
    const QStringList expressions = {
        QStringLiteral("*/5 * * * *"),   QStringLiteral("0 * * * *"),        QStringLiteral("30 2 * * *"),
        QStringLiteral("0 9 * * MON-FRI"), QStringLiteral("15 */3 * * *"),   QStringLiteral("0 0 1 * *"),
        QStringLiteral("0 0 L * *"),     QStringLiteral("45 23 * * SUN"),    QStringLiteral("*/15 8-18 * * *"),
        QStringLiteral("0 12 15 * *"),   QStringLiteral("5 4 * * 5L"),       QStringLiteral("0 6,18 * * *"),
    };
    QList<std::shared_ptr<const Trigger>> crons;
    for (const QString &expression : expressions) {
        auto trigger = CronTrigger::create(expression);
        if (!trigger)
            return trigger.error();
        crons << std::shared_ptr<const Trigger>(std::move(trigger).value());
    }
    const QStringList words = {QStringLiteral("Backup"), QStringLiteral("cache"),  QStringLiteral("Report"),
                               QStringLiteral("tokens"), QStringLiteral("Sync"),   QStringLiteral("ingest"),
                               QStringLiteral("Mail"),   QStringLiteral("Rotate"), QStringLiteral("Éclair")};
    QList<Job> jobs;
    jobs.reserve(jobCount);
    DueBatch runs;
    for (int i = 0; i < jobCount; ++i) {
        Job job;
        job.id = QStringLiteral("job-%1").arg(i, 6, 10, QLatin1Char('0'));
        job.name = QStringLiteral("%1 %2 %3").arg(words.at(i % words.size()), words.at((i / 7) % words.size())).arg(i);
        if (i % 2)
            job.trigger = std::make_shared<IntervalTrigger>((1 + i % 180) * minute, nowMs - i * 1000LL);
        else
            job.trigger = crons.at((i / 2) % crons.size());
        job.action = CommandAction{QStringLiteral("/usr/local/bin/task"), {QStringLiteral("--job"), QString::number(i)},
                                   {}, {}, false};
        job.createdAt = nowMs;
        job.paused = i % 50 == 0;
        if (!job.paused)
            job.nextRunTime = job.trigger->nextFireTime(nowMs);
        if (i % 3 == 0) {
            RunRecord run;
            run.jobId = job.id;
            run.scheduledTime = nowMs - (i % 600) * minute;
            run.startTime = run.scheduledTime + 2;
            run.endTime = run.startTime.value() + 300 + i % 5000;
            run.outcome = i % 9 == 0 ? RunOutcome::Failed : RunOutcome::Success;
            run.exitCode = i % 9 == 0 ? 1 : 0;
            runs.runs << run;
        }
        jobs << job;
    }
    if (auto added = store.value()->addJobs(jobs, ConflictPolicy::Fail); !added)
        return added;
    return store.value()->commitDue(runs);
}

/// Lets the view do what a user would wait for: its delayed layout and one paint of the visible rows.
void settle(QTableView &view)
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    view.viewport()->repaint();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int jobCount = 100'000;
    const QStringList arguments = QCoreApplication::arguments();
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--jobs")); at >= 0 && at + 1 < arguments.size())
        jobCount = arguments.at(at + 1).toInt();

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("no temporary folder"));
    const QString path = dir.filePath(QStringLiteral("jobs.db"));
    const Clock &clock = SystemClock::instance();
    if (auto filled = fillStore(path, jobCount, clock.nowMs()); !filled)
        return fail(filled.error().message);

    // The window is a client of the host; none runs here (nothing runs during the measurement), so it is not
    // connected: the list comes from the store, read-only, as the window reads it.
    SchedulerClient client(path);
    const double rssBefore = residentMiB();

    QElapsedTimer timer;
    timer.start();
    JobListLoader loader([path]() -> Result<std::unique_ptr<JobStore>> {
        auto store = SqlJobStore::openSqlite(path, SqlJobStore::OpenMode::ExplicitPath);
        if (!store)
            return store.error();
        return std::unique_ptr<JobStore>(std::move(store).value());
    });
    JobListModel model(client, clock);
    JobFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(JobListModel::NextRunColumn, Qt::AscendingOrder);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.resize(1200, 800);
    view.show();

    QEventLoop loop;
    QString error;
    double storeSeconds = 0; // how the load splits: reading the store on the worker, the model (and proxy), the view
    double modelSeconds = 0;
    QObject::connect(&loader, &JobListLoader::loaded, &model,
                     [&](const QList<JobSummary> &jobs, const QHash<QString, RunRecord> &latestRuns) {
                         storeSeconds = timer.nsecsElapsed() / 1e9;
                         model.setJobSummaries(jobs, latestRuns);
                         modelSeconds = timer.nsecsElapsed() / 1e9 - storeSeconds;
                     });
    QObject::connect(&model, &JobListModel::loaded, &loop, &QEventLoop::quit);
    QObject::connect(&loader, &JobListLoader::failed, &loop, [&](const QString &message) {
        error = message;
        loop.quit();
    });
    loader.load();
    loop.exec();
    if (!error.isEmpty())
        return fail(error);
    settle(view);
    const double loadSeconds = timer.nsecsElapsed() / 1e9;
    const double loadRss = residentMiB(); // the list shown; the model still warms its texts on a worker
    if (proxy.rowCount() != jobCount)
        return fail(QStringLiteral("the view has %1 rows, not %2").arg(proxy.rowCount()).arg(jobCount));

    // At once, while the model still builds its search texts and name ranks on a worker: the worst moment.
    timer.restart();
    view.sortByColumn(JobListModel::NextRunColumn, Qt::DescendingOrder);
    settle(view);
    const double sortNextRunAtOnceSeconds = timer.nsecsElapsed() / 1e9;

    // Then as a person would go on, a second after the list appeared: a click on Name, back to Next run (rows in
    // name order are the harder input), Name again the other way, a first key in the search field, the next one.
    QTimer::singleShot(1000, &loop, &QEventLoop::quit);
    loop.exec();
    timer.restart();
    view.sortByColumn(JobListModel::NameColumn, Qt::AscendingOrder);
    settle(view);
    const double sortNameSeconds = timer.nsecsElapsed() / 1e9;

    timer.restart();
    view.sortByColumn(JobListModel::NextRunColumn, Qt::AscendingOrder);
    settle(view);
    const double sortNextRunSeconds = timer.nsecsElapsed() / 1e9;
    for (int row = 1; row < proxy.rowCount(); ++row) { // the order a user expects, checked after the clock stops
        const auto key = [&](int r) {
            return proxy.index(r, JobListModel::NextRunColumn).data(JobListModel::SortRole);
        };
        if (key(row - 1).toLongLong() > key(row).toLongLong())
            return fail(QStringLiteral("not sorted by next run at row %1").arg(row));
    }

    timer.restart();
    view.sortByColumn(JobListModel::NameColumn, Qt::DescendingOrder);
    settle(view);
    const double resortNameSeconds = timer.nsecsElapsed() / 1e9;

    timer.restart();
    proxy.setFilter({QStringLiteral("b"), {}});
    settle(view);
    const double filterSeconds = timer.nsecsElapsed() / 1e9;
    timer.restart();
    proxy.setFilter({QStringLiteral("backup sync"), {}});
    settle(view);
    const double filterAgainSeconds = timer.nsecsElapsed() / 1e9;
    const int filtered = proxy.rowCount();

    const QJsonObject result{
        {QStringLiteral("scenario"), QStringLiteral("window_list")},
        {QStringLiteral("jobs"), jobCount},
        {QStringLiteral("load_seconds"), loadSeconds},
        {QStringLiteral("load_store_seconds"), storeSeconds},
        {QStringLiteral("load_model_seconds"), modelSeconds},
        {QStringLiteral("load_view_seconds"), loadSeconds - storeSeconds - modelSeconds},
        {QStringLiteral("sort_next_run_seconds"), sortNextRunSeconds},
        {QStringLiteral("sort_next_run_at_once_seconds"), sortNextRunAtOnceSeconds},
        {QStringLiteral("sort_name_seconds"), sortNameSeconds},
        {QStringLiteral("resort_name_seconds"), resortNameSeconds},
        {QStringLiteral("filter_seconds"), filterSeconds},
        {QStringLiteral("filter_again_seconds"), filterAgainSeconds},
        {QStringLiteral("filtered_rows"), filtered},
        {QStringLiteral("model_rss_mib"), residentMiB() - rssBefore},
        {QStringLiteral("load_rss_mib"), loadRss},   // the whole process when the list has appeared
        {QStringLiteral("rss_mib"), residentMiB()}, // the whole process at the end (after sorts and filters)
        {QStringLiteral("load_average"), loadAverage()},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
