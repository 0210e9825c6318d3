// Builds an sql action from punctualctl's options, checked by the same rules as a job file.
#include "sqloptions.h"

#include "cli.h"
#include "executors/passwordprovider.h"
#include "time/duration.h"

#include <QDir>
#include <QSqlDatabase>
#include <QTextStream>

#include <cstdio>

namespace punctual::cli {

namespace {

/// QSQLITE for "sqlite", QPSQL for "postgresql", ...: the Qt driver name for what users call their database.
/// QMARIADB is the name Qt 6's MySQL plugin also answers to (the same driver as QMYSQL).
QString driverName(const QString &given)
{
    const QString lower = given.trimmed().toLower();
    if (lower == QLatin1String("sqlite") || lower == QLatin1String("sqlite3"))
        return QStringLiteral("QSQLITE");
    if (lower == QLatin1String("postgresql") || lower == QLatin1String("postgres") || lower == QLatin1String("pg"))
        return QStringLiteral("QPSQL");
    if (lower == QLatin1String("mysql"))
        return QStringLiteral("QMYSQL");
    if (lower == QLatin1String("mariadb"))
        return QStringLiteral("QMARIADB");
    if (lower == QLatin1String("odbc"))
        return QStringLiteral("QODBC");
    return given.trimmed().toUpper();
}

} // namespace

SqlCommandOptions::SqlCommandOptions()
    : sql(QStringLiteral("sql"), tr("The job runs SQL statements (the options below) instead of a command."))
    , connection(QStringLiteral("connection"),
                 tr("sql: a name for the connection (the keychain keeps its password under it)."), tr("NAME"))
    , driver(QStringLiteral("driver"),
             tr("sql: the database kind: sqlite (default), postgresql, mariadb, mysql, odbc, or a Qt driver name "
                "(QPSQL)."),
             tr("DRIVER"))
    , database(QStringLiteral("database"), tr("sql: the database name, or for SQLite the database file."), tr("DB"))
    , host(QStringLiteral("host"), tr("sql: the database server's host name."), tr("HOST"))
    , port(QStringLiteral("port"), tr("sql: the database server's port (default: the driver's)."), tr("PORT"))
    , user(QStringLiteral("user"), tr("sql: the database user."), tr("USER"))
    , passwordEnv(QStringLiteral("password-env"),
                  tr("sql: read the password, when the job runs, from this environment variable of the scheduler."),
                  tr("VAR"))
    , passwordKeychain(QStringLiteral("password-keychain"),
                       tr("sql: read the password from the system keychain (stored under the connection's name)."))
    , passwordStdin(QStringLiteral("password-stdin"),
                    tr("sql: read the password from standard input now and store it in the system keychain "
                       "(implies --password-keychain)."))
    , statement(QStringLiteral("statement"),
                tr("sql: a statement to run (repeatable; all run in one transaction). :scheduled_time and :now "
                   "are the run's times (:scheduled_time_ms, :now_ms in epoch milliseconds)."),
                tr("SQL"))
    , statementTimeout(QStringLiteral("statement-timeout"),
                       tr("sql: cancel a statement after S seconds (default 60; none = no limit)."), tr("S"))
{
}

void SqlCommandOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({sql, connection, driver, database, host, port, user, passwordEnv, passwordKeychain,
                       passwordStdin, statement, statementTimeout});
}

bool SqlCommandOptions::requested(const QCommandLineParser &parser) const
{
    for (const QCommandLineOption *o : {&sql, &connection, &driver, &database, &host, &port, &user, &passwordEnv,
                                        &passwordKeychain, &passwordStdin, &statement, &statementTimeout}) {
        if (parser.isSet(*o))
            return true;
    }
    return false;
}

Result<std::optional<Action>> SqlCommandOptions::action(const QCommandLineParser &parser, const QStringList &words,
                                                        const std::optional<Action> &base) const
{
    if (!words.isEmpty())
        return invalidInput(tr("an sql job runs statements, not a command: give them with --statement, not after "
                               "\"--\""));
    const SqlAction *current = base ? std::get_if<SqlAction>(&*base) : nullptr;
    if (base && !current && !parser.isSet(sql))
        return invalidInput(tr("this job does not run SQL: give --sql with the connection and statements to make "
                               "it an sql job"));
    SqlAction action = current ? *current : SqlAction{};
    SqlConnection &c = action.connection;
    if (parser.isSet(connection))
        c.name = parser.value(connection).trimmed();
    if (parser.isSet(driver)) {
        c.driver = driverName(parser.value(driver));
        static const QStringList known{QStringLiteral("QSQLITE"), QStringLiteral("QPSQL"), QStringLiteral("QMYSQL"),
                                       QStringLiteral("QMARIADB"), QStringLiteral("QODBC")};
        if (!known.contains(c.driver) && !QSqlDatabase::isDriverAvailable(c.driver))
            return invalidInput(tr("--driver: unknown database kind \"%1\" (sqlite, postgresql, mariadb, mysql, odbc)")
                                    .arg(parser.value(driver)));
    }
    if (parser.isSet(database))
        c.database = parser.value(database);
    if (parser.isSet(host))
        c.host = parser.value(host).trimmed();
    if (parser.isSet(port)) {
        bool ok = false;
        c.port = parser.value(port).toInt(&ok);
        if (!ok || c.port < 1 || c.port > 65535)
            return invalidInput(tr("--port needs a port number from 1 to 65535"));
    }
    if (parser.isSet(user))
        c.user = parser.value(user);
    const int sources = int(parser.isSet(passwordEnv)) + int(parser.isSet(passwordKeychain) || parser.isSet(passwordStdin));
    if (sources > 1)
        return invalidInput(tr("give --password-env or --password-keychain, not both"));
    if (parser.isSet(passwordEnv)) {
        c.passwordSource = PasswordSource::Environment;
        c.passwordVariable = parser.value(passwordEnv).trimmed();
    } else if (parser.isSet(passwordKeychain) || parser.isSet(passwordStdin)) {
        c.passwordSource = PasswordSource::Keychain;
        c.passwordVariable.clear();
    }
    if (parser.isSet(statement))
        action.statements = parser.values(statement);
    if (parser.isSet(statementTimeout)) {
        auto ms = parseSecondsMs(parser.value(statementTimeout), true);
        if (!ms || ms.value() == 0)
            return invalidInput(tr("--statement-timeout needs a positive number of seconds or \"none\""));
        action.statementTimeoutMs = ms.value() < 0 ? std::nullopt : std::optional(ms.value());
    }
    // A relative SQLite file means the caller's folder, which the scheduler does not share.
    if (c.driver == QLatin1String("QSQLITE") && !c.database.isEmpty() && c.database != QLatin1String(":memory:")
        && !c.database.startsWith(QLatin1String("file:")) && QDir::isRelativePath(c.database))
        c.database = QDir::current().absoluteFilePath(c.database);

    // The same rules as a job file, so both say the same about what is missing.
    auto checked = actionFromJson(actionToJson(action));
    if (!checked)
        return invalidInput(checked.error().message);

    if (parser.isSet(passwordStdin)) {
        const std::shared_ptr<Keychain> keychain = Keychain::installed();
        if (!keychain)
            return Error{ErrorCode::Io, tr("this punctualctl has no keychain support: use --password-env")};
        QTextStream in(stdin);
        const QString password = in.readLine();
        if (password.isEmpty())
            return invalidInput(tr("--password-stdin: no password on standard input"));
        if (auto stored = keychain->writePassword(c.name, password); !stored)
            return stored.error();
    }
    return std::optional<Action>(checked.value());
}

} // namespace punctual::cli
