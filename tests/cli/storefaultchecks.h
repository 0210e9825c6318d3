// What the store-fault suites check in a host's log and its run rows: the reconnect bound the backoff allows, the time
// a log line was written, and that each job's scheduled seconds are contiguous with one row each.
#pragma once

#include "instanceprocess.h"

#include "jobs/runrecord.h"
#include "scheduler/scheduler.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

namespace storefaults {

using punctual::RunOutcome;
using punctual::RunRecord;
using punctual::Scheduler;

/// Prints the hosts' logs as a test function that failed leaves (declared after them: gone before them); a failure
/// seen only on a loaded CI machine is read from them.
class LogsOnFailure
{
public:
    explicit LogsOnFailure(QList<std::pair<QString, InstanceProcess *>> hosts) : m_hosts(std::move(hosts)) {}
    ~LogsOnFailure()
    {
        if (!QTest::currentTestFailed())
            return;
        for (const auto &[name, host] : m_hosts)
            qInfo().noquote() << "the log of" << name << ":\n" << host->log();
    }
    LogsOnFailure(const LogsOnFailure &) = delete;
    LogsOnFailure &operator=(const LogsOnFailure &) = delete;

private:
    QList<std::pair<QString, InstanceProcess *>> m_hosts;
};

/// The issue's slack on every recovery bound: the reconnect that succeeds, a due pass, a process start.
constexpr std::int64_t slackMs = 2000;

inline std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/**
 * The pause between reconnects that the backoff has reached when the store answers again @p downMs after the host
 * lost it. Reconnects are tried storeRetryFirstMs after the loss, then after pauses that double up to storeRetryCapMs
 * (0.5, 1, 2, 4, 8 ... s after the loss). A store back at downMs is reconnected to by the first try at or after it,
 * which comes at most one pause later: the pause that ends with that try. With 6 to 8 s down that is 4 s.
 * @p downMs measured from before the host can have noticed the loss only makes the bound larger (never unfair).
 */
inline std::int64_t backoffReachedMs(std::int64_t downMs)
{
    std::int64_t tryAt = Scheduler::storeRetryFirstMs; // the first reconnect
    std::int64_t pause = Scheduler::storeRetryFirstMs;
    for (int failed = 1; tryAt < downMs; ++failed) {
        pause = Scheduler::storeRetryFirstMs;
        for (int i = 1; i < failed && pause < Scheduler::storeRetryCapMs; ++i)
            pause *= 2;
        pause = std::min(pause, Scheduler::storeRetryCapMs);
        tryAt += pause;
    }
    return pause;
}

/// When the first line of the host's log at or after @p fromLine that contains @p text was written (the host's
/// lines begin with their local ISO time); nothing when there is none.
inline std::optional<std::int64_t> loggedAt(const QString &log, const QString &text, int fromLine = 0)
{
    const QStringList lines = log.split(QLatin1Char('\n'));
    for (int i = fromLine; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (!line.contains(text))
            continue;
        const QDateTime at = QDateTime::fromString(line.section(QLatin1Char(' '), 0, 0), Qt::ISODateWithMs);
        if (at.isValid())
            return at.toMSecsSinceEpoch();
    }
    return std::nullopt;
}

/// How many lines the log has (to look for lines written after this point with loggedAt()).
inline int lineCount(const QString &log)
{
    return static_cast<int>(log.count(QLatin1Char('\n')));
}

/// Runs the host's log says it started.
inline int startedRuns(const QString &log)
{
    static const QRegularExpression started(QStringLiteral(": started \\(scheduled "));
    return static_cast<int>(log.count(started));
}

/// What the rows of the jobs looked at tell.
struct RowCheck
{
    QStringList problems; ///< empty when every scheduled second has exactly one row with an outcome allowed
    QHash<QString, QMap<std::int64_t, RunRecord>> byJob; ///< attempt-1 rows by job and scheduled time
};

/**
 * Every job of @p jobs has one attempt-1 row per scheduled time (no duplicate), its times contiguous, one every
 * @p periodMs, from its first to its last, each row's outcome among @p allowed[job] (a missing entry: Success only).
 */
inline RowCheck checkRows(const QList<RunRecord> &rows, const QStringList &jobs, std::int64_t periodMs,
                          const QHash<QString, QSet<RunOutcome>> &allowed = {})
{
    RowCheck check;
    for (const RunRecord &run : rows) {
        if (!jobs.contains(run.jobId) || run.attempt != 1)
            continue;
        auto &times = check.byJob[run.jobId];
        if (times.contains(run.scheduledTime))
            check.problems << QStringLiteral("%1: two rows for %2").arg(run.jobId).arg(run.scheduledTime);
        times.insert(run.scheduledTime, run);
    }
    for (const QString &job : jobs) {
        const auto times = check.byJob.value(job);
        if (times.isEmpty()) {
            check.problems << QStringLiteral("%1: no rows").arg(job);
            continue;
        }
        const QSet<RunOutcome> ok = allowed.value(job, {RunOutcome::Success});
        std::int64_t expected = times.firstKey();
        for (auto it = times.cbegin(); it != times.cend(); ++it, expected += periodMs) {
            if (it.key() != expected) {
                check.problems << QStringLiteral("%1: no row for %2 (next row: %3)").arg(job).arg(expected).arg(it.key());
                break;
            }
            if (!ok.contains(it.value().outcome))
                check.problems << QStringLiteral("%1 at %2: %3 (%4)")
                                      .arg(job)
                                      .arg(it.key())
                                      .arg(RunRecord::outcomeName(it.value().outcome), it.value().error);
        }
    }
    return check;
}

/// The earliest start among @p rows after @p afterMs.
inline std::optional<std::int64_t> firstStartAfter(const QList<RunRecord> &rows, std::int64_t afterMs)
{
    std::optional<std::int64_t> first;
    for (const RunRecord &run : rows) {
        if (run.startTime && *run.startTime > afterMs && (!first || *run.startTime < *first))
            first = run.startTime;
    }
    return first;
}

} // namespace storefaults
