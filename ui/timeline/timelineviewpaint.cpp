// Painting of the timeline view: rows' backgrounds and shading, the grid, bars, marks and ticks, the header with
// its day and hour labels, the now-line. Input and data are in timelineview.cpp.
#include "timelineview.h"

#include "jobs/job.h"
#include "models/runpresentation.h"

#include <QDateTime>
#include <QItemSelectionModel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QStyleOptionFocusRect>

#include <algorithm>

namespace punctual {

namespace {

QString localDayText(const QDate &date)
{
    const QLocale locale;
    return locale.dayName(date.dayOfWeek(), QLocale::ShortFormat) + QLatin1Char(' ')
           + locale.toString(date, QLocale::ShortFormat);
}

} // namespace

// --- painting -----------------------------------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent *)
{
    fetchVisible();
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().base());
    for (int row = firstVisibleRow(), last = lastVisibleRow(); row <= last; ++row)
        paintRow(painter, row, Pass::Background);
    paintHeader(painter, Pass::Background);
    for (int row = firstVisibleRow(), last = lastVisibleRow(); row <= last; ++row)
        paintRow(painter, row, Pass::Content);
    paintHeader(painter, Pass::Content);
    paintNowLine(painter);
    if (rowCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(0, m_headerHeight, 0, 0), Qt::AlignCenter,
                         tr("No jobs match"));
    }
}

void TimelineView::paintHeader(QPainter &painter, Pass pass) const
{
    const bool labels = pass == Pass::Content;
    const QRect header(0, 0, viewport()->width(), m_headerHeight);
    if (labels) {
        painter.fillRect(header, palette().button());
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(header.bottomLeft(), header.bottomRight());
    }
    painter.setClipRect(QRect(m_nameWidth, 0, viewport()->width() - m_nameWidth, viewport()->height()));
    const QFontMetrics fm = fontMetrics();
    const int lineHeight = fm.height();
    const QLocale locale;
    // The locale's short time without seconds (some locales' short format has them).
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QStringLiteral(":ss"));
    timeFormat.remove(QStringLiteral(".ss"));
    const std::int64_t step = m_scale.labelStepMs(fm.horizontalAdvance(QStringLiteral("00:00 PM")) + 16);
    const QDate firstDay = QDateTime::fromMSecsSinceEpoch(m_scale.startMs()).date().addDays(-1);
    const QDate lastDay = QDateTime::fromMSecsSinceEpoch(m_scale.endMs()).date().addDays(1);
    // Day boundaries: a line through every row, the day's name on the top line (kept in view at the left edge).
    for (QDate day = firstDay; day <= lastDay; day = day.addDays(1)) {
        const std::int64_t startMs = QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch();
        const std::int64_t endMs = QDateTime(day.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
        const double x = m_nameWidth + m_scale.xOf(startMs);
        const double xEnd = m_nameWidth + m_scale.xOf(endMs);
        if (xEnd < m_nameWidth || x > viewport()->width())
            continue;
        painter.setPen(palette().color(QPalette::Dark));
        if (labels)
            painter.drawLine(QPointF(x, 0), QPointF(x, m_headerHeight));
        else
            painter.drawLine(QPointF(x, m_headerHeight), QPointF(x, viewport()->height()));
        const double textX = std::max<double>(x, m_nameWidth) + 4;
        const QString text = localDayText(day);
        if (labels && (textX + fm.horizontalAdvance(text) < xEnd || xEnd - textX > 30)) {
            painter.setPen(palette().color(QPalette::ButtonText));
            painter.drawText(QRectF(textX, 2, std::max(0.0, xEnd - textX - 2), lineHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideRight, int(xEnd - textX)));
        }
        // The hours of the day at this zoom's step, on wall-clock times (a DST day keeps 00:00, 06:00...).
        if (step >= TimelineScale::dayMs)
            continue;
        for (std::int64_t offset = step; offset < TimelineScale::dayMs; offset += step) {
            const QTime time = QTime(0, 0).addMSecs(static_cast<int>(offset));
            const std::int64_t ms = QDateTime(day, time).toMSecsSinceEpoch();
            const double tx = m_nameWidth + m_scale.xOf(ms);
            if (tx < m_nameWidth - 60 || tx > viewport()->width() + 60)
                continue;
            if (!labels) {
                painter.setPen(palette().color(QPalette::Midlight));
                painter.drawLine(QPointF(tx, m_headerHeight), QPointF(tx, viewport()->height()));
                continue;
            }
            painter.setPen(palette().color(QPalette::Mid));
            painter.drawLine(QPointF(tx, m_headerHeight - 4), QPointF(tx, m_headerHeight));
            painter.setPen(palette().color(QPalette::ButtonText));
            painter.drawText(QRectF(tx + 3, 2 + lineHeight, 200, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                             locale.toString(time, timeFormat));
        }
    }
    painter.setClipping(false);
    if (!labels)
        return;
    painter.setPen(palette().color(QPalette::ButtonText));
    painter.drawText(QRect(6, 2, m_nameWidth - 8, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("Job"));
}

void TimelineView::paintNowLine(QPainter &painter) const
{
    const double x = m_nameWidth + m_scale.xOf(nowMs());
    if (x < m_nameWidth || x > viewport()->width())
        return;
    const QColor red = outcomeColor(RunOutcome::Failed, palette());
    painter.setPen(QPen(red, 2));
    painter.drawLine(QPointF(x, m_headerHeight - 6), QPointF(x, viewport()->height()));
    QPainterPath head;
    head.moveTo(x - 5, m_headerHeight - 8);
    head.lineTo(x + 5, m_headerHeight - 8);
    head.lineTo(x, m_headerHeight - 1);
    head.closeSubpath();
    painter.fillPath(head, red);
}

void TimelineView::paintRow(QPainter &painter, int row, Pass pass) const
{
    const QRect rect = rowRect(row);
    const QModelIndex index = m_rows.index(row, 0);
    const bool selected = m_selection && m_selection->isRowSelected(row, QModelIndex()) && index.isValid();
    QPalette::ColorGroup group = hasFocus() ? QPalette::Active : QPalette::Inactive;
    const QColor text = palette().color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const Job *job = jobAt(row);
    const QRect timeRect = rect.adjusted(m_nameWidth, 0, 0, 0);
    const std::int64_t now = nowMs();
    if (pass == Pass::Background) {
        painter.fillRect(rect, selected ? palette().color(group, QPalette::Highlight)
                                        : (row % 2 ? palette().alternateBase() : palette().base()));
    }
    painter.save();
    painter.setClipRect(timeRect);
    if (pass == Pass::Background && job) {
        // Excluded days and DST changes, behind everything else.
        for (const TimelineShade &shade : m_data.shades(*job, m_scale.startMs(), m_scale.endMs())) {
            const double x1 = m_nameWidth + m_scale.xOf(shade.startMs);
            const double x2 = m_nameWidth + m_scale.xOf(shade.endMs);
            const QRectF area(x1, rect.top(), x2 - x1, rect.height());
            if (shade.kind == TimelineShade::Kind::ExcludedDay) {
                painter.fillRect(area, QBrush(palette().color(QPalette::Mid), Qt::BDiagPattern));
            } else {
                QColor tint = outcomeColor(RunOutcome::Missed, palette());
                tint.setAlpha(40);
                painter.fillRect(area, tint);
                const double x = m_nameWidth + m_scale.xOf(shade.atMs);
                painter.setPen(QPen(outcomeColor(RunOutcome::Missed, palette()), 1, Qt::DashLine));
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()));
            }
        }
        // Nothing is coming for a paused job, or while the scheduler is paused: the future says so.
        if (job->paused || m_data.schedulerPaused()) {
            const double x = std::max<double>(m_nameWidth, m_nameWidth + m_scale.xOf(now));
            const QRectF future(x, rect.top() + 1, rect.right() - x, rect.height() - 2);
            painter.fillRect(future, QBrush(palette().color(QPalette::Mid), Qt::Dense6Pattern));
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(future.adjusted(8, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                             job->paused ? tr("Paused") : tr("Scheduler paused"));
        }
    }
    if (pass == Pass::Background) {
        painter.restore();
        return;
    }

    const QString currentKey = row == m_currentRow ? m_currentKey : QString();
    QRect focusRect;
    for (const TimelineItem &item : items(row)) {
        const QRect r = itemRect(row, item);
        if (item.key() == currentKey)
            focusRect = r;
        if (item.kind == TimelineItem::Kind::Tick) {
            painter.setPen(QPen(text, 1));
            const int x = r.center().x();
            painter.drawLine(x, rect.top() + 4, x, rect.bottom() - 4);
            QPainterPath head;
            head.moveTo(x - 4, rect.top() + 3);
            head.lineTo(x + 4, rect.top() + 3);
            head.lineTo(x, rect.top() + 8);
            head.closeSubpath();
            painter.fillPath(head, text);
            continue;
        }
        const QColor colour = outcomeColor(item.run.outcome, palette());
        painter.setRenderHint(QPainter::Antialiasing, true);
        if (item.isMark()) {
            // Runs that never ran: a shape per outcome, so colour is not the only difference.
            painter.setPen(QPen(colour, 2));
            painter.setBrush(Qt::NoBrush);
            const QRectF m = QRectF(r).adjusted(1, 1, -1, -1);
            switch (item.run.outcome) {
            case RunOutcome::Missed: painter.drawEllipse(m); break;
            case RunOutcome::Skipped:
                painter.drawLine(m.topLeft(), m.bottomRight());
                painter.drawLine(m.topRight(), m.bottomLeft());
                break;
            case RunOutcome::Excluded: painter.drawRect(m); break;
            default: {
                QPainterPath triangle;
                triangle.moveTo(m.center().x(), m.top());
                triangle.lineTo(m.right(), m.bottom());
                triangle.lineTo(m.left(), m.bottom());
                triangle.closeSubpath();
                painter.drawPath(triangle);
            }
            }
        } else {
            painter.setPen(QPen(colour.darker(130), 1));
            painter.setBrush(item.run.isFinal() ? QBrush(colour) : QBrush(colour, Qt::Dense4Pattern));
            painter.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
            if (item.lane > 0) { // overlapping an earlier run: a mark at its start, besides the lane
                painter.setPen(QPen(outcomeColor(RunOutcome::Skipped, palette()), 2));
                painter.drawLine(r.left(), rect.top() + 2, r.left(), rect.bottom() - 2);
            }
        }
        painter.setRenderHint(QPainter::Antialiasing, false);
    }
    if (!focusRect.isNull() && hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = focusRect.adjusted(-2, -2, 2, 2);
        option.backgroundColor = palette().color(QPalette::Base);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
    painter.restore();

    // The name column.
    const QRect nameRect(0, rect.top(), m_nameWidth, rect.height());
    if (!selected)
        painter.fillRect(nameRect, palette().button());
    painter.setPen(selected ? text : palette().color(QPalette::ButtonText));
    QString name = jobNameAt(row);
    if (job && job->paused)
        name = tr("%1 (paused)").arg(name);
    painter.drawText(nameRect.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(name, Qt::ElideRight, nameRect.width() - 10));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(m_nameWidth - 1, rect.top(), m_nameWidth - 1, rect.bottom());
    if (row == m_currentRow && hasFocus() && focusRect.isNull()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = nameRect.adjusted(1, 1, -1, -1);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

} // namespace punctual
