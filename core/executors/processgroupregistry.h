// The process groups of the command runs going now, kept in a file so that the next start can end what a dead
// scheduler left running.
#pragma once

#include <QList>
#include <QString>

#include <chrono>
#include <cstdint>

namespace punctual {

/// One run's process group as the file records it.
struct ProcessGroupRecord
{
    qint64 pgid = 0;            ///< the run's process group: the pid of its leader (the process we started)
    quint64 startTicks = 0;     ///< the leader's start time, /proc/PID/stat field 22 (clock ticks after boot)
    QString jobId;
    std::int64_t runId = 0;
};

/**
 * Every command run is its own process group (CommandExecutor). Its leader dies with the scheduler (the parent death
 * signal), but what the leader started (`sh -c 'sleep 300 & wait'`) lives on. So the groups going now are written
 * to a small file whenever one starts or ends (replaced whole by a rename, never half-written), and the next
 * scheduler of the same store on this host ends the groups listed there before it records their runs interrupted
 * (Scheduler::start() through Executor::endLeftovers()).
 *
 * The file (fileFor()): $XDG_STATE_HOME/punctual/processes/HOST-punctual-UID-HASH.json, HASH from the store's
 * instance key (the canonical SQLite path, or the PostgreSQL store plus instance id), so each host ends only the
 * groups it started, also on a shared PostgreSQL store. It holds this boot's id: after a reboot nothing listed can
 * still run. It is removed when no group is going.
 *
 * A pid can be reused once its process and its group are gone, so a listed group is only signalled when it is
 * still the one we started: its leader, if alive, has the recorded start time; a group whose leader is gone is ours
 * when every member is in the leader's session and started after it (a stranger would have to get the same pid,
 * make its own session and die again between the crash and the restart; this is not checked further). A process
 * that left the group (its own setsid(), a double-forking daemon) is not found.
 *
 * Used on one thread (the scheduler's); not for several processes at once (the instance lock guards the file).
 */
class ProcessGroupRegistry final
{
    Q_DISABLE_COPY_MOVE(ProcessGroupRegistry)

public:
    /// Time between SIGTERM and SIGKILL to a left-over group, and again for the killed ones to be gone.
    static constexpr std::chrono::milliseconds defaultGrace{2000};

    /// Keeps its records in @p filePath (its folder is created, 0700, on the first write).
    explicit ProcessGroupRegistry(QString filePath);

    /// The file for the store whose instance key (InstanceLock::storePath()) is @p storeKey, on this host.
    static QString fileFor(const QString &storeKey);

    QString filePath() const { return m_path; }

    /// Records the group of a run whose leader @p pid was just started (it is, or is about to be, group @p pid).
    /// The file keeps listing the earlier session's groups until endLeftovers() has ended them.
    void add(qint64 pid, const QString &jobId, std::int64_t runId);
    /// Forgets group @p pgid (its run was reported); no-op for one not recorded.
    void remove(qint64 pgid);
    /// Forgets every group of this session at once (the executor killed them all).
    void clear();
    /// The groups this object recorded, oldest first.
    const QList<ProcessGroupRecord> &groups() const { return m_groups; }

    /// The groups the file lists that this object did not record (an earlier session's).
    QList<ProcessGroupRecord> leftovers() const;
    /// Ends the leftovers still alive: SIGTERM to each group, SIGKILL @p grace later to those still there, then
    /// waits (at most @p grace more) until they are gone; then the file lists only this session's groups.
    /// Blocks (polling /proc, which is the only way to watch processes that are not our children). Returns how
    /// many groups were signalled.
    int endLeftovers(std::chrono::milliseconds grace = defaultGrace);

    /// The start time of process @p pid (/proc/PID/stat field 22), 0 when there is no such process.
    static quint64 processStartTicks(qint64 pid);

private:
    void save();

    /// Reads the earlier session's groups once, so that writing ours does not drop them from the file.
    void loadCarried();

    QString m_path;
    QList<ProcessGroupRecord> m_groups;
    QList<ProcessGroupRecord> m_carried; ///< an earlier session's groups, until endLeftovers() ended them
    bool m_carriedLoaded = false;
};

} // namespace punctual
