// punctualctl next: fire times of a schedule, and the cron reference vectors (--vectors FILE.jsonl).
#include "cli.h"

#include "time/clock.h"
#include "time/duration.h"
#include "time/isotime.h"
#include "triggers/calendartrigger.h"
#include "triggers/crontrigger.h"
#include "triggers/intervaltrigger.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace punctual::cli {

namespace {

// A JSON value as compact text ("42", "\"a\\\"b\"").
QString jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QStringList fireTimes(const Trigger &trigger, std::int64_t fromMs, int count)
{
    QStringList lines;
    std::int64_t at = fromMs;
    for (int i = 0; i < count; ++i) {
        const std::optional<std::int64_t> next = trigger.nextFireTime(at);
        if (!next)
            break;
        lines << formatIso(*next, trigger.zone());
        at = *next;
    }
    return lines;
}

// One vector case's answer line: {"id":...,"next":[...]} or {"id":...,"error":"..."}.
QString answerVectorCase(const QJsonObject &testCase)
{
    const QString id = jsonText(testCase.value(QStringLiteral("id")));
    auto error = [&id](const QString &message) {
        return QStringLiteral("{\"id\":%1,\"error\":%2}").arg(id, jsonText(message));
    };
    const QString tz = testCase.value(QStringLiteral("tz")).toString(QStringLiteral("UTC"));
    auto zone = ZoneRules::forZone(tz.toLatin1());
    if (!zone)
        return error(tr("unknown time zone \"%1\"").arg(tz));
    auto trigger = CronTrigger::create(testCase.value(QStringLiteral("cron")).toString(), zone);
    if (!trigger)
        return error(trigger.error().message);
    auto from = parseIso(testCase.value(QStringLiteral("from")).toString(), *zone);
    if (!from)
        return error(from.error().message);
    const int count = testCase.contains(QStringLiteral("count"))
        ? testCase.value(QStringLiteral("count")).toInt()
        : static_cast<int>(testCase.value(QStringLiteral("next")).toArray().size());
    QStringList quoted;
    for (const QString &line : fireTimes(*trigger.value(), from.value(), count))
        quoted << jsonText(line);
    return QStringLiteral("{\"id\":%1,\"next\":[%2]}").arg(id, quoted.join(QLatin1Char(',')));
}

int runVectors(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ExitFailure, tr("cannot read %1: %2").arg(path, file.errorString()));
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (!document.isObject())
            return fail(ExitUsage, tr("%1:%2: not a JSON object (%3)")
                                       .arg(path)
                                       .arg(lineNumber)
                                       .arg(parseError.errorString()));
        print(answerVectorCase(document.object()) + QLatin1Char('\n'));
    }
    return ExitOk;
}

} // namespace

int runNext(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print the next fire times of a schedule."));
    const QCommandLineOption cron(QStringLiteral("cron"), tr("A cron expression."), tr("EXPR"));
    const QCommandLineOption every(QStringLiteral("every"), tr("An interval (90s, 15m, 1h30m, PT15M)."),
                                   tr("DURATION"));
    const QCommandLineOption calendar(QStringLiteral("calendar"),
                                      tr("A calendar schedule (\"every 2 weeks at 09:30 from 2026-12-01\")."),
                                      tr("SPEC"));
    const QCommandLineOption tz(QStringLiteral("tz"), tr("IANA time zone (default: the system's)."), tr("ZONE"));
    const QCommandLineOption from(QStringLiteral("from"), tr("Start after this instant (default: now)."), tr("ISO"));
    const QCommandLineOption count(QStringLiteral("count"), tr("How many fire times (default 5)."), tr("N"),
                                   QStringLiteral("5"));
    const QCommandLineOption vectors(QStringLiteral("vectors"), tr("Answer the cases of a JSONL vector file."),
                                     tr("FILE"));
    const QCommandLineOption dst(QStringLiteral("dst"),
                                 tr("With --cron: what DST changes do: cron (default), skip or both."), tr("MODE"));
    parser.addOptions({cron, every, calendar, tz, from, count, vectors, dst});
    int exitCode = ExitOk;
    if (!parseArguments(parser, args, exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return fail(ExitUsage, tr("unexpected argument \"%1\"").arg(parser.positionalArguments().front()));

    if (parser.isSet(vectors))
        return runVectors(parser.value(vectors));

    const int schedules = int(parser.isSet(cron)) + int(parser.isSet(every)) + int(parser.isSet(calendar));
    if (schedules != 1)
        return fail(ExitUsage, tr("give exactly one of --cron, --every, --calendar or --vectors"));
    if (parser.isSet(dst) && !parser.isSet(cron))
        return fail(ExitUsage, tr("--dst applies to --cron schedules only"));

    std::shared_ptr<const ZoneRules> zone = ZoneRules::system();
    if (parser.isSet(tz)) {
        zone = ZoneRules::forZone(parser.value(tz).toLatin1());
        if (!zone)
            return fail(ExitUsage, tr("unknown time zone \"%1\"").arg(parser.value(tz)));
    }
    bool countOk = false;
    const int n = parser.value(count).toInt(&countOk);
    if (!countOk || n < 0)
        return fail(ExitUsage, tr("--count needs a whole number of at least 0"));
    std::int64_t fromMs = SystemClock::instance().nowMs();
    if (parser.isSet(from)) {
        auto parsed = parseIso(parser.value(from), *zone);
        if (!parsed)
            return fail(ExitUsage, parsed.error().message);
        fromMs = parsed.value();
    }

    std::unique_ptr<Trigger> trigger;
    if (parser.isSet(cron)) {
        auto created = CronTrigger::create(parser.value(cron), zone);
        if (!created)
            return fail(ExitUsage, created.error().message);
        if (parser.isSet(dst)) {
            const auto policy = CronTrigger::dstPolicyFromName(parser.value(dst));
            if (!policy)
                return fail(ExitUsage, tr("--dst must be cron, skip or both, not \"%1\"").arg(parser.value(dst)));
            created.value()->setDstPolicy(*policy);
        }
        trigger = std::move(created).value();
    } else if (parser.isSet(every)) {
        auto interval = parseDuration(parser.value(every));
        if (!interval)
            return fail(ExitUsage, interval.error().message);
        trigger = IntervalTrigger::startingAfter(interval.value(), fromMs);
        trigger->setZone(zone);
    } else {
        auto created = CalendarTrigger::parse(parser.value(calendar), zone, fromMs);
        if (!created)
            return fail(ExitUsage, created.error().message);
        trigger = std::move(created).value();
    }

    // Streamed in chunks: --count may ask for millions of lines, which are never all held in memory.
    QString chunk;
    std::int64_t at = fromMs;
    for (int i = 0; i < n; ++i) {
        const std::optional<std::int64_t> next = trigger->nextFireTime(at);
        if (!next)
            break;
        chunk += formatIso(*next, trigger->zone());
        chunk += QLatin1Char('\n');
        at = *next;
        if (chunk.size() >= 64 * 1024) {
            print(chunk);
            chunk.clear();
        }
    }
    if (!chunk.isEmpty())
        print(chunk);
    return ExitOk;
}

} // namespace punctual::cli
