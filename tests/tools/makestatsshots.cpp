// Screenshots of run statistics (docs/window.md#run-statistics-and-the-dark-palette): the job table with its Duration trend column and the
// selected job's Statistics beside the run output, in the light and the dark palette. A made-up month of history is
// written into a fresh SQLite store; this process is the host, the window its client, as in makescreenshots.cpp.
// Under Xvfb:  TZ=Europe/Berlin QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" \
//                  build/tests/tools/makestatsshots docs/screenshots [--lang de]
// writes statistics-main-window[-LANG].png and dark-main-window[-LANG].png.
#include "control/controlserver.h"
#include "control/schedulerclient.h"
#include "executors/builtinfunctions.h"
#include "executors/httpexecutorset.h"
#include "executors/functionregistry.h"
#include "mainwindow.h"
#include "models/joblistmodel.h"
#include "models/runhistorymodel.h"
#include "scheduler/scheduler.h"
#include "settings/appearance.h"
#include "settings/language.h"
#include "settings/settings.h"
#include "stats/jobstatisticsview.h"
#include "store/storelocation.h"
#include "time/clock.h"
#include "triggers/crontrigger.h"
#include "widgets/runhistorypane.h"

#include <QApplication>
#include <QDir>
#include <QLocalServer>
#include <QRandomGenerator>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;

namespace {

template <typename Predicate>
void waitFor(Predicate done, const char *what)
{
    if (!QTest::qWaitFor(done, 20000))
        qFatal("timed out waiting for %s", what);
}

void grab(const QString &path)
{
    QApplication::processEvents();
    QTest::qWait(500);
    QApplication::primaryScreen()->grabWindow(0).save(path);
    qInfo("wrote %s", qPrintable(path));
}

struct DemoJob
{
    const char *id;
    const char *name;
    const char *nameZh;
    const char *cron;
    double typicalSeconds; ///< a run takes about this long
    double failureRate;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("punctual-statsshots"));
    QApplication::setOrganizationName(QStringLiteral("punctual-statsshots"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/punctual.svg")));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    const QString lang = language::fromArguments(QApplication::arguments());
    if (!lang.isEmpty() && !language::apply(lang))
        qFatal("no translation for %s", qPrintable(lang));
    const QString suffix = lang.isEmpty() ? QString() : QLatin1Char('-') + lang;
    const bool chinese = lang.startsWith(QLatin1String("zh"));
    QDir().mkpath(out);
    QSettings().clear();
    Settings::setShowsDurationTrend(true);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.db"));
    const StoreLocation location = StoreLocation::fromPath(path);
    auto store = location.open().value();
    SystemClock clock;
    FunctionRegistry functions;
    registerBuiltinFunctions(functions);
    Scheduler scheduler(*store, clock, standardExecutorsWithHttp(clock, functions));
    const std::int64_t now = clock.nowMs();

    const DemoJob jobs[] = {
        {"backup", "Nightly backup", "夜间备份", "30 2 * * *", 340, 0.08},
        {"tokens", "Delete expired tokens", "删除过期令牌", "0 * * * *", 0.4, 0.0},
        {"cache", "Warm the cache", "预热缓存", "55 * * * *", 6, 0.3},
        {"photos", "Sync photos", "同步照片", "*/15 * * * *", 25, 0.02},
        {"logs", "Rotate logs", "轮换日志", "@daily", 1.5, 0.0},
        {"tls", "Renew TLS certificates", "续期 TLS 证书", "0 3 * * 1", 4, 0.1},
        {"disk", "Check disk space", "检查磁盘空间", "*/10 * * * *", 0.2, 0.0},
        {"mirrors", "Pull git mirrors", "拉取 Git 镜像", "0 */2 * * *", 48, 0.05},
    };
    QRandomGenerator random(18); // the same pictures every time
    for (const DemoJob &demo : jobs) {
        Job job;
        job.id = QString::fromLatin1(demo.id);
        job.name = QString::fromUtf8(chinese ? demo.nameZh : demo.name);
        job.trigger = std::shared_ptr<const Trigger>(
            CronTrigger::create(QString::fromLatin1(demo.cron), ZoneRules::forZone("Europe/Berlin")).value());
        CommandAction command;
        command.program = QStringLiteral("/bin/true");
        job.action = command;
        if (auto added = scheduler.addJob(job); !added)
            qFatal("%s: %s", demo.id, qPrintable(added.error().message));
        // Eighty runs over the last month; the backup grows slower in its last week (more photos to copy).
        QList<RunRecord> runs;
        for (int i = 0; i < 80; ++i) {
            RunRecord run;
            run.jobId = job.id;
            run.scheduledTime = now - (80 - i) * 9 * 3'600'000LL;
            run.startTime = run.scheduledTime + 200;
            double seconds = demo.typicalSeconds * (0.7 + 0.6 * random.generateDouble());
            if (job.id == QLatin1String("backup") && i > 60)
                seconds *= 1.6;
            const double roll = random.generateDouble();
            run.outcome = roll < demo.failureRate ? RunOutcome::Failed : RunOutcome::Success;
            if (job.id == QLatin1String("backup") && i == 70) {
                run.outcome = RunOutcome::TimedOut;
                seconds = 900;
            }
            if (run.outcome == RunOutcome::Failed)
                seconds *= 0.5;
            run.endTime = *run.startTime + static_cast<std::int64_t>(seconds * 1000);
            run.exitCode = run.outcome == RunOutcome::Success ? 0 : 1;
            run.output = QStringLiteral("done\n");
            runs.append(run);
        }
        if (auto inserted = store->insertRuns(runs); !inserted)
            qFatal("runs: %s", qPrintable(inserted.error().message));
    }
    (void)scheduler.start();

    QLocalServer server;
    server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!server.listen(dir.filePath(QStringLiteral("host"))))
        qFatal("cannot listen: %s", qPrintable(server.errorString()));
    ControlServer control(scheduler, *store, &server);
    auto client = SchedulerClient::forSocket(server.fullServerName());
    client->connectToHost();
    waitFor([&] { return client->isConnected(); }, "the window's connection to the host");

    MainWindow::Services services{*client, clock, functions, [location] { return location.openReadOnly(); },
                                  store->describe()};
    MainWindow window(services);
    window.resize(QApplication::primaryScreen()->size());
    window.move(0, 0);
    window.show();
    waitFor([&] { return window.jobModel()->isLoaded(); }, "the job list");
    window.selectJob(QStringLiteral("backup"));
    auto *statistics = window.findChild<JobStatisticsView *>();
    waitFor([&] { return statistics->jobId() == QLatin1String("backup") && statistics->statistics().ended() > 0; },
            "the statistics");
    window.historyPane()->splitter()->setSizes({430, 250, 600});
    grab(out + QStringLiteral("/statistics-main-window%1.png").arg(suffix));
    appearance::apply(ColorScheme::Dark);
    grab(out + QStringLiteral("/dark-main-window%1.png").arg(suffix));
    return 0;
}
