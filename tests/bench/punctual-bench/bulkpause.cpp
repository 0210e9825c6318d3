// bulk-pause (not in apscheduler_bench.py): N selected jobs paused, resumed and removed, each in one call and one
// store transaction (issue 15: the window used to pause a selection one job at a time, 76 s for 10,000).
#include "scenarios.h"

#include "control/methodhandlers.h"
#include "time/clock.h"

#include <QJsonArray>

namespace bench {

Figures scenarioBulkPause(const Options &options)
{
    const int n = options.jobs;
    auto store = openStore(options.store, options.dbPath, true);
    auto scheduler = makeScheduler(*store);
    if (auto started = scheduler->start(); !started)
        die(started.error().message);
    const std::int64_t now = punctual::SystemClock::instance().nowMs();
    QList<Job> jobs;
    QStringList ids;
    jobs.reserve(n);
    for (int i = 0; i < n; ++i) {
        jobs.append(noopIntervalJob(i, now));
        ids.append(jobs.back().id);
    }
    if (auto added = scheduler->addJobs(std::move(jobs)); !added)
        die(added.error().message);
    int signalled = 0;
    QObject::connect(scheduler.get(), &Scheduler::jobModified, [&signalled] { ++signalled; });

    // The Scheduler calls (what the host runs for one request).
    double t0 = monotonicSeconds();
    auto paused = scheduler->pauseJobs(ids);
    const double pauseSeconds = monotonicSeconds() - t0;
    if (!paused || paused->size() != n || signalled != n)
        die(QStringLiteral("pauseJobs: %1").arg(paused ? QStringLiteral("%1 changed").arg(paused->size())
                                                       : paused.error().message));
    t0 = monotonicSeconds();
    auto resumed = scheduler->resumeJobs(ids);
    const double resumeSeconds = monotonicSeconds() - t0;
    if (!resumed || resumed->size() != n)
        die(QStringLiteral("resumeJobs failed"));

    // One pause_jobs request as the control server handles it: parameters checked, ids read, the answer made.
    const QJsonObject params{{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}};
    punctual::control::MethodContext context{.scheduler = *scheduler, .store = *store};
    const auto &spec = punctual::control::spec(punctual::control::Method::PauseJobs);
    t0 = monotonicSeconds();
    if (auto checked = punctual::control::checkParams(spec, params); !checked)
        die(checked.error().message);
    auto answered = punctual::control::runMethod(spec.method, context, params);
    const double requestSeconds = monotonicSeconds() - t0;
    if (!answered || answered->toObject().value(QStringLiteral("changed")).toArray().size() != n)
        die(QStringLiteral("pause_jobs failed"));

    t0 = monotonicSeconds();
    auto removed = scheduler->removeJobs(ids);
    const double removeSeconds = monotonicSeconds() - t0;
    if (!removed)
        die(removed.error().message);
    const auto left = store->jobCount();
    shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);
    if (!left || left.value() != 0)
        log("WARNING: store holds %d jobs after removing them all", left ? left.value() : -1);

    Figures figures;
    figures.number("pause_seconds", pauseSeconds);
    figures.number("resume_seconds", resumeSeconds);
    figures.number("pause_request_seconds", requestSeconds);
    figures.number("remove_seconds", removeSeconds);
    figures.number("jobs_paused_per_second", n / pauseSeconds, 1);
    return figures;
}

} // namespace bench
