// Takes the timeline's screenshots (docs/screenshots/timeline-LANG.png): a few jobs with a day of history (successes,
// failures, a missed and a skipped run, overlapping runs, one running now), a paused job and one with excluded
// days, in the real main window with View › Timeline on, served by a host in this process (as makescreenshots
// does), on a clock stopped at Saturday 5 December 2026 15:00 in Berlin. Run under Xvfb with TZ=Europe/Berlin:
//   TZ=Europe/Berlin QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" maketimelineshots OUT [--lang de]
#include "calendars/exclusioncalendar.h"
#include "control/controlserver.h"
#include "control/schedulerclient.h"
#include "executors/builtinfunctions.h"
#include "executors/httpexecutorset.h"
#include "executors/functionregistry.h"
#include "mainwindow.h"
#include "mock/fakeclock.h"
#include "models/joblistmodel.h"
#include "models/runhistorymodel.h"
#include "scheduler/scheduler.h"
#include "settings/language.h"
#include "settings/settings.h"
#include "store/jobstore.h"
#include "store/storelocation.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelineview.h"
#include "timeline/timelinewidget.h"
#include "triggers/crontrigger.h"
#include "widgets/runhistorypane.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLocalServer>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace punctual;

namespace {

constexpr std::int64_t minute = 60'000;
constexpr std::int64_t hour = 60 * minute;

template <typename Predicate>
void waitFor(Predicate done, const char *what)
{
    if (!QTest::qWaitFor(done, 20000))
        qFatal("timed out waiting for %s", what);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("punctual-timeline-shots"));
    QApplication::setOrganizationName(QStringLiteral("punctual-screenshots"));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    const QString lang = language::fromArguments(QApplication::arguments());
    if (!lang.isEmpty() && !language::apply(lang))
        qFatal("no translation for %s", qPrintable(lang));
    const int which = lang.startsWith(QLatin1String("zh")) ? 2 : lang.startsWith(QLatin1String("de")) ? 1 : 0;
    QDir().mkpath(out);
    QSettings().clear();

    const QTimeZone berlin("Europe/Berlin");
    const auto at = [&berlin](int day, int h, int m) {
        return QDateTime(QDate(2026, 12, day), QTime(h, m), berlin).toMSecsSinceEpoch();
    };
    FakeClock clock(at(5, 15, 0));
    QTemporaryDir dir;
    const StoreLocation location = StoreLocation::fromPath(dir.filePath(QStringLiteral("jobs.db")));
    auto store = location.open().value();
    FunctionRegistry functions;
    registerBuiltinFunctions(functions);
    Scheduler scheduler(*store, clock, standardExecutorsWithHttp(clock, functions));

    ExclusionCalendar weekends;
    weekends.name = QStringLiteral("weekends");
    weekends.weekdays = (1 << 0) | (1 << 6);
    (void)scheduler.putCalendar(weekends, ConflictPolicy::Replace);

    struct Demo
    {
        const char *id;
        const char *names[3];
        const char *cron;
        bool paused = false;
        bool weekdaysOnly = false;
    };
    const QList<Demo> demos{
        {"backup", {"Nightly backup", "Nächtliche Sicherung", "夜间备份"}, "30 2 * * *"},
        {"cache", {"Warm the cache", "Cache vorwärmen", "预热缓存"}, "55 * * * *"},
        {"tokens", {"Delete expired tokens", "Abgelaufene Tokens löschen", "删除过期令牌"}, "0 */3 * * *"},
        {"import", {"Import orders", "Bestellungen importieren", "导入订单"}, "0 */4 * * *"},
        {"report", {"Report mail", "Bericht per E-Mail", "邮件报告"}, "0 9 * * *", false, true},
        {"vm", {"Snapshot VM", "VM-Snapshot", "虚拟机快照"}, "0 0 * * *", true},
    };
    for (const Demo &demo : demos) {
        Job job;
        job.id = QString::fromLatin1(demo.id);
        job.name = QString::fromUtf8(demo.names[which]);
        job.trigger = std::shared_ptr<const Trigger>(
            CronTrigger::create(QString::fromLatin1(demo.cron), ZoneRules::forZone("Europe/Berlin")).value());
        job.action = FunctionAction{QStringLiteral("noop"), {}};
        job.paused = demo.paused;
        if (demo.weekdaysOnly)
            job.options.exclude = {QStringLiteral("weekends")};
        if (auto added = scheduler.addJob(job); !added)
            qFatal("%s: %s", demo.id, qPrintable(added.error().message));
    }
    (void)scheduler.start();

    // A day of history, written as the host writes it (after start: a run left "running" before start is
    // marked interrupted).
    const auto run = [&](const char *job, std::int64_t scheduled, std::optional<std::int64_t> took,
                         RunOutcome outcome, const QString &error = {}) {
        RunRecord record;
        record.jobId = QString::fromLatin1(job);
        record.scheduledTime = scheduled;
        record.outcome = outcome;
        record.error = error;
        if (took) {
            record.startTime = scheduled + 800;
            if (outcome != RunOutcome::Running)
                record.endTime = scheduled + 800 + *took;
        }
        if (outcome == RunOutcome::Failed)
            record.exitCode = 7;
        (void)store->insertRun(record);
    };
    run("backup", at(4, 2, 30), 6 * minute, RunOutcome::Success);
    run("backup", at(5, 2, 30), 4 * minute, RunOutcome::Success);
    for (int h = 0; h < 15; ++h) {
        const bool down = h == 6 || h == 7; // the computer was asleep
        if (h == 4 || h == 11)
            run("cache", at(5, h - 1, 55), 3 * minute, RunOutcome::Failed,
                QStringLiteral("curl: (7) Failed to connect to shop.example port 443: Connection refused"));
        else if (down)
            run("cache", at(5, h - 1, 55), std::nullopt, RunOutcome::Missed,
                QStringLiteral("missed by 1 h 5 min (grace time 1 min)"));
        else if (h > 0)
            run("cache", at(5, h - 1, 55), 2 * minute, RunOutcome::Success);
    }
    run("cache", at(5, 14, 55), 5 * minute, RunOutcome::Running);
    for (int h : {0, 3, 6, 9, 12})
        run("tokens", at(5, h, 0), h == 6 ? std::nullopt : std::optional<std::int64_t>(40'000),
            h == 6 ? RunOutcome::Missed : RunOutcome::Success);
    run("import", at(5, 4, 0), 5 * hour, RunOutcome::Success);
    run("import", at(5, 8, 0), 70 * minute, RunOutcome::Failed, QStringLiteral("orders.csv: line 812: bad date"));
    run("import", at(5, 12, 0), std::nullopt, RunOutcome::Skipped,
        QStringLiteral("skipped: 1 run of the job still going (max instances 1)"));
    run("report", at(4, 9, 0), 20'000, RunOutcome::Success);
    run("report", at(5, 9, 0), std::nullopt, RunOutcome::Excluded, QStringLiteral("excluded by calendar \"weekends\""));
    run("vm", at(4, 0, 0), 12 * minute, RunOutcome::Success);

    QLocalServer server;
    server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!server.listen(dir.filePath(QStringLiteral("host"))))
        qFatal("cannot listen: %s", qPrintable(server.errorString()));
    ControlServer control(scheduler, *store, &server);
    auto client = SchedulerClient::forSocket(server.fullServerName());
    client->connectToHost();
    waitFor([&] { return client->isConnected(); }, "the connection to the host");

    Settings::setTimelineShown(true);
    MainWindow::Services services{*client, clock, functions, [location] { return location.openReadOnly(); },
                                  store->describe()};
    MainWindow window(services);
    window.resize(QApplication::primaryScreen()->size());
    window.move(0, 0);
    window.show();
    waitFor([&] { return window.jobModel()->isLoaded(); }, "the job list");
    TimelineView *view = window.timeline()->view();
    view->setSpan(30 * hour);
    view->setStart(at(4, 18, 0));
    window.selectJob(QStringLiteral("cache"));
    view->setFocus();
    view->viewport()->repaint();
    waitFor([&] { return view->data().requestCount() > 0 && view->data().isIdle(); }, "the runs");
    waitFor([&] { return window.historyPane()->model()->rowCount() > 0; }, "the history");
    // The keyboard's current item: the failed run of 11:55 (the history selects it too).
    const int row = [&] {
        for (int r = 0; r < view->rowCount(); ++r) {
            if (view->jobIdAt(r) == QLatin1String("cache"))
                return r;
        }
        return 0;
    }();
    for (const TimelineItem &item : view->items(row)) {
        if (item.kind == TimelineItem::Kind::Run && item.run.outcome == RunOutcome::Failed)
            view->setCurrent(row, item.key());
    }
    if (const auto current = view->currentItem())
        emit view->runChosen(QStringLiteral("cache"), current->run.id);
    QTest::qWait(600);
    const QString suffix = lang.isEmpty() ? QStringLiteral("en") : lang;
    const QString path = out + QStringLiteral("/timeline-%1.png").arg(suffix);
    QApplication::primaryScreen()->grabWindow(0).save(path);
    qInfo("wrote %s", qPrintable(path));
    return 0;
}
