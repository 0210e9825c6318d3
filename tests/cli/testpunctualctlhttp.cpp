// punctualctl and http jobs end to end: add with --http, show, modify, bad input, and a real run of
// `punctualctl run` against a local HTTP server in this process.
#include "cli/punctualctlprocess.h"
#include "support/localhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using punctual::test::LocalHttpServer;

class TestPunctualctlHttp : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void addShowAndModify();
    void badInput_data();
    void badInput();
    void helpNamesTheOptions();
    void runRequestsTheUrls();
    void runNowRetriesUntilTheUrlAnswers();

private:
    PunctualctlResult ctl(QStringList args);
    QJsonObject showJob(const QString &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestPunctualctlHttp::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("jobs.db"));
}

PunctualctlResult TestPunctualctlHttp::ctl(QStringList args)
{
    args.prepend(m_db);
    args.prepend(QStringLiteral("--db"));
    return runPunctualctl(args);
}

QJsonObject TestPunctualctlHttp::showJob(const QString &id)
{
    const PunctualctlResult r = ctl({QStringLiteral("show"), id, QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning().noquote() << "show failed:" << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

void TestPunctualctlHttp::addShowAndModify()
{
    PunctualctlResult r = ctl({"add", "--id", "warm", "--cron", "55 * * * *", "--http", "http://localhost:8080/",
                               "--http", "http://localhost:8080/products", "--concurrency", "4",
                               "--request-timeout", "30", "--retries", "2", "--retry-delay", "60",
                               "--retry-backoff", "2", "--retry-delay-max", "300"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("warm"));

    QJsonObject job = showJob("warm");
    QJsonObject action = job.value("action").toObject();
    QCOMPARE(action.value("type").toString(), QStringLiteral("http"));
    QCOMPARE(action.value("urls").toArray(),
             (QJsonArray{QStringLiteral("http://localhost:8080/"), QStringLiteral("http://localhost:8080/products")}));
    QCOMPARE(action.value("method").toString(), QStringLiteral("GET"));
    QCOMPARE(action.value("concurrency").toInt(), 4);
    QCOMPARE(action.value("request_timeout").toDouble(), 30.0);
    QCOMPARE(action.value("follow_redirects").toBool(), true);
    QCOMPARE(action.value("fail_on_http_error").toBool(), true);
    QCOMPARE(job.value("max_retries").toInt(), 2);
    QCOMPARE(job.value("retry_delay").toDouble(), 60.0);
    QCOMPARE(job.value("retry_backoff").toDouble(), 2.0);
    QCOMPARE(job.value("retry_delay_max").toDouble(), 300.0);

    r = ctl({"show", "warm"});
    QCOMPARE(r.exitCode, 0);
    qInfo().noquote() << "punctualctl show warm:\n" + r.out;
    QVERIFY2(r.out.contains(QLatin1String("GET 2 URLs")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QString::fromUtf8("60 s, then ×2 each time up to 300 s")), qPrintable(r.out));

    // modify changes only what it is given: the URLs stay.
    r = ctl({"modify", "warm", "--method", "POST", "--body", "{\"warm\":true}", "--content-type", "application/json",
             "--no-follow-redirects", "--allow-http-errors", "--header", "X-Warm-Up: yes", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    action = showJob("warm").value("action").toObject();
    QCOMPARE(action.value("urls").toArray().size(), 2);
    QCOMPARE(action.value("method").toString(), QStringLiteral("POST"));
    QCOMPARE(action.value("body").toString(), QStringLiteral("{\"warm\":true}"));
    QCOMPARE(action.value("content_type").toString(), QStringLiteral("application/json"));
    QCOMPARE(action.value("headers").toObject().value("X-Warm-Up").toString(), QStringLiteral("yes"));
    QCOMPARE(action.value("follow_redirects").toBool(), false);
    QCOMPARE(action.value("fail_on_http_error").toBool(), false);

    r = ctl({"modify", "warm", "--http", "https://example.invalid/only"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    action = showJob("warm").value("action").toObject();
    QCOMPARE(action.value("urls").toArray(), QJsonArray{QStringLiteral("https://example.invalid/only")});
    QCOMPARE(action.value("method").toString(), QStringLiteral("POST")); // kept
}

void TestPunctualctlHttp::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QStringList add{"add", "--every", "1h"};
    QTest::newRow("not a URL") << add + QStringList{"--http", "ftp://example.com/"}
                               << "\"ftp://example.com/\" is not an http or https URL";
    QTest::newRow("no host") << add + QStringList{"--http", "http://"} << "is not an http or https URL";
    QTest::newRow("a command too") << add + QStringList{"--http", "http://localhost/", "--", "/bin/true"}
                                   << "not a command";
    QTest::newRow("no URL") << add + QStringList{"--concurrency", "2"} << "give the URLs to request with --http URL";
    QTest::newRow("concurrency 0") << add + QStringList{"--http", "http://localhost/", "--concurrency", "0"}
                                   << "concurrency must be between 1 and 64";
    QTest::newRow("unknown method") << add + QStringList{"--http", "http://localhost/", "--method", "PUT"}
                                    << "unknown HTTP method \"PUT\"";
    QTest::newRow("body with GET") << add + QStringList{"--http", "http://localhost/", "--method", "GET", "--body", "x"}
                                   << "are for --method POST";
    QTest::newRow("bad timeout") << add + QStringList{"--http", "http://localhost/", "--request-timeout", "0"}
                                 << "--request-timeout needs a positive number of seconds";
    QTest::newRow("bad header") << add + QStringList{"--http", "http://localhost/", "--header", "NoColon"}
                                << "--header needs \"NAME: VALUE\"";
    QTest::newRow("bad backoff") << add + QStringList{"--http", "http://localhost/", "--retry-backoff", "0.5"}
                                 << "--retry-backoff needs a number from 1";
    QTest::newRow("sql and http") << add + QStringList{"--http", "http://localhost/", "--sql"} << "not both";
}

void TestPunctualctlHttp::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const PunctualctlResult r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QLatin1String("punctualctl: error: ")) && r.err.contains(message), qPrintable(r.err));
    const PunctualctlResult list = ctl({"list", "--json"});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(QJsonDocument::fromJson(list.out.toUtf8()).array().isEmpty(), qPrintable(list.out)); // nothing added
}

void TestPunctualctlHttp::helpNamesTheOptions()
{
    const PunctualctlResult r = runPunctualctl({"add", "--help"});
    QCOMPARE(r.exitCode, 0);
    for (const char *option : {"--http", "--method", "--body-file", "--concurrency", "--request-timeout",
                               "--no-follow-redirects", "--allow-http-errors", "--retry-backoff", "--retry-delay-max"})
        QVERIFY2(r.out.contains(QLatin1String(option)), option);
}

void TestPunctualctlHttp::runRequestsTheUrls()
{
    LocalHttpServer server;
    QVERIFY(server.start());
    PunctualctlResult r = ctl({"add", "--id", "warm", "--every", "1s", "--http", server.url("/ok"), "--http",
                               server.url("/redirect")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // The server lives in this process: wait for punctualctl with the event loop running, so it answers.
    QProcess run;
    run.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "run", "--for", "2.5"});
    QSignalSpy finished(&run, &QProcess::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(run.exitCode(), 0);

    r = ctl({"history", "warm", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QVERIFY2(!runs.isEmpty(), qPrintable(r.out));
    const QJsonObject last = runs.first().toObject();
    qInfo().noquote() << "a run's output:\n" + last.value("output").toString();
    QCOMPARE(last.value("outcome").toString(), QStringLiteral("success"));
    const QString output = last.value("output").toString();
    QVERIFY2(output.contains(QStringLiteral("200 GET %1 3 bytes").arg(server.url("/ok"))), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("200 GET %1 → %2 3 bytes").arg(server.url("/redirect"), server.url("/ok"))),
             qPrintable(output));
    QVERIFY(server.requests().size() >= 3);
}

void TestPunctualctlHttp::runNowRetriesUntilTheUrlAnswers()
{
    LocalHttpServer server;
    QVERIFY(server.start());
    const QString flaky = server.url("/flaky?n=1"); // 503 once, then 200
    PunctualctlResult r = ctl({"add", "--id", "flaky", "--every", "1h", "--http", flaky, "--retries", "2",
                               "--retry-delay", "0.2", "--retry-backoff", "2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    QProcess runNow;
    runNow.start(QStringLiteral(PUNCTUALCTL_PATH), {"--db", m_db, "run-now", "flaky"});
    QSignalSpy finished(&runNow, &QProcess::finished);
    QVERIFY(finished.wait(30000));
    const QString out = QString::fromUtf8(runNow.readAllStandardOutput());
    const QString err = QString::fromUtf8(runNow.readAllStandardError());
    qInfo().noquote() << "punctualctl run-now flaky:\n" + out + err;
    QCOMPARE(runNow.exitCode(), 0); // the retry succeeded
    QVERIFY2(out.contains(QStringLiteral("503 GET %1").arg(flaky)), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("200 GET %1").arg(flaky)), qPrintable(out));

    r = ctl({"history", "flaky", "--json"});
    const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0].toObject().value("attempt").toInt(), 2);
    QCOMPARE(runs[0].toObject().value("outcome").toString(), QStringLiteral("success"));
    QCOMPARE(runs[1].toObject().value("attempt").toInt(), 1);
    QCOMPARE(runs[1].toObject().value("outcome").toString(), QStringLiteral("failed"));
    QCOMPARE(runs[1].toObject().value("error").toString(),
             QStringLiteral("URLs failed (1 of 1): %1 (HTTP 503 Service Unavailable)").arg(flaky));
    QCOMPARE(runs[0].toObject().value("scheduled_time"), runs[1].toObject().value("scheduled_time"));
}

QTEST_GUILESS_MAIN(TestPunctualctlHttp)
#include "testpunctualctlhttp.moc"
