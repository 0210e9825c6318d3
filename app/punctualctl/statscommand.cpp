// punctualctl stats: a job's success rate and durations over its kept history (docs/window.md#run-statistics-and-the-dark-palette).
#include "cli.h"
#include "schedulersession.h"

#include "jobs/jobstatistics.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace punctual::cli {

namespace {

QString duration(std::int64_t ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

int runStats(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show jobs' success rates and run durations (median and 95th percentile) over their kept history."));
    parser.addPositionalArgument(QStringLiteral("ID"), tr("A job's id (several may be given)."), tr("ID..."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print the statistics as a JSON array, with the newest durations."));
    const QCommandLineOption points(QStringLiteral("points"),
                                    tr("How many of the newest durations --json lists (default 50, at most 1000)."),
                                    tr("N"), QStringLiteral("50"));
    parser.addOptions({json, points});
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    const QStringList ids = parser.positionalArguments();
    if (ids.isEmpty())
        return fail(ExitUsage, tr("give at least one job id"));
    bool numeric = false;
    const int pointCount = parser.value(points).toInt(&numeric);
    if (!numeric || pointCount < 1 || pointCount > maxStatisticsPoints)
        return fail(ExitUsage, tr("--points must be a whole number from 1 to %1").arg(maxStatisticsPoints));

    SchedulerSession session;
    if (auto opened = session.open(SchedulerSession::Use::ReadOnly); !opened)
        return fail(opened.error());
    QStringList names;
    for (const QString &id : ids) {
        auto job = session.control().job(id);
        if (!job)
            return fail(job.error());
        names.append(job->name);
    }
    auto stats = session.control().statistics(ids, pointCount);
    if (!stats)
        return fail(stats.error());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const JobStatistics &job : std::as_const(stats.value()))
            array.append(job.toJson());
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QString text;
    for (qsizetype i = 0; i < stats->size(); ++i) {
        const JobStatistics &job = stats->at(i);
        text += QStringLiteral("%1  %2\n").arg(job.jobId, names[i]);
        text += tr("  runs ended:   %1 (succeeded %2, failed %3, timed out %4, interrupted %5)\n")
                    .arg(job.ended())
                    .arg(job.succeeded)
                    .arg(job.failed)
                    .arg(job.timedOut)
                    .arg(job.interrupted);
        const auto rate = job.successRate();
        text += tr("  success rate: %1\n")
                    .arg(rate ? QStringLiteral("%1 %").arg(std::floor(*rate * 1000.0 + 1e-9) / 10.0) : tr("-"));
        text += tr("  duration:     %1\n")
                    .arg(job.p50Ms ? tr("median %1, p95 %2").arg(duration(*job.p50Ms), duration(*job.p95Ms))
                                   : tr("-"));
        text += tr("  not run:      %1; going now: %2\n").arg(job.notRun).arg(job.going);
    }
    print(text);
    return ExitOk;
}

} // namespace punctual::cli
