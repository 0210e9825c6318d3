// The screenshots of the missed-runs review (docs/window.md#missed-runs-review): a host whose computer slept over several jobs'
// fire times, the main window with its banner and the Review dialog, grabbed from the X screen under Xvfb:
//   QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" build/tests/tools/makereviewshots docs/screenshots
//       [--lang de]
// writes review-banner-LANG.png and review-dialog-LANG.png (LANG "en" without --lang).
#include "control/controlserver.h"
#include "control/schedulerclient.h"
#include "executors/builtinfunctions.h"
#include "executors/httpexecutorset.h"
#include "executors/functionregistry.h"
#include "mainwindow.h"
#include "review/missedrunsbanner.h"
#include "review/missedrunsdialog.h"
#include "scheduler/scheduler.h"
#include "scheduler/waketimer.h"
#include "settings/language.h"
#include "store/storelocation.h"
#include "time/clock.h"
#include "triggers/crontrigger.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLocalServer>
#include <QPixmap>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace punctual;

namespace {

class ShotClock final : public Clock
{
public:
    std::int64_t nowMs() const override { return m_now; }
    std::int64_t m_now = 0;
};

/// Goes off only when told: the "sleep" is the clock moved on while nothing woke.
class ShotTimer final : public WakeTimer
{
public:
    void armAt(std::int64_t) override {}
    void disarm() override {}
    void fire() { emit woke(); }
};

bool save(QWidget *widget, const QString &path)
{
    QTest::qWait(300); // let the X server paint it
    const QPixmap shot = widget->screen()->grabWindow(widget->winId());
    if (!shot.save(path)) {
        qWarning("cannot write %s", qPrintable(path));
        return false;
    }
    qInfo("wrote %s", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        qWarning("usage: makereviewshots OUTDIR [--lang CODE]");
        return 2;
    }
    const QString outDir = args.at(1);
    const QString lang = language::fromArguments(args);
    if (!lang.isEmpty())
        language::apply(lang);
    const QString suffix = lang.isEmpty() ? QStringLiteral("en") : lang;

    QTemporaryDir dir;
    auto opened = StoreLocation::fromPath(dir.filePath("jobs.db")).open();
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<JobStore> store = std::move(opened).value();
    FunctionRegistry functions;
    registerBuiltinFunctions(functions);
    ShotClock clock;
    const QTimeZone local = QTimeZone::systemTimeZone();
    const QDate day = QDate::currentDate();
    clock.m_now = QDateTime(day, QTime(0, 30), local).toMSecsSinceEpoch();
    Scheduler scheduler(*store, clock, standardExecutorsWithHttp(clock, functions));
    auto timer = std::make_unique<ShotTimer>();
    ShotTimer *wake = timer.get();
    scheduler.setWakeTimer(std::move(timer));
    if (!scheduler.start())
        return 1;

    const auto add = [&](const QString &id, const QString &name, std::shared_ptr<const Trigger> trigger,
                         JobOptions options) {
        Job job;
        job.id = id;
        job.name = name;
        job.trigger = std::move(trigger);
        job.action = FunctionAction{QStringLiteral("noop"), {}};
        job.options = options;
        if (auto added = scheduler.addJob(job); !added)
            qFatal("%s", qPrintable(added.error().message));
    };
    const auto cron = [](const char *expression) {
        return std::shared_ptr<const Trigger>(CronTrigger::create(QString::fromLatin1(expression)).value());
    };
    JobOptions coalesced;
    coalesced.misfireGraceMs.reset();
    add("backup", "Nightly backup", cron("0 2 * * *"), coalesced);
    add("mail", "Sync mail", cron("*/30 * * * *"), coalesced);
    JobOptions every;
    every.coalesce = CoalescePolicy::All;
    add("report", "Hourly report", cron("0 * * * *"), every);

    // Asleep from 00:30 to 07:58.
    clock.m_now = QDateTime(day, QTime(7, 58), local).toMSecsSinceEpoch();
    wake->fire();

    QLocalServer server;
    server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!server.listen(dir.filePath("host")))
        return 1;
    ControlServer control(scheduler, *store, &server);
    auto client = SchedulerClient::forSocket(server.fullServerName());
    client->connectToHost();
    const QString path = dir.filePath("jobs.db");
    MainWindow window({*client, clock, functions, [path] { return StoreLocation::fromPath(path).openReadOnly(); },
                       store->describe()});
    window.resize(1000, 620);
    window.move(20, 20);
    window.show();
    if (!QTest::qWaitFor([&] { return window.missedRunsBanner()->isVisible(); }, 10'000)) {
        qWarning("the banner did not show");
        return 1;
    }
    bool ok = save(&window, QDir(outDir).filePath(QStringLiteral("review-banner-%1.png").arg(suffix)));
    window.missedRunsBanner()->openReview();
    MissedRunsDialog *dialog = window.missedRunsBanner()->reviewDialog();
    dialog->move(260, 80);
    ok = save(dialog, QDir(outDir).filePath(QStringLiteral("review-dialog-%1.png").arg(suffix))) && ok;
    if (qEnvironmentVariableIsSet("REVIEW_SHOTS_KEEP_OPEN")) // the accessibility check looks at the open dialog
        return app.exec();
    dialog->close();
    scheduler.shutdown(Scheduler::ShutdownMode::StopRuns);
    return ok ? 0 : 1;
}
