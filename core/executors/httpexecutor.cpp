// HTTP runs: the worker thread's QNetworkAccessManager, the per-run request queue, per-URL results and outcome.
#include "httpexecutor.h"

#include "time/clock.h"
#include "time/duration.h"
#include "util/longtimer.h"
#include "util/redact.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <limits>
#include <memory>
#include <vector>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcHttp, "punctual.executor.http")

// What Qt may buffer per reply before it stops reading the socket: a 1 GB page never sits in memory.
constexpr qint64 readBufferBytes = 64 * 1024;
// Failed URLs named in a run's error; the output lists them all.
constexpr int namedFailures = 5;

/// One URL of a run and what became of it.
struct UrlResult
{
    enum class State
    {
        Waiting,
        InFlight,
        Done,
        NotRequested, ///< the run was stopped or timed out before its turn
    };

    QString url;
    State state = State::Waiting;
    int status = 0;     ///< 0: no HTTP answer
    QString reason;     ///< the status line's reason phrase
    QString finalUrl;   ///< where redirects led, when somewhere else
    QString redirectTo; ///< a redirect that was not followed
    std::int64_t bytes = 0;
    std::int64_t ms = 0;
    QString problem; ///< why it failed; empty when it did not
    QElapsedTimer elapsed;
    LongTimer *timer = nullptr; ///< the request timeout, a child of the reply
};

} // namespace

/// Owns the QNetworkAccessManager; every member runs on the worker thread.
class HttpExecutor::Worker final : public QObject
{
public:
    Worker(HttpExecutor *executor, const Clock &clock)
        : m_executor(executor)
        , m_clock(clock)
    {
    }

    void startRun(std::uint64_t token, const HttpAction &action, std::optional<std::int64_t> jobTimeoutMs);
    void abortRun(std::uint64_t token, RunOutcome reason);
    /// Aborts everything without reporting and deletes the manager (before the thread stops).
    void shutdown();

private:
    struct Run
    {
        std::uint64_t token = 0;
        HttpAction action;
        std::optional<std::int64_t> jobTimeoutMs;
        std::int64_t startTime = 0;
        QElapsedTimer elapsed;
        std::vector<UrlResult> urls; // never resized once made: replies refer to entries by index
        std::size_t next = 0;
        std::unordered_map<QNetworkReply *, std::size_t> replies; // in flight -> index in urls
        std::optional<RunOutcome> abortReason;
    };

    QNetworkAccessManager *manager();
    Run *findRun(std::uint64_t token) const;
    void sendNext(Run &run);
    void send(Run &run, std::size_t index);
    void onFinished(std::uint64_t token, QNetworkReply *reply);
    void onRequestTimeout(std::uint64_t token, QNetworkReply *reply);
    /// @p reply's URL read to the end, timed and marked done; nullptr when the reply is no longer the run's.
    UrlResult *settle(Run &run, QNetworkReply *reply);
    /// After a URL ended: frees its reply, starts the next URL, reports the run when all have ended.
    void moveOn(Run &run, QNetworkReply *reply, std::uint64_t token);
    /// Stops listening to @p reply, aborts it if it still runs and lets it go.
    void release(Run &run, QNetworkReply *reply);
    void completeIfDone(std::uint64_t token);
    ExecutionResult resultOf(const Run &run) const;

    static void drain(QNetworkReply *reply, UrlResult &url);
    /// A 3xx answer the action does not follow: the redirect itself is the answer.
    static bool isKeptRedirect(const HttpAction &action, int status);
    static bool accepted(const HttpAction &action, int status);

    HttpExecutor *m_executor; // lives on the executor's thread: reached only through queued calls
    const Clock &m_clock;
    QNetworkAccessManager *m_manager = nullptr;
    std::unordered_map<std::uint64_t, std::unique_ptr<Run>> m_runs;
};

QNetworkAccessManager *HttpExecutor::Worker::manager()
{
    // Made here, on the worker thread, so its sockets and timers belong to it.
    if (!m_manager)
        m_manager = new QNetworkAccessManager(this);
    return m_manager;
}

HttpExecutor::Worker::Run *HttpExecutor::Worker::findRun(std::uint64_t token) const
{
    const auto it = m_runs.find(token);
    return it != m_runs.end() ? it->second.get() : nullptr;
}

void HttpExecutor::Worker::startRun(std::uint64_t token, const HttpAction &action,
                                    std::optional<std::int64_t> jobTimeoutMs)
{
    auto run = std::make_unique<Run>();
    run->token = token;
    run->action = action;
    run->action.concurrency = std::clamp(action.concurrency, 1, 64);
    run->jobTimeoutMs = jobTimeoutMs;
    run->startTime = m_clock.nowMs();
    run->elapsed.start();
    run->urls.resize(static_cast<std::size_t>(action.urls.size()));
    for (std::size_t i = 0; i < run->urls.size(); ++i)
        run->urls[i].url = action.urls[static_cast<qsizetype>(i)];
    Run &started = *run;
    m_runs.emplace(token, std::move(run));
    QMetaObject::invokeMethod(
        m_executor, [executor = m_executor, token, at = started.startTime] { executor->onWorkerStarted(token, at); },
        Qt::QueuedConnection);
    sendNext(started);
}

void HttpExecutor::Worker::sendNext(Run &run)
{
    while (!run.abortReason && run.next < run.urls.size()
           && run.replies.size() < static_cast<std::size_t>(run.action.concurrency))
        send(run, run.next++);
}

void HttpExecutor::Worker::send(Run &run, std::size_t index)
{
    UrlResult &url = run.urls[index];
    QNetworkRequest request{QUrl(url.url)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         run.action.followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                    : QNetworkRequest::ManualRedirectPolicy);
    request.setMaximumRedirectsAllowed(maxRedirects);
    // Runs are independent: no cookie set by one run is sent by the next.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Punctual"));
    for (auto it = run.action.headers.cbegin(); it != run.action.headers.cend(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());

    QNetworkReply *reply = nullptr;
    if (run.action.method == QLatin1String("HEAD")) {
        reply = manager()->head(request);
    } else if (run.action.method == QLatin1String("POST")) {
        if (!request.hasRawHeader("Content-Type"))
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              run.action.contentType.isEmpty() ? QStringLiteral("application/octet-stream")
                                                               : run.action.contentType);
        reply = manager()->post(request, run.action.body);
    } else {
        reply = manager()->get(request);
    }
    reply->setReadBufferSize(readBufferBytes);
    url.state = UrlResult::State::InFlight;
    url.elapsed.start();
    run.replies.emplace(reply, index);

    const std::uint64_t token = run.token;
    connect(reply, &QNetworkReply::readyRead, this, [this, token, reply] {
        if (Run *r = findRun(token); r && r->replies.contains(reply))
            drain(reply, r->urls[r->replies.at(reply)]);
    });
    connect(reply, &QNetworkReply::finished, this, [this, token, reply] { onFinished(token, reply); });
    url.timer = new LongTimer(reply); // precise: a coarse timer may fire 5% early, before the time promised
    connect(url.timer, &LongTimer::timeout, this, [this, token, reply] { onRequestTimeout(token, reply); });
    url.timer->start(run.action.requestTimeoutMs);
}

void HttpExecutor::Worker::drain(QNetworkReply *reply, UrlResult &url)
{
    char buffer[16 * 1024];
    while (reply->bytesAvailable() > 0) {
        const qint64 read = reply->read(buffer, sizeof buffer);
        if (read <= 0)
            break;
        url.bytes += read;
    }
}

bool HttpExecutor::Worker::isKeptRedirect(const HttpAction &action, int status)
{
    return !action.followRedirects && status >= 300 && status < 400;
}

bool HttpExecutor::Worker::accepted(const HttpAction &action, int status)
{
    if (!action.failOnHttpError || (status >= 200 && status < 300))
        return true;
    // Not following redirects means the redirect itself is the answer wanted.
    return isKeptRedirect(action, status);
}

void HttpExecutor::Worker::onFinished(std::uint64_t token, QNetworkReply *reply)
{
    Run *run = findRun(token);
    UrlResult *done = run ? settle(*run, reply) : nullptr;
    if (!done)
        return;
    UrlResult &url = *done;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    url.status = status.isValid() ? status.toInt() : 0;
    url.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (reply->url() != QUrl(url.url))
        url.finalUrl = reply->url().toString();
    if (isKeptRedirect(run->action, url.status))
        url.redirectTo =
            reply->url().resolved(reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl()).toString();

    // Errors below 200 are the network's and the proxy's (refused, closed early, TLS, too many redirects); the
    // others only restate an HTTP status, which is judged on its own.
    const QNetworkReply::NetworkError error = reply->error();
    if (url.status == 0 || (error != QNetworkReply::NoError && error < 200)) {
        url.problem = error != QNetworkReply::NoError ? withoutUrlSecrets(reply->errorString())
                                                       : HttpExecutor::tr("no HTTP answer");
    } else if (!accepted(run->action, url.status)) {
        url.problem = url.reason.isEmpty() ? QStringLiteral("HTTP %1").arg(url.status)
                                           : QStringLiteral("HTTP %1 %2").arg(url.status).arg(url.reason);
    }
    moveOn(*run, reply, token);
}

void HttpExecutor::Worker::onRequestTimeout(std::uint64_t token, QNetworkReply *reply)
{
    Run *run = findRun(token);
    UrlResult *done = run ? settle(*run, reply) : nullptr;
    if (!done)
        return;
    UrlResult &url = *done;
    url.problem = HttpExecutor::tr("timed out after %1").arg(formatDuration(run->action.requestTimeoutMs));
    moveOn(*run, reply, token);
}

UrlResult *HttpExecutor::Worker::settle(Run &run, QNetworkReply *reply)
{
    const auto it = run.replies.find(reply);
    if (it == run.replies.end())
        return nullptr; // already settled (finished and timed out in one turn)
    UrlResult &url = run.urls[it->second];
    drain(reply, url);
    url.ms = url.elapsed.elapsed();
    url.state = UrlResult::State::Done;
    return &url;
}

void HttpExecutor::Worker::moveOn(Run &run, QNetworkReply *reply, std::uint64_t token)
{
    release(run, reply);
    sendNext(run);
    completeIfDone(token);
}

void HttpExecutor::Worker::release(Run &run, QNetworkReply *reply)
{
    const auto it = run.replies.find(reply);
    if (it != run.replies.end()) {
        if (LongTimer *timer = run.urls[it->second].timer)
            timer->stop();
        run.urls[it->second].timer = nullptr;
        run.replies.erase(it);
    }
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

void HttpExecutor::Worker::abortRun(std::uint64_t token, RunOutcome reason)
{
    Run *run = findRun(token);
    if (!run || run->abortReason)
        return;
    run->abortReason = reason;
    const QString problem = reason == RunOutcome::TimedOut ? HttpExecutor::tr("cut off by the job's timeout")
                                                           : HttpExecutor::tr("stopped");
    std::vector<QNetworkReply *> inFlight;
    for (const auto &[reply, index] : run->replies)
        inFlight.push_back(reply);
    for (QNetworkReply *reply : inFlight) {
        UrlResult &url = run->urls[run->replies.at(reply)];
        drain(reply, url);
        url.ms = url.elapsed.elapsed();
        url.state = UrlResult::State::Done;
        url.problem = problem;
        release(*run, reply);
    }
    for (UrlResult &url : run->urls) {
        if (url.state == UrlResult::State::Waiting)
            url.state = UrlResult::State::NotRequested;
    }
    completeIfDone(token);
}

void HttpExecutor::Worker::completeIfDone(std::uint64_t token)
{
    const auto it = m_runs.find(token);
    if (it == m_runs.end())
        return;
    const Run &run = *it->second;
    if (!run.replies.empty() || (!run.abortReason && run.next < run.urls.size()))
        return;
    ExecutionResult result = resultOf(run);
    m_runs.erase(it);
    QMetaObject::invokeMethod(
        m_executor,
        [executor = m_executor, token, result = std::move(result)] { executor->onWorkerFinished(token, result); },
        Qt::QueuedConnection);
}

ExecutionResult HttpExecutor::Worker::resultOf(const Run &run) const
{
    const QLocale locale;
    QStringList lines;
    QStringList failures;
    int succeeded = 0;
    int answered = 0;
    std::int64_t totalBytes = 0;
    for (const UrlResult &url : run.urls) {
        const QString &method = run.action.method;
        if (url.state == UrlResult::State::NotRequested) {
            lines << HttpExecutor::tr("--- %1 %2 not requested").arg(method, url.url);
            continue;
        }
        totalBytes += url.bytes;
        if (url.status != 0)
            ++answered;
        QString line = (url.status != 0 ? QString::number(url.status) : QStringLiteral("---"))
            + QLatin1Char(' ') + method + QLatin1Char(' ') + url.url;
        if (!url.finalUrl.isEmpty())
            line += QStringLiteral(" → ") + url.finalUrl;
        line += QLatin1Char(' ')
            + HttpExecutor::tr("%1 bytes %2 ms").arg(locale.toString(qint64(url.bytes))).arg(url.ms);
        if (!url.redirectTo.isEmpty() && url.finalUrl.isEmpty())
            line += QLatin1Char(' ') + HttpExecutor::tr("(redirect to %1 not followed)").arg(url.redirectTo);
        if (url.problem.isEmpty()) {
            ++succeeded;
        } else {
            line += QStringLiteral(": ") + HttpExecutor::tr("FAILED, %1").arg(url.problem);
            failures << QStringLiteral("%1 (%2)").arg(url.url, url.problem);
        }
        lines << line;
    }
    const int total = static_cast<int>(run.urls.size());
    // Worded without plurals: English runs without a translator, and "URL(s)" would reach the history.
    lines << HttpExecutor::tr("URLs succeeded: %1 of %2, %3 bytes in %4")
                 .arg(succeeded)
                 .arg(total)
                 .arg(locale.toString(qint64(totalBytes)))
                 .arg(formatDuration(run.elapsed.elapsed()));

    ExecutionResult result;
    result.startTime = run.startTime;
    result.endTime = m_clock.nowMs();
    result.output = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    if (run.abortReason == RunOutcome::TimedOut) {
        result.outcome = RunOutcome::TimedOut;
        result.error = HttpExecutor::tr("timed out after %1; URLs answered: %2 of %3")
                           .arg(formatDuration(run.jobTimeoutMs.value_or(0)))
                           .arg(answered)
                           .arg(total);
    } else if (run.abortReason) {
        result.outcome = RunOutcome::Interrupted;
        result.error =
            HttpExecutor::tr("stopped before it finished; URLs answered: %1 of %2").arg(answered).arg(total);
    } else if (!failures.isEmpty()) {
        result.outcome = RunOutcome::Failed;
        const qsizetype failed = failures.size();
        QString named = failures.mid(0, namedFailures).join(QStringLiteral(", "));
        if (failed > namedFailures)
            named += QStringLiteral(", … (+%1)").arg(failed - namedFailures);
        result.error = HttpExecutor::tr("URLs failed (%1 of %2): %3").arg(failed).arg(total).arg(named);
    } else {
        result.outcome = RunOutcome::Success;
    }
    return result;
}

void HttpExecutor::Worker::shutdown()
{
    for (auto &[token, run] : m_runs) {
        std::vector<QNetworkReply *> inFlight;
        for (const auto &[reply, index] : run->replies)
            inFlight.push_back(reply);
        for (QNetworkReply *reply : inFlight)
            release(*run, reply);
    }
    m_runs.clear();
    delete m_manager; // its replies, some waiting for deleteLater, go with it
    m_manager = nullptr;
}

// --- executor (the caller's thread) -------------------------------------------------------------------------

HttpExecutor::HttpExecutor(const Clock &clock, QObject *parent)
    : Executor(parent)
    , m_clock(clock)
{
}

HttpExecutor::~HttpExecutor()
{
    if (!m_thread)
        return;
    // Nothing is reported any more: the worker aborts its requests before the thread ends.
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

void HttpExecutor::ensureWorker()
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("punctual-http"));
    m_worker = new Worker(this, m_clock);
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

bool HttpExecutor::accepts(const Action &action) const
{
    return std::holds_alternative<HttpAction>(action);
}

void HttpExecutor::start(const ExecutionRequest &request)
{
    const std::uint64_t token = request.token;
    const std::int64_t now = m_clock.nowMs();
    const auto *http = std::get_if<HttpAction>(&request.action);
    if (!http) {
        finishLater(token, failedResult(now, tr("this executor runs http actions only")));
        return;
    }
    if (m_runs.contains(token)) {
        qCWarning(lcHttp, "token %llu is already running: request ignored", static_cast<unsigned long long>(token));
        return;
    }
    if (auto missed = missedStart(request.scheduledTime, request.misfireGraceMs, now)) {
        finishLater(token, std::move(*missed));
        return;
    }
    if (http->urls.isEmpty()) {
        finishLater(token, failedResult(now, tr("no URL to request")));
        return;
    }

    ensureWorker();
    Run &run = m_runs[token];
    if (request.timeoutMs) {
        run.timeoutTimer = new LongTimer(this); // a job's timeout may be longer than one QTimer holds
        connect(run.timeoutTimer, &LongTimer::timeout, this, [this, token] { end(token, RunOutcome::TimedOut); });
        run.timeoutTimer->start(*request.timeoutMs);
    }
    qCDebug(lcHttp, "token %llu: %s", static_cast<unsigned long long>(token), qPrintable(describeAction(*http)));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, token, action = *http, timeout = request.timeoutMs] {
            worker->startRun(token, action, timeout);
        },
        Qt::QueuedConnection);
}

void HttpExecutor::stop(std::uint64_t token)
{
    end(token, RunOutcome::Interrupted);
}

void HttpExecutor::stopAll()
{
    std::vector<std::uint64_t> tokens;
    for (const auto &[token, run] : m_runs)
        tokens.push_back(token);
    for (const std::uint64_t token : tokens)
        end(token, RunOutcome::Interrupted);
}

int HttpExecutor::runningCount() const
{
    return static_cast<int>(m_runs.size());
}

void HttpExecutor::end(std::uint64_t token, RunOutcome reason)
{
    const auto it = m_runs.find(token);
    if (it == m_runs.end() || it->second.ending) // already ending: the first reason is the one reported
        return;
    it->second.ending = true;
    if (it->second.timeoutTimer)
        it->second.timeoutTimer->stop();
    // Queued behind the run's start, so the worker always knows the run it is told to abort.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, token, reason] { worker->abortRun(token, reason); }, Qt::QueuedConnection);
}

void HttpExecutor::onWorkerStarted(std::uint64_t token, std::int64_t startTime)
{
    if (m_runs.contains(token))
        emit started(token, startTime);
}

void HttpExecutor::onWorkerFinished(std::uint64_t token, const ExecutionResult &result)
{
    const auto it = m_runs.find(token);
    if (it == m_runs.end())
        return;
    delete it->second.timeoutTimer;
    m_runs.erase(it);
    if (result.outcome != RunOutcome::Success)
        qCInfo(lcHttp, "token %llu: %s", static_cast<unsigned long long>(token), qPrintable(result.error));
    emit finished(token, result);
}

} // namespace punctual
