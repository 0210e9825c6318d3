// The standard executor set with HttpExecutor added.
#include "httpexecutorset.h"

#include "executors/httpexecutor.h"
#include "executors/processgroupregistry.h"

namespace punctual {

std::unique_ptr<ExecutorSet> standardExecutorsWithHttp(const Clock &clock, const FunctionRegistry &functions,
                                                      int functionThreads,
                                                      std::unique_ptr<ProcessGroupRegistry> processGroups)
{
    auto set = ExecutorSet::standard(clock, functions, functionThreads, std::move(processGroups));
    set->add(std::make_unique<HttpExecutor>(clock));
    return set;
}

} // namespace punctual
