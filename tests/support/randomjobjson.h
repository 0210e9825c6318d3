// Random job documents for the job file property test (tests/cli/testjobjsonproperty.cpp): every trigger and
// action, every key of the job JSON, boundary-biased values, wrong types, missing and unknown keys. Each document
// comes with the verdict the import must give and, when it is taken, the job JSON `export` must give back.
//
// The expectation is the document after the normalisation of docs/import-export.md ("What an import keeps"):
// defaults filled in, seconds rounded to the millisecond, instants written in the trigger's zone, and so on. It is
// worked out here from the contract (DESIGN.md section 7, docs/import-export.md), not by calling the code under
// test; only ZoneRules (the zone tables every part of Punctual shares) is used, to turn local wall-clock texts into
// instants.
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

class RandomJobJson
{
public:
    struct Settings
    {
        std::int64_t nowMs = 0;                 ///< about when the imports run
        std::int64_t windowMs = 30 * randomjob::minute; ///< imports run within [nowMs, nowMs + windowMs]
        QByteArray systemZone;                  ///< the zone punctualctl runs in (TZ)
        QList<QByteArray> zones;                ///< zones this system knows (used valid)
        QList<QByteArray> unknownZones;         ///< zone names this system does not know
        bool quiet = false;                     ///< nothing may fire during the test: jobs that might are paused
        bool allowMissingId = true;             ///< documents without an id (imported alone)
    };

    RandomJobJson(quint64 seed, Settings settings)
        : m_random(seed)
        , m_settings(std::move(settings))
    {
    }

    JobCandidate next(int serial)
    {
        for (;;) {
            if (auto candidate = tryNext(serial))
                return *candidate;
        }
    }

private:
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

    /// What decides, at import time, whether a valid trigger is taken (it must fire after now unless paused).
    struct Schedule
    {
        /// Refusal reason at import time @p nowMs ("" when taken), given paused and the misfire grace time.
        std::function<QString(std::int64_t nowMs, bool paused, std::optional<std::int64_t> graceMs)> verdict;
        /// The first fire at or after @p nowMs, when known; a job that might fire during the test is paused in quiet mode.
        std::function<std::optional<std::int64_t>(std::int64_t nowMs)> firstFire;
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

    // ---- ids and names

    static QString codePoints(const QString &unit, int count)
    {
        QString text;
        for (int i = 0; i < count; ++i)
            text += unit;
        return text;
    }

    Field id(int serial, bool &generated)
    {
        const QString tag = QString::number(serial);
        generated = false;
        if (m_settings.allowMissingId && chance(0.015)) {
            generated = true;
            const QJsonObject marker{{QStringLiteral("$generatedId"), true}};
            return chance(0.5) ? Field{std::nullopt, marker, {}} : Field{QString(), marker, {}};
        }
        // 200 code points in all, the tag included; the filler is one code point (or one surrogate pair).
        const QString filler = pick(QStringList{QStringLiteral("x"), QStringLiteral("中"), QStringLiteral("😀"),
                                                QStringLiteral("\u0301")});
        const QString longest = tag + QLatin1Char('-') + codePoints(filler, 199 - int(tag.size()));
        const QStringList valid{
            QStringLiteral("job-") + tag,
            QStringLiteral("Nightly backup ") + tag,
            QStringLiteral(" padded ") + tag + QLatin1Char(' '),
            QStringLiteral("-dash-") + tag,
            QStringLiteral("😀-") + tag,
            QStringLiteral("👍🏽🇩🇪-") + tag,
            QStringLiteral("e\u0301\u0302-") + tag,
            QStringLiteral("a") + codePoints(QStringLiteral("\u0301"), 50) + tag,
            QStringLiteral("مهمة-") + tag,
            QStringLiteral("משימה ") + tag,
            QStringLiteral("任务") + tag,
            QStringLiteral("a\u00A0b\u3000") + tag,
            QStringLiteral("\uFFFD") + tag,
            QStringLiteral("$weird'\"\\/<>&;|`{}[]%") + tag,
            longest,
        };
        const QList<Invalid> invalid{
            {QStringLiteral("   "), QStringLiteral("blank")},
            {QStringLiteral("\u00A0\u3000 "), QStringLiteral("blank (Unicode spaces)")},
            {QStringLiteral("\t") + tag, QStringLiteral("a tab")},
            {QStringLiteral("a\nb") + tag, QStringLiteral("a line break")},
            {QStringLiteral("a\rb") + tag, QStringLiteral("a carriage return")},
            {QString(QChar(0)) + tag, QStringLiteral("NUL")},
            {QStringLiteral("a\u007Fb") + tag, QStringLiteral("DEL")},
            {QStringLiteral("a\u0085b") + tag, QStringLiteral("NEL")},
            {QStringLiteral("a\u001B[31mb") + tag, QStringLiteral("ESC")},
            {QStringLiteral("a\u200Bb") + tag, QStringLiteral("a zero-width space (format character)")},
            {QStringLiteral("a\u202Eb") + tag, QStringLiteral("a right-to-left override")},
            {QStringLiteral("\uFEFF") + tag, QStringLiteral("a byte order mark")},
            {QStringLiteral("\uE000") + tag, QStringLiteral("a private use character")},
            {QStringLiteral("\u0378") + tag, QStringLiteral("an unassigned code point")},
            {QString(QChar(0xD83D)) + tag, QStringLiteral("an unpaired surrogate")},
            {QStringLiteral("a\u2028b") + tag, QStringLiteral("a line separator")},
            {QStringLiteral("a\u2029b") + tag, QStringLiteral("a paragraph separator")},
            {longest + filler, QStringLiteral("201 code points")},
            {serial, QStringLiteral("a number")},
            {true, QStringLiteral("a bool")},
            {QJsonValue(QJsonValue::Null), QStringLiteral("null")},
            {QJsonArray{tag}, QStringLiteral("an array")},
            {QJsonObject{}, QStringLiteral("an object")},
        };
        if (bad()) {
            const Invalid &choice = pick(invalid);
            return {choice.input, std::nullopt, choice.why};
        }
        const QString value = pick(valid);
        return {value, value, {}};
    }

    Field name()
    {
        const QJsonObject sameAsId{{QStringLiteral("$sameAsId"), true}};
        const QStringList valid{QString(),
                                QStringLiteral("Nightly backup — 02:30 😀"),
                                codePoints(QStringLiteral("ü"), 1000),
                                codePoints(QStringLiteral("😀"), 1000),
                                QStringLiteral("double  spaces  inside"),
                                QStringLiteral("👨\u200D👩\u200D👧 family"),
                                QStringLiteral("مهمة ليلية"),
                                QStringLiteral(" leading and trailing "),
                                QStringLiteral("zero\u200Bwidth"),
                                QStringLiteral("\"quoted\" \\ back/slash")};
        QList<Invalid> invalid{{codePoints(QStringLiteral("ü"), 1001), QStringLiteral("1001 characters")},
                               {QStringLiteral("two\nlines"), QStringLiteral("a line break")},
                               {QStringLiteral("carriage\rreturn"), QStringLiteral("a carriage return")},
                               {QStringLiteral("tab\there"), QStringLiteral("a tab")},
                               {QStringLiteral("esc\u001B[31m"), QStringLiteral("ESC")},
                               {QStringLiteral("a\u0085b"), QStringLiteral("NEL")},
                               {QStringLiteral("a\u2028b"), QStringLiteral("a line separator")},
                               {QStringLiteral("a\u2029b"), QStringLiteral("a paragraph separator")},
                               {QStringLiteral("del\u007F"), QStringLiteral("DEL")},
                               {QStringLiteral("\uFEFFstarts with a byte order mark"), QStringLiteral("a leading U+FEFF")},
                               {QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b"), QStringLiteral("an unpaired high surrogate")},
                               {QString(QChar(0xDC00)), QStringLiteral("an unpaired low surrogate")}};
        invalid.append(wrongTypes(Kind::String, false));
        QList<Valid> choices;
        for (const QString &value : valid)
            choices.append({value, value.isEmpty() ? QJsonValue(sameAsId) : QJsonValue(value)}); // "": no name
        return choose(0.3, sameAsId, choices, invalid);
    }

    // ---- time zones and instants

    /// The trigger's "timezone"; @p zone is set to the zone its times are read in.
    Field timezone(QByteArray &zone)
    {
        zone = m_settings.systemZone;
        if (bad()) {
            QList<Invalid> invalid;
            for (const QByteArray &unknown : m_settings.unknownZones)
                invalid.append({QString::fromUtf8(unknown), QStringLiteral("an unknown zone")});
            invalid.append(wrongTypes(Kind::String, false));
            const Invalid &choice = pick(invalid);
            return {choice.input, std::nullopt, choice.why};
        }
        const QJsonValue systemName = QString::fromLatin1(m_settings.systemZone);
        if (chance(0.15))
            return {std::nullopt, systemName, {}};
        if (chance(0.05))
            return {QString(), systemName, {}}; // empty: the system's zone, written out
        zone = pick(m_settings.zones);
        return {QString::fromLatin1(zone), QString::fromLatin1(zone), {}};
    }

    /// An instant's text (valid or not) and, when valid, its instant.
    struct Instant
    {
        Field field;
        std::optional<std::int64_t> ms;
    };

    QList<std::int64_t> instantPool() const
    {
        using namespace randomjob;
        const std::int64_t now = m_settings.nowMs;
        return {randomjob::firstInstantMs,
                randomjob::firstInstantMs + 1000,
                randomjob::lastInstantMs,
                randomjob::lastInstantMs - 999,
                randomjob::lastInstantMs - day,
                0,
                -1,
                -315619200000, // 1960-01-01: Africa/Monrovia was -00:44:30, Europe/Amsterdam +00:19:32 before 1937
                -2208988800000 - 500 * day, // 1898: before the zone tables' first year
                -3786825600000, // 1850-01-01
                1951305296789,  // 2031-10-30T12:34:56.789Z
                1806454800000,  // 2027-03-28T01:00:00Z: Europe/Berlin's spring gap ends
                1824944400000,  // 2027-10-31T01:00:00Z: Europe/Berlin falls back
                4102444800000,  // 2100-01-01
                10413792000000, // 2300-01-01: the last year the zone tables cover
                32503680000000, // 3000-01-01
                now + 3 * day + 7 * minute + 13 * second,
                now + 400 * day + 11 * second + 250,
                now - 400 * day - 13 * second,
                now - 2 * day - 17 * second,
                now + 90 * year + 5 * day};
    }

    /// A text of @p ms in one of the accepted forms; the expected instant is what the text means.
    Instant formatInstant(std::int64_t ms, const QByteArray &zone)
    {
        using namespace randomjob;
        const auto rules = ZoneRules::forZone(zone);
        const std::int64_t seconds = floorDiv(ms, 1000);
        const int millis = int(ms - seconds * 1000);
        const QChar separator = chance(0.1) ? QLatin1Char(' ') : QLatin1Char('T');
        auto fraction = [&](int value) {
            if (value == 0)
                return chance(0.1) ? QStringLiteral(".0") : QString();
            QString digits = QStringLiteral(".%1").arg(value, 3, 10, QLatin1Char('0'));
            if (chance(0.2))
                digits += QStringLiteral("987654"); // digits past the millisecond are cut
            return digits;
        };
        QString text;
        std::int64_t meant = ms;
        const int form = int(m_random.bounded(4));
        if (form == 0) {
            text = localText(seconds, separator) + fraction(millis) + (chance(0.2) ? QStringLiteral("z") : QStringLiteral("Z"));
        } else if (form == 1) {
            static const QList<int> offsets{0, 19800, -16200, 50400, -43200, 86340, -86340, -2640, 3600, 20700};
            const int offset = pick(offsets);
            const int absOffset = std::abs(offset);
            const QChar sign = offset < 0 ? QLatin1Char('-') : QLatin1Char('+');
            QString offsetText = QStringLiteral("%1%2:%3").arg(sign).arg(absOffset / 3600, 2, 10, QLatin1Char('0'))
                                     .arg(absOffset / 60 % 60, 2, 10, QLatin1Char('0'));
            if (chance(0.2))
                offsetText.remove(QLatin1Char(':'));
            else if (absOffset % 3600 == 0 && chance(0.2))
                offsetText.chop(3);
            const QString local = localText(seconds + offset, separator);
            if (local.isEmpty())
                return formatInstant(ms, zone); // this offset would need a five-digit or zero year
            text = local + fraction(millis) + offsetText;
        } else {
            // Local wall-clock time in the trigger's zone: read back there (a gap's time means the gap's end, an
            // overlap's its first pass), so the instant meant may differ from ms.
            const std::int64_t local = rules->toLocal(seconds);
            text = localText(local, separator);
            if (text.isEmpty())
                return formatInstant(ms, zone);
            if (local % 86400 == 0 && millis == 0 && chance(0.3))
                text = text.left(10); // a date alone: its midnight
            else
                text += fraction(millis);
            meant = rules->toUtc(local) * 1000 + millis;
        }
        if (chance(0.05))
            text = QStringLiteral(" ") + text + QStringLiteral("\n"); // white space around it is read past
        if (meant < firstInstantMs || meant > lastInstantMs)
            return {{text, std::nullopt, QStringLiteral("\"%1\" is outside the years 1 to 9999").arg(text)}, std::nullopt};
        return {{text, instantMarker(meant, zone), {}}, meant};
    }

    Instant instant(const QByteArray &zone, bool nullAllowed)
    {
        if (bad()) {
            QList<Invalid> invalid{
                {QStringLiteral("0000-06-01T00:00:00Z"), QStringLiteral("year 0")},
                {QStringLiteral("10000-01-01T00:00:00Z"), QStringLiteral("year 10000")},
                {QStringLiteral("0001-01-01T00:00:00Z"), QStringLiteral("before 0001-01-02 UTC")},
                {QStringLiteral("9999-12-31T00:00:00Z"), QStringLiteral("after 9999-12-30 UTC")},
                {QStringLiteral("9999-12-31T23:30:00-05:00"), QStringLiteral("year 10000 in UTC")},
                {QStringLiteral("2027-02-29T00:00:00Z"), QStringLiteral("no such date")},
                {QStringLiteral("2027-13-01T00:00:00Z"), QStringLiteral("month 13")},
                {QStringLiteral("2027-01-01T24:00:00Z"), QStringLiteral("hour 24")},
                {QStringLiteral("2027-01-01T12:00:60Z"), QStringLiteral("a leap second")},
                {QStringLiteral("2027-01-01T12:00:00+24:00"), QStringLiteral("offset 24 h")},
                {QStringLiteral("2027-1-5T12:00:00Z"), QStringLiteral("not ISO")},
                {QStringLiteral("now"), QStringLiteral("not ISO")},
                {QString(), QStringLiteral("empty")},
                {QStringLiteral("2027-01-01T12:00:00Zjunk"), QStringLiteral("trailing text")},
                {20270101, QStringLiteral("a number")},
            };
            invalid.append(wrongTypes(Kind::String, nullAllowed));
            const Invalid &choice = pick(invalid);
            return {{choice.input, std::nullopt, choice.why}, std::nullopt};
        }
        if (nullAllowed && chance(0.08))
            return {{QJsonValue(QJsonValue::Null), std::nullopt, {}}, std::nullopt}; // null: none
        if (chance(0.12)) {
            // Wall-clock texts around the zone's changes, read in the trigger's zone.
            const auto rules = ZoneRules::forZone(zone);
            const QString text = pick(QStringList{QStringLiteral("2027-03-28T02:30:00"), QStringLiteral("2027-10-31T02:30:00"),
                                                  QStringLiteral("2027-03-14T02:30:00"), QStringLiteral("2027-11-07 01:30:00"),
                                                  QStringLiteral("2031-07-04"), QStringLiteral("1960-06-01T00:00:00"),
                                                  QStringLiteral("0001-01-02T00:00:00"), QStringLiteral("0001-01-03T00:00:00"),
                                                  QStringLiteral("9999-12-30T12:00:00.5"), QStringLiteral("2027-04-03T02:30:00")});
            const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
            const int hh = text.size() > 10 ? text.mid(11, 2).toInt() : 0;
            const int mm = text.size() > 10 ? text.mid(14, 2).toInt() : 0;
            const int ss = text.size() > 10 ? text.mid(17, 2).toInt() : 0;
            const int millis = text.contains(QLatin1Char('.')) ? 500 : 0;
            const std::int64_t local = randomjob::dayNumber(date.year(), date.month(), date.day()) * 86400
                + hh * 3600 + mm * 60 + ss;
            const std::int64_t meant = rules->toUtc(local) * 1000 + millis;
            if (meant < randomjob::firstInstantMs || meant > randomjob::lastInstantMs)
                return {{text, std::nullopt, QStringLiteral("\"%1\" in %2 is outside the years 1 to 9999")
                                                 .arg(text, QString::fromLatin1(zone))},
                        std::nullopt};
            return {{text, randomjob::instantMarker(meant, zone), {}}, meant};
        }
        return formatInstant(pick(instantPool()), zone);
    }

    /// An instant after @p from by one of a few spans (for ends that must come after a start).
    Instant instantAfter(std::int64_t from, const QByteArray &zone)
    {
        using namespace randomjob;
        const std::int64_t span = pick(QList<std::int64_t>{0, 1, 999, second, day, 400 * day, 10 * year, 60 * year});
        const std::int64_t ms = from + span;
        if (ms > lastInstantMs)
            return formatInstant(lastInstantMs, zone);
        return formatInstant(ms, zone);
    }

    // ---- triggers

    struct TriggerDraft
    {
        Part part;
        Schedule schedule; ///< set when the trigger itself is valid
    };

    /// The keys every trigger shares: type, version, timezone, jitter, and the informational description.
    void baseKeys(Part &part, const QString &type, QByteArray &zone, const QByteArray &forcedZone = {})
    {
        if (bad()) {
            const QList<Invalid> invalid{{QJsonValue(QJsonValue::Null), QStringLiteral("no type")},
                                         {type.toUpper(), QStringLiteral("type in capitals")},
                                         {QStringLiteral("rocket"), QStringLiteral("unknown type")},
                                         {5, QStringLiteral("a number")}};
            const Invalid &choice = pick(invalid);
            if (!chance(0.3))
                part.put(QStringLiteral("type"), {choice.input, std::nullopt, choice.why});
            else
                part.refuse(QStringLiteral("type: missing"));
        } else {
            part.put(QStringLiteral("type"), {type, type, {}});
        }
        part.put(QStringLiteral("version"),
                 choose(0.3, 1, {{1, 1}, {1.0, 1}},
                        {{2, QStringLiteral("a newer version")},
                         {0, QStringLiteral("version 0")},
                         {-1, QStringLiteral("negative")},
                         {1.5, QStringLiteral("not whole")},
                         {QStringLiteral("1"), QStringLiteral("a string")},
                         {QJsonValue(QJsonValue::Null), QStringLiteral("null")},
                         {qint64(randomjob::twoTo53 + 1), QStringLiteral("2^53+1")}}));
        if (forcedZone.isEmpty()) {
            part.put(QStringLiteral("timezone"), timezone(zone));
        } else {
            zone = forcedZone;
            part.put(QStringLiteral("timezone"), {QString::fromLatin1(zone), QString::fromLatin1(zone), {}});
        }
        Field jitter = seconds(0.6, std::nullopt, true, false);
        if (jitter.expected && jitter.expected->toDouble() == 0)
            jitter.expected.reset(); // no jitter is not written
        part.put(QStringLiteral("jitter"), jitter);
        if (chance(0.2))
            part.put(QStringLiteral("description"), {pick(QList<QJsonValue>{QStringLiteral("Every minute"), 5,
                                                                              QJsonValue(QJsonValue::Null), QString()}),
                                                     std::nullopt, {}});
        if (bad())
            part.put(pick(QStringList{QStringLiteral("start_date"), QStringLiteral("jiter"), QStringLiteral("tz"),
                                      QStringLiteral("Type")}),
                     {QStringLiteral("x"), std::nullopt, QStringLiteral("an unknown key")});
    }

    static QString notTaken(bool paused, bool fires)
    {
        return paused || fires ? QString() : QStringLiteral("never fires after now");
    }

    TriggerDraft dateTrigger()
    {
        TriggerDraft draft;
        QByteArray zone;
        baseKeys(draft.part, QStringLiteral("date"), zone);
        std::optional<std::int64_t> runAt;
        if (bad() && chance(0.3)) {
            draft.part.refuse(QStringLiteral("run_date: missing"));
        } else {
            Instant at = instant(zone, false);
            draft.part.put(QStringLiteral("run_date"), at.field);
            runAt = at.ms;
        }
        if (runAt) {
            const std::int64_t at = *runAt;
            draft.schedule.verdict = [at](std::int64_t now, bool paused, std::optional<std::int64_t> grace) {
                // A one-off time just passed still runs within the misfire grace time (none: no limit).
                const bool fires = at > now || !grace || now - at <= *grace;
                return notTaken(paused, fires);
            };
            draft.schedule.firstFire = [at](std::int64_t) { return at; };
        }
        return draft;
    }

    static std::optional<std::int64_t> intervalNext(std::int64_t start, std::int64_t interval, std::int64_t now)
    {
        if (start > now)
            return start;
        const std::int64_t next = start + (randomjob::floorDiv(now - start, interval) + 1) * interval;
        return next;
    }

    TriggerDraft intervalTrigger()
    {
        using namespace randomjob;
        TriggerDraft draft;
        QByteArray zone;
        baseKeys(draft.part, QStringLiteral("interval"), zone);
        Field every = seconds(0.0, std::nullopt, false, false);
        if (!every.input)
            every = {60, secondsJson(60'000), {}};
        if (bad() && chance(0.2)) {
            every = {std::nullopt, std::nullopt, QStringLiteral("missing")};
        }
        draft.part.put(QStringLiteral("interval_seconds"), every);
        std::optional<std::int64_t> interval;
        if (every.refusal.isEmpty())
            interval = llround(every.expected->toDouble() * 1000.0);

        std::optional<std::int64_t> start;
        bool fromNow = false;
        if (chance(0.35)) {
            // No start: one interval after the import (APScheduler's rule), on a whole second.
            fromNow = true;
            if (chance(0.3))
                draft.part.put(QStringLiteral("start"), {QJsonValue(QJsonValue::Null), std::nullopt, {}});
            if (interval)
                draft.part.expected.insert(QStringLiteral("start"),
                                           QJsonObject{{QStringLiteral("$startFromNow"), qint64(*interval)},
                                                       {QStringLiteral("$zone"), QString::fromLatin1(zone)}});
        } else {
            Instant s = instant(zone, true);
            if (s.field.input && s.field.input->isNull()) {
                fromNow = true;
                s.field.expected.reset();
                if (interval)
                    draft.part.expected.insert(QStringLiteral("start"),
                                               QJsonObject{{QStringLiteral("$startFromNow"), qint64(*interval)},
                                                           {QStringLiteral("$zone"), QString::fromLatin1(zone)}});
            }
            draft.part.put(QStringLiteral("start"), s.field);
            start = s.ms;
        }

        std::optional<std::int64_t> end;
        bool endGiven = false;
        if (chance(0.35)) {
            Instant e = start && chance(0.7) ? instantAfter(*start, zone) : instant(zone, true);
            if (chance(0.1))
                e = instant(zone, true);
            if (e.field.input && e.field.input->isNull())
                e.field.expected.reset();
            draft.part.put(QStringLiteral("end"), e.field);
            end = e.ms;
            endGiven = e.field.input && !e.field.input->isNull();
            if (endGiven && !end)
                return draft; // refused for its text
        }
        if (!interval || (!fromNow && !start))
            return draft;
        const std::int64_t iv = *interval;
        if (start && end && *end < *start)
            draft.part.refuse(QStringLiteral("the interval ends before it starts"));
        const std::optional<std::int64_t> fixedStart = fromNow ? std::nullopt : start;
        draft.schedule.verdict = [iv, fixedStart, end](std::int64_t now, bool paused, std::optional<std::int64_t>) {
            std::int64_t first = 0;
            if (fixedStart) {
                first = *intervalNext(*fixedStart, iv, now);
            } else {
                first = now + iv;
                if (iv % 1000 == 0)
                    first = randomjob::floorDiv(first + 999, 1000) * 1000;
                if (end && *end < first)
                    return QStringLiteral("the interval ends before it starts (start = now + interval)");
            }
            return notTaken(paused, first <= randomjob::lastInstantMs && (!end || first <= *end));
        };
        draft.schedule.firstFire = [iv, fixedStart](std::int64_t now) {
            return fixedStart ? *intervalNext(*fixedStart, iv, now) : now + iv;
        };
        return draft;
    }

    struct CronCase
    {
        QString expression;
        std::int64_t maxGapMs; ///< the longest wait from any instant to the next fire; 0: never fires
    };

    static const QList<CronCase> &cronCases()
    {
        using namespace randomjob;
        static const QList<CronCase> cases{
            {QStringLiteral("* * * * *"), minute},
            {QStringLiteral("*/15 * * * *"), 15 * minute},
            {QStringLiteral("*/5 * * * * *"), 5 * second},
            {QStringLiteral("59/2147483647 * * * * *"), minute},
            {QStringLiteral("1-5/2 * * * *"), hour},
            {QStringLiteral("5/10 * * * *"), 15 * minute},
            {QStringLiteral("0 0 * * *"), day},
            {QStringLiteral("30 2 * * *"), day},
            {QStringLiteral("0  0   * * *"), day},
            {QStringLiteral(" 0 12 * * * "), day},
            {QStringLiteral("@daily"), day},
            {QStringLiteral("@midnight"), day},
            {QStringLiteral("@hourly"), hour},
            {QStringLiteral("@HOURLY"), hour},
            {QStringLiteral("@weekly"), 7 * day},
            {QStringLiteral("@monthly"), 31 * day},
            {QStringLiteral("@yearly"), 366 * day},
            {QStringLiteral("@annually"), 366 * day},
            {QStringLiteral("0 0 1 1 *"), 366 * day},
            {QStringLiteral("0 0 29 2 *"), 8 * 366 * day},
            {QStringLiteral("0 0 0 29 2 *"), 8 * 366 * day},
            {QStringLiteral("0 0 L * *"), 31 * day},
            {QStringLiteral("0 0 L-3 * *"), 31 * day},
            {QStringLiteral("0 0 L-30 * *"), 62 * day},
            {QStringLiteral("0 0 15W * *"), 33 * day},
            {QStringLiteral("0 0 LW * *"), 35 * day},
            {QStringLiteral("0 0 31 * *"), 62 * day},
            {QStringLiteral("0 0 1,15 * *"), 17 * day},
            {QStringLiteral("0 0 * * 5L"), 36 * day},
            {QStringLiteral("0 0 * * 1#3"), 36 * day},
            {QStringLiteral("0 0 ? * MON-FRI"), 3 * day},
            {QStringLiteral("0 0 1-7 * 1"), 7 * day},
            {QStringLiteral("0 9 * JAN-MAR sun"), 300 * day},
            {QStringLiteral("0 0 12 * * 7"), 7 * day},
            {QStringLiteral("0 0 * * 0,7"), 7 * day},
            {QStringLiteral("0 0 30 2 *"), 0},
            {QStringLiteral("0 0 31 4 *"), 0},
            {QStringLiteral("0 0 31 2,4,6,9,11 *"), 0},
            {QStringLiteral("0 0 0 30 2 *"), 0},
        };
        return cases;
    }

    TriggerDraft cronTrigger()
    {
        using namespace randomjob;
        TriggerDraft draft;
        QByteArray zone;
        if (chance(0.04)) {
            // Fixed cases at the end of the range: the next fire in year 10000 (in UTC) cannot be stored.
            struct Edge { const char *expression; const char *zone; const char *start; bool fires; };
            static const Edge edges[] = {
                {"0 0 1 1 *", "UTC", "9999-06-01T00:00:00Z", false},
                {"0 0 1 1 *", "Pacific/Kiritimati", "9999-06-01T00:00:00Z", false},
                {"* * * * *", "UTC", "9999-12-30T23:58:00Z", true},
                {"0 0 * * *", "Pacific/Kiritimati", "9999-12-29T00:00:00Z", true},
            };
            const Edge &edge = edges[m_random.bounded(4)];
            if (!m_settings.zones.contains(edge.zone))
                return cronTrigger();
            baseKeys(draft.part, QStringLiteral("cron"), zone, edge.zone);
            draft.part.put(QStringLiteral("expression"), {QString::fromLatin1(edge.expression),
                                                          QString::fromLatin1(edge.expression), {}});
            const QString start = QString::fromLatin1(edge.start);
            const std::int64_t startMs =
                QDateTime::fromString(start, Qt::ISODate).toMSecsSinceEpoch();
            draft.part.put(QStringLiteral("start"), {start, instantMarker(startMs, edge.zone), {}});
            const bool fires = edge.fires;
            draft.schedule.verdict = [fires](std::int64_t, bool paused, std::optional<std::int64_t>) {
                return notTaken(paused, fires);
            };
            draft.schedule.firstFire = [startMs](std::int64_t) { return startMs; };
            return draft;
        }
        baseKeys(draft.part, QStringLiteral("cron"), zone);

        std::optional<CronCase> cronCase;
        if (bad()) {
            const QList<Invalid> invalid{
                {QString(), QStringLiteral("empty")},
                {QStringLiteral("* * * *"), QStringLiteral("4 fields")},
                {QStringLiteral("* * * * * * *"), QStringLiteral("7 fields")},
                {QStringLiteral("60 * * * *"), QStringLiteral("minute 60")},
                {QStringLiteral("5-1 * * * *"), QStringLiteral("backwards range")},
                {QStringLiteral("*/0 * * * *"), QStringLiteral("step 0")},
                {QStringLiteral("@reboot"), QStringLiteral("@reboot")},
                {QStringLiteral("@every 5m"), QStringLiteral("@every")},
                {QStringLiteral("0 0 32 * *"), QStringLiteral("day 32")},
                {QStringLiteral("0 0 * * 8"), QStringLiteral("weekday 8")},
                {QStringLiteral("0 0 * 13 *"), QStringLiteral("month 13")},
                {QStringLiteral("0 0 * * 1#6"), QStringLiteral("#6")},
                {QStringLiteral("0 0 0W * *"), QStringLiteral("0W")},
                {QStringLiteral("0 0 * * *\n0 1 * * *"), QStringLiteral("two lines")},
                {QStringLiteral("x"), QStringLiteral("garbage")},
                {5, QStringLiteral("a number")},
                {QJsonValue(QJsonValue::Null), QStringLiteral("null")},
                {QJsonArray{QStringLiteral("* * * * *")}, QStringLiteral("an array")},
            };
            const Invalid &choice = pick(invalid);
            draft.part.put(QStringLiteral("expression"), {choice.input, std::nullopt, choice.why});
        } else {
            cronCase = pick(cronCases());
            draft.part.put(QStringLiteral("expression"), {cronCase->expression, cronCase->expression, {}});
        }

        std::optional<std::int64_t> start;
        std::optional<std::int64_t> end;
        bool textRefused = false;
        if (chance(0.35)) {
            Instant s = instant(zone, true);
            if (s.field.input && s.field.input->isNull())
                s.field.expected.reset();
            draft.part.put(QStringLiteral("start"), s.field);
            start = s.ms;
            textRefused = textRefused || !s.field.refusal.isEmpty();
        }
        if (chance(0.35)) {
            Instant e;
            const std::int64_t from = std::max(start.value_or(m_settings.nowMs), m_settings.nowMs);
            switch (m_random.bounded(3)) {
            case 0: e = instant(zone, true); break;
            case 1: e = formatInstant(std::min(from + 10 * year, lastInstantMs), zone); break;
            default: e = formatInstant(m_settings.nowMs - pick(QList<std::int64_t>{day, 400 * day}), zone); break;
            }
            if (e.field.input && e.field.input->isNull())
                e.field.expected.reset();
            draft.part.put(QStringLiteral("end"), e.field);
            end = e.ms;
            textRefused = textRefused || !e.field.refusal.isEmpty();
        }
        if (!cronCase || textRefused)
            return draft;
        if (start && end && *end < *start)
            draft.part.refuse(QStringLiteral("the cron trigger ends before it starts"));
        const std::int64_t gap = cronCase->maxGapMs;
        draft.schedule.verdict = [gap, start, end](std::int64_t now, bool paused, std::optional<std::int64_t>) {
            if (gap == 0)
                return notTaken(paused, false);
            const std::int64_t from = std::max(now, start.value_or(now));
            // Allow an hour's and more of DST shifts around the expression's own spacing.
            const std::int64_t margin = gap + gap / 10 + 3 * randomjob::hour;
            if (end && *end < from)
                return notTaken(paused, false);
            if ((!end || *end >= from + margin) && from + margin <= randomjob::lastInstantMs)
                return notTaken(paused, true);
            return paused ? QString() : QStringLiteral("?"); // cannot tell: the generator tries again
        };
        draft.schedule.firstFire = [start](std::int64_t now) { return std::max(now, start.value_or(now)); };
        return draft;
    }

    static const QStringList &calendarUnits()
    {
        static const QStringList units{QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month"),
                                       QStringLiteral("year")};
        return units;
    }

    /// The first occurrence after @p nowMs (ms), worked out with QDate; none past 9999-12-31.
    static std::optional<std::int64_t> calendarNext(const QString &unit, int every, QDate anchor, int timeOfDay,
                                                    const ZoneRules &zone, std::int64_t nowMs)
    {
        using randomjob::floorDiv;
        const std::int64_t after = floorDiv(nowMs, 1000);
        const std::int64_t lastDay = randomjob::dayNumber(9999, 12, 31);
        const std::int64_t anchorDay = randomjob::dayNumber(anchor.year(), anchor.month(), anchor.day());
        const std::int64_t localDay = floorDiv(zone.toLocal(after), 86400);
        if (unit == QLatin1String("day") || unit == QLatin1String("week")) {
            const std::int64_t span = std::int64_t{every} * (unit == QLatin1String("week") ? 7 : 1);
            for (std::int64_t k = std::max<std::int64_t>(0, floorDiv(localDay - anchorDay, span) - 1);; ++k) {
                const std::int64_t dayNo = anchorDay + k * span;
                if (dayNo > lastDay)
                    return std::nullopt;
                const std::int64_t fire = zone.toUtc(dayNo * 86400 + timeOfDay);
                if (fire > after)
                    return fire * 1000;
            }
        }
        const std::int64_t step = std::int64_t{every} * (unit == QLatin1String("year") ? 12 : 1);
        const std::int64_t anchorMonth = std::int64_t{anchor.year()} * 12 + anchor.month() - 1;
        const QDate today = randomjob::dateOfDay(localDay);
        const std::int64_t nowMonth = std::int64_t{today.year()} * 12 + today.month() - 1;
        for (std::int64_t k = std::max<std::int64_t>(0, floorDiv(nowMonth - anchorMonth, step) - 1), n = 0; n < 400;
             ++k, ++n) {
            const std::int64_t month = anchorMonth + k * step;
            const int y = int(floorDiv(month, 12));
            const int m = int(month - std::int64_t{y} * 12) + 1;
            if (y > 9999)
                return std::nullopt;
            if (anchor.day() > QDate(y, m, 1).daysInMonth())
                continue;
            const std::int64_t fire = zone.toUtc(randomjob::dayNumber(y, m, anchor.day()) * 86400 + timeOfDay);
            if (fire > after)
                return fire * 1000;
        }
        return std::nullopt;
    }

    TriggerDraft calendarTrigger()
    {
        using namespace randomjob;
        TriggerDraft draft;
        QByteArray zone;
        baseKeys(draft.part, QStringLiteral("calendar"), zone);
        QList<Valid> units;
        for (const QString &unit : calendarUnits())
            units.append({unit, unit});
        QList<Invalid> badUnits{{QStringLiteral("days"), QStringLiteral("plural")},
                                {QStringLiteral("Day"), QStringLiteral("capital")},
                                {QStringLiteral("hour"), QStringLiteral("no such unit")},
                                {QString(), QStringLiteral("empty")}};
        badUnits.append(wrongTypes(Kind::String, false));
        Field unit = choose(0, std::nullopt, units, badUnits);
        if (bad() && chance(0.2))
            unit = {std::nullopt, std::nullopt, QStringLiteral("missing")};
        draft.part.put(QStringLiteral("unit"), unit);
        const Field every = choose(0, std::nullopt, {{1, 1}, {2, 2}, {3.0, 3}, {12, 12}, {100, 100}, {1000, 1000}},
                                   {{0, QStringLiteral("0")},
                                    {1001, QStringLiteral("1001")},
                                    {1.5, QStringLiteral("not whole")},
                                    {-1, QStringLiteral("negative")},
                                    {QStringLiteral("2"), QStringLiteral("a string")},
                                    {QJsonValue(QJsonValue::Null), QStringLiteral("null")},
                                    {qint64(twoTo53 + 1), QStringLiteral("2^53+1")}});
        draft.part.put(QStringLiteral("every"), every);
        const QStringList anchors{QStringLiteral("2027-01-31"), QStringLiteral("2028-02-29"), QStringLiteral("0001-01-01"),
                                  QStringLiteral("9999-12-31"), QStringLiteral("1900-01-01"), QStringLiteral("2000-02-29"),
                                  QStringLiteral("2031-07-04"),
                                  dateOfDay(floorDiv(m_settings.nowMs, day) + 3).toString(Qt::ISODate),
                                  dateOfDay(floorDiv(m_settings.nowMs, day) - 30).toString(Qt::ISODate)};
        QList<Valid> validAnchors;
        for (const QString &anchor : anchors)
            validAnchors.append({anchor, anchor});
        const Field anchor = choose(0, std::nullopt, validAnchors,
                                    {{QStringLiteral("0000-01-01"), QStringLiteral("year 0")},
                                     {QStringLiteral("2027-02-29"), QStringLiteral("no such date")},
                                     {QStringLiteral("2027-1-5"), QStringLiteral("not YYYY-MM-DD")},
                                     {QStringLiteral("2027-01-05T00:00"), QStringLiteral("a time too")},
                                     {QStringLiteral("10000-01-01"), QStringLiteral("year 10000")},
                                     {20270105, QStringLiteral("a number")},
                                     {QJsonValue(QJsonValue::Null), QStringLiteral("null")}});
        draft.part.put(QStringLiteral("anchor"), anchor);
        const Field time = choose(0, std::nullopt,
                                  {{QStringLiteral("00:00:00"), QStringLiteral("00:00:00")},
                                   {QStringLiteral("23:59:59"), QStringLiteral("23:59:59")},
                                   {QStringLiteral("02:30:00"), QStringLiteral("02:30:00")},
                                   {QStringLiteral("12:00:00"), QStringLiteral("12:00:00")}},
                                  {{QStringLiteral("24:00:00"), QStringLiteral("hour 24")},
                                   {QStringLiteral("12:00"), QStringLiteral("no seconds")},
                                   {QStringLiteral("7:00:00"), QStringLiteral("one-digit hour")},
                                   {QStringLiteral("12:60:00"), QStringLiteral("minute 60")},
                                   {QString(), QStringLiteral("empty")},
                                   {43200, QStringLiteral("a number")}});
        draft.part.put(QStringLiteral("time"), time);

        std::optional<std::int64_t> end;
        if (chance(0.3)) {
            Instant e = instant(zone, true);
            if (e.field.input && e.field.input->isNull())
                e.field.expected.reset();
            draft.part.put(QStringLiteral("end"), e.field);
            end = e.ms;
            if (!e.field.refusal.isEmpty())
                return draft;
        }
        if (!unit.refusal.isEmpty() || !every.refusal.isEmpty() || !anchor.refusal.isEmpty() || !time.refusal.isEmpty()
            || !unit.input || !every.input || !anchor.input || !time.input)
            return draft;
        const QString unitName = unit.input->toString();
        const int count = every.expected->toInt();
        const QDate anchorDate = QDate::fromString(anchor.input->toString(), Qt::ISODate);
        const QString timeText = time.input->toString();
        const int timeOfDay = timeText.left(2).toInt() * 3600 + timeText.mid(3, 2).toInt() * 60 + timeText.right(2).toInt();
        const auto rules = ZoneRules::forZone(zone);
        const std::int64_t firstMs = rules->toUtc(dayNumber(anchorDate.year(), anchorDate.month(), anchorDate.day()) * 86400
                                                  + timeOfDay)
            * 1000;
        if (end && *end < firstMs)
            draft.part.refuse(QStringLiteral("the calendar trigger ends before it first fires"));
        draft.schedule.verdict = [=](std::int64_t now, bool paused, std::optional<std::int64_t>) {
            const auto next = calendarNext(unitName, count, anchorDate, timeOfDay, *rules, now);
            return notTaken(paused, next && *next <= lastInstantMs && (!end || *next <= *end));
        };
        draft.schedule.firstFire = [=](std::int64_t now) {
            return calendarNext(unitName, count, anchorDate, timeOfDay, *rules, now);
        };
        return draft;
    }

    TriggerDraft trigger()
    {
        switch (m_random.bounded(4)) {
        case 0: return dateTrigger();
        case 1: return intervalTrigger();
        case 2: return cronTrigger();
        default: return calendarTrigger();
        }
    }

    // ---- actions

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

    Part commandAction(bool shell)
    {
        using namespace randomjob;
        Part part;
        part.put(QStringLiteral("type"), {QStringLiteral("command"), QStringLiteral("command"), {}});
        QList<Invalid> badPrograms{{QString(), QStringLiteral("empty")}};
        badPrograms.append(wrongTypes(Kind::String, false));
        Field program = choose(0, std::nullopt,
                               {{QStringLiteral("/bin/true"), QStringLiteral("/bin/true")},
                                {QStringLiteral("true"), QStringLiteral("true")},
                                {QStringLiteral("echo 'a b' \"$HOME\" | tr a-z A-Z"), QStringLiteral("echo 'a b' \"$HOME\" | tr a-z A-Z")},
                                {QStringLiteral("/opt/😀 tools/run"), QStringLiteral("/opt/😀 tools/run")},
                                // A byte order mark starting a string: Qt's JSON reader drops it unless told not to.
                                {QStringLiteral("\uFEFF/bin/true"), QStringLiteral("\uFEFF/bin/true")},
                                {QStringLiteral("/bin/") + QChar(0xDC00), QStringLiteral("/bin/") + QChar(0xDC00)}},
                               badPrograms);
        if (bad() && chance(0.2))
            program = {std::nullopt, std::nullopt, QStringLiteral("missing")};
        part.put(QStringLiteral("program"), program);
        part.put(QStringLiteral("arguments"),
                 stringList(0.3, QJsonArray{},
                            {{}, {QStringLiteral("--all")}, {QString(), QStringLiteral("two\nlines"), QStringLiteral("😀")},
                             {QStringLiteral("\uFEFF"), QStringLiteral("\uFEFFx")},
                             {QStringLiteral("-c"), QStringLiteral("echo $1"), QStringLiteral("x")}}));
        part.put(QStringLiteral("working_directory"),
                 optionalText(0.6, {QString(), QStringLiteral("/tmp"), QStringLiteral("relative/dir"), QStringLiteral("~")}));
        part.put(QStringLiteral("environment"),
                 stringMap({{}, {{QStringLiteral("A"), QStringLiteral("1")}},
                            {{QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8")}, {QStringLiteral("EMPTY"), QString()},
                             {QStringLiteral("UNI"), QStringLiteral("😀\nline")}}}));
        if (shell) {
            Field useShell = boolean(0, true);
            if (useShell.refusal.isEmpty() && !useShell.input->toBool())
                useShell.expected.reset();
            part.put(QStringLiteral("shell"), useShell);
        } else {
            part.put(QStringLiteral("shell"), flag(0.8));
        }
        QList<Valid> caps{{0, 0}, {1, 1}, {4096, 4096}, {maxOutputCap, maxOutputCap}, {1048576, std::nullopt}};
        Field cap = choose(0.6, std::nullopt, caps,
                           {{maxOutputCap + 1, QStringLiteral("over 1 GiB")},
                            {-1, QStringLiteral("negative")},
                            {1.5, QStringLiteral("not whole")},
                            {1e300, QStringLiteral("huge")},
                            {qint64(twoTo53 + 1), QStringLiteral("2^53+1")},
                            {QStringLiteral("4096"), QStringLiteral("a string")},
                            {QJsonValue(QJsonValue::Null), QStringLiteral("null")}});
        part.put(QStringLiteral("output_cap_bytes"), cap);
        unknownKey(part, {QStringLiteral("args"), QStringLiteral("cwd"), QStringLiteral("stdin")});
        return part;
    }

    Part functionAction()
    {
        using namespace randomjob;
        Part part;
        part.put(QStringLiteral("type"), {QStringLiteral("function"), QStringLiteral("function"), {}});
        QList<Invalid> badNames{{QString(), QStringLiteral("empty")}};
        badNames.append(wrongTypes(Kind::String, false));
        part.put(QStringLiteral("name"), choose(0, std::nullopt,
                                                {{QStringLiteral("cleanup"), QStringLiteral("cleanup")},
                                                 {QStringLiteral("ns::fn"), QStringLiteral("ns::fn")},
                                                 {QStringLiteral("😀"), QStringLiteral("😀")}},
                                                badNames));
        const QJsonObject nested{{QStringLiteral("big"), qint64(twoTo53 + 1)},
                                 {QStringLiteral("huge"), 1e300},
                                 {QStringLiteral("tiny"), 1e-300},
                                 {QStringLiteral("fraction"), 0.1},
                                 {QStringLiteral("min"), qint64(std::numeric_limits<qint64>::min())},
                                 {QStringLiteral("text"), QStringLiteral("😀\n\"\\")},
                                 {QStringLiteral("\uFEFFkey"), QStringLiteral("\uFEFFvalue")},
                                 {QStringLiteral("none"), QJsonValue(QJsonValue::Null)},
                                 {QStringLiteral("list"), QJsonArray{1, QStringLiteral("a"), QJsonArray{}, QJsonObject{}}},
                                 {QStringLiteral("ключ"), QJsonObject{{QStringLiteral(""), false}}}};
        QList<Valid> arguments{{QJsonObject{}, std::nullopt}, {nested, nested},
                               {QJsonObject{{QStringLiteral("days"), 30}}, QJsonObject{{QStringLiteral("days"), 30}}}};
        part.put(QStringLiteral("arguments"),
                 choose(0.5, std::nullopt, arguments,
                        {{QJsonArray{1}, QStringLiteral("a list")},
                         {QStringLiteral("x"), QStringLiteral("a string")},
                         {QJsonValue(QJsonValue::Null), QStringLiteral("null")}}));
        unknownKey(part, {QStringLiteral("args"), QStringLiteral("function")});
        return part;
    }

    Part sqlConnection()
    {
        Part part;
        part.put(QStringLiteral("name"), text(0.3, QString(), {QStringLiteral("tokens"), QString(), QStringLiteral("数据库")}));
        QList<Invalid> badDrivers{{QString(), QStringLiteral("empty")}};
        badDrivers.append(wrongTypes(Kind::String, false));
        part.put(QStringLiteral("driver"), choose(0.3, QStringLiteral("QSQLITE"),
                                                  {{QStringLiteral("QSQLITE"), QStringLiteral("QSQLITE")},
                                                   {QStringLiteral("QPSQL"), QStringLiteral("QPSQL")}},
                                                  badDrivers));
        part.put(QStringLiteral("host"), optionalText(0.6, {QString(), QStringLiteral("db.example"), QStringLiteral("::1")}));
        part.put(QStringLiteral("port"), choose(0.6, std::nullopt,
                                                {{0, std::nullopt}, {1, 1}, {5432, 5432}, {65535, 65535}},
                                                {{65536, QStringLiteral("port 65536")},
                                                 {-1, QStringLiteral("negative")},
                                                 {5432.5, QStringLiteral("not whole")},
                                                 {4294967296.0 + 5432, QStringLiteral("2^32 + 5432 (an int wrap)")},
                                                 {QStringLiteral("5432"), QStringLiteral("a string")},
                                                 {QJsonValue(QJsonValue::Null), QStringLiteral("null")}}));
        QList<Invalid> badDatabases{{QString(), QStringLiteral("empty")},
                                    {QStringLiteral("DSN=x;PWD=secret"), QStringLiteral("a password in it")},
                                    {QStringLiteral("postgresql://u:secret@h/db"), QStringLiteral("a password in a URL")}};
        badDatabases.append(wrongTypes(Kind::String, false));
        Field database = choose(0, std::nullopt,
                                {{QStringLiteral("/tmp/tokens.db"), QStringLiteral("/tmp/tokens.db")},
                                 {QStringLiteral("app"), QStringLiteral("app")}},
                                badDatabases);
        if (bad() && chance(0.2))
            database = {std::nullopt, std::nullopt, QStringLiteral("missing")};
        part.put(QStringLiteral("database"), database);
        part.put(QStringLiteral("user"), optionalText(0.6, {QString(), QStringLiteral("scheduler")}));
        Field options = optionalText(0.7, {QString(), QStringLiteral("connect_timeout=5")});
        if (bad())
            options = {QStringLiteral("password=secret"), std::nullopt, QStringLiteral("a password in the options")};
        part.put(QStringLiteral("options"), options);
        // Where the password is kept: none, keychain (needs a name) or environment (needs a variable).
        const QString source = pick(QStringList{QStringLiteral("none"), QStringLiteral("keychain"), QStringLiteral("environment")});
        if (bad()) {
            part.put(QStringLiteral("password"), pick(QList<Field>{{QStringLiteral("hunter2"), std::nullopt, QStringLiteral("a password")},
                                                                  {5, std::nullopt, QStringLiteral("a number")},
                                                                  {QJsonValue(QJsonValue::Null), std::nullopt, QStringLiteral("null")}}));
        } else if (source == QLatin1String("none") && chance(0.4)) {
            part.expected.insert(QStringLiteral("password"), source); // absent: none
        } else {
            part.put(QStringLiteral("password"), {source, source, {}});
        }
        if (source == QLatin1String("keychain") && part.input.value(QStringLiteral("password")) == QJsonValue(source)
            && part.expected.value(QStringLiteral("name")).toString().isEmpty())
            part.refuse(QStringLiteral("a keychain password needs a connection name"));
        if (source == QLatin1String("environment") && part.input.value(QStringLiteral("password")) == QJsonValue(source)) {
            Field variable = text(0, std::nullopt, {QStringLiteral("TOKENS_PASSWORD")});
            if (bad())
                variable = pick(QList<Field>{{QString(), std::nullopt, QStringLiteral("no variable")},
                                             {std::nullopt, std::nullopt, QStringLiteral("no variable")}});
            part.put(QStringLiteral("password_variable"), variable);
        }
        if (bad())
            part.put(pick(QStringList{QStringLiteral("password_text"), QStringLiteral("passwd"), QStringLiteral("secret")}),
                     {QStringLiteral("hunter2"), std::nullopt, QStringLiteral("a password key")});
        unknownKey(part, {QStringLiteral("pasword"), QStringLiteral("port_number")});
        return part;
    }

    Part sqlAction()
    {
        Part part;
        part.put(QStringLiteral("type"), {QStringLiteral("sql"), QStringLiteral("sql"), {}});
        if (bad() && chance(0.3))
            part.put(QStringLiteral("connection"), {pick(QList<QJsonValue>{QStringLiteral("tokens"), QJsonArray{},
                                                                           QJsonValue(QJsonValue::Null)}),
                                                    std::nullopt, QStringLiteral("not an object")});
        else
            part.putPart(QStringLiteral("connection"), sqlConnection());
        // Blank statements are left out; at least one must remain.
        Field statements = stringList(0, std::nullopt,
                                      {{QStringLiteral("DELETE FROM tokens WHERE expires_at < :now")},
                                       {QStringLiteral("SELECT 1"), QStringLiteral("  SELECT 2  ")}});
        if (chance(0.15) && !bad())
            statements = {QJsonArray{QString(), QStringLiteral("SELECT 1"), QStringLiteral("   ")},
                          QJsonArray{QStringLiteral("SELECT 1")}, {}};
        else if (bad() && chance(0.3))
            statements = pick(QList<Field>{{QJsonArray{}, std::nullopt, QStringLiteral("no statement")},
                                           {QJsonArray{QStringLiteral(" ")}, std::nullopt, QStringLiteral("only blank")},
                                           {std::nullopt, std::nullopt, QStringLiteral("missing")}});
        part.put(QStringLiteral("statements"), statements);
        part.put(QStringLiteral("statement_timeout"), seconds(0.4, randomjob::secondsJson(60'000), false, true));
        unknownKey(part, {QStringLiteral("statement"), QStringLiteral("timeout")});
        return part;
    }

    Part httpAction()
    {
        Part part;
        part.put(QStringLiteral("type"), {QStringLiteral("http"), QStringLiteral("http"), {}});
        // URLs are trimmed; blank entries are left out.
        const QList<Valid> urls{{QJsonArray{QStringLiteral("http://localhost:8080/")}, QJsonArray{QStringLiteral("http://localhost:8080/")}},
                                {QJsonArray{QStringLiteral("  https://example.com/a?b=c&d=%C3%BC  "), QString(),
                                            QStringLiteral("http://[::1]:9/")},
                                 QJsonArray{QStringLiteral("https://example.com/a?b=c&d=%C3%BC"), QStringLiteral("http://[::1]:9/")}}};
        part.put(QStringLiteral("urls"),
                 choose(0, std::nullopt, urls,
                        {{QJsonArray{}, QStringLiteral("no URL")},
                         {QJsonArray{QString()}, QStringLiteral("only a blank URL")},
                         {QJsonArray{QStringLiteral("ftp://example.com/")}, QStringLiteral("not http")},
                         {QJsonArray{QStringLiteral("http://")}, QStringLiteral("no host")},
                         {QJsonArray{QStringLiteral("not a url")}, QStringLiteral("not a URL")},
                         {QStringLiteral("http://example.com/"), QStringLiteral("a string, not a list")},
                         {QJsonArray{5}, QStringLiteral("a number in the list")},
                         {QJsonValue(QJsonValue::Null), QStringLiteral("null")}}));
        QList<Invalid> badMethods{{QStringLiteral("PUT"), QStringLiteral("PUT")}, {QString(), QStringLiteral("empty")}};
        badMethods.append(wrongTypes(Kind::String, false));
        part.put(QStringLiteral("method"), choose(0.4, QStringLiteral("GET"),
                                                  {{QStringLiteral("GET"), QStringLiteral("GET")},
                                                   {QStringLiteral("get"), QStringLiteral("GET")},
                                                   {QStringLiteral("Post"), QStringLiteral("POST")},
                                                   {QStringLiteral("HEAD"), QStringLiteral("HEAD")}},
                                                  badMethods));
        part.put(QStringLiteral("body"), optionalText(0.6, {QString(), QStringLiteral("{\"warm\": true} ✓\n")}));
        part.put(QStringLiteral("content_type"), optionalText(0.6, {QString(), QStringLiteral("application/json")}));
        QList<Valid> headers{{QJsonObject{}, std::nullopt},
                             {QJsonObject{{QStringLiteral("X-Warm"), QStringLiteral("1")}},
                              QJsonObject{{QStringLiteral("X-Warm"), QStringLiteral("1")}}}};
        part.put(QStringLiteral("headers"),
                 choose(0.5, std::nullopt, headers,
                        {{QJsonObject{{QStringLiteral("X-A"), QStringLiteral("a\r\nX-B: b")}}, QStringLiteral("CR LF in a value")},
                         {QJsonObject{{QString(), QStringLiteral("x")}}, QStringLiteral("an empty name")},
                         {QJsonObject{{QStringLiteral("X-A"), 5}}, QStringLiteral("a number value")},
                         {QJsonArray{}, QStringLiteral("a list")}}));
        part.put(QStringLiteral("concurrency"), wholeNumber(0.4, 4, 1, 64));
        part.put(QStringLiteral("request_timeout"), seconds(0.4, randomjob::secondsJson(30'000), false, false));
        part.put(QStringLiteral("follow_redirects"), boolean(0.4, true));
        part.put(QStringLiteral("fail_on_http_error"), boolean(0.4, true));
        unknownKey(part, {QStringLiteral("url"), QStringLiteral("timeout")});
        return part;
    }

    Field action()
    {
        if (bad() && chance(0.15)) {
            const QList<Invalid> invalid{{QStringLiteral("/bin/true"), QStringLiteral("a string")},
                                         {QJsonArray{}, QStringLiteral("an array")},
                                         {QJsonValue(QJsonValue::Null), QStringLiteral("null")},
                                         {QJsonObject{{QStringLiteral("type"), QStringLiteral("rocket")}}, QStringLiteral("unknown type")},
                                         {QJsonObject{{QStringLiteral("program"), QStringLiteral("/bin/true")}}, QStringLiteral("no type")},
                                         {QJsonObject{{QStringLiteral("type"), QStringLiteral("Command")},
                                                      {QStringLiteral("program"), QStringLiteral("/bin/true")}},
                                          QStringLiteral("type in capitals")}};
            const Invalid &choice = pick(invalid);
            return {choice.input, std::nullopt, choice.why};
        }
        Part part;
        switch (m_random.bounded(5)) {
        case 0: part = commandAction(false); break;
        case 1: part = commandAction(true); break;
        case 2: part = functionAction(); break;
        case 3: part = sqlAction(); break;
        default: part = httpAction(); break;
        }
        return {part.input, part.expected, part.refusals.join(QStringLiteral("; "))};
    }

    // ---- the job

    std::optional<JobCandidate> tryNext(int serial)
    {
        using namespace randomjob;
        // Half of the documents are meant to be valid, the others get a few bad values.
        m_badRate = chance(0.5) ? 0.0 : 0.06;
        JobCandidate candidate;
        candidate.serial = serial;
        if (m_badRate > 0 && chance(0.02)) {
            candidate.document = pick(QList<QJsonValue>{5, QStringLiteral("job"), QJsonArray{}, QJsonValue(QJsonValue::Null), true});
            candidate.refusals = {QStringLiteral("not a job object")};
            return candidate;
        }

        Part job;
        job.put(QStringLiteral("id"), id(serial, candidate.idGenerated));
        job.put(QStringLiteral("name"), name());
        Field paused = boolean(0.5, false);
        job.put(QStringLiteral("paused"), paused);

        job.put(QStringLiteral("max_instances"), wholeNumber(0.5, 1, 1, 1000));
        job.put(QStringLiteral("coalesce"), boolean(0.5, true));
        Field grace = seconds(0.5, secondsJson(60'000), true, true);
        job.put(QStringLiteral("misfire_grace_time"), grace);
        job.put(QStringLiteral("timeout"), seconds(0.5, QJsonValue(QJsonValue::Null), false, true));
        job.put(QStringLiteral("max_retries"), wholeNumber(0.5, 0, 0, 100));
        job.put(QStringLiteral("retry_delay"), seconds(0.5, secondsJson(30'000), true, false));
        QList<Invalid> badBackoffs{{0.5, QStringLiteral("below 1")},
                                   {0, QStringLiteral("0")},
                                   {10.0001, QStringLiteral("above 10")},
                                   {11, QStringLiteral("above 10")},
                                   {-1, QStringLiteral("negative")},
                                   {1e300, QStringLiteral("huge")}};
        badBackoffs.append(wrongTypes(Kind::Number, false));
        job.put(QStringLiteral("retry_backoff"), choose(0.5, 1, {{1, 1}, {1.5, 1.5}, {2, 2}, {10, 10}, {1.0000001, 1.0000001}},
                                                        badBackoffs));
        job.put(QStringLiteral("retry_delay_max"), seconds(0.5, QJsonValue(QJsonValue::Null), true, true));
        job.put(QStringLiteral("remove_when_done"), boolean(0.5, false));
        job.put(QStringLiteral("recover"), boolean(0.5, false));

        // Informational keys: the import does not read them.
        if (chance(0.2))
            job.put(QStringLiteral("state"), {pick(QList<QJsonValue>{QStringLiteral("scheduled"), QStringLiteral("bogus"), 5}),
                                              std::nullopt, {}});
        if (chance(0.2))
            job.put(QStringLiteral("next_run_time"),
                    {pick(QList<QJsonValue>{QStringLiteral("2030-01-01T00:00:00Z"), QStringLiteral("garbage"),
                                            QJsonValue(QJsonValue::Null), 5}),
                     std::nullopt, {}});

        TriggerDraft draft;
        if (bad() && chance(0.2)) {
            job.put(QStringLiteral("trigger"), pick(QList<Field>{{std::nullopt, std::nullopt, QStringLiteral("missing")},
                                                                 {QStringLiteral("* * * * *"), std::nullopt, QStringLiteral("a string")},
                                                                 {QJsonArray{}, std::nullopt, QStringLiteral("an array")},
                                                                 {QJsonValue(QJsonValue::Null), std::nullopt, QStringLiteral("null")}}));
        } else {
            draft = trigger();
            job.putPart(QStringLiteral("trigger"), draft.part);
        }
        if (bad() && chance(0.15))
            job.put(QStringLiteral("action"), {std::nullopt, std::nullopt, QStringLiteral("missing")});
        else
            job.put(QStringLiteral("action"), action());
        if (bad())
            job.put(pick(QStringList{QStringLiteral("jiter"), QStringLiteral("tags"), QStringLiteral("max_instance"),
                                     QStringLiteral("overlap"), QStringLiteral("Trigger"), QString()}),
                    {QJsonArray{QStringLiteral("x")}, std::nullopt, QStringLiteral("an unknown key")});

        candidate.paused = paused.refusal.isEmpty() && paused.input && paused.input->toBool();
        if (job.refusals.isEmpty() && !draft.schedule.verdict)
            qFatal("randomjobjson.h: a valid trigger without a schedule (document #%d)", serial);
        if (job.refusals.isEmpty()) {
            std::optional<std::int64_t> graceMs = 60'000;
            if (grace.input)
                graceMs = grace.input->isNull() ? std::nullopt
                                                : std::optional<std::int64_t>(llround(grace.expected->toDouble() * 1000));
            const QString early = draft.schedule.verdict(m_settings.nowMs, candidate.paused, graceMs);
            const QString late = draft.schedule.verdict(m_settings.nowMs + m_settings.windowMs, candidate.paused, graceMs);
            if (early != late || early == QLatin1String("?"))
                return std::nullopt; // the verdict could change while the test runs: try another
            if (!early.isEmpty())
                job.refuse(early);
            if (early.isEmpty() && m_settings.quiet && !candidate.paused) {
                // Nothing may fire while the test talks to the instance.
                const auto first = draft.schedule.firstFire(m_settings.nowMs);
                if (!first || *first <= m_settings.nowMs + m_settings.windowMs + hour) {
                    candidate.paused = true;
                    job.put(QStringLiteral("paused"), {true, true, {}});
                }
            }
        }
        candidate.document = job.input;
        candidate.refusals = job.refusals;
        candidate.accepted = job.refusals.isEmpty();
        if (candidate.accepted) {
            candidate.expected = job.expected;
            if (!candidate.expected.contains(QStringLiteral("paused")))
                candidate.expected.insert(QStringLiteral("paused"), false);
        }
        return candidate;
    }

    QRandomGenerator m_random;
    Settings m_settings;
    double m_badRate = 0;
};

} // namespace punctual::test
