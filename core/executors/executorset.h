// The executors a scheduler hands runs to: built by the app (or a test) and given to the Scheduler.
#pragma once

#include "executors/executor.h"
#include "executors/processgroupregistry.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <memory>

namespace punctual {

class Clock;
class FunctionRegistry;

/**
 * Owns a list of executors and finds the one that runs an action. The scheduler connects to every executor's
 * finished() signal; it never builds or replaces executors itself, so a test can inject an executor of its own
 * and an app can size the function pool.
 */
class ExecutorSet final
{
    Q_DISABLE_COPY_MOVE(ExecutorSet)

public:
    ExecutorSet() = default;
    ~ExecutorSet();

    /// Commands, functions (a pool of @p functionThreads, APScheduler's ThreadPoolExecutor(10) by default) and
    /// sql. A store's instance gives @p processGroups (the file of its command runs' process groups, so that the
    /// next start ends what a crash left running). Http jobs need QtNetwork: standardExecutorsWithHttp()
    /// (executors/httpexecutorset.h, in punctual-http) adds them; without it an http run fails, saying that this
    /// kind of action cannot be run here.
    static std::unique_ptr<ExecutorSet> standard(const Clock &clock, const FunctionRegistry &functions,
                                                 int functionThreads = 10,
                                                 std::unique_ptr<ProcessGroupRegistry> processGroups = nullptr);

    /// Takes ownership of @p executor (asked after the ones added before it).
    void add(std::unique_ptr<Executor> executor);
    /// The first executor that accepts @p action; nullptr when none does.
    Executor *executorFor(const Action &action) const;
    const QList<Executor *> &executors() const { return m_executors; }
    /// Stops every execution of every executor.
    void stopAll();
    /// Executor::endLeftovers() of each; returns how many things were ended in all.
    int endLeftovers();

    /// Names of the scheduler's environment variables that hold secrets (the sql jobs' password variables):
    /// processes started for other jobs do not inherit them. Names are only ever added while the set lives.
    void hideVariables(const QSet<QString> &names) { m_hiddenVariables.unite(names); }
    const QSet<QString> &hiddenVariables() const { return m_hiddenVariables; }

private:
    QList<Executor *> m_executors; ///< owned
    QSet<QString> m_hiddenVariables;
};

} // namespace punctual
