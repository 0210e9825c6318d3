// Opens the store and builds the scheduler for one punctualctl command.
#include "schedulersession.h"

#include "cli.h"
#include "executors/builtinfunctions.h"

namespace punctual::cli {

SchedulerSession::SchedulerSession()
{
    registerBuiltinFunctions(m_functions);
}

SchedulerSession::~SchedulerSession()
{
    m_scheduler.reset(); // before the store it uses
}

Result<void> SchedulerSession::open()
{
    auto store = openStore();
    if (!store)
        return store.error();
    m_store = std::move(store).value();
    m_scheduler = std::make_unique<Scheduler>(*m_store, m_clock, m_functions);
    return {};
}

} // namespace punctual::cli
