// postResult(): work on a worker, its result on the receiver's thread, and nothing once the receiver is gone.
#include "util/postresult.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace punctual;

Q_DECLARE_METATYPE(punctual::WorkerThread)

namespace {

/// A receiver that counts the connections to its destroyed() (postResult() must not leave them behind).
class Receiver final : public QObject
{
public:
    int destroyedConnections() const { return receivers(SIGNAL(destroyed(QObject*))); }
};

} // namespace

class TestPostResult : public QObject
{
    Q_OBJECT

private slots:
    void deliversOnReceiversThread_data();
    void deliversOnReceiversThread();
    void receiverDeletedWhileWorking_data();
    void receiverDeletedWhileWorking();
    void receiverDeletedWithResultQueued();
    void receiverDeletedAtAnyMoment();
};

void TestPostResult::deliversOnReceiversThread_data()
{
    QTest::addColumn<WorkerThread>("where");
    QTest::newRow("pool") << WorkerThread::Pool;
    QTest::newRow("own thread") << WorkerThread::OwnThread;
}

void TestPostResult::deliversOnReceiversThread()
{
    QFETCH(WorkerThread, where);
    Receiver receiver;
    QThread *worker = nullptr;
    QThread *deliveredOn = nullptr;
    int delivered = 0;
    postResult(
        &receiver, [] { return QThread::currentThread(); },
        [&](QThread *thread) {
            worker = thread;
            deliveredOn = QThread::currentThread();
            ++delivered;
        },
        where);
    QTRY_COMPARE(delivered, 1);
    QVERIFY(worker != QThread::currentThread());
    QCOMPARE(deliveredOn, QThread::currentThread());
    QCOMPARE(receiver.destroyedConnections(), 0);
    QTest::qWait(20);
    QCOMPARE(delivered, 1); // once
}

void TestPostResult::receiverDeletedWhileWorking_data()
{
    deliversOnReceiversThread_data();
}

void TestPostResult::receiverDeletedWhileWorking()
{
    QFETCH(WorkerThread, where);
    auto receiver = std::make_unique<Receiver>();
    auto started = std::make_shared<QSemaphore>();
    auto proceed = std::make_shared<QSemaphore>();
    auto finished = std::make_shared<QSemaphore>();
    auto delivered = std::make_shared<std::atomic<int>>(0);
    // Only the work holds this once it runs: when it is gone, the worker is done (its result posted or dropped).
    auto result = std::make_shared<int>(42);
    std::weak_ptr<int> resultAlive = result;
    postResult(
        receiver.get(),
        [started, proceed, finished, result]() {
            started->release();
            proceed->acquire();
            finished->release();
            return result;
        },
        [delivered](const std::shared_ptr<int> &) { ++*delivered; }, where);
    result.reset();
    QVERIFY(started->tryAcquire(1, 5000));
    receiver.reset(); // while the work runs
    proceed->release();
    QVERIFY(finished->tryAcquire(1, 5000));
    QTRY_VERIFY(resultAlive.expired()); // the worker let go of the result without posting it anywhere
    QCoreApplication::processEvents();
    QTest::qWait(20);
    QCOMPARE(delivered->load(), 0);
}

void TestPostResult::receiverDeletedWithResultQueued()
{
    auto receiver = std::make_unique<Receiver>();
    int delivered = 0;
    postResult(receiver.get(), [] { return 1; }, [&delivered](int) { ++delivered; });
    QVERIFY(QThreadPool::globalInstance()->waitForDone(5000)); // posted, not yet delivered: no event loop ran
    receiver.reset();
    QCoreApplication::processEvents();
    QTest::qWait(20);
    QCOMPARE(delivered, 0);
}

void TestPostResult::receiverDeletedAtAnyMoment()
{
    // Receivers deleted at every point of the worker's post, by chance: no crash, and no delivery to any.
    auto delivered = std::make_shared<std::atomic<int>>(0);
    for (int i = 0; i < 5000; ++i) {
        auto receiver = std::make_unique<Receiver>();
        postResult(receiver.get(), [i] { return i; }, [delivered](int) { ++*delivered; });
        if (i % 2)
            QThread::yieldCurrentThread();
        receiver.reset();
    }
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QCoreApplication::processEvents();
    QCOMPARE(delivered->load(), 0);
}

QTEST_GUILESS_MAIN(TestPostResult)
#include "testpostresult.moc"
