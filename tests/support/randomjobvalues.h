// The building blocks of the random job documents of randomjobjson.h: what is known of a generated document
// (JobCandidate), the contract's limits written out for the test, and choices of valid, boundary and invalid values
// with what export must give back for each.
#pragma once

#include "time/zonerules.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>

namespace punctual::test {

namespace randomjob {

inline constexpr std::int64_t second = 1000;
inline constexpr std::int64_t minute = 60 * second;
inline constexpr std::int64_t hour = 60 * minute;
inline constexpr std::int64_t day = 24 * hour;
inline constexpr std::int64_t year = 36525 * day / 100;
/// The contract's limits (DESIGN.md section 7), written out here so that the test does not borrow them.
inline constexpr std::int64_t maxDurationMs = 36525LL * day;              // 100 years
inline constexpr std::int64_t firstInstantMs = -62135510400000;           // 0001-01-02T00:00:00Z
inline constexpr std::int64_t lastInstantMs = 253402214399999;            // 9999-12-30T23:59:59.999Z
inline constexpr double maxOutputCap = 1024.0 * 1024 * 1024;               // 1 GiB
inline constexpr qint64 twoTo53 = 9007199254740992;

inline std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Qt's QDate, not the civil.h under test).
inline std::int64_t dayNumber(int y, int m, int d)
{
    return QDate(y, m, d).toJulianDay() - 2440588;
}

inline QDate dateOfDay(std::int64_t dayNo)
{
    return QDate::fromJulianDay(dayNo + 2440588);
}

/// "YYYY-MM-DDTHH:MM:SS" of naive local seconds; empty when the year has not four digits (0001-9999).
inline QString localText(std::int64_t localSeconds, QChar separator = QLatin1Char('T'))
{
    const QDate date = dateOfDay(floorDiv(localSeconds, 86400));
    const std::int64_t secs = localSeconds - floorDiv(localSeconds, 86400) * 86400;
    if (date.year() < 1 || date.year() > 9999)
        return {};
    return QStringLiteral("%1-%2-%3%4%5:%6:%7")
        .arg(date.year(), 4, 10, QLatin1Char('0'))
        .arg(date.month(), 2, 10, QLatin1Char('0'))
        .arg(date.day(), 2, 10, QLatin1Char('0'))
        .arg(separator)
        .arg(secs / 3600, 2, 10, QLatin1Char('0'))
        .arg(secs / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(secs % 60, 2, 10, QLatin1Char('0'));
}

/// Seconds rounded to whole milliseconds as the contract says ("1 ms to 100 years"), or why they are refused.
struct Seconds
{
    std::optional<std::int64_t> ms;
    QString refusal;
};

inline Seconds checkSeconds(double seconds, bool allowZero)
{
    if (!std::isfinite(seconds) || seconds < 0 || (seconds == 0 && !allowZero))
        return {std::nullopt, QStringLiteral("not a positive number of seconds")};
    const double ms = seconds * 1000.0;
    if (ms > double(maxDurationMs))
        return {std::nullopt, QStringLiteral("longer than 100 years")};
    const auto rounded = static_cast<std::int64_t>(std::llround(ms));
    if (rounded == 0 && seconds > 0)
        return {std::nullopt, QStringLiteral("shorter than 1 ms")};
    return {rounded, {}};
}

/// The export's form of a number of milliseconds in seconds.
inline QJsonValue secondsJson(std::int64_t ms)
{
    return QJsonValue(double(ms) / 1000.0);
}

/// Markers in an expected document (see JobCandidate::expected).
inline QJsonObject instantMarker(std::int64_t ms, const QByteArray &zone)
{
    return {{QStringLiteral("$instant"), qint64(ms)}, {QStringLiteral("$zone"), QString::fromLatin1(zone)}};
}

} // namespace randomjob

/// A generated job file entry and what the import must make of it.
struct JobCandidate
{
    int serial = 0;
    QJsonValue document; ///< the entry (usually an object; sometimes not even that)
    bool accepted = false;
    QStringList refusals; ///< why it must be refused (each names the rule), for failure messages
    /**
     * When accepted: the job JSON export must give, without "next_run_time", "state" and the trigger's
     * "description" (written for people; checked on their own). Markers stand for what the test cannot know in
     * advance: {"$instant": ms, "$zone": zone} an ISO text of that instant with the zone's offset;
     * {"$startFromNow": interval ms} an interval start of import time + interval (rounded up to a whole second
     * for whole-second intervals); {"$generatedId": true} a fresh id of 32 hex digits; {"$sameAsId": true} the
     * job's id.
     */
    QJsonObject expected;
    bool idGenerated = false; ///< no id given: only found by comparing the store before and after
    bool paused = false;

    QString documentText() const
    {
        return QString::fromUtf8(QJsonDocument(QJsonArray{document}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    }
};

/// What the generator needs to know of the test that uses it.
struct RandomJobSettings
{
    std::int64_t nowMs = 0;                 ///< about when the imports run
    std::int64_t windowMs = 30 * randomjob::minute; ///< imports run within [nowMs, nowMs + windowMs]
    QByteArray systemZone;                  ///< the zone punctualctl runs in (TZ)
    QList<QByteArray> zones;                ///< zones this system knows (used valid)
    QList<QByteArray> unknownZones;         ///< zone names this system does not know
    bool quiet = false;                     ///< nothing may fire during the test: jobs that might are paused
    bool allowMissingId = true;             ///< documents without an id (imported alone)
};

/// Random values for one document at a time: each key gets a valid value, or (bad()) one the import must refuse.
class RandomJsonValues
{
public:
    RandomJsonValues(quint64 seed, RandomJobSettings settings)
        : m_random(seed)
        , m_settings(std::move(settings))
    {
    }

protected:
    using Seconds = randomjob::Seconds;

    /// One key of an object: its value in the document (none: absent) and in the export (none: left out).
    struct Field
    {
        std::optional<QJsonValue> input;
        std::optional<QJsonValue> expected;
        QString refusal; ///< non-empty: the job must be refused
    };

    /// An object being built: the document's form, the export's form, and the reasons to refuse.
    struct Part
    {
        QJsonObject input;
        QJsonObject expected;
        QStringList refusals;

        void put(const QString &key, const Field &field)
        {
            if (field.input)
                input.insert(key, *field.input);
            if (field.expected)
                expected.insert(key, *field.expected);
            if (!field.refusal.isEmpty())
                refusals.append(key + QStringLiteral(": ") + field.refusal);
        }
        void putPart(const QString &key, const Part &part)
        {
            input.insert(key, part.input);
            expected.insert(key, part.expected);
            for (const QString &refusal : part.refusals)
                refusals.append(key + QStringLiteral(".") + refusal);
        }
        void refuse(const QString &why) { refusals.append(why); }
    };

    struct Valid
    {
        QJsonValue input;
        std::optional<QJsonValue> expected;
    };
    struct Invalid
    {
        QJsonValue input;
        QString why;
    };

    // ---- random choices

    bool chance(double p) { return m_random.generateDouble() < p; }
    template <typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(static_cast<qsizetype>(m_random.bounded(static_cast<quint32>(list.size()))));
    }
    /// Whether this key gets a bad value in this document.
    bool bad() { return chance(m_badRate); }

    /// Absent (default @p absentExpected) with probability @p absentRate, else a valid value; bad(): an invalid one.
    Field choose(double absentRate, const std::optional<QJsonValue> &absentExpected, const QList<Valid> &valid,
                 const QList<Invalid> &invalid)
    {
        if (!invalid.isEmpty() && bad()) {
            const Invalid &choice = pick(invalid);
            return {choice.input, std::nullopt, choice.why};
        }
        if (valid.isEmpty() || chance(absentRate))
            return {std::nullopt, absentExpected, {}};
        const Valid &choice = pick(valid);
        return {choice.input, choice.expected, {}};
    }

    enum class Kind
    {
        Number,
        String,
    };

    /// Values of every JSON type but @p kind (null only when it is not allowed).
    static QList<Invalid> wrongTypes(Kind kind, bool nullAllowed)
    {
        QList<Invalid> list{{QJsonArray{}, QStringLiteral("an array")},
                            {QJsonArray{1, 2}, QStringLiteral("an array")},
                            {QJsonObject{}, QStringLiteral("an object")},
                            {true, QStringLiteral("a bool")},
                            {false, QStringLiteral("a bool")}};
        if (!nullAllowed)
            list.append({QJsonValue(QJsonValue::Null), QStringLiteral("null")});
        if (kind != Kind::String) {
            list.append({QStringLiteral("60"), QStringLiteral("a string")});
            list.append({QStringLiteral("NaN"), QStringLiteral("a string (NaN)")});
            list.append({QStringLiteral("Infinity"), QStringLiteral("a string (Infinity)")});
        }
        if (kind != Kind::Number) {
            list.append({0, QStringLiteral("a number")});
            list.append({1, QStringLiteral("a number")});
        }
        return list;
    }

    /// A seconds key: boundary values around 0, 1 ms and 100 years, and wrong types.
    Field seconds(double absentRate, const std::optional<QJsonValue> &absentExpected, bool allowZero, bool allowNull)
    {
        static const QList<double> values{0.001, 0.0006, 0.0015, 0.5, 1, 1.5, 59.9999, 60, 3600, 86400.25,
                                          3155760000.0, 0, -0.0, 1e-9, 0.0004, -1, -0.001, 3155760000.001,
                                          3155760001.0, 1e300, -1e300, 1e-300};
        QList<Valid> valid;
        QList<Invalid> invalid;
        for (const double value : values) {
            const Seconds checked = randomjob::checkSeconds(value, allowZero);
            if (checked.ms)
                valid.append({value, randomjob::secondsJson(*checked.ms)});
            else
                invalid.append({value, checked.refusal});
        }
        invalid.append({qint64(randomjob::twoTo53 + 1), QStringLiteral("2^53+1 s is longer than 100 years")});
        invalid.append({-qint64(randomjob::twoTo53 + 1), QStringLiteral("negative")});
        if (allowNull)
            valid.append({QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null)});
        invalid.append(wrongTypes(Kind::Number, allowNull));
        return choose(absentRate, absentExpected, valid, invalid);
    }

    /// A whole-number key from @p low to @p high.
    Field wholeNumber(double absentRate, int absentValue, int low, int high)
    {
        QList<Valid> valid{{low, low}, {high, high}, {double(low) + 1.0, low + 1}, {(low + high) / 2, (low + high) / 2}};
        QList<Invalid> invalid{{low - 1, QStringLiteral("below %1").arg(low)},
                               {high + 1, QStringLiteral("above %1").arg(high)},
                               {low + 0.5, QStringLiteral("not whole")},
                               {1e300, QStringLiteral("huge")},
                               {qint64(randomjob::twoTo53 + 1), QStringLiteral("2^53+1")},
                               {qint64(randomjob::twoTo53 - 1), QStringLiteral("2^53-1")},
                               {-qint64(randomjob::twoTo53 + 1), QStringLiteral("-(2^53+1)")},
                               {qint64(std::numeric_limits<qint64>::max()), QStringLiteral("int64 max")},
                               {4294967296.0 + low, QStringLiteral("2^32 + low (an int wrap)")},
                               {1e-9, QStringLiteral("not whole")}};
        invalid.append(wrongTypes(Kind::Number, false));
        return choose(absentRate, QJsonValue(absentValue), valid, invalid);
    }

    Field boolean(double absentRate, bool absentValue)
    {
        const QList<Valid> valid{{true, true}, {false, false}};
        QList<Invalid> invalid{{QStringLiteral("false"), QStringLiteral("a string")},
                               {QStringLiteral("true"), QStringLiteral("a string")},
                               {1, QStringLiteral("a number")},
                               {0, QStringLiteral("a number")},
                               {QJsonValue(QJsonValue::Null), QStringLiteral("null")},
                               {QJsonArray{}, QStringLiteral("an array")}};
        return choose(absentRate, QJsonValue(absentValue), valid, invalid);
    }

    /// A boolean key the export writes only when true.
    Field flag(double absentRate)
    {
        Field field = boolean(absentRate, false);
        if (field.refusal.isEmpty() && (!field.expected || !field.expected->toBool()))
            field.expected.reset();
        return field;
    }

    /// Any string from @p values (expected as given), absent meaning @p absentExpected.
    Field text(double absentRate, const std::optional<QJsonValue> &absentExpected, const QStringList &values,
               bool nullAllowed = false)
    {
        QList<Valid> valid;
        for (const QString &value : values)
            valid.append({value, value});
        return choose(absentRate, absentExpected, valid, wrongTypes(Kind::String, nullAllowed));
    }

    /// A string the export leaves out when empty.
    Field optionalText(double absentRate, const QStringList &values)
    {
        Field field = text(absentRate, std::nullopt, values);
        if (field.expected && field.expected->toString().isEmpty())
            field.expected.reset();
        return field;
    }

    static QString codePoints(const QString &unit, int count)
    {
        QString text;
        for (int i = 0; i < count; ++i)
            text += unit;
        return text;
    }

    void unknownKey(Part &part, const QStringList &keys)
    {
        if (bad())
            part.put(pick(keys), {QStringLiteral("x"), std::nullopt, QStringLiteral("an unknown key")});
    }

    Field stringList(double absentRate, const std::optional<QJsonValue> &absentExpected, const QList<QStringList> &lists)
    {
        QList<Valid> valid;
        for (const QStringList &list : lists)
            valid.append({QJsonArray::fromStringList(list), QJsonArray::fromStringList(list)});
        QList<Invalid> invalid{{QStringLiteral("--all"), QStringLiteral("a string, not a list")},
                               {QJsonArray{1}, QStringLiteral("a number in the list")},
                               {QJsonArray{QStringLiteral("a"), QJsonValue(QJsonValue::Null)}, QStringLiteral("null in the list")},
                               {QJsonArray{QJsonArray{}}, QStringLiteral("a list in the list")},
                               {QJsonObject{}, QStringLiteral("an object")},
                               {QJsonValue(QJsonValue::Null), QStringLiteral("null")},
                               {true, QStringLiteral("a bool")}};
        return choose(absentRate, absentExpected, valid, invalid);
    }

    Field stringMap(const QList<QJsonObject> &maps)
    {
        QList<Valid> valid;
        for (const QJsonObject &map : maps)
            valid.append({map, map.isEmpty() ? std::nullopt : std::optional<QJsonValue>(map)});
        const QList<Invalid> invalid{{QJsonObject{{QStringLiteral("A"), 1}}, QStringLiteral("a number value")},
                                     {QJsonObject{{QStringLiteral("A"), QJsonValue(QJsonValue::Null)}}, QStringLiteral("a null value")},
                                     {QJsonArray{QStringLiteral("A=1")}, QStringLiteral("a list")},
                                     {QStringLiteral("A=1"), QStringLiteral("a string")},
                                     {QJsonValue(QJsonValue::Null), QStringLiteral("null")}};
        return choose(0.5, std::nullopt, valid, invalid);
    }

    QRandomGenerator m_random;
    RandomJobSettings m_settings;
    double m_badRate = 0; ///< the chance that a key gets a bad value, per document
};

} // namespace punctual::test
