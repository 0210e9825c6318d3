// HttpExecutor against a real HTTP server on 127.0.0.1: what each run records for fast, slow, failing, hanging,
// redirecting and big URLs, the concurrency limit, methods, stop and timeouts, and http jobs in the Scheduler.
#include "executors/executorset.h"
#include "executors/functionregistry.h"
#include "executors/httpexecutor.h"
#include "store/memoryjobstore.h"
#include "mock/fakeclock.h"
#include "support/jobbuilder.h"
#include "support/localhttpserver.h"
#include "support/schedulerharness.h"
#include "support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace punctual;
using punctual::test::JobBuilder;
using punctual::test::LocalHttpServer;
using punctual::test::SchedulerHarness;

namespace {

constexpr int waitMs = 15000;
constexpr std::int64_t T0 = 1'800'000'000'000;
constexpr std::int64_t minute = 60'000;

/// One output line of a URL, taken apart.
struct UrlLine
{
    QString status; ///< "200", or "---" without an HTTP answer
    QString method;
    QString url;
    QString finalUrl;
    qint64 bytes = -1;
    qint64 ms = -1;
    QString rest; ///< what follows "N ms" (a redirect note, "FAILED, why")
};

std::optional<UrlLine> lineFor(const QString &output, const QString &url)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{3}|---) (GET|HEAD|POST) (\\S+)(?: → (\\S+))? (.+?) bytes (\\d+) ms(.*)$"));
    for (const QString &text : output.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = pattern.match(text);
        if (!match.hasMatch() || match.captured(3) != url)
            continue;
        UrlLine line;
        line.status = match.captured(1);
        line.method = match.captured(2);
        line.url = match.captured(3);
        line.finalUrl = match.captured(4);
        bool ok = false;
        line.bytes = QLocale().toLongLong(match.captured(5), &ok);
        if (!ok)
            line.bytes = -1;
        line.ms = match.captured(6).toLongLong();
        line.rest = match.captured(7);
        return line;
    }
    return std::nullopt;
}

} // namespace

class TestHttpExecutor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fastAndSlowUrlsSucceed();
    void serverErrorFailsNamingTheUrl();
    void serverErrorAllowedWhenNotFailing();
    void requestTimeoutFails();
    void redirectFollowed();
    void redirectNotFollowed();
    void redirectLoopFails();
    void connectionRefusedFails();
    void concurrencyLimitHonoured_data();
    void concurrencyLimitHonoured();
    void headSendsNoBody();
    void postSendsBodyAndContentType();
    void bigBodyCountedNotKept();
    void stopAbortsRequests();
    void jobTimeoutGivesTimedOut();
    void misfireGraceExceededIsMissed();
    void destroyedWhileRunning();

    void httpJobRunsThroughScheduler();
    void httpJobWithoutHttpExecutorFails();
    void retriesWithBackoffRecordEachAttempt();
    void warmCacheExampleLoads();

private:
    ExecutionRequest request(const QStringList &paths);
    HttpAction &http(ExecutionRequest &request) { return std::get<HttpAction>(request.action); }
    /// Starts @p request and waits for its one result.
    ExecutionResult run(const ExecutionRequest &request);

    FakeClock m_clock{T0};
    std::unique_ptr<LocalHttpServer> m_server;
    std::unique_ptr<HttpExecutor> m_executor;
    std::uint64_t m_nextToken = 1;
};

void TestHttpExecutor::init()
{
    m_clock.setNowMs(T0);
    m_server = std::make_unique<LocalHttpServer>();
    QVERIFY(m_server->start());
    m_executor = std::make_unique<HttpExecutor>(m_clock);
}

void TestHttpExecutor::cleanup()
{
    m_executor.reset();
    m_server.reset();
}

ExecutionRequest TestHttpExecutor::request(const QStringList &paths)
{
    HttpAction action;
    for (const QString &path : paths)
        action.urls << (path.startsWith(QLatin1String("http")) ? path : m_server->url(path));
    action.requestTimeoutMs = 10'000;
    ExecutionRequest request;
    request.token = m_nextToken++;
    request.jobId = QStringLiteral("http-job");
    request.scheduledTime = m_clock.nowMs();
    request.action = action;
    return request;
}

ExecutionResult TestHttpExecutor::run(const ExecutionRequest &request)
{
    QSignalSpy finished(m_executor.get(), &Executor::finished);
    m_executor->start(request);
    if (!finished.wait(waitMs) && finished.isEmpty())
        qFatal("no result for token %llu", static_cast<unsigned long long>(request.token));
    if (finished.size() != 1 || finished.front().at(0).value<std::uint64_t>() != request.token)
        qFatal("expected exactly one result for token %llu", static_cast<unsigned long long>(request.token));
    return finished.front().at(1).value<ExecutionResult>();
}

void TestHttpExecutor::fastAndSlowUrlsSucceed()
{
    ExecutionRequest r = request({QStringLiteral("/ok"), QStringLiteral("/slow?ms=400")});
    QSignalSpy started(m_executor.get(), &Executor::started);
    const ExecutionResult result = run(r);
    qInfo().noquote() << "recorded:\n" + result.output;
    QCOMPARE(result.outcome, RunOutcome::Success);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.exitCode, std::nullopt);
    QCOMPARE(result.startTime, T0);
    QCOMPARE(started.size(), 1);

    const auto ok = lineFor(result.output, m_server->url(QStringLiteral("/ok")));
    QVERIFY2(ok, qPrintable(result.output));
    QCOMPARE(ok->status, QStringLiteral("200"));
    QCOMPARE(ok->method, QStringLiteral("GET"));
    QCOMPARE(ok->bytes, 3); // "ok\n"
    QVERIFY(ok->rest.isEmpty());
    const auto slow = lineFor(result.output, m_server->url(QStringLiteral("/slow?ms=400")));
    QVERIFY2(slow, qPrintable(result.output));
    QCOMPARE(slow->status, QStringLiteral("200"));
    QVERIFY2(slow->ms >= 390, qPrintable(result.output)); // the server's timer held it back 400 ms
    QVERIFY2(result.output.contains(QLatin1String("URLs succeeded: 2 of 2, ")), qPrintable(result.output));
    // One line per URL in the order given, then the summary.
    QCOMPARE(result.output.trimmed().split(QLatin1Char('\n')).size(), 3);
    QVERIFY(result.output.indexOf(QLatin1String("/ok")) < result.output.indexOf(QLatin1String("/slow")));
}

void TestHttpExecutor::serverErrorFailsNamingTheUrl()
{
    const ExecutionResult result = run(request({QStringLiteral("/ok"), QStringLiteral("/status/500")}));
    qInfo().noquote() << "recorded:\n" + result.output + "error: " + result.error;
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QCOMPARE(result.error, QStringLiteral("URLs failed (1 of 2): %1 (HTTP 500 Internal Server Error)")
                               .arg(m_server->url(QStringLiteral("/status/500"))));
    const auto line = lineFor(result.output, m_server->url(QStringLiteral("/status/500")));
    QVERIFY2(line, qPrintable(result.output));
    QCOMPARE(line->status, QStringLiteral("500"));
    QVERIFY(line->rest.contains(QLatin1String("FAILED, HTTP 500")));
    QCOMPARE(lineFor(result.output, m_server->url(QStringLiteral("/ok")))->status, QStringLiteral("200"));
    QCOMPARE(m_server->requests().size(), 2); // the failure did not stop the other URL
}

void TestHttpExecutor::serverErrorAllowedWhenNotFailing()
{
    ExecutionRequest r = request({QStringLiteral("/status/500"), QStringLiteral("/status/404")});
    http(r).failOnHttpError = false;
    const ExecutionResult result = run(r);
    qInfo().noquote() << "recorded:\n" + result.output;
    QCOMPARE(result.outcome, RunOutcome::Success);
    QCOMPARE(lineFor(result.output, m_server->url(QStringLiteral("/status/500")))->status, QStringLiteral("500"));
    QCOMPARE(lineFor(result.output, m_server->url(QStringLiteral("/status/404")))->status, QStringLiteral("404"));
}

void TestHttpExecutor::requestTimeoutFails()
{
    ExecutionRequest r = request({QStringLiteral("/hang"), QStringLiteral("/ok")});
    http(r).requestTimeoutMs = 300;
    const ExecutionResult result = run(r);
    qInfo().noquote() << "recorded:\n" + result.output + "error: " + result.error;
    QCOMPARE(result.outcome, RunOutcome::Failed);
    const QString hang = m_server->url(QStringLiteral("/hang"));
    QCOMPARE(result.error, QStringLiteral("URLs failed (1 of 2): %1 (timed out after 0.3s)").arg(hang));
    const auto line = lineFor(result.output, hang);
    QVERIFY2(line, qPrintable(result.output));
    QCOMPARE(line->status, QStringLiteral("---"));
    QVERIFY2(line->ms >= 290, qPrintable(result.output));
    QCOMPARE(lineFor(result.output, m_server->url(QStringLiteral("/ok")))->status, QStringLiteral("200"));
    QTRY_COMPARE(m_server->abandoned(), 1); // the request was really aborted
}

void TestHttpExecutor::redirectFollowed()
{
    const ExecutionResult result = run(request({QStringLiteral("/redirect")}));
    qInfo().noquote() << "recorded:\n" + result.output;
    QCOMPARE(result.outcome, RunOutcome::Success);
    const auto line = lineFor(result.output, m_server->url(QStringLiteral("/redirect")));
    QVERIFY2(line, qPrintable(result.output));
    QCOMPARE(line->status, QStringLiteral("200"));
    QCOMPARE(line->finalUrl, m_server->url(QStringLiteral("/ok")));
    QCOMPARE(line->bytes, 3);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(1).target, QByteArray("/ok"));
}

void TestHttpExecutor::redirectNotFollowed()
{
    ExecutionRequest r = request({QStringLiteral("/redirect")});
    http(r).followRedirects = false;
    const ExecutionResult result = run(r);
    qInfo().noquote() << "recorded:\n" + result.output;
    QCOMPARE(result.outcome, RunOutcome::Success); // the redirect itself is the answer asked for
    const auto line = lineFor(result.output, m_server->url(QStringLiteral("/redirect")));
    QVERIFY2(line, qPrintable(result.output));
    QCOMPARE(line->status, QStringLiteral("302"));
    QVERIFY(line->finalUrl.isEmpty());
    QCOMPARE(line->rest,
             QStringLiteral(" (redirect to %1 not followed)").arg(m_server->url(QStringLiteral("/ok"))));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestHttpExecutor::redirectLoopFails()
{
    const ExecutionResult result = run(request({QStringLiteral("/redirect-loop")}));
    qInfo().noquote() << "recorded:\n" + result.output + "error: " + result.error;
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains(m_server->url(QStringLiteral("/redirect-loop")))
                 && result.error.contains(QLatin1String("redirects"), Qt::CaseInsensitive),
             qPrintable(result.error));
    // The first request and maxRedirects more (Qt may resend one on a connection the server was closing).
    QVERIFY2(m_server->requests().size() >= HttpExecutor::maxRedirects + 1
                 && m_server->requests().size() <= 2 * (HttpExecutor::maxRedirects + 1),
             qPrintable(QString::number(m_server->requests().size())));
}

void TestHttpExecutor::connectionRefusedFails()
{
    QTcpServer probe; // a port that was free a moment ago and has nobody listening now
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString url = QStringLiteral("http://127.0.0.1:%1/nobody").arg(probe.serverPort());
    probe.close();
    const ExecutionResult result = run(request({url}));
    qInfo().noquote() << "recorded:\n" + result.output + "error: " + result.error;
    QCOMPARE(result.outcome, RunOutcome::Failed);
    QVERIFY2(result.error.contains(url) && result.error.contains(QLatin1String("refused"), Qt::CaseInsensitive),
             qPrintable(result.error));
    QCOMPARE(lineFor(result.output, url)->status, QStringLiteral("---"));
}

void TestHttpExecutor::concurrencyLimitHonoured_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::newRow("one at a time") << 1;
    QTest::newRow("two at a time") << 2;
    QTest::newRow("four at a time") << 4;
}

void TestHttpExecutor::concurrencyLimitHonoured()
{
    QFETCH(int, concurrency);
    QStringList paths;
    // Each answer takes 300 ms, long enough for every request allowed to be in flight to reach the server.
    for (int i = 1; i <= 6; ++i)
        paths << QStringLiteral("/slow?ms=300&n=%1").arg(i);
    ExecutionRequest r = request(paths);
    http(r).concurrency = concurrency;
    const ExecutionResult result = run(r);
    QCOMPARE(result.outcome, RunOutcome::Success);
    QCOMPARE(m_server->requests().size(), 6);
    QCOMPARE(m_server->maxPending(), concurrency);
}

void TestHttpExecutor::headSendsNoBody()
{
    ExecutionRequest r = request({QStringLiteral("/echo")});
    http(r).method = QStringLiteral("HEAD");
    const ExecutionResult result = run(r);
    QCOMPARE(result.outcome, RunOutcome::Success);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().front().method, QByteArray("HEAD"));
    const auto line = lineFor(result.output, m_server->url(QStringLiteral("/echo")));
    QVERIFY2(line, qPrintable(result.output));
    QCOMPARE(line->method, QStringLiteral("HEAD"));
    QCOMPARE(line->bytes, 0);
}

void TestHttpExecutor::postSendsBodyAndContentType()
{
    ExecutionRequest r = request({QStringLiteral("/echo")});
    http(r).method = QStringLiteral("POST");
    http(r).body = "{\"warm\":true}";
    http(r).contentType = QStringLiteral("application/json");
    http(r).headers.insert(QStringLiteral("X-Warm-Up"), QStringLiteral("yes"));
    const ExecutionResult result = run(r);
    QCOMPARE(result.outcome, RunOutcome::Success);
    QCOMPARE(m_server->requests().size(), 1);
    const auto &received = m_server->requests().front();
    QCOMPARE(received.method, QByteArray("POST"));
    QCOMPARE(received.body, QByteArray("{\"warm\":true}"));
    QCOMPARE(received.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(received.headers.value("x-warm-up"), QByteArray("yes"));
    const QByteArray echoed = "POST\napplication/json\n\n{\"warm\":true}";
    QCOMPARE(lineFor(result.output, m_server->url(QStringLiteral("/echo")))->bytes, echoed.size());
}

void TestHttpExecutor::bigBodyCountedNotKept()
{
    const ExecutionResult result = run(request({QStringLiteral("/big?mb=8")}));
    QCOMPARE(result.outcome, RunOutcome::Success);
    const auto line = lineFor(result.output, m_server->url(QStringLiteral("/big?mb=8")));
    QVERIFY2(line, qPrintable(result.output));
    QCOMPARE(line->bytes, 8 * 1024 * 1024);
    QVERIFY(result.output.size() < 1000); // counted, not kept
}

void TestHttpExecutor::stopAbortsRequests()
{
    ExecutionRequest r = request({QStringLiteral("/hang"), QStringLiteral("/hang?second"), QStringLiteral("/ok")});
    http(r).concurrency = 2;
    QSignalSpy finished(m_executor.get(), &Executor::finished);
    m_executor->start(r);
    QTRY_COMPARE(m_server->pending(), 2);
    QCOMPARE(m_executor->runningCount(), 1);
    m_executor->stop(r.token);
    QVERIFY(finished.wait(waitMs));
    const ExecutionResult result = finished.front().at(1).value<ExecutionResult>();
    qInfo().noquote() << "recorded:\n" + result.output + "error: " + result.error;
    QCOMPARE(result.outcome, RunOutcome::Interrupted);
    QCOMPARE(result.error, QStringLiteral("stopped before it finished; URLs answered: 0 of 3"));
    QVERIFY(lineFor(result.output, m_server->url(QStringLiteral("/hang")))->rest.contains(QLatin1String("stopped")));
    QVERIFY(result.output.contains(QStringLiteral("--- GET %1 not requested").arg(m_server->url(QStringLiteral("/ok")))));
    QCOMPARE(m_executor->runningCount(), 0);
    QTRY_COMPARE(m_server->abandoned(), 2);
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1); // exactly once
}

void TestHttpExecutor::jobTimeoutGivesTimedOut()
{
    ExecutionRequest r = request({QStringLiteral("/ok"), QStringLiteral("/hang")});
    r.timeoutMs = 400;
    const ExecutionResult result = run(r);
    qInfo().noquote() << "recorded:\n" + result.output + "error: " + result.error;
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QCOMPARE(result.error, QStringLiteral("timed out after 0.4s; URLs answered: 1 of 2"));
    QCOMPARE(lineFor(result.output, m_server->url(QStringLiteral("/ok")))->status, QStringLiteral("200"));
    QVERIFY(lineFor(result.output, m_server->url(QStringLiteral("/hang")))
                ->rest.contains(QLatin1String("cut off by the job's timeout")));
}

void TestHttpExecutor::misfireGraceExceededIsMissed()
{
    ExecutionRequest r = request({QStringLiteral("/ok")});
    r.misfireGraceMs = 1000;
    m_clock.advance(5000);
    const ExecutionResult result = run(r);
    QCOMPARE(result.outcome, RunOutcome::Missed);
    QCOMPARE(result.lateMs, 5000);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestHttpExecutor::destroyedWhileRunning()
{
    ExecutionRequest r = request({QStringLiteral("/hang")});
    m_executor->start(r);
    QTRY_COMPARE(m_server->pending(), 1);
    m_executor.reset(); // aborts on its worker thread and returns
    QTRY_COMPARE(m_server->abandoned(), 1);
}

// --- through the Scheduler ----------------------------------------------------------------------------------

void TestHttpExecutor::httpJobRunsThroughScheduler()
{
    SchedulerHarness harness;
    harness.setUpScheduler(T0);
    Scheduler &scheduler = harness.scheduler();
    const ManualWakeTimer &timer = harness.timer();

    HttpAction action;
    action.urls = {m_server->url(QStringLiteral("/ok")), m_server->url(QStringLiteral("/redirect"))};
    const Job job = JobBuilder(QStringLiteral("warm")).interval(60 * minute, T0 + 60 * minute).action(action);
    QVERIFY(scheduler.addJob(job));
    QVERIFY(scheduler.start());
    QCOMPARE(timer.armedAt(), T0 + 60 * minute);

    QSignalSpy executed(&scheduler, &Scheduler::jobExecuted);
    harness.wake(T0 + 60 * minute);
    QVERIFY(executed.wait(waitMs));
    const QList<RunRecord> runs = scheduler.history(QStringLiteral("warm"), 10).value();
    QCOMPARE(runs.size(), 1);
    const RunRecord &run = runs.front();
    qInfo().noquote() << "run row output:\n" + run.output;
    QCOMPARE(run.outcome, RunOutcome::Success);
    QCOMPARE(run.scheduledTime, T0 + 60 * minute);
    QCOMPARE(run.startTime, T0 + 60 * minute);
    QCOMPARE(lineFor(run.output, m_server->url(QStringLiteral("/redirect")))->finalUrl,
             m_server->url(QStringLiteral("/ok")));
    QCOMPARE(scheduler.job(QStringLiteral("warm"))->nextRunTime, T0 + 120 * minute);
    QCOMPARE(timer.armedAt(), T0 + 120 * minute);
}

// ExecutorSet::standard() alone (a program without punctual-http): an http job's run fails, saying why.
void TestHttpExecutor::httpJobWithoutHttpExecutorFails()
{
    FunctionRegistry functions;
    MemoryJobStore store;
    Scheduler scheduler(store, m_clock, ExecutorSet::standard(m_clock, functions));
    ManualWakeTimer *timer = SchedulerHarness::installManualTimer(scheduler);

    HttpAction action;
    action.urls = {m_server->url(QStringLiteral("/ok"))};
    QVERIFY(scheduler.addJob(JobBuilder(QStringLiteral("warm")).interval(60 * minute, T0 + 60 * minute).action(action)));
    QVERIFY(scheduler.start());
    QSignalSpy failed(&scheduler, &Scheduler::jobError);
    m_clock.setNowMs(T0 + 60 * minute);
    timer->fire();
    QTRY_COMPARE(failed.size(), 1);
    const QList<RunRecord> runs = scheduler.history(QStringLiteral("warm"), 10).value();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.front().outcome, RunOutcome::Failed);
    QCOMPARE(runs.front().error, QStringLiteral("this kind of action cannot be run here"));
    QVERIFY(m_server->requests().isEmpty());
    QCOMPARE(scheduler.job(QStringLiteral("warm"))->nextRunTime, T0 + 120 * minute);
}

void TestHttpExecutor::retriesWithBackoffRecordEachAttempt()
{
    SchedulerHarness harness;
    harness.setUpScheduler(T0);
    Scheduler &scheduler = harness.scheduler();
    const ManualWakeTimer &timer = harness.timer();

    HttpAction action;
    action.urls = {m_server->url(QStringLiteral("/ok")), m_server->url(QStringLiteral("/flaky?n=2"))};
    Job job = JobBuilder(QStringLiteral("warm")).interval(60 * minute, T0 + 60 * minute).action(action);
    job.options.maxRetries = 3;
    job.options.retryDelayMs = 10'000;
    job.options.retryBackoff = 3.0;
    QVERIFY(scheduler.addJob(job));
    QVERIFY(scheduler.start());
    QSignalSpy errors(&scheduler, &Scheduler::jobError);
    QSignalSpy executed(&scheduler, &Scheduler::jobExecuted);

    const std::int64_t due = T0 + 60 * minute;
    harness.wake(due);
    QVERIFY(errors.wait(waitMs)); // attempt 1: 503
    QCOMPARE(timer.armedAt(), due + 10'000);
    harness.wake(due + 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 2, waitMs); // attempt 2: 503 again, the wait grows threefold
    QCOMPARE(timer.armedAt(), due + 10'000 + 30'000);
    harness.wake(due + 40'000);
    QVERIFY(executed.wait(waitMs)); // attempt 3: 200
    QCOMPARE(scheduler.runningCount(), 0);
    QCOMPARE(timer.armedAt(), T0 + 120 * minute); // no more retries: back to the schedule

    QList<RunRecord> runs = scheduler.history(QStringLiteral("warm"), 10).value();
    std::reverse(runs.begin(), runs.end()); // oldest first
    QCOMPARE(runs.size(), 3);
    const QString flaky = m_server->url(QStringLiteral("/flaky?n=2"));
    for (int i = 0; i < 3; ++i) {
        qInfo().noquote() << QStringLiteral("attempt %1: %2 %3\n%4")
                                 .arg(runs[i].attempt)
                                 .arg(RunRecord::outcomeName(runs[i].outcome), runs[i].error, runs[i].output);
        QCOMPARE(runs[i].attempt, i + 1);
        QCOMPARE(runs[i].scheduledTime, due);
    }
    QCOMPARE(runs[0].startTime, due);
    QCOMPARE(runs[1].startTime, due + 10'000);
    QCOMPARE(runs[2].startTime, due + 40'000);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(runs[i].outcome, RunOutcome::Failed);
        QCOMPARE(runs[i].error, QStringLiteral("URLs failed (1 of 2): %1 (HTTP 503 Service Unavailable)").arg(flaky));
    }
    QCOMPARE(runs[2].outcome, RunOutcome::Success);
    QCOMPARE(lineFor(runs[2].output, flaky)->status, QStringLiteral("200"));
}

void TestHttpExecutor::warmCacheExampleLoads()
{
    QFile file(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/../../resources/examples/warm-cache.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonObject example = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(example.value(QStringLiteral("title")).toString(), QStringLiteral("Warm the cache every hour"));
    const QJsonArray jobs = example.value(QStringLiteral("jobs")).toArray();
    QCOMPARE(jobs.size(), 1);
    const auto job = Job::fromJson(jobs.first().toObject(), false);
    QVERIFY2(job, job ? "" : qPrintable(job.error().message));
    QVERIFY(job->paused); // its URLs are placeholders: the user edits them, then resumes it
    QCOMPARE(job->trigger->toJson().value(QStringLiteral("expression")).toString(), QStringLiteral("55 * * * *"));
    const auto &http = std::get<HttpAction>(job->action);
    QCOMPARE(http.urls.size(), 4);
    QVERIFY(http.urls.front().startsWith(QLatin1String("http://localhost:8080/")));
    QCOMPARE(http.concurrency, 4);
    QCOMPARE(http.requestTimeoutMs, 30'000);
    QCOMPARE(job->options.maxRetries, 2);
    QCOMPARE(job->options.retryDelayAfter(1), 60'000);
    QCOMPARE(job->options.retryDelayAfter(2), 120'000);
}

QTEST_GUILESS_MAIN(TestHttpExecutor)
#include "testhttpexecutor.moc"
