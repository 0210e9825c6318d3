// Run record names and JSON.
#include "runrecord.h"

#include "time/isotime.h"

namespace punctual {

namespace {

constexpr struct { RunOutcome outcome; const char *name; } outcomeNames[] = {
    {RunOutcome::Running, "running"},   {RunOutcome::Success, "success"},
    {RunOutcome::Failed, "failed"},     {RunOutcome::Missed, "missed"},
    {RunOutcome::Skipped, "skipped"},   {RunOutcome::Interrupted, "interrupted"},
    {RunOutcome::TimedOut, "timed_out"},
};

QJsonValue instant(const std::optional<std::int64_t> &ms)
{
    static const auto utc = ZoneRules::forZone("UTC");
    return ms ? QJsonValue(formatIso(*ms, *utc)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString RunRecord::outcomeName(RunOutcome outcome)
{
    for (const auto &entry : outcomeNames) {
        if (entry.outcome == outcome)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<RunOutcome> RunRecord::outcomeFromName(const QString &name)
{
    for (const auto &entry : outcomeNames) {
        if (name == QLatin1String(entry.name))
            return entry.outcome;
    }
    return std::nullopt;
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
    };
    if (lateMs)
        json.insert(QStringLiteral("late_seconds"), static_cast<double>(*lateMs) / 1000.0);
    return json;
}

} // namespace punctual
