// Looking at a store without changing it: integrity, schema version and unreadable rows (punctualctl check).
#include "storehealth.h"

#include "store/sqljobstore.h"

#include <QFileInfo>

namespace punctual {

using sqlstore::SqlStoreText;

namespace {

Result<std::unique_ptr<SqlJobStore>> openToLook(const StoreLocation &location)
{
    if (location.postgres)
        return SqlJobStore::openPostgres(*location.postgres, SqlJobStore::OpenMode::ReadOnly);
    return SqlJobStore::openSqlite(location.resolvedPath(), SqlJobStore::OpenMode::ReadOnly);
}

} // namespace

Result<StoreHealth> inspectStore(const StoreLocation &location, IntegrityCheck depth)
{
    auto opened = openToLook(location);
    if (!opened)
        return opened.error();
    SqlJobStore &store = *opened.value();
    StoreHealth health;
    health.store = store.describe();
    health.schemaVersion = store.schemaVersionFound();
    health.integrityChecked = !location.postgres;
    auto damage = store.integrityProblems(depth);
    if (!damage)
        return damage.error();
    health.damage = std::move(damage).value();
    // Rows of a newer schema are not this build's to judge.
    if (!health.schemaReadable()) {
        health.rowsNotRead = SqlStoreText::tr("written by a newer Punctual");
        return health;
    }
    auto jobs = store.jobs(health.unreadableJobs);
    if (!jobs) {
        // Damage the check found may stop the reading too: that is one more thing to report, not a failure.
        if (health.damage.isEmpty())
            return jobs.error();
        health.rowsNotRead = jobs.error().message;
        health.unreadableJobs.clear();
        return health;
    }
    health.rowsChecked = true;
    health.jobRows = int(jobs->size() + health.unreadableJobs.size());
    return health;
}

Result<void> checkStoreIntact(const StoreLocation &location)
{
    if (location.postgres || !QFileInfo::exists(location.resolvedPath()))
        return {};
    auto opened = SqlJobStore::openSqlite(location.resolvedPath(), SqlJobStore::OpenMode::ReadOnly);
    if (!opened)
        return opened.error();
    return opened.value()->checkIntegrity(IntegrityCheck::Quick);
}

} // namespace punctual
