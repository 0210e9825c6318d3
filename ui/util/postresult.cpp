// Posting a worker's result back: the receiver followed under a lock, and the two places work can run.
#include "postresult.h"

#include <QThread>
#include <QThreadPool>

namespace punctual::detail {

std::shared_ptr<PostTarget> PostTarget::follow(QObject *receiver)
{
    std::shared_ptr<PostTarget> target(new PostTarget);
    target->m_receiver = receiver;
    // Direct: destroyed() runs on the deleting thread, in ~QObject, before the posted events are removed.
    // Weak: the connection's functor must not keep the target (which holds the connection) alive.
    target->m_destroyed = QObject::connect(receiver, &QObject::destroyed,
                                           [weak = std::weak_ptr<PostTarget>(target)] {
                                               if (const std::shared_ptr<PostTarget> target = weak.lock()) {
                                                   const QMutexLocker locker(&target->m_mutex);
                                                   target->m_receiver = nullptr;
                                               }
                                           });
    return target;
}

PostTarget::~PostTarget() = default;

void PostTarget::release()
{
    QObject::disconnect(m_destroyed);
    const QMutexLocker locker(&m_mutex);
    m_receiver = nullptr;
}

void startWork(std::function<void()> task, WorkerThread where)
{
    switch (where) {
    case WorkerThread::Pool:
        QThreadPool::globalInstance()->start(std::move(task));
        return;
    case WorkerThread::OwnThread: {
        QThread *thread = QThread::create(std::move(task));
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        thread->start();
        return;
    }
    }
}

} // namespace punctual::detail
