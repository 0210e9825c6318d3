// The start-up and shutdown order of a store's instance, written once for punctual and punctualctl run.
#include "instancehost.h"

#include "control/controlserver.h"
#include "control/eventstream.h"
#include "control/instancelock.h"
#include "executors/httpexecutorset.h"
#include "executors/processgroupregistry.h"
#include "scheduler/scheduler.h"
#include "store/jobstore.h"
#include "store/storewatcher.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace punctual {

namespace {

class HostText
{
    Q_DECLARE_TR_FUNCTIONS(InstanceHost)
};

constexpr struct { StartedBy startedBy; const char *name; } startedByNames[] = {
    {StartedBy::Terminal, "terminal"},
    {StartedBy::Unit, "unit"},
    {StartedBy::Detached, "detached"},
    {StartedBy::Window, "window"},
};

/// Gives the heap glibc keeps after a large pass back to the system. The start-up work reads every job once (100 MB
/// and more for a million jobs, all freed by its end); without this the host would keep that as resident memory.
void releaseFreedHeap()
{
#ifdef __GLIBC__
    ::malloc_trim(0);
#endif
}

} // namespace

QString startedByName(StartedBy startedBy)
{
    for (const auto &entry : startedByNames) {
        if (entry.startedBy == startedBy)
            return QString::fromLatin1(entry.name);
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<StartedBy> startedByFromName(const QString &name)
{
    for (const auto &entry : startedByNames) {
        if (name == QLatin1String(entry.name))
            return entry.startedBy;
    }
    return std::nullopt;
}

InstanceHost::InstanceHost(StoreLocation location, const Clock &clock, const FunctionRegistry &functions,
                           int functionThreads)
    : m_location(std::move(location))
    , m_clock(clock)
    , m_functions(functions)
    , m_functionThreads(functionThreads)
{
}

InstanceHost::~InstanceHost()
{
    stop();
}

Result<void> InstanceHost::lock()
{
    // One instance per store: the lock comes before the store is opened.
    auto lock = InstanceLock::acquire(m_location.resolvedPath());
    if (!lock)
        return lock.error();
    m_lock = std::move(lock).value();
    m_startedAtMs = m_clock.nowMs();
    return {};
}

Result<void> InstanceHost::open()
{
    Q_ASSERT(m_lock);
    // A database server not up yet (at boot, before the network) is waited for: the host starts with its store
    // unavailable and connects once it answers.
    std::optional<Error> unreachable;
    auto store = m_location.openForHost(unreachable);
    if (!store)
        return store.error();
    // A scheduler writes to its store all the time: not to a damaged one, where its writes could spread the damage
    // and its reads skip jobs unnoticed. One read of every page (0.2 s for 100,000 jobs; docs/store-integrity.md).
    if (!unreachable) {
        if (auto intact = store.value()->checkIntegrity(IntegrityCheck::Quick); !intact)
            return intact;
    }
    m_store = std::move(store).value();
    // The instance keeps its command runs' process groups in a file of its own (per host and store), so that the
    // next start ends what they left running if this process dies without ending them.
    auto processGroups = std::make_unique<ProcessGroupRegistry>(ProcessGroupRegistry::fileFor(m_lock->storePath()));
    m_scheduler = std::make_unique<Scheduler>(
        *m_store, m_clock,
        standardExecutorsWithHttp(m_clock, m_functions, m_functionThreads, std::move(processGroups)));
    if (unreachable)
        m_scheduler->storeLost(*unreachable);
    // Queued: after start() (or the first reconnect, which does the start-up work of a store that was not there).
    QObject::connect(m_scheduler.get(), &Scheduler::started, m_scheduler.get(), &releaseFreedHeap,
                     Qt::QueuedConnection);
    QObject::connect(
        m_scheduler.get(), &Scheduler::storeStatusChanged, m_scheduler.get(),
        [](const StoreStatus &status) {
            if (status.available)
                releaseFreedHeap();
        },
        Qt::QueuedConnection);
    return {};
}

Result<void> InstanceHost::serve()
{
    Q_ASSERT(m_scheduler);
    // punctualctl and a second punctual reach the scheduler through the lock's socket.
    m_control = std::make_unique<ControlServer>(*m_scheduler, *m_store, m_lock->server());
    m_control->setHostOrigin({startedByName(m_startedBy), m_startedAtMs});
    // Commits that other processes make to the store directly (no instance involved).
    m_watcher = std::make_unique<StoreWatcher>(m_lock->storePath());
    // The scheduler looks again, and subscribed clients are told to take a new snapshot.
    QObject::connect(m_watcher.get(), &StoreWatcher::changed, m_scheduler.get(), [this] {
        m_scheduler->refresh();
        if (m_control)
            m_control->events().publish(control::events::storeReloaded);
    });
    // The file under the store's connection was swapped or deleted: never scheduled from an unlinked file, the
    // store is opened again (the new file, when it is a store) or unavailable until one is back.
    const QString file = QDir::toNativeSeparators(m_lock->storePath());
    const auto lost = [this](const QString &why) { m_scheduler->storeLost({ErrorCode::StoreUnavailable, why}, true); };
    QObject::connect(m_watcher.get(), &StoreWatcher::fileReplaced, m_scheduler.get(), [lost, file] {
        lost(HostText::tr("the job store file %1 was replaced by another file").arg(file));
    });
    QObject::connect(m_watcher.get(), &StoreWatcher::fileRemoved, m_scheduler.get(), [lost, file] {
        lost(HostText::tr("the job store file %1 was removed or renamed").arg(file));
    });
    // Back after an outage (or on a new file): the watcher starts over on the new connection, and every client reads
    // again what may have changed meanwhile. Queued: the watcher may be the one whose signal led here.
    QObject::connect(
        m_scheduler.get(), &Scheduler::storeStatusChanged, m_watcher.get(),
        [this](const StoreStatus &status) {
            if (!status.available || !m_watcher)
                return;
            m_watcher->stop();
            if (auto watching = m_watcher->start(); !watching)
                qWarning("changes made to the store by other processes will not be noticed: %s",
                         qPrintable(watching.error().message));
            if (m_control)
                m_control->events().publish(control::events::storeReloaded);
        },
        Qt::QueuedConnection);
    return m_watcher->start();
}

void InstanceHost::stopServing()
{
    m_watcher.reset();
    m_control.reset();
}

void InstanceHost::stop()
{
    // Nothing may reach the scheduler while it goes, and the store goes before the lock that guards it.
    stopServing();
    m_scheduler.reset();
    m_store.reset();
    m_lock.reset();
}

} // namespace punctual
