// punctual-bench SCENARIO [--jobs N] [--store memory|sqlite] [--db PATH]: the scenarios of
// ../shared/bench/apscheduler_bench.py on Punctual's real scheduler, stores and executors; one JSON line on stdout.
#include "scenarios.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>
#include <map>

namespace {

using bench::Figures;
using bench::Options;

struct Scenario
{
    int defaultJobs;
    QStringList stores; ///< the first is the default
    Figures (*run)(const Options &);
};

const std::map<QString, Scenario> &scenarios()
{
    static const std::map<QString, Scenario> table{
        {QStringLiteral("add"), {10000, {QStringLiteral("memory"), QStringLiteral("sqlite")}, &bench::scenarioAdd}},
        {QStringLiteral("startup"), {10000, {QStringLiteral("sqlite")}, &bench::scenarioStartup}},
        {QStringLiteral("latency"), {2000, {QStringLiteral("memory"), QStringLiteral("sqlite")}, &bench::scenarioLatency}},
        {QStringLiteral("burst"), {10000, {QStringLiteral("memory"), QStringLiteral("sqlite")}, &bench::scenarioBurst}},
        {QStringLiteral("idle"), {10000, {QStringLiteral("memory"), QStringLiteral("sqlite")}, &bench::scenarioIdle}},
        {QStringLiteral("memory"), {100000, {QStringLiteral("memory")}, &bench::scenarioMemory}},
        {QStringLiteral("cron_next"), {200000, {QStringLiteral("none")}, &bench::scenarioCronNext}},
        // Not in apscheduler_bench.py: a bulk import of N jobs in one call (issue 6, item 4).
        {QStringLiteral("import"), {100000, {QStringLiteral("sqlite"), QStringLiteral("memory")}, &bench::scenarioImport}},
        // Not in apscheduler_bench.py: pause, resume and remove N selected jobs, one call each (issue 15).
        {QStringLiteral("bulk-pause"), {10000, {QStringLiteral("sqlite"), QStringLiteral("memory")}, &bench::scenarioBulkPause}},
        // Not in apscheduler_bench.py: the first due pass after ten years down, N pairs of very frequent jobs
        // (issue 16, item 5).
        {QStringLiteral("catchup"), {1, {QStringLiteral("sqlite"), QStringLiteral("memory")}, &bench::scenarioCatchup}},
        // Not in apscheduler_bench.py: the physical limit of `add`, one committed row through libsqlite3 itself.
        {QStringLiteral("wal-commit"), {10000, {QStringLiteral("sqlite")}, &bench::scenarioWalCommit}},
        // Not in apscheduler_bench.py: the cost curve of issue 19 (item 1).
        {QStringLiteral("due-pass"), {10000, {QStringLiteral("sqlite"), QStringLiteral("memory")}, &bench::scenarioDuePass}},
        {QStringLiteral("history"), {10000, {QStringLiteral("sqlite")}, &bench::scenarioHistory}},
        {QStringLiteral("host-memory"), {10000, {QStringLiteral("sqlite")}, &bench::scenarioHostMemory}},
        // Not in apscheduler_bench.py: the real host (`punctualctl run`) idle, measured from outside (issue 19).
        {QStringLiteral("host-idle"), {10000, {QStringLiteral("sqlite")}, &bench::scenarioHostIdle}},
    };
    return table;
}

[[noreturn]] void usage(const QString &error)
{
    QStringList names;
    for (const auto &entry : scenarios())
        names << entry.first;
    std::fprintf(stderr, "usage: punctual-bench {%s} [--jobs N] [--store {memory,sqlite}] [--db DB] [--runs M]\n",
                 qPrintable(names.join(QLatin1Char(','))));
    std::fprintf(stderr, "punctual-bench: error: %s\n", qPrintable(error));
    std::exit(2);
}

Options parse(const QStringList &args)
{
    Options options;
    std::optional<int> jobs;
    QString store;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args[i];
        const auto valueOf = [&](const QString &name) -> QString {
            if (arg.startsWith(name + QLatin1Char('=')))
                return arg.mid(name.size() + 1);
            if (i + 1 >= args.size())
                usage(QStringLiteral("argument %1: expected one argument").arg(name));
            return args[++i];
        };
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            usage(QStringLiteral("help requested"));
        } else if (arg == QLatin1String("--jobs") || arg.startsWith(QLatin1String("--jobs="))) {
            bool ok = false;
            const QString value = valueOf(QStringLiteral("--jobs"));
            jobs = value.toInt(&ok);
            if (!ok)
                usage(QStringLiteral("argument --jobs: invalid int value: '%1'").arg(value));
        } else if (arg == QLatin1String("--store") || arg.startsWith(QLatin1String("--store="))) {
            store = valueOf(QStringLiteral("--store"));
            if (store != QLatin1String("memory") && store != QLatin1String("sqlite"))
                usage(QStringLiteral("argument --store: invalid choice: '%1'").arg(store));
        } else if (arg == QLatin1String("--db") || arg.startsWith(QLatin1String("--db="))) {
            options.dbPath = valueOf(QStringLiteral("--db"));
            options.dbGiven = true;
        } else if (arg == QLatin1String("--runs") || arg.startsWith(QLatin1String("--runs="))) {
            // history: how many run rows to write (default 10 million).
            bool ok = false;
            const QString value = valueOf(QStringLiteral("--runs"));
            options.runs = value.toLongLong(&ok);
            if (!ok || options.runs < 1)
                usage(QStringLiteral("argument --runs: invalid value: '%1'").arg(value));
        } else if (arg.startsWith(QLatin1Char('-')) || !options.scenario.isEmpty()) {
            usage(QStringLiteral("unrecognized arguments: %1").arg(arg));
        } else {
            options.scenario = arg;
        }
    }
    if (options.scenario.isEmpty())
        usage(QStringLiteral("the following arguments are required: scenario"));
    const auto found = scenarios().find(options.scenario);
    if (found == scenarios().end())
        usage(QStringLiteral("argument scenario: invalid choice: '%1'").arg(options.scenario));
    const Scenario &scenario = found->second;
    options.jobs = jobs.value_or(scenario.defaultJobs);
    if (options.jobs < 1)
        usage(QStringLiteral("--jobs must be >= 1"));
    options.store = store.isEmpty() ? scenario.stores.first() : store;
    if (options.scenario == QLatin1String("cron_next"))
        options.store = QStringLiteral("none");
    else if (!scenario.stores.contains(options.store))
        usage(QStringLiteral("scenario %1 supports --store %2").arg(options.scenario, scenario.stores.join(QLatin1Char('|'))));
    options.dbPath = options.dbGiven ? QFileInfo(options.dbPath).absoluteFilePath() : bench::defaultDbPath(options.scenario);
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    bench::installMessageHandler();
    const Options options = parse(QCoreApplication::arguments());
    const QString system = QStringLiteral("punctual-%1").arg(QLatin1String(PUNCTUAL_VERSION));
    bench::log("%s scenario=%s jobs=%d store=%s", qPrintable(system), qPrintable(options.scenario), options.jobs,
               qPrintable(options.store));

    const Figures figures = scenarios().at(options.scenario).run(options);
    if (options.store == QLatin1String("sqlite") && !options.dbGiven)
        bench::removeDb(options.dbPath);

    Figures line;
    line.string("system", system);
    line.string("scenario", options.scenario);
    line.integer("jobs", options.jobs);
    line.string("store", options.store);
    line.append(figures);
    const QByteArray text = line.text() + '\n';
    std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stdout);
    std::fflush(stdout);
    return 0;
}
