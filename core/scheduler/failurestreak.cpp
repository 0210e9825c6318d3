// How many runs of a job failed in a row.
#include "failurestreak.h"

namespace punctual {

int failuresInARow(const QList<RunRecord> &newestFirst, int enough)
{
    int failures = 0;
    const RunRecord *lastCounted = nullptr;
    for (const RunRecord &run : newestFirst) {
        const bool failed = run.outcome == RunOutcome::Failed || run.outcome == RunOutcome::TimedOut;
        if (!failed && run.outcome != RunOutcome::Success)
            continue;
        // An earlier attempt of the run already counted (newest first: its last attempt came first).
        if (lastCounted && lastCounted->scheduledTime == run.scheduledTime && run.attempt < lastCounted->attempt)
            continue;
        if (!failed)
            break;
        lastCounted = &run;
        if (++failures >= enough)
            break;
    }
    return failures;
}

} // namespace punctual
