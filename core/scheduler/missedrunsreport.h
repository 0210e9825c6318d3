// One job's missed-runs report: the fire times that passed while Punctual was not running or the computer was
// asleep, and what the job's policy decided for them (docs/window.md#missed-runs-review).
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace punctual {

/// Why the scheduler could not run fire times on time.
enum class MissedCause
{
    Asleep,     ///< the computer was asleep (or its clock jumped) while the scheduler was running
    NotRunning, ///< the host was not running (the times passed before it started)
};

/// Fire times in order, bounded: the first and the last listedTimes are kept, the rest only counted.
struct PassedTimes
{
    static constexpr int listedTimes = 20; // the window shows five; 20000 jobs caught up stay a few MB on the wire

    std::int64_t total = 0;
    QList<std::int64_t> first; ///< the earliest, up to listedTimes
    QList<std::int64_t> last;  ///< the latest after those in first, up to listedTimes
    bool atLeast = false;      ///< more passed than counted (a walk cut short after years of a dense trigger)

    void add(std::int64_t timeMs);
    /// @p count times passed that are not listed (the middle of a longer list).
    void addHidden(std::int64_t count);
    /// Appends @p later (times after these).
    void append(const PassedTimes &later);
    /// How many passed but are not listed.
    std::int64_t hidden() const { return total - first.size() - last.size(); }
    /// Every time listed, in order.
    QList<std::int64_t> listed() const { return first + last; }
};

struct MissedRunsReport
{
    QString jobId;
    QString jobName;
    MissedCause cause = MissedCause::NotRunning;
    std::int64_t gapFromMs = 0; ///< the first fire time that passed
    std::int64_t gapToMs = 0;   ///< when the scheduler could run again (it started, or the computer woke)
    int episode = 0;            ///< reports of one downtime or sleep share it (one notice per episode)
    PassedTimes times;          ///< every fire time that passed, coalesced ones included

    // What the job's policy decided for them (counts of fire times).
    std::int64_t ranLate = 0;        ///< run (or queued) late, as a catch-up
    std::optional<std::int64_t> ranAtMs; ///< when the first late run began
    std::int64_t coalesced = 0;      ///< folded into the one late run time (coalesce)
    std::int64_t missedLate = 0;     ///< not run: later than the misfire grace time
    std::int64_t missedUncaught = 0; ///< not run: beyond the latest run times one catch-up considers
    std::int64_t skipped = 0;        ///< not run: the job was still running (max instances) or its queue was full
    std::int64_t excluded = 0;       ///< not run: on days the job's calendars exclude
    // The policy as it was.
    bool coalesce = true;
    std::optional<std::int64_t> misfireGraceMs;
    int maxInstances = 1;

    /// Adds @p later (a later catch-up of the same job, before this one was dismissed).
    void merge(const MissedRunsReport &later);

    QJsonObject toJson() const;
    static Result<MissedRunsReport> fromJson(const QJsonObject &json);
};

QString missedCauseName(MissedCause cause);

} // namespace punctual
