// due-pass (not in apscheduler_bench.py; issue 19 item 1): N interval-1h no-op jobs in the store, 1 % of them (every
// 100th) due now, all at once. Timed from the scheduler's creation: start() returning (armed), the first due pass
// having planned and recorded every due job (a new next run time and a run row each: jobModified follows the pass's
// commit), and every due run having ended (drain).
#include "scenarios.h"

#include "store/memoryjobstore.h"
#include "time/clock.h"

#include <QCoreApplication>

#include <malloc.h>

namespace bench {

namespace {

/// The store with n jobs made by the scheduler (not timed): the SQLite pre-fill of startup, or the memory path of
/// the memory scenario (adds on a paused scheduler, which is then shut down; the store lives on).
std::unique_ptr<JobStore> filledStore(const Options &options, bool &reused)
{
    reused = false;
    const int n = options.jobs;
    if (options.store == QLatin1String("sqlite")) {
        reused = prefillOrReuse(options);
        return openSqlite(options.dbPath);
    }
    auto store = std::make_unique<punctual::MemoryJobStore>();
    auto filler = makeScheduler(*store);
    if (auto started = filler->start(true); !started)
        die(started.error().message);
    const std::int64_t now = punctual::SystemClock::instance().nowMs();
    for (int i = 0; i < n; ++i)
        addOrDie(*filler, noopIntervalJob(i, now));
    shutdown(*filler, Scheduler::ShutdownMode::StopRuns);
    return store;
}

} // namespace

Figures scenarioDuePass(const Options &options)
{
    const int n = options.jobs;
    bool reused = false;
    auto store = filledStore(options, reused);

    // Every 100th job due now, written in the store in one call (not timed). Their misfire grace is an hour, as in
    // burst's first phase, so that the runs measured are runs (a 1 s grace would count the start-up's length).
    QStringList dueIds;
    for (int i = 0; i < n; i += 100)
        dueIds << jobId(i);
    const int dueCount = static_cast<int>(dueIds.size());
    const std::int64_t dueAt = punctual::SystemClock::instance().nowMs();
    {
        auto stored = store->jobsById(dueIds);
        if (!stored || stored.value().size() != dueCount)
            die(QStringLiteral("the due jobs are not all stored"));
        QList<Job> due;
        due.reserve(dueCount);
        for (Job job : std::as_const(stored.value())) {
            job.nextRunTime = dueAt;
            job.options.misfireGraceMs = burstGraceMs;
            due.append(std::move(job));
        }
        if (auto written = store->addJobs(due, punctual::ConflictPolicy::Replace); !written)
            die(written.error().message);
    }
    ::malloc_trim(0); // as startup: the heap of a process that starts on a store, not one that just filled it
    const double rssBefore = rssMb();

    const double t0 = monotonicSeconds();
    auto scheduler = makeScheduler(*store);
    int moved = 0;
    int ended = 0;
    int failed = 0;
    std::optional<double> passEnd;
    std::optional<double> drainEnd;
    QObject::connect(scheduler.get(), &Scheduler::jobModified, [&](const Job &) {
        if (++moved == dueCount)
            passEnd = monotonicSeconds();
    });
    const auto noteEnd = [&](const punctual::RunRecord &run) {
        if (run.outcome != punctual::RunOutcome::Success)
            ++failed;
        if (++ended == dueCount)
            drainEnd = monotonicSeconds();
    };
    QObject::connect(scheduler.get(), &Scheduler::jobExecuted, noteEnd);
    QObject::connect(scheduler.get(), &Scheduler::jobError, noteEnd);
    QObject::connect(scheduler.get(), &Scheduler::jobMissed, noteEnd);
    // start() returns once the wake timer is armed; the due pass is queued by it.
    if (auto started = scheduler->start(); !started)
        die(started.error().message);
    const double armed = monotonicSeconds() - t0;
    while (!drainEnd && monotonicSeconds() - t0 < burstTimeoutS)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double rss = rssMb();
    shutdown(*scheduler, Scheduler::ShutdownMode::WaitForRuns);

    // Checked after the clock stopped: one run row per due job, none still due.
    const auto runs = store->runs(QString(), -1);
    const auto stillDue = store->dueJobs(dueAt, -1);
    const auto recorded = runs ? runs.value().size() : -1;
    const auto left = stillDue ? stillDue.value().size() : -1;
    if (recorded != dueCount || left != 0 || failed != 0 || !drainEnd)
        log("WARNING: %lld run rows for %d due jobs, %lld still due, %d runs not successful, %d ended",
            static_cast<long long>(recorded), dueCount, static_cast<long long>(left), failed, ended);

    Figures figures;
    figures.integer("due_jobs", dueCount);
    figures.number("armed_seconds", armed);
    figures.number("due_pass_seconds", passEnd ? std::optional(*passEnd - t0) : std::nullopt);
    figures.number("drain_seconds", drainEnd ? std::optional(*drainEnd - t0) : std::nullopt);
    figures.number("rss_mb", rss, 1);
    figures.number("rss_mb_before", rssBefore, 1);
    figures.integer("run_rows", recorded);
    figures.integer("not_run", dueCount - ended + failed);
    figures.boolean("db_reused", reused);
    return figures;
}

} // namespace bench
