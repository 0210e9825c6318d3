// The standard executor set and the look-up of an action's executor.
#include "executorset.h"

#include "executors/commandexecutor.h"
#include "executors/functionexecutor.h"
#include "executors/processgroupregistry.h"
#include "executors/sqlexecutor.h"

#include <algorithm>

namespace punctual {

ExecutorSet::~ExecutorSet()
{
    // Stopped before any is deleted: an executor's last finished() may still reach a receiver of another one.
    stopAll();
    qDeleteAll(m_executors);
}

std::unique_ptr<ExecutorSet> ExecutorSet::standard(const Clock &clock, const FunctionRegistry &functions,
                                                   int functionThreads,
                                                   std::unique_ptr<ProcessGroupRegistry> processGroups)
{
    auto set = std::make_unique<ExecutorSet>();
    set->add(std::make_unique<CommandExecutor>(clock, std::move(processGroups)));
    set->add(std::make_unique<FunctionExecutor>(functions, clock, std::max(1, functionThreads)));
    set->add(std::make_unique<SqlExecutor>(clock));
    return set;
}

void ExecutorSet::add(std::unique_ptr<Executor> executor)
{
    m_executors.append(executor.release());
}

Executor *ExecutorSet::executorFor(const Action &action) const
{
    const auto found = std::find_if(m_executors.cbegin(), m_executors.cend(),
                                    [&action](const Executor *executor) { return executor->accepts(action); });
    return found == m_executors.cend() ? nullptr : *found;
}

void ExecutorSet::stopAll()
{
    for (Executor *executor : std::as_const(m_executors))
        executor->stopAll();
}

int ExecutorSet::endLeftovers()
{
    int ended = 0;
    for (Executor *executor : std::as_const(m_executors))
        ended += executor->endLeftovers();
    return ended;
}

} // namespace punctual
