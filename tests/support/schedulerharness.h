// The scheduler fixture suites share: fake clock, job store, manual wake timer, test functions, real executors.
#pragma once

#include "executors/httpexecutorset.h"
#include "executors/functionregistry.h"
#include "mock/fakeclock.h"
#include "mock/manualwaketimer.h"
#include "scheduler/scheduler.h"
#include "store/memoryjobstore.h"

#include <QSemaphore>
#include <QTest>

#include <cstdint>
#include <memory>

namespace punctual::test {

/**
 * A real Scheduler, with the executors the apps use (standardExecutorsWithHttp), over a job store (a MemoryJobStore
 * unless a suite brings its own), on a FakeClock and woken by a ManualWakeTimer: time moves only when the test
 * says so. Functions the suites need are registered by name with addSucceeding(), addFailing() and addBlocking().
 *
 * A suite inherits it (after QObject) and calls setUpScheduler() in init() and tearDownScheduler() in cleanup();
 * its tests then use m_clock, m_functions, m_store, m_scheduler and m_timer. A single test can also make one on
 * the stack and use the accessors. The clock and the functions live as long as the harness; the store, the
 * scheduler and the timer as long as one set-up.
 */
class SchedulerHarness
{
    Q_DISABLE_COPY_MOVE(SchedulerHarness)

public:
    explicit SchedulerHarness(std::int64_t nowMs = 0)
        : m_clock(nowMs)
    {
    }
    ~SchedulerHarness() { tearDownScheduler(); }

    /// The clock at @p nowMs, a fresh store (@p store, or a MemoryJobStore) and a scheduler over it with a manual
    /// wake timer, not started.
    void setUpScheduler(std::int64_t nowMs, std::unique_ptr<JobStore> store = nullptr)
    {
        m_clock.setNowMs(nowMs);
        m_gate.acquire(m_gate.available()); // permits left by the last test's tear-down
        m_scheduler.reset();                // before the store it uses
        m_store = store ? std::move(store) : std::make_unique<MemoryJobStore>();
        m_scheduler = makeScheduler(*m_store);
        m_timer = installManualTimer(*m_scheduler);
    }
    /// Lets blocked functions return, then destroys the scheduler and its store.
    void tearDownScheduler()
    {
        m_gate.release(100); // more than any test leaves blocked
        m_timer = nullptr;
        m_scheduler.reset();
        m_store.reset();
    }
    /// Shuts the scheduler down stopping its runs, and waits until none is going.
    void stopRuns()
    {
        m_scheduler->shutdown(Scheduler::ShutdownMode::StopRuns);
        QTRY_COMPARE(m_scheduler->runningCount(), 0);
    }

    /// Another scheduler on this harness's clock and functions, over @p store (which must outlive it).
    std::unique_ptr<Scheduler> makeScheduler(JobStore &store) const
    {
        return std::make_unique<Scheduler>(store, m_clock, standardExecutorsWithHttp(m_clock, m_functions));
    }
    /// Gives @p scheduler a ManualWakeTimer (it owns it) and returns it.
    static ManualWakeTimer *installManualTimer(Scheduler &scheduler)
    {
        auto timer = std::make_unique<ManualWakeTimer>();
        ManualWakeTimer *installed = timer.get();
        scheduler.setWakeTimer(std::move(timer));
        return installed;
    }

    /// The clock is at @p atMs and the wake timer goes off, as the real one does when that time has come.
    void wake(std::int64_t atMs)
    {
        m_clock.setNowMs(atMs);
        m_timer->fire();
    }
    /// Adds @p job to the scheduler; an error is the test's own bug (qFatal names it).
    Job addOrDie(Job job)
    {
        auto added = m_scheduler->addJob(std::move(job));
        if (!added)
            qFatal("addJob failed: %s", qPrintable(added.error().message));
        return added.value();
    }

    // --- functions jobs run (registered by name; the last registration of a name wins) ---
    /// @p name succeeds with @p output, after moving the clock on by @p takesMs (the run's fake duration).
    void addSucceeding(const QString &name, const QString &output = {}, std::int64_t takesMs = 0)
    {
        m_functions.add(name, [this, output, takesMs](const FunctionContext &) {
            if (takesMs)
                m_clock.advance(takesMs);
            return FunctionResult::success(output);
        });
    }
    /// @p name fails with @p error.
    void addFailing(const QString &name, const QString &error)
    {
        m_functions.add(name, [error](const FunctionContext &) { return FunctionResult::failure(error); });
    }
    /// @p name runs until the test releases m_gate once for it (or the run is cancelled: it then fails).
    void addBlocking(const QString &name)
    {
        m_functions.add(name, [this](const FunctionContext &context) {
            while (!m_gate.tryAcquire(1, 5)) {
                if (context.isCancelled())
                    return FunctionResult::failure(QStringLiteral("cancelled"));
            }
            return FunctionResult::success();
        });
    }

    FakeClock &clock() { return m_clock; }
    JobStore &store() { return *m_store; }
    Scheduler &scheduler() { return *m_scheduler; }
    ManualWakeTimer &timer() { return *m_timer; }

protected:
    FakeClock m_clock;
    FunctionRegistry m_functions;
    QSemaphore m_gate; ///< one permit lets one blocked run return
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<Scheduler> m_scheduler;
    ManualWakeTimer *m_timer = nullptr; ///< owned by m_scheduler
};

} // namespace punctual::test
