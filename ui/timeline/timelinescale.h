// The timeline's time axis: which span of time its width shows, time <-> x, zoom between 1 hour and 30 days.
#pragma once

#include <QList>
#include <QString>

#include <cstdint>

namespace punctual {

/**
 * A span of time [start, start + span) laid over a width in pixels. Pure arithmetic (no widgets, no clock), so the
 * view and its tests share it. The span stays within [minSpanMs, maxSpanMs] whatever the zoom asks for.
 */
class TimelineScale
{
public:
    static constexpr std::int64_t hourMs = 3'600'000;
    static constexpr std::int64_t dayMs = 24 * hourMs;
    static constexpr std::int64_t minSpanMs = hourMs;    ///< zoomed in the most: one hour across
    static constexpr std::int64_t maxSpanMs = 30 * dayMs; ///< zoomed out the most: thirty days across

    /// A named span of the zoom control: "1 hour" ... "30 days".
    struct NamedSpan
    {
        std::int64_t spanMs;
        QString name;
    };
    /// The spans the zoom control offers, shortest first (translated names).
    static QList<NamedSpan> namedSpans();

    TimelineScale() = default;
    TimelineScale(std::int64_t startMs, std::int64_t spanMs, int width);

    std::int64_t startMs() const { return m_startMs; }
    std::int64_t spanMs() const { return m_spanMs; }
    std::int64_t endMs() const { return m_startMs + m_spanMs; }
    int width() const { return m_width; }
    double msPerPixel() const { return static_cast<double>(m_spanMs) / m_width; }

    /// The x (0 at the left edge, may be outside [0, width]) of instant @p ms.
    double xOf(std::int64_t ms) const;
    /// The instant at @p x.
    std::int64_t msAt(double x) const;

    void setWidth(int width);
    void setStart(std::int64_t startMs) { m_startMs = startMs; }
    /// Shows @p spanMs (clamped to the limits) keeping the instant under @p anchorX where it is.
    void setSpan(std::int64_t spanMs, double anchorX);
    /// Zooms in (@p factor < 1) or out (> 1) around @p anchorX.
    void zoom(double factor, double anchorX) { setSpan(static_cast<std::int64_t>(m_spanMs * factor), anchorX); }
    /// Moves the view by @p dx pixels (positive: later).
    void scrollBy(double dx) { m_startMs += static_cast<std::int64_t>(dx * msPerPixel()); }
    /// Puts @p ms at a quarter of the width (the past to its left, more of the future to its right).
    void showAround(std::int64_t ms) { m_startMs = ms - m_spanMs / 4; }

    /// A step for the axis' labels and grid lines at this zoom: the smallest of 5 min, 15 min, 1 h, 3 h, 6 h, 12 h,
    /// 1 day, 7 days at least @p minPixels wide.
    std::int64_t labelStepMs(int minPixels) const;

private:
    std::int64_t m_startMs = 0;
    std::int64_t m_spanMs = dayMs;
    int m_width = 1;
};

} // namespace punctual
