// The standard executor set with http jobs: what every program that runs users' jobs builds.
#pragma once

#include "executors/executorset.h"

#include <memory>

namespace punctual {

class Clock;
class FunctionRegistry;
class ProcessGroupRegistry;

/// ExecutorSet::standard() (commands, functions, sql) and HttpExecutor: every kind Punctual runs. In
/// punctual-http, apart from punctual-core, so that a program that runs no http jobs (punctual-bench, a test of
/// the scheduler alone) neither links nor loads QtNetwork. The arguments are standard()'s.
std::unique_ptr<ExecutorSet> standardExecutorsWithHttp(const Clock &clock, const FunctionRegistry &functions,
                                                      int functionThreads = 10,
                                                      std::unique_ptr<ProcessGroupRegistry> processGroups = nullptr);

} // namespace punctual
