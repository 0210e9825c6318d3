// Defaults of the JobStore interface that any store can answer from its other calls.
#include "jobstore.h"

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

} // namespace punctual
