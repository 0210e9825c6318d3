// Explaining one instant of a job from its trigger, options and run history (docs/scheduling.md, "Explain").
#include "runexplainer.h"

#include "scheduler/dueplanner.h"
#include "time/isotime.h"
#include "util/nametable.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace punctual {

namespace {

class ExplainText
{
    Q_DECLARE_TR_FUNCTIONS(RunExplainer)
};

constexpr NameOf<ExplanationKind> kindNames[] = {
    {ExplanationKind::Ran, "ran"},
    {ExplanationKind::Running, "running"},
    {ExplanationKind::Missed, "missed"},
    {ExplanationKind::Skipped, "skipped"},
    {ExplanationKind::Queued, "queued"},
    {ExplanationKind::Replaced, "replaced"},
    {ExplanationKind::Coalesced, "coalesced"},
    {ExplanationKind::Paused, "paused"},
    {ExplanationKind::Excluded, "excluded"},
    {ExplanationKind::BeforeCreated, "before_created"},
    {ExplanationKind::OlderThanHistory, "older_than_history"},
    {ExplanationKind::NotAFireTime, "not_a_fire_time"},
    {ExplanationKind::WillRun, "will_run"},
    {ExplanationKind::WillNotRun, "will_not_run"},
    {ExplanationKind::Due, "due"},
    {ExplanationKind::NotRecorded, "not_recorded"},
};

const ZoneRules &utc()
{
    static const auto zone = ZoneRules::forZone("UTC");
    return *zone;
}

QJsonValue instant(std::optional<std::int64_t> ms)
{
    return ms ? QJsonValue(formatIso(*ms, utc())) : QJsonValue(QJsonValue::Null);
}

QJsonValue seconds(std::optional<std::int64_t> ms)
{
    return ms ? QJsonValue(static_cast<double>(*ms) / 1000.0) : QJsonValue(QJsonValue::Null);
}

Result<std::optional<std::int64_t>> readInstant(const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isNull() || value.isUndefined())
        return std::optional<std::int64_t>();
    auto parsed = parseIso(value.toString(), utc());
    if (!parsed)
        return invalidInput(QStringLiteral("%1: %2").arg(QLatin1String(key), parsed.error().message));
    return std::optional(parsed.value());
}

std::optional<std::int64_t> readSeconds(const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (!value.isDouble())
        return std::nullopt;
    return static_cast<std::int64_t>(value.toDouble() * 1000.0 + (value.toDouble() < 0 ? -0.5 : 0.5));
}

/// Whether the trigger fires exactly at @p atMs.
bool firesAt(const Trigger &trigger, std::int64_t atMs)
{
    const auto next = trigger.nextFireTime(atMs - 1);
    return next && *next == atMs;
}

/// When the pass that wrote @p run ran, as near as the row tells: it began then, or (not run) was decided then.
std::int64_t passTime(const RunRecord &run)
{
    return run.startTime.value_or(run.endTime.value_or(run.scheduledTime));
}

bool isFromSchedule(const RunRecord &run)
{
    return run.attempt == 1 && (run.reason == RunReason::Scheduled || run.reason == RunReason::CatchUp);
}

QString reasonPhrase(const RunRecord &run)
{
    switch (run.reason) {
    case RunReason::Scheduled:
        return ExplainText::tr("on schedule");
    case RunReason::CatchUp:
        return ExplainText::tr("late, catching up a run time that passed while the scheduler could not run it");
    case RunReason::RunNow:
        return ExplainText::tr("because a user asked to run it now");
    case RunReason::Retry:
        return ExplainText::tr("as a retry");
    case RunReason::Chained:
        return run.causedBy ? ExplainText::tr("chained after run %1 ended").arg(*run.causedBy)
                            : ExplainText::tr("chained after another run ended");
    case RunReason::Backfill:
        return ExplainText::tr("as part of a backfill");
    case RunReason::AtStart:
        return ExplainText::tr("because the scheduler started");
    case RunReason::AfterResume:
        return ExplainText::tr("because the computer woke from sleep");
    case RunReason::NetworkUp:
        return ExplainText::tr("because the network came up");
    }
    return {};
}

QString outcomePhrase(const RunRecord &run)
{
    switch (run.outcome) {
    case RunOutcome::Success:
        return ExplainText::tr("succeeded");
    case RunOutcome::Failed:
        return run.exitCode ? ExplainText::tr("failed (exit code %1)").arg(*run.exitCode) : ExplainText::tr("failed");
    case RunOutcome::TimedOut:
        return ExplainText::tr("timed out");
    case RunOutcome::Interrupted:
        return ExplainText::tr("was interrupted");
    default:
        return RunRecord::outcomeName(run.outcome);
    }
}

/// Builds explanations of one job at one instant; each kind's text in one place.
class Explainer
{
public:
    Explainer(const Job &job, const QList<RunRecord> &runs, std::int64_t atMs, std::int64_t nowMs, int historyLimit,
              const ExclusionCalendars &calendars)
        : m_calendars(calendars)
        , m_job(job)
        , m_runs(runs)
        , m_at(atMs)
        , m_now(nowMs)
        , m_historyLimit(historyLimit)
    {
        m_result.jobId = job.id;
        m_result.atMs = atMs;
    }

    RunExplanation explain()
    {
        if (explainRowsAt(m_at))
            return m_result;
        if (m_job.trigger && m_job.trigger->jitterMs() > 0 && explainJitteredRow())
            return m_result;
        if (m_at < m_job.createdAt)
            return finish(ExplanationKind::BeforeCreated,
                          ExplainText::tr("%1 is before the job existed: it was created at %2.")
                              .arg(time(m_at), time(m_job.createdAt)));
        if (!m_job.trigger)
            return finish(ExplanationKind::NotRecorded, ExplainText::tr("No run is recorded at %1.").arg(time(m_at)));
        const Trigger &trigger = *m_job.trigger;
        if (!firesAt(trigger, m_at))
            return notAFireTime(trigger);
        // A fire time a calendar leaves out, past (not recorded yet: the pass of the next run records it) or future.
        if (const auto exclusion = m_calendars.excludes(m_job, m_at))
            return finish(ExplanationKind::Excluded,
                          ExplainText::tr("%1 is a fire time of the job's trigger on a day its calendar \"%2\" "
                                          "excludes (%3): the job does not run then.")
                              .arg(time(m_at), exclusion->calendar, ExclusionCalendar::dayText(exclusion->day)));
        if (m_at > m_now)
            return future();
        if (explainCountRow())
            return m_result;
        if (explainPruned())
            return m_result;
        if (!m_job.paused && m_job.nextRunTime && *m_job.nextRunTime <= m_at)
            return finish(ExplanationKind::Due,
                          ExplainText::tr("%1 is due but has not run yet: the scheduler has not handled the job since "
                                          "its run time %2 (it was not running). It will be handled by the misfire "
                                          "rules when the scheduler runs.")
                              .arg(time(m_at), time(*m_job.nextRunTime)));
        if (explainCoalesced())
            return m_result;
        if (m_job.paused && (m_runs.isEmpty() || passTime(m_runs.first()) < m_at))
            return finish(ExplanationKind::Paused,
                          ExplainText::tr("No run is recorded at %1. The job is paused now%2, and nothing was recorded "
                                          "for it since, so it was most likely paused then; runs missed while paused "
                                          "are not made up. (The history does not record when it was paused.)")
                              .arg(time(m_at), noteSuffix()));
        return finish(ExplanationKind::NotRecorded,
                      ExplainText::tr("%1 is a fire time of the job's trigger, but no run is recorded for it and no "
                                      "later run covers it. The job may have been paused then, or had another trigger "
                                      "(the history records neither).")
                          .arg(time(m_at)));
    }

private:
    QString time(std::int64_t ms) const
    {
        return formatIso(ms, m_job.trigger ? m_job.trigger->zone() : utc());
    }

    QString noteSuffix() const
    {
        return m_job.pauseNote.isEmpty() ? QString() : ExplainText::tr(" (\"%1\")").arg(m_job.pauseNote);
    }

    RunExplanation finish(ExplanationKind kind, const QString &text)
    {
        m_result.kind = kind;
        m_result.text = text;
        return m_result;
    }

    void describeRun(const RunRecord &run)
    {
        m_result.runId = run.id;
        m_result.outcome = run.outcome;
        m_result.reason = run.reason;
        m_result.count = run.count;
    }

    /// Rows with the scheduled time @p scheduled: the first attempt names the run, the last attempt its result.
    bool explainRowsAt(std::int64_t scheduled)
    {
        QList<RunRecord> rows;
        for (const RunRecord &run : m_runs) {
            if (run.scheduledTime == scheduled)
                rows.prepend(run); // oldest first
        }
        if (rows.isEmpty())
            return false;
        std::stable_sort(rows.begin(), rows.end(), [](const RunRecord &a, const RunRecord &b) {
            return a.attempt != b.attempt ? a.attempt < b.attempt : a.id < b.id;
        });
        const RunRecord &first = rows.first();
        const RunRecord &last = rows.last();
        describeRun(first);
        m_result.outcome = last.outcome;
        m_result.attempts = static_cast<int>(rows.size());
        explainRow(first, last);
        return true;
    }

    void explainRow(const RunRecord &first, const RunRecord &last)
    {
        const QString at = time(first.scheduledTime);
        switch (last.outcome) {
        case RunOutcome::Missed:
            m_result.lateMs = last.lateMs;
            m_result.graceMs = m_job.options.misfireGraceMs;
            if (last.lateMs && m_job.options.misfireGraceMs) {
                finish(ExplanationKind::Missed,
                       ExplainText::tr("The run time %1 was missed (run %2): the scheduler could have started it only "
                                       "%3 late, more than the misfire grace time of %4.")
                           .arg(at)
                           .arg(last.id)
                           .arg(formatLateness(*last.lateMs), formatLateness(*m_job.options.misfireGraceMs)));
            } else {
                finish(ExplanationKind::Missed,
                       ExplainText::tr("The run time %1 was missed (run %2): %3").arg(at).arg(last.id).arg(last.error));
            }
            if (last.count > 1)
                m_result.text += QLatin1Char(' ')
                                 + ExplainText::tr("This row stands for %n run time(s) missed together.", nullptr,
                                                   static_cast<int>(std::min<std::int64_t>(last.count, INT_MAX)));
            return;
        case RunOutcome::Skipped:
            finish(ExplanationKind::Skipped,
                   ExplainText::tr("The run time %1 was skipped (run %2): %3 (overlap policy %4, max instances %5).")
                       .arg(at)
                       .arg(last.id)
                       .arg(last.error.isEmpty() ? ExplainText::tr("the job's earlier runs were still going")
                                                 : last.error,
                            JobOptions::overlapName(m_job.options.overlap))
                       .arg(m_job.options.maxInstances));
            return;
        case RunOutcome::Queued:
            finish(ExplanationKind::Queued,
                   ExplainText::tr("The run for %1 (run %2) is waiting for the job's earlier run to end (overlap "
                                   "policy %3).")
                       .arg(at)
                       .arg(last.id)
                       .arg(JobOptions::overlapName(m_job.options.overlap)));
            return;
        case RunOutcome::Excluded:
            finish(ExplanationKind::Excluded,
                   ExplainText::tr("The run time %1 did not run (run %2): %3.").arg(at).arg(last.id).arg(last.error));
            return;
        case RunOutcome::Waiting: // for the job's conditions: the error says which
            finish(ExplanationKind::Queued, ExplainText::tr("The run for %1 (run %2) is %3 (the job's conditions).")
                                                .arg(at)
                                                .arg(last.id)
                                                .arg(last.error));
            return;
        case RunOutcome::ConditionTimeout:
            finish(ExplanationKind::Missed, ExplainText::tr("The run time %1 was not run (run %2): %3.")
                                                .arg(at)
                                                .arg(last.id)
                                                .arg(last.error));
            return;
        case RunOutcome::Replaced:
            finish(ExplanationKind::Replaced,
                   ExplainText::tr("Run %1 for %2 started %3 and was stopped because a newer run of the job replaced "
                                   "it (overlap policy replace).")
                       .arg(last.id)
                       .arg(at, reasonPhrase(first)));
            return;
        case RunOutcome::Running:
            finish(ExplanationKind::Running,
                   ExplainText::tr("Run %1 for %2 started %3 and is still going.").arg(last.id).arg(at,
                                                                                                reasonPhrase(first)));
            break;
        default: {
            QString text = ExplainText::tr("Run %1 for %2 started %3 and %4").arg(first.id).arg(at, reasonPhrase(first),
                                                                                               outcomePhrase(last));
            if (last.startTime && last.endTime)
                text += ExplainText::tr(" after %1").arg(formatLateness(*last.endTime - *last.startTime));
            text += QLatin1Char('.');
            finish(ExplanationKind::Ran, text);
            break;
        }
        }
        if (m_result.attempts > 1)
            m_result.text += QLatin1Char(' ')
                             + ExplainText::tr("That was attempt %1 of the same run time: the earlier attempts "
                                               "failed and were retried (last run %2).")
                                   .arg(last.attempt)
                                   .arg(last.id);
    }

    /// A jittered trigger's run: scheduled up to the jitter after the fire time at m_at.
    bool explainJitteredRow()
    {
        if (!firesAt(*m_job.trigger, m_at))
            return false;
        for (auto it = m_runs.crbegin(); it != m_runs.crend(); ++it) {
            if (isFromSchedule(*it) && it->scheduledTime > m_at
                && it->scheduledTime <= m_at + m_job.trigger->jitterMs()) {
                const std::int64_t scheduled = it->scheduledTime;
                explainRowsAt(scheduled);
                m_result.text += QLatin1Char(' ') + ExplainText::tr("Its time was moved from %1 by the trigger's "
                                                                    "jitter.")
                                                        .arg(time(m_at));
                return true;
            }
        }
        return false;
    }

    RunExplanation notAFireTime(const Trigger &trigger)
    {
        m_result.fireBefore = previousFireTime(trigger, m_at);
        m_result.fireAfter = trigger.nextFireTime(m_at);
        const QString none = ExplainText::tr("none");
        return finish(ExplanationKind::NotAFireTime,
                      ExplainText::tr("%1 is not a fire time of the job's trigger (%2): the fire time before it is %3, "
                                      "the one after it %4.")
                          .arg(time(m_at), trigger.description(),
                               m_result.fireBefore ? time(*m_result.fireBefore) : none,
                               m_result.fireAfter ? time(*m_result.fireAfter) : none));
    }

    RunExplanation future()
    {
        if (m_job.paused)
            return finish(ExplanationKind::Paused,
                          ExplainText::tr("The job will not run at %1: it is paused%2. Resuming it computes the next "
                                          "run time from then.")
                              .arg(time(m_at), noteSuffix()));
        if (!m_job.nextRunTime)
            return finish(ExplanationKind::WillNotRun,
                          ExplainText::tr("The job will not run at %1: it is finished (it has no next run time).")
                              .arg(time(m_at)));
        m_result.reason = RunReason::Scheduled;
        QString text = ExplainText::tr("The job will run at %1 (reason scheduled).").arg(time(m_at));
        if (*m_job.nextRunTime == m_at)
            text += QLatin1Char(' ') + ExplainText::tr("That is its next run time.");
        else if (*m_job.nextRunTime < m_at)
            text += QLatin1Char(' ') + ExplainText::tr("Its next run time is %1.").arg(time(*m_job.nextRunTime));
        return finish(ExplanationKind::WillRun, text);
    }

    /// A missed row standing for several run times (a long downtime) covers every fire time from the pass before it.
    bool explainCountRow()
    {
        for (qsizetype i = 0; i < m_runs.size(); ++i) {
            const RunRecord &run = m_runs.at(i);
            if (run.outcome != RunOutcome::Missed || run.count <= 1)
                continue;
            std::int64_t from = m_job.createdAt;
            for (qsizetype j = i + 1; j < m_runs.size(); ++j) {
                if (isFromSchedule(m_runs.at(j))) {
                    from = passTime(m_runs.at(j));
                    break;
                }
            }
            if (m_at <= from || m_at > passTime(run))
                continue;
            describeRun(run);
            m_result.attempts = 1;
            m_result.graceMs = m_job.options.misfireGraceMs;
            finish(ExplanationKind::Missed,
                          ExplainText::tr("%1 is one of %2 run times missed while the scheduler could not run the job "
                                          "(from %3 to %4), recorded together as run %5: %6")
                              .arg(time(m_at))
                              .arg(run.count)
                              .arg(time(from), time(passTime(run)))
                              .arg(run.id)
                              .arg(run.error));
            return true;
        }
        return false;
    }

    bool explainPruned()
    {
        if (m_runs.isEmpty() || m_runs.size() < m_historyLimit)
            return false;
        const std::int64_t oldest = m_runs.last().scheduledTime;
        if (m_at >= oldest)
            return false;
        finish(ExplanationKind::OlderThanHistory,
               ExplainText::tr("%1 is older than the history kept: the job keeps its newest %2 runs, and the oldest "
                               "of them is from %3.")
                   .arg(time(m_at))
                   .arg(m_historyLimit)
                   .arg(time(oldest)));
        return true;
    }

    /// With coalesce on, the first run from the schedule after m_at ran late for the latest of the run times due at
    /// its pass: m_at was among them. A run on its own time says the scheduler was there, so m_at was not coalesced.
    bool explainCoalesced()
    {
        if (m_job.options.coalesce != CoalescePolicy::Latest)
            return false;
        for (auto it = m_runs.crbegin(); it != m_runs.crend(); ++it) {
            if (!isFromSchedule(*it) || it->scheduledTime <= m_at)
                continue;
            const std::int64_t pass = passTime(*it);
            const auto after = m_job.trigger->nextFireTime(it->scheduledTime);
            const bool latestAtItsPass = !after || *after > pass;
            const bool late = it->reason == RunReason::CatchUp || pass - it->scheduledTime > lateToleranceMs;
            if (!latestAtItsPass || !late)
                return false;
            describeRun(*it);
            finish(ExplanationKind::Coalesced,
                   ExplainText::tr("%1 was coalesced into run %2 (run time %3, %4): when the scheduler came to run the "
                                   "job at %5, several run times were due, and with coalescing on only the latest "
                                   "runs.")
                       .arg(time(m_at))
                       .arg(it->id)
                       .arg(time(it->scheduledTime), RunRecord::outcomeName(it->outcome), time(pass)));
            return true;
        }
        return false;
    }

    /// A run started within this of its run time was on time (a due pass takes a moment).
    static constexpr std::int64_t lateToleranceMs = 1000;

    const ExclusionCalendars &m_calendars;
    const Job &m_job;
    const QList<RunRecord> &m_runs;
    const std::int64_t m_at;
    const std::int64_t m_now;
    const int m_historyLimit;
    RunExplanation m_result;
};

} // namespace

QString RunExplanation::kindName(ExplanationKind kind)
{
    return nameIn(kindNames, kind);
}

std::optional<ExplanationKind> RunExplanation::kindFromName(const QString &name)
{
    return valueIn(kindNames, name);
}

QJsonObject RunExplanation::toJson() const
{
    return {
        {QStringLiteral("job_id"), jobId},
        {QStringLiteral("at"), instant(atMs)},
        {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("run_id"), runId ? QJsonValue(static_cast<double>(*runId)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("outcome"), outcome ? QJsonValue(RunRecord::outcomeName(*outcome)) : QJsonValue()},
        {QStringLiteral("reason"), reason ? QJsonValue(RunRecord::reasonName(*reason)) : QJsonValue()},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("count"), static_cast<double>(count)},
        {QStringLiteral("late_seconds"), seconds(lateMs)},
        {QStringLiteral("grace_seconds"), seconds(graceMs)},
        {QStringLiteral("fire_before"), instant(fireBefore)},
        {QStringLiteral("fire_after"), instant(fireAfter)},
        {QStringLiteral("text"), text},
    };
}

Result<RunExplanation> RunExplanation::fromJson(const QJsonObject &json)
{
    RunExplanation result;
    const auto kind = kindFromName(json.value(QStringLiteral("kind")).toString());
    if (!kind)
        return invalidInput(QStringLiteral("unknown explanation kind \"%1\"")
                                .arg(json.value(QStringLiteral("kind")).toString()));
    result.kind = *kind;
    result.jobId = json.value(QStringLiteral("job_id")).toString();
    auto at = readInstant(json, "at");
    auto before = readInstant(json, "fire_before");
    auto after = readInstant(json, "fire_after");
    for (const auto *read : {&at, &before, &after}) {
        if (!*read)
            return read->error();
    }
    if (!at.value())
        return invalidInput(QStringLiteral("an explanation needs \"at\""));
    result.atMs = *at.value();
    result.fireBefore = before.value();
    result.fireAfter = after.value();
    if (const QJsonValue id = json.value(QStringLiteral("run_id")); id.isDouble())
        result.runId = static_cast<std::int64_t>(id.toDouble());
    result.outcome = RunRecord::outcomeFromName(json.value(QStringLiteral("outcome")).toString());
    result.reason = RunRecord::reasonFromName(json.value(QStringLiteral("reason")).toString());
    result.attempts = json.value(QStringLiteral("attempts")).toInt();
    result.count = static_cast<std::int64_t>(json.value(QStringLiteral("count")).toDouble(1));
    result.lateMs = readSeconds(json, "late_seconds");
    result.graceMs = readSeconds(json, "grace_seconds");
    result.text = json.value(QStringLiteral("text")).toString();
    return result;
}

RunExplanation explainRun(const Job &job, const QList<RunRecord> &runsNewestFirst, std::int64_t atMs,
                          std::int64_t nowMs, int historyLimit, const ExclusionCalendars &calendars)
{
    return Explainer(job, runsNewestFirst, atMs, nowMs, historyLimit, calendars).explain();
}

std::optional<std::int64_t> previousFireTime(const Trigger &trigger, std::int64_t beforeMs)
{
    // "Some fire time lies in (x, beforeMs)" holds for every x up to the last fire time and for none after it. Windows
    // doubling backwards find an x where it holds (about 50 reach year 1); bisection then finds the largest such x,
    // whose next fire time is the answer: some 100 calls of nextFireTime() whatever the trigger's density.
    const auto firesBetween = [&](std::int64_t afterMs) {
        const auto next = trigger.nextFireTime(afterMs);
        return next && *next < beforeMs;
    };
    std::int64_t low = 0;
    for (std::int64_t width = 1000;; width *= 2) {
        const bool lastWindow = beforeMs - minInstantMs <= width;
        low = lastWindow ? minInstantMs - 1 : beforeMs - width;
        if (firesBetween(low))
            break;
        if (lastWindow)
            return std::nullopt;
    }
    std::int64_t high = beforeMs - 1; // nothing lies in (beforeMs - 1, beforeMs)
    while (high - low > 1) {
        const std::int64_t middle = low + (high - low) / 2;
        (firesBetween(middle) ? low : high) = middle;
    }
    return trigger.nextFireTime(low);
}

} // namespace punctual
