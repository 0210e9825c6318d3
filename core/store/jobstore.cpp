// Defaults of the JobStore interface that any store can answer from its other calls.
#include "jobstore.h"

#include "store/jobrowcodec.h"

#include <algorithm>

namespace punctual {

Result<QSet<QString>> JobStore::passwordVariables()
{
    auto all = jobs();
    if (!all)
        return all.error();
    QSet<QString> names;
    for (const Job &job : std::as_const(all.value())) {
        if (QString name = passwordVariableOf(job.action); !name.isEmpty())
            names.insert(name);
    }
    return names;
}

Result<QHash<QString, Job>> JobStore::jobsById(const QStringList &ids)
{
    QHash<QString, Job> found;
    found.reserve(ids.size());
    for (const QString &id : ids) {
        auto stored = job(id);
        if (!stored)
            return stored.error();
        if (stored.value())
            found.insert(id, std::move(*stored.value()));
    }
    return found;
}

Result<QList<JobSummary>> JobStore::jobSummaries()
{
    auto all = jobs();
    if (!all)
        return all.error();
    JobRowCodec codec;
    QList<JobSummary> out;
    out.reserve(all->size());
    for (const Job &job : std::as_const(all.value()))
        out.append({job.id, job.name, codec.texts(job), job.paused, job.nextRunTime, job.createdAt, job.pauseNote});
    return out;
}

Result<QStringList> JobStore::unpausedJobIdsWithEvents()
{
    auto summaries = jobSummaries();
    if (!summaries)
        return summaries.error();
    QStringList ids;
    for (const JobSummary &summary : std::as_const(summaries.value())) {
        if (!summary.paused && summary.texts.options.contains(QLatin1String("\"events\":")))
            ids.append(summary.id);
    }
    return ids;
}

bool runOverlaps(const RunRecord &run, std::int64_t sinceMs, std::int64_t untilMs)
{
    const std::int64_t begin = run.startTime.value_or(run.scheduledTime);
    if (begin > untilMs)
        return false;
    return !run.isFinal() || run.endTime.value_or(begin) >= sinceMs;
}

Result<QList<RunRecord>> JobStore::runsInRange(const QStringList &jobIds, std::int64_t sinceMs, std::int64_t untilMs,
                                               int limit)
{
    QList<RunRecord> out;
    const QStringList ids = jobIds.isEmpty() ? QStringList{QString()} : jobIds;
    for (const QString &id : ids) {
        auto runsOfJob = runs(id, -1);
        if (!runsOfJob)
            return runsOfJob.error();
        for (RunRecord &run : runsOfJob.value()) {
            if (!runOverlaps(run, sinceMs, untilMs))
                continue;
            run.output.clear();
            out.append(std::move(run));
        }
    }
    std::sort(out.begin(), out.end(), [](const RunRecord &a, const RunRecord &b) { return a.id > b.id; });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

Result<QHash<QString, JobStatistics>> JobStore::jobStatistics(const QStringList &ids, int pointLimit)
{
    QHash<QString, JobStatistics> out;
    out.reserve(ids.size());
    for (const QString &id : ids) {
        if (out.contains(id))
            continue;
        auto history = runs(id, -1);
        if (!history)
            return history.error();
        JobStatistics stats;
        stats.jobId = id;
        QList<RunDuration> newestFirst;
        for (const RunRecord &run : std::as_const(history.value())) {
            stats.count(run.outcome);
            if (JobStatistics::hasDuration(run.outcome) && run.startTime && run.endTime)
                newestFirst.append({*run.startTime, *run.endTime - *run.startTime, run.outcome});
        }
        stats.setDurations(std::move(newestFirst), pointLimit);
        out.insert(id, std::move(stats));
    }
    return out;
}

Result<QList<Job>> JobStore::unpausedJobsWithEvents()
{
    auto candidates = unpausedJobIdsWithEvents();
    if (!candidates)
        return candidates.error();
    const QStringList &ids = candidates.value();
    if (ids.isEmpty())
        return QList<Job>();
    auto found = jobsById(ids);
    if (!found)
        return found.error();
    QList<Job> jobs;
    for (const QString &id : std::as_const(ids)) {
        const auto it = found.value().constFind(id);
        if (it != found.value().cend() && !it->paused && it->options.events.any())
            jobs.append(*it);
    }
    return jobs;
}

} // namespace punctual
