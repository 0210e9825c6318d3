// Command runs: QProcess set-up, bounded output capture, process-group kills and outcome mapping.
#include "commandexecutor.h"

#include "executors/processgroupregistry.h"
#include "time/clock.h"
#include "time/duration.h"
#include "time/isotime.h"
#include "util/longtimer.h"
#include "util/outputbytes.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <utility>
#include <limits>

#include <signal.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcCommand, "punctual.executor.command")

/// The last cap bytes of a stream. Grows to twice the cap before trimming, so trimming is amortised O(1) a byte.
class OutputTail
{
public:
    explicit OutputTail(std::int64_t cap)
        : m_cap(std::clamp<std::int64_t>(cap, 0, std::numeric_limits<qsizetype>::max() / 4))
    {
    }

    /// Takes everything @p device has buffered, reading straight into the kept bytes (no copy per chunk); the new
    /// bytes are appended to @p fresh too (the live output), of which the newest liveOutputCapBytes are kept.
    void readFrom(QIODevice *device, QByteArray &fresh)
    {
        for (qint64 available = device->bytesAvailable(); available > 0; available = device->bytesAvailable()) {
            if (m_cap == 0) {
                m_dropped += std::max<qint64>(0, device->skip(available));
                continue; // nothing kept: nothing to follow either

            }
            const qsizetype kept = m_data.size();
            m_data.resize(kept + static_cast<qsizetype>(available));
            const qint64 read = device->read(m_data.data() + kept, available);
            m_data.resize(kept + static_cast<qsizetype>(std::max<qint64>(0, read)));
            fresh.append(QByteArrayView(m_data).sliced(kept));
            if (fresh.size() > 2 * Executor::liveOutputCapBytes) // trimmed now and then, not at every read
                fresh.remove(0, fresh.size() - Executor::liveOutputCapBytes);
            if (static_cast<std::int64_t>(m_data.size()) > 2 * m_cap)
                trim();
            if (read <= 0)
                break;
        }
    }

    QString text()
    {
        trim();
        QByteArrayView data(m_data);
        std::int64_t dropped = m_dropped;
        if (dropped > 0) {
            // The cut may have split a UTF-8 sequence: skip its orphaned continuation bytes.
            qsizetype skip = 0;
            while (skip < 3 && skip < data.size() && (static_cast<unsigned char>(data[skip]) & 0xC0) == 0x80)
                ++skip;
            data = data.sliced(skip);
            dropped += skip;
        }
        QString text = outputbytes::decode(data); // bytes that are not UTF-8 kept, for the window to mark
        if (dropped > 0)
            text.prepend(CommandExecutor::tr("[… %1 bytes dropped]").arg(dropped) + QLatin1Char('\n'));
        return text;
    }

private:
    void trim()
    {
        const std::int64_t excess = static_cast<std::int64_t>(m_data.size()) - m_cap;
        if (excess > 0) {
            m_data.remove(0, static_cast<qsizetype>(excess));
            m_dropped += excess;
        }
    }

    std::int64_t m_cap;
    QByteArray m_data;
    std::int64_t m_dropped = 0;
};

/// Signals a run's process group. Only while the leader is unreaped may we fall back to its pid alone
/// (the child may not have called setsid() yet); afterwards the pid could belong to someone else.
void signalTree(qint64 pid, int signal, bool leaderAlive)
{
    if (pid <= 1) // never kill(0) or kill(-1): those reach our own group or everything
        return;
    if (::kill(static_cast<pid_t>(-pid), signal) == 0)
        return;
    if (errno == ESRCH && leaderAlive)
        ::kill(static_cast<pid_t>(pid), signal);
}

/// The program to exec, resolved the way the child would see it (its PATH, its working directory), so
/// "not found" and "not executable" are plain messages instead of an execve() errno.
QString resolveProgram(const QString &program, const QString &workingDirectory,
                       const QProcessEnvironment &environment, QString *error)
{
    if (program.isEmpty()) {
        *error = CommandExecutor::tr("no program was given");
        return {};
    }
    QString path;
    if (program.contains(QLatin1Char('/'))) {
        const QDir base(workingDirectory.isEmpty() ? QDir::currentPath() : workingDirectory);
        path = QDir::cleanPath(base.absoluteFilePath(program));
    } else {
        const QStringList searchPath =
            environment.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
        path = QStandardPaths::findExecutable(program, searchPath);
        if (path.isEmpty()) {
            *error = CommandExecutor::tr("program \"%1\" was not found").arg(program);
            return {};
        }
    }
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = CommandExecutor::tr("program \"%1\" was not found").arg(program);
        return {};
    }
    if (info.isDir() || !info.isExecutable()) {
        *error = CommandExecutor::tr("program \"%1\" is not executable").arg(program);
        return {};
    }
    return path;
}

} // namespace

struct CommandExecutor::Run
{
    explicit Run(std::int64_t capBytes)
        : output(capBytes)
    {
    }

    QProcess *process = nullptr; // child of the executor; deleted once it has ended
    qint64 pid = 0;
    qint64 recordedGroup = 0; // in the process group registry until the run is reported
    QString program; // as the action named it, for messages
    std::optional<std::int64_t> timeoutMs;
    std::optional<std::int64_t> startTime;
    OutputTail output;
    QByteArray liveOutput;      // read since the last outputArrived()
    bool liveOutputDue = false; // an outputArrived() is timed already
    std::optional<RunOutcome> killReason; // TimedOut or Interrupted once we decided to end it
};

CommandExecutor::CommandExecutor(const Clock &clock, std::unique_ptr<ProcessGroupRegistry> processGroups,
                                 QObject *parent)
    : Executor(parent)
    , m_clock(clock)
    , m_processGroups(std::move(processGroups))
{
}

CommandExecutor::~CommandExecutor()
{
    for (auto &[token, run] : m_runs) {
        QProcess *process = run->process;
        process->disconnect(this);
        signalTree(run->pid, SIGKILL, process->state() != QProcess::NotRunning);
        // SIGKILL cannot be refused, so this only waits for the reaping; it avoids ~QProcess's 30 s wait.
        process->waitForFinished(killGraceMs);
        delete process;
    }
    if (m_processGroups)
        m_processGroups->clear(); // all killed
}

int CommandExecutor::endLeftovers()
{
    return m_processGroups ? m_processGroups->endLeftovers() : 0;
}

bool CommandExecutor::accepts(const Action &action) const
{
    return std::holds_alternative<CommandAction>(action);
}

void CommandExecutor::setRunVariables(QProcessEnvironment &environment, const ExecutionRequest &request)
{
    // Facts of this run, set last so a job's own environment cannot misstate them. A scheduler started from a
    // chained job must not hand its own PUNCTUAL_PREVIOUS_* on to runs that were not chained.
    static const auto utc = ZoneRules::forZone("UTC");
    for (const QString &name : environment.keys()) {
        if (name.startsWith(QLatin1String("PUNCTUAL_PREVIOUS_")))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("PUNCTUAL_JOB_ID"), request.jobId);
    environment.insert(QStringLiteral("PUNCTUAL_RUN_ID"), QString::number(request.runId));
    environment.insert(QStringLiteral("PUNCTUAL_SCHEDULED_TIME"), formatIso(request.scheduledTime, *utc));
    if (const auto &previous = request.previous) {
        environment.insert(QStringLiteral("PUNCTUAL_PREVIOUS_JOB_ID"), previous->jobId);
        environment.insert(QStringLiteral("PUNCTUAL_PREVIOUS_RUN_ID"), QString::number(previous->runId));
        environment.insert(QStringLiteral("PUNCTUAL_PREVIOUS_OUTCOME"), RunRecord::outcomeName(previous->outcome));
        environment.insert(QStringLiteral("PUNCTUAL_PREVIOUS_EXIT_CODE"),
                           previous->exitCode ? QString::number(*previous->exitCode) : QString());
    }
}

void CommandExecutor::start(const ExecutionRequest &request)
{
    const std::uint64_t token = request.token;
    const std::int64_t now = m_clock.nowMs();
    const auto *command = std::get_if<CommandAction>(&request.action);
    if (!command) {
        finishLater(token, failedResult(now, tr("this executor runs commands only")));
        return;
    }
    if (m_runs.contains(token)) {
        qCWarning(lcCommand, "token %llu is already running: request ignored", static_cast<unsigned long long>(token));
        return;
    }
    if (auto missed = missedStart(request.scheduledTime, request.misfireGraceMs, now)) {
        finishLater(token, std::move(*missed));
        return;
    }
    if (!command->workingDirectory.isEmpty() && !QFileInfo(command->workingDirectory).isDir()) {
        finishLater(token, failedResult(now, tr("working directory \"%1\" does not exist")
                                                 .arg(command->workingDirectory)));
        return;
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Another job's password stays with the scheduler (a value the job sets itself is its own).
    for (const QString &name : request.hiddenVariables)
        environment.remove(name);
    for (auto it = command->environment.cbegin(); it != command->environment.cend(); ++it)
        environment.insert(it.key(), it.value());
    setRunVariables(environment, request);

    QString program;
    QStringList arguments;
    if (command->useShell) {
        program = QStringLiteral("/bin/sh");
        arguments = QStringList{QStringLiteral("-c"), command->program, QStringLiteral("sh")} + command->arguments;
    } else {
        QString error;
        program = resolveProgram(command->program, command->workingDirectory, environment, &error);
        if (program.isEmpty()) {
            finishLater(token, failedResult(now, error));
            return;
        }
        arguments = command->arguments;
    }

    auto run = std::make_unique<Run>(command->outputCapBytes);
    auto *process = new QProcess(this);
    run->process = process;
    run->program = command->program;
    run->timeoutMs = request.timeoutMs;
    process->setProgram(program);
    process->setArguments(arguments);
    process->setProcessEnvironment(environment);
    if (!command->workingDirectory.isEmpty())
        process->setWorkingDirectory(command->workingDirectory);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    // Own session and process group, so the whole tree can be signalled (and the terminal's ^C misses it).
    // The leader dies with us: SIGKILL when the thread that forks it (this one) ends, i.e. with the process. If we
    // died between fork and prctl, the signal would never come: then the child is already someone else's.
    Q_ASSERT(QThread::currentThread() == thread());
    const pid_t parent = ::getpid();
    process->setChildProcessModifier([parent] {
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
    });

    connect(process, &QProcess::started, this, [this, token, process] { onStarted(token, process); });
    connect(process, &QProcess::readyReadStandardOutput, this,
            [this, token, process] { onReadyRead(token, process); });
    connect(process, &QProcess::finished, this, [this, token, process] { onFinished(token, process); });
    connect(process, &QProcess::errorOccurred, this, [this, token, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFailedToStart(token, process);
    });

    m_runs.emplace(token, std::move(run));
    qCDebug(lcCommand, "token %llu: starting %s", static_cast<unsigned long long>(token), qPrintable(program));
    m_inStart = true;
    // The run starts when it is launched: QProcess reports "started" only from the event loop, often in the
    // same turn as "finished" for a short command, which would make every quick run last 0 ms.
    const std::int64_t launchedAt = m_clock.nowMs();
    process->start();
    m_inStart = false;
    if (Run *started = findRun(token, process)) {
        started->pid = process->processId();
        if (!started->startTime && started->pid > 0)
            started->startTime = launchedAt;
        if (m_processGroups && started->pid > 0) {
            m_processGroups->add(started->pid, request.jobId, request.runId);
            started->recordedGroup = started->pid;
        }
    }
}

void CommandExecutor::stop(std::uint64_t token)
{
    const auto it = m_runs.find(token);
    if (it != m_runs.end())
        killTree(*it->second, RunOutcome::Interrupted);
}

void CommandExecutor::stopAll()
{
    for (auto &[token, run] : m_runs)
        killTree(*run, RunOutcome::Interrupted);
}

int CommandExecutor::runningCount() const
{
    return static_cast<int>(m_runs.size());
}

CommandExecutor::Run *CommandExecutor::findRun(std::uint64_t token, const QProcess *process) const
{
    // The process identifies the run: a token may be reused once its run was reported.
    const auto it = m_runs.find(token);
    return it != m_runs.end() && it->second->process == process ? it->second.get() : nullptr;
}

void CommandExecutor::onStarted(std::uint64_t token, QProcess *process)
{
    Run *run = findRun(token, process);
    if (!run)
        return;
    run->pid = process->processId();
    if (!run->startTime)
        run->startTime = m_clock.nowMs();
    if (run->timeoutMs) {
        // A LongTimer: a timeout may be longer than the 24.8 days one QTimer holds. Owned by the process.
        auto *timer = new LongTimer(process);
        connect(timer, &LongTimer::timeout, this, [this, token, process] {
            if (Run *timedOut = findRun(token, process))
                killTree(*timedOut, RunOutcome::TimedOut);
        });
        timer->start(*run->timeoutMs);
    }
    emit started(token, *run->startTime);
}

void CommandExecutor::onReadyRead(std::uint64_t token, QProcess *process)
{
    Run *run = findRun(token, process);
    if (!run)
        return;
    run->output.readFrom(process, run->liveOutput);
    // Coalesced: what comes within outputIntervalMs goes out in one signal.
    if (run->liveOutput.isEmpty() || run->liveOutputDue)
        return;
    run->liveOutputDue = true;
    QTimer::singleShot(outputIntervalMs, process, [this, token, process] {
        if (Run *due = findRun(token, process))
            emitLiveOutput(token, *due);
    });
}

void CommandExecutor::emitLiveOutput(std::uint64_t token, Run &run)
{
    run.liveOutputDue = false;
    QByteArray chunk = std::exchange(run.liveOutput, {});
    if (chunk.size() > liveOutputCapBytes)
        chunk.remove(0, chunk.size() - liveOutputCapBytes);
    if (!chunk.isEmpty())
        emit outputArrived(token, chunk);
}

void CommandExecutor::onFinished(std::uint64_t token, QProcess *process)
{
    Run *run = findRun(token, process);
    if (!run)
        return;
    run->output.readFrom(process, run->liveOutput);
    emitLiveOutput(token, *run); // the last of it, before the result
    if (run->killReason) // the leader is gone; anything left in its group was part of what we are ending
        signalTree(run->pid, SIGKILL, false);

    ExecutionResult result;
    result.startTime = run->startTime;
    result.endTime = m_clock.nowMs();
    result.output = run->output.text();
    const bool crashed = process->exitStatus() == QProcess::CrashExit;
    if (!crashed)
        result.exitCode = process->exitCode();
    if (run->killReason == RunOutcome::TimedOut) {
        result.outcome = RunOutcome::TimedOut;
        result.error = tr("timed out after %1").arg(formatDuration(run->timeoutMs.value_or(0)));
    } else if (run->killReason == RunOutcome::Interrupted) {
        result.outcome = RunOutcome::Interrupted;
        result.error = tr("stopped before it finished");
    } else if (crashed) {
        // On a crash exit QProcess reports the terminating signal as the exit code.
        result.outcome = RunOutcome::Failed;
        result.error = tr("crashed (signal %1)").arg(process->exitCode());
    } else if (process->exitCode() != 0) {
        result.outcome = RunOutcome::Failed;
        result.error = tr("exit code %1").arg(process->exitCode());
    } else {
        result.outcome = RunOutcome::Success;
    }
    finish(token, std::move(result));
}

void CommandExecutor::onFailedToStart(std::uint64_t token, QProcess *process)
{
    Run *run = findRun(token, process);
    if (!run)
        return;
    // A start failure may still report a pid (the fork happened): it is reaped, so no later kill may use it.
    run->pid = 0;
    ExecutionResult result = failedResult(m_clock.nowMs(), tr("could not start: %1").arg(process->errorString()));
    result.output = run->output.text();
    finish(token, std::move(result));
}

void CommandExecutor::killTree(Run &run, RunOutcome reason)
{
    if (run.killReason) // already ending: the first reason is the one reported
        return;
    run.killReason = reason;
    qCInfo(lcCommand, "%s: %s", qPrintable(run.program),
           reason == RunOutcome::TimedOut ? "timed out, ending its process group" : "stopping its process group");
    QProcess *process = run.process;
    if (process->state() == QProcess::NotRunning) // failed to start: its error report is on its way
        return;
    const qint64 pid = run.pid > 0 ? run.pid : process->processId();
    signalTree(pid, SIGTERM, true);
    QTimer::singleShot(killGraceMs, process, [pid, process] {
        signalTree(pid, SIGKILL, process->state() != QProcess::NotRunning);
    });
}

void CommandExecutor::finish(std::uint64_t token, ExecutionResult result)
{
    const auto it = m_runs.find(token);
    if (it == m_runs.end())
        return;
    QProcess *process = it->second->process;
    if (m_processGroups && it->second->recordedGroup > 0)
        m_processGroups->remove(it->second->recordedGroup);
    m_runs.erase(it);
    process->disconnect(this);
    process->deleteLater();
    if (result.outcome != RunOutcome::Success)
        qCInfo(lcCommand, "token %llu: %s", static_cast<unsigned long long>(token), qPrintable(result.error));
    if (m_inStart)
        finishLater(token, std::move(result));
    else
        emit finished(token, result);
}

} // namespace punctual
