// What a job runs: a command (a real process), a registered C++ function, SQL statements or HTTP requests.
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <variant>

namespace punctual {

/// A program with its argument list (no shell unless useShell), run by CommandExecutor.
struct CommandAction
{
    QString program;
    QStringList arguments;
    QString workingDirectory;            ///< empty: the scheduler's own
    QMap<QString, QString> environment;  ///< added to (or overriding) the scheduler's environment
    bool useShell = false;               ///< run `program` as a /bin/sh -c command line, arguments as $1...
    std::int64_t outputCapBytes = 1 << 20; ///< stdout+stderr kept per run; the tail is kept

    bool operator==(const CommandAction &) const = default;
};

/// A C++ callable registered under a name (FunctionRegistry); the job stores the name, so it survives restarts.
struct FunctionAction
{
    QString name;
    QJsonObject arguments;

    bool operator==(const FunctionAction &) const = default;
};

/// Where an sql action's password comes from. It is never kept in the job store.
enum class PasswordSource
{
    None,        ///< no password (SQLite, trust or peer authentication)
    Keychain,    ///< the system keychain (QtKeychain), under the connection's name
    Environment, ///< an environment variable of the scheduler's process, named by passwordVariable
};

/// A named database connection (QSqlDatabase driver and its parameters) an sql action runs on.
struct SqlConnection
{
    QString name;         ///< the user's name for it; also the keychain entry's key
    QString driver = QStringLiteral("QSQLITE"); ///< QSQLITE, QPSQL, QMYSQL, QODBC
    QString host;
    int port = 0;         ///< 0: the driver's default
    QString database;     ///< for QSQLITE the database file
    QString user;
    QString options;      ///< QSqlDatabase::setConnectOptions text, rarely needed
    PasswordSource passwordSource = PasswordSource::None;
    QString passwordVariable; ///< for PasswordSource::Environment

    bool operator==(const SqlConnection &) const = default;
};

/// SQL statements run in one transaction on their own connection; :scheduled_time and :now are bound.
struct SqlAction
{
    SqlConnection connection;
    QStringList statements;
    std::optional<std::int64_t> statementTimeoutMs = 60'000; ///< per statement; nullopt: no limit

    bool operator==(const SqlAction &) const = default;
};

/// URLs requested through QNetworkAccessManager, a few at a time (the cache warm-up job).
struct HttpAction
{
    QStringList urls;
    QString method = QStringLiteral("GET"); ///< GET, HEAD or POST
    QByteArray body;                        ///< for POST
    QString contentType;                    ///< for POST; empty: application/octet-stream
    QMap<QString, QString> headers;         ///< extra request headers
    int concurrency = 4;                    ///< requests in flight at once
    std::int64_t requestTimeoutMs = 30'000; ///< per request
    bool followRedirects = true;
    bool failOnHttpError = true;            ///< a status outside 200-299 fails the run (after all URLs ran)

    bool operator==(const HttpAction &) const = default;
};

using Action = std::variant<CommandAction, FunctionAction, SqlAction, HttpAction>;

/// {"type":"command","program",...}, {"type":"function","name",...}, {"type":"sql",...}, {"type":"http",...}.
QJsonObject actionToJson(const Action &action);
Result<Action> actionFromJson(const QJsonObject &json);
/// A short human form: "/usr/bin/backup --all", "function cleanup".
QString describeAction(const Action &action);
/// The environment variable @p action reads a password from (an sql action with PasswordSource::Environment);
/// empty otherwise.
QString passwordVariableOf(const Action &action);
/// Why an http action cannot request @p url (not http or https, no host, malformed), or empty when it can.
QString httpUrlProblem(const QString &url);

} // namespace punctual
