// A parsed cron expression: each field as a bit set plus the day extras (L, L-N, NW, LW, DL, D#K).
#pragma once

#include "util/result.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <variant>

namespace punctual {

/// Where and why a cron expression was rejected.
struct CronParseError
{
    QString field;    ///< "second", "minute", "hour", "day-of-month", "month", "day-of-week", or "expression"
    int position = 0; ///< 1-based character position in the original text
    QString problem;  ///< what is wrong, e.g. "61 is out of range 0-59"

    /// `field "minute": 61 is out of range 0-59 (position 4)`
    QString toString() const;
};

/**
 * A cron expression as DESIGN.md section 3 defines it: 5 fields, 6 with seconds first, or a macro.
 * Matching here is on naive wall-clock time; CronTrigger adds the time zone and the DST rules.
 */
class CronExpression final
{
public:
    enum Field
    {
        Second,
        Minute,
        Hour,
        DayOfMonth,
        Month,
        DayOfWeek,
        FieldCount,
    };

    /// Parses @p text; on failure the error names the field and the position.
    static std::variant<CronExpression, CronParseError> parse(const QString &text);
    /// parse() as a Result, with the error's text as message.
    static Result<CronExpression> parseResult(const QString &text);

    const QString &text() const { return m_text; }
    /// The six field texts after macro expansion ("0" for an absent seconds field).
    const std::array<QString, FieldCount> &fieldTexts() const { return m_fieldTexts; }
    bool hasSecondsField() const { return m_hasSeconds; }
    /// Wild in cronie's sense: the minute or hour field begins with '*' (decides the DST behaviour).
    bool isWild() const { return m_wild; }
    bool dayOfMonthRestricted() const { return m_domRestricted; }
    bool dayOfWeekRestricted() const { return m_dowRestricted; }

    std::uint64_t seconds() const { return m_seconds; }     ///< bit s for second s
    std::uint64_t minutes() const { return m_minutes; }     ///< bit m for minute m
    std::uint32_t hours() const { return m_hours; }         ///< bit h for hour h
    std::uint32_t daysOfMonth() const { return m_days; }    ///< bit d for day d (1..31), plain values only
    std::uint32_t months() const { return m_months; }       ///< bit m for month m (1..12)
    std::uint32_t daysOfWeek() const { return m_weekdays; } ///< bit w for weekday w (0 = Sunday .. 6)
    bool hasDayExtras() const { return m_lastMinus || m_nearestWeekday || m_lastWeekday || m_weekdayLast || m_nth; }
    std::uint32_t lastDayOffsets() const { return m_lastMinus; }      ///< bit n: "L-n" (bit 0: "L")
    std::uint32_t nearestWeekdays() const { return m_nearestWeekday; } ///< bit n: "nW"
    bool lastWeekdayOfMonth() const { return m_lastWeekday; }         ///< "LW"
    std::uint32_t lastWeekdays() const { return m_weekdayLast; }      ///< bit w: "wL"
    std::uint64_t nthWeekdays() const { return m_nth; }               ///< bit w * 8 + k: "w#k"

    /// Bit d set for every day d of the month (y, m) that matches both day fields (Vixie rule applied).
    std::uint64_t dayMask(int year, int month) const;
    /// The first naive local second >= @p localSeconds that matches, or nothing before the end of @p maxYear.
    std::optional<std::int64_t> nextMatch(std::int64_t localSeconds, int maxYear) const;

private:
    CronExpression() = default;
    friend class CronParser;

    QString m_text;
    std::array<QString, FieldCount> m_fieldTexts;
    std::uint64_t m_seconds = 1;
    std::uint64_t m_minutes = 0;
    std::uint32_t m_hours = 0;
    std::uint32_t m_days = 0;
    std::uint32_t m_months = 0;
    std::uint32_t m_weekdays = 0;
    std::uint32_t m_lastMinus = 0;      ///< bit n: "L-n" (L is L-0)
    std::uint32_t m_nearestWeekday = 0; ///< bit n: "nW"
    bool m_lastWeekday = false;         ///< "LW"
    std::uint32_t m_weekdayLast = 0;    ///< bit w: "wL"
    std::uint64_t m_nth = 0;            ///< bit w * 8 + k: "w#k"
    bool m_hasSeconds = false;
    bool m_wild = false;
    bool m_domRestricted = false;
    bool m_dowRestricted = false;
};

} // namespace punctual
