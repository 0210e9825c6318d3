// Store locations and opening them.
#include "storelocation.h"

#include "store/sqljobstore.h"
#include "util/redact.h"

#include <QCoreApplication>
#include <QDir>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QUrl>
#include <QUrlQuery>

namespace punctual {

namespace {

class LocationText
{
    Q_DECLARE_TR_FUNCTIONS(StoreLocation)
};

const QString keyPrefix = QStringLiteral("/postgresql/");

/// Instance ids go into SQL literals, lock names and paths: letters, digits, '.', '_' and '-' only.
bool validInstanceId(const QString &id)
{
    if (id.isEmpty() || id.size() > 100)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('.') || c == QLatin1Char('_')
               || c == QLatin1Char('-');
    });
}

Result<StoreLocation> postgresFromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    // Messages never repeat a password given in the URL.
    const QString shown = url.isValid() ? url.toString(QUrl::RemovePassword) : QStringLiteral("postgresql://…");
    const auto bad = [&shown](const QString &why) {
        return invalidInput(LocationText::tr("\"%1\" is not a PostgreSQL store URL: %2").arg(shown, why));
    };
    if (!url.isValid())
        return bad(withoutUrlSecrets(url.errorString()));
    if (!url.password().isEmpty()) {
        return bad(LocationText::tr("it holds a password; give it in PGPASSWORD or ~/.pgpass instead, so it is "
                                    "never written into settings or logs"));
    }
    PostgresLocation pg;
    pg.user = url.userName();
    pg.host = url.host();
    pg.port = url.port(5432);
    pg.database = url.path().mid(1);
    if (pg.host.isEmpty())
        return bad(LocationText::tr("no host (expected postgresql://user@host:port/db)"));
    if (pg.database.isEmpty() || pg.database.contains(QLatin1Char('/')))
        return bad(LocationText::tr("no database name (expected postgresql://user@host:port/db)"));
    if (pg.user.isEmpty())
        pg.user = qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER"));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("instance")) {
            if (!validInstanceId(value))
                return bad(LocationText::tr("instance=%1: use up to 100 letters, digits, '.', '_' or '-'").arg(value));
            pg.instanceId = value;
            pg.configuredInstance = true;
        } else if (key == QLatin1String("lease")) {
            bool ok = false;
            const double seconds = value.toDouble(&ok);
            if (!ok || seconds < 1 || seconds > 86'400)
                return bad(LocationText::tr("lease=%1: give a number of seconds from 1 to 86400").arg(value));
            pg.leaseMs = static_cast<std::int64_t>(seconds * 1000);
        } else {
            return bad(LocationText::tr("unknown parameter \"%1\" (known: instance, lease)").arg(key));
        }
    }
    if (pg.instanceId.isEmpty())
        pg.instanceId = PostgresLocation::generateInstanceId();
    StoreLocation location;
    location.postgres = pg;
    return location;
}

} // namespace

QString PostgresLocation::url() const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString PostgresLocation::instanceKey() const
{
    return QStringLiteral("%1%2@%3:%4/%5/%6").arg(keyPrefix, user, host).arg(port).arg(database, instanceId);
}

std::optional<PostgresLocation> PostgresLocation::fromInstanceKey(const QString &key)
{
    if (!key.startsWith(keyPrefix))
        return std::nullopt;
    const QStringList parts = key.mid(keyPrefix.size()).split(QLatin1Char('/'));
    if (parts.size() != 3)
        return std::nullopt;
    const qsizetype at = parts[0].lastIndexOf(QLatin1Char('@'));
    const qsizetype colon = parts[0].lastIndexOf(QLatin1Char(':'));
    if (at < 0 || colon < at)
        return std::nullopt;
    PostgresLocation pg;
    pg.user = parts[0].left(at);
    pg.host = parts[0].mid(at + 1, colon - at - 1);
    bool ok = false;
    pg.port = parts[0].mid(colon + 1).toInt(&ok);
    pg.database = parts[1];
    pg.instanceId = parts[2];
    if (!ok || pg.host.isEmpty() || pg.database.isEmpty() || pg.instanceId.isEmpty())
        return std::nullopt;
    return pg;
}

QString PostgresLocation::generateInstanceId()
{
    QString host = QSysInfo::machineHostName();
    host.removeIf([](QChar c) { return !validInstanceId(QString(c)); });
    if (host.isEmpty())
        host = QStringLiteral("host");
    return QStringLiteral("%1-%2-%3")
        .arg(host.left(60))
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::system()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
}

StoreLocation StoreLocation::fromPath(const QString &path)
{
    return {path, true, std::nullopt};
}

Result<StoreLocation> StoreLocation::fromUserText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return StoreLocation{};
    if (trimmed.contains(QLatin1String("://")) || trimmed.startsWith(QLatin1String("sqlite:")))
        return fromUrl(trimmed);
    return fromPath(trimmed);
}

Result<StoreLocation> StoreLocation::fromSettings(const QString &text, const QString &settingsFile)
{
    auto location = fromUserText(text);
    if (!location)
        return invalidInput(LocationText::tr("the job store chosen in the settings (%1) is not valid: %2")
                                .arg(settingsFile, location.error().message));
    return location;
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
    if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://")))
        return postgresFromUrl(url);
    return invalidInput(
        LocationText::tr("\"%1\" is not a store URL (expected sqlite:PATH or postgresql://user@host:port/db)")
            .arg(url));
}

QString StoreLocation::resolvedPath() const
{
    if (postgres)
        return postgres->instanceKey();
    return explicitPath ? sqlitePath : SqlJobStore::defaultSqlitePath();
}

Result<std::unique_ptr<JobStore>> StoreLocation::open() const
{
    auto store = postgres ? SqlJobStore::openPostgres(*postgres)
                          : SqlJobStore::openSqlite(resolvedPath(), explicitPath ? SqlJobStore::OpenMode::ExplicitPath
                                                                                 : SqlJobStore::OpenMode::DefaultStore);
    if (!store)
        return store.error();
    return std::unique_ptr<JobStore>(std::move(store).value());
}

Result<std::unique_ptr<JobStore>> StoreLocation::openForHost(std::optional<Error> &unreachable) const
{
    unreachable.reset();
    if (!postgres)
        return open();
    auto store = SqlJobStore::openPostgresOrLater(*postgres, unreachable);
    if (!store)
        return store.error();
    return std::unique_ptr<JobStore>(std::move(store).value());
}

Result<std::unique_ptr<JobStore>> StoreLocation::openReadOnly() const
{
    auto store = postgres ? SqlJobStore::openPostgres(*postgres, SqlJobStore::OpenMode::ReadOnly)
                          : SqlJobStore::openSqlite(resolvedPath(), SqlJobStore::OpenMode::ReadOnly);
    if (!store)
        return store.error();
    return std::unique_ptr<JobStore>(std::move(store).value());
}

QString StoreLocation::describe() const
{
    if (postgres)
        return QStringLiteral("PostgreSQL %1").arg(withoutUrlSecrets(postgres->url()));
    return QStringLiteral("SQLite %1").arg(QDir::toNativeSeparators(resolvedPath()));
}

} // namespace punctual
