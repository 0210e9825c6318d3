// The run history model: one job's runs from the scheduler, then updated run by run from its signals.
#include "runhistorymodel.h"

#include "daychangetimer.h"
#include "runpresentation.h"
#include "scheduler/dueplanner.h"
#include "control/schedulerclient.h"
#include "time/clock.h"

#include <algorithm>

namespace punctual {

RunHistoryModel::RunHistoryModel(SchedulerClient &scheduler, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
{
    connect(&scheduler, &SchedulerClient::jobSubmitted, this, &RunHistoryModel::onRun);
    connect(&scheduler, &SchedulerClient::jobExecuted, this, &RunHistoryModel::onRun);
    connect(&scheduler, &SchedulerClient::jobError, this, &RunHistoryModel::onRun);
    connect(&scheduler, &SchedulerClient::jobMissed, this, &RunHistoryModel::onRun);
    connect(&scheduler, &SchedulerClient::jobMaxInstances, this, &RunHistoryModel::onRun);
    connect(&scheduler, &SchedulerClient::jobRemoved, this, &RunHistoryModel::onJobRemoved);
    connect(&scheduler, &SchedulerClient::allJobsRemoved, this, &RunHistoryModel::clear);
    connect(&scheduler, &SchedulerClient::runOutput, this, &RunHistoryModel::onRunOutput);
    // Back from a lost connection, or the store read again: what was missed meanwhile is asked for again.
    connect(&scheduler, &SchedulerClient::hostConnectedChanged, this, [this](bool connected) {
        if (connected && !m_jobId.isEmpty())
            setJobId(m_jobId);
    });
    connect(&scheduler, &SchedulerClient::storeReloaded, this, [this] {
        if (!m_jobId.isEmpty())
            setJobId(m_jobId);
    });
    connect(new DayChangeTimer(clock, this), &DayChangeTimer::dayChanged, this, &RunHistoryModel::onDayChanged);
}

RunHistoryModel::~RunHistoryModel() = default;

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    const RunRecord *run = index.isValid() ? runAt(index.row()) : nullptr;
    if (!run || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*run, index.column());
    case Qt::ToolTipRole:
        return toolTipData(*run, index.column());
    case Qt::DecorationRole:
        return index.column() == OutcomeColumn ? QVariant(icon(run->outcome)) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn || index.column() == ExitCodeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RunIdRole:
        return qint64(run->id);
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OutcomeColumn: return tr("Result");
    case ReasonColumn: return tr("Reason");
    case ScheduledColumn: return tr("Scheduled");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration");
    case ExitCodeColumn: return tr("Exit code");
    case InstanceColumn: return tr("Instance");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

QVariant RunHistoryModel::displayData(const RunRecord &run, int column) const
{
    const std::int64_t now = m_clock.nowMs();
    switch (column) {
    case OutcomeColumn:
        // The one missed row of a long downtime stands for many run times.
        if (run.outcome == RunOutcome::Missed && run.count > 1)
            return tr("Missed ×%1").arg(run.count);
        return outcomeName(run.outcome);
    case ReasonColumn:
        return reasonText(run);
    case ScheduledColumn:
        return shortDateTime(run.scheduledTime, now, TimePrecision::Seconds);
    case StartedColumn:
        return run.startTime ? shortDateTime(*run.startTime, now, TimePrecision::Milliseconds) : QString();
    case DurationColumn:
        if (run.startTime && run.endTime)
            return formatLateness(std::max<std::int64_t>(0, *run.endTime - *run.startTime));
        return {};
    case ExitCodeColumn:
        return run.exitCode ? QString::number(*run.exitCode) : QString();
    case InstanceColumn:
        return run.instance;
    case MessageColumn:
        if (run.outcome == RunOutcome::Missed && run.lateMs)
            return tr("missed by %1").arg(formatLateness(*run.lateMs));
        if (!run.error.isEmpty())
            return firstLine(run.error);
        if (run.attempt > 1)
            return tr("attempt %1").arg(run.attempt);
        return {};
    default:
        return {};
    }
}

QString RunHistoryModel::reasonText(const RunRecord &run)
{
    switch (run.reason) {
    case RunReason::Scheduled: return tr("Scheduled", "run reason");
    case RunReason::CatchUp: return tr("Catch-up", "run reason");
    case RunReason::RunNow: return tr("Run now", "run reason");
    case RunReason::Retry: return tr("Retry", "run reason");
    case RunReason::Chained:
        return run.causedBy ? tr("Chained (after run %1)", "run reason").arg(*run.causedBy)
                            : tr("Chained", "run reason");
    case RunReason::Backfill: return tr("Backfill", "run reason");
    case RunReason::AtStart: return tr("At start", "run reason");
    case RunReason::AfterResume: return tr("After wake-up", "run reason");
    case RunReason::NetworkUp: return tr("Network up", "run reason");
    }
    return {};
}

QVariant RunHistoryModel::toolTipData(const RunRecord &run, int column) const
{
    const std::int64_t now = m_clock.nowMs();
    switch (column) {
    case OutcomeColumn:
        if (run.outcome == RunOutcome::Missed && run.count > 1)
            return tr("%1 run times missed together\n%2").arg(run.count).arg(outcomeToolTip(run));
        return outcomeToolTip(run);
    case ReasonColumn:
        if (run.reason == RunReason::Chained && run.causedBy)
            return tr("Started because run %1 ended").arg(*run.causedBy);
        return {};
    case ScheduledColumn:
        return tr("%1\n%2", "date and time, then \"12 min ago\"")
            .arg(longDateTime(run.scheduledTime), relativeTime(run.scheduledTime, now));
    case StartedColumn:
        if (!run.startTime)
            return run.outcome == RunOutcome::Running ? tr("Waiting to start") : tr("It did not start");
        return tr("%1\n%2 after its scheduled time", "date and time, then a duration")
            .arg(longDateTime(*run.startTime),
                 formatLateness(std::max<std::int64_t>(0, *run.startTime - run.scheduledTime)));
    case InstanceColumn:
        return run.instance.isEmpty() ? QVariant() : QVariant(tr("Run by the scheduler instance %1").arg(run.instance));
    case MessageColumn:
        if (!run.error.isEmpty())
            return run.error.left(2000); // a whole stack trace makes an unreadable tooltip
        return {};
    default:
        return {};
    }
}

const QIcon &RunHistoryModel::icon(RunOutcome outcome) const
{
    QIcon &icon = m_icons.at(static_cast<std::size_t>(outcome));
    if (icon.isNull())
        icon = outcomeIcon(outcome);
    return icon;
}

void RunHistoryModel::setJobId(const QString &id)
{
    const int serial = ++m_loadSerial;
    if (id != m_jobId) {
        beginResetModel();
        m_jobId = id;
        m_runs.clear();
        endResetModel();
    }
    if (id.isEmpty())
        return;
    // Runs signalled before the answer are in it too: the host answers in order, after the events it sent before.
    m_scheduler.history(id, m_scheduler.historyLimit(), this, [this, serial](Result<QList<RunRecord>> history) {
        if (serial != m_loadSerial)
            return; // another job was chosen meanwhile
        beginResetModel();
        m_runs = history ? std::move(history).value() : QList<RunRecord>();
        endResetModel();
        if (!history)
            emit loadFailed(history.error().message);
        emit loaded();
        // A run going now has no output in the store yet: what it wrote so far comes from the host, and what it
        // writes next from run_output events (those that came before this answer are in it).
        for (const RunRecord &run : std::as_const(m_runs)) {
            if (run.outcome != RunOutcome::Running)
                continue;
            m_scheduler.runOutputSoFar(run.id, this, [this, serial, runId = run.id](Result<QString> output) {
                const int row = rowOfRun(runId);
                if (serial != m_loadSerial || !output || row < 0 || m_runs.at(row).outcome != RunOutcome::Running)
                    return;
                m_runs[row].output = output.value();
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            });
        }
    });
}

void RunHistoryModel::onRunOutput(qint64 runId, const QString &jobId, const QString &text)
{
    if (jobId != m_jobId)
        return;
    const int row = rowOfRun(runId);
    if (row < 0 || m_runs.at(row).outcome != RunOutcome::Running)
        return;
    m_runs[row].output += text;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const RunRecord *RunHistoryModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

qsizetype RunHistoryModel::positionOf(std::int64_t runId) const
{
    const auto it = std::lower_bound(m_runs.cbegin(), m_runs.cend(), runId,
                                     [](const RunRecord &run, std::int64_t id) { return run.id > id; });
    return it - m_runs.cbegin();
}

int RunHistoryModel::rowOfRun(std::int64_t runId) const
{
    const qsizetype at = positionOf(runId);
    return at < m_runs.size() && m_runs.at(at).id == runId ? static_cast<int>(at) : -1;
}

void RunHistoryModel::onRun(const RunRecord &run)
{
    if (m_jobId.isEmpty() || run.jobId != m_jobId)
        return;
    const qsizetype at = positionOf(run.id);
    if (at < m_runs.size() && m_runs.at(at).id == run.id) {
        m_runs[at] = run;
        emit dataChanged(index(static_cast<int>(at), 0), index(static_cast<int>(at), ColumnCount - 1));
        return;
    }
    const int limit = std::max(1, m_scheduler.historyLimit());
    if (at >= limit)
        return; // older than everything kept
    const int row = static_cast<int>(at);
    beginInsertRows({}, row, row);
    m_runs.insert(at, run);
    endInsertRows();
    if (m_runs.size() > limit) {
        // The scheduler prunes beyond its limit too; drop the oldest rows as it would.
        beginRemoveRows({}, limit, static_cast<int>(m_runs.size()) - 1);
        m_runs.resize(limit);
        endRemoveRows();
    }
}

void RunHistoryModel::onJobRemoved(const QString &id)
{
    if (id == m_jobId)
        clear();
}

void RunHistoryModel::clear()
{
    if (!m_runs.isEmpty()) {
        beginRemoveRows({}, 0, static_cast<int>(m_runs.size()) - 1);
        m_runs.clear();
        endRemoveRows();
    }
    m_jobId.clear(); // the job is gone: its runs went with it, and new ones cannot come
}

void RunHistoryModel::onDayChanged()
{
    // "14:55:00" meant today; from a new day on it needs its date.
    if (!m_runs.isEmpty())
        emit dataChanged(index(0, ScheduledColumn), index(rowCount() - 1, StartedColumn));
}

} // namespace punctual
