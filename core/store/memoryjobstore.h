// The in-memory job store: nothing survives the process, every call is O(log n) or proportional to its answer.
#pragma once

#include "store/jobstore.h"
#include "store/valuepool.h"
#include "time/zonerules.h"

#include <QAnyStringView>
#include <QHash>
#include <QMap>
#include <QSet>

#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace punctual {

/**
 * Jobs in compact slots: an open-addressing index by id, and a binary heap of (next run time, id) over the unpaused
 * jobs that have one, so dueJobs() and earliestNextRunTime() never scan. Ids and names are kept back to back in a
 * byte array (Latin-1) or a UTF-16 one, actions, options and the rest of interval triggers are interned (jobs alike
 * share one copy), and an interval trigger object is made only when a job is read: 100,000 interval jobs take about
 * 9.5 MB, some 95 bytes each. Run history lives per job in id order (ids only grow), so a run is appended,
 * found by binary search and pruned from the front. Behaves exactly like SqlJobStore (tests/core/testjobstore.cpp
 * runs one contract suite against both).
 */
class MemoryJobStore final : public JobStore
{
public:
    MemoryJobStore();
    ~MemoryJobStore() override;
    Q_DISABLE_COPY_MOVE(MemoryJobStore)

    QString describe() const override;

    Result<void> addJob(const Job &job, ConflictPolicy onConflict) override;
    Result<void> addJobs(const QList<Job> &jobs, ConflictPolicy onConflict) override;
    Result<void> updateJob(const Job &job) override;
    Result<void> removeJob(const QString &id) override;
    Result<int> removeAllJobs() override;
    Result<void> removeJobs(const QStringList &ids) override;
    Result<void> updateJobStates(const QList<Job> &jobs) override;

    Result<std::optional<Job>> job(const QString &id) override;
    Result<QList<Job>> jobs() override;
    Result<int> jobCount() override;
    /// From the slots and the interned options: no job is copied.
    Result<QStringList> unpausedJobIdsWithEvents() override;
    Result<QList<Job>> dueJobs(std::int64_t nowMs, int limit) override;
    Result<std::optional<std::int64_t>> earliestNextRunTime() override;

    Result<void> commitDue(DueBatch &batch) override;
    Result<void> insertRun(RunRecord &run) override;
    Result<void> insertRuns(QList<RunRecord> &runs) override;
    Result<void> insertBackfillRuns(const QString &jobId, QList<RunRecord> &runs) override;
    Result<void> updateRun(const RunRecord &run) override;
    Result<int> updateRuns(const QList<RunRecord> &runs) override;
    Result<QList<RunRecord>> runs(const QString &jobId, int limit) override;
    Result<QHash<QString, RunRecord>> latestRuns() override;
    Result<int> interruptRunningRuns(std::int64_t nowMs) override;
    Result<int> pruneRuns(const QString &jobId, int keepPerJob) override;

    Result<QList<ExclusionCalendar>> calendars() override;
    Result<std::optional<ExclusionCalendar>> calendar(const QString &name) override;
    Result<void> putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict, std::int64_t nowMs) override;
    Result<void> removeCalendar(const QString &name) override;

    Result<QList<RunRecord>> runsInRange(const QStringList &jobIds, std::int64_t sinceMs, std::int64_t untilMs,
                                         int limit) override;
    /// Reads the runs in place (runs() would copy every output).
    Result<QHash<QString, JobStatistics>> jobStatistics(const QStringList &ids, int pointLimit) override;

private:
    using Index = std::uint32_t;
    static constexpr Index none = std::numeric_limits<Index>::max();
    static constexpr int chunkBits = 10; ///< slots are allocated 1024 at a time, never moved

    /// One stored job. Its id and name are in m_latin1 when Latin-1 (most are ASCII), else in m_text (a QString each
    /// would cost 24 bytes plus a heap block); an
    /// interval trigger is its start here and the rest interned in m_intervals (no object per job), any other
    /// trigger is shared in m_triggers.
    struct Slot
    {
        std::int64_t nextRunTime = 0; ///< valid when hasNextRunTime
        std::int64_t createdAt = 0;
        std::int64_t triggerStart = 0; ///< an interval trigger's start, when intervalTrigger
        std::uint32_t idOffset = 0;    ///< in m_latin1 when idLatin1, else in m_text
        std::uint32_t nameOffset = 0;  ///< in m_latin1 when nameLatin1, else in m_text; unless nameIsId
        std::uint32_t nameLength = 0;
        ValuePool<Action>::Index action = none;
        ValuePool<JobOptions>::Index options = none;
        std::uint32_t trigger = none; ///< in m_intervals when intervalTrigger, else in m_triggers
        Index heapPosition = none;    ///< position in m_due, none when not due-indexed
        std::uint16_t idLength = 0;   ///< ids are at most 200 characters (400 UTF-16 units)
        bool used : 1 = false;
        bool hasNextRunTime : 1 = false;
        bool paused : 1 = false;
        bool nameIsId : 1 = false;
        bool nameIsNull : 1 = false;
        bool intervalTrigger : 1 = false;
        bool idLatin1 : 1 = false;
        bool nameLatin1 : 1 = false;
    };
    static_assert(sizeof(Slot) <= 56, "one slot per job: keep it small");

    /// What an interval trigger has besides its start: jobs alike share one entry of m_intervals.
    struct IntervalShape
    {
        std::int64_t intervalMs = 0;
        std::optional<std::int64_t> endMs;
        std::shared_ptr<const ZoneRules> zone; ///< the very rules object the trigger had
        std::int64_t jitterMs = 0;
        bool operator==(const IntervalShape &) const = default;
        std::size_t hash() const;
    };

    /// An entry of the due heap: the slot's next run time, kept here so comparisons stay in the heap's memory.
    /// Packed to 12 bytes (16 with padding): a quarter less for the one array that holds every due job.
#pragma pack(push, 4)
    struct DueEntry
    {
        std::int64_t time;
        Index slot;
    };
#pragma pack(pop)
    static_assert(sizeof(DueEntry) == 12);

    Slot &slotAt(Index index) { return m_chunks[index >> chunkBits][index & ((1u << chunkBits) - 1)]; }
    const Slot &slotAt(Index index) const
    {
        return m_chunks[index >> chunkBits][index & ((1u << chunkBits) - 1)];
    }
    Job jobAt(Index index) const;
    QAnyStringView textAt(std::uint32_t offset, std::uint32_t length, bool latin1) const
    {
        if (latin1)
            return QLatin1StringView(m_latin1.data() + offset, length);
        return QStringView(m_text.data() + offset, length);
    }
    QAnyStringView idOf(const Slot &slot) const { return textAt(slot.idOffset, slot.idLength, slot.idLatin1); }
    QAnyStringView nameOf(const Slot &slot) const
    {
        return textAt(slot.nameOffset, slot.nameLength, slot.nameLatin1);
    }
    /// The hash of a stored id: the same as hashId() of the id as a QString.
    std::size_t hashOf(const Slot &slot) const;
    void setPauseNote(Index index, const QString &note);
    /// Appends @p text to m_latin1 when it is all Latin-1 (@p latin1 is set), else to m_text; returns its offset.
    std::uint32_t storeText(QAnyStringView text, bool &latin1);
    /// Characters no slot uses any more; compacts the text arrays when they are most of what they hold.
    void dropText(std::size_t characters);
    void setName(Slot &slot, const QString &name, const QString &id);
    /// Stores @p trigger in @p slot (the slot's previous trigger is released by the caller, after this).
    void acquireTrigger(Slot &slot, const std::shared_ptr<const Trigger> &trigger);
    void releaseTrigger(const Slot &slot);
    std::shared_ptr<const Trigger> triggerOf(const Slot &slot) const;

    /// Inserts or replaces a job (already checked), keeping the id index and the due heap in step.
    void put(const Job &job);
    /// Writes a stored job's next run time and paused state only (commitDue()).
    void putState(const Job &job);
    void updateDueIndex(Index index);
    void erase(const QString &id);
    void clearJobs();

    // Id index: linear probing over slot indexes, hashed by the slot's id.
    Index find(QStringView id) const;
    void indexInsert(Index slot);
    void indexErase(Index slot);
    void indexReserve(std::size_t jobs);

    // Due heap: a min-heap by (time, id) whose entries know their slot and whose slots know their position.
    bool dueBefore(const DueEntry &a, const DueEntry &b) const;
    void heapSet(Index position, const DueEntry &entry);
    void heapUp(Index position);
    void heapDown(Index position);
    void heapInsert(Index slot, std::int64_t time);
    void heapErase(Index position);
    void heapUpdate(Index position, std::int64_t time);

    RunRecord *findRun(std::int64_t runId, const QString &jobId);
    void appendRun(RunRecord &run);

    std::vector<std::unique_ptr<Slot[]>> m_chunks;
    std::vector<char16_t> m_text; ///< ids and names of the slots that are not Latin-1, back to back
    std::vector<char> m_latin1;   ///< ids and names of the slots that are, back to back
    std::size_t m_textGarbage = 0; ///< characters of m_text and m_latin1 no slot refers to
    Index m_slotEnd = 0;            ///< slots ever used (high-water mark)
    std::vector<Index> m_freeSlots; ///< freed slots, reused first
    std::size_t m_jobCount = 0;
    std::vector<Index> m_index;     ///< power-of-two table of slot indexes (none: empty)
    std::vector<DueEntry> m_due;    ///< unpaused jobs with a next run time
    ValuePool<Action> m_actions;
    ValuePool<JobOptions> m_options;
    ValuePool<IntervalShape> m_intervals;
    std::vector<std::shared_ptr<const Trigger>> m_triggers; ///< the triggers that are not interval triggers
    std::vector<std::uint32_t> m_freeTriggers;              ///< free entries of m_triggers, reused first
    QHash<QString, std::vector<RunRecord>> m_runs; ///< per job, ascending id
    QHash<QString, QSet<std::int64_t>> m_backfilled; ///< per job, the run times backfilled (insertBackfillRuns)
    QHash<Index, QString> m_pauseNotes;            ///< the few jobs paused with a note (not a field of every slot)
    QMap<QString, ExclusionCalendar> m_calendars; ///< by name
    std::int64_t m_lastRunId = 0;                  ///< never reused, as SQL AUTOINCREMENT
};

} // namespace punctual
