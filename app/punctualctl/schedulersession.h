// The store and an (unstarted) scheduler that one punctualctl command works through.
#pragma once

#include "executors/functionregistry.h"
#include "scheduler/scheduler.h"
#include "store/jobstore.h"
#include "time/clock.h"

#include <memory>

namespace punctual::cli {

/// Management goes through the Scheduler API even without a running scheduler, so next run times, events and
/// validation are exactly those of the window and the tray runner.
class SchedulerSession
{
public:
    SchedulerSession();
    ~SchedulerSession();

    /// Opens the store punctualctl was pointed at (--db/--store, or the default).
    Result<void> open();
    Scheduler &scheduler() { return *m_scheduler; }
    JobStore &store() { return *m_store; }
    const Clock &clock() const { return m_clock; }
    std::int64_t nowMs() const { return m_clock.nowMs(); }

private:
    SystemClock m_clock;
    FunctionRegistry m_functions;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<Scheduler> m_scheduler;
};

} // namespace punctual::cli
