// punctualctl's sql job options (add --sql ..., modify ID --statement ...) and the action they build.
#pragma once

#include "jobs/action.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace punctual::cli {

/**
 * --sql --connection NAME --driver DRIVER --database DB --host HOST --port PORT --user USER
 * (--password-env VAR | --password-keychain | --password-stdin) --statement SQL... --statement-timeout S|none.
 * A new sql job needs --database and at least one --statement; modify changes only the options given
 * (--statement replaces all statements). The password itself never goes into the job: --password-stdin reads
 * it from standard input and stores it in the system keychain under the connection's name.
 */
class SqlCommandOptions
{
public:
    SqlCommandOptions();

    void addTo(QCommandLineParser &parser) const;
    /// Whether any sql option is given (the job is, or becomes, an sql job).
    bool requested(const QCommandLineParser &parser) const;
    /// The sql action: @p base changed by the options given (modify), or a new one when @p base is empty.
    /// @p words (after "--") must be empty. Stores a --password-stdin password in the keychain.
    Result<std::optional<Action>> action(const QCommandLineParser &parser, const QStringList &words,
                                         const std::optional<Action> &base) const;

    QCommandLineOption sql, connection, driver, database, host, port, user, passwordEnv, passwordKeychain,
        passwordStdin, statement, statementTimeout;
};

} // namespace punctual::cli
