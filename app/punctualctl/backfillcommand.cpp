// punctualctl backfill: a job run once for each fire time of a past range.
#include "cli.h"
#include "schedulersession.h"

#include "control/protocol.h"
#include "time/isotime.h"
#include "util/signalwatcher.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace punctual::cli {

namespace {

/// In this process (no instance runs the store): the runs go here, so wait for the last to end.
int waitForRuns(Scheduler &scheduler, const QString &id, const BackfillResult &result, bool json)
{
    if (result.runs.isEmpty())
        return ExitOk;
    int failed = 0;
    qsizetype ended = 0;
    auto onEnd = [&](const RunRecord &run) {
        if (run.jobId != id || run.reason != RunReason::Backfill)
            return;
        if (run.outcome != RunOutcome::Success)
            ++failed;
        if (!json)
            printError(tr("punctualctl: job %1, %2: %3").arg(id, localTime(run.scheduledTime), runSummary(run)));
        // Retries may follow a failed attempt: quit once nothing of this job is going or waiting any more.
        QTimer::singleShot(0, &scheduler, [&scheduler, id] {
            if (scheduler.runningCount(id) == 0 && !scheduler.retryWait(id))
                QCoreApplication::quit();
        });
        ++ended;
    };
    for (auto signal : {&Scheduler::jobExecuted, &Scheduler::jobError, &Scheduler::jobMissed})
        QObject::connect(&scheduler, signal, &scheduler, onEnd);
    SignalWatcher terminations;
    QObject::connect(&terminations, &SignalWatcher::terminationRequested, &scheduler,
                     [&scheduler] { scheduler.shutdown(Scheduler::ShutdownMode::StopRuns); });
    if (scheduler.runningCount(id) > 0 || scheduler.retryWait(id))
        QCoreApplication::exec();
    return failed == 0 && ended > 0 ? ExitOk : ExitFailure;
}

} // namespace

int runBackfill(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run a job once for each fire time of its schedule from T1 to T2 (both included), in order, one after "
           "another: for days a job missed, or data it should have processed. A time backfilled before is not run "
           "again. Times without an offset are in the job's time zone."));
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The job's id."));
    const QCommandLineOption from(QStringLiteral("from"), tr("The first instant of the range (ISO-8601)."),
                                  tr("T1"));
    const QCommandLineOption to(QStringLiteral("to"), tr("The last instant of the range (ISO-8601; by now)."),
                                tr("T2"));
    const QCommandLineOption overlap(QStringLiteral("overlap"),
                                     tr("When the job is running: skip (refuse; the default unless the job says "
                                        "otherwise) or allow (run beside it)."),
                                     tr("POLICY"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Only print the fire times; run nothing."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the times and runs as JSON."));
    parser.addOptions({from, to, overlap, dryRun, json});
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(ExitUsage, tr("give exactly one job id"));
    if (!parser.isSet(from) || !parser.isSet(to))
        return fail(ExitUsage, tr("give the range: --from T1 --to T2"));
    std::optional<OverlapPolicy> policy;
    if (parser.isSet(overlap)) {
        policy = JobOptions::overlapFromName(parser.value(overlap));
        if (!policy)
            return fail(ExitUsage, tr("--overlap: unknown policy \"%1\" (skip, queue-one, queue-all, replace or allow)")
                                       .arg(parser.value(overlap)));
    }
    const QString id = parser.positionalArguments().front();

    SchedulerSession session;
    if (auto opened = session.open(); !opened)
        return fail(opened.error());
    auto job = session.control().job(id);
    if (!job)
        return fail(job.error());
    std::int64_t range[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const QCommandLineOption &option = i == 0 ? from : to;
        auto at = parseIso(parser.value(option), job->trigger->zone());
        if (!at)
            return fail(ExitUsage, QStringLiteral("--%1: %2").arg(option.names().front(), at.error().message));
        range[i] = at.value();
    }
    if (range[0] > range[1])
        return fail(ExitUsage, tr("--from (%1) is after --to (%2)").arg(parser.value(from), parser.value(to)));

    auto result = session.control().backfill(id, range[0], range[1], policy, parser.isSet(dryRun));
    if (!result)
        return fail(result.error());
    const BackfillResult &done = result.value();
    if (parser.isSet(json)) {
        print(QString::fromUtf8(QJsonDocument(control::backfillToWire(done)).toJson(QJsonDocument::Indented)));
    } else if (parser.isSet(dryRun)) {
        QString text;
        for (const std::int64_t at : done.times)
            text += localTime(at) + QLatin1Char('\n');
        print(text);
        const auto times = done.times.size();
        printError(times == 1 ? tr("punctualctl: 1 fire time of %1 in the range; nothing was run (--dry-run)").arg(id)
                              : tr("punctualctl: %1 fire times of %2 in the range; nothing was run (--dry-run)")
                                    .arg(times)
                                    .arg(id));
    } else {
        // Said without "(s)": punctualctl has no English plural forms to fill in.
        const auto runs = done.runs.size();
        QString line = runs == 1 ? tr("punctualctl: job %1: 1 run backfilled").arg(id)
                                 : tr("punctualctl: job %1: %2 runs backfilled").arg(id).arg(runs);
        if (done.alreadyBackfilled == 1)
            line += tr("; 1 time of the range was backfilled before and is not run again");
        else if (done.alreadyBackfilled > 1)
            line += tr("; %1 times of the range were backfilled before and are not run again").arg(done.alreadyBackfilled);
        printError(line);
    }
    if (parser.isSet(dryRun) || session.isRemote())
        return ExitOk;
    return waitForRuns(session.scheduler(), id, done, parser.isSet(json));
}

} // namespace punctual::cli
