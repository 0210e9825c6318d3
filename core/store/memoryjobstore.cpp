// The in-memory job store: compact slots, an id index, a due heap, interned actions and options, per-job run lists.
#include "memoryjobstore.h"

#include "store/jobvaluehash.h"
#include "store/storeconflict.h"
#include "triggers/intervaltrigger.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <queue>
#include <tuple>
#include <type_traits>

namespace punctual {

namespace {

class MemoryStoreText
{
    Q_DECLARE_TR_FUNCTIONS(MemoryJobStore)
};

/// jobs() order: by next run time, jobs without one last, then by id.
bool listedBefore(const Job &a, const Job &b)
{
    if (a.nextRunTime.has_value() != b.nextRunTime.has_value())
        return a.nextRunTime.has_value();
    if (a.nextRunTime && *a.nextRunTime != *b.nextRunTime)
        return *a.nextRunTime < *b.nextRunTime;
    return a.id < b.id;
}

std::size_t hashId(QStringView id)
{
    return qHash(id, 0);
}

} // namespace

MemoryJobStore::MemoryJobStore() = default;
MemoryJobStore::~MemoryJobStore() = default;

QString MemoryJobStore::describe() const
{
    return MemoryStoreText::tr("memory");
}

// --- slots ----------------------------------------------------------------------------------------------------

Job MemoryJobStore::jobAt(Index index) const
{
    const Slot &slot = slotAt(index);
    Job job;
    job.id = idOf(slot).toString();
    if (slot.nameIsId)
        job.name = job.id;
    else if (!slot.nameIsNull)
        job.name = nameOf(slot).toString();
    job.trigger = triggerOf(slot);
    job.action = m_actions.value(slot.action);
    job.options = m_options.value(slot.options);
    job.paused = slot.paused;
    if (slot.hasNextRunTime)
        job.nextRunTime = slot.nextRunTime;
    job.createdAt = slot.createdAt;
    job.pauseNote = m_pauseNotes.value(index);
    return job;
}

std::uint32_t MemoryJobStore::storeText(QAnyStringView text, bool &latin1)
{
    const auto size = static_cast<std::size_t>(text.size());
    std::size_t offset = 0;
    // Only Latin-1 and UTF-16 views come here: job ids and names (QString), and this store's own arrays.
    text.visit([&](auto view) {
        using View = decltype(view);
        if constexpr (std::is_same_v<View, QLatin1StringView>) {
            latin1 = true;
        } else if constexpr (std::is_same_v<View, QStringView>) {
            latin1 = std::all_of(view.begin(), view.end(), [](QChar c) { return c.unicode() < 0x100; });
        } else {
            qFatal("MemoryJobStore: UTF-8 text");
        }
        offset = latin1 ? m_latin1.size() : m_text.size();
        if (offset + size > std::numeric_limits<std::uint32_t>::max())
            qFatal("MemoryJobStore: more than 4 G characters of job ids and names");
        if constexpr (std::is_same_v<View, QLatin1StringView>) {
            m_latin1.insert(m_latin1.end(), view.data(), view.data() + size);
        } else if constexpr (std::is_same_v<View, QStringView>) {
            if (latin1) {
                for (const QChar c : view)
                    m_latin1.push_back(static_cast<char>(c.unicode()));
            } else {
                m_text.insert(m_text.end(), view.utf16(), view.utf16() + size);
            }
        }
    });
    return static_cast<std::uint32_t>(offset);
}

void MemoryJobStore::dropText(std::size_t characters)
{
    m_textGarbage += characters;
    if (m_textGarbage < 4096 || m_textGarbage * 2 < m_text.size() + m_latin1.size())
        return;
    // Most of it is garbage: copy what the slots use into a fresh array.
    const std::vector<char16_t> oldText = std::exchange(m_text, {});
    const std::vector<char> oldLatin1 = std::exchange(m_latin1, {});
    m_textGarbage = 0;
    const auto old = [&](std::uint32_t offset, std::uint32_t length, bool latin1) {
        return latin1 ? QAnyStringView(QLatin1StringView(oldLatin1.data() + offset, length))
                      : QAnyStringView(QStringView(oldText.data() + offset, length));
    };
    for (Index index = 0; index < m_slotEnd; ++index) {
        Slot &slot = slotAt(index);
        if (!slot.used)
            continue;
        bool latin1 = false;
        slot.idOffset = storeText(old(slot.idOffset, slot.idLength, slot.idLatin1), latin1);
        if (!slot.nameIsId)
            slot.nameOffset = storeText(old(slot.nameOffset, slot.nameLength, slot.nameLatin1), latin1);
    }
}

void MemoryJobStore::setName(Slot &slot, const QString &name, const QString &id)
{
    if (!slot.nameIsId)
        dropText(slot.nameLength);
    slot.nameIsId = !name.isNull() && name == id;
    slot.nameIsNull = name.isNull();
    slot.nameOffset = 0;
    slot.nameLength = 0;
    if (!slot.nameIsId) {
        slot.nameLength = static_cast<std::uint32_t>(name.size());
        bool latin1 = false;
        slot.nameOffset = storeText(name, latin1);
        slot.nameLatin1 = latin1;
    }
}

std::size_t MemoryJobStore::IntervalShape::hash() const
{
    return qHashMulti(0, intervalMs, endMs.value_or(0), endMs.has_value(), zone.get(), jitterMs);
}

void MemoryJobStore::acquireTrigger(Slot &slot, const std::shared_ptr<const Trigger> &trigger)
{
    if (const auto *interval = dynamic_cast<const IntervalTrigger *>(trigger.get())) { // final: exactly one
        const IntervalShape shape{interval->intervalMs(), interval->endMs(), interval->zonePtr(),
                                  interval->jitterMs()};
        slot.intervalTrigger = true;
        slot.triggerStart = interval->startMs();
        slot.trigger = m_intervals.acquire(shape, shape.hash());
        return;
    }
    slot.intervalTrigger = false;
    slot.triggerStart = 0;
    if (!m_freeTriggers.empty()) {
        slot.trigger = m_freeTriggers.back();
        m_freeTriggers.pop_back();
        m_triggers[slot.trigger] = trigger;
    } else {
        slot.trigger = static_cast<std::uint32_t>(m_triggers.size());
        m_triggers.push_back(trigger);
    }
}

void MemoryJobStore::releaseTrigger(const Slot &slot)
{
    if (slot.trigger == none)
        return;
    if (slot.intervalTrigger) {
        m_intervals.release(slot.trigger);
    } else {
        m_triggers[slot.trigger].reset();
        m_freeTriggers.push_back(slot.trigger);
    }
}

std::shared_ptr<const Trigger> MemoryJobStore::triggerOf(const Slot &slot) const
{
    if (!slot.intervalTrigger)
        return m_triggers[slot.trigger];
    // Rebuilt on each read: one object per read is cheaper than one per stored job.
    const IntervalShape &shape = m_intervals.value(slot.trigger);
    auto trigger = std::make_shared<IntervalTrigger>(shape.intervalMs, slot.triggerStart, shape.endMs);
    trigger->setZone(shape.zone);
    trigger->setJitterMs(shape.jitterMs);
    return trigger;
}

void MemoryJobStore::put(const Job &job)
{
    Index index = find(job.id);
    const auto action = m_actions.acquire(job.action, valueHash(job.action));
    const auto options = m_options.acquire(job.options, valueHash(job.options));
    if (index == none) {
        if (!m_freeSlots.empty()) {
            index = m_freeSlots.back();
            m_freeSlots.pop_back();
        } else {
            if ((m_slotEnd >> chunkBits) == m_chunks.size())
                m_chunks.push_back(std::make_unique<Slot[]>(std::size_t{1} << chunkBits));
            index = m_slotEnd++;
        }
        Slot &slot = slotAt(index);
        slot.used = true;
        slot.idLength = static_cast<std::uint16_t>(job.id.size()); // validateJobId(): at most 200
        bool latin1 = false;
        slot.idOffset = storeText(job.id, latin1);
        slot.idLatin1 = latin1;
        slot.nameIsId = true; // nothing stored yet
        indexReserve(m_jobCount + 1);
        indexInsert(index);
        ++m_jobCount;
    } else {
        m_actions.release(slotAt(index).action);
        m_options.release(slotAt(index).options);
    }
    Slot &slot = slotAt(index);
    setName(slot, job.name, job.id);
    const Slot old = slot; // its trigger is released after the new one is taken (they may be alike)
    acquireTrigger(slot, job.trigger);
    releaseTrigger(old);
    slot.action = action;
    slot.options = options;
    slot.paused = job.paused;
    slot.hasNextRunTime = job.nextRunTime.has_value();
    slot.nextRunTime = job.nextRunTime.value_or(0);
    slot.createdAt = job.createdAt;
    setPauseNote(index, job.pauseNote);
    updateDueIndex(index);
}

void MemoryJobStore::setPauseNote(Index index, const QString &note)
{
    if (note.isEmpty())
        m_pauseNotes.remove(index);
    else
        m_pauseNotes.insert(index, note);
}

void MemoryJobStore::putState(const Job &job)
{
    const Index index = find(job.id);
    Slot &slot = slotAt(index);
    slot.paused = job.paused;
    slot.hasNextRunTime = job.nextRunTime.has_value();
    slot.nextRunTime = job.nextRunTime.value_or(0);
    setPauseNote(index, job.pauseNote);
    updateDueIndex(index);
}

void MemoryJobStore::updateDueIndex(Index index)
{
    Slot &slot = slotAt(index);
    if (!slot.paused && slot.hasNextRunTime) {
        if (slot.heapPosition == none)
            heapInsert(index, slot.nextRunTime);
        else
            heapUpdate(slot.heapPosition, slot.nextRunTime);
    } else if (slot.heapPosition != none) {
        heapErase(slot.heapPosition);
    }
}

void MemoryJobStore::erase(const QString &id)
{
    const Index index = find(id);
    if (index != none) {
        Slot &slot = slotAt(index);
        if (slot.heapPosition != none)
            heapErase(slot.heapPosition);
        indexErase(index);
        --m_jobCount;
        m_actions.release(slot.action);
        m_options.release(slot.options);
        releaseTrigger(slot);
        const std::size_t characters = slot.idLength + (slot.nameIsId ? 0 : slot.nameLength);
        slot = Slot{};
        m_pauseNotes.remove(index);
        m_freeSlots.push_back(index);
        dropText(characters);
    }
    m_runs.remove(id);
    m_backfilled.remove(id);
}

void MemoryJobStore::clearJobs()
{
    m_chunks.clear();
    m_text.clear();
    m_latin1.clear();
    m_textGarbage = 0;
    m_slotEnd = 0;
    m_freeSlots.clear();
    m_jobCount = 0;
    m_pauseNotes.clear();
    m_index.clear();
    m_due.clear();
    m_actions.clear();
    m_options.clear();
    m_intervals.clear();
    m_triggers.clear();
    m_freeTriggers.clear();
    m_runs.clear();
    m_backfilled.clear();
}

// --- id index -------------------------------------------------------------------------------------------------

std::size_t MemoryJobStore::hashOf(const Slot &slot) const
{
    if (!slot.idLatin1)
        return hashId(QStringView(m_text.data() + slot.idOffset, slot.idLength));
    const char *latin1 = m_latin1.data() + slot.idOffset;
    char16_t wide[256]; // a Latin-1 id has at most 200 characters (validateJobId)
    if (slot.idLength > std::size(wide))
        return hashId(QLatin1StringView(latin1, slot.idLength).toString());
    for (std::uint16_t i = 0; i < slot.idLength; ++i)
        wide[i] = static_cast<unsigned char>(latin1[i]);
    return hashId(QStringView(wide, slot.idLength));
}

MemoryJobStore::Index MemoryJobStore::find(QStringView id) const
{
    if (m_index.empty())
        return none;
    const std::size_t mask = m_index.size() - 1;
    for (std::size_t i = hashId(id) & mask;; i = (i + 1) & mask) {
        const Index slot = m_index[i];
        if (slot == none || idOf(slotAt(slot)) == id)
            return slot;
    }
}

void MemoryJobStore::indexInsert(Index slot)
{
    const std::size_t mask = m_index.size() - 1;
    std::size_t i = hashOf(slotAt(slot)) & mask;
    while (m_index[i] != none)
        i = (i + 1) & mask;
    m_index[i] = slot;
}

void MemoryJobStore::indexErase(Index slot)
{
    const std::size_t mask = m_index.size() - 1;
    std::size_t hole = hashOf(slotAt(slot)) & mask;
    while (m_index[hole] != slot)
        hole = (hole + 1) & mask;
    // Backward-shift deletion: move later entries of the probe run into the hole when their home allows it.
    for (std::size_t j = (hole + 1) & mask; m_index[j] != none; j = (j + 1) & mask) {
        const std::size_t home = hashOf(slotAt(m_index[j])) & mask;
        const bool homeInRange = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
        if (!homeInRange) {
            m_index[hole] = m_index[j];
            hole = j;
        }
    }
    m_index[hole] = none;
}

void MemoryJobStore::indexReserve(std::size_t jobs)
{
    // At most three quarters full.
    if (!m_index.empty() && jobs * 4 < m_index.size() * 3)
        return;
    std::size_t capacity = 16;
    while (jobs * 4 >= capacity * 3)
        capacity *= 2;
    if (capacity <= m_index.size())
        return;
    const std::vector<Index> old = std::exchange(m_index, std::vector<Index>(capacity, none));
    for (const Index slot : old) {
        if (slot != none)
            indexInsert(slot);
    }
}

// --- due heap -------------------------------------------------------------------------------------------------

bool MemoryJobStore::dueBefore(const DueEntry &a, const DueEntry &b) const
{
    if (a.time != b.time)
        return a.time < b.time;
    return QAnyStringView::compare(idOf(slotAt(a.slot)), idOf(slotAt(b.slot))) < 0;
}

void MemoryJobStore::heapSet(Index position, const DueEntry &entry)
{
    m_due[position] = entry;
    slotAt(entry.slot).heapPosition = position;
}

void MemoryJobStore::heapUp(Index position)
{
    const DueEntry entry = m_due[position];
    while (position > 0) {
        const Index parent = (position - 1) / 2;
        if (!dueBefore(entry, m_due[parent]))
            break;
        heapSet(position, m_due[parent]);
        position = parent;
    }
    heapSet(position, entry);
}

void MemoryJobStore::heapDown(Index position)
{
    const DueEntry entry = m_due[position];
    const auto size = static_cast<Index>(m_due.size());
    for (;;) {
        Index child = 2 * position + 1;
        if (child >= size)
            break;
        if (child + 1 < size && dueBefore(m_due[child + 1], m_due[child]))
            ++child;
        if (!dueBefore(m_due[child], entry))
            break;
        heapSet(position, m_due[child]);
        position = child;
    }
    heapSet(position, entry);
}

void MemoryJobStore::heapInsert(Index slot, std::int64_t time)
{
    m_due.push_back({time, slot});
    heapUp(static_cast<Index>(m_due.size() - 1));
}

void MemoryJobStore::heapErase(Index position)
{
    slotAt(m_due[position].slot).heapPosition = none;
    const DueEntry last = m_due.back();
    m_due.pop_back();
    if (position == m_due.size())
        return;
    heapSet(position, last);
    heapUp(position);
    heapDown(slotAt(last.slot).heapPosition);
}

void MemoryJobStore::heapUpdate(Index position, std::int64_t time)
{
    const Index slot = m_due[position].slot;
    m_due[position].time = time;
    heapUp(position);
    heapDown(slotAt(slot).heapPosition);
}

// --- jobs -----------------------------------------------------------------------------------------------------

Result<void> MemoryJobStore::addJob(const Job &job, ConflictPolicy onConflict)
{
    if (auto valid = validateJob(job); !valid)
        return valid;
    if (!replacesStored(onConflict) && find(job.id) != none)
        return StoreError::jobExists(job.id);
    put(job);
    return {};
}

Result<void> MemoryJobStore::addJobs(const QList<Job> &jobs, ConflictPolicy onConflict)
{
    // Check everything first: the batch is applied whole or not at all.
    const bool replacing = replacesStored(onConflict);
    QSet<QString> batchIds;
    if (!replacing)
        batchIds.reserve(jobs.size());
    for (const Job &job : jobs) {
        if (auto valid = validateJob(job); !valid)
            return valid;
        if (!replacing) {
            if (find(job.id) != none || batchIds.contains(job.id))
                return StoreError::jobExists(job.id);
            batchIds.insert(job.id);
        }
    }
    batchIds.clear();
    indexReserve(m_jobCount + static_cast<std::size_t>(jobs.size()));
    m_due.reserve(m_due.size() + static_cast<std::size_t>(jobs.size()));
    for (const Job &job : jobs)
        put(job);
    return {};
}

Result<void> MemoryJobStore::updateJob(const Job &job)
{
    if (auto valid = validateJob(job); !valid)
        return valid;
    if (find(job.id) == none)
        return StoreError::jobNotFound(job.id);
    put(job);
    return {};
}

Result<void> MemoryJobStore::removeJob(const QString &id)
{
    if (find(id) == none)
        return StoreError::jobNotFound(id);
    erase(id);
    return {};
}

Result<int> MemoryJobStore::removeAllJobs()
{
    const int count = static_cast<int>(m_jobCount);
    clearJobs();
    return count;
}

Result<void> MemoryJobStore::removeJobs(const QStringList &ids)
{
    for (const QString &id : ids) {
        if (find(id) == none)
            return StoreError::jobNotFound(id);
    }
    for (const QString &id : ids)
        erase(id);
    return {};
}

Result<void> MemoryJobStore::updateJobStates(const QList<Job> &jobs)
{
    DueBatch states;
    states.updatedJobs = jobs;
    return commitDue(states);
}

Result<std::optional<Job>> MemoryJobStore::job(const QString &id)
{
    const Index index = find(id);
    if (index == none)
        return std::optional<Job>{};
    return std::optional<Job>{jobAt(index)};
}

Result<QList<Job>> MemoryJobStore::jobs()
{
    QList<Job> all;
    all.reserve(static_cast<qsizetype>(m_jobCount));
    for (Index index = 0; index < m_slotEnd; ++index) {
        if (slotAt(index).used)
            all.append(jobAt(index));
    }
    std::sort(all.begin(), all.end(), listedBefore);
    return all;
}

Result<int> MemoryJobStore::jobCount()
{
    return static_cast<int>(m_jobCount);
}

Result<QStringList> MemoryJobStore::unpausedJobIdsWithEvents()
{
    std::vector<Index> found;
    for (Index index = 0; index < m_slotEnd; ++index) {
        const Slot &slot = slotAt(index);
        if (slot.used && !slot.paused && m_options.value(slot.options).events.any())
            found.push_back(index);
    }
    // jobs() order: by next run time, jobs without one last, then by id.
    std::sort(found.begin(), found.end(), [this](Index a, Index b) {
        const Slot &x = slotAt(a);
        const Slot &y = slotAt(b);
        if (x.hasNextRunTime != y.hasNextRunTime)
            return x.hasNextRunTime;
        if (x.hasNextRunTime && x.nextRunTime != y.nextRunTime)
            return x.nextRunTime < y.nextRunTime;
        return QAnyStringView::compare(idOf(x), idOf(y)) < 0;
    });
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(found.size()));
    for (const Index index : found)
        ids.append(idOf(slotAt(index)).toString());
    return ids;
}

Result<QList<Job>> MemoryJobStore::dueJobs(std::int64_t nowMs, int limit)
{
    QList<Job> due;
    if (limit == 0)
        return due;
    // The due entries in heap order without disturbing the heap: best-first over heap positions.
    const auto later = [this](Index a, Index b) { return dueBefore(m_due[b], m_due[a]); };
    std::priority_queue<Index, std::vector<Index>, decltype(later)> candidates(later);
    if (!m_due.empty() && m_due.front().time <= nowMs)
        candidates.push(0);
    while (!candidates.empty() && (limit < 0 || due.size() < limit)) {
        const Index position = candidates.top();
        candidates.pop();
        due.append(jobAt(m_due[position].slot));
        for (const Index child : {2 * position + 1, 2 * position + 2}) {
            if (child < m_due.size() && m_due[child].time <= nowMs)
                candidates.push(child);
        }
    }
    return due;
}

Result<std::optional<std::int64_t>> MemoryJobStore::earliestNextRunTime()
{
    if (m_due.empty())
        return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{m_due.front().time};
}

Result<void> MemoryJobStore::commitDue(DueBatch &batch)
{
    // Validate the whole batch against the store as it will be at each step, then apply it: all or nothing,
    // in the order SqlJobStore writes it (updates, runs, removals).
    for (const Job &job : std::as_const(batch.updatedJobs)) {
        if (auto valid = validateJob(job); !valid)
            return valid;
        if (find(job.id) == none)
            return StoreError::jobNotFound(job.id);
    }
    for (const RunRecord &run : std::as_const(batch.runs)) {
        if (find(run.jobId) == none)
            return StoreError::jobNotFound(run.jobId);
    }
    QSet<QString> removed;
    for (const QString &id : std::as_const(batch.removedJobIds)) {
        if (find(id) == none || removed.contains(id))
            return StoreError::jobNotFound(id);
        removed.insert(id);
    }

    for (const Job &job : std::as_const(batch.updatedJobs))
        putState(job);
    for (RunRecord &run : batch.runs)
        appendRun(run);
    for (const QString &id : std::as_const(batch.removedJobIds))
        erase(id);
    return {};
}

// --- runs -----------------------------------------------------------------------------------------------------

void MemoryJobStore::appendRun(RunRecord &run)
{
    run.id = ++m_lastRunId;
    m_runs[run.jobId].push_back(run);
}

RunRecord *MemoryJobStore::findRun(std::int64_t runId, const QString &jobId)
{
    const auto list = m_runs.find(jobId);
    if (list == m_runs.end())
        return nullptr;
    auto it = std::lower_bound(list->begin(), list->end(), runId,
                               [](const RunRecord &run, std::int64_t id) { return run.id < id; });
    return it != list->end() && it->id == runId ? &*it : nullptr;
}

Result<void> MemoryJobStore::insertRun(RunRecord &run)
{
    if (find(run.jobId) == none)
        return StoreError::jobNotFound(run.jobId);
    appendRun(run);
    return {};
}

Result<void> MemoryJobStore::insertRuns(QList<RunRecord> &runs)
{
    for (const RunRecord &run : std::as_const(runs)) {
        if (find(run.jobId) == none)
            return StoreError::jobNotFound(run.jobId);
    }
    for (RunRecord &run : runs)
        appendRun(run);
    return {};
}

Result<void> MemoryJobStore::insertBackfillRuns(const QString &jobId, QList<RunRecord> &runs)
{
    if (find(jobId) == none)
        return StoreError::jobNotFound(jobId);
    QSet<std::int64_t> &done = m_backfilled[jobId];
    QList<RunRecord> fresh;
    for (RunRecord run : std::as_const(runs)) {
        if (done.contains(run.scheduledTime))
            continue;
        done.insert(run.scheduledTime);
        appendRun(run);
        fresh.append(run);
    }
    runs = std::move(fresh);
    return {};
}

Result<void> MemoryJobStore::updateRun(const RunRecord &run)
{
    RunRecord *stored = findRun(run.id, run.jobId);
    if (!stored)
        return StoreError::runNotFound(run.id, run.jobId);
    *stored = run;
    return {};
}

Result<int> MemoryJobStore::updateRuns(const QList<RunRecord> &runs)
{
    int written = 0;
    for (const RunRecord &run : runs) {
        if (RunRecord *stored = findRun(run.id, run.jobId)) {
            *stored = run;
            ++written;
        }
    }
    return written;
}

Result<QList<RunRecord>> MemoryJobStore::runs(const QString &jobId, int limit)
{
    QList<RunRecord> out;
    const auto wanted = [limit](qsizetype have) { return limit < 0 || have < limit; };
    if (!jobId.isEmpty()) {
        const auto list = m_runs.constFind(jobId);
        if (list == m_runs.cend())
            return out;
        for (auto it = list->crbegin(); it != list->crend() && wanted(out.size()); ++it)
            out.append(*it);
        return out;
    }
    // Newest first over all jobs: merge the per-job lists from their ends (a heap of each list's next run).
    using Cursor = std::tuple<std::int64_t, const std::vector<RunRecord> *, std::size_t>;
    std::priority_queue<Cursor> heads;
    for (const auto &list : std::as_const(m_runs)) {
        if (!list.empty())
            heads.emplace(list.back().id, &list, list.size() - 1);
    }
    while (!heads.empty() && wanted(out.size())) {
        const auto [id, list, index] = heads.top();
        heads.pop();
        out.append((*list)[index]);
        if (index > 0)
            heads.emplace((*list)[index - 1].id, list, index - 1);
    }
    return out;
}

Result<QHash<QString, RunRecord>> MemoryJobStore::latestRuns()
{
    QHash<QString, RunRecord> out;
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        // Runs are kept in id order: the newest finished one is the last that is not running.
        for (auto run = it->crbegin(); run != it->crend(); ++run) {
            if (run->isFinal()) {
                out.insert(it.key(), *run);
                break;
            }
        }
    }
    return out;
}

Result<int> MemoryJobStore::interruptRunningRuns(std::int64_t nowMs)
{
    int count = 0;
    for (auto &list : m_runs) {
        for (RunRecord &run : list) {
            if (run.isFinal())
                continue;
            const bool queued = run.outcome == RunOutcome::Queued;
            const bool waiting = run.outcome == RunOutcome::Waiting;
            run.outcome = RunOutcome::Interrupted;
            if (!run.endTime || queued || waiting)
                run.endTime = nowMs;
            if (queued)
                run.error = StoreError::interruptedQueuedMessage();
            else if (waiting)
                run.error = StoreError::interruptedWaitingMessage();
            else if (run.error.isEmpty())
                run.error = StoreError::interruptedMessage();
            ++count;
        }
    }
    return count;
}

Result<int> MemoryJobStore::pruneRuns(const QString &jobId, int keepPerJob)
{
    const std::size_t keep = static_cast<std::size_t>(std::max(keepPerJob, 0));
    const auto prune = [keep](std::vector<RunRecord> &list) {
        if (list.size() <= keep)
            return 0;
        const auto excess = static_cast<std::ptrdiff_t>(list.size() - keep);
        list.erase(list.begin(), list.begin() + excess);
        return static_cast<int>(excess);
    };
    int removed = 0;
    if (!jobId.isEmpty()) {
        if (const auto list = m_runs.find(jobId); list != m_runs.end())
            removed = prune(*list);
    } else {
        for (auto &list : m_runs)
            removed += prune(list);
    }
    return removed;
}

// ---------------------------------------------------------------------------------------------------------------
// Exclusion calendars

Result<QList<ExclusionCalendar>> MemoryJobStore::calendars()
{
    return m_calendars.values();
}

Result<std::optional<ExclusionCalendar>> MemoryJobStore::calendar(const QString &name)
{
    const auto found = m_calendars.constFind(name);
    return found == m_calendars.cend() ? std::optional<ExclusionCalendar>() : std::optional(*found);
}

Result<void> MemoryJobStore::putCalendar(const ExclusionCalendar &calendar, ConflictPolicy onConflict, std::int64_t)
{
    if (onConflict != ConflictPolicy::Replace && m_calendars.contains(calendar.name))
        return StoreError::calendarExists(calendar.name);
    m_calendars.insert(calendar.name, calendar);
    return {};
}

Result<void> MemoryJobStore::removeCalendar(const QString &name)
{
    if (m_calendars.remove(name) == 0)
        return StoreError::calendarNotFound(name);
    return {};
}

Result<QList<RunRecord>> MemoryJobStore::runsInRange(const QStringList &jobIds, std::int64_t sinceMs,
                                                     std::int64_t untilMs, int limit)
{
    QList<RunRecord> out;
    // Copies only the runs in range, without their output.
    auto take = [&](const std::vector<RunRecord> &list) {
        for (const RunRecord &run : list) {
            if (!runOverlaps(run, sinceMs, untilMs))
                continue;
            RunRecord copy = run;
            copy.output.clear();
            out.append(std::move(copy));
        }
    };
    if (jobIds.isEmpty()) {
        for (const auto &list : std::as_const(m_runs))
            take(list);
    } else {
        for (const QString &id : jobIds) {
            if (const auto list = m_runs.constFind(id); list != m_runs.cend())
                take(*list);
        }
    }
    std::sort(out.begin(), out.end(), [](const RunRecord &a, const RunRecord &b) { return a.id > b.id; });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

Result<QHash<QString, JobStatistics>> MemoryJobStore::jobStatistics(const QStringList &ids, int pointLimit)
{
    QHash<QString, JobStatistics> out;
    out.reserve(ids.size());
    for (const QString &id : ids) {
        JobStatistics &stats = out[id];
        stats.jobId = id;
        const auto list = m_runs.constFind(id);
        if (list == m_runs.cend() || stats.ended() + stats.notRun + stats.replaced + stats.going > 0)
            continue; // no runs, or an id asked for twice
        QList<RunDuration> newestFirst;
        for (auto run = list->crbegin(); run != list->crend(); ++run) {
            stats.count(run->outcome);
            if (JobStatistics::hasDuration(run->outcome) && run->startTime && run->endTime)
                newestFirst.append({*run->startTime, *run->endTime - *run->startTime, run->outcome});
        }
        stats.setDurations(std::move(newestFirst), pointLimit);
    }
    return out;
}

} // namespace punctual
