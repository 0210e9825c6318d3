// Runs work off the GUI thread and hands its result to a receiver on the receiver's thread, while it lives.
#pragma once

#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>

#include <functional>
#include <memory>
#include <utility>

namespace punctual {

/// Where postResult() runs its work.
enum class WorkerThread
{
    Pool,      ///< a thread of QThreadPool::globalInstance(), when one is free
    OwnThread, ///< a QThread of its own, started at once and deleted when done
};

namespace detail {

/**
 * A receiver as a worker thread may see it: the worker posts to it under a lock, and the receiver's destroyed()
 * clears it under the same lock. So a post either happens before ~QObject goes on (and ~QObject removes the
 * posted call with the receiver's other posted events) or sees no receiver. Checking a QPointer on the worker
 * and then posting is a race: the receiver may be deleted between the check and the post.
 */
class PostTarget final
{
public:
    /// Follows @p receiver's destruction. Call it on the receiver's thread.
    static std::shared_ptr<PostTarget> follow(QObject *receiver);
    ~PostTarget();
    Q_DISABLE_COPY_MOVE(PostTarget)

    /// Queues @p call to run on the receiver's thread, unless the receiver is destroyed. From any thread.
    template <typename Call>
    void post(Call call)
    {
        const QMutexLocker locker(&m_mutex);
        if (m_receiver)
            QMetaObject::invokeMethod(m_receiver, std::move(call), Qt::QueuedConnection);
    }

    /// Stops following the receiver (so its connections do not pile up). Call it on the receiver's thread.
    void release();

private:
    PostTarget() = default;

    QMutex m_mutex;
    QObject *m_receiver = nullptr;
    QMetaObject::Connection m_destroyed;
};

/// Runs @p task where @p where says.
void startWork(std::function<void()> task, WorkerThread where);

} // namespace detail

/**
 * Runs @p work() on a worker thread, then @p done(result) on @p receiver's thread, unless @p receiver has been
 * destroyed by then: then @p done is not called (and is destroyed on whichever thread lets it go). Call it on
 * @p receiver's thread. @p work and @p done must be copyable; @p work must not touch @p receiver.
 *
 * Not QFuture::then(context, ...): in Qt 6.4 it checks a QPointer to the context on the worker and then posts
 * to it, the race PostTarget avoids.
 */
template <typename Work, typename Done>
void postResult(QObject *receiver, Work work, Done done, WorkerThread where = WorkerThread::Pool)
{
    std::shared_ptr<detail::PostTarget> target = detail::PostTarget::follow(receiver);
    detail::startWork(
        [target, work = std::move(work), done = std::move(done)]() mutable {
            auto result = work();
            target->post([target, done = std::move(done), result = std::move(result)]() mutable {
                target->release();
                done(std::move(result));
            });
        },
        where);
}

} // namespace punctual
