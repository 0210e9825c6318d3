// punctualctl's http job options (add --http URL ..., modify ID --concurrency N) and the action they build.
#pragma once

#include "jobs/action.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace punctual::cli {

/**
 * --http URL (repeatable) --method GET|HEAD|POST --body TEXT | --body-file FILE --content-type TYPE
 * --header "NAME: VALUE" (repeatable) --concurrency N --request-timeout S --no-follow-redirects |
 * --follow-redirects --allow-http-errors | --fail-on-http-errors.
 * A new http job needs at least one --http; modify changes only the options given (--http replaces all URLs,
 * --header all headers). Checked by the same rules as a job file.
 */
class HttpCommandOptions
{
public:
    HttpCommandOptions();

    void addTo(QCommandLineParser &parser) const;
    /// Whether any http option is given (the job is, or becomes, an http job).
    bool requested(const QCommandLineParser &parser) const;
    /// The http action: @p base changed by the options given (modify), or a new one when @p base is empty or
    /// not an http action. @p words (after "--") must be empty.
    Result<std::optional<Action>> action(const QCommandLineParser &parser, const QStringList &words,
                                         const std::optional<Action> &base) const;

    QCommandLineOption http, method, body, bodyFile, contentType, header, concurrency, requestTimeout,
        noFollowRedirects, followRedirects, allowHttpErrors, failOnHttpErrors;
};

} // namespace punctual::cli
