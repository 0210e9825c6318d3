// punctualctl check and backup: the store itself, read directly (a running scheduler goes on meanwhile).
#include "cli.h"

#include "store/storebackup.h"
#include "store/storehealth.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace punctual::cli {

namespace {

QJsonObject healthJson(const StoreHealth &health)
{
    QJsonArray unreadable;
    for (const UnreadableJob &job : health.unreadableJobs)
        unreadable.append(QJsonObject{{QStringLiteral("id"), job.id}, {QStringLiteral("reason"), job.reason}});
    return {
        {QStringLiteral("store"), health.store},
        {QStringLiteral("healthy"), health.healthy()},
        {QStringLiteral("integrity"),
         QJsonObject{{QStringLiteral("checked"), health.integrityChecked},
                     {QStringLiteral("problems"), QJsonArray::fromStringList(health.damage)}}},
        {QStringLiteral("schema"),
         QJsonObject{{QStringLiteral("stored"), health.schemaVersion},
                     {QStringLiteral("current"), health.currentSchemaVersion},
                     {QStringLiteral("readable"), health.schemaReadable()}}},
        {QStringLiteral("jobs"),
         QJsonObject{{QStringLiteral("checked"), health.rowsChecked},
                     {QStringLiteral("not_read"), health.rowsChecked ? QJsonValue() : QJsonValue(health.rowsNotRead)},
                     {QStringLiteral("rows"), health.jobRows},
                     {QStringLiteral("unreadable"), unreadable}}},
    };
}

QString healthText(const StoreHealth &health)
{
    QString text = tr("store: %1\n").arg(health.store);
    if (!health.integrityChecked)
        text += tr("integrity: not checked here (PostgreSQL checks its pages itself as it reads them)\n");
    else if (health.damage.isEmpty())
        text += tr("integrity: ok\n");
    else
        text += tr("integrity: %n problem(s)\n", nullptr, int(health.damage.size()));
    for (const QString &problem : health.damage)
        text += QStringLiteral("  %1\n").arg(problem);

    if (!health.schemaReadable())
        text += tr("schema: %1, newer than this Punctual reads (up to %2)\n")
                    .arg(health.schemaVersion)
                    .arg(health.currentSchemaVersion);
    else if (health.schemaVersion < health.currentSchemaVersion)
        text += tr("schema: %1 (this Punctual: %2; brought up to date when it next opens the store to write)\n")
                    .arg(health.schemaVersion)
                    .arg(health.currentSchemaVersion);
    else
        text += tr("schema: %1 (current)\n").arg(health.schemaVersion);

    if (!health.rowsChecked)
        text += tr("jobs: not read: %1\n").arg(health.rowsNotRead);
    else if (health.unreadableJobs.isEmpty())
        text += tr("jobs: %n row(s), all readable\n", nullptr, health.jobRows);
    else
        text += tr("jobs: %n row(s), %1 cannot be read\n", nullptr, health.jobRows).arg(health.unreadableJobs.size());
    for (const UnreadableJob &job : health.unreadableJobs)
        text += tr("  job \"%1\" cannot be read: %2\n").arg(job.id, job.reason);

    text += health.healthy() ? tr("healthy\n") : tr("problems found\n");
    return text;
}

} // namespace

int runCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check the store without changing it: the database's full integrity check, the schema version and every "
           "job row. Exit 0 when healthy, 1 when problems are found. Works while Punctual runs on the store."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the findings as a JSON object."));
    parser.addOption(json);
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return fail(ExitUsage, tr("check takes no arguments (the store is --db or --store)"));

    const StoreLocation &location = storeLocation();
    if (!location.postgres && !location.explicitPath && !QFileInfo::exists(location.resolvedPath())) {
        // The default store not made yet: nothing to check, and nothing is made.
        const QString path = QDir::toNativeSeparators(location.resolvedPath());
        if (parser.isSet(json)) {
            print(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("store"), path},
                                                              {QStringLiteral("exists"), false},
                                                              {QStringLiteral("healthy"), true}})
                                        .toJson(QJsonDocument::Indented)));
        } else {
            print(tr("no job store at %1 yet: nothing to check\n").arg(path));
        }
        return ExitOk;
    }
    auto health = inspectStore(location, IntegrityCheck::Full);
    if (!health)
        return fail(health.error());
    if (parser.isSet(json))
        print(QString::fromUtf8(QJsonDocument(healthJson(health.value())).toJson(QJsonDocument::Indented)));
    else
        print(healthText(health.value()));
    return health->healthy() ? ExitOk : ExitFailure;
}

int runBackup(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a consistent copy of the SQLite store to FILE, also while Punctual runs on it and writes. FILE is "
           "replaced only by a complete copy that passed its check. A PostgreSQL store is backed up with pg_dump."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("Where the copy goes."));
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(ExitUsage, tr("give exactly one backup file"));

    auto backup = backupStore(storeLocation(), parser.positionalArguments().front());
    if (!backup)
        return fail(backup.error());
    print(tr("%n job(s) backed up to %1\n", nullptr, backup->jobs).arg(QDir::toNativeSeparators(backup->file)));
    return ExitOk;
}

} // namespace punctual::cli
