// SchedulerClient against a real ControlServer on a private socket: the snapshot, the event stream with revisions,
// requests and their callbacks, losing and finding the host again, raise and shutdown forwarding.
#include "control/eventstream.h"
#include "control/protocol.h"
#include "support/hostharness.h"
#include "support/jobbuilder.h"
#include "support/testsupport.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

namespace {
constexpr std::int64_t startMs = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr std::int64_t minute = 60'000;
} // namespace

class TestSchedulerClient : public QObject, public HostHarness
{
    Q_OBJECT

private slots:
    void init()
    {
        setUpScheduler(startMs);
        addBlocking("block");
        addSucceeding("ok", "fine");
        QVERIFY(m_scheduler->start());
    }
    void cleanup()
    {
        tearDownHost();
        tearDownScheduler();
    }

    void snapshotHoldsTheHostsState()
    {
        addOrDie(JobBuilder("slow").interval(minute, startMs).function("block"));
        QVERIFY(m_scheduler->runJobNow("slow"));
        m_scheduler->pause();
        setUpHost();
        QCOMPARE(m_client->state(), Scheduler::State::Paused);
        QCOMPARE(m_client->runningCount(), 1);
        QCOMPARE(m_client->runningCount("slow"), 1);
        QCOMPARE(m_client->revision(), m_control->events().revision()); // the snapshot is as of the last event
        QCOMPARE(m_client->hostStatus().value(QStringLiteral("jobs")).toInt(), 1);
        m_gate.release();
        QTRY_COMPARE(m_client->runningCount("slow"), 0);
    }

    void eventsFollowEveryChange()
    {
        setUpHost();
        QSignalSpy added(m_client.get(), &SchedulerClient::jobAdded);
        QSignalSpy modified(m_client.get(), &SchedulerClient::jobModified);
        QSignalSpy removed(m_client.get(), &SchedulerClient::jobRemoved);
        QSignalSpy submitted(m_client.get(), &SchedulerClient::jobSubmitted);
        QSignalSpy executed(m_client.get(), &SchedulerClient::jobExecuted);
        QSignalSpy state(m_client.get(), &SchedulerClient::stateChanged);

        addOrDie(JobBuilder("nightly").name("Nightly").interval(minute, startMs).function("ok"));
        QVERIFY(m_scheduler->pauseJob("nightly"));
        QVERIFY(m_scheduler->resumeJob("nightly"));
        QVERIFY(m_scheduler->runJobNow("nightly"));
        QTRY_COMPARE(executed.size(), 1);
        m_scheduler->pause();
        QVERIFY(m_scheduler->removeJob("nightly"));
        syncClient();

        QCOMPARE(added.size(), 1);
        QCOMPARE(added.at(0).at(0).value<Job>().name, QStringLiteral("Nightly"));
        QCOMPARE(modified.size() >= 2, true);
        QCOMPARE(modified.at(0).at(0).value<Job>().paused, true);
        QCOMPARE(modified.at(1).at(0).value<Job>().paused, false);
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(executed.at(0).at(0).value<RunRecord>().output, QStringLiteral("fine"));
        QCOMPARE(executed.at(0).at(0).value<RunRecord>().outcome, RunOutcome::Success);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("nightly"));
        QCOMPARE(m_client->state(), Scheduler::State::Paused);
        QVERIFY(state.size() >= 1);
        QCOMPARE(m_client->revision(), m_control->events().revision());
        QVERIFY(m_client->revision() >= 8);
    }

    void eventsNotNewerThanTheSnapshotAreDropped()
    {
        setUpHost();
        QSignalSpy removed(m_client.get(), &SchedulerClient::jobRemoved);
        const qint64 now = m_client->revision();
        const auto line = [](qint64 revision, const QString &id) {
            return QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("job_removed")},
                                             {QStringLiteral("revision"), static_cast<double>(revision)},
                                             {QStringLiteral("job_id"), id}})
                .toJson(QJsonDocument::Compact);
        };
        m_client->applyLine(line(now, QStringLiteral("old")));
        m_client->applyLine(line(now - 1, QStringLiteral("older")));
        QCOMPARE(removed.size(), 0);
        m_client->applyLine(line(now + 1, QStringLiteral("new")));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(m_client->revision(), now + 1);
    }

    void requestsAreAnsweredThroughCallbacks()
    {
        setUpHost();
        std::optional<Result<Job>> added;
        m_client->addJob(JobBuilder("a").interval(minute, startMs).function("ok"), ConflictPolicy::Fail, this,
                         [&added](Result<Job> job) { added = std::move(job); });
        QTRY_VERIFY(added.has_value());
        QVERIFY_OK(*added);
        QVERIFY(m_scheduler->job("a"));

        // The host's errors keep their code; a taken id is a conflict.
        std::optional<Result<Job>> again;
        m_client->addJob(JobBuilder("a").interval(minute, startMs).function("ok"), ConflictPolicy::Fail, this,
                         [&again](Result<Job> job) { again = std::move(job); });
        QTRY_VERIFY(again.has_value());
        QVERIFY(!*again);
        QCOMPARE(again->error().code, ErrorCode::Conflict);

        // A callback whose context is gone is not called.
        bool called = false;
        auto context = std::make_unique<QObject>();
        m_client->job(QStringLiteral("a"), context.get(), [&called](Result<Job>) { called = true; });
        context.reset();
        syncClient();
        QVERIFY(!called);
    }

    void historyAndRunOutputOfTheHost()
    {
        setUpHost();
        addOrDie(JobBuilder("h").interval(minute, startMs).function("ok"));
        QVERIFY(m_scheduler->runJobNow("h"));
        QTRY_COMPARE(m_scheduler->runningCount("h"), 0);
        std::optional<Result<QList<RunRecord>>> history;
        m_client->history(QStringLiteral("h"), 10, this, [&history](auto runs) { history = std::move(runs); });
        QTRY_VERIFY(history.has_value());
        QVERIFY_OK(*history);
        QCOMPARE(history->value().size(), 1);
        QCOMPARE(history->value().front().output, QStringLiteral("fine"));
    }

    void schedulerPauseAndHistoryLimitThroughTheClient()
    {
        setUpHost();
        bool done = false;
        m_client->pauseScheduler(this, [&done](Result<QJsonValue> answer) { done = answer.ok(); });
        QTRY_VERIFY(done);
        QCOMPARE(m_scheduler->state(), Scheduler::State::Paused);
        QTRY_COMPARE(m_client->state(), Scheduler::State::Paused);
        done = false;
        m_client->setHistoryLimit(7, this, [&done](Result<QJsonValue> answer) { done = answer.ok(); });
        QTRY_VERIFY(done);
        QCOMPARE(m_scheduler->historyLimit(), 7);
        QCOMPARE(m_client->historyLimit(), 7);
        std::optional<Result<QJsonValue>> tooMany;
        m_client->setHistoryLimit(100'001, this, [&tooMany](Result<QJsonValue> answer) { tooMany = answer; });
        QTRY_VERIFY(tooMany.has_value());
        QCOMPARE(tooMany->error().code, ErrorCode::InvalidInput);
    }

    void losingTheHostAndFindingItAgain()
    {
        setUpHost();
        const QString path = m_client->socketPath();
        addOrDie(JobBuilder("slow").interval(minute, startMs).function("block"));
        QVERIFY(m_scheduler->runJobNow("slow"));
        QTRY_COMPARE(m_client->runningCount(), 1);
        QSignalSpy connection(m_client.get(), &SchedulerClient::hostConnectedChanged);

        // The host goes: requests fail at once (Io), the cached state is cleared.
        m_control.reset();
        m_server.reset();
        QTRY_COMPARE(connection.size(), 1);
        QCOMPARE(connection.at(0).at(0).toBool(), false);
        QVERIFY(!m_client->isConnected());
        QCOMPARE(m_client->runningCount(), 0);
        QCOMPARE(m_client->state(), Scheduler::State::Stopped);
        std::optional<Result<Job>> refused;
        m_client->job(QStringLiteral("slow"), this, [&refused](Result<Job> job) { refused = std::move(job); });
        QTRY_VERIFY(refused.has_value());
        QCOMPARE(refused->error().code, ErrorCode::Io);

        // It comes back on the same socket: the client finds it and takes a new snapshot.
        m_server = std::make_unique<QLocalServer>();
        QVERIFY(m_server->listen(path));
        m_control = std::make_unique<ControlServer>(*m_scheduler, *m_store, m_server.get());
        QTRY_VERIFY_WITH_TIMEOUT(m_client->isConnected(), 5000);
        QCOMPARE(connection.size(), 2);
        QCOMPARE(connection.at(1).at(0).toBool(), true);
        QCOMPARE(m_client->runningCount("slow"), 1);
        m_gate.release();
        QTRY_COMPARE(m_client->runningCount("slow"), 0);
    }

    void findsAHostStartedAfterIt()
    {
        // The window starts before its host (it starts the host itself): failed attempts must not stop the retries.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("later"));
        auto client = SchedulerClient::forSocket(path);
        client->connectToHost();
        QTest::qWait(400); // a few attempts fail: nobody listens yet
        QVERIFY(!client->isConnected());
        QLocalServer server;
        QVERIFY(server.listen(path));
        ControlServer control(*m_scheduler, *m_store, &server);
        QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 5000);
        QCOMPARE(client->state(), Scheduler::State::Running);
    }

    void raiseReachesTheWindowAttachedToTheHost()
    {
        setUpHost();
        const QJsonObject raise{{QStringLiteral("id"), 1}, {QStringLiteral("method"), QStringLiteral("raise")}};
        // A client that is no window: nobody is raised.
        QCOMPARE(m_control->handle(raise).value(QStringLiteral("result")).toObject().value(QStringLiteral("raised")).toBool(),
                 false);
        auto window = SchedulerClient::forSocket(m_client->socketPath());
        window->setWindow(true);
        window->connectToHost();
        QTRY_VERIFY(window->isConnected());
        QSignalSpy raised(window.get(), &SchedulerClient::raiseRequested);
        QCOMPARE(m_control->handle(raise).value(QStringLiteral("result")).toObject().value(QStringLiteral("raised")).toBool(),
                 true);
        QTRY_COMPARE(raised.size(), 1);
        QCOMPARE(raised.at(0).at(0).toString(), QString());
        // A notice's "Show log" names the job the window selects.
        const QJsonObject showJob{{QStringLiteral("id"), 3},
                                  {QStringLiteral("method"), QStringLiteral("raise")},
                                  {QStringLiteral("params"), QJsonObject{{QStringLiteral("job_id"), QStringLiteral("backup")}}}};
        QVERIFY(m_control->handle(showJob).value(QStringLiteral("result")).toObject().value(QStringLiteral("raised")).toBool());
        QTRY_COMPARE(raised.size(), 2);
        QCOMPARE(raised.at(1).at(0).toString(), QString("backup"));
        // "show": false only asks whether a window is there.
        const QJsonObject ask{{QStringLiteral("id"), 2},
                              {QStringLiteral("method"), QStringLiteral("raise")},
                              {QStringLiteral("params"), QJsonObject{{QStringLiteral("show"), false}}}};
        QVERIFY(m_control->handle(ask).value(QStringLiteral("result")).toObject().value(QStringLiteral("raised")).toBool());
        QTest::qWait(50); // nothing more arrives
        QCOMPARE(raised.size(), 2);
    }

    void shutdownIsHandedToTheHostApp()
    {
        setUpHost();
        QSignalSpy requested(m_control.get(), &ControlServer::shutdownRequested);
        std::optional<Result<QJsonValue>> answer;
        m_client->shutdownHost(true, this, [&answer](Result<QJsonValue> result) { answer = result; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY_OK(*answer);
        QTRY_COMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toBool(), true);
    }

};

QTEST_GUILESS_MAIN(TestSchedulerClient)
#include "testschedulerclient.moc"
