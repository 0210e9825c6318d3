// Runs command actions as real processes (QProcess, asynchronous), each in its own process group.
#pragma once

#include "executor.h"
#include "processgroupregistry.h"

#include <QProcessEnvironment>

#include <cstdint>
#include <memory>
#include <unordered_map>

class QProcess;

namespace punctual {

class Clock;

/**
 * Runs CommandAction: program + argument list (a shell only when useShell), working directory, the system
 * environment plus the action's entries, stdout and stderr merged and captured up to outputCapBytes (the
 * tail is kept, memory stays bounded however much a job writes). Never blocks: no waitFor* calls while
 * the executor lives.
 *
 * Each run is put in its own process group, so a timeout or stop() ends the whole tree: SIGTERM to the
 * group, SIGKILL to it killGraceMs later (or as soon as the main process has exited, for stragglers).
 * A run that ends by itself leaves its background children alone.
 *
 * No run outlives the scheduler's process: the leader gets SIGKILL when the thread that started it ends (the
 * parent death signal; Linux ties it to the forking *thread*, so start() must be called on the executor's thread
 * and that thread must live as long as the runs: the scheduler's, which is the main thread in both apps). What the
 * leader started is ended at the next start of the same store: with a ProcessGroupRegistry the groups going now
 * are kept in a file, and endLeftovers() ends those an earlier, dead session listed.
 *
 * Results that are known at once (missed, not found, missing working directory) are delivered from the
 * event loop, never from inside start(). stop() results come when the process has really exited.
 */
class CommandExecutor final : public Executor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandExecutor)

public:
    /// Time between SIGTERM and SIGKILL to a run's process group on timeout or stop.
    static constexpr int killGraceMs = stopGraceMs;

    /// With @p processGroups, every run's group is recorded there while it runs (and leftovers can be ended).
    explicit CommandExecutor(const Clock &clock, std::unique_ptr<ProcessGroupRegistry> processGroups = nullptr,
                             QObject *parent = nullptr);
    /// Kills what still runs (SIGKILL to each group) without reporting; blocks briefly while they are reaped.
    ~CommandExecutor() override;

    bool accepts(const Action &action) const override;
    void start(const ExecutionRequest &request) override;
    void stop(std::uint64_t token) override;
    void stopAll() override;
    /// Processes started and not yet reported finished.
    int runningCount() const override;
    /// Ends the process groups an earlier session recorded in the registry (none without one).
    int endLeftovers() override;
    /// The registry given to the constructor, or nullptr.
    const ProcessGroupRegistry *processGroups() const { return m_processGroups.get(); }

private:
    struct Run;

    /// PUNCTUAL_JOB_ID, PUNCTUAL_RUN_ID, PUNCTUAL_SCHEDULED_TIME and, for a chained run, PUNCTUAL_PREVIOUS_*.
    static void setRunVariables(QProcessEnvironment &environment, const ExecutionRequest &request);

    Run *findRun(std::uint64_t token, const QProcess *process) const;
    void onStarted(std::uint64_t token, QProcess *process);
    void onReadyRead(std::uint64_t token, QProcess *process);
    /// Emits outputArrived() with the run's live output waiting, if any.
    void emitLiveOutput(std::uint64_t token, Run &run);
    void onFinished(std::uint64_t token, QProcess *process);
    void onFailedToStart(std::uint64_t token, QProcess *process);
    void killTree(Run &run, RunOutcome reason);
    /// Removes the run and reports it (queued when called from inside start()).
    void finish(std::uint64_t token, ExecutionResult result);

    const Clock &m_clock;
    std::unique_ptr<ProcessGroupRegistry> m_processGroups;
    std::unordered_map<std::uint64_t, std::unique_ptr<Run>> m_runs;
    bool m_inStart = false;
};

} // namespace punctual
