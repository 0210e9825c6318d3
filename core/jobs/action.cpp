// JSON form and description of job actions.
#include "action.h"

#include "time/duration.h"
#include "util/jsonfields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace punctual {

namespace {

class ActionText
{
    Q_DECLARE_TR_FUNCTIONS(Action)
};

QString quoteArgument(const QString &argument)
{
    static const QString safe = QStringLiteral("-_./=:,+@%");
    const bool plain = !argument.isEmpty() && std::all_of(argument.begin(), argument.end(), [](QChar c) {
        return c.isLetterOrNumber() || safe.contains(c);
    });
    if (plain)
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString passwordSourceName(PasswordSource source)
{
    switch (source) {
    case PasswordSource::Keychain: return QStringLiteral("keychain");
    case PasswordSource::Environment: return QStringLiteral("environment");
    case PasswordSource::None: break;
    }
    return QStringLiteral("none");
}

QJsonObject sqlActionToJson(const SqlAction &sql)
{
    const SqlConnection &c = sql.connection;
    QJsonObject connection{{QStringLiteral("name"), c.name},
                           {QStringLiteral("driver"), c.driver},
                           {QStringLiteral("database"), c.database},
                           {QStringLiteral("password"), passwordSourceName(c.passwordSource)}};
    if (!c.host.isEmpty())
        connection.insert(QStringLiteral("host"), c.host);
    if (c.port != 0)
        connection.insert(QStringLiteral("port"), c.port);
    if (!c.user.isEmpty())
        connection.insert(QStringLiteral("user"), c.user);
    if (!c.options.isEmpty())
        connection.insert(QStringLiteral("options"), c.options);
    if (c.passwordSource == PasswordSource::Environment)
        connection.insert(QStringLiteral("password_variable"), c.passwordVariable);
    QJsonObject json{{QStringLiteral("type"), QStringLiteral("sql")},
                     {QStringLiteral("connection"), connection},
                     {QStringLiteral("statements"), QJsonArray::fromStringList(sql.statements)}};
    json.insert(QStringLiteral("statement_timeout"),
                sql.statementTimeoutMs ? QJsonValue(double(*sql.statementTimeoutMs) / 1000.0) : QJsonValue());
    return json;
}

Result<Action> sqlActionFromJson(const QJsonObject &json)
{
    SqlAction sql;
    auto connectionJson = jsonfields::object(json, QStringLiteral("connection"));
    if (!connectionJson)
        return connectionJson.error();
    const QJsonObject connection = connectionJson.value();
    SqlConnection &c = sql.connection;
    for (const auto &[key, target] : {std::pair{QStringLiteral("name"), &c.name},
                                      std::pair{QStringLiteral("driver"), &c.driver},
                                      std::pair{QStringLiteral("host"), &c.host},
                                      std::pair{QStringLiteral("database"), &c.database},
                                      std::pair{QStringLiteral("user"), &c.user},
                                      std::pair{QStringLiteral("options"), &c.options},
                                      std::pair{QStringLiteral("password_variable"), &c.passwordVariable}}) {
        auto value = jsonfields::string(connection, key, *target);
        if (!value)
            return value.error();
        *target = value.value();
    }
    auto port = jsonfields::number(connection, QStringLiteral("port"), 0);
    if (!port)
        return port.error();
    if (port.value() != std::floor(port.value()) || port.value() < 0 || port.value() > 65535)
        return invalidInput(ActionText::tr("port %1 is out of range 1-65535").arg(port.value()));
    c.port = static_cast<int>(port.value());
    if (connection.contains(QStringLiteral("password_text")) || connection.contains(QStringLiteral("password_value"))
        || connection.contains(QStringLiteral("passwd")) || connection.contains(QStringLiteral("secret")))
        return invalidInput(ActionText::tr("an sql connection must not contain a password; keep it in the "
                                           "keychain or in an environment variable"));
    if (c.options.contains(QLatin1String("password"), Qt::CaseInsensitive))
        return invalidInput(ActionText::tr("an sql connection's options must not contain a password; keep it in the "
                                           "keychain or in an environment variable"));
    // An ODBC connection string in "database" may carry PWD=/Password= (also a URL's user:password@): refused
    // like any password, without echoing it.
    static const QRegularExpression odbcPassword(QStringLiteral(R"((^|;)\s*(pwd|password)\s*=)"),
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression urlPassword(QStringLiteral(R"(://[^/@\s]*:[^/@\s]*@)"));
    if (c.database.contains(odbcPassword) || c.database.contains(urlPassword) || c.host.contains(urlPassword))
        return invalidInput(ActionText::tr("an sql connection's database must not contain a password (PWD=); keep it "
                                           "in the keychain or in an environment variable"));
    const QJsonValue sourceValue = connection.value(QStringLiteral("password"));
    const QString source = sourceValue.isUndefined() ? QStringLiteral("none") : sourceValue.toString();
    if (source == QLatin1String("keychain"))
        c.passwordSource = PasswordSource::Keychain;
    else if (source == QLatin1String("environment"))
        c.passwordSource = PasswordSource::Environment;
    else if (source != QLatin1String("none"))
        // Most likely a password typed in: never echo it back.
        return invalidInput(ActionText::tr("an sql connection's \"password\" says where the password is kept: none, "
                                           "keychain or environment; a password itself is never kept in a job"));
    if (c.passwordSource != PasswordSource::Environment)
        c.passwordVariable.clear(); // means nothing then, and is not stored
    if (c.driver.isEmpty())
        return invalidInput(ActionText::tr("an sql action needs a database driver"));
    if (c.database.isEmpty())
        return invalidInput(ActionText::tr("an sql action needs a database"));
    if (c.passwordSource == PasswordSource::Keychain && c.name.isEmpty())
        return invalidInput(ActionText::tr("a connection whose password is in the keychain needs a name"));
    if (c.passwordSource == PasswordSource::Environment && c.passwordVariable.isEmpty())
        return invalidInput(ActionText::tr("name the environment variable that holds the password"));
    auto statements = jsonfields::stringList(json, QStringLiteral("statements"));
    if (!statements)
        return statements.error();
    for (const QString &statement : std::as_const(statements.value()))
        if (!statement.trimmed().isEmpty())
            sql.statements << statement;
    if (sql.statements.isEmpty())
        return invalidInput(ActionText::tr("an sql action needs at least one statement"));
    const QJsonValue timeout = json.value(QStringLiteral("statement_timeout"));
    if (timeout.isNull())
        sql.statementTimeoutMs.reset();
    else if (!timeout.isUndefined()) {
        if (!timeout.isDouble() || timeout.toDouble() <= 0)
            return invalidInput(ActionText::tr("statement_timeout must be a positive number of seconds or null"));
        auto ms = durationFromSeconds(timeout.toDouble(), QStringLiteral("statement_timeout"), false);
        if (!ms)
            return ms.error();
        sql.statementTimeoutMs = ms.value();
    }
    return Action{std::move(sql)};
}

QJsonObject httpActionToJson(const HttpAction &http)
{
    QJsonObject json{{QStringLiteral("type"), QStringLiteral("http")},
                     {QStringLiteral("urls"), QJsonArray::fromStringList(http.urls)},
                     {QStringLiteral("method"), http.method},
                     {QStringLiteral("concurrency"), http.concurrency},
                     {QStringLiteral("request_timeout"), double(http.requestTimeoutMs) / 1000.0},
                     {QStringLiteral("follow_redirects"), http.followRedirects},
                     {QStringLiteral("fail_on_http_error"), http.failOnHttpError}};
    if (!http.body.isEmpty())
        json.insert(QStringLiteral("body"), QString::fromUtf8(http.body));
    if (!http.contentType.isEmpty())
        json.insert(QStringLiteral("content_type"), http.contentType);
    if (!http.headers.isEmpty()) {
        QJsonObject headers;
        for (auto it = http.headers.cbegin(); it != http.headers.cend(); ++it)
            headers.insert(it.key(), it.value());
        json.insert(QStringLiteral("headers"), headers);
    }
    return json;
}

Result<Action> httpActionFromJson(const QJsonObject &json)
{
    HttpAction http;
    auto urls = jsonfields::stringList(json, QStringLiteral("urls"));
    if (!urls)
        return urls.error();
    for (const QString &url : std::as_const(urls.value())) {
        const QString text = url.trimmed();
        if (text.isEmpty())
            continue;
        if (const QString problem = httpUrlProblem(text); !problem.isEmpty())
            return invalidInput(problem);
        http.urls << text;
    }
    if (http.urls.isEmpty())
        return invalidInput(ActionText::tr("an http action needs at least one URL"));
    auto method = jsonfields::string(json, QStringLiteral("method"), http.method);
    if (!method)
        return method.error();
    http.method = method.value().toUpper();
    if (http.method != QLatin1String("GET") && http.method != QLatin1String("HEAD") && http.method != QLatin1String("POST"))
        return invalidInput(ActionText::tr("unknown HTTP method \"%1\" (GET, HEAD or POST)").arg(http.method));
    auto body = jsonfields::string(json, QStringLiteral("body"));
    if (!body)
        return body.error();
    http.body = body.value().toUtf8();
    auto contentType = jsonfields::string(json, QStringLiteral("content_type"));
    if (!contentType)
        return contentType.error();
    http.contentType = contentType.value();
    auto headers = jsonfields::stringMap(json, QStringLiteral("headers"));
    if (!headers)
        return headers.error();
    for (auto it = headers->cbegin(); it != headers->cend(); ++it) {
        // CR, LF or NUL would end the header and start another one of the sender's choosing.
        const auto breaksLine = [](const QString &text) {
            return text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n')) || text.contains(QChar(0));
        };
        if (it.key().isEmpty() || breaksLine(it.key()) || breaksLine(it.value()))
            return invalidInput(ActionText::tr("HTTP header names and values must be one line without CR, LF or NUL"));
    }
    http.headers = headers.value();
    auto concurrency = jsonfields::number(json, QStringLiteral("concurrency"), http.concurrency);
    if (!concurrency)
        return concurrency.error();
    if (concurrency.value() != std::floor(concurrency.value()) || concurrency.value() < 1 || concurrency.value() > 64)
        return invalidInput(ActionText::tr("concurrency must be between 1 and 64"));
    http.concurrency = static_cast<int>(concurrency.value());
    auto timeout = jsonfields::number(json, QStringLiteral("request_timeout"), double(http.requestTimeoutMs) / 1000.0);
    if (!timeout)
        return timeout.error();
    auto timeoutMs = durationFromSeconds(timeout.value(), QStringLiteral("request_timeout"), false);
    if (!timeoutMs)
        return timeoutMs.error();
    http.requestTimeoutMs = timeoutMs.value();
    for (const auto &[key, target] : {std::pair{QStringLiteral("follow_redirects"), &http.followRedirects},
                                      std::pair{QStringLiteral("fail_on_http_error"), &http.failOnHttpError}}) {
        auto value = jsonfields::boolean(json, key, *target);
        if (!value)
            return value.error();
        *target = value.value();
    }
    return Action{std::move(http)};
}

Result<Action> commandActionFromJson(const QJsonObject &json)
{
    CommandAction command;
    auto program = jsonfields::string(json, QStringLiteral("program"));
    if (!program)
        return program.error();
    command.program = program.value();
    if (command.program.isEmpty())
        return invalidInput(ActionText::tr("a command action needs a program"));
    auto arguments = jsonfields::stringList(json, QStringLiteral("arguments"));
    if (!arguments)
        return arguments.error();
    command.arguments = arguments.value();
    auto workingDirectory = jsonfields::string(json, QStringLiteral("working_directory"));
    if (!workingDirectory)
        return workingDirectory.error();
    command.workingDirectory = workingDirectory.value();
    auto environment = jsonfields::stringMap(json, QStringLiteral("environment"));
    if (!environment)
        return environment.error();
    command.environment = environment.value();
    auto shell = jsonfields::boolean(json, QStringLiteral("shell"), false);
    if (!shell)
        return shell.error();
    command.useShell = shell.value();
    // A whole number of bytes up to 1 GiB: what is kept of a run's output lives in memory and in the history.
    constexpr double maxCap = 1024.0 * 1024 * 1024;
    auto cap = jsonfields::number(json, QStringLiteral("output_cap_bytes"), double(command.outputCapBytes));
    if (!cap || !std::isfinite(cap.value()) || cap.value() < 0 || cap.value() > maxCap
        || cap.value() != std::floor(cap.value()))
        return invalidInput(ActionText::tr("output_cap_bytes must be a whole number of bytes from 0 to 1 GiB"));
    command.outputCapBytes = static_cast<std::int64_t>(cap.value());
    return Action{std::move(command)};
}

Result<Action> functionActionFromJson(const QJsonObject &json)
{
    FunctionAction function;
    auto name = jsonfields::string(json, QStringLiteral("name"));
    if (!name)
        return name.error();
    function.name = name.value();
    if (function.name.isEmpty())
        return invalidInput(ActionText::tr("a function action needs a name"));
    auto arguments = jsonfields::object(json, QStringLiteral("arguments"));
    if (!arguments)
        return arguments.error();
    function.arguments = arguments.value();
    return Action{std::move(function)};
}

} // namespace

QJsonObject actionToJson(const Action &action)
{
    if (const auto *command = std::get_if<CommandAction>(&action)) {
        QJsonObject json{{QStringLiteral("type"), QStringLiteral("command")},
                         {QStringLiteral("program"), command->program},
                         {QStringLiteral("arguments"), QJsonArray::fromStringList(command->arguments)}};
        if (!command->workingDirectory.isEmpty())
            json.insert(QStringLiteral("working_directory"), command->workingDirectory);
        if (!command->environment.isEmpty()) {
            QJsonObject environment;
            for (auto it = command->environment.cbegin(); it != command->environment.cend(); ++it)
                environment.insert(it.key(), it.value());
            json.insert(QStringLiteral("environment"), environment);
        }
        if (command->useShell)
            json.insert(QStringLiteral("shell"), true);
        if (command->outputCapBytes != CommandAction{}.outputCapBytes)
            json.insert(QStringLiteral("output_cap_bytes"), static_cast<double>(command->outputCapBytes));
        return json;
    }
    if (const auto *sql = std::get_if<SqlAction>(&action))
        return sqlActionToJson(*sql);
    if (const auto *http = std::get_if<HttpAction>(&action))
        return httpActionToJson(*http);
    const auto &function = std::get<FunctionAction>(action);
    QJsonObject json{{QStringLiteral("type"), QStringLiteral("function")}, {QStringLiteral("name"), function.name}};
    if (!function.arguments.isEmpty())
        json.insert(QStringLiteral("arguments"), function.arguments);
    return json;
}

Result<Action> actionFromJson(const QJsonObject &json)
{
    auto type = jsonfields::string(json, QStringLiteral("type"));
    if (!type)
        return type.error();
    if (type.value() == QLatin1String("command"))
        return commandActionFromJson(json);
    if (type.value() == QLatin1String("function"))
        return functionActionFromJson(json);
    if (type.value() == QLatin1String("sql"))
        return sqlActionFromJson(json);
    if (type.value() == QLatin1String("http"))
        return httpActionFromJson(json);
    return invalidInput(ActionText::tr("unknown action type \"%1\"").arg(type.value()));
}

QString httpUrlProblem(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))
        || parsed.host().isEmpty())
        return ActionText::tr("\"%1\" is not an http or https URL").arg(url);
    return {};
}

QString passwordVariableOf(const Action &action)
{
    const auto *sql = std::get_if<SqlAction>(&action);
    if (!sql || sql->connection.passwordSource != PasswordSource::Environment)
        return {};
    return sql->connection.passwordVariable;
}

QString describeAction(const Action &action)
{
    if (const auto *command = std::get_if<CommandAction>(&action)) {
        if (command->useShell)
            return command->program;
        QStringList words{quoteArgument(command->program)};
        for (const QString &argument : command->arguments)
            words << quoteArgument(argument);
        return words.join(QLatin1Char(' '));
    }
    if (const auto *sql = std::get_if<SqlAction>(&action)) {
        const QString where = sql->connection.name.isEmpty() ? sql->connection.database : sql->connection.name;
        return ActionText::tr("SQL on %1: %n statement(s)", nullptr, int(sql->statements.size())).arg(where);
    }
    if (const auto *http = std::get_if<HttpAction>(&action)) {
        if (http->urls.size() == 1)
            return QStringLiteral("%1 %2").arg(http->method, http->urls.constFirst());
        return ActionText::tr("%1 %2 URLs").arg(http->method).arg(http->urls.size());
    }
    return ActionText::tr("function %1").arg(std::get<FunctionAction>(action).name);
}

} // namespace punctual
