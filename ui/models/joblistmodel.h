// The job table: one row per job (schedule, next and last run, state), kept current from the scheduler's signals.
#pragma once

#include "jobs/job.h"
#include "jobs/jobfilter.h"
#include "jobs/runrecord.h"
#include "store/jobrowcodec.h"
#include "store/jobsummary.h"

#include <QAbstractTableModel>
#include <QCollator>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QSet>

#include <array>
#include <functional>
#include <memory>
#include <vector>

namespace punctual {

class Clock;
class SchedulerClient;
class TriggerDescriptions;

/**
 * Every job of a Scheduler as a table. The rows come in from setJobs() (the window loads them off the GUI
 * thread with JobListLoader, as JobSummary: the jobs' JSON unparsed); after that the model follows the scheduler's signals and touches only the rows
 * concerned: an added job is inserted at the end, a modified one changes its own row, a removed one is removed,
 * a run updates its job's row. Only setJobs() and allJobsRemoved() reset the model.
 *
 * A load never goes back in time: from beginLoad() (and before the first load) until setJobs(), the signals are
 * applied as usual and also kept, and setJobs() applies them again on top of the snapshot, which may have been
 * read before they came. A row's last run is never replaced by an older one (run ids only grow).
 *
 * The State column shows what the job's runs do now before the job's own state (shownState()): "Running" while
 * a run goes, "Retrying (2 of 3) at 14:05" while a failed run waits to retry (Scheduler::retryWait()), else
 * "Scheduled", "Paused" or "Finished". It follows Scheduler::jobActivityChanged(); the state filter of the
 * window (JobFilterProxyModel::setStateFilter()) matches what the column shows.
 *
 * Times are shown in local time relative to the injected clock ("15:55", "tomorrow 02:30"); tooltips add the
 * relative form ("in 12 min"), computed when asked, so it is always current. A DayChangeTimer repaints the date
 * columns when "today" changes.
 *
 * Sorting: lessThan() compares rows without QVariant (instants as integers, texts by integer ranks built from
 * collation keys), for JobFilterProxyModel; SortRole gives a similar order as plain values for other proxies.
 * Filtering: the schedule and action texts searched are cached per row; after setJobs() a worker builds them
 * for every row, so the first key press in a search field does not have to.
 *
 * Rows from summaries keep the light columns as values and the trigger, action and options as their JSON texts:
 * a row's Job is parsed when jobAt() asks for it, its schedule's description when it is shown (one description
 * per distinct trigger text), so a load of 100,000 jobs parses nothing before the list shows.
 */
class JobListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListModel)

public:
    enum Column
    {
        NameColumn,
        ScheduleColumn,
        NextRunColumn,
        LastRunColumn,
        LastResultColumn,
        StateColumn,
        /// The last runs' durations as a sparkline (ui/stats/sparklinedelegate.h paints it; no text of its own).
        TrendColumn,
        ColumnCount,
    };

    enum Role
    {
        JobIdRole = Qt::UserRole, ///< QString: the job's id, in every column
        SortRole,                 ///< the column's sort value: qint64 instants, int orders, QString texts
        SearchTextRole,           ///< QString: the action's words the search also matches (command and
                                  ///< arguments, URLs, SQL statements: JobFilter::actionSearchText())
    };

    /// What the State column shows, in its sort order.
    enum class ShownState
    {
        Running,   ///< a run of the job is going
        Retrying,  ///< nothing going, a failed run waits to retry
        Waiting,   ///< nothing going, a due run waits for the job's conditions ("Waiting for AC power")
        Scheduled,
        Paused,
        Finished,
        OnEvents, ///< no next run time, runs on its event triggers (at start, after wake-up, network up)
    };

    /// The model uses @p scheduler and @p clock without owning them; they must outlive it.
    explicit JobListModel(SchedulerClient &scheduler, const Clock &clock, QObject *parent = nullptr);
    ~JobListModel() override;

    /// Without QAbstractTableModel's two virtual calls per index: a proxy's sort asks for two indexes per comparison.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// A snapshot is being read (a reload): the scheduler's signals from now on are kept for setJobs() to apply
    /// on top of it. The model starts so, for its first load.
    void beginLoad();
    /// The load begun last failed: the rows stay as they are (kept current by the signals).
    void loadFailed();
    /// Replaces every row with @p jobs and their last runs (JobStore::latestRuns()), in one model reset, then
    /// emits loaded(). Changes signalled by the scheduler since beginLoad() (or since the model was made) are
    /// applied on top, and no row's last run goes back to an older one.
    void setJobs(QList<Job> jobs, QHash<QString, RunRecord> latestRuns);
    /// setJobs() from summaries (JobListLoader): nothing is parsed until it is shown or asked for.
    void setJobSummaries(QList<JobSummary> jobs, QHash<QString, RunRecord> latestRuns);
    /// True once setJobs() or setJobSummaries() has been called.
    bool isLoaded() const { return m_loaded; }

    /// The job of @p row, or nullptr for a row that does not exist (or whose stored JSON this build cannot read).
    /// Valid until that row changes or goes. A row loaded from a summary parses its job here, once: a pass over
    /// every row wants summaryAt().
    const Job *jobAt(int row) const;
    /// The plain columns of @p row's job (id, name, paused, next run time, created), or nullptr for a row that
    /// does not exist; never parses. Its texts are empty when the row's job came parsed. Valid as jobAt().
    const JobSummary *summaryAt(int row) const;
    /// The last finished run of @p row's job, or nullptr when it has none. Its output is not kept (the run
    /// history has it): a list of 100,000 jobs would otherwise hold 100,000 outputs.
    const RunRecord *lastRunAt(int row) const;
    /// The row of the job @p id, or -1. O(1).
    int rowOf(const QString &id) const;
    /// True while a run of @p row's job is going (Scheduler::runningCount()).
    bool isRunning(int row) const;
    /// What @p row's State column shows (Finished for a row that does not exist).
    ShownState shownState(int row) const;
    /// The trigger's description of @p row's job, built once per trigger (a cron description takes a while).
    QString scheduleText(int row) const;
    /// Whether @p row passes @p filter (JobFilter::matches(), on the row's cached search text) and, when given,
    /// shows @p state.
    bool matches(int row, const JobFilter &filter, std::optional<ShownState> state = std::nullopt) const;
    /// The sort order of @p column: next run by instant (none last), last run by instant (none first), names and
    /// schedules in the locale's order ignoring case (numbers by value: "job 2" before "job 10"), results by
    /// severity, state as ShownState (Running, Retrying, Scheduled, Paused, Finished). Equal rows compare false (the proxy's sort is stable).
    /// Reads one flat array of per-row keys, never QVariant.
    bool lessThan(int leftRow, int rightRow, int column) const;
    /// Makes a following full sort by @p column cheap: for the text columns, every row's collation key is
    /// compared once here and replaced by an integer rank, valid until a name (or schedule) changes or a row is
    /// added. Without it lessThan() compares the collation keys themselves (same order, slower).
    /// JobFilterProxyModel::sort() calls it.
    void prepareSort(int column);
    /// What a screen reader hears for a row's Duration trend cell (Qt::AccessibleTextRole of TrendColumn), by job id:
    /// the sparkline's words (ui/stats/durationtrendcolumn.cpp sets it). Without it the cell has no text.
    void setTrendText(std::function<QString(const QString &jobId)> text) { m_trendText = std::move(text); }

signals:
    /// The rows of setJobs() are in.
    void loaded();

private:
    struct Row;
    /// What warmTexts() builds on a worker, by position in the loaded jobs.
    struct WarmTexts
    {
        QStringList schedules;
        QStringList searchTexts;
        std::vector<int> nameRanks;
    };
    /// What sorting compares, by row in one flat array: a sort reads these about 2 n log n times, and following
    /// each row's pointer instead costs a cache miss per read on 100,000 rows (four times slower).
    struct SortKeys
    {
        std::int64_t nextRun = 0;
        std::int64_t lastRun = 0;
        int nameRank = 0;     ///< valid while m_rankValid[NameColumn]
        int scheduleRank = 0; ///< valid while m_rankValid[ScheduleColumn]
        std::int8_t outcome = 0;
        std::int8_t state = 0; ///< ShownState, followed from Scheduler::jobActivityChanged()
    };

    void keepPending(const QString &id, std::optional<Job> job);
    void onJobAdded(const Job &job);
    void onJobModified(const Job &job);
    void onJobRemoved(const QString &id);
    void onAllJobsRemoved();
    void onRunFinished(const RunRecord &run);
    void onActivityChanged(const QString &jobId);
    void resetRows(QHash<QString, RunRecord> latestRuns, qsizetype count,
                   const std::function<const QString &(qsizetype)> &idAt,
                   const std::function<void(qsizetype, const RunRecord *)> &appendAt);
    void warmTexts(QList<Job> jobs, QList<JobSummary> summaries);
    void applyWarmTexts(quint64 generation, const QStringList &ids, const WarmTexts &warm);
    /// A worker's texts, handed over when it posts them or earlier, when the filter wants them (finishWarmTexts()).
    struct WarmState;
    /// Waits for the worker still building texts (if any) and applies them: a filter applied meanwhile would
    /// otherwise build the same texts again, here, while the worker competes for the CPU.
    void finishWarmTexts(std::shared_ptr<WarmState> state);
    void onDayChanged();

    const Row *rowAt(int row) const;
    void appendRow(const Job &job, const RunRecord *lastRun);
    void appendRow(JobSummary summary, std::unique_ptr<const Job> job, const RunRecord *lastRun);
    void replaceJob(Row &row, const Job &job);
    void updateSortKeys(const Row &row);
    int textCompare(const Row &left, const Row &right, int column) const;
    static bool setLastRun(std::unique_ptr<RunRecord> &lastRun, const RunRecord &run);
    /// Calls @p use with @p row's job, parsed for the call when the row holds none (nothing kept); false when
    /// its JSON does not parse.
    bool withJob(const Row &row, const std::function<void(const Job &)> &use) const;
    const QCollatorSortKey &nameKey(const Row &row) const;
    const QCollatorSortKey &scheduleKey(const Row &row) const;
    const QString &schedule(const Row &row) const;
    ShownState shownState(const Row &row) const;
    QString stateText(const Row &row) const;
    QString stateToolTip(const Row &row) const;
    const QIcon &icon(RunOutcome outcome) const;
    QVariant displayData(const Row &row, int column) const;
    QVariant toolTipData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;

    SchedulerClient &m_scheduler;
    const Clock &m_clock;
    std::vector<std::unique_ptr<Row>> m_rows; ///< rows by index; each knows its index (rowOf() is a hash look-up)
    std::vector<SortKeys> m_sortKeys;         ///< by row index, as m_rows
    std::array<bool, ColumnCount> m_rankValid{};
    bool m_namesAsLoaded = false; ///< no row added or renamed since setJobs() (see warmTexts())
    QHash<QString, Row *> m_byId;
    bool m_loaded = false;
    bool m_loading = true; ///< from beginLoad() (and the start) until setJobs(): signals are kept as pending

    // What the scheduler signalled while loading: per job the newest state (nullopt: removed).
    QHash<QString, std::optional<Job>> m_pendingJobs;
    QStringList m_pendingOrder; ///< the ids of m_pendingJobs, first signalled first
    QHash<QString, RunRecord> m_pendingRuns;
    bool m_pendingCleared = false;

    mutable JobRowCodec m_codec;         ///< parses rows' jobs (jobAt())
    mutable ParsedCache<Action> m_actions; ///< rows' actions, for search texts the worker has not built yet
    std::unique_ptr<TriggerDescriptions> m_descriptions; ///< of rows' trigger texts, for schedule()
    mutable JobFilter m_wordsOf;              ///< the filter m_foldedWords were made for
    mutable QStringList m_foldedWords;
    quint64 m_warmGeneration = 0;
    std::shared_ptr<WarmState> m_warm; ///< the worker of the last load, until its texts are applied

    QCollator m_collator;
    std::function<QString(const QString &)> m_trendText; ///< setTrendText()
    mutable std::array<QIcon, 7> m_icons; ///< by RunOutcome; one QIcon each, so rendered pixmaps are cached
};

} // namespace punctual
