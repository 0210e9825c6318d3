// The timeline's time axis.
#include "timelinescale.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace punctual {

QList<TimelineScale::NamedSpan> TimelineScale::namedSpans()
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("TimelineScale", text); };
    return {
        {hourMs, tr("1 hour")},    {6 * hourMs, tr("6 hours")}, {dayMs, tr("1 day")},
        {3 * dayMs, tr("3 days")}, {7 * dayMs, tr("7 days")},   {30 * dayMs, tr("30 days")},
    };
}

TimelineScale::TimelineScale(std::int64_t startMs, std::int64_t spanMs, int width)
    : m_startMs(startMs)
    , m_spanMs(std::clamp(spanMs, minSpanMs, maxSpanMs))
    , m_width(std::max(1, width))
{
}

double TimelineScale::xOf(std::int64_t ms) const
{
    return static_cast<double>(ms - m_startMs) / msPerPixel();
}

std::int64_t TimelineScale::msAt(double x) const
{
    return m_startMs + static_cast<std::int64_t>(std::llround(x * msPerPixel()));
}

void TimelineScale::setWidth(int width)
{
    m_width = std::max(1, width);
}

void TimelineScale::setSpan(std::int64_t spanMs, double anchorX)
{
    const std::int64_t anchorMs = msAt(anchorX);
    m_spanMs = std::clamp(spanMs, minSpanMs, maxSpanMs);
    m_startMs = anchorMs - static_cast<std::int64_t>(std::llround(anchorX * msPerPixel()));
}

std::int64_t TimelineScale::labelStepMs(int minPixels) const
{
    constexpr std::int64_t minute = 60'000;
    for (std::int64_t step : {5 * minute, 15 * minute, hourMs, 3 * hourMs, 6 * hourMs, 12 * hourMs, dayMs, 7 * dayMs}) {
        if (step / msPerPixel() >= minPixels)
            return step;
    }
    return 7 * dayMs;
}

} // namespace punctual
