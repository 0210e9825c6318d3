// punctualctl run (the headless scheduler), run-now and history.
#include "cli.h"
#include "configurednotices.h"
#include "dbusdesktopstate.h"
#include "desktopnotifier.h"
#include "schedulersession.h"
#include "systemdnotify.h"

#include "configuredstore.h"
#include "control/controlserver.h"
#include "control/instancehost.h"
#include "control/remotejobcontrol.h"
#include "executors/builtinfunctions.h"
#include "scheduler/dueplanner.h"
#include "store/storewatcher.h"
#include "time/duration.h"
#include "time/isotime.h"
#include "util/signalwatcher.h"

#include <QCoreApplication>
#include <QDBusError>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace punctual::cli {

namespace {

QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype newline = trimmed.indexOf(QLatin1Char('\n'));
    return newline < 0 ? trimmed : trimmed.left(newline) + QStringLiteral(" …");
}

// "success in 0.3 s (exit code 0)", "missed by 3 h 2 min ...": one run in words, for logs.
QString summary(const RunRecord &run)
{
    QString text = RunRecord::outcomeName(run.outcome);
    if (run.startTime && run.endTime)
        text += tr(" in %1").arg(formatLateness(*run.endTime - *run.startTime));
    if (run.exitCode)
        text += tr(" (exit code %1)").arg(*run.exitCode);
    if (!run.error.isEmpty())
        text += QStringLiteral(": ") + firstLine(run.error);
    if (run.attempt > 1)
        text += tr(" [attempt %1]").arg(run.attempt);
    return text;
}

void logLine(const QString &text);

/// The desktop state conditions and event triggers read (docs/desktop-triggers.md): the system bus, or set by hand
/// (on AC power, online, not idle) with PUNCTUAL_DESKTOP_STATE=manual (test suites) or without a system bus.
std::unique_ptr<DesktopState> makeDesktopState()
{
    if (qEnvironmentVariable("PUNCTUAL_DESKTOP_STATE") == QLatin1String("manual")) {
        logLine(tr("desktop state: manual (PUNCTUAL_DESKTOP_STATE=manual): on AC power, online, not idle"));
        return std::make_unique<ManualDesktopState>();
    }
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        logLine(tr("desktop state: no system bus (%1): on AC power, online and not idle are assumed")
                    .arg(bus.lastError().message()));
        return std::make_unique<ManualDesktopState>();
    }
    auto state = std::make_unique<DBusDesktopState>(bus);
    QObject::connect(state.get(), &DBusDesktopState::logMessage, state.get(), &logLine);
    state->start();
    for (const QString &source : state->sources())
        logLine(tr("desktop state: %1").arg(source));
    return state;
}

void logLine(const QString &text)
{
    printError(QStringLiteral("%1 %2").arg(localTime(SystemClock::instance().nowMs()), text));
}

void logEvents(Scheduler &scheduler)
{
    QObject::connect(&scheduler, &Scheduler::jobSubmitted, &scheduler, [](const RunRecord &run) {
        logLine(tr("job %1: started (scheduled %2)").arg(run.jobId, localTime(run.scheduledTime)));
    });
    for (auto signal : {&Scheduler::jobExecuted, &Scheduler::jobError, &Scheduler::jobMissed,
                        &Scheduler::jobMaxInstances}) {
        QObject::connect(&scheduler, signal, &scheduler,
                         [](const RunRecord &run) { logLine(tr("job %1: %2").arg(run.jobId, summary(run))); });
    }
    QObject::connect(&scheduler, &Scheduler::jobAdded, &scheduler, [](const Job &job) {
        logLine(tr("job %1: added (next run %2)")
                    .arg(job.id, job.nextRunTime ? formatIso(*job.nextRunTime, job.trigger->zone()) : tr("none")));
    });
    QObject::connect(&scheduler, &Scheduler::jobRemoved, &scheduler,
                     [](const QString &id) { logLine(tr("job %1: removed").arg(id)); });
    QObject::connect(&scheduler, &Scheduler::storeError, &scheduler,
                     [](const QString &message) { logLine(tr("store error: %1").arg(message)); });
}

// The store's outages in the log and in the unit's status line: when it goes, every 30 s while it stays away (with
// the last error), and when it is back. @p waitedAtStart: the host started before its store could be reached.
class StoreOutageLog : public QObject
{
public:
    static constexpr int reminderMs = 30'000;

    StoreOutageLog(Scheduler &scheduler, QObject *parent = nullptr) : QObject(parent), m_scheduler(scheduler)
    {
        m_reminder.setInterval(reminderMs);
        connect(&m_reminder, &QTimer::timeout, this, &StoreOutageLog::remind);
        connect(&scheduler, &Scheduler::storeStatusChanged, this, &StoreOutageLog::update);
        if (!scheduler.isStoreAvailable()) {
            const StoreStatus &status = scheduler.storeStatus();
            logLine(cli::tr("waiting for the job store: %1").arg(status.lastError));
            notifySystemd(QStringLiteral("STATUS=Waiting for the job store: %1").arg(status.lastError).toUtf8());
            m_down = true;
            m_reminder.start();
        }
    }

private:
    void update(const StoreStatus &status)
    {
        if (!status.available && !m_down) {
            m_down = true;
            logLine(cli::tr("the job store is unavailable: %1; no job starts until it is back (reconnecting)")
                        .arg(status.lastError));
            notifySystemd(QStringLiteral("STATUS=Job store unavailable: %1").arg(status.lastError).toUtf8());
            m_reminder.start();
        } else if (status.available && m_down) {
            m_down = false;
            m_reminder.stop();
            logLine(cli::tr("the job store is available again (after %n reconnect(s))", nullptr, status.retries));
            notifySystemd(QStringLiteral("STATUS=Scheduling").toUtf8());
        }
    }

    void remind()
    {
        const StoreStatus &status = m_scheduler.storeStatus();
        if (status.available)
            return;
        logLine(cli::tr("still waiting for the job store (unavailable for %1, %n reconnect(s)): %2", nullptr, status.retries)
                    .arg(formatLateness(m_scheduler.clock().nowMs() - status.sinceMs), status.lastError));
        notifySystemd(QStringLiteral("STATUS=Job store unavailable for %1: %2")
                          .arg(formatLateness(m_scheduler.clock().nowMs() - status.sinceMs), status.lastError)
                          .toUtf8());
    }

    Scheduler &m_scheduler;
    QTimer m_reminder;
    bool m_down = false;
};

// run-now through the running instance: it runs the job; this process follows the run (and its retries) by asking
// for the job's history every pollMs and prints each attempt's output and outcome as the local run-now does.
int runNowRemotely(RemoteJobControl &remote, const QString &id)
{
    constexpr unsigned long firstPollMs = 50;
    constexpr unsigned long pollMs = 200;
    auto started = remote.runJobNow(id); // a Busy error when it is running already: nothing started (exit 1)
    if (!started)
        return fail(started.error());
    std::int64_t current = started->id;
    int result = ExitFailure;
    for (unsigned long wait = firstPollMs;; wait = pollMs) {
        QThread::msleep(wait);
        auto runs = remote.runsSince(id, current);
        if (!runs)
            return fail(runs.error());
        const auto found = std::find_if(runs->cbegin(), runs->cend(),
                                        [current](const RunRecord &run) { return run.id == current; });
        if (found == runs->cend()) {
            if (auto job = remote.job(id); !job)
                return fail(job.error());
            return fail(ExitFailure, tr("run %1 of job %2 is no longer in the history").arg(current).arg(id));
        }
        if (!found->isFinal())
            continue;
        print(found->output);
        printError(tr("punctualctl: job %1: %2").arg(id, summary(*found)));
        result = found->outcome == RunOutcome::Success ? ExitOk : ExitFailure;
        // A failed attempt may be retried: the same scheduled time, the next attempt, a newer run.
        const RunRecord ended = *found;
        const auto retry = std::find_if(runs->cbegin(), runs->cend(), [&ended](const RunRecord &run) {
            return run.id > ended.id && run.scheduledTime == ended.scheduledTime && run.attempt == ended.attempt + 1;
        });
        if (retry == runs->cend())
            return result;
        current = retry->id;
    }
}

// How this host was started, for `status`: PUNCTUAL_STARTED_BY (the unit, the window, an autostart entry set it),
// else by hand. A value this version does not know is said on stderr and counts as "terminal".
StartedBy startedBy()
{
    const QString value = qEnvironmentVariable(startedByVariable);
    if (value.isEmpty())
        return StartedBy::Terminal;
    if (const auto known = startedByFromName(value))
        return *known;
    logLine(tr("%1=%2 is not one of unit, detached, window, terminal: taken as terminal")
                .arg(QLatin1String(startedByVariable), value));
    return StartedBy::Terminal;
}

// "Show log" of a desktop notice: the window app on this host's store, opened on the job (`punctual --show-job`).
// The punctual installed beside this punctualctl, else the one on the PATH.
void showJobInWindow(const StoreLocation &location, const QString &jobId)
{
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("punctual"));
    const QString program = QFileInfo(beside).isExecutable() ? beside : QStringLiteral("punctual");
    QStringList arguments;
    if (location.postgres)
        arguments << QStringLiteral("--store") << location.postgres->url();
    else if (!location.sqlitePath.isEmpty())
        arguments << QStringLiteral("--db") << location.resolvedPath();
    arguments << QStringLiteral("--show-job") << jobId;
    if (QProcess::startDetached(program, arguments))
        logLine(tr("job %1: opening its log in the window").arg(jobId));
    else
        logLine(tr("job %1: cannot start %2 to show its log").arg(jobId, program));
}

} // namespace

QString runSummary(const RunRecord &run)
{
    return summary(run);
}

int runScheduler(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run the scheduler in the foreground until SIGINT or SIGTERM (or --for SECONDS). On the first signal "
           "no new runs start and running ones may finish for up to --stop-timeout seconds; then, or on a second "
           "signal, they are stopped and recorded as interrupted. One scheduler runs per store: while this one runs, "
           "other punctualctl commands go through it, and changes other programs make to the store are noticed."));
    const QCommandLineOption runFor(QStringLiteral("for"), tr("Stop after SECONDS."), tr("SECONDS"));
    const QCommandLineOption stopTimeout(QStringLiteral("stop-timeout"),
                                         tr("Seconds running jobs may take to finish at shutdown (default 30)."),
                                         tr("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption paused(QStringLiteral("paused"), tr("Start with scheduling paused."));
    const QCommandLineOption manageOnly(
        QStringLiteral("manage-only"),
        tr("Serve the store's jobs to the window and punctualctl without running any on this computer (a shared "
           "PostgreSQL store that other computers run)."));
    const QCommandLineOption storeTimeout(
        QStringLiteral("store-timeout"),
        tr("How long to wait for a store that cannot be reached at start (a PostgreSQL server not up yet) before "
           "giving up with exit 1: a duration (90s, 5m) or \"none\" to wait as long as it takes (default)."),
        tr("DURATION"), QStringLiteral("none"));
    parser.addOptions({runFor, stopTimeout, paused, manageOnly, storeTimeout});
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    std::int64_t forMs = -1;
    if (parser.isSet(runFor)) {
        auto ms = parseSecondsMs(parser.value(runFor), false);
        if (!ms)
            return fail(ExitUsage, QStringLiteral("--for: %1").arg(ms.error().message));
        forMs = ms.value();
    }
    auto stopMs = parseSecondsMs(parser.value(stopTimeout), false);
    if (!stopMs)
        return fail(ExitUsage, QStringLiteral("--stop-timeout: %1").arg(stopMs.error().message));
    std::optional<std::int64_t> storeWaitMs;
    if (parser.value(storeTimeout) != QLatin1String("none")) {
        auto waitMs = parseDuration(parser.value(storeTimeout), true);
        if (!waitMs)
            return fail(ExitUsage, QStringLiteral("--store-timeout: %1").arg(waitMs.error().message));
        storeWaitMs = waitMs.value();
    }

    // This process becomes the store's instance: a second one is refused before it touches the store, and
    // punctualctl commands of others reach this scheduler through the control server.
    SystemClock clock;
    FunctionRegistry functions;
    registerBuiltinFunctions(functions);
    // Declared before the host (it must outlive the scheduler that reads it), made once the lock is held: a second
    // host is refused with one line and nothing else.
    std::unique_ptr<DesktopState> desktop;
    InstanceHost host(storeLocation(), clock, functions);
    host.setStartedBy(startedBy());
    if (auto locked = host.lock(); !locked)
        return fail(ExitFailure, locked.error().message);
    desktop = makeDesktopState();
    if (auto opened = host.open(); !opened)
        return fail(opened.error());
    Scheduler &scheduler = host.scheduler();
    scheduler.setDesktopState(desktop.get());
    StoreOutageLog outages(scheduler);
    // A store not reachable at start is waited for, as long as --store-timeout allows.
    QTimer storeWait;
    if (storeWaitMs && !scheduler.isStoreAvailable()) {
        storeWait.setSingleShot(true);
        storeWait.setTimerType(Qt::PreciseTimer); // a coarse timer may give up 5 % early
        QObject::connect(&storeWait, &QTimer::timeout, &scheduler, [&scheduler, wait = *storeWaitMs] {
            if (scheduler.isStoreAvailable())
                return;
            logLine(tr("the job store could not be reached within %1 (--store-timeout): %2")
                        .arg(formatLateness(wait), scheduler.storeStatus().lastError));
            QCoreApplication::exit(ExitFailure);
        });
        QObject::connect(&scheduler, &Scheduler::storeStatusChanged, &storeWait,
                         [&storeWait](const StoreStatus &status) {
                             if (status.available)
                                 storeWait.stop(); // bounds the wait at start only: a later outage is waited out
                         });
        storeWait.start(static_cast<int>(std::min<std::int64_t>(*storeWaitMs, INT_MAX)));
    }
    // The window's Settings › History (it sends changes through "configure" while the host runs).
    scheduler.setHistoryLimit(configuredHistoryLimit());
    logEvents(scheduler);
    // Changes that another process makes to the store file directly (no instance involved) are noticed too.
    const auto watching = host.serve();
    // (InstanceHost makes the scheduler look again and tells the subscribed clients.)
    QObject::connect(host.storeWatcher(), &StoreWatcher::changed, &scheduler,
                     [] { logLine(tr("the store was changed by another process: looking again")); });
    if (!watching && scheduler.isStoreAvailable()) // else: watched from when the store answers
        logLine(tr("changes made to the store by other processes will not be noticed: %1")
                    .arg(watching.error().message));
    // Failed, timed-out and missed runs as desktop notices: no window or tray may be running to tell about them.
    DesktopNotifier notifier(scheduler, clock);
    QObject::connect(&notifier, &DesktopNotifier::logMessage, &notifier, &logLine);
    const ConfiguredNotices notices = configuredNotices(); // the kinds and language chosen in the window's settings
    notifier.setNotifiedOutcomes(notices.outcomes);
    notifier.setLanguage(notices.language);
    notifier.setShowLog([location = storeLocation()](const QString &jobId) { showJobInWindow(location, jobId); });
    if (ControlServer *control = host.controlServer())
        control->setDesktopNotifications([&notifier] { return notifier.isAvailable(); });
    // Off by the environment: test suites, so that a developer's desktop is not shown their failing jobs. A host
    // that only manages the jobs runs none: it has nothing to tell (and "status" leaves it to the window's tray).
    if (qEnvironmentVariable("PUNCTUAL_DESKTOP_NOTIFICATIONS") == QLatin1String("0"))
        logLine(tr("desktop notifications are off (PUNCTUAL_DESKTOP_NOTIFICATIONS=0)"));
    else if (!parser.isSet(manageOnly))
        notifier.start();

    QTimer stopTimer;
    stopTimer.setSingleShot(true);
    QObject::connect(&stopTimer, &QTimer::timeout, &scheduler, [&scheduler] {
        logLine(tr("stop timeout reached: stopping running jobs"));
        scheduler.shutdown(Scheduler::ShutdownMode::StopRuns);
    });
    auto beginShutdown = [&] {
        if (scheduler.state() == Scheduler::State::ShuttingDown)
            return;
        if (scheduler.runningCount() > 0)
            logLine(tr("stopping: waiting up to %1 for %n running job(s)", nullptr, scheduler.runningCount())
                        .arg(formatLateness(stopMs.value())));
        stopTimer.start(static_cast<int>(std::min<std::int64_t>(stopMs.value(), INT_MAX)));
        scheduler.shutdown(Scheduler::ShutdownMode::WaitForRuns);
    };
    SignalWatcher terminations;
    QObject::connect(&terminations, &SignalWatcher::terminationRequested, &scheduler, [&](int, int count) {
        if (count == 1) {
            beginShutdown();
        } else {
            logLine(tr("second signal: stopping running jobs now"));
            scheduler.shutdown(Scheduler::ShutdownMode::StopRuns);
        }
    });
    // A client's "shutdown" (the window's Scheduler › Stop scheduler, punctualctl) is a SIGTERM by request.
    QObject::connect(host.controlServer(), &ControlServer::shutdownRequested, &scheduler, [&](bool stopRuns) {
        logLine(tr("stop requested by a client"));
        if (stopRuns)
            scheduler.shutdown(Scheduler::ShutdownMode::StopRuns);
        else
            beginShutdown();
    });
    QObject::connect(&scheduler, &Scheduler::shutDown, QCoreApplication::instance(), [] {
        logLine(tr("scheduler stopped"));
        QCoreApplication::exit(ExitOk);
    });
    if (forMs >= 0)
        QTimer::singleShot(static_cast<int>(std::min<std::int64_t>(forMs, INT_MAX)), &scheduler, beginShutdown);

    if (parser.isSet(manageOnly)) {
        // The scheduler is never started: jobs are read and changed through it, nothing runs here.
        host.controlServer()->setRunsJobs(false);
        QObject::disconnect(&terminations, nullptr, nullptr, nullptr);
        QObject::connect(&terminations, &SignalWatcher::terminationRequested, QCoreApplication::instance(),
                         [] { QCoreApplication::exit(ExitOk); });
        QObject::disconnect(host.controlServer(), &ControlServer::shutdownRequested, nullptr, nullptr);
        QObject::connect(host.controlServer(), &ControlServer::shutdownRequested, QCoreApplication::instance(),
                         [] { QCoreApplication::exit(ExitOk); });
        logLine(tr("managing the jobs of %1 without running any here (pid %2)")
                    .arg(host.store().describe())
                    .arg(QCoreApplication::applicationPid()));
        return QCoreApplication::exec();
    }
    if (auto started = scheduler.start(parser.isSet(paused)); !started)
        return fail(started.error());
    if (scheduler.isStoreAvailable()) {
        auto count = host.store().jobCount();
        logLine(tr("scheduler running on %1 with %n job(s) (pid %2)", nullptr, count ? count.value() : 0)
                    .arg(host.store().describe())
                    .arg(QCoreApplication::applicationPid()));
        notifySystemd("STATUS=Scheduling");
    } else {
        logLine(tr("scheduler started on %1 (pid %2); its jobs run once the store answers")
                    .arg(host.store().describe())
                    .arg(QCoreApplication::applicationPid()));
    }
    return QCoreApplication::exec();
}

int runRunNow(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run a job now, outside its schedule, and wait for it to end. Prints its "
                                        "output; exits 0 when it succeeded, 1 otherwise."));
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The job's id."));
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(ExitUsage, tr("give exactly one job id"));
    const QString id = parser.positionalArguments().front();

    SchedulerSession session;
    if (auto opened = session.open(); !opened)
        return fail(opened.error());
    if (session.isRemote())
        return runNowRemotely(session.remote(), id);
    Scheduler &scheduler = session.scheduler();
    int result = ExitFailure;
    auto onEnd = [&](const RunRecord &run) {
        if (run.jobId != id)
            return;
        print(run.output);
        printError(tr("punctualctl: job %1: %2").arg(id, summary(run)));
        result = run.outcome == RunOutcome::Success ? ExitOk : ExitFailure;
        // Retries may follow: quit once nothing of this job is going or waiting to retry any more.
        QTimer::singleShot(0, &scheduler, [&scheduler, id] {
            if (scheduler.runningCount(id) == 0 && !scheduler.retryWait(id))
                QCoreApplication::quit();
        });
    };
    for (auto signal : {&Scheduler::jobExecuted, &Scheduler::jobError, &Scheduler::jobMissed})
        QObject::connect(&scheduler, signal, &scheduler, onEnd);
    SignalWatcher terminations;
    QObject::connect(&terminations, &SignalWatcher::terminationRequested, &scheduler,
                     [&scheduler] { scheduler.shutdown(Scheduler::ShutdownMode::StopRuns); });
    auto run = scheduler.runJobNow(id);
    if (!run)
        return fail(run.error());
    QCoreApplication::exec();
    return result;
}

int runHistory(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show the run history of one job, or of all jobs, newest first."));
    parser.addPositionalArgument(QStringLiteral("[ID]"), tr("The job's id (default: all jobs)."));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("At most N runs (default 20)."), tr("N"),
                                   QStringLiteral("20"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print a JSON array of runs."));
    parser.addOptions({limit, json});
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() > 1)
        return fail(ExitUsage, tr("give at most one job id"));
    bool ok = false;
    const int n = parser.value(limit).toInt(&ok);
    if (!ok || n < 1)
        return fail(ExitUsage, tr("--limit needs a whole number of at least 1"));
    const QString id = parser.positionalArguments().value(0);

    SchedulerSession session;
    if (auto opened = session.open(SchedulerSession::Use::ReadOnly); !opened)
        return fail(opened.error());
    if (!id.isEmpty()) {
        if (auto job = session.control().job(id); !job)
            return fail(job.error());
    }
    auto runs = session.control().history(id, n);
    if (!runs)
        return fail(runs.error());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const RunRecord &run : std::as_const(runs.value()))
            array.append(run.toJson());
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QString text;
    for (const RunRecord &run : std::as_const(runs.value())) {
        // Why it ran, when not simply on schedule (a chained run names the run that started it).
        QString why;
        if (run.reason == RunReason::Chained && run.causedBy)
            why = tr(" [chained after run %1]").arg(*run.causedBy);
        else if (run.reason != RunReason::Scheduled)
            why = QStringLiteral(" [%1]").arg(RunRecord::reasonName(run.reason));
        text += QStringLiteral("%1  %2  %3  %4%5\n")
                    .arg(localTime(run.scheduledTime), run.jobId, RunRecord::outcomeName(run.outcome).leftJustified(11),
                         summary(run).section(QLatin1Char(' '), 1), why);
    }
    print(text);
    return ExitOk;
}

} // namespace punctual::cli
