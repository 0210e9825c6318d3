// Defaults of the JobStore interface that any store can answer from its other calls.
#include "jobstore.h"

#include "store/jobrowcodec.h"

namespace punctual {

Result<QSet<QString>> JobStore::passwordVariables()
{
    auto all = jobs();
    if (!all)
        return all.error();
    QSet<QString> names;
    for (const Job &job : std::as_const(all.value())) {
        if (QString name = passwordVariableOf(job.action); !name.isEmpty())
            names.insert(name);
    }
    return names;
}

Result<QHash<QString, Job>> JobStore::jobsById(const QStringList &ids)
{
    QHash<QString, Job> found;
    found.reserve(ids.size());
    for (const QString &id : ids) {
        auto stored = job(id);
        if (!stored)
            return stored.error();
        if (stored.value())
            found.insert(id, std::move(*stored.value()));
    }
    return found;
}

Result<QList<JobSummary>> JobStore::jobSummaries()
{
    auto all = jobs();
    if (!all)
        return all.error();
    JobRowCodec codec;
    QList<JobSummary> out;
    out.reserve(all->size());
    for (const Job &job : std::as_const(all.value()))
        out.append({job.id, job.name, codec.texts(job), job.paused, job.nextRunTime, job.createdAt, job.pauseNote});
    return out;
}

} // namespace punctual
