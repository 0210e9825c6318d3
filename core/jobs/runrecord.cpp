// Run record names and JSON.
#include "runrecord.h"

#include "time/isotime.h"
#include "util/nametable.h"

namespace punctual {

namespace {

constexpr NameOf<RunOutcome> outcomeNames[] = {
    {RunOutcome::Running, "running"},   {RunOutcome::Success, "success"},
    {RunOutcome::Failed, "failed"},     {RunOutcome::Missed, "missed"},
    {RunOutcome::Skipped, "skipped"},   {RunOutcome::Interrupted, "interrupted"},
    {RunOutcome::TimedOut, "timed_out"}, {RunOutcome::Queued, "queued"},
    {RunOutcome::Replaced, "replaced"},
    {RunOutcome::Excluded, "excluded"},
    {RunOutcome::Waiting, "waiting"},   {RunOutcome::ConditionTimeout, "condition_timeout"},
};

constexpr NameOf<RunReason> reasonNames[] = {
    {RunReason::Scheduled, "scheduled"}, {RunReason::CatchUp, "catch-up"}, {RunReason::RunNow, "run-now"},
    {RunReason::Retry, "retry"},         {RunReason::Chained, "chained"},  {RunReason::Backfill, "backfill"},
    {RunReason::AtStart, "at-start"},    {RunReason::AfterResume, "after-resume"},
    {RunReason::NetworkUp, "network-up"},
};


QJsonValue instant(const std::optional<std::int64_t> &ms)
{
    static const auto utc = ZoneRules::forZone("UTC");
    return ms ? QJsonValue(formatIso(*ms, *utc)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString RunRecord::outcomeName(RunOutcome outcome)
{
    return nameIn(outcomeNames, outcome);
}

std::optional<RunOutcome> RunRecord::outcomeFromName(const QString &name)
{
    return valueIn(outcomeNames, name);
}

QString RunRecord::reasonName(RunReason reason)
{
    return nameIn(reasonNames, reason);
}

std::optional<RunReason> RunRecord::reasonFromName(const QString &name)
{
    return valueIn(reasonNames, name);
}

QJsonObject RunRecord::toJson() const
{
    QJsonObject json{
        {QStringLiteral("id"), static_cast<double>(id)},
        {QStringLiteral("job_id"), jobId},
        {QStringLiteral("scheduled_time"), instant(scheduledTime)},
        {QStringLiteral("start_time"), instant(startTime)},
        {QStringLiteral("end_time"), instant(endTime)},
        {QStringLiteral("outcome"), outcomeName(outcome)},
        {QStringLiteral("exit_code"), exitCode ? QJsonValue(*exitCode) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("output"), output},
        {QStringLiteral("error"), error},
        {QStringLiteral("attempt"), attempt},
        {QStringLiteral("instance"), instance},
        {QStringLiteral("reason"), reasonName(reason)},
        {QStringLiteral("caused_by"), causedBy ? QJsonValue(static_cast<double>(*causedBy)) : QJsonValue()},
        {QStringLiteral("count"), static_cast<double>(count)},
    };
    if (lateMs)
        json.insert(QStringLiteral("late_seconds"), static_cast<double>(*lateMs) / 1000.0);
    return json;
}

} // namespace punctual
