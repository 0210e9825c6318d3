// Finds the running instance or opens the store, and builds the job control one punctualctl command uses.
#include "schedulersession.h"

#include "cli.h"
#include "control/controlclient.h"
#include "control/protocol.h"
#include "control/remotejobcontrol.h"
#include "executors/builtinfunctions.h"
#include "executors/executorset.h"
#include "store/memoryjobstore.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "punctual.ctl.session")

namespace punctual::cli {

namespace {

// An instance that accepts the connection but does not answer a ping within this is treated as absent: the
// store is then opened directly (the instance notices the change through its StoreWatcher).
constexpr int pingTimeoutMs = 5000;

} // namespace

SchedulerSession::SchedulerSession()
{
    registerBuiltinFunctions(m_functions);
}

SchedulerSession::~SchedulerSession()
{
    m_control = nullptr;
    m_local.reset();
    m_remote.reset();
    m_scheduler.reset(); // before the store it uses
}

Result<void> SchedulerSession::open(Use use)
{
    const QString path = control::canonicalStorePath(storeLocation().resolvedPath());
    auto client = std::make_unique<ControlClient>();
    if (client->connectToStore(path)) {
        if (auto pong = client->ping(pingTimeoutMs); pong) {
            qCInfo(lcSession, "talking to the Punctual instance (pid %lld) on %s",
                   static_cast<long long>(client->peerPid().value_or(-1)), qPrintable(path));
            m_remote = std::make_unique<RemoteJobControl>(std::move(client));
            m_control = m_remote.get();
            return {};
        } else {
            qCInfo(lcSession, "the Punctual instance on %s does not answer (%s): opening the store directly",
                   qPrintable(path), qPrintable(pong.error().message));
        }
    }
    return openLocal(use);
}

Result<void> SchedulerSession::openLocal(Use use)
{
    const StoreLocation &location = storeLocation();
    if (use == Use::ReadOnly && !location.postgres && !QFileInfo::exists(location.resolvedPath())) {
        // Looking never makes a store: a mistyped --db is an error, a default store not made yet holds nothing.
        if (location.explicitPath)
            return Error{ErrorCode::StoreFailure,
                         QStringLiteral("there is no job store at %1 (nothing was created)")
                             .arg(QDir::toNativeSeparators(location.resolvedPath()))};
        m_store = std::make_unique<MemoryJobStore>();
    } else {
        auto store = openStore();
        if (!store)
            return store.error();
        m_store = std::move(store).value();
    }
    m_scheduler = std::make_unique<Scheduler>(*m_store, m_clock, ExecutorSet::standard(m_clock, m_functions));
    m_local = std::make_unique<LocalJobControl>(*m_scheduler);
    m_control = m_local.get();
    return {};
}

} // namespace punctual::cli
