// punctualctl: scripts Punctual from the command line (DESIGN.md section 7).
#include "cli.h"
#include "keychain/systemkeychain.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <functional>
#include <map>

using namespace punctual;

namespace {

QString usage()
{
    return QCoreApplication::translate("punctualctl",
                                       "Usage: punctualctl [--db PATH | --store URL] COMMAND [OPTIONS]\n"
                                       "\n"
                                       "Commands:\n"
                                       "  add         add a job (punctualctl add --every 1h -- /usr/bin/backup)\n"
                                       "  list        list jobs by next run time\n"
                                       "  show        show one job\n"
                                       "  pause       pause a job\n"
                                       "  resume      resume a paused job (next run computed from now)\n"
                                       "  modify      change a job's name, schedule, options or command\n"
                                       "  reschedule  give a job a new schedule\n"
                                       "  remove      remove a job\n"
                                       "  remove-all  remove every job (needs --yes)\n"
                                       "  run-now     run a job now and wait for it\n"
                                       "  stop        stop a job's runs going now (through the running instance)\n"
                                       "  history     show the run history\n"
                                       "  backfill    run a job for the fire times of a past range\n"
                                       "  explain     say why a job ran, or did not, or will run at a time\n"
                                       "  stats       show a job's success rate and run durations (p50, p95)\n"
                                       "  calendar    add, list, show or remove exclusion calendars (days jobs "
                                       "skip)\n"
                                       "  run         run the scheduler in the foreground (one per store)\n"
                                       "  export      write jobs as JSON (all, or the ids given)\n"
                                       "  import      add the jobs of a JSON file, or of a crontab with --crontab\n"
                                       "  check       check the store for damage and unreadable jobs\n"
                                       "  backup      write a consistent copy of the store to a file\n"
                                       "  status      show the scheduler host and whether it reaches its store\n"
                                       "  watch       print the scheduler host's events as they happen\n"
                                       "  next        print the next fire times of a cron, interval or calendar "
                                       "schedule\n"
                                       "\n"
                                       "When the Punctual scheduler runs on the store (punctualctl run), the "
                                       "commands go through it and apply at once;\n"
                                       "otherwise they open the store themselves.\n"
                                       "\n"
                                       "Exit codes: 0 ok, 1 failure, 2 bad usage or input, 3 no such job, 4 id "
                                       "already exists.\n"
                                       "\n"
                                       "Run \"punctualctl COMMAND --help\" for a command's options.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    // The library's informational logs are for debugging (PUNCTUAL_DEBUG=1); commands print what users need.
    if (qEnvironmentVariableIsEmpty("PUNCTUAL_DEBUG"))
        QLoggingCategory::setFilterRules(QStringLiteral("punctual.*.debug=false\npunctual.*.info=false"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("punctualctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PUNCTUAL_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("punctual"));
    // sql jobs' passwords in the system keychain (runs of `run` and `run-now`).
    const auto keychain = SystemKeychain::installForProcess();

    const std::map<QString, std::function<int(const QStringList &)>> commands{
        {QStringLiteral("add"), cli::runAdd},
        {QStringLiteral("list"), cli::runList},
        {QStringLiteral("show"), cli::runShow},
        {QStringLiteral("pause"), cli::runPause},
        {QStringLiteral("resume"), cli::runResume},
        {QStringLiteral("modify"), cli::runModify},
        {QStringLiteral("reschedule"), cli::runReschedule},
        {QStringLiteral("remove"), cli::runRemove},
        {QStringLiteral("remove-all"), cli::runRemoveAll},
        {QStringLiteral("run-now"), cli::runRunNow},
        {QStringLiteral("stop"), cli::runStop},
        {QStringLiteral("history"), cli::runHistory},
        {QStringLiteral("explain"), cli::runExplain},
        {QStringLiteral("run"), cli::runScheduler},
        {QStringLiteral("next"), cli::runNext},
        {QStringLiteral("export"), cli::runExport},
        {QStringLiteral("import"), cli::runImport},
        {QStringLiteral("check"), cli::runCheck},
        {QStringLiteral("backup"), cli::runBackup},
        {QStringLiteral("watch"), cli::runWatch},
        {QStringLiteral("status"), cli::runStatus},
        {QStringLiteral("backfill"), cli::runBackfill},
        {QStringLiteral("calendar"), cli::runCalendar},
        {QStringLiteral("stats"), cli::runStats},
    };

    QStringList args = QCoreApplication::arguments();
    auto location = cli::takeStoreLocation(args);
    if (!location)
        return cli::fail(location.error());
    cli::setStoreLocation(location.value());
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")
        || args[1] == QLatin1String("help")) {
        cli::print(usage());
        return cli::finishOutput(args.size() < 2 ? cli::ExitUsage : cli::ExitOk);
    }
    if (args[1] == QLatin1String("--version") || args[1] == QLatin1String("-v")) {
        cli::print(QStringLiteral("punctualctl %1\n").arg(QCoreApplication::applicationVersion()));
        return cli::finishOutput(cli::ExitOk);
    }
    const QString name = args[1];
    const auto command = commands.find(name);
    if (command == commands.end())
        return cli::fail(cli::ExitUsage,
                         QCoreApplication::translate("punctualctl", "unknown command \"%1\" (see punctualctl --help)")
                             .arg(name));
    args.removeAt(1);
    args[0] = QStringLiteral("punctualctl %1").arg(name);
    return cli::finishOutput(command->second(args));
}
