// Background loading of the job list: a store of its own on a pool thread, the result posted back.
#include "joblistloader.h"

#include "store/jobstore.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QThreadPool>

#include <atomic>

Q_LOGGING_CATEGORY(lcJobListLoader, "punctual.joblistloader")

namespace punctual {

/// What the worker and the loader share: the worker posts its result only while the loader is alive, and the
/// loader's destructor clears the pointer under the same lock, so a post never reaches a destroyed object
/// (an event already posted is discarded by ~QObject).
struct JobListLoader::Shared
{
    QMutex mutex;
    JobListLoader *loader = nullptr;
};

/// The two halves of one load, each written by its own worker; the one that finishes last posts the whole.
struct JobListLoader::Outcome
{
    QList<JobSummary> jobs;
    QHash<QString, RunRecord> latestRuns;
    QString jobsError; ///< empty when that half succeeded
    QString runsError;
    std::atomic<int> pending{2};
};

JobListLoader::JobListLoader(StoreFactory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_shared(std::make_shared<Shared>())
{
    m_shared->loader = this;
}

JobListLoader::~JobListLoader()
{
    const QMutexLocker locker(&m_shared->mutex);
    m_shared->loader = nullptr;
}

void JobListLoader::load()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    // Jobs and last runs are read at the same time, each on a connection of its own: the GUI thread only waits
    // meanwhile, and the runs query (a grouped scan of the runs table) need not wait for the jobs.
    auto outcome = std::make_shared<Outcome>();
    auto work = [factory = m_factory, shared = m_shared, generation, outcome](bool readJobs) {
        {
            auto store = factory ? factory()
                                 : Result<std::unique_ptr<JobStore>>(Error{ErrorCode::Internal,
                                                                           tr("no store to load from")});
            QString &error = readJobs ? outcome->jobsError : outcome->runsError;
            if (!store) {
                error = store.error().message;
            } else if (readJobs) {
                if (auto jobs = store.value()->jobSummaries())
                    outcome->jobs = std::move(jobs).value();
                else
                    error = jobs.error().message;
            } else {
                if (auto runs = store.value()->latestRuns())
                    outcome->latestRuns = std::move(runs).value();
                else
                    error = runs.error().message;
            }
        } // the store (and its connection) closes here, on the thread that opened it
        if (outcome->pending.fetch_sub(1, std::memory_order_acq_rel) != 1)
            return; // the other half is still going; it posts both
        const QMutexLocker locker(&shared->mutex);
        if (JobListLoader *loader = shared->loader) {
            QMetaObject::invokeMethod(
                loader, [loader, generation, outcome] { loader->deliver(generation, *outcome); },
                Qt::QueuedConnection);
        }
    };
    QThreadPool::globalInstance()->start([work] { work(true); });
    QThreadPool::globalInstance()->start([work] { work(false); });
}

void JobListLoader::deliver(quint64 generation, const Outcome &outcome)
{
    if (generation != m_generation)
        return; // a newer load() is going; its answer is the one to show
    m_loading = false;
    if (const QString &error = outcome.jobsError.isEmpty() ? outcome.runsError : outcome.jobsError;
        !error.isEmpty()) {
        qCWarning(lcJobListLoader, "loading the job list failed: %s", qPrintable(error));
        emit failed(error);
        return;
    }
    emit loaded(outcome.jobs, outcome.latestRuns);
}

} // namespace punctual
