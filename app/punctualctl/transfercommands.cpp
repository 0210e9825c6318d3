// punctualctl export and import: job files (the job JSON) and user crontabs.
#include "cli.h"
#include "schedulersession.h"

#include "jobs/crontabimport.h"
#include "jobs/jobfile.h"
#include "store/storehealth.h"
#include "time/isotime.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <cstdio>

namespace punctual::cli {

namespace {

void printProblems(const QString &source, const ImportContents &contents)
{
    for (const ImportProblem &note : contents.notes)
        printError(QStringLiteral("punctualctl: note: %1: %2").arg(source, note.text()));
    for (const ImportProblem &problem : contents.problems)
        printError(QStringLiteral("punctualctl: error: %1: %2").arg(source, problem.text()));
}

QString addedLine(const Job &job, const QString &origin, const QString &verb)
{
    const QString next = job.nextRunTime ? formatIso(*job.nextRunTime, job.trigger->zone())
                                         : (job.paused ? tr("paused") : QStringLiteral("-"));
    return QStringLiteral("%1 %2 (%3): %4; next %5; %6\n")
        .arg(verb, job.id, origin, job.name, next, describeSchedule(job));
}

/// Reads a job file, or standard input for "-".
Result<ImportContents> readJobFile(const QString &path, std::int64_t nowMs)
{
    if (path != QLatin1String("-"))
        return JobFile::read(path, nowMs);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("cannot read standard input")};
    return JobFile::parse(in.readAll(), nowMs);
}

} // namespace

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Write jobs as a JSON array (the job JSON), all of them or those named."));
    parser.addPositionalArgument(QStringLiteral("[ID...]"), tr("Export only these jobs, in this order."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOption(output);
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;

    // A damaged store can lose jobs from what it reads without an error: nothing is written from one.
    if (auto intact = checkStoreIntact(storeLocation()); !intact)
        return fail(intact.error());
    SchedulerSession session;
    if (auto opened = session.open(SchedulerSession::Use::ReadOnly); !opened)
        return fail(opened.error());
    auto all = session.control().jobs();
    if (!all)
        return fail(all.error());
    QList<Job> jobs;
    const QStringList ids = parser.positionalArguments();
    if (ids.isEmpty()) {
        jobs = std::move(all).value();
    } else {
        QHash<QString, qsizetype> byId;
        for (qsizetype i = 0; i < all->size(); ++i)
            byId.insert(all->at(i).id, i);
        for (const QString &id : ids) {
            const auto found = byId.constFind(id);
            if (found == byId.constEnd())
                return fail(ExitNoSuchJob, tr("no job with id \"%1\"").arg(id));
            jobs.append(all->at(*found));
        }
    }
    if (!parser.isSet(output)) {
        print(QString::fromUtf8(JobFile::toJson(jobs)));
        return ExitOk;
    }
    if (auto written = JobFile::write(parser.value(output), jobs); !written)
        return fail(written.error());
    print(tr("%n job(s) exported to %1\n", nullptr, int(jobs.size())).arg(parser.value(output)));
    return ExitOk;
}

int runImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Add the jobs of a job file (a JSON array as export writes it; \"-\" reads standard input), or of a user "
           "crontab with --crontab. Every entry is checked first; nothing is added when one is invalid (unless "
           "--skip-invalid) or when an id exists already (unless --replace or --skip-existing)."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The job file, or the crontab with --crontab."));
    const QCommandLineOption crontab(QStringLiteral("crontab"), tr("FILE is a crontab (crontab -l > FILE)."));
    const QCommandLineOption tz(QStringLiteral("tz"),
                                tr("With --crontab: the time zone of entries before any CRON_TZ line (default: the "
                                   "system's)."),
                                QStringLiteral("ZONE"));
    const QCommandLineOption replace(QStringLiteral("replace"), tr("Replace stored jobs that have the same id."));
    const QCommandLineOption skipExisting(QStringLiteral("skip-existing"),
                                          tr("Leave out jobs whose id is stored already."));
    const QCommandLineOption skipInvalid(QStringLiteral("skip-invalid"),
                                         tr("Add the valid entries even when others are invalid."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Check and show what would be added; add nothing."));
    parser.addOptions({crontab, tz, replace, skipExisting, skipInvalid, dryRun});
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(ExitUsage, tr("give exactly one file to import"));
    if (parser.isSet(replace) && parser.isSet(skipExisting))
        return fail(ExitUsage, tr("--replace and --skip-existing exclude each other"));
    if (parser.isSet(tz) && !parser.isSet(crontab))
        return fail(ExitUsage, tr("--tz is for --crontab"));
    const QString path = parser.positionalArguments().front();

    SchedulerSession session;
    Result<ImportContents> contents = Error{};
    if (parser.isSet(crontab)) {
        CrontabImport::Options options;
        options.nowMs = session.nowMs();
        if (parser.isSet(tz)) {
            options.zone = ZoneRules::forZone(parser.value(tz).toUtf8());
            if (!options.zone)
                return fail(ExitUsage, tr("unknown time zone \"%1\"").arg(parser.value(tz)));
        }
        contents = CrontabImport::read(path, options);
    } else {
        contents = readJobFile(path, session.nowMs());
    }
    if (!contents)
        return fail(contents.error());
    printProblems(path, contents.value());
    if (!contents->problems.isEmpty() && !parser.isSet(skipInvalid))
        return fail(ExitUsage, tr("nothing imported: %n entry(ies) cannot be taken (see above; --skip-invalid adds "
                                  "the others)",
                                  nullptr, int(contents->problems.size())));

    if (auto opened = session.open(); !opened)
        return fail(opened.error());
    auto stored = session.control().jobs();
    if (!stored)
        return fail(stored.error());
    QSet<QString> existing;
    existing.reserve(stored->size());
    for (const Job &job : std::as_const(stored.value()))
        existing.insert(job.id);
    QHash<QString, QString> origins;
    for (qsizetype i = 0; i < contents->jobs.size(); ++i)
        origins.insert(contents->jobs.at(i).id, contents->origins.value(i));
    const ConflictPolicy policy = parser.isSet(replace) ? ConflictPolicy::Replace
        : parser.isSet(skipExisting)                    ? ConflictPolicy::Skip
                                                        : ConflictPolicy::Fail;
    ImportPlan plan = planImport(std::move(contents).value().jobs, existing, policy);
    if (policy == ConflictPolicy::Fail && !plan.conflicts.isEmpty()) {
        const Error error = conflictError(plan.conflicts);
        return fail(ExitIdExists, tr("nothing imported: %1 (--replace replaces them, --skip-existing leaves them out)")
                                      .arg(error.message));
    }
    const QSet<QString> replaced(plan.replaced.cbegin(), plan.replaced.cend());

    if (parser.isSet(dryRun)) {
        QString text;
        for (const Job &job : std::as_const(plan.jobs))
            text += addedLine(job, origins.value(job.id), replaced.contains(job.id) ? tr("would replace")
                                                                                    : tr("would add"));
        for (const QString &id : std::as_const(plan.conflicts))
            text += tr("would skip %1 (%2): its id is stored already\n").arg(id, origins.value(id));
        print(text);
        return ExitOk;
    }

    auto added = session.control().addJobs(std::move(plan.jobs), policy);
    if (!added)
        return fail(added.error());
    QString text;
    for (const Job &job : std::as_const(added.value()))
        text += addedLine(job, origins.value(job.id), replaced.contains(job.id) ? tr("replaced") : tr("added"));
    for (const QString &id : std::as_const(plan.conflicts))
        text += tr("skipped %1 (%2): its id is stored already\n").arg(id, origins.value(id));
    text += tr("%n job(s) imported", nullptr, int(added->size()));
    if (!plan.replaced.isEmpty() || !plan.conflicts.isEmpty())
        text += tr(" (%1 replaced, %2 skipped)").arg(plan.replaced.size()).arg(plan.conflicts.size());
    print(text + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace punctual::cli
