// What one punctualctl command works through: the running instance on the store, or the store opened here.
#pragma once

#include "control/jobcontrol.h"
#include "executors/functionregistry.h"
#include "scheduler/scheduler.h"
#include "store/jobstore.h"
#include "time/clock.h"

#include <memory>

namespace punctual {
class RemoteJobControl;
}

namespace punctual::cli {

/// Management goes through the Scheduler API either way, so next run times, events and validation are exactly
/// those of the window and the tray runner: the instance's Scheduler when one holds the store (the change applies
/// to it at once), else an unstarted Scheduler over the store opened by this process.
class SchedulerSession
{
public:
    SchedulerSession();
    ~SchedulerSession();

    /// What the command does with the store.
    enum class Use
    {
        ReadWrite, ///< may create the store (add, import, ...)
        ReadOnly,  ///< list, show, history, export: never create a store (a missing explicit one is an error,
                   ///< a missing default one is empty)
    };

    /// Connects to the instance running on the store punctualctl was pointed at (--db/--store, or the default)
    /// when one answers; otherwise opens that store.
    Result<void> open(Use use = Use::ReadWrite);

    /// True when the commands go to a running instance.
    bool isRemote() const { return m_remote != nullptr; }
    JobControl &control() { return *m_control; }
    /// Only when not remote.
    Scheduler &scheduler() { return *m_scheduler; }
    /// Only when not remote.
    JobStore &store() { return *m_store; }
    /// Only when remote.
    RemoteJobControl &remote() { return *m_remote; }
    const Clock &clock() const { return m_clock; }
    std::int64_t nowMs() const { return m_clock.nowMs(); }

private:
    /// Opens the store itself (no instance answers).
    Result<void> openLocal(Use use);

    SystemClock m_clock;
    FunctionRegistry m_functions;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<LocalJobControl> m_local;
    std::unique_ptr<RemoteJobControl> m_remote;
    JobControl *m_control = nullptr;
};

} // namespace punctual::cli
