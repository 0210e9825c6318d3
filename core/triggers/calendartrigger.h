// Every N days, weeks, months or years at a wall-clock time of day (beyond APScheduler 3).
#pragma once

#include "triggers/trigger.h"

namespace punctual {

/**
 * Fires on anchor date + k * N units (k = 0, 1, ...) at a local time of day in the trigger's zone.
 * - The wall-clock time is kept across DST: a time in a gap fires at the gap's end, one in an overlap only in
 *   its first pass (as for a non-wild cron expression).
 * - For months and years, an occurrence whose day does not exist in its month (the 31st in April, 29 February
 *   in a common year) is skipped, not moved.
 * - Nothing fires before the anchor's occurrence (k = 0), after the optional end (inclusive) or after
 *   9999-12-31 (the last date the stored "YYYY-MM-DD" form holds).
 * nextFireTime() costs a constant number of steps: it estimates k from the local date, then checks at most
 * searchSteps occurrences (no schedule ever skips more than 15 in a row: every 25 years from 29 February).
 */
class CalendarTrigger final : public Trigger
{
public:
    enum class Unit
    {
        Day,
        Week,
        Month,
        Year,
    };

    /// The largest N in "every N units".
    static constexpr int maxEvery = 1000;
    /// How many occurrences nextFireTime() looks at from its estimate before it gives up.
    static constexpr int searchSteps = 32;

    /// @p every: 1..maxEvery; @p anchorDay: days since 1970-01-01 of the first occurrence's local date, in
    /// 0000-01-01..9999-12-31; @p timeOfDaySeconds: 0..86399. Values out of range are clamped.
    CalendarTrigger(Unit unit, int every, std::int64_t anchorDay, int timeOfDaySeconds);

    /**
     * Parses the `punctualctl next --calendar` form, e.g. "every 2 weeks at 09:30 from 2026-12-01",
     * "monthly at 08:00", "every 3 months at 06:15:30", "yearly from 2028-02-29". Grammar (case-insensitive):
     * `[every] [N] (day|days|week|weeks|month|months|year|years) | daily | weekly | monthly | yearly`,
     * then optional `at HH:MM[:SS]` (default 00:00) and `from YYYY-MM-DD` (default: the local date of
     * @p nowMs), in either order. N is 1..maxEvery. The error says which word is wrong and where (1-based
     * position), e.g. `calendar: "fortnight" is not a unit (day, week, month, year) (position 9)`.
     * @p zone nullptr means the system zone.
     */
    static Result<std::unique_ptr<CalendarTrigger>> parse(const QString &spec, std::shared_ptr<const ZoneRules> zone,
                                                          std::int64_t nowMs);
    /// Reads {"unit", "every", "anchor": "YYYY-MM-DD", "time": "HH:MM:SS", "end"?} plus the shared fields.
    static Result<std::unique_ptr<CalendarTrigger>> fromJson(const QJsonObject &json);

    Unit unit() const { return m_unit; }
    int every() const { return m_every; }
    std::int64_t anchorDay() const { return m_anchorDay; }
    int timeOfDaySeconds() const { return m_timeOfDay; }
    /// No fire after this instant (inclusive), when set.
    std::optional<std::int64_t> endMs() const { return m_endMs; }
    void setEndMs(std::optional<std::int64_t> endMs) { m_endMs = endMs; }

    TriggerType type() const override { return TriggerType::Calendar; }
    std::optional<std::int64_t> nextFireTime(std::int64_t afterMs) const override;
    QString description() const override;
    QJsonObject toJson() const override;
    std::unique_ptr<Trigger> clone() const override { return std::make_unique<CalendarTrigger>(*this); }

private:
    /// The local date (days since 1970-01-01) of occurrence @p k, or nothing when its day does not exist.
    std::optional<std::int64_t> occurrenceDay(std::int64_t k) const;
    /// The first k worth checking for a fire after an instant on local date @p localDay: the last occurrence
    /// dated on or before it (0 when none), since every earlier one fires before that date begins.
    std::int64_t firstCandidate(std::int64_t localDay) const;
    /// The UTC instant (seconds) of the wall-clock time on local date @p day.
    std::int64_t instantOn(std::int64_t day) const;

    Unit m_unit;
    int m_every;
    std::int64_t m_anchorDay;
    int m_timeOfDay;
    std::optional<std::int64_t> m_endMs;
};

} // namespace punctual
