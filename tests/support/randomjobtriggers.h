// Random triggers for the job file property test (randomjobjson.h): time zones, instants in every accepted form and
// many refused ones, and the four trigger types, each with the verdict of "does it fire after now" worked out here
// (interval arithmetic, a calendar walked with QDate, cron expressions of known spacing) rather than asked of the
// code under test.
#pragma once

#include "support/randomjobvalues.h"

namespace punctual::test {

class RandomTriggerJson : public RandomJsonValues
{
public:
    using RandomJsonValues::RandomJsonValues;

protected:
    /// What decides, at import time, whether a valid trigger is taken (it must fire after now unless paused).
    struct Schedule
    {
        /// Refusal reason at import time @p nowMs ("" when taken), given paused and the misfire grace time.
        std::function<QString(std::int64_t nowMs, bool paused, std::optional<std::int64_t> graceMs)> verdict;
        /// The first fire at or after @p nowMs, when known; a job that might fire during the test is paused in quiet mode.
        std::function<std::optional<std::int64_t>(std::int64_t nowMs)> firstFire;
    };

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
};

} // namespace punctual::test
