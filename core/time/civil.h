// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), free of time zones.
#pragma once

#include <cstdint>

namespace punctual::civil {

struct Date
{
    int year;
    int month; // 1..12
    int day;   // 1..31
};

inline constexpr std::int64_t secondsPerDay = 86400;

constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

constexpr std::int64_t floorMod(std::int64_t a, std::int64_t b)
{
    return a - floorDiv(a, b) * b;
}

constexpr bool isLeapYear(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

constexpr int daysInMonth(int y, int m)
{
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && isLeapYear(y)) ? 29 : days[m - 1];
}

// Howard Hinnant's days_from_civil: exact for every representable year.
constexpr std::int64_t daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const std::int64_t era = floorDiv(y, 400);
    const int yoe = static_cast<int>(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

constexpr Date civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const int doe = static_cast<int>(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(yoe + era * 400) + (m <= 2), m, d};
}

// 0 = Sunday ... 6 = Saturday (cron's numbering).
constexpr int weekdayFromDays(std::int64_t z)
{
    return static_cast<int>(floorMod(z + 4, 7));
}

// A naive (zone-less) wall-clock time broken into fields.
struct DateTime
{
    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
};

constexpr DateTime fromSeconds(std::int64_t s)
{
    const std::int64_t days = floorDiv(s, secondsPerDay);
    const int sod = static_cast<int>(s - days * secondsPerDay);
    const Date date = civilFromDays(days);
    return {date.year, date.month, date.day, sod / 3600, (sod / 60) % 60, sod % 60};
}

constexpr std::int64_t toSeconds(const DateTime &t)
{
    return daysFromCivil(t.year, t.month, t.day) * secondsPerDay + t.hour * 3600 + t.minute * 60 + t.second;
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(weekdayFromDays(0) == 4); // 1970-01-01 was a Thursday
static_assert(civilFromDays(daysFromCivil(2000, 2, 29)).day == 29);

} // namespace punctual::civil
