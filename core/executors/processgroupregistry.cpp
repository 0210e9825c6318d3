// The file of running process groups, and ending the groups a dead scheduler left behind.
#include "processgroupregistry.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

#include <signal.h>
#include <sys/types.h>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcProcesses, "punctual.executor.processes")

constexpr int fileVersion = 1;
constexpr unsigned long pollMs = 50;

/// What /proc/PID/stat says about one process.
struct ProcessStat
{
    qint64 pid = 0;
    char state = '?';
    qint64 group = 0;
    qint64 session = 0;
    quint64 startTicks = 0;

    bool isAlive() const { return state != 'Z' && state != 'X'; }
};

std::optional<ProcessStat> readStat(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = file.readAll();
    // "PID (COMM) STATE PPID PGRP SESSION ...": the command may hold spaces and parentheses: count from the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // fields[0] is field 3 of proc(5): state; pgrp is 5, session 6, starttime 22.
    if (fields.size() < 20 || fields[0].isEmpty())
        return std::nullopt;
    ProcessStat stat;
    stat.pid = pid;
    stat.state = fields[0].at(0);
    stat.group = fields[2].toLongLong();
    stat.session = fields[3].toLongLong();
    stat.startTicks = fields[19].toULongLong();
    return stat;
}

/// Every process that is not a zombie.
QList<ProcessStat> livingProcesses()
{
    QList<ProcessStat> processes;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        if (auto stat = readStat(pid); stat && stat->isAlive())
            processes.append(*stat);
    }
    return processes;
}

QList<ProcessStat> membersOf(qint64 pgid, const QList<ProcessStat> &processes)
{
    QList<ProcessStat> members;
    std::copy_if(processes.cbegin(), processes.cend(), std::back_inserter(members),
                 [pgid](const ProcessStat &process) { return process.group == pgid; });
    return members;
}

/// Whether the living @p members of group record.pgid are the run we started (see the class comment).
bool isOurGroup(const ProcessGroupRecord &record, const QList<ProcessStat> &members)
{
    const auto leader = std::find_if(members.cbegin(), members.cend(),
                                     [&record](const ProcessStat &process) { return process.pid == record.pgid; });
    if (leader != members.cend())
        return leader->startTicks == record.startTicks;
    return std::all_of(members.cbegin(), members.cend(), [&record](const ProcessStat &process) {
        return process.session == record.pgid && process.startTicks >= record.startTicks;
    });
}

/// The groups of @p pgids that still have a living member.
QList<qint64> stillAlive(const QList<qint64> &pgids)
{
    const QList<ProcessStat> processes = livingProcesses();
    QList<qint64> alive;
    for (const qint64 pgid : pgids) {
        if (!membersOf(pgid, processes).isEmpty())
            alive.append(pgid);
    }
    return alive;
}

/// Waits until none of @p pgids has a living member, or @p grace has passed; returns those still alive.
QList<qint64> waitUntilGone(QList<qint64> pgids, std::chrono::milliseconds grace)
{
    const QDeadlineTimer deadline(grace);
    for (pgids = stillAlive(pgids); !pgids.isEmpty() && !deadline.hasExpired(); pgids = stillAlive(pgids))
        QThread::msleep(pollMs);
    return pgids;
}

void signalGroups(const QList<qint64> &pgids, int signal)
{
    for (const qint64 pgid : pgids) {
        if (pgid > 1) // never kill(0) or kill(-1)
            ::kill(static_cast<pid_t>(-pgid), signal);
    }
}

QString bootId()
{
    QFile file(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed()) : QString();
}

QString stateFolder()
{
    const QString configured = qEnvironmentVariable("XDG_STATE_HOME");
    if (!configured.isEmpty() && QDir::isAbsolutePath(configured))
        return configured;
    return QDir::homePath() + QStringLiteral("/.local/state");
}

QJsonObject toJson(const ProcessGroupRecord &record)
{
    return {{QStringLiteral("pgid"), record.pgid},
            {QStringLiteral("start_ticks"), static_cast<qint64>(record.startTicks)},
            {QStringLiteral("job_id"), record.jobId},
            {QStringLiteral("run_id"), static_cast<qint64>(record.runId)}};
}

ProcessGroupRecord fromJson(const QJsonObject &object)
{
    ProcessGroupRecord record;
    record.pgid = object.value(QStringLiteral("pgid")).toInteger();
    record.startTicks = static_cast<quint64>(object.value(QStringLiteral("start_ticks")).toInteger());
    record.jobId = object.value(QStringLiteral("job_id")).toString();
    record.runId = object.value(QStringLiteral("run_id")).toInteger();
    return record;
}

} // namespace

ProcessGroupRegistry::ProcessGroupRegistry(QString filePath)
    : m_path(std::move(filePath))
{
}

QString ProcessGroupRegistry::fileFor(const QString &storeKey)
{
    QString host = QSysInfo::machineHostName();
    host.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    const QByteArray hash = QCryptographicHash::hash(storeKey.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("%1/punctual/processes/%2-%3.json")
        .arg(stateFolder(), host, QString::fromLatin1(hash.left(16)));
}

quint64 ProcessGroupRegistry::processStartTicks(qint64 pid)
{
    const auto stat = readStat(pid);
    return stat ? stat->startTicks : 0;
}

void ProcessGroupRegistry::add(qint64 pid, const QString &jobId, std::int64_t runId)
{
    if (pid <= 1)
        return;
    loadCarried();
    m_groups.append({pid, processStartTicks(pid), jobId, runId});
    save();
}

void ProcessGroupRegistry::loadCarried()
{
    if (m_carriedLoaded)
        return;
    m_carried = leftovers();
    m_carriedLoaded = true;
}

void ProcessGroupRegistry::remove(qint64 pgid)
{
    const auto removed = m_groups.removeIf([pgid](const ProcessGroupRecord &record) { return record.pgid == pgid; });
    if (removed > 0)
        save();
}

void ProcessGroupRegistry::clear()
{
    if (m_groups.isEmpty())
        return;
    m_groups.clear();
    save();
}

QList<ProcessGroupRecord> ProcessGroupRegistry::leftovers() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.value(QStringLiteral("version")).toInt() != fileVersion) {
        qCWarning(lcProcesses, "%s is not a process list this version writes: ignored", qPrintable(m_path));
        return {};
    }
    if (root.value(QStringLiteral("boot_id")).toString() != bootId())
        return {}; // written before a reboot: none of them runs any more, and their pids mean nothing now
    QList<ProcessGroupRecord> records;
    const QJsonArray groups = root.value(QStringLiteral("groups")).toArray();
    for (const QJsonValue &value : groups) {
        ProcessGroupRecord record = fromJson(value.toObject());
        const bool ours = std::any_of(m_groups.cbegin(), m_groups.cend(),
                                      [&record](const ProcessGroupRecord &own) { return own.pgid == record.pgid; });
        if (record.pgid > 1 && !ours)
            records.append(std::move(record));
    }
    return records;
}

int ProcessGroupRegistry::endLeftovers(std::chrono::milliseconds grace)
{
    const QList<ProcessGroupRecord> records = leftovers();
    QList<qint64> ended;
    if (!records.isEmpty()) {
        const QList<ProcessStat> processes = livingProcesses();
        for (const ProcessGroupRecord &record : records) {
            const QList<ProcessStat> members = membersOf(record.pgid, processes);
            if (members.isEmpty())
                continue; // ended by itself, or its leader was the whole run (the parent death signal took it)
            if (!isOurGroup(record, members)) {
                qCInfo(lcProcesses, "process group %lld of job %s (run %lld) is gone; its number now belongs to "
                                    "another process, left alone",
                       record.pgid, qPrintable(record.jobId), static_cast<long long>(record.runId));
                continue;
            }
            qCWarning(lcProcesses, "job %s (run %lld): ending process group %lld (%lld process(es)) left running "
                                   "by an earlier session",
                      qPrintable(record.jobId), static_cast<long long>(record.runId), record.pgid,
                      static_cast<long long>(members.size()));
            ended.append(record.pgid);
        }
    }
    if (!ended.isEmpty()) {
        signalGroups(ended, SIGTERM);
        const QList<qint64> stubborn = waitUntilGone(ended, grace);
        signalGroups(stubborn, SIGKILL);
        const QList<qint64> left = waitUntilGone(stubborn, grace);
        for (const qint64 pgid : left)
            qCWarning(lcProcesses, "process group %lld is still there after SIGKILL (a process in the kernel's "
                                   "uninterruptible sleep?)",
                      pgid);
    }
    m_carried.clear();
    m_carriedLoaded = true;
    if (!records.isEmpty() || QFileInfo::exists(m_path))
        save(); // from now on the file lists this session's groups only
    return static_cast<int>(ended.size());
}

void ProcessGroupRegistry::save()
{
    const QList<ProcessGroupRecord> listed = m_carried + m_groups;
    if (listed.isEmpty()) {
        if (QFileInfo::exists(m_path) && !QFile::remove(m_path))
            qCWarning(lcProcesses, "cannot remove %s", qPrintable(m_path));
        return;
    }
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QFileInfo::exists(folder)) {
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QJsonArray groups;
    for (const ProcessGroupRecord &record : listed)
        groups.append(toJson(record));
    const QJsonObject root{{QStringLiteral("version"), fileVersion},
                           {QStringLiteral("boot_id"), bootId()},
                           {QStringLiteral("groups"), groups}};
    // Replaced whole: a new file renamed over the old one, so a crash leaves the old list or the new one, never a
    // part of one. Not QSaveFile: its fsync (about 4 ms here, on the scheduler's thread at every run's start and
    // end) buys nothing, as the list is ignored after a reboot and a process crash loses no written data.
    const QString temporary = m_path + QStringLiteral(".new");
    QFile file(temporary);
    const bool written = file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) >= 0 && file.flush();
    const QString error = file.errorString();
    file.close();
    if (!written || std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(m_path).constData()) != 0) {
        qCWarning(lcProcesses, "cannot write %s: %s (processes of runs going now would outlive a crash)",
                  qPrintable(m_path), qPrintable(written ? QString::fromLocal8Bit(std::strerror(errno)) : error));
        QFile::remove(temporary);
    }
}

} // namespace punctual
