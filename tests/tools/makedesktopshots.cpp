// Takes the screenshots of conditions that wait (docs/desktop-triggers.md): the main window with jobs
// "Waiting for AC power" (the desktop state set by hand: on battery, on a metered network), and the job editor's
// "Only when" group. Run under Xvfb (xcb), as scripts/screenshots runs makescreenshots:
//   TZ=Europe/Berlin QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x1024x24" build/tests/tools/makedesktopshots DIR
// writes DIR/desktop-waiting.png and DIR/desktop-conditions-editor.png.
#include "control/controlserver.h"
#include "control/schedulerclient.h"
#include "desktop/desktopstate.h"
#include "dialogs/jobeditordialog.h"
#include "executors/builtinfunctions.h"
#include "executors/httpexecutorset.h"
#include "executors/functionregistry.h"
#include "mainwindow.h"
#include "models/joblistmodel.h"
#include "scheduler/scheduler.h"
#include "store/storelocation.h"
#include "time/clock.h"
#include "triggers/crontrigger.h"
#include "triggers/datetrigger.h"

#include <QApplication>
#include <QDir>
#include <QLocalServer>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
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
    QTest::qWait(400);
    QApplication::primaryScreen()->grabWindow(0).save(path);
    qInfo("wrote %s", qPrintable(path));
}

Job makeJob(const char *id, const char *name, std::shared_ptr<const Trigger> trigger, const QStringList &command,
            const QStringList &conditions = {})
{
    Job job;
    job.id = QString::fromLatin1(id);
    job.name = QString::fromUtf8(name);
    job.trigger = std::move(trigger);
    CommandAction action;
    action.program = command.front();
    action.arguments = command.mid(1);
    job.action = action;
    job.options.conditions = parseConditions(conditions).value();
    job.options.requireDeadlineMs = std::optional<std::int64_t>(3 * 3600'000);
    return job;
}

std::shared_ptr<const Trigger> cron(const char *expression)
{
    return std::shared_ptr<const Trigger>(CronTrigger::create(QString::fromLatin1(expression),
                                                              ZoneRules::forZone("Europe/Berlin")).value());
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("punctual-screenshots"));
    QApplication::setOrganizationName(QStringLiteral("punctual-screenshots"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/punctual.svg")));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(out);
    QSettings().clear();

    QTemporaryDir dir;
    const StoreLocation location = StoreLocation::fromPath(dir.filePath(QStringLiteral("jobs.db")));
    auto store = location.open().value();
    SystemClock clock;
    FunctionRegistry functions;
    registerBuiltinFunctions(functions);
    Scheduler scheduler(*store, clock, standardExecutorsWithHttp(clock, functions));
    // A laptop on battery, on a phone's hotspot (metered), someone at it.
    ManualDesktopState desktop;
    desktop.setOnBattery(true);
    desktop.setNetworkMetered(true);
    scheduler.setDesktopState(&desktop);
    const std::int64_t now = clock.nowMs();
    const auto soon = std::make_shared<DateTrigger>((now / 1000 + 2) * 1000); // a whole second, shown as such

    const QList<Job> jobs{
        makeJob("backup", "Nightly backup", soon, {"/usr/bin/rsync", "-a", "/home/me/", "/mnt/backup/me/"},
                {"ac-power"}),
        makeJob("photos", "Sync photos", soon, {"/usr/bin/rclone", "sync", "photos:", "/srv/photos"},
                {"ac-power", "unmetered"}),
        makeJob("index", "Rebuild search index", soon, {"/usr/local/bin/reindex"}, {"idle:15m"}),
        makeJob("tokens", "Delete expired tokens", cron("0 * * * *"), {"/usr/local/bin/expire-tokens"}),
        makeJob("report", "Report mail", cron("0 9 * * MON-FRI"), {"/usr/local/bin/report", "--mail"}),
        makeJob("logs", "Rotate logs", cron("@daily"), {"/usr/sbin/logrotate", "/home/me/.logrotate"}),
        makeJob("vacuum", "Vacuum database", cron("0 4 * * SUN"), {"/usr/bin/vacuumdb", "--all"},
                {"ac-power", "unmetered", "idle:15m"}),
    };
    for (Job job : jobs) {
        job.options.stopIfLost = job.id == QLatin1String("vacuum");
        if (auto added = scheduler.addJob(job); !added)
            qFatal("%s: %s", qPrintable(job.id), qPrintable(added.error().message));
    }
    (void)scheduler.start();
    waitFor([&] { return scheduler.conditionWaitingCount() == 3; }, "three runs waiting");

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
    grab(out + QStringLiteral("/desktop-waiting.png"));

    window.selectJob(QStringLiteral("vacuum"));
    window.action(MainWindow::Command::Edit)->trigger();
    JobEditorDialog *editor = nullptr;
    waitFor([&] { return (editor = window.findChild<JobEditorDialog *>()) && editor->isVisible(); }, "the editor");
    editor->move(window.geometry().center() - editor->rect().center());
    // Scrolled to the "Only when" group at the bottom.
    auto *scroll = editor->findChild<QScrollArea *>(QStringLiteral("editorScrollArea"));
    if (QWidget *last = editor->findChild<QWidget *>(QStringLiteral("stopIfLostCheck")); scroll && last)
        scroll->ensureWidgetVisible(last);
    grab(out + QStringLiteral("/desktop-conditions-editor.png"));
    editor->done(QDialog::Rejected);
    scheduler.shutdown(Scheduler::ShutdownMode::StopRuns);
    return 0;
}
