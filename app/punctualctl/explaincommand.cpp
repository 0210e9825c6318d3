// punctualctl explain: why a job ran, or did not, or will run at a time (docs/scheduling.md, "Explain").
#include "cli.h"
#include "schedulersession.h"

#include "scheduler/runexplainer.h"
#include "time/isotime.h"

#include <QJsonDocument>

namespace punctual::cli {

int runExplain(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Say what happened, or will happen, at a time for a job, and why."));
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The job's id."));
    const QCommandLineOption at(QStringLiteral("at"),
                                tr("The time (ISO-8601; without an offset, a wall-clock time in the job's zone)."),
                                tr("ISO"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the explanation as a JSON object."));
    parser.addOptions({at, json});
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(ExitUsage, tr("give one job id"));
    if (!parser.isSet(at))
        return fail(ExitUsage, tr("--at is required (the time to explain)"));
    const QString id = parser.positionalArguments().front();

    SchedulerSession session;
    if (auto opened = session.open(SchedulerSession::Use::ReadOnly); !opened)
        return fail(opened.error());
    auto job = session.control().job(id);
    if (!job)
        return fail(job.error());
    const auto zone = job->trigger ? job->trigger->zonePtr() : ZoneRules::system();
    auto atMs = parseIso(parser.value(at), *zone);
    if (!atMs)
        return fail(ExitUsage, QStringLiteral("--at: %1").arg(atMs.error().message));
    auto explanation = session.control().explain(id, atMs.value());
    if (!explanation)
        return fail(explanation.error());
    if (parser.isSet(json))
        print(QString::fromUtf8(QJsonDocument(explanation->toJson()).toJson(QJsonDocument::Indented)));
    else
        print(explanation->text + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace punctual::cli
