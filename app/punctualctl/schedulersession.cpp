// Finds the running instance or opens the store, and builds the job control one punctualctl command uses.
#include "schedulersession.h"

#include "cli.h"
#include "control/controlclient.h"
#include "control/protocol.h"
#include "control/remotejobcontrol.h"
#include "executors/builtinfunctions.h"
#include "executors/httpexecutorset.h"
#include "store/memoryjobstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "punctual.ctl.session")

namespace punctual::cli {

namespace {

// An instance whose answer takes longer than this (its thread busy with a long import, a store locked by another
// writer) is waited for, with a line on stderr so the user knows why nothing happens.
constexpr int slowAnswerNoticeMs = 2000;

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
    // Whether an instance holds the store is its lock's answer (a listening socket), never how fast it answers:
    // when one holds it, every command goes through it, however long it takes; going around it would run jobs
    // twice (run-now) and write past its scheduler.
    const QString path = control::canonicalStorePath(storeLocation().resolvedPath());
    auto client = std::make_unique<ControlClient>();
    QElapsedTimer waited;
    waited.start();
    bool noticed = false;
    const auto sayWaiting = [path] {
        printError(tr("waiting for the Punctual instance on %1 to answer (Ctrl+C gives up)").arg(path));
    };
    for (;;) {
        auto connected = client->connectToStore(path);
        if (connected)
            break;
        if (connected.error().code == ErrorCode::NotFound) // no instance: the store is ours to open
            return openLocal(use);
        // Held, but the connection was not taken in time (its backlog full): keep trying.
        qCInfo(lcSession, "%s", qPrintable(connected.error().message));
        if (!noticed && waited.elapsed() >= slowAnswerNoticeMs) {
            noticed = true;
            sayWaiting();
        }
    }
    client->setTimeoutMs(ControlClient::noTimeout);
    if (!noticed)
        client->setSlowAnswerNotice(slowAnswerNoticeMs, sayWaiting);
    if (auto pong = client->ping(ControlClient::noTimeout); !pong)
        return pong.error();
    qCInfo(lcSession, "talking to the Punctual instance (pid %lld) on %s",
           static_cast<long long>(client->peerPid().value_or(-1)), qPrintable(path));
    m_remote = std::make_unique<RemoteJobControl>(std::move(client));
    m_control = m_remote.get();
    return {};
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
    m_scheduler = std::make_unique<Scheduler>(*m_store, m_clock, standardExecutorsWithHttp(m_clock, m_functions));
    m_local = std::make_unique<LocalJobControl>(*m_scheduler);
    m_control = m_local.get();
    return {};
}

} // namespace punctual::cli
