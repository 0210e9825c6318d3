// Loads every job (as a summary) and each job's last run off the GUI thread, so a window over 100,000 jobs opens
// smoothly.
#pragma once

#include "jobs/job.h"
#include "jobs/runrecord.h"
#include "scheduler/scheduler.h" // Q_DECLARE_METATYPE(Job, RunRecord): it must precede the signals' meta types
#include "store/jobsummary.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

namespace punctual {

class JobStore;

/**
 * Reads JobStore::jobSummaries() and JobStore::latestRuns() on two workers of QThreadPool::globalInstance() at the same
 * time and hands the result back on the loader's own thread (loaded() or failed()). Each worker opens its store
 * with @c StoreFactory and closes it there, because a QSqlDatabase connection belongs to the thread that opened it.
 * The jobs come unparsed (their JSON as text): parsing 100,000 triggers and actions took most of a load, and the
 * list parses only the jobs it shows or is asked for (JobListModel).
 *
 * Only the newest load() reports: an older one still going when load() is called again is dropped. Destroying
 * the loader while a load is going is safe: the worker finishes on its own and its result is discarded.
 */
class JobListLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListLoader)

public:
    /// Opens a store. Called on a worker thread (twice per load, from two threads at once), possibly after the
    /// loader is gone: capture by value (a path, a URL), never the loader or the GUI thread's store.
    using StoreFactory = std::function<Result<std::unique_ptr<JobStore>>()>;

    explicit JobListLoader(StoreFactory factory, QObject *parent = nullptr);
    ~JobListLoader() override;

    /// Starts loading in the background; returns at once.
    void load();
    /// True from load() until its loaded() or failed().
    bool isLoading() const { return m_loading; }

signals:
    void loaded(QList<punctual::JobSummary> jobs, QHash<QString, punctual::RunRecord> latestRuns);
    void failed(QString message);

private:
    struct Shared;
    struct Outcome;

    void deliver(quint64 generation, const Outcome &outcome);

    StoreFactory m_factory;
    std::shared_ptr<Shared> m_shared;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace punctual
