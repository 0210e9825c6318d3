// The control server and client over a real local socket, against a scheduler on a fake clock: every method, its
// errors, bad input, several clients, and that changes made through it are the scheduler's own (signals).
#include "control/controlclient.h"
#include "control/controlserver.h"
#include "control/instancehost.h"
#include "control/instancelock.h"
#include "control/methods.h"
#include "control/protocol.h"
#include "control/remotejobcontrol.h"
#include "executors/builtinfunctions.h"
#include "executors/functionregistry.h"
#include "mock/fakeclock.h"
#include "mock/manualwaketimer.h"
#include "scheduler/scheduler.h"
#include "store/memoryjobstore.h"
#include "store/storewatcher.h"
#include "support/jobbuilder.h"
#include "support/testsupport.h"
#include "support/schedulerharness.h"
#include "triggers/crontrigger.h"
#include "triggers/intervaltrigger.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr std::int64_t T0 = 1767225600000; // 2026-01-01T00:00:00Z

// Runs @p function on a thread of its own while this thread's event loop runs (the server lives here, and the
// synchronous client would block it).
template <typename Function>
auto offThread(Function function) -> decltype(function())
{
    std::optional<decltype(function())> result;
    std::unique_ptr<QThread> thread(QThread::create([&] { result.emplace(function()); }));
    QEventLoop loop;
    QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    return std::move(*result);
}

QJsonObject intervalJob(const QString &id, int seconds = 60)
{
    const Job job = JobBuilder(id).name(id).interval(seconds * 1000LL, T0, "UTC").function(QStringLiteral("noop"));
    return job.toJson();
}

} // namespace

class TestControlServer : public QObject, public SchedulerHarness
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pingAndStatus();
    void addListShow();
    void addErrors();
    void pauseResume();
    void modifyAnySubset();
    void reschedule();
    void removeAndRemoveAll();
    void runNowAndHistory();
    void bulkMethodsAndStop();
    void runStateOverTheWire();
    void raise();
    void changesAreTheSchedulersOwn();
    void badRequestsKeepTheConnection();
    void garbageIsAnsweredAndDisconnected();
    void hugeLineIsDisconnected();
    void clientThatDoesNotReadIsBoundedAndDropped();
    void largeImportIsOneTransactionOnOneConnection();
    void twoClientsAtOnce();
    void remoteJobControlMatchesLocal();
    void docMatchesTheMethodsTable();
    void methodsTableDrivesDispatch();
    void listsRoundTripOnTheWire();
    void instanceHostStartsAndStopsInOrder();
    void statsPerJob();

private:
    /// One request on a fresh connection.
    Result<QJsonValue> call(const QString &method, const QJsonObject &params = {});
    /// Raw bytes on a raw socket (this thread): what comes back before the server closes or @p waitMs pass.
    QByteArray raw(const QByteArray &bytes, bool *disconnected, int waitMs = 3000);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<InstanceLock> m_lock;
    std::unique_ptr<ControlServer> m_server;
    QString m_socket;
};

void TestControlServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    registerBuiltinFunctions(m_functions);
    setUpScheduler(T0);
    QVERIFY(m_scheduler->start());
    auto lock = InstanceLock::acquire(m_dir->filePath("jobs.db"));
    QVERIFY2(lock, qPrintable(lock ? QString() : lock.error().message));
    m_lock = std::move(lock).value();
    m_socket = m_lock->socketPath();
    m_server = std::make_unique<ControlServer>(*m_scheduler, *m_store, m_lock->server());
}

void TestControlServer::cleanup()
{
    m_server.reset();
    m_lock.reset();
    tearDownScheduler();
}

Result<QJsonValue> TestControlServer::call(const QString &method, const QJsonObject &params)
{
    const QString socket = m_socket;
    return offThread([&]() -> Result<QJsonValue> {
        ControlClient client;
        if (auto connected = client.connectToServer(socket); !connected)
            return connected.error();
        return client.call(method, params, 10000);
    });
}

QByteArray TestControlServer::raw(const QByteArray &bytes, bool *disconnected, int waitMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_socket);
    if (!socket.waitForConnected(3000))
        return "not connected";
    QByteArray answer;
    bool closed = false;
    connect(&socket, &QLocalSocket::readyRead, &socket, [&] { answer += socket.readAll(); });
    connect(&socket, &QLocalSocket::disconnected, &socket, [&] { closed = true; });
    // Written in pieces, as a real client's large writes arrive.
    for (qsizetype at = 0; at < bytes.size() && !closed; at += 64 * 1024) {
        socket.write(bytes.mid(at, 64 * 1024));
        QCoreApplication::processEvents();
    }
    QElapsedTimer timer;
    timer.start();
    while (!closed && timer.elapsed() < waitMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    if (socket.isOpen())
        answer += socket.readAll();
    if (disconnected)
        *disconnected = closed;
    return answer;
}

void TestControlServer::pingAndStatus()
{
    auto pong = call("ping");
    QVERIFY2(pong, qPrintable(pong ? QString() : pong.error().message));
    QCOMPARE(pong->toObject().value("pid").toInteger(), QCoreApplication::applicationPid());
    QCOMPARE(pong->toObject().value("protocol").toInt(), control::protocolVersion);
    QCOMPARE(pong->toObject().value("version").toString(), QStringLiteral(PUNCTUAL_VERSION));

    QVERIFY(m_scheduler->addJob(Job::fromJson(intervalJob("a"), false).value()));
    auto status = call("status");
    QVERIFY(status);
    const QJsonObject s = status->toObject();
    QCOMPARE(s.value("state").toString(), QStringLiteral("running"));
    QCOMPARE(s.value("jobs").toInt(), 1);
    QCOMPARE(s.value("running").toInt(), 0);
    QCOMPARE(s.value("store").toString(), m_store->describe());
    QCOMPARE(s.value("pid").toInteger(), QCoreApplication::applicationPid());
    m_scheduler->pause();
    QCOMPARE(call("status")->toObject().value("state").toString(), QStringLiteral("paused"));
}

void TestControlServer::addListShow()
{
    QJsonObject params = intervalJob("nightly", 3600);
    params.insert("name", "Nightly backup");
    auto added = call("add", params);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
    const QJsonObject job = added->toObject();
    QCOMPARE(job.value("id").toString(), QStringLiteral("nightly"));
    QCOMPARE(job.value("name").toString(), QStringLiteral("Nightly backup"));
    QCOMPARE(job.value("next_run_time").toString(), QStringLiteral("2026-01-01T01:00:00+00:00"));
    QCOMPARE(job.value("created_at").toString(), QStringLiteral("2026-01-01T00:00:00+00:00"));
    QVERIFY(m_scheduler->job("nightly"));

    // An id is generated when none is given; the job JSON may also come under "job".
    QJsonObject unnamed = intervalJob("");
    auto generated = call("add", {{"job", unnamed}});
    QVERIFY(generated);
    QCOMPARE(generated->toObject().value("id").toString().size(), 32);

    auto list = call("list");
    QVERIFY(list);
    QCOMPARE(list->toArray().size(), 2);
    QCOMPARE(list->toArray().at(0).toObject().value("id").toString(), generated->toObject().value("id").toString());

    auto shown = call("show", {{"id", "nightly"}});
    QVERIFY(shown);
    QCOMPARE(shown->toObject(), job);
}

void TestControlServer::addErrors()
{
    QVERIFY(call("add", intervalJob("dup")));
    auto again = call("add", intervalJob("dup"));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(again.error().message, QStringLiteral("a job with id \"dup\" already exists"));

    QJsonObject replacing = intervalJob("dup", 120);
    replacing.insert("replace", true);
    auto replaced = call("add", replacing);
    QVERIFY(replaced);
    QCOMPARE(replaced->toObject().value("trigger").toObject().value("interval_seconds").toDouble(), 120.0);

    QJsonObject badTrigger = intervalJob("bad");
    badTrigger.insert("trigger", QJsonObject{{"type", "interval"}, {"interval_seconds", 0}});
    auto invalid = call("add", badTrigger);
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().code, ErrorCode::InvalidInput);

    QJsonObject noTrigger = intervalJob("none");
    noTrigger.remove("trigger");
    QCOMPARE(call("add", noTrigger).error().code, ErrorCode::InvalidInput);

    QJsonObject badReplace = intervalJob("r");
    badReplace.insert("replace", "yes");
    QCOMPARE(call("add", badReplace).error().code, ErrorCode::InvalidInput);
}

void TestControlServer::pauseResume()
{
    QVERIFY(call("add", intervalJob("p", 60)));
    auto paused = call("pause", {{"id", "p"}});
    QVERIFY(paused);
    QCOMPARE(paused->toObject().value("paused").toBool(), true);
    QVERIFY(paused->toObject().value("next_run_time").isNull());
    QVERIFY(m_scheduler->job("p")->paused);

    m_clock.advance(90'000);
    auto resumed = call("resume", {{"id", "p"}});
    QVERIFY(resumed);
    QCOMPARE(resumed->toObject().value("paused").toBool(), false);
    QCOMPARE(resumed->toObject().value("next_run_time").toString(), QStringLiteral("2026-01-01T00:02:00+00:00"));

    auto missing = call("pause", {{"id", "nope"}});
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(missing.error().message, QStringLiteral("no job with id \"nope\""));
    QCOMPARE(call("resume", {{"id", "nope"}}).error().code, ErrorCode::NotFound);
    QCOMPARE(call("pause", {}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(call("pause", {{"id", 5}}).error().code, ErrorCode::InvalidInput);

    // A note says why; a paused job takes a new one; resume clears it; a bad note changes nothing.
    auto noted = call("pause", {{"id", "p"}, {"note", "disk swapped"}});
    QVERIFY(noted);
    QCOMPARE(noted->toObject().value("pause_note").toString(), QStringLiteral("disk swapped"));
    QCOMPARE(m_scheduler->job("p")->pauseNote, QStringLiteral("disk swapped"));
    QVERIFY(call("pause", {{"id", "p"}, {"note", "still swapped"}}));
    QCOMPARE(m_scheduler->job("p")->pauseNote, QStringLiteral("still swapped"));
    QVERIFY(call("pause", {{"id", "p"}}));
    QCOMPARE(m_scheduler->job("p")->pauseNote, QStringLiteral("still swapped"));
    auto twoLines = call("pause", {{"id", "p"}, {"note", "one\ntwo"}});
    QCOMPARE(twoLines.error().code, ErrorCode::InvalidInput);
    QCOMPARE(m_scheduler->job("p")->pauseNote, QStringLiteral("still swapped"));
    QCOMPARE(call("pause", {{"id", "p"}, {"note", 3}}).error().code, ErrorCode::InvalidInput);
    QVERIFY(call("resume", {{"id", "p"}}));
    QCOMPARE(m_scheduler->job("p")->pauseNote, QString());

    // pause_jobs: the jobs paused, and a paused one whose note changed.
    QVERIFY(call("add", intervalJob("q", 60)));
    QVERIFY(call("pause", {{"id", "q"}, {"note", "old"}}));
    auto bulk = call("pause_jobs", {{"ids", QJsonArray{"p", "q"}}, {"note", "maintenance"}});
    QVERIFY(bulk);
    QCOMPARE(bulk->toObject().value("changed").toArray(), (QJsonArray{"p", "q"}));
    QCOMPARE(m_scheduler->job("p")->pauseNote, QStringLiteral("maintenance"));
    QCOMPARE(m_scheduler->job("q")->pauseNote, QStringLiteral("maintenance"));
    bulk = call("pause_jobs", {{"ids", QJsonArray{"p", "q"}}});
    QCOMPARE(bulk->toObject().value("changed").toArray(), QJsonArray());
    QCOMPARE(m_scheduler->job("q")->pauseNote, QStringLiteral("maintenance"));
}

void TestControlServer::modifyAnySubset()
{
    QJsonObject params = intervalJob("m", 60);
    params.insert("max_instances", 3);
    QVERIFY(call("add", params));

    auto renamed = call("modify", {{"id", "m"}, {"name", "Renamed"}});
    QVERIFY(renamed);
    QCOMPARE(renamed->toObject().value("name").toString(), QStringLiteral("Renamed"));
    QCOMPARE(renamed->toObject().value("max_instances").toInt(), 3);

    // Only the option keys given change.
    auto options = call("modify", {{"id", "m"}, {"options", QJsonObject{{"timeout", 30}}}});
    QVERIFY(options);
    QCOMPARE(options->toObject().value("timeout").toDouble(), 30.0);
    QCOMPARE(options->toObject().value("max_instances").toInt(), 3);
    QCOMPARE(m_scheduler->job("m")->options.timeoutMs, std::optional<std::int64_t>(30'000));

    const QJsonObject action{{"type", "command"}, {"program", "/bin/echo"}, {"arguments", QJsonArray{"hi"}}};
    auto withAction = call("modify", {{"id", "m"}, {"action", action}, {"name", "Echo"}});
    QVERIFY(withAction);
    QCOMPARE(withAction->toObject().value("action").toObject().value("program").toString(), QStringLiteral("/bin/echo"));
    QCOMPARE(withAction->toObject().value("name").toString(), QStringLiteral("Echo"));

    auto cron = CronTrigger::create("30 2 * * *", ZoneRules::forZone("UTC"));
    QVERIFY(cron);
    auto withTrigger = call("modify", {{"id", "m"}, {"trigger", cron.value()->toJson()}});
    QVERIFY(withTrigger);
    QCOMPARE(withTrigger->toObject().value("next_run_time").toString(), QStringLiteral("2026-01-01T02:30:00+00:00"));

    auto nothing = call("modify", {{"id", "m"}});
    QVERIFY(!nothing);
    QCOMPARE(nothing.error().code, ErrorCode::InvalidInput);
    QCOMPARE(call("modify", {{"id", "m"}, {"options", QJsonObject{{"max_instances", 0}}}}).error().code,
             ErrorCode::InvalidInput);
    QCOMPARE(call("modify", {{"id", "m"}, {"action", "x"}}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(call("modify", {{"id", "nope"}, {"name", "x"}}).error().code, ErrorCode::NotFound);
}

void TestControlServer::reschedule()
{
    QVERIFY(call("add", intervalJob("r", 60)));
    auto trigger = std::make_shared<IntervalTrigger>(600'000, T0);
    trigger->setZone(ZoneRules::forZone("UTC"));
    m_clock.advance(30'000);
    auto moved = call("reschedule", {{"id", "r"}, {"trigger", trigger->toJson()}});
    QVERIFY(moved);
    QCOMPARE(moved->toObject().value("next_run_time").toString(), QStringLiteral("2026-01-01T00:10:00+00:00"));
    QCOMPARE(call("reschedule", {{"id", "r"}}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(call("reschedule", {{"id", "nope"}, {"trigger", trigger->toJson()}}).error().code, ErrorCode::NotFound);
}

void TestControlServer::removeAndRemoveAll()
{
    QVERIFY(call("add", intervalJob("a")));
    QVERIFY(call("add", intervalJob("b")));
    QVERIFY(call("add", intervalJob("c")));
    auto removed = call("remove", {{"id", "a"}});
    QVERIFY(removed);
    QCOMPARE(removed->toObject().value("stopped").toInt(-1), 0); // nothing of it was going
    QVERIFY(!m_scheduler->job("a"));
    auto again = call("remove", {{"id", "a"}});
    QCOMPARE(again.error().code, ErrorCode::NotFound);
    QVERIFY(again.error().message.contains("\"a\""));

    auto all = call("remove_all");
    QVERIFY(all);
    QCOMPARE(all->toObject().value("removed").toInt(), 2);
    QCOMPARE(m_scheduler->jobs()->size(), 0);
}

void TestControlServer::runNowAndHistory()
{
    QVERIFY(call("add", intervalJob("f")));
    QSignalSpy executed(m_scheduler.get(), &Scheduler::jobExecuted);
    auto run = call("run_now", {{"id", "f"}});
    QVERIFY2(run, qPrintable(run ? QString() : run.error().message));
    const QJsonObject started = run->toObject();
    QVERIFY(started.value("id").toInteger() > 0);
    QCOMPARE(started.value("job_id").toString(), QStringLiteral("f"));
    QTRY_COMPARE(executed.size(), 1);

    auto history = call("history", {{"job_id", "f"}});
    QVERIFY(history);
    QCOMPARE(history->toArray().size(), 1);
    const QJsonObject ended = history->toArray().at(0).toObject();
    QCOMPARE(ended.value("id"), started.value("id"));
    QCOMPARE(ended.value("outcome").toString(), QStringLiteral("success"));

    // More runs: limit and min_id pick the newest.
    QVERIFY(call("run_now", {{"id", "f"}}));
    QTRY_COMPARE(executed.size(), 2);
    QVERIFY(call("run_now", {{"id", "f"}}));
    QTRY_COMPARE(executed.size(), 3);
    QCOMPARE(call("history", {{"job_id", "f"}, {"limit", 2}})->toArray().size(), 2);
    QCOMPARE(call("history", {})->toArray().size(), 3);
    auto since = call("history", {{"job_id", "f"}, {"min_id", started.value("id").toInteger() + 1}});
    QVERIFY(since);
    QCOMPARE(since->toArray().size(), 2);
    QCOMPARE(call("history", {{"limit", 0}}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(call("history", {{"job_id", 3}}).error().code, ErrorCode::InvalidInput);

    // The timeline's form: the runs of job_ids that overlap [since, until], without their output.
    const double far = 4'000'000'000'000.0; // year 2096
    auto range = call("history", {{"job_ids", QJsonArray{"f", "other"}}, {"since", 0}, {"until", far}});
    QVERIFY2(range, qPrintable(range ? QString() : range.error().message));
    QCOMPARE(range->toArray().size(), 3);
    QCOMPARE(range->toArray().at(0).toObject().value("id").toInteger(), since->toArray().at(0).toObject().value("id").toInteger());
    QCOMPARE(range->toArray().at(0).toObject().value("output").toString(), QString());
    QCOMPARE(call("history", {{"since", far}})->toArray().size(), 0);
    QCOMPARE(call("history", {{"job_ids", QJsonArray{"other"}}})->toArray().size(), 0);
    QCOMPARE(call("history", {{"since", "yesterday"}}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(call("history", {{"job_ids", QJsonArray{1}}}).error().code, ErrorCode::InvalidInput);

    auto missing = call("run_now", {{"id", "nope"}});
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestControlServer::runStateOverTheWire()
{
    // A failed run waiting to retry: not running, in "activity" with its attempt and time; run_now is refused
    // (busy) without a record; remove stops it and says how many.
    addFailing("fail", "boom");
    Job job = JobBuilder("flaky").name("Flaky").interval(3600'000, T0, "UTC").function("fail");
    job.options.maxRetries = 2;
    job.options.retryDelayMs = 300'000;
    QVERIFY(m_scheduler->addJob(job));
    QVERIFY(call("run_now", {{"id", "flaky"}}));
    QTRY_VERIFY(m_scheduler->retryWait("flaky"));

    const QJsonObject status = call("status")->toObject();
    QCOMPARE(status.value("running").toInt(-1), 0);
    QCOMPARE(status.value("retrying").toInt(-1), 1);
    const QJsonArray activity = call("activity")->toArray();
    QCOMPARE(activity.size(), 1);
    const QJsonObject expected{{"job_id", "flaky"},
                               {"running", 0},
                               {"retry", QJsonObject{{"attempt", 2}, {"attempts", 3},
                                                     {"at", "2026-01-01T00:05:00+00:00"}}}};
    QCOMPARE(activity.at(0).toObject(), expected);
    QCOMPARE(call("activity", {{"id", "flaky"}})->toArray().size(), 1);
    QCOMPARE(call("activity", {{"id", "nope"}}).error().code, ErrorCode::NotFound);

    // RemoteJobControl reads the same as the scheduler's own.
    const QString socket = m_socket;
    auto remote = offThread([&]() -> Result<QList<JobActivity>> {
        auto client = std::make_unique<ControlClient>();
        if (auto connected = client->connectToServer(socket); !connected)
            return connected.error();
        return RemoteJobControl(std::move(client)).activity({});
    });
    QVERIFY(remote);
    QCOMPARE(remote.value(), m_scheduler->activity());

    auto refused = call("run_now", {{"id", "flaky"}});
    QCOMPARE(refused.error().code, ErrorCode::Busy);
    QCOMPARE(refused.error().message,
             QStringLiteral("\"Flaky\" is waiting to retry a failed run (max instances 1); nothing started"));
    QCOMPARE(m_store->runs("flaky", 10)->size(), 2); // the failed attempt and the retry waiting

    QCOMPARE(call("remove", {{"id", "flaky"}})->toObject().value("stopped").toInt(), 1);
    QCOMPARE(call("status")->toObject().value("retrying").toInt(-1), 0);
    QCOMPARE(call("activity")->toArray().size(), 0);
}

void TestControlServer::raise()
{
    auto unheard = call("raise");
    QVERIFY(unheard);
    QCOMPARE(unheard->toObject().value("raised").toBool(), false);
    QSignalSpy raised(m_server.get(), &ControlServer::raiseRequested);
    auto heard = call("raise");
    QVERIFY(heard);
    QCOMPARE(heard->toObject().value("raised").toBool(), true);
    QCOMPARE(raised.size(), 1);
}

void TestControlServer::changesAreTheSchedulersOwn()
{
    QSignalSpy added(m_scheduler.get(), &Scheduler::jobAdded);
    QSignalSpy modified(m_scheduler.get(), &Scheduler::jobModified);
    QSignalSpy removed(m_scheduler.get(), &Scheduler::jobRemoved);
    QSignalSpy allRemoved(m_scheduler.get(), &Scheduler::allJobsRemoved);
    QVERIFY(call("add", intervalJob("s", 60)));
    QCOMPARE(added.size(), 1);
    QVERIFY(call("pause", {{"id", "s"}}));
    QVERIFY(call("resume", {{"id", "s"}}));
    QCOMPARE(modified.size(), 2);
    QVERIFY(call("remove", {{"id", "s"}}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("s"));
    QVERIFY(call("remove_all"));
    QCOMPARE(allRemoved.size(), 1);

    // The wake timer follows: a job added through the server fires when its time comes.
    QSignalSpy executed(m_scheduler.get(), &Scheduler::jobExecuted);
    QVERIFY(call("add", intervalJob("t", 60)));
    m_clock.advance(60'000);
    m_scheduler->refresh();
    QTRY_COMPARE(executed.size(), 1);
}

void TestControlServer::badRequestsKeepTheConnection()
{
    QLocalSocket socket;
    socket.connectToServer(m_socket);
    QVERIFY(socket.waitForConnected(3000));
    QByteArray answers;
    connect(&socket, &QLocalSocket::readyRead, &socket, [&] { answers += socket.readAll(); });
    socket.write("{\"id\":1}\n"                                       // no method
                 "{\"id\":2,\"method\":\"ping\",\"params\":[1]}\n"    // params not an object
                 "{\"id\":\"three\",\"method\":\"frobnicate\"}\n"     // unknown method
                 "{\"id\":4,\"method\":\"show\",\"params\":{}}\n"     // no id
                 "\n"                                                  // empty lines are ignored
                 "{\"id\":5,\"method\":\"ping\"}\r\n");                // still served
    QTRY_COMPARE(answers.count('\n'), 5);
    const QList<QByteArray> lines = answers.trimmed().split('\n');
    auto response = [&](int i) { return QJsonDocument::fromJson(lines.at(i)).object(); };
    QCOMPARE(response(0).value("id").toInt(), 1);
    QCOMPARE(response(0).value("error").toObject().value("code").toString(), QStringLiteral("bad_request"));
    QCOMPARE(response(1).value("error").toObject().value("code").toString(), QStringLiteral("bad_request"));
    QCOMPARE(response(2).value("id").toString(), QStringLiteral("three"));
    QCOMPARE(response(2).value("error").toObject().value("code").toString(), QStringLiteral("unknown_method"));
    QCOMPARE(response(3).value("error").toObject().value("code").toString(), QStringLiteral("invalid_input"));
    QCOMPARE(response(4).value("ok").toBool(), true);
    QCOMPARE(socket.state(), QLocalSocket::ConnectedState);
    QCOMPARE(m_server->clientCount(), 1);
}

void TestControlServer::garbageIsAnsweredAndDisconnected()
{
    QByteArray binary("{\"id\":1,\"method\":\"ping\"");
    binary.append('\0');
    binary.append("\xff\xfe}\n");
    const QList<QByteArray> garbage{
        "hello\n",
        "[1,2,3]\n",
        binary,
        "{\"id\":1,\"method\":\"ping\"\n",
    };
    for (const QByteArray &bytes : garbage) {
        bool disconnected = false;
        const QByteArray answer = raw(bytes, &disconnected);
        QVERIFY2(disconnected, bytes.constData());
        const QJsonObject response = QJsonDocument::fromJson(answer.trimmed()).object();
        QCOMPARE(response.value("ok").toBool(true), false);
        QVERIFY(response.value("id").isNull());
        QCOMPARE(response.value("error").toObject().value("code").toString(), QStringLiteral("bad_request"));
    }
    QTRY_COMPARE(m_server->clientCount(), 0);
    QVERIFY(call("ping")); // the server goes on
}

void TestControlServer::hugeLineIsDisconnected()
{
    // A line without end beyond the cap: the client is told and disconnected, not buffered without limit.
    const QByteArray huge = "{\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + QByteArray(5 * 1024 * 1024, 'a');
    bool disconnected = false;
    const QByteArray answer = raw(huge, &disconnected, 10000);
    QVERIFY(disconnected);
    QVERIFY2(answer.contains("longer than"), answer.left(300).constData());
    QTRY_COMPARE(m_server->clientCount(), 0);

    // Just under the cap is served.
    QJsonObject params{{"x", QString(3 * 1024 * 1024, QLatin1Char('a'))}};
    QVERIFY(call("ping", params));
}

void TestControlServer::clientThatDoesNotReadIsBoundedAndDropped()
{
    // A client pipelines thousands of requests and reads no answer: the server holds at most the flow-control
    // bound plus one answer for it, then drops it after the stall timeout; other clients are served meanwhile.
    m_server->setStallTimeoutMs(500);
    QLocalSocket socket;
    socket.setReadBufferSize(4096); // this client really does not read: the kernel buffers fill up
    socket.connectToServer(m_socket);
    QVERIFY(socket.waitForConnected(3000));
    QByteArray requests;
    for (int i = 0; i < 20000; ++i)
        requests += "{\"id\":" + QByteArray::number(i) + ",\"method\":\"status\"}\n";
    socket.write(requests);
    QTRY_COMPARE(m_server->clientCount(), 1);

    const qint64 oneAnswer = QJsonDocument(m_server->handle({{"id", 1}, {"method", "status"}})).toJson().size();
    qint64 mostPending = 0;
    QElapsedTimer timer;
    timer.start();
    // (With its read buffer full, the client itself does not see the end of the connection.)
    while (m_server->clientCount() > 0 && timer.elapsed() < 20000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        mostPending = std::max(mostPending, m_server->pendingWriteBytes());
    }
    QVERIFY2(m_server->clientCount() == 0, "the client that did not read was not dropped");
    QVERIFY2(mostPending > 0, "the test did not make the server hold answers");
    QVERIFY2(mostPending <= ControlServer::maxPendingWriteBytes + 2 * oneAnswer,
             qPrintable(QStringLiteral("held %1 bytes for one client").arg(mostPending)));
    QCOMPARE(m_server->pendingWriteBytes(), 0);
    QVERIFY(call("ping")); // the server goes on
}

void TestControlServer::largeImportIsOneTransactionOnOneConnection()
{
    const QString socket = m_socket;
    auto jobs = [](const QStringList &ids) {
        QJsonArray array;
        for (const QString &id : ids)
            array.append(intervalJob(id));
        return array;
    };

    // Pieces staged with "more" on a connection that then closes: nothing is added.
    auto staged = offThread([&] {
        ControlClient client;
        if (!client.connectToServer(socket))
            return QJsonValue();
        auto first = client.call("add_jobs", {{"jobs", jobs({"a", "b"})}, {"more", true}});
        auto second = client.call("add_jobs", {{"jobs", jobs({"c"})}, {"more", true}});
        return first && second ? second.value() : QJsonValue();
    });
    QCOMPARE(staged.toObject().value("staged").toInt(), 3);
    QTRY_COMPARE(m_server->clientCount(), 0);
    QCOMPARE(m_scheduler->jobs()->size(), 0);

    // The last piece adds everything staged before it, in one transaction, and answers with all the jobs.
    auto added = offThread([&]() -> Result<QJsonValue> {
        ControlClient client;
        if (auto connected = client.connectToServer(socket); !connected)
            return connected.error();
        if (auto piece = client.call("add_jobs", {{"jobs", jobs({"a", "b"})}, {"more", true}}); !piece)
            return piece.error();
        return client.call("add_jobs", {{"jobs", jobs({"c"})}});
    });
    QVERIFY_OK(added);
    QCOMPARE(added->toArray().size(), 3);
    QCOMPARE(m_scheduler->jobs()->size(), 3);

    // A conflict in the last piece refuses the staged jobs as well; a bad job in a piece names its place in the
    // whole import and drops what was staged.
    auto conflict = offThread([&]() -> QString {
        ControlClient client;
        if (!client.connectToServer(socket))
            return "not connected";
        if (!client.call("add_jobs", {{"jobs", jobs({"d", "e"})}, {"more", true}}))
            return "first piece refused";
        auto last = client.call("add_jobs", {{"jobs", jobs({"a"})}});
        if (last)
            return "the conflict was accepted";
        QJsonArray bad = jobs({"f"});
        bad.append(QJsonObject{{"id", "g"}});
        if (!client.call("add_jobs", {{"jobs", jobs({"f"})}, {"more", true}}))
            return "piece refused";
        auto badPiece = client.call("add_jobs", {{"jobs", bad}, {"more", true}});
        if (badPiece)
            return "a bad job was staged";
        auto after = client.call("add_jobs", {{"jobs", jobs({"h"})}});
        if (!after)
            return after.error().message;
        return last.error().message + "|" + badPiece.error().message + "|" + QString::number(after->toArray().size());
    });
    const QStringList parts = conflict.split('|');
    QCOMPARE(parts.size(), 3);
    QVERIFY2(parts[0].contains("\"a\""), qPrintable(parts[0]));
    QVERIFY2(parts[1].startsWith("jobs[2]"), qPrintable(parts[1]));
    QCOMPARE(parts[2], QStringLiteral("1"));
    QStringList ids;
    for (const Job &job : m_scheduler->jobs().value())
        ids.append(job.id);
    ids.sort();
    QCOMPARE(ids, QStringList({"a", "b", "c", "h"}));

    // Staging needs a connection.
    const QJsonObject inProcess = m_server->handle(
        {{"id", 1}, {"method", "add_jobs"}, {"params", QJsonObject{{"jobs", jobs({"x"})}, {"more", true}}}});
    QCOMPARE(inProcess.value("error").toObject().value("code").toString(), QStringLiteral("invalid_input"));
}

void TestControlServer::twoClientsAtOnce()
{
    // Two clients on their own threads, each with its own connection and many requests, interleaved.
    const QString socket = m_socket;
    auto work = [socket](const QString &prefix) {
        ControlClient client;
        if (!client.connectToServer(socket))
            return -1;
        int ok = 0;
        for (int i = 0; i < 50; ++i) {
            QJsonObject job = intervalJob(QStringLiteral("%1-%2").arg(prefix).arg(i));
            if (client.call("add", job, 10000) && client.call("show", {{"id", job.value("id")}}, 10000))
                ++ok;
        }
        return ok;
    };
    std::optional<int> a, b;
    std::unique_ptr<QThread> first(QThread::create([&] { a = work("a"); }));
    std::unique_ptr<QThread> second(QThread::create([&] { b = work("b"); }));
    first->start();
    second->start();
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished() && second->isFinished(), 30000);
    QCOMPARE(a.value_or(-2), 50);
    QCOMPARE(b.value_or(-2), 50);
    QCOMPARE(m_scheduler->jobs()->size(), 100);
}

void TestControlServer::remoteJobControlMatchesLocal()
{
    // RemoteJobControl (what punctualctl uses) round-trips jobs and runs exactly.
    const QString socket = m_socket;
    auto outcome = offThread([&]() -> QString {
        auto client = std::make_unique<ControlClient>();
        if (auto connected = client->connectToServer(socket); !connected)
            return connected.error().message;
        RemoteJobControl remote(std::move(client));
        if (remote.instancePid() != QCoreApplication::applicationPid())
            return "wrong pid";
        Job job = Job::fromJson(intervalJob("x", 90), false).value();
        job.options.misfireGraceMs = std::nullopt;
        job.options.maxRetries = 2;
        auto added = remote.addJob(job, ConflictPolicy::Fail);
        if (!added)
            return added.error().message;
        auto shown = remote.job("x");
        if (!shown || shown->toJson() != added->toJson() || shown->createdAt != T0)
            return "show differs";
        JobChanges changes;
        changes.name = QStringLiteral("Renamed");
        auto modified = remote.modifyJob("x", changes);
        if (!modified || modified->name != "Renamed" || modified->options.maxRetries != 2)
            return "modify";
        if (auto paused = remote.pauseJob("x", "why not"); !paused || !paused->paused || paused->pauseNote != "why not")
            return "pause";
        if (auto changed = remote.pauseJobs({"x"}, "because"); !changed || changed.value() != QStringList{"x"})
            return "pause_jobs with a note";
        if (auto duplicate = remote.addJob(job, ConflictPolicy::Fail); duplicate || duplicate.error().code != ErrorCode::Conflict)
            return "conflict";
        if (auto missing = remote.removeJob("nope"); missing || missing.error().code != ErrorCode::NotFound)
            return "not found";
        auto run = remote.runJobNow("x");
        if (!run || run->id <= 0 || run->jobId != "x" || run->scheduledTime != T0)
            return "run now";
        return {};
    });
    QVERIFY2(outcome.isEmpty(), qPrintable(outcome));
    auto stored = m_scheduler->job("x");
    QVERIFY(stored);
    QCOMPARE(stored->name, QStringLiteral("Renamed"));
    QCOMPARE(stored->options.misfireGraceMs, std::nullopt);
}

void TestControlServer::docMatchesTheMethodsTable()
{
    // docs/control-protocol.md's table of methods lists exactly the rows of control::methods: the same names, the
    // same "Changes" column, and every parameter the server checks named in the row.
    QFile file(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/../../docs/control-protocol.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.fileName()));
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype start = text.indexOf("\n## Methods\n");
    QVERIFY(start >= 0);
    const QString section = text.mid(start, text.indexOf("\n## ", start + 1) - start);
    static const QRegularExpression row(R"(^\| `([a-z_]+)` \| (yes|no) \| (.*?) \| .* \|$)",
                                        QRegularExpression::MultilineOption);
    QMap<QString, QPair<QString, QString>> documented; // name: (changes, params)
    for (const QRegularExpressionMatch &match : row.globalMatch(section)) {
        QVERIFY2(!documented.contains(match.captured(1)), qPrintable("documented twice: " + match.captured(1)));
        documented.insert(match.captured(1), {match.captured(2), match.captured(3)});
    }
    QStringList inTable;
    for (const control::MethodSpec &method : control::methods) {
        const QString name = control::methodName(method.method);
        inTable << name;
        QVERIFY2(documented.contains(name), qPrintable("not documented: " + name));
        QCOMPARE(documented.value(name).first, method.effect == control::Effect::Changes ? "yes" : "no");
        for (const control::Param &param : method.params) {
            const QString quoted = '"' + QString::fromLatin1(param.name.data(), param.name.size()) + '"';
            QVERIFY2(documented.value(name).second.contains(quoted), qPrintable(name + " does not name " + quoted));
        }
    }
    QStringList inDoc = documented.keys();
    inDoc.sort();
    inTable.sort();
    QCOMPARE(inDoc, inTable);
}

void TestControlServer::methodsTableDrivesDispatch()
{
    auto request = [this](const QString &method, const QJsonObject &params) {
        return m_server->handle({{"id", 1}, {"method", method}, {"params", params}});
    };
    auto code = [](const QJsonObject &response) { return response.value("error").toObject().value("code").toString(); };
    for (const control::MethodSpec &method : control::methods) {
        const QString name = control::methodName(method.method);
        QCOMPARE(control::findMethod(name), &method);
        // Every row is served; the first required parameter, left out, is named in an invalid_input error.
        const QJsonObject response = request(name, {});
        QVERIFY2(code(response) != "unknown_method", qPrintable(name));
        if (!method.params.empty() && method.params.front().presence == control::Presence::Required) {
            const QString first = QString::fromLatin1(method.params.front().name.data(), method.params.front().name.size());
            QCOMPARE(code(response), QStringLiteral("invalid_input"));
            QVERIFY2(response.value("error").toObject().value("message").toString().startsWith("params." + first + " "),
                     qPrintable(name));
        }
    }
    QCOMPARE(control::findMethod(u"PING"), nullptr);
    QCOMPARE(code(request("PING", {})), QStringLiteral("unknown_method"));

    // Optional parameters may be null; NotNull ones (modify's fields) may not; each type has its message.
    QVERIFY(request("history", {{"job_id", QJsonValue::Null}, {"limit", QJsonValue::Null}}).value("ok").toBool());
    QVERIFY(call("add", intervalJob("m")));
    const QJsonObject nullName = request("modify", {{"id", "m"}, {"name", QJsonValue::Null}});
    QCOMPARE(nullName.value("error").toObject().value("message").toString(), QStringLiteral("params.name must be a string"));
    QCOMPARE(request("history", {{"limit", 2.5}}).value("error").toObject().value("message").toString(),
             QStringLiteral("params.limit must be a whole number of at least 1"));
    QCOMPARE(request("add_jobs", {{"jobs", "x"}}).value("error").toObject().value("message").toString(),
             QStringLiteral("params.jobs must be an array of jobs"));
    QCOMPARE(request("reschedule", {{"id", "m"}, {"trigger", 1}}).value("error").toObject().value("message").toString(),
             QStringLiteral("params.trigger must be an object (a trigger's JSON)"));
}

void TestControlServer::listsRoundTripOnTheWire()
{
    QList<Job> jobs{Job::fromJson(intervalJob("a"), false).value(), Job::fromJson(intervalJob("b", 90), false).value()};
    jobs[1].createdAt = T0;
    const QJsonArray wireJobs = control::listToWire(jobs);
    auto readJobs = control::listFromWire<Job>(wireJobs);
    QVERIFY2(readJobs, qPrintable(readJobs ? QString() : readJobs.error().message));
    QCOMPARE(readJobs->size(), 2);
    QCOMPARE(readJobs->at(1).toJson(), jobs.at(1).toJson());
    QCOMPARE(readJobs->at(1).createdAt, T0);

    RunRecord run;
    run.id = 7;
    run.jobId = QStringLiteral("a");
    run.scheduledTime = T0;
    run.startTime = T0 + 5;
    run.outcome = RunOutcome::Success;
    const QJsonArray wireRuns = control::listToWire(QList<RunRecord>{run});
    auto readRuns = control::listFromWire<RunRecord>(wireRuns);
    QVERIFY(readRuns);
    QCOMPARE(readRuns->size(), 1);
    QCOMPARE(readRuns->front().toJson(), run.toJson());

    // One bad item fails the list, with its own error.
    QJsonArray bad = wireRuns;
    bad.append(QJsonObject{{"id", "seven"}});
    QCOMPARE(control::listFromWire<RunRecord>(bad).error().code, ErrorCode::InvalidInput);
    QVERIFY(!control::listFromWire<Job>(QJsonArray{1}));
}

void TestControlServer::instanceHostStartsAndStopsInOrder()
{
    const QString path = m_dir->filePath("hosted.db");
    InstanceHost host(StoreLocation::fromPath(path), m_clock, m_functions);
    QVERIFY(host.lock());
    InstanceHost second(StoreLocation::fromPath(path), m_clock, m_functions);
    auto refused = second.lock();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);

    QVERIFY(host.open());
    QCOMPARE(host.controlServer(), nullptr);
    auto watching = host.serve();
    QVERIFY2(watching, qPrintable(watching ? QString() : watching.error().message));
    QVERIFY(host.controlServer());
    QVERIFY(host.storeWatcher()->isWatching());
    QVERIFY(host.scheduler().start());

    // Clients find it by the store's path; "raise" says that no window listens (the host forwards nothing).
    auto answers = offThread([path]() -> QList<Result<QJsonValue>> {
        ControlClient client;
        if (auto connected = client.connectToStore(path); !connected)
            return {connected.error()};
        return {client.call(control::Method::Status), client.call(control::Method::Raise)};
    });
    QCOMPARE(answers.size(), 2);
    QVERIFY(answers[0]);
    QCOMPARE(answers[0]->toObject().value("store").toString(), host.store().describe());
    QCOMPARE(answers[0]->toObject().value("state").toString(), QStringLiteral("running"));
    QVERIFY(answers[1]);
    QCOMPARE(answers[1]->toObject().value("raised").toBool(true), false);

    host.stopServing();
    QCOMPARE(host.controlServer(), nullptr);
    QCOMPARE(host.storeWatcher(), nullptr);
    QVERIFY(!second.lock()); // the lock is held until stop()
    host.stop();
    QVERIFY(second.lock());
}

void TestControlServer::bulkMethodsAndStop()
{
    for (const QString id : {"a", "b", "c"})
        QVERIFY_OK(call("add", intervalJob(id)));
    QSignalSpy modified(m_scheduler.get(), &Scheduler::jobModified);
    const QJsonObject ab{{"ids", QJsonArray{"a", "b"}}};

    auto answer = call("pause_jobs", ab);
    QVERIFY_OK(answer);
    QCOMPARE(answer->toObject().value("changed").toArray(), (QJsonArray{"a", "b"}));
    QCOMPARE(modified.size(), 2);
    QVERIFY(m_scheduler->job("a")->paused && m_scheduler->job("b")->paused && !m_scheduler->job("c")->paused);
    answer = call("resume_jobs", QJsonObject{{"ids", QJsonArray{"a", "c"}}});
    QVERIFY_OK(answer);
    QCOMPARE(answer->toObject().value("changed").toArray(), QJsonArray{"a"}); // "c" was not paused

    // All or nothing: the first unknown id is named and nothing changes.
    answer = call("pause_jobs", QJsonObject{{"ids", QJsonArray{"a", "zz", "yy"}}});
    QVERIFY(!answer);
    QCOMPARE(answer.error().code, ErrorCode::NotFound);
    QCOMPARE(answer.error().message, QStringLiteral("no job with id \"zz\""));
    QVERIFY(!m_scheduler->job("a")->paused);
    answer = call("pause_jobs", QJsonObject{{"ids", QJsonArray{"a", 3}}});
    QVERIFY(!answer);
    QCOMPARE(answer.error().message, QStringLiteral("params.ids must be an array of job ids (strings)"));

    answer = call("run_now_jobs", QJsonObject{{"ids", QJsonArray{"a", "c"}}});
    QVERIFY_OK(answer);
    QCOMPARE(answer->toObject().value("started").toArray().size(), 2);
    QCOMPARE(answer->toObject().value("busy").toArray(), QJsonArray());
    QTRY_COMPARE(m_scheduler->runningCount(), 0);

    answer = call("stop", QJsonObject{{"id", "a"}});
    QVERIFY_OK(answer);
    QCOMPARE(answer->toObject().value("stopped").toInt(-1), 0);
    answer = call("run_output", QJsonObject{{"run_id", 123456}});
    QVERIFY_OK(answer);
    QCOMPARE(answer->toObject().value("running").toBool(true), false);

    answer = call("remove_jobs", ab);
    QVERIFY_OK(answer);
    QCOMPARE(answer->toObject().value("removed").toInt(), 2);
    QCOMPARE(answer->toObject().value("stopped").toInt(-1), 0);
    QCOMPARE(m_scheduler->jobs()->size(), 1);
}

void TestControlServer::statsPerJob()
{
    QVERIFY(call("add", intervalJob("s")));
    QVERIFY(call("add", intervalJob("quiet")));
    // A known history written straight to the host's store: 3 successes of 1, 2 and 4 s, a failure of 8 s, a miss.
    const std::pair<RunOutcome, std::int64_t> history[] = {{RunOutcome::Success, 1'000}, {RunOutcome::Success, 2'000},
                                                           {RunOutcome::Failed, 8'000}, {RunOutcome::Success, 4'000},
                                                           {RunOutcome::Missed, 0}};
    std::int64_t start = T0;
    for (const auto &[outcome, ms] : history) {
        RunRecord run;
        run.jobId = "s";
        run.scheduledTime = start;
        run.outcome = outcome;
        if (outcome != RunOutcome::Missed) {
            run.startTime = start;
            run.endTime = start + ms;
        }
        QVERIFY_OK(m_store->insertRun(run));
        start += 60'000;
    }

    auto stats = call("stats", {{"ids", QJsonArray{"quiet", "s", "nosuch"}}, {"points", 3}});
    QVERIFY2(stats, qPrintable(stats ? QString() : stats.error().message));
    const QJsonArray answer = stats->toArray();
    QCOMPARE(answer.size(), 3); // one per id, in the order asked
    QCOMPARE(answer[0].toObject().value("id").toString(), QStringLiteral("quiet"));
    QCOMPARE(answer[0].toObject().value("ended").toInt(), 0);
    QVERIFY(answer[0].toObject().value("success_rate").isNull());
    QVERIFY(answer[0].toObject().value("p50_ms").isNull());
    QCOMPARE(answer[2].toObject().value("id").toString(), QStringLiteral("nosuch"));

    const QJsonObject s = answer[1].toObject();
    QCOMPARE(s.value("succeeded").toInt(), 3);
    QCOMPARE(s.value("failed").toInt(), 1);
    QCOMPARE(s.value("not_run").toInt(), 1);
    QCOMPARE(s.value("ended").toInt(), 4);
    QCOMPARE(s.value("success_rate").toDouble(), 0.75);
    QCOMPARE(s.value("p50_ms").toInteger(), 2'000); // of 1, 2, 4, 8 s: rank 2
    QCOMPARE(s.value("p95_ms").toInteger(), 8'000); // rank 4
    const QJsonArray points = s.value("durations").toArray();
    QCOMPARE(points.size(), 3); // the newest three, oldest first
    QCOMPARE(points[0].toObject().value("ms").toInteger(), 2'000);
    QCOMPARE(points[1].toObject().value("outcome").toString(), QStringLiteral("failed"));
    QCOMPARE(points[2].toObject().value("ms").toInteger(), 4'000);
    QCOMPARE(control::instantFromWire(points[2].toObject().value("start").toString()),
             std::optional<std::int64_t>(T0 + 180'000));

    // A run that ends through the scheduler counts at once (its row is written behind, flushed for the answer).
    QSignalSpy executed(m_scheduler.get(), &Scheduler::jobExecuted);
    QVERIFY(call("run_now", {{"id", "quiet"}}));
    QTRY_COMPARE(executed.size(), 1);
    auto after = call("stats", {{"ids", QJsonArray{"quiet"}}});
    QVERIFY(after);
    QCOMPARE(after->toArray().at(0).toObject().value("succeeded").toInt(), 1);

    QCOMPARE(call("stats", {}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(call("stats", {{"ids", "s"}}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(call("stats", {{"ids", QJsonArray{"s"}}, {"points", 0}}).error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(TestControlServer)
#include "testcontrolserver.moc"
