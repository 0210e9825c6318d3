// Real processes in tests: whether one is still alive, the pids a job script wrote, a detached process group.
#pragma once

#include <QFile>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <signal.h>

namespace punctual::test {

/// Dead: no /proc entry, or a zombie nobody has reaped yet (containers often lack a reaping init).
inline bool processGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0 || close + 2 >= line.size())
        return true;
    const char state = line.at(close + 2);
    return state == 'Z' || state == 'X';
}

/// The pids in @p path, one a line (as `echo $$ >> FILE` writes them); empty while it does not exist.
inline QList<qint64> readPids(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<qint64> pids;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (const qint64 pid = line.trimmed().toLongLong(); pid > 0)
            pids.append(pid);
    }
    return pids;
}

/// The first pid in @p path, 0 while there is none.
inline qint64 readPid(const QString &path)
{
    return readPids(path).value(0);
}

/// Runs `sh -c SCRIPT` as the leader of a new session and process group, detached from this process (its parent is
/// init, as a job's processes are after their scheduler died). Returns its pid (= its group), 0 on failure.
inline qint64 startDetachedGroup(const QString &script)
{
    qint64 pid = 0;
    // setsid(1) execs in place: the detached child is no group leader, so it needs no fork of its own.
    if (!QProcess::startDetached(QStringLiteral("setsid"), {QStringLiteral("sh"), QStringLiteral("-c"), script},
                                 QString(), &pid))
        return 0;
    return pid;
}

/// SIGKILL to every process in @p pids (the end of a test that started them).
inline void killAll(const QList<qint64> &pids)
{
    for (const qint64 pid : pids) {
        if (pid > 1)
            ::kill(static_cast<pid_t>(pid), SIGKILL);
    }
}

} // namespace punctual::test
