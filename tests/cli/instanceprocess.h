// A `punctualctl run` host in a process of its own for end-to-end tests: started on a store, its log read as it
// comes (so it never blocks on a full pipe), ended when the test is done with it.
#pragma once

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

#include <memory>

class InstanceProcess
{
public:
    ~InstanceProcess() { stop(); }

    /// Starts `punctualctl --db DB run OPTIONS` and waits until its log says @p ready (the line a host writes once
    /// it schedules); false when it did not within 15 s.
    bool start(const QString &db, const QStringList &options = {},
               const QString &ready = QStringLiteral("scheduler running on"))
    {
        return startOn({"--db", db}, options, ready);
    }
    /// start() on the store that @p storeArguments name (`--store URL` for PostgreSQL, `--db FILE`).
    bool startOn(const QStringList &storeArguments, const QStringList &options = {},
                 const QString &ready = QStringLiteral("scheduler running on"))
    {
        m_log.clear();
        m_process = std::make_unique<QProcess>();
        m_process->start(QStringLiteral(PUNCTUALCTL_PATH), storeArguments + QStringList{"run"} + options);
        return m_process->waitForStarted() && QTest::qWaitFor([&] { return log().contains(ready); }, 15000);
    }
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    /// SIGTERM, then SIGKILL after 15 s.
    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(15000)) {
                m_process->kill();
                m_process->waitForFinished();
            }
        }
    }
    /// Everything it wrote to stderr so far (reading it keeps its pipe drained).
    QString log()
    {
        if (m_process)
            m_log += QString::fromUtf8(m_process->readAllStandardError());
        return m_log;
    }
    QProcess *process() const { return m_process.get(); }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_log;
};

/// True while process @p pid runs, and is not a zombie either: a container's init may never reap one.
inline bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && line.size() > close + 2 && line.at(close + 2) != 'Z';
}
