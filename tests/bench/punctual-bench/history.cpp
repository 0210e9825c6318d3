// history (not in apscheduler_bench.py; issue 19 item 1): the run history of N jobs grown to M rows (--runs, default
// 10 million) through the store calls the scheduler makes for each run, then pruned as a scheduler's start prunes
// it, then read as the window's history pane reads one job's last runs.
//
// Writing: as due passes, each job in turn running once per pass: JobStore::commitDue() of at most 20,000 jobs' runs
// (the scheduler's dueBatchLimit: a pass of more due jobs is split), a running row per job, then
// JobStore::updateRuns() of those runs ended (RunTracker's write-behind flush of the runs that ended in one event-loop
// turn; a real burst of no-op runs ends over a few turns, so a few smaller flushes). The pass's other write, the
// jobs' next run times, is left out: it is the due pass's cost (due-pass), not the history's, and rewriting every job
// row at each pass would measure the jobs table (about 1 KB of log per run at 10,000 jobs).
// Pruning: JobStore::pruneRuns("", 100), what Scheduler::start() does with the default history limit (100 per job).
// Reading: JobStore::runs(id, 100) of 100 random jobs, what Scheduler::history() reads for the history pane.
#include "scenarios.h"

#include "time/clock.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>

namespace bench {

namespace {

constexpr int dueBatchLimit = 20000;  ///< Scheduler's (scheduler.cpp): the most jobs one due pass takes
constexpr int historyLimit = 100;     ///< Scheduler::historyLimit()'s default
constexpr int reads = 100;

/// Rows of the runs table, counted on a connection of its own (not timed).
long long countRuns(const QString &path)
{
    long long count = -1;
    const QString name = QStringLiteral("bench-count");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM runs")) && query.next())
                count = query.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

double fileMb(const QString &path)
{
    qint64 bytes = 0;
    for (const char *suffix : {"", "-wal"})
        bytes += QFileInfo(path + QLatin1String(suffix)).size();
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

} // namespace

Figures scenarioHistory(const Options &options)
{
    const int n = options.jobs;
    const long long total = options.runs > 0 ? options.runs : 10'000'000LL;
    const bool reused = prefillOrReuse(options);
    auto store = openSqlite(options.dbPath);
    if (const auto count = store->jobCount(); !count || count.value() != n)
        die(QStringLiteral("the pre-filled store does not hold %1 jobs").arg(n));
    QStringList ids; // the pre-fill's ids
    ids.reserve(n);
    for (int i = 0; i < n; ++i)
        ids << jobId(i);

    // Each pass: the next batch of jobs (cycling through all of them), one run each, at the pass's instant.
    const int batchSize = std::min(n, dueBatchLimit);
    std::int64_t passTime = punctual::SystemClock::instance().nowMs() - hourMs; // an hour's runs before now
    qsizetype next = 0;
    long long written = 0;
    double storeSeconds = 0;
    double commitSeconds = 0;
    long long passes = 0;
    const double wall0 = monotonicSeconds();
    double lastReport = wall0;
    while (written < total) {
        const int size = static_cast<int>(std::min<long long>(batchSize, total - written));
        punctual::DueBatch batch;
        batch.runs.reserve(size);
        for (int k = 0; k < size; ++k) {
            punctual::RunRecord run;
            run.jobId = ids[next];
            run.scheduledTime = passTime;
            run.startTime = passTime;
            batch.runs.append(run);
            next = (next + 1) % n;
        }
        const double t0 = monotonicSeconds();
        if (auto committed = store->commitDue(batch); !committed)
            die(committed.error().message);
        const double t1 = monotonicSeconds();
        for (punctual::RunRecord &run : batch.runs) {
            run.outcome = punctual::RunOutcome::Success;
            run.endTime = *run.startTime + 1;
        }
        const double t2 = monotonicSeconds();
        auto updated = store->updateRuns(batch.runs);
        if (!updated || updated.value() != size)
            die(updated ? QStringLiteral("updateRuns wrote %1 of %2 rows").arg(updated.value()).arg(size)
                        : updated.error().message);
        const double t3 = monotonicSeconds();
        commitSeconds += t1 - t0;
        storeSeconds += (t1 - t0) + (t3 - t2);
        written += size;
        ++passes;
        if (next == 0)
            passTime += 60'000; // every job ran once: the next round a minute later
        if (t3 - lastReport > 10) {
            lastReport = t3;
            log("history: %lld of %lld runs written (%.0f runs/s in the store calls)", written, total,
                static_cast<double>(written) / storeSeconds);
        }
    }
    const double writeWall = monotonicSeconds() - wall0;
    const long long before = countRuns(options.dbPath);
    const double dbMb = fileMb(options.dbPath);

    const double p0 = monotonicSeconds();
    auto pruned = store->pruneRuns(QString(), historyLimit);
    const double pruneSeconds = monotonicSeconds() - p0;
    if (!pruned)
        die(pruned.error().message);
    const long long after = countRuns(options.dbPath);

    QRandomGenerator random(19);
    std::vector<double> readMs;
    qsizetype readRows = 0;
    for (int r = 0; r < reads; ++r) {
        const QString id = jobId(static_cast<int>(random.bounded(n)));
        const double t0 = monotonicSeconds();
        auto runs = store->runs(id, historyLimit);
        readMs.push_back((monotonicSeconds() - t0) * 1000.0);
        if (!runs)
            die(runs.error().message);
        readRows += runs.value().size();
    }
    std::sort(readMs.begin(), readMs.end());
    if (before != total)
        log("WARNING: %lld run rows after writing %lld", before, total);

    Figures figures;
    figures.integer("runs", total);
    figures.number("write_runs_per_second", static_cast<double>(total) / storeSeconds, 1);
    figures.number("write_seconds", storeSeconds, 3);
    figures.number("write_insert_seconds", commitSeconds, 3);
    figures.number("write_wall_seconds", writeWall, 3);
    figures.integer("passes", passes);
    figures.number("db_mb", dbMb, 1);
    figures.number("prune_seconds", pruneSeconds, 3);
    figures.integer("rows_before_prune", before);
    figures.integer("rows_after_prune", after);
    figures.integer("pruned_rows", pruned.value());
    figures.number("read_last100_ms", percentile(readMs, 50), 3);
    figures.number("read_last100_ms_max", readMs.back(), 3);
    figures.number("read_rows_mean", static_cast<double>(readRows) / reads, 1);
    figures.boolean("db_reused", reused);
    return figures;
}

} // namespace bench
