// The timeline view: rows, items and their texts; the span shown; mouse and keyboard (painting: timelineviewpaint.cpp).
#include "timelineview.h"

#include "jobs/job.h"
#include "models/joblistmodel.h"
#include "models/runpresentation.h"
#include "timelineaccessible.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace punctual {

namespace {

constexpr std::int64_t minuteMs = 60'000;

bool isZeroLength(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Missed:
    case RunOutcome::Skipped:
    case RunOutcome::Excluded:
    case RunOutcome::ConditionTimeout:
        return true;
    default:
        return false;
    }
}

} // namespace

bool TimelineItem::isMark() const
{
    return kind == Kind::Run && (isZeroLength(run.outcome) || (!run.startTime && run.isFinal()));
}

QString TimelineItem::key() const
{
    return kind == Kind::Run ? QStringLiteral("r%1").arg(run.id) : QStringLiteral("t%1").arg(startMs);
}

TimelineView::TimelineView(JobListModel &jobs, QAbstractItemModel &rows, TimelineModel &data, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_jobs(jobs)
    , m_rows(rows)
    , m_data(data)
{
    installTimelineAccessibility();
    setObjectName(QStringLiteral("timelineView"));
    setAccessibleName(tr("Timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    m_rowHeight = fontMetrics().height() + 10;
    m_headerHeight = 2 * fontMetrics().height() + 8;
    m_nameWidth = std::max(160, fontMetrics().averageCharWidth() * 26);
    m_scale = TimelineScale(0, TimelineScale::dayMs, 600);
    m_scale.showAround(nowMs());

    connect(&m_rows, &QAbstractItemModel::modelReset, this, &TimelineView::rowsChanged);
    connect(&m_rows, &QAbstractItemModel::layoutChanged, this, &TimelineView::rowsChanged);
    connect(&m_rows, &QAbstractItemModel::rowsInserted, this, &TimelineView::rowsChanged);
    connect(&m_rows, &QAbstractItemModel::rowsRemoved, this, &TimelineView::rowsChanged);
    connect(&m_rows, &QAbstractItemModel::dataChanged, viewport(), qOverload<>(&QWidget::update));
    connect(&m_data, &TimelineModel::changed, this, [this] {
        viewport()->update();
        emit contentChanged();
    });
    // The now-line moves with the clock: a repaint as often as it moves a pixel, at most once a second.
    m_nowTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_nowTimer, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
    updateGeometryOfRows();
}

TimelineView::~TimelineView() = default;

// --- rows ---------------------------------------------------------------------------------------------------

int TimelineView::rowCount() const
{
    return m_rows.rowCount();
}

QString TimelineView::jobIdAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_rows.index(row, 0).data(JobListModel::JobIdRole).toString();
}

QString TimelineView::jobNameAt(int row) const
{
    const int source = m_jobs.rowOf(jobIdAt(row));
    const JobSummary *summary = source >= 0 ? m_jobs.summaryAt(source) : nullptr;
    return summary ? (summary->name.isEmpty() ? summary->id : summary->name) : QString();
}

const Job *TimelineView::jobAt(int row) const
{
    const int source = m_jobs.rowOf(jobIdAt(row));
    return source >= 0 ? m_jobs.jobAt(source) : nullptr;
}

int TimelineView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int TimelineView::lastVisibleRow() const
{
    const int shown = (viewport()->height() - m_headerHeight + m_rowHeight - 1) / m_rowHeight;
    return std::min(rowCount() - 1, firstVisibleRow() + std::max(0, shown) - 1);
}

QRect TimelineView::rowRect(int row) const
{
    return {0, m_headerHeight + (row - firstVisibleRow()) * m_rowHeight, viewport()->width(), m_rowHeight};
}

int TimelineView::rowAt(const QPoint &pos) const
{
    if (pos.y() < m_headerHeight)
        return -1;
    const int row = firstVisibleRow() + (pos.y() - m_headerHeight) / m_rowHeight;
    return row <= lastVisibleRow() ? row : -1;
}

void TimelineView::rowsChanged()
{
    updateGeometryOfRows();
    if (m_currentRow >= rowCount())
        m_currentRow = rowCount() - 1;
    viewport()->update();
    emit contentChanged();
}

void TimelineView::updateGeometryOfRows()
{
    const int shown = std::max(1, (viewport()->height() - m_headerHeight) / m_rowHeight);
    verticalScrollBar()->setRange(0, std::max(0, rowCount() - shown));
    verticalScrollBar()->setPageStep(shown);
    verticalScrollBar()->setSingleStep(1);
    m_scale.setWidth(std::max(1, viewport()->width() - m_nameWidth));
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGeometryOfRows();
    emit contentChanged();
}

void TimelineView::scrollContentsBy(int, int)
{
    viewport()->update();
    emit contentChanged();
}

// --- the span shown -----------------------------------------------------------------------------------------

void TimelineView::setSpan(std::int64_t spanMs)
{
    m_scale.setSpan(spanMs, m_scale.width() / 2.0);
    spanMoved();
}

void TimelineView::zoomIn()
{
    m_scale.zoom(0.5, m_scale.width() / 2.0);
    spanMoved();
}

void TimelineView::zoomOut()
{
    m_scale.zoom(2.0, m_scale.width() / 2.0);
    spanMoved();
}

void TimelineView::showNow()
{
    m_scale.showAround(nowMs());
    spanMoved();
}

void TimelineView::setStart(std::int64_t startMs)
{
    m_scale.setStart(startMs);
    spanMoved();
}

void TimelineView::spanMoved()
{
    // Repaint about once a pixel of time, but not more than once a second nor less than once a minute.
    m_nowTimer.setInterval(static_cast<int>(std::clamp<double>(m_scale.msPerPixel(), 1000, 60'000)));
    viewport()->update();
    emit spanChanged();
    emit contentChanged();
}

void TimelineView::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    m_data.reloadCalendars();
    spanMoved();
    m_nowTimer.start();
}

void TimelineView::hideEvent(QHideEvent *event)
{
    QAbstractScrollArea::hideEvent(event);
    m_nowTimer.stop();
}

void TimelineView::fetchVisible()
{
    QStringList ids;
    for (int row = firstVisibleRow(), last = lastVisibleRow(); row <= last; ++row)
        ids.append(jobIdAt(row));
    if (!ids.isEmpty())
        m_data.ensureRuns(ids, m_scale.startMs(), m_scale.endMs());
}

// --- items --------------------------------------------------------------------------------------------------

QList<TimelineItem> TimelineView::items(int row) const
{
    QList<TimelineItem> out;
    const QString id = jobIdAt(row);
    if (id.isEmpty())
        return out;
    const std::int64_t now = nowMs();
    // Bars take lanes (a run that overlaps one still going goes below it); marks sit on the middle.
    QList<std::int64_t> laneEnds;
    for (RunRecord &run : m_data.runs(id, m_scale.startMs(), m_scale.endMs())) {
        TimelineItem item;
        item.startMs = run.startTime.value_or(run.scheduledTime);
        item.endMs = run.isFinal() ? run.endTime.value_or(item.startMs) : std::max(now, item.startMs);
        item.run = std::move(run);
        if (item.isMark()) {
            item.endMs = item.startMs = item.run.scheduledTime;
        } else {
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds[lane] > item.startMs)
                ++lane;
            if (lane == laneEnds.size())
                laneEnds.append(0);
            laneEnds[lane] = std::max(item.endMs, item.startMs + 1);
            item.lane = lane;
        }
        out.append(std::move(item));
    }
    for (TimelineItem &item : out) {
        if (!item.isMark())
            item.lanes = static_cast<int>(std::max<qsizetype>(1, laneEnds.size()));
    }
    if (const Job *job = jobAt(row)) {
        for (std::int64_t fire : m_data.ticks(*job, m_scale.startMs(), m_scale.endMs())) {
            TimelineItem tick;
            tick.kind = TimelineItem::Kind::Tick;
            tick.startMs = tick.endMs = fire;
            out.append(tick);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const TimelineItem &a, const TimelineItem &b) { return a.startMs < b.startMs; });
    return out;
}

QRect TimelineView::itemRect(int row, const TimelineItem &item) const
{
    const QRect band = rowRect(row).adjusted(m_nameWidth, 3, 0, -3);
    const int x1 = m_nameWidth + static_cast<int>(std::floor(m_scale.xOf(item.startMs)));
    if (item.kind == TimelineItem::Kind::Tick || item.isMark()) {
        const int half = band.height() / 2;
        return {x1 - half / 2 - 1, band.top() + half / 2, half + 2, half};
    }
    const int x2 = m_nameWidth + static_cast<int>(std::ceil(m_scale.xOf(item.endMs)));
    const int laneHeight = band.height() / std::max(1, item.lanes);
    return {x1, band.top() + item.lane * laneHeight, std::max(3, x2 - x1), std::max(3, laneHeight - 1)};
}

std::optional<TimelineItem> TimelineView::itemAt(const QPoint &pos) const
{
    const int row = rowAt(pos);
    if (row < 0 || pos.x() < m_nameWidth)
        return std::nullopt;
    const QList<TimelineItem> list = items(row);
    // Marks and ticks are small: a few pixels around them count. The last drawn (on top) wins.
    for (auto it = list.crbegin(); it != list.crend(); ++it) {
        if (itemRect(row, *it).adjusted(-2, 0, 2, 0).contains(pos))
            return *it;
    }
    return std::nullopt;
}

std::optional<TimelineItem> TimelineView::currentItem() const
{
    if (m_currentRow < 0 || m_currentKey.isEmpty())
        return std::nullopt;
    for (const TimelineItem &item : items(m_currentRow)) {
        if (item.key() == m_currentKey)
            return item;
    }
    return std::nullopt;
}

// --- texts --------------------------------------------------------------------------------------------------

QString TimelineView::itemName(int row, const TimelineItem &item) const
{
    const std::int64_t now = nowMs();
    if (item.kind == TimelineItem::Kind::Tick)
        return tr("Next run %1").arg(shortDateTime(item.startMs, now));
    const RunRecord &run = item.run;
    const QString when = shortDateTime(item.startMs, now);
    const QString outcome = outcomeName(run.outcome);
    QString text;
    if (item.isMark())
        text = tr("%1: %2, %3").arg(jobNameAt(row), outcome, when);
    else if (!run.isFinal())
        text = tr("%1: %2, since %3").arg(jobNameAt(row), outcome, when);
    else
        text = tr("%1: %2, %3, took %4").arg(jobNameAt(row), outcome, when, shortDuration(item.endMs - item.startMs));
    if (item.lanes > 1 && item.lane > 0)
        text += QLatin1String(", ") + tr("overlaps an earlier run");
    return text;
}

QString TimelineView::rowDescription(int row) const
{
    const Job *job = jobAt(row);
    if (job && job->paused)
        return tr("Paused");
    int runs = 0;
    int ticks = 0;
    for (const TimelineItem &item : items(row))
        (item.kind == TimelineItem::Kind::Run ? runs : ticks)++;
    return tr("Runs shown: %1; coming runs: %2").arg(runs).arg(ticks);
}

QString TimelineView::toolTipAt(const QPoint &pos) const
{
    const int row = rowAt(pos);
    if (row < 0)
        return {};
    const std::int64_t now = nowMs();
    if (const auto item = itemAt(pos)) {
        if (item->kind == TimelineItem::Kind::Tick)
            return jobNameAt(row) + QLatin1Char('\n') + tr("Next run %1").arg(shortDateTime(item->startMs, now));
        const RunRecord &run = item->run;
        QStringList lines{jobNameAt(row), outcomeName(run.outcome),
                          tr("Scheduled: %1").arg(shortDateTime(run.scheduledTime, now, TimePrecision::Seconds))};
        if (run.startTime)
            lines << tr("Started: %1").arg(shortDateTime(*run.startTime, now, TimePrecision::Seconds));
        if (run.startTime && run.endTime)
            lines << tr("Took %1").arg(shortDuration(*run.endTime - *run.startTime));
        else if (run.startTime && !run.isFinal())
            lines << tr("Running for %1").arg(shortDuration(now - *run.startTime));
        if (run.exitCode && *run.exitCode != 0)
            lines << tr("Exit code %1").arg(*run.exitCode);
        if (const QString error = firstLine(run.error); !error.isEmpty())
            lines << error;
        if (run.count > 1)
            lines << tr("Stands for %1 run times").arg(run.count);
        if (item->lanes > 1 && item->lane > 0)
            lines << tr("Overlaps an earlier run of the job");
        return lines.join(QLatin1Char('\n'));
    }
    const Job *job = jobAt(row);
    if (pos.x() < m_nameWidth || !job)
        return job ? job->name + QLatin1Char('\n') + describeSchedule(*job) : jobNameAt(row);
    const std::int64_t at = m_scale.msAt(pos.x() - m_nameWidth);
    for (const TimelineShade &shade : m_data.shades(*job, at, at)) {
        if (shade.kind == TimelineShade::Kind::ExcludedDay)
            return tr("Excluded by the calendar \"%1\": runs on this day are skipped").arg(shade.calendar);
        const QString change = shade.offsetChangeSec > 0
                                   ? tr("Clocks go forward by %1 at %2 (%3)")
                                   : tr("Clocks go back by %1 at %2 (%3)");
        return change.arg(shortDuration(std::abs(shade.offsetChangeSec) * 1000LL),
                          shortDateTime(shade.atMs, now), QString::fromLatin1(job->trigger->zone().id()));
    }
    if (job->paused)
        return tr("%1 is paused: no runs are coming").arg(job->name);
    if (m_data.schedulerPaused())
        return tr("The scheduler is paused: no runs are coming");
    return {};
}

// --- mouse --------------------------------------------------------------------------------------------------

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    m_pressPos = event->position().toPoint();
    m_pressStartMs = m_scale.startMs();
    m_dragging = false;
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const int dx = event->position().toPoint().x() - m_pressPos.x();
    if (!m_dragging && std::abs(dx) < 4)
        return;
    // Dragging moves time under the pointer: to the right is back into history.
    m_dragging = true;
    viewport()->setCursor(Qt::ClosedHandCursor);
    m_scale.setStart(m_pressStartMs);
    m_scale.scrollBy(-dx);
    spanMoved();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mouseReleaseEvent(event);
    viewport()->unsetCursor();
    if (m_dragging) {
        m_dragging = false;
        return;
    }
    const QPoint pos = event->position().toPoint();
    const int row = rowAt(pos);
    if (row < 0)
        return;
    const auto item = itemAt(pos);
    setCurrent(row, item ? item->key() : QString());
    if (item && item->kind == TimelineItem::Kind::Run)
        emit runChosen(jobIdAt(row), item->run.id);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double anchor = std::max(0.0, event->position().x() - m_nameWidth);
        m_scale.zoom(delta.y() > 0 ? 0.8 : 1.25, anchor);
        spanMoved();
        event->accept();
        return;
    }
    const int sideways = (event->modifiers() & Qt::ShiftModifier) ? delta.y() : delta.x();
    if (sideways != 0) {
        m_scale.scrollBy(-sideways / 120.0 * m_scale.width() / 8);
        spanMoved();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

// --- keyboard -----------------------------------------------------------------------------------------------

void TimelineView::setSelectionModel(QItemSelectionModel *selection)
{
    m_selection = selection;
    if (!selection)
        return;
    connect(selection, &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (m_following || !current.isValid() || current.row() == m_currentRow)
            return;
        m_currentRow = current.row();
        m_currentKey.clear();
        ensureCurrentVisible();
        viewport()->update();
    });
    connect(selection, &QItemSelectionModel::selectionChanged, viewport(), qOverload<>(&QWidget::update));
}

void TimelineView::setCurrent(int row, const QString &key)
{
    if (row < 0 || row >= rowCount())
        return;
    const bool rowChanged = row != m_currentRow;
    m_currentRow = row;
    m_currentKey = key;
    ensureCurrentVisible();
    viewport()->update();
    if (rowChanged || (m_selection && !m_selection->isRowSelected(row, QModelIndex()))) {
        m_following = true;
        emit jobChosen(jobIdAt(row));
        m_following = false;
    }
    announceCurrent();
}

void TimelineView::moveCurrentRow(int row)
{
    row = std::clamp(row, 0, rowCount() - 1);
    if (row < 0)
        return;
    // The item of the new row nearest in time to the current one (or to now).
    const auto current = currentItem();
    const std::int64_t at = current ? current->startMs : nowMs();
    QString key;
    std::int64_t best = std::numeric_limits<std::int64_t>::max();
    m_currentRow = row; // items() of the new row are read with it shown
    ensureCurrentVisible();
    for (const TimelineItem &item : items(row)) {
        const std::int64_t distance = std::abs(item.startMs - at);
        if (current && distance < best) {
            best = distance;
            key = item.key();
        }
    }
    m_currentRow = -1;
    setCurrent(row, key);
}

void TimelineView::moveCurrentItem(int step)
{
    if (m_currentRow < 0)
        return moveCurrentRow(0);
    const QList<TimelineItem> list = items(m_currentRow);
    qsizetype index = -1;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].key() == m_currentKey)
            index = i;
    }
    if (index < 0) {
        // None yet: the first after now going right, the last before it going left.
        const std::int64_t now = nowMs();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (step > 0 ? list[i].startMs >= now : list[i].startMs <= now) {
                index = i;
                if (step > 0)
                    break;
            }
        }
        if (index >= 0)
            return setCurrent(m_currentRow, list[index].key());
    } else if (index + step >= 0 && index + step < list.size()) {
        return setCurrent(m_currentRow, list[index + step].key());
    }
    // Past the first or last item shown: the span moves half a width that way (its runs come as they are read).
    m_scale.scrollBy(step * m_scale.width() / 2.0);
    spanMoved();
}

void TimelineView::ensureCurrentVisible()
{
    if (m_currentRow < 0)
        return;
    if (m_currentRow < firstVisibleRow())
        verticalScrollBar()->setValue(m_currentRow);
    else if (m_currentRow > lastVisibleRow())
        verticalScrollBar()->setValue(m_currentRow - (lastVisibleRow() - firstVisibleRow()));
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const int page = std::max(1, lastVisibleRow() - firstVisibleRow());
    switch (event->key()) {
    case Qt::Key_Up: moveCurrentRow(m_currentRow - 1); break;
    case Qt::Key_Down: moveCurrentRow(m_currentRow + 1); break;
    case Qt::Key_PageUp: moveCurrentRow(m_currentRow - page); break;
    case Qt::Key_PageDown: moveCurrentRow(m_currentRow + page); break;
    case Qt::Key_Home: moveCurrentRow(0); break;
    case Qt::Key_End: moveCurrentRow(rowCount() - 1); break;
    case Qt::Key_Left: moveCurrentItem(-1); break;
    case Qt::Key_Right: moveCurrentItem(1); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const auto item = currentItem(); item && item->kind == TimelineItem::Kind::Run)
            emit runChosen(jobIdAt(m_currentRow), item->run.id);
        else if (m_currentRow >= 0)
            emit jobChosen(jobIdAt(m_currentRow));
        break;
    default: return QAbstractScrollArea::keyPressEvent(event);
    }
    event->accept();
}

void TimelineView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    if (m_currentRow < 0 && rowCount() > 0)
        m_currentRow = m_selection && m_selection->currentIndex().isValid() ? m_selection->currentIndex().row()
                                                                            : firstVisibleRow();
    viewport()->update();
}

void TimelineView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void TimelineView::announceCurrent()
{
    emit contentChanged();
    if (!QAccessible::isActive() || m_currentRow < firstVisibleRow())
        return;
    // The row's child (the rows shown, from the first one) has the focus; its item, when there is one, below it.
    QAccessibleEvent focus(this, QAccessible::Focus);
    focus.setChild(m_currentRow - firstVisibleRow());
    QAccessible::updateAccessibility(&focus);
}

} // namespace punctual
