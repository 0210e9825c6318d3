// Store locations and opening them.
#include "storelocation.h"

#include "store/sqljobstore.h"

#include <QCoreApplication>

namespace punctual {

namespace {

class LocationText
{
    Q_DECLARE_TR_FUNCTIONS(StoreLocation)
};

} // namespace

StoreLocation StoreLocation::fromPath(const QString &path)
{
    return {path, true};
}

Result<StoreLocation> StoreLocation::fromUrl(const QString &url)
{
    if (url.startsWith(QLatin1String("sqlite:"))) {
        QString path = url.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (path.isEmpty())
            return invalidInput(LocationText::tr("\"%1\" names no file (expected sqlite:PATH)").arg(url));
        return fromPath(path);
    }
    if (url.startsWith(QLatin1String("postgresql:")) || url.startsWith(QLatin1String("postgres:")))
        return Error{ErrorCode::StoreFailure,
                     LocationText::tr("PostgreSQL stores are not supported by this version yet (use sqlite:PATH)")};
    return invalidInput(
        LocationText::tr("\"%1\" is not a store URL (expected sqlite:PATH or postgresql://user@host:port/db)")
            .arg(url));
}

QString StoreLocation::resolvedPath() const
{
    return explicitPath ? sqlitePath : SqlJobStore::defaultSqlitePath();
}

Result<std::unique_ptr<JobStore>> StoreLocation::open() const
{
    auto store = SqlJobStore::openSqlite(resolvedPath(), explicitPath ? SqlJobStore::OpenMode::ExplicitPath
                                                                      : SqlJobStore::OpenMode::DefaultStore);
    if (!store)
        return store.error();
    return std::unique_ptr<JobStore>(std::move(store).value());
}

} // namespace punctual
