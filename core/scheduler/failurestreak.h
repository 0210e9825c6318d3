// How many runs of a job failed in a row: what pause_after_failures counts.
#pragma once

#include "jobs/runrecord.h"

#include <QList>

namespace punctual {

/**
 * The runs that failed in a row at the newest end of @p newestFirst (a job's history, newest first), counting at
 * most @p enough. A scheduled run and its retries count once, by its last attempt: a run that failed and then
 * succeeded on retry breaks the streak. Rows that did not run (missed, skipped, queued, interrupted, replaced)
 * are passed over: they neither fail nor succeed.
 */
int failuresInARow(const QList<RunRecord> &newestFirst, int enough);

} // namespace punctual
