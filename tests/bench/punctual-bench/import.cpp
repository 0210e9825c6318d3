// import (not in apscheduler_bench.py): N jobs imported into the store as `punctualctl import FILE` does it, from
// the file's bytes (a job file as `punctualctl export` writes it) to committed rows: the file read, JobFile::parse()
// (JSON, every job read and checked), planImport() against the stored ids, and one Scheduler::addJobs() call (first
// run times, validation, one store transaction).
#include "scenarios.h"

#include "jobs/jobfile.h"
#include "time/clock.h"

#include <QFile>
#include <QSet>

namespace bench {

Figures scenarioImport(const Options &options)
{
    const int n = options.jobs;
    // The job file as `punctualctl export` writes it (DESIGN.md section 7), written before the clock starts.
    const QString filePath = options.dbPath + QStringLiteral(".import.json");
    {
        QList<Job> exported;
        exported.reserve(n);
        const std::int64_t now = punctual::SystemClock::instance().nowMs();
        for (int i = 0; i < n; ++i) {
            Job job = noopIntervalJob(i, now);
            job.name = job.id;
            exported.append(std::move(job));
        }
        if (auto written = punctual::JobFile::write(filePath, exported); !written)
            die(written.error().message);
    }

    auto store = openStore(options.store, options.dbPath, true);
    auto scheduler = makeScheduler(*store);
    if (auto started = scheduler->start(true); !started)
        die(started.error().message);

    const double t0 = monotonicSeconds();
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        die(QStringLiteral("cannot read %1: %2").arg(filePath, file.errorString()));
    const QByteArray bytes = file.readAll();
    file.close();
    const double t1 = monotonicSeconds();
    // What punctualctl import does with them (app/punctualctl/transfercommands.cpp), without its printing.
    auto contents = punctual::JobFile::parse(bytes, punctual::SystemClock::instance().nowMs());
    if (!contents)
        die(contents.error().message);
    if (!contents->problems.isEmpty())
        die(contents->problems.constFirst().text());
    auto stored = scheduler->jobs();
    if (!stored)
        die(stored.error().message);
    QSet<QString> existing;
    for (const Job &job : std::as_const(stored.value()))
        existing.insert(job.id);
    punctual::ImportPlan plan =
        punctual::planImport(std::move(contents).value().jobs, existing, punctual::ConflictPolicy::Fail);
    const double t2 = monotonicSeconds();
    auto added = scheduler->addJobs(std::move(plan.jobs), punctual::ConflictPolicy::Fail);
    const double t3 = monotonicSeconds();
    if (!added)
        die(added.error().message);
    const auto count = store->jobCount();
    shutdown(*scheduler, Scheduler::ShutdownMode::StopRuns);
    QFile::remove(filePath);
    if (!count || count.value() != n)
        log("WARNING: store holds %d jobs, expected %d", count ? count.value() : -1, n);

    Figures figures;
    // The one call: Scheduler::addJobs() of n jobs (first run times, validation, one store transaction).
    figures.number("import_seconds", t3 - t2);
    figures.number("jobs_per_second", n / (t3 - t2), 1);
    // Before it: the file's bytes read into jobs and checked (JobFile::parse, planImport).
    figures.number("parse_seconds", t2 - t1);
    figures.number("read_seconds", t1 - t0); // the file's bytes into memory
    figures.number("end_to_end_seconds", t3 - t0);
    figures.integer("file_bytes", bytes.size());
    return figures;
}

} // namespace bench
