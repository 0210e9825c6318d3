// What a backfill found and did (Scheduler::backfill(), the "backfill" control method).
#pragma once

#include "jobs/runrecord.h"

#include <QList>
#include <QMetaType>

#include <cstdint>

namespace punctual {

struct BackfillResult
{
    QList<std::int64_t> times;    ///< every fire time of the job's trigger in the range, in order
    QList<RunRecord> runs;        ///< the runs recorded now, one per time not backfilled before (none: dry run)
    int alreadyBackfilled = 0;    ///< times of the range a backfill ran before (not run again)
};

} // namespace punctual

Q_DECLARE_METATYPE(punctual::BackfillResult)
