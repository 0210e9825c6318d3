// Missed-runs reports: bounded lists of fire times, merging, and the wire form.
#include "missedrunsreport.h"

#include "control/protocol.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace punctual {

namespace {

class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(ControlServer)
};

QJsonArray timesToJson(const QList<std::int64_t> &times)
{
    QJsonArray array;
    for (const std::int64_t at : times)
        array.append(control::instantToWire(at));
    return array;
}

std::optional<QList<std::int64_t>> timesFromJson(const QJsonValue &value)
{
    QList<std::int64_t> times;
    for (const QJsonValue &item : value.toArray()) {
        const auto at = control::instantFromWire(item.toString());
        if (!at)
            return std::nullopt;
        times.append(*at);
    }
    return times;
}

double number(std::int64_t value)
{
    return static_cast<double>(value);
}

} // namespace

void PassedTimes::add(std::int64_t timeMs)
{
    ++total;
    if (first.size() < listedTimes) {
        first.append(timeMs);
        return;
    }
    if (last.size() == listedTimes)
        last.removeFirst();
    last.append(timeMs);
}

void PassedTimes::addHidden(std::int64_t count)
{
    // The times listed at the end so far are followed by unlisted ones: they no longer end the list.
    total += count;
    last.clear();
}

void PassedTimes::append(const PassedTimes &later)
{
    for (const std::int64_t at : later.first)
        add(at);
    if (later.hidden() > 0)
        addHidden(later.hidden());
    for (const std::int64_t at : later.last)
        add(at);
    atLeast = atLeast || later.atLeast;
}

void MissedRunsReport::merge(const MissedRunsReport &later)
{
    jobName = later.jobName;
    cause = later.cause;
    gapFromMs = std::min(gapFromMs, later.gapFromMs);
    gapToMs = std::max(gapToMs, later.gapToMs);
    episode = later.episode;
    times.append(later.times);
    ranLate += later.ranLate;
    if (!ranAtMs)
        ranAtMs = later.ranAtMs;
    coalesced += later.coalesced;
    missedLate += later.missedLate;
    missedUncaught += later.missedUncaught;
    skipped += later.skipped;
    excluded += later.excluded;
    coalesce = later.coalesce;
    misfireGraceMs = later.misfireGraceMs;
    maxInstances = later.maxInstances;
}

QString missedCauseName(MissedCause cause)
{
    return cause == MissedCause::Asleep ? QStringLiteral("asleep") : QStringLiteral("not_running");
}

QJsonObject MissedRunsReport::toJson() const
{
    QJsonObject json{
        {QStringLiteral("job_id"), jobId},
        {QStringLiteral("job_name"), jobName},
        {QStringLiteral("cause"), missedCauseName(cause)},
        {QStringLiteral("from"), control::instantToWire(gapFromMs)},
        {QStringLiteral("to"), control::instantToWire(gapToMs)},
        {QStringLiteral("episode"), episode},
        {QStringLiteral("total"), number(times.total)},
        {QStringLiteral("at_least"), times.atLeast},
        {QStringLiteral("first_times"), timesToJson(times.first)},
        {QStringLiteral("last_times"), timesToJson(times.last)},
        {QStringLiteral("ran_late"), number(ranLate)},
        {QStringLiteral("coalesced"), number(coalesced)},
        {QStringLiteral("missed_late"), number(missedLate)},
        {QStringLiteral("missed_uncaught"), number(missedUncaught)},
        {QStringLiteral("skipped"), number(skipped)},
        {QStringLiteral("excluded"), number(excluded)},
        {QStringLiteral("coalesce"), coalesce},
        {QStringLiteral("max_instances"), maxInstances},
    };
    if (ranAtMs)
        json.insert(QStringLiteral("ran_at"), control::instantToWire(*ranAtMs));
    if (misfireGraceMs)
        json.insert(QStringLiteral("misfire_grace_time"), number(*misfireGraceMs) / 1000.0);
    return json;
}

Result<MissedRunsReport> MissedRunsReport::fromJson(const QJsonObject &json)
{
    MissedRunsReport report;
    report.jobId = json.value(QStringLiteral("job_id")).toString();
    if (report.jobId.isEmpty())
        return invalidInput(ReportText::tr("a missed-runs report without a job_id"));
    report.jobName = json.value(QStringLiteral("job_name")).toString(report.jobId);
    report.cause = json.value(QStringLiteral("cause")).toString() == QLatin1String("asleep") ? MissedCause::Asleep
                                                                                           : MissedCause::NotRunning;
    const auto from = control::instantFromWire(json.value(QStringLiteral("from")).toString());
    const auto to = control::instantFromWire(json.value(QStringLiteral("to")).toString());
    auto first = timesFromJson(json.value(QStringLiteral("first_times")));
    auto last = timesFromJson(json.value(QStringLiteral("last_times")));
    if (!from || !to || !first || !last)
        return invalidInput(ReportText::tr("the missed-runs report of \"%1\" has a bad time").arg(report.jobId));
    report.gapFromMs = *from;
    report.gapToMs = *to;
    report.episode = json.value(QStringLiteral("episode")).toInt();
    report.times.first = std::move(*first);
    report.times.last = std::move(*last);
    const auto count = [&json](const char *key) {
        return static_cast<std::int64_t>(json.value(QLatin1String(key)).toDouble());
    };
    report.times.total = std::max<std::int64_t>(count("total"), report.times.first.size() + report.times.last.size());
    report.times.atLeast = json.value(QStringLiteral("at_least")).toBool();
    report.ranLate = count("ran_late");
    report.coalesced = count("coalesced");
    report.missedLate = count("missed_late");
    report.missedUncaught = count("missed_uncaught");
    report.skipped = count("skipped");
    report.excluded = count("excluded");
    report.ranAtMs = control::instantFromWire(json.value(QStringLiteral("ran_at")).toString());
    report.coalesce = json.value(QStringLiteral("coalesce")).toBool(true);
    if (const QJsonValue grace = json.value(QStringLiteral("misfire_grace_time")); grace.isDouble())
        report.misfireGraceMs = static_cast<std::int64_t>(grace.toDouble() * 1000.0);
    report.maxInstances = json.value(QStringLiteral("max_instances")).toInt(1);
    return report;
}

} // namespace punctual
