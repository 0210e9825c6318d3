// Builds an http action from punctualctl's options, checked by the same rules as a job file.
#include "httpoptions.h"

#include "cli.h"
#include "time/duration.h"

#include <QFile>

namespace punctual::cli {

HttpCommandOptions::HttpCommandOptions()
    : http(QStringLiteral("http"),
           tr("The job requests this URL (repeatable: every URL is requested at each run) instead of running a "
              "command."),
           tr("URL"))
    , method(QStringLiteral("method"), tr("http: GET (default), HEAD or POST."), tr("METHOD"))
    , body(QStringLiteral("body"), tr("http: the body a POST sends."), tr("TEXT"))
    , bodyFile(QStringLiteral("body-file"), tr("http: send this file's contents as the POST body."), tr("FILE"))
    , contentType(QStringLiteral("content-type"),
                  tr("http: the POST body's Content-Type (default application/octet-stream)."), tr("TYPE"))
    , header(QStringLiteral("header"), tr("http: an extra request header (repeatable)."), tr("\"NAME: VALUE\""))
    , concurrency(QStringLiteral("concurrency"), tr("http: requests in flight at once, 1-64 (default 4)."),
                  tr("N"))
    , requestTimeout(QStringLiteral("request-timeout"),
                     tr("http: a URL not answered completely after S seconds fails (default 30)."), tr("S"))
    , noFollowRedirects(QStringLiteral("no-follow-redirects"),
                        tr("http: record a redirect as the answer instead of following it."))
    , followRedirects(QStringLiteral("follow-redirects"), tr("http: follow redirects (default)."))
    , allowHttpErrors(QStringLiteral("allow-http-errors"),
                      tr("http: a status other than 2xx does not fail the run (network errors and timeouts do)."))
    , failOnHttpErrors(QStringLiteral("fail-on-http-errors"),
                       tr("http: a status other than 2xx fails the run (default)."))
{
}

void HttpCommandOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({http, method, body, bodyFile, contentType, header, concurrency, requestTimeout,
                       noFollowRedirects, followRedirects, allowHttpErrors, failOnHttpErrors});
}

bool HttpCommandOptions::requested(const QCommandLineParser &parser) const
{
    for (const QCommandLineOption *o : {&http, &method, &body, &bodyFile, &contentType, &header, &concurrency,
                                        &requestTimeout, &noFollowRedirects, &followRedirects, &allowHttpErrors,
                                        &failOnHttpErrors}) {
        if (parser.isSet(*o))
            return true;
    }
    return false;
}

Result<std::optional<Action>> HttpCommandOptions::action(const QCommandLineParser &parser, const QStringList &words,
                                                         const std::optional<Action> &base) const
{
    if (!words.isEmpty())
        return invalidInput(tr("an http job requests URLs, not a command: give them with --http, not after \"--\""));
    const HttpAction *current = base ? std::get_if<HttpAction>(&*base) : nullptr;
    if (!current && !parser.isSet(http))
        return invalidInput(base ? tr("this job does not request URLs: give --http URL to make it an http job")
                                 : tr("give the URLs to request with --http URL"));
    HttpAction action = current ? *current : HttpAction{};
    if (parser.isSet(http))
        action.urls = parser.values(http);
    if (parser.isSet(method))
        action.method = parser.value(method).trimmed().toUpper();
    if (parser.isSet(body) && parser.isSet(bodyFile))
        return invalidInput(tr("give --body or --body-file, not both"));
    if (parser.isSet(body))
        action.body = parser.value(body).toUtf8();
    if (parser.isSet(bodyFile)) {
        QFile file(parser.value(bodyFile));
        if (!file.open(QIODevice::ReadOnly))
            return invalidInput(tr("--body-file: cannot read \"%1\": %2").arg(file.fileName(), file.errorString()));
        action.body = file.readAll();
    }
    if (parser.isSet(contentType))
        action.contentType = parser.value(contentType).trimmed();
    if ((parser.isSet(body) || parser.isSet(bodyFile)) && !parser.isSet(method))
        action.method = QStringLiteral("POST"); // a body says POST, as curl --data does
    if ((parser.isSet(body) || parser.isSet(bodyFile) || parser.isSet(contentType))
        && action.method != QLatin1String("POST"))
        return invalidInput(tr("--body, --body-file and --content-type are for --method POST"));
    if (parser.isSet(header)) {
        action.headers.clear();
        for (const QString &line : parser.values(header)) {
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return invalidInput(tr("--header needs \"NAME: VALUE\", not \"%1\"").arg(line));
            action.headers.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
        }
    }
    if (parser.isSet(concurrency)) {
        bool ok = false;
        action.concurrency = parser.value(concurrency).toInt(&ok);
        if (!ok)
            return invalidInput(tr("--concurrency needs a whole number from 1 to 64"));
    }
    if (parser.isSet(requestTimeout)) {
        auto ms = parseSecondsMs(parser.value(requestTimeout), false);
        if (!ms || ms.value() <= 0)
            return invalidInput(tr("--request-timeout needs a positive number of seconds"));
        action.requestTimeoutMs = ms.value();
    }
    if (parser.isSet(noFollowRedirects) && parser.isSet(followRedirects))
        return invalidInput(tr("give --follow-redirects or --no-follow-redirects, not both"));
    if (parser.isSet(noFollowRedirects) || parser.isSet(followRedirects))
        action.followRedirects = parser.isSet(followRedirects);
    if (parser.isSet(allowHttpErrors) && parser.isSet(failOnHttpErrors))
        return invalidInput(tr("give --allow-http-errors or --fail-on-http-errors, not both"));
    if (parser.isSet(allowHttpErrors) || parser.isSet(failOnHttpErrors))
        action.failOnHttpError = parser.isSet(failOnHttpErrors);

    // The same rules as a job file, so both say the same about a bad URL or value.
    auto checked = actionFromJson(actionToJson(action));
    if (!checked)
        return invalidInput(checked.error().message);
    return std::optional<Action>(checked.value());
}

} // namespace punctual::cli
