// The Scheduler's chains (a job run after another's run ends) and pausing a job after failures in a row.
#include "scheduler.h"

#include "scheduler/failurestreak.h"
#include "scheduler/runtracker.h"
#include "store/jobstore.h"
#include "time/clock.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>

Q_DECLARE_LOGGING_CATEGORY(lcScheduler)

namespace punctual {

Result<void> Scheduler::checkChains(const Job &job, const QList<Job> &batch) const
{
    if (job.options.chains.isEmpty())
        return {};
    // The chains of a job as they will be: @p job's new ones, the batch's, else the stored ones.
    QHash<QString, const Job *> adding;
    for (const Job &other : batch)
        adding.insert(other.id, &other);
    adding.insert(job.id, &job);
    QHash<QString, QList<JobChain>> known;
    const auto chainsOf = [&](const QString &id) -> Result<std::optional<QList<JobChain>>> {
        if (const auto it = adding.constFind(id); it != adding.cend())
            return std::optional((*it)->options.chains);
        if (const auto it = known.constFind(id); it != known.cend())
            return std::optional(*it);
        auto stored = m_store.job(id);
        if (!stored)
            return stored.error();
        if (!stored.value())
            return std::optional<QList<JobChain>>();
        known.insert(id, stored.value()->options.chains);
        return std::optional(stored.value()->options.chains);
    };
    for (const JobChain &chain : job.options.chains) {
        auto target = chainsOf(chain.jobId);
        if (!target)
            return target.error();
        if (!target.value())
            return invalidInput(tr("job \"%1\": the job to run %2, \"%3\", does not exist")
                                    .arg(job.id, JobChain::conditionName(chain.when), chain.jobId));
    }
    // Breadth first from the job: a chain back to it is a cycle (a run would start itself for ever).
    QHash<QString, QString> reachedFrom;
    QList<QString> frontier{job.id};
    while (!frontier.isEmpty()) {
        const QString id = frontier.takeFirst();
        auto chains = chainsOf(id);
        if (!chains)
            return chains.error();
        for (const JobChain &chain : chains.value().value_or(QList<JobChain>())) {
            if (chain.jobId == job.id) {
                QStringList path{id};
                for (QString at = id; at != job.id;) {
                    at = reachedFrom.value(at);
                    path.prepend(at);
                }
                path.append(job.id);
                return invalidInput(tr("job \"%1\": its chains make a cycle: %2")
                                        .arg(job.id, path.join(QStringLiteral(" → "))));
            }
            if (!reachedFrom.contains(chain.jobId) && chain.jobId != job.id) {
                reachedFrom.insert(chain.jobId, id);
                frontier.append(chain.jobId);
            }
        }
    }
    return {};
}

void Scheduler::onRunEnded(const Job &job, const RunRecord &run)
{
    const bool succeeded = run.outcome == RunOutcome::Success;
    for (const JobChain &chain : job.options.chains) {
        if (chain.firesAfter(succeeded))
            startChainedRun(chain.jobId, job, run);
    }
    if (!succeeded && job.options.pauseAfterFailures)
        pauseIfFailing(job);
}

void Scheduler::startChainedRun(const QString &targetId, const Job &causeJob, const RunRecord &cause)
{
    auto target = m_store.job(targetId);
    if (!target) {
        storeFailed(target.error());
        return;
    }
    if (!target.value()) {
        qCWarning(lcScheduler, "job %s: the job to run after it, %s, no longer exists", qPrintable(causeJob.id),
                  qPrintable(targetId));
        return;
    }
    const Job &job = *target.value();
    RunRecord run;
    run.jobId = job.id;
    run.scheduledTime = m_clock.nowMs();
    run.reason = RunReason::Chained;
    run.causedBy = cause.id;
    // Why it cannot start now: recorded as a skipped run, so the chain's effect is in the history either way.
    QString refused;
    if (m_state == State::ShuttingDown || m_state == State::Paused)
        refused = tr("not run after run %1 of \"%2\": the scheduler is %3")
                      .arg(cause.id)
                      .arg(causeJob.name, m_state == State::Paused ? tr("paused") : tr("stopping"));
    else if (job.paused)
        refused = tr("not run after run %1 of \"%2\": this job is paused").arg(cause.id).arg(causeJob.name);
    else if (job.options.overlap != OverlapPolicy::Allow && m_runs->instanceCount(job.id) >= job.options.maxInstances)
        refused = tr("not run after run %1 of \"%2\": %3").arg(cause.id).arg(causeJob.name, busyMessage(job));
    if (!refused.isEmpty()) {
        run.outcome = RunOutcome::Skipped;
        run.endTime = run.scheduledTime;
        run.error = refused;
        if (auto inserted = m_store.insertRun(run); !inserted) {
            storeFailed(inserted.error());
            return;
        }
        m_runs->countEnded(job.id, 1);
        emit jobMaxInstances(run);
        return;
    }
    run.startTime = run.scheduledTime;
    if (auto inserted = m_store.insertRun(run); !inserted) {
        storeFailed(inserted.error());
        return;
    }
    m_runs->submit(job, {run}, std::nullopt, PreviousRun{causeJob.id, cause.id, cause.outcome, cause.exitCode});
}

void Scheduler::pauseIfFailing(const Job &ended)
{
    const int enough = *ended.options.pauseAfterFailures;
    // Enough rows for the streak with every run retried to the last attempt, and some rows that did not run.
    const int rows = std::max(m_historyLimit, enough * (ended.options.maxRetries + 1) * 2);
    auto history = this->history(ended.id, rows);
    if (!history) {
        storeFailed(history.error());
        return;
    }
    const int failures = failuresInARow(history.value(), enough);
    if (failures < enough)
        return;
    // A job paused meanwhile keeps its own note.
    if (auto current = requireJob(ended.id); !current || current->paused)
        return;
    // pauseJob(): also ends what waits to retry or waits in its queue.
    auto paused = pauseJob(ended.id, tr("paused after %n failed runs in a row", nullptr, failures));
    if (!paused) {
        storeFailed(paused.error());
        return;
    }
    qCInfo(lcScheduler, "job %s: %s", qPrintable(ended.id), qPrintable(paused->pauseNote));
    emit jobPausedAfterFailures(paused.value(), failures);
}

} // namespace punctual
