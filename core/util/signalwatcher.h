// Turns SIGINT and SIGTERM into a Qt signal (self-pipe), so shutdown runs in the event loop, not in a handler.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace punctual {

class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    /// Installs handlers for SIGINT and SIGTERM; only one watcher may exist at a time.
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    /// A termination signal arrived (@p signalNumber: SIGINT or SIGTERM); count says how many so far.
    void terminationRequested(int signalNumber, int count);

private:
    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};

} // namespace punctual
