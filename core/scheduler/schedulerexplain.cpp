// Scheduler::explain(): the job, its whole history and the clock handed to the pure explainRun().
#include "scheduler.h"

#include "time/clock.h"

namespace punctual {

Result<RunExplanation> Scheduler::explain(const QString &jobId, std::int64_t atMs) const
{
    auto job = requireJob(jobId);
    if (!job)
        return job.error();
    auto runs = history(jobId, -1);
    if (!runs)
        return runs.error();
    return explainRun(job.value(), runs.value(), atMs, m_clock.nowMs(), m_historyLimit, exclusionCalendars());
}

} // namespace punctual
