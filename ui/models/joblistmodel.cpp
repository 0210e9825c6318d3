// The job table model: rows from one load, then kept current row by row from the scheduler's signals.
#include "joblistmodel.h"

#include "daychangetimer.h"
#include "jobs/jobfilter.h"
#include "runpresentation.h"
#include "control/schedulerclient.h"
#include "time/clock.h"
#include "util/postresult.h"

#include <QMutex>
#include <QMutexLocker>
#include <QWaitCondition>

#include <algorithm>
#include <limits>
#include <numeric>

namespace punctual {

namespace {

RunConditions conditionsOf(const ConditionWait &wait)
{
    return conditionsNamed(wait.conditions);
}

const QString &noTime()
{
    static const QString dash(QChar(0x2014)); // "—": no time, a sign rather than a word
    return dash;
}

/// Results by severity, so sorting by the result column groups failures together; no run sorts first.
int outcomeOrder(const std::unique_ptr<RunRecord> &run)
{
    if (!run)
        return 0;
    switch (run->outcome) {
    case RunOutcome::Success: return 1;
    case RunOutcome::Running: return 2;
    case RunOutcome::Queued: return 2;
    case RunOutcome::Skipped: return 3;
    case RunOutcome::Replaced: return 3;
    case RunOutcome::Excluded: return 3;
    case RunOutcome::Waiting: return 2;
    case RunOutcome::ConditionTimeout: return 4;
    case RunOutcome::Missed: return 4;
    case RunOutcome::Interrupted: return 5;
    case RunOutcome::TimedOut: return 6;
    case RunOutcome::Failed: return 7;
    }
    return 0;
}

JobListModel::ShownState shownJobState(JobState state)
{
    switch (state) {
    case JobState::Scheduled: return JobListModel::ShownState::Scheduled;
    case JobState::Paused: return JobListModel::ShownState::Paused;
    case JobState::Finished: return JobListModel::ShownState::Finished;
    case JobState::OnEvents: return JobListModel::ShownState::OnEvents;
    }
    return JobListModel::ShownState::Finished;
}

std::int64_t nextRunKey(const JobSummary &job)
{
    return job.nextRunTime.value_or(std::numeric_limits<std::int64_t>::max());
}

std::int64_t lastRunKey(const std::unique_ptr<RunRecord> &run)
{
    return run ? run->scheduledTime : std::numeric_limits<std::int64_t>::min();
}

/// Names and schedules sort as people expect: case does not matter, numbers by value ("job 2" before "job 10").
void configureCollator(QCollator &collator)
{
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
}

/// For @p count items, each one's rank in the order @p less gives (0 first); equal items share a rank, so they
/// stay equal in a sort by rank.
template <typename Less>
std::vector<int> ranksOf(std::size_t count, Less less)
{
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), less);
    std::vector<int> ranks(count);
    int rank = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0 && less(order[i - 1], order[i]))
            ++rank;
        ranks[order[i]] = rank;
    }
    return ranks;
}

/// The plain columns of @p job, without its texts (the job itself is kept).
JobSummary summaryOf(const Job &job)
{
    return {job.id, job.name, {}, job.paused, job.nextRunTime, job.createdAt, job.pauseNote};
}

/// JobFilter::searchText() of @p summary's job, parsing only its action (through @p actions); empty when that
/// does not parse.
QString searchTextOf(const JobSummary &summary, const QString &schedule, ParsedCache<Action> &actions)
{
    Job job;
    job.id = summary.id;
    job.name = summary.name;
    if (actions.full())
        actions = {};
    if (!actions.get(summary.texts.action, job.action, actionFromJson))
        return QStringLiteral(""); // not null: known to match nothing, not still to be built
    QString text = JobFilter::searchText(job, schedule);
    text.squeeze(); // case folding leaves spare room: a third more on 100,000 texts
    return text;
}

/// @p text itself, or the equal one @p pool holds already: 100,000 rows show a few dozen descriptions.
QString interned(QSet<QString> &pool, QString text)
{
    return *pool.insert(std::move(text));
}

} // namespace

/**
 * Descriptions of trigger texts, each distinct text described once, equal descriptions one string. An interval's
 * description is its interval alone (IntervalTrigger::description()), and interval jobs made one after another
 * differ in their start only: those are described once per interval, their texts parsed as JSON but not into
 * triggers (half of 100,000 jobs in benchjoblist, three quarters of the list's background work).
 */
class TriggerDescriptions
{
public:
    const QString &of(const QString &text)
    {
        auto found = m_byText.constFind(text);
        if (found == m_byText.cend())
            found = m_byText.insert(text, interned(describe(text)));
        return *found;
    }

    /// Equal descriptions made elsewhere share this pool's string too.
    QString interned(QString description) { return punctual::interned(m_pool, std::move(description)); }

private:
    QString describe(const QString &text)
    {
        auto json = jsonObjectOf(text);
        if (!json)
            return {};
        const bool interval = json->value(QLatin1String("type")).toString()
                              == Trigger::typeName(TriggerType::Interval);
        const QJsonValue seconds = json->value(QLatin1String("interval_seconds"));
        if (interval && seconds.isDouble()) {
            if (auto known = m_byInterval.constFind(seconds.toDouble()); known != m_byInterval.cend())
                return *known;
        }
        auto trigger = Trigger::fromJson(json.value());
        if (!trigger)
            return {}; // written by a newer Punctual, or damaged: jobAt() says so
        QString description = trigger.value()->description();
        if (interval && seconds.isDouble())
            m_byInterval.insert(seconds.toDouble(), description);
        return description;
    }

    QHash<QString, QString> m_byText;
    QHash<double, QString> m_byInterval;
    QSet<QString> m_pool;
};

/// A stored job's schedule text: its trigger's description, with its event triggers (rare: parsed only then).
QString scheduleOf(const JobSummary &summary, TriggerDescriptions &descriptions)
{
    const QString &trigger = descriptions.of(summary.texts.trigger);
    const JobEvents events = eventsOfOptionsText(summary.texts.options);
    if (!events.any())
        return trigger;
    return descriptions.interned(describeSchedule(trigger, isEventTriggerText(summary.texts.trigger), events));
}

struct JobListModel::WarmState
{
    QMutex mutex;
    QWaitCondition ready; ///< done became true
    bool done = false;
    WarmTexts texts;
    quint64 generation = 0;
    QStringList ids; ///< the rows the texts are for, by position
};

struct JobListModel::Row
{
    JobSummary summary; ///< always current; its texts are what `job` is parsed from while it is null
    mutable std::unique_ptr<const Job> job; ///< from a signal or setJobs(QList<Job>), else parsed by jobAt()
    std::unique_ptr<RunRecord> lastRun;
    int index = 0;
    bool asLoaded = false; ///< the job is still the one setJobs() brought (see warmTexts())
    // Built on first use (display, filter, sort) and dropped when the job changes.
    mutable std::optional<QString> schedule;
    mutable std::optional<QString> search; ///< JobFilter::searchText(), for the filter
    mutable std::optional<QCollatorSortKey> nameKey;
    mutable std::optional<QCollatorSortKey> scheduleKey;
};

JobListModel::JobListModel(SchedulerClient &scheduler, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
{
    configureCollator(m_collator);
    m_descriptions = std::make_unique<TriggerDescriptions>();

    connect(&scheduler, &SchedulerClient::jobAdded, this, &JobListModel::onJobAdded);
    connect(&scheduler, &SchedulerClient::jobModified, this, &JobListModel::onJobModified);
    connect(&scheduler, &SchedulerClient::jobRemoved, this, &JobListModel::onJobRemoved);
    connect(&scheduler, &SchedulerClient::allJobsRemoved, this, &JobListModel::onAllJobsRemoved);
    connect(&scheduler, &SchedulerClient::jobActivityChanged, this, &JobListModel::onActivityChanged);
    connect(&scheduler, &SchedulerClient::jobExecuted, this, &JobListModel::onRunFinished);
    connect(&scheduler, &SchedulerClient::jobError, this, &JobListModel::onRunFinished);
    connect(&scheduler, &SchedulerClient::jobMissed, this, &JobListModel::onRunFinished);
    connect(&scheduler, &SchedulerClient::jobMaxInstances, this, &JobListModel::onRunFinished);

    connect(new DayChangeTimer(clock, this), &DayChangeTimer::dayChanged, this, &JobListModel::onDayChanged);
}

JobListModel::~JobListModel() = default;

// --- QAbstractItemModel ---------------------------------------------------------------------------------------

QModelIndex JobListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || column >= ColumnCount
        || static_cast<std::size_t>(row) >= m_rows.size())
        return {};
    return createIndex(row, column);
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    const Row *row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*row, index.column());
    case Qt::ToolTipRole:
        return toolTipData(*row, index.column());
    case Qt::DecorationRole:
        if (index.column() == LastResultColumn && row->lastRun)
            return icon(row->lastRun->outcome);
        if (index.column() == StateColumn && shownState(*row) == ShownState::Running)
            return icon(RunOutcome::Running);
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == TrendColumn && m_trendText)
            return m_trendText(row->summary.id);
        return {};
    case JobIdRole:
        return row->summary.id;
    case SortRole:
        return sortData(*row, index.column());
    case SearchTextRole: {
        QString text;
        withJob(*row, [&text](const Job &job) { text = JobFilter::actionSearchText(job.action); });
        return text;
    }
    default:
        return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case ScheduleColumn: return tr("Schedule");
    case NextRunColumn: return tr("Next run");
    case LastRunColumn: return tr("Last run");
    case LastResultColumn: return tr("Result");
    case StateColumn: return tr("State");
    case TrendColumn: return tr("Duration trend");
    default: return {};
    }
}

QVariant JobListModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case NameColumn:
        return row.summary.name;
    case ScheduleColumn:
        return schedule(row);
    case NextRunColumn:
        return row.summary.nextRunTime ? shortDateTime(*row.summary.nextRunTime, m_clock.nowMs()) : noTime();
    case LastRunColumn:
        return row.lastRun ? shortDateTime(row.lastRun->scheduledTime, m_clock.nowMs()) : noTime();
    case LastResultColumn:
        return row.lastRun ? outcomeText(*row.lastRun) : QString();
    case StateColumn:
        return stateText(row);
    default:
        return {};
    }
}

QVariant JobListModel::toolTipData(const Row &row, int column) const
{
    const std::int64_t now = m_clock.nowMs();
    switch (column) {
    case NameColumn: {
        QString action;
        withJob(row, [&action](const Job &job) { action = describeAction(job.action); });
        return tr("ID: %1\nRuns: %2").arg(row.summary.id, action);
    }
    case ScheduleColumn:
        return schedule(row);
    case NextRunColumn:
        if (row.summary.nextRunTime)
            return tr("%1\n%2", "date and time, then \"in 12 min\"")
                .arg(longDateTime(*row.summary.nextRunTime), relativeTime(*row.summary.nextRunTime, now));
        return row.summary.paused ? tr("Paused: no run until it is resumed") : tr("Finished: it will not run again");
    case LastRunColumn:
        if (row.lastRun)
            return tr("%1\n%2", "date and time, then \"12 min ago\"")
                .arg(longDateTime(row.lastRun->scheduledTime), relativeTime(row.lastRun->scheduledTime, now));
        return tr("Not run yet");
    case LastResultColumn:
        return row.lastRun ? outcomeToolTip(*row.lastRun) : tr("Not run yet");
    case StateColumn:
        return stateToolTip(row);
    default:
        return {};
    }
}

QVariant JobListModel::sortData(const Row &row, int column) const
{
    switch (column) {
    case NameColumn: return row.summary.name;
    case ScheduleColumn: return schedule(row);
    case NextRunColumn: return qint64(nextRunKey(row.summary));
    case LastRunColumn: return qint64(lastRunKey(row.lastRun));
    case LastResultColumn: return outcomeOrder(row.lastRun);
    case StateColumn: return static_cast<int>(shownState(row));
    default: return {};
    }
}

// --- rows ---------------------------------------------------------------------------------------------------

void JobListModel::beginLoad()
{
    m_loading = true;
}

void JobListModel::loadFailed()
{
    if (!m_loaded)
        return; // the first load is still to come: what was signalled is kept for it
    m_loading = false;
    m_pendingJobs.clear();
    m_pendingOrder.clear();
    m_pendingRuns.clear();
    m_pendingCleared = false;
}

void JobListModel::setJobs(QList<Job> jobs, QHash<QString, RunRecord> latestRuns)
{
    if (m_pendingCleared)
        jobs.clear(); // all jobs were removed while loading: whatever the snapshot holds is older than that
    // const access: the list is shared with the loader's signal, and a detach would copy every job.
    const QList<Job> &snapshot = jobs;
    resetRows(
        std::move(latestRuns), snapshot.size(),
        [&snapshot](qsizetype i) -> const QString & { return snapshot.at(i).id; },
        [this, &snapshot](qsizetype i, const RunRecord *run) { appendRow(snapshot.at(i), run); });
    warmTexts(jobs, {});
    emit loaded();
}

void JobListModel::setJobSummaries(QList<JobSummary> jobs, QHash<QString, RunRecord> latestRuns)
{
    if (m_pendingCleared)
        jobs.clear();
    const QList<JobSummary> &snapshot = jobs;
    resetRows(
        std::move(latestRuns), snapshot.size(),
        [&snapshot](qsizetype i) -> const QString & { return snapshot.at(i).id; },
        [this, &snapshot](qsizetype i, const RunRecord *run) { appendRow(snapshot.at(i), nullptr, run); });
    warmTexts({}, jobs);
    emit loaded();
}

void JobListModel::resetRows(QHash<QString, RunRecord> latestRuns, qsizetype count,
                             const std::function<const QString &(qsizetype)> &idAt,
                             const std::function<void(qsizetype, const RunRecord *)> &appendAt)
{
    if (m_pendingCleared)
        latestRuns.clear();
    // A last run signalled while loading, or shown before (its row written behind, after the snapshot was
    // read), is newer than the snapshot's when its id is larger.
    auto keepNewer = [&latestRuns](const RunRecord &run) {
        auto found = latestRuns.find(run.jobId);
        if (found == latestRuns.end() || found->id < run.id)
            latestRuns.insert(run.jobId, run);
    };
    for (const RunRecord &run : std::as_const(m_pendingRuns))
        keepNewer(run);
    for (const auto &row : m_rows) {
        if (row->lastRun)
            keepNewer(*row->lastRun);
    }

    beginResetModel();
    m_rows.clear();
    m_sortKeys.clear();
    m_byId.clear();
    m_descriptions = std::make_unique<TriggerDescriptions>();
    m_rows.reserve(static_cast<std::size_t>(count + m_pendingJobs.size()));
    m_sortKeys.reserve(m_rows.capacity());
    m_rankValid.fill(false);
    m_byId.reserve(count + m_pendingJobs.size());
    for (qsizetype i = 0; i < count; ++i) {
        const QString &id = idAt(i);
        if (m_byId.contains(id))
            continue;
        const auto run = latestRuns.constFind(id);
        const RunRecord *lastRun = run == latestRuns.cend() ? nullptr : &*run;
        const auto pending = m_pendingJobs.constFind(id);
        if (pending == m_pendingJobs.cend()) {
            appendAt(i, lastRun);
            m_rows.back()->asLoaded = true;
        } else if (*pending) {
            appendRow(**pending, lastRun); // the signal's version is newer
        } // else removed since
    }
    for (const QString &id : std::as_const(m_pendingOrder)) { // added since the snapshot, in the order they came
        const std::optional<Job> &job = m_pendingJobs[id];
        if (!job || m_byId.contains(id))
            continue;
        const auto run = latestRuns.constFind(id);
        appendRow(*job, run == latestRuns.cend() ? nullptr : &*run);
    }
    m_namesAsLoaded = std::all_of(m_rows.cbegin(), m_rows.cend(), [](const auto &row) { return row->asLoaded; });
    m_pendingJobs.clear();
    m_pendingOrder.clear();
    m_pendingRuns.clear();
    m_pendingCleared = false;
    m_loaded = true;
    m_loading = false;
    endResetModel();
}

void JobListModel::warmTexts(QList<Job> jobs, QList<JobSummary> summaries)
{
    // The filter searches every job's schedule and action text, and building 100,000 descriptions takes longer
    // than a key press may: they are built here on a worker while the user looks at the fresh list. Triggers and
    // actions are immutable values and describing them is pure, so this is safe off the GUI thread.
    // The search texts are about 20 MB for 100,000 jobs, built on first use anyway. Summaries are parsed here
    // (with a codec of the worker's own), one description per distinct trigger text, kept as one string per
    // distinct description.
    // The names' ranks are made here too (with a collator of the worker's own, as QCollator is not thread-safe),
    // so that the first click on the Name header sorts integers.
    const quint64 generation = ++m_warmGeneration;
    m_warm.reset(); // an older load's worker: its texts are not wanted any more
    if (jobs.isEmpty() && summaries.isEmpty())
        return;
    QStringList ids;
    ids.reserve(jobs.size() + summaries.size());
    for (const Job &job : std::as_const(jobs))
        ids.append(job.id);
    for (const JobSummary &summary : std::as_const(summaries))
        ids.append(summary.id);
    auto state = std::make_shared<WarmState>();
    state->generation = generation;
    state->ids = std::move(ids);
    m_warm = state;
    postResult(
        this,
        [jobs, summaries, state] {
            WarmTexts warm;
            const qsizetype count = jobs.size() + summaries.size();
            warm.schedules.reserve(count);
            warm.searchTexts.reserve(count);
            TriggerDescriptions descriptions;
            for (const Job &job : jobs) {
                warm.schedules.append(descriptions.interned(describeSchedule(job)));
                warm.searchTexts.append(JobFilter::searchText(job, warm.schedules.constLast()));
            }
            ParsedCache<Action> actions;
            for (const JobSummary &summary : summaries) {
                warm.schedules.append(scheduleOf(summary, descriptions));
                warm.searchTexts.append(searchTextOf(summary, warm.schedules.constLast(), actions));
            }
            QCollator collator;
            configureCollator(collator);
            std::vector<QCollatorSortKey> keys;
            keys.reserve(static_cast<std::size_t>(count));
            for (const Job &job : jobs)
                keys.push_back(collator.sortKey(job.name));
            for (const JobSummary &summary : summaries)
                keys.push_back(collator.sortKey(summary.name));
            warm.nameRanks = ranksOf(keys.size(), [&keys](std::size_t a, std::size_t b) {
                return keys[a].compare(keys[b]) < 0;
            });
            const QMutexLocker locker(&state->mutex);
            state->texts = std::move(warm);
            state->done = true;
            state->ready.wakeAll();
            return true;
        },
        [this, state](bool) { finishWarmTexts(state); });
}

void JobListModel::finishWarmTexts(std::shared_ptr<WarmState> state) // by value: it resets m_warm
{
    if (m_warm != state)
        return; // applied already, or from an older load
    m_warm.reset();
    {
        QMutexLocker locker(&state->mutex);
        while (!state->done)
            state->ready.wait(&state->mutex);
    }
    applyWarmTexts(state->generation, state->ids, state->texts);
}

void JobListModel::applyWarmTexts(quint64 generation, const QStringList &ids, const WarmTexts &warm)
{
    if (generation != m_warmGeneration)
        return; // rows from an older setJobs()
    // The ranks order exactly the loaded rows: usable while none was added or renamed (removals leave gaps only).
    const bool useRanks = m_namesAsLoaded && !m_rankValid[NameColumn];
    for (qsizetype i = 0; i < ids.size(); ++i) {
        Row *row = m_byId.value(ids.at(i));
        if (!row || !row->asLoaded)
            continue; // gone or changed since: its texts are built when needed
        if (!row->schedule)
            row->schedule = warm.schedules.at(i);
        if (!row->search)
            row->search = warm.searchTexts.at(i);
        if (useRanks)
            m_sortKeys[static_cast<std::size_t>(row->index)].nameRank = warm.nameRanks[static_cast<std::size_t>(i)];
    }
    if (useRanks)
        m_rankValid[NameColumn] = true;
}

const JobListModel::Row *JobListModel::rowAt(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? m_rows[static_cast<std::size_t>(row)].get()
                                                                      : nullptr;
}

const Job *JobListModel::jobAt(int row) const
{
    const Row *r = rowAt(row);
    if (!r)
        return nullptr;
    if (!r->job) {
        auto job = m_codec.parse(r->summary);
        if (!job)
            return nullptr; // written by a newer Punctual, or damaged: the store's own reads skip it too
        r->job = std::make_unique<const Job>(std::move(job).value());
    }
    return r->job.get();
}

const JobSummary *JobListModel::summaryAt(int row) const
{
    const Row *r = rowAt(row);
    return r ? &r->summary : nullptr;
}

bool JobListModel::withJob(const Row &row, const std::function<void(const Job &)> &use) const
{
    if (row.job) {
        use(*row.job);
        return true;
    }
    auto job = m_codec.parse(row.summary);
    if (!job)
        return false;
    use(job.value());
    return true;
}

const RunRecord *JobListModel::lastRunAt(int row) const
{
    const Row *r = rowAt(row);
    return r && r->lastRun ? &*r->lastRun : nullptr;
}

int JobListModel::rowOf(const QString &id) const
{
    const Row *row = m_byId.value(id);
    return row ? row->index : -1;
}

bool JobListModel::isRunning(int row) const
{
    const Row *r = rowAt(row);
    return r && m_scheduler.runningCount(r->summary.id) > 0;
}

JobListModel::ShownState JobListModel::shownState(int row) const
{
    const Row *r = rowAt(row);
    return r ? shownState(*r) : ShownState::Finished;
}

QString JobListModel::scheduleText(int row) const
{
    const Row *r = rowAt(row);
    return r ? schedule(*r) : QString();
}

bool JobListModel::matches(int row, const JobFilter &filter, std::optional<ShownState> state) const
{
    const Row *r = rowAt(row);
    if (!r)
        return false;
    if (state && static_cast<std::size_t>(row) < m_sortKeys.size()
        && m_sortKeys[static_cast<std::size_t>(row)].state != static_cast<std::int8_t>(*state))
        return false; // what the State column shows, as followed from the scheduler
    if (filter.isEmpty())
        return true;
    if (filter.state && (r->job ? r->job->state() : r->summary.state()) != *filter.state)
        return false; // decided without building a description
    if (!(filter == m_wordsOf)) {
        m_wordsOf = filter;
        m_foldedWords = filter.foldedWords();
    }
    if (!r->search && m_warm) // const_cast: applying the worker's texts changes caches only, as building them does
        const_cast<JobListModel *>(this)->finishWarmTexts(m_warm);
    if (!r->search) {
        r->search = r->job ? JobFilter::searchText(*r->job, schedule(*r))
                           : searchTextOf(r->summary, schedule(*r), m_actions);
    }
    // JobFilter::matchesSearchText() without its state test, made above from the summary.
    return std::all_of(m_foldedWords.cbegin(), m_foldedWords.cend(),
                       [r](const QString &word) { return r->search->contains(word); });
}

void JobListModel::appendRow(const Job &job, const RunRecord *lastRun)
{
    appendRow(summaryOf(job), std::make_unique<const Job>(job), lastRun);
}

void JobListModel::appendRow(JobSummary summary, std::unique_ptr<const Job> job, const RunRecord *lastRun)
{
    auto row = std::make_unique<Row>();
    row->summary = std::move(summary);
    row->job = std::move(job);
    if (lastRun)
        setLastRun(row->lastRun, *lastRun);
    row->index = static_cast<int>(m_rows.size());
    m_byId.insert(row->summary.id, row.get());
    m_sortKeys.emplace_back();
    m_rows.push_back(std::move(row));
    updateSortKeys(*m_rows.back());
    m_rankValid[NameColumn] = m_rankValid[ScheduleColumn] = false; // the new row has no rank yet
    m_namesAsLoaded = false;
}

void JobListModel::updateSortKeys(const Row &row)
{
    SortKeys &keys = m_sortKeys[static_cast<std::size_t>(row.index)];
    keys.nextRun = nextRunKey(row.summary);
    keys.lastRun = lastRunKey(row.lastRun);
    keys.outcome = static_cast<std::int8_t>(outcomeOrder(row.lastRun));
    keys.state = static_cast<std::int8_t>(shownState(row));
}

void JobListModel::replaceJob(Row &row, const Job &job)
{
    if (!row.job || row.job->trigger != job.trigger) { // a row from a summary: the trigger may have changed
        row.schedule.reset();
        row.scheduleKey.reset();
        m_rankValid[ScheduleColumn] = false;
    }
    if (row.summary.name != job.name) {
        row.nameKey.reset();
        m_rankValid[NameColumn] = false;
        m_namesAsLoaded = false;
    }
    row.search.reset();
    row.summary = summaryOf(job);
    row.job = std::make_unique<const Job>(job);
    row.asLoaded = false;
    updateSortKeys(row);
}

bool JobListModel::setLastRun(std::unique_ptr<RunRecord> &lastRun, const RunRecord &run)
{
    // The newest run by id, as JobStore::latestRuns() chooses, so a reload shows the same run.
    if (!run.isFinal() || (lastRun && lastRun->id > run.id))
        return false;
    lastRun = std::make_unique<RunRecord>(run);
    lastRun->output = QString(); // see lastRunAt()
    return true;
}

// --- scheduler signals ----------------------------------------------------------------------------------------

void JobListModel::onJobAdded(const Job &job)
{
    if (m_loading)
        keepPending(job.id, job);
    if (!m_loaded)
        return;
    if (Row *existing = m_byId.value(job.id)) {
        // Added with replace: the same job, changed (the store keeps its history, so its last run stays).
        replaceJob(*existing, job);
        emit dataChanged(index(existing->index, 0), index(existing->index, ColumnCount - 1));
        return;
    }
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row);
    appendRow(job, nullptr);
    endInsertRows();
}

void JobListModel::keepPending(const QString &id, std::optional<Job> job)
{
    if (!m_pendingJobs.contains(id))
        m_pendingOrder.append(id);
    m_pendingJobs.insert(id, std::move(job));
}

void JobListModel::onJobModified(const Job &job)
{
    onJobAdded(job); // the same: replace the row if it is there, else add it
}

void JobListModel::onJobRemoved(const QString &id)
{
    if (m_loading) {
        keepPending(id, std::nullopt);
        m_pendingRuns.remove(id);
    }
    if (!m_loaded)
        return;
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_byId.remove(id);
    m_rows.erase(m_rows.begin() + row);
    m_sortKeys.erase(m_sortKeys.begin() + row);
    // The rows after it move up by one: a pass over plain ints, no hashing.
    for (std::size_t i = static_cast<std::size_t>(row); i < m_rows.size(); ++i)
        m_rows[i]->index = static_cast<int>(i);
    endRemoveRows();
}

void JobListModel::onAllJobsRemoved()
{
    if (m_loading) {
        m_pendingCleared = true;
        m_pendingJobs.clear();
        m_pendingOrder.clear();
        m_pendingRuns.clear();
    }
    if (!m_loaded)
        return;
    beginResetModel();
    m_rows.clear();
    m_sortKeys.clear();
    m_byId.clear();
    endResetModel();
}

void JobListModel::onRunFinished(const RunRecord &run)
{
    if (m_loading) {
        auto &pending = m_pendingRuns[run.jobId];
        if (pending.id <= run.id) {
            pending = run;
            pending.output = QString(); // see lastRunAt()
        }
    }
    if (!m_loaded)
        return;
    Row *row = m_byId.value(run.jobId);
    if (!row)
        return;
    if (setLastRun(row->lastRun, run)) {
        updateSortKeys(*row);
        emit dataChanged(index(row->index, LastRunColumn), index(row->index, LastResultColumn));
    }
}

void JobListModel::onActivityChanged(const QString &jobId)
{
    // Running or waiting to retry is not in the store: it is asked of the scheduler, never part of a snapshot.
    Row *row = m_byId.value(jobId);
    if (!row)
        return;
    auto &state = m_sortKeys[static_cast<std::size_t>(row->index)].state;
    const auto now = static_cast<std::int8_t>(shownState(*row));
    if (state == now && now != static_cast<std::int8_t>(ShownState::Retrying)
        && now != static_cast<std::int8_t>(ShownState::Waiting))
        return; // a retry's attempt or time, or what a run waits for, may change while it stays so
    state = now;
    emit dataChanged(index(row->index, StateColumn), index(row->index, StateColumn));
}

// --- the day boundary -------------------------------------------------------------------------------------------

void JobListModel::onDayChanged()
{
    if (!m_rows.empty()) // "tomorrow 02:30" in the time columns, and in a retry's time in the State column
        emit dataChanged(index(0, NextRunColumn), index(rowCount() - 1, StateColumn));
}

// --- texts and orders ---------------------------------------------------------------------------------------------

const QString &JobListModel::schedule(const Row &row) const
{
    if (row.schedule)
        return *row.schedule;
    if (row.job) {
        row.schedule = describeSchedule(*row.job);
    } else {
        row.schedule = scheduleOf(row.summary, *m_descriptions);
    }
    return *row.schedule;
}

const QCollatorSortKey &JobListModel::nameKey(const Row &row) const
{
    if (!row.nameKey)
        row.nameKey = m_collator.sortKey(row.summary.name);
    return *row.nameKey;
}

const QCollatorSortKey &JobListModel::scheduleKey(const Row &row) const
{
    if (!row.scheduleKey)
        row.scheduleKey = m_collator.sortKey(schedule(row));
    return *row.scheduleKey;
}

JobListModel::ShownState JobListModel::shownState(const Row &row) const
{
    if (m_scheduler.runningCount(row.summary.id) > 0)
        return ShownState::Running;
    if (m_scheduler.retryWait(row.summary.id))
        return ShownState::Retrying;
    if (m_scheduler.conditionWait(row.summary.id))
        return ShownState::Waiting;
    // A parsed job knows its events; a summary made from one has no texts to find them in.
    return shownJobState(row.job ? row.job->state() : row.summary.state());
}

QString JobListModel::stateText(const Row &row) const
{
    switch (shownState(row)) {
    case ShownState::Running: return tr("Running");
    case ShownState::Retrying:
        if (const auto wait = m_scheduler.retryWait(row.summary.id)) {
            return tr("Retrying (%1 of %2) at %3", "attempt number, attempts in all, local time of the attempt")
                .arg(wait->attempt)
                .arg(wait->attempts)
                .arg(shortDateTime(wait->at, m_clock.nowMs()));
        }
        return tr("Retrying");
    case ShownState::Waiting:
        if (const auto wait = m_scheduler.conditionWait(row.summary.id)) {
            // "Waiting for AC power": the run's message with a capital letter, as the other states are written.
            QString text = waitingForText(conditionsOf(*wait));
            if (!text.isEmpty())
                text[0] = text[0].toUpper();
            return text;
        }
        return tr("Waiting");
    case ShownState::Scheduled: return tr("Scheduled");
    case ShownState::Paused: return tr("Paused");
    case ShownState::Finished: return tr("Finished");
    case ShownState::OnEvents: return tr("On events");
    }
    return {};
}

QString JobListModel::stateToolTip(const Row &row) const
{
    if (shownState(row) == ShownState::Paused) {
        if (row.summary.pauseNote.isEmpty())
            return tr("Paused: no run until it is resumed");
        return tr("Paused: %1\nNo run until it is resumed.", "the note given when it was paused")
            .arg(row.summary.pauseNote);
    }
    if (shownState(row) == ShownState::Waiting) {
        const auto waiting = m_scheduler.conditionWait(row.summary.id);
        if (!waiting)
            return {};
        const QString why = tr("A due run waits until its conditions hold: %1.")
                                .arg(waitingForText(conditionsOf(*waiting)));
        if (!waiting->deadline)
            return why;
        return why + QLatin1Char('\n')
            + tr("If they do not by %1 (%2), it is not run.", "date and time, \"in 5 min\"")
                  .arg(longDateTime(*waiting->deadline), relativeTime(*waiting->deadline, m_clock.nowMs()));
    }
    const auto wait = m_scheduler.retryWait(row.summary.id);
    if (!wait || shownState(row) != ShownState::Retrying)
        return {};
    return tr("The last run failed. Attempt %1 of %2: %3\n%4", "attempt, attempts in all, date and time, \"in 5 min\"")
        .arg(wait->attempt)
        .arg(wait->attempts)
        .arg(longDateTime(wait->at), relativeTime(wait->at, m_clock.nowMs()));
}

const QIcon &JobListModel::icon(RunOutcome outcome) const
{
    QIcon &icon = m_icons.at(static_cast<std::size_t>(outcome));
    if (icon.isNull())
        icon = outcomeIcon(outcome);
    return icon;
}

bool JobListModel::lessThan(int leftRow, int rightRow, int column) const
{
    const auto l = static_cast<std::size_t>(leftRow), r = static_cast<std::size_t>(rightRow);
    if (l >= m_sortKeys.size() || r >= m_sortKeys.size())
        return false;
    const SortKeys &left = m_sortKeys[l];
    const SortKeys &right = m_sortKeys[r];
    // -1, 0 or 1 on the column's value; equal values fall back to the job id, so a sort is a total order and
    // its result does not depend on the order the jobs were loaded in.
    auto order = [](auto a, auto b) { return a < b ? -1 : (b < a ? 1 : 0); };
    int primary = 0;
    switch (column) {
    case NameColumn:
        primary = m_rankValid[NameColumn] ? order(left.nameRank, right.nameRank)
                                          : textCompare(*m_rows[l], *m_rows[r], column);
        break;
    case ScheduleColumn:
        primary = m_rankValid[ScheduleColumn] ? order(left.scheduleRank, right.scheduleRank)
                                              : textCompare(*m_rows[l], *m_rows[r], column);
        break;
    case NextRunColumn: primary = order(left.nextRun, right.nextRun); break;
    case LastRunColumn: primary = order(left.lastRun, right.lastRun); break;
    case LastResultColumn: primary = order(left.outcome, right.outcome); break;
    case StateColumn: primary = order(left.state, right.state); break;
    default: return false;
    }
    if (primary != 0)
        return primary < 0;
    return m_rows[l]->summary.id < m_rows[r]->summary.id;
}

int JobListModel::textCompare(const Row &left, const Row &right, int column) const
{
    if (column == NameColumn)
        return nameKey(left).compare(nameKey(right));
    return scheduleKey(left).compare(scheduleKey(right));
}

void JobListModel::prepareSort(int column)
{
    if ((column != NameColumn && column != ScheduleColumn) || m_rankValid[static_cast<std::size_t>(column)])
        return;
    // The one costly pass: every row's collation key compared in a sort of row numbers, then integer ranks.
    const std::vector<int> ranks = ranksOf(m_rows.size(), [this, column](std::size_t a, std::size_t b) {
        return textCompare(*m_rows[a], *m_rows[b], column) < 0;
    });
    for (std::size_t row = 0; row < ranks.size(); ++row)
        (column == NameColumn ? m_sortKeys[row].nameRank : m_sortKeys[row].scheduleRank) = ranks[row];
    m_rankValid[static_cast<std::size_t>(column)] = true;
}

} // namespace punctual
