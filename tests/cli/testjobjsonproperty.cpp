// Property test of the job file format with the real punctualctl: thousands of random job documents
// (tests/support/randomjobjson.h), valid and not, imported directly into a store and through a running instance.
// A document that is taken is stored and comes back from export, list --json and show --json equal to the document
// after the normalisation of docs/import-export.md; exporting again after importing the export changes nothing. A
// document that is refused makes the import exit 2 with one line naming its entry, and nothing is stored.
//
// PUNCTUAL_PROPERTY_SEED=N repeats or explores (the seed is printed); PUNCTUAL_PROPERTY_COUNT=N sets how many
// documents go directly to the store (a sixth of them go through the instance); PUNCTUAL_PROPERTY_FAILURES=N how
// many failures are shown in full.
#include "cli/punctualctlprocess.h"
#include "support/randomjobjson.h"
#include "util/jsontext.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace punctual;
using namespace punctual::test;

namespace {

constexpr quint64 defaultSeed = 20260614;
constexpr int defaultCount = 1800;
/// Entries per import file: big enough to keep the suite fast, small enough to name a failing batch.
constexpr int batchSize = 60;
constexpr int defaultReportedFailures = 12;
const QByteArray systemZone = QByteArrayLiteral("Europe/Berlin");

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

/// An instant as export writes it: local time in the trigger's zone, ".mmm" only when not zero, the offset with
/// seconds only when it has them. Read here without the code under test.
struct ExportedInstant
{
    std::int64_t ms = 0;
    int offsetSeconds = 0;
};

std::optional<ExportedInstant> readExportedInstant(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d{3})?([+-])(\d\d):(\d\d)(?::(\d\d))?$)"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!date.isValid() || m.captured(7) == QLatin1String(".000"))
        return std::nullopt;
    const std::int64_t local = randomjob::dayNumber(date.year(), date.month(), date.day()) * 86400
        + m.captured(4).toInt() * 3600 + m.captured(5).toInt() * 60 + m.captured(6).toInt();
    int offset = m.captured(9).toInt() * 3600 + m.captured(10).toInt() * 60 + m.captured(11).toInt();
    if (m.captured(11) == QLatin1String("00"))
        return std::nullopt; // zero seconds are left out
    if (m.captured(8) == QLatin1String("-"))
        offset = -offset;
    const int millis = m.captured(7).isEmpty() ? 0 : m.captured(7).mid(1).toInt();
    return ExportedInstant{(local - offset) * 1000 + millis, offset};
}

/// When a job's import ran (the client's clock), for interval starts counted from the import.
struct ImportWindow
{
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
};

QString checkInstant(const QJsonValue &actual, std::int64_t expectedMs, const QByteArray &zone)
{
    const auto read = readExportedInstant(actual.toString());
    if (!actual.isString() || !read)
        return QStringLiteral("expected an instant in the export's form, got %1").arg(compact(actual));
    if (read->ms != expectedMs)
        return QStringLiteral("%1 is %2 ms UTC, expected %3 ms (%4)")
            .arg(actual.toString())
            .arg(read->ms)
            .arg(expectedMs)
            .arg(QDateTime::fromMSecsSinceEpoch(expectedMs, QTimeZone::utc()).toString(Qt::ISODateWithMs));
    const auto rules = ZoneRules::forZone(zone);
    const int offset = rules->offsetAt(randomjob::floorDiv(expectedMs, 1000));
    if (read->offsetSeconds != offset)
        return QStringLiteral("%1: offset %2 s, %3 says %4 s").arg(actual.toString()).arg(read->offsetSeconds)
            .arg(QString::fromLatin1(zone)).arg(offset);
    // Where the system's zone data is authoritative, it agrees too.
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(expectedMs, QTimeZone::utc());
    if (utc.date().year() >= 1970 && utc.date().year() <= 2037) {
        const int systemOffset = QTimeZone(zone).offsetFromUtc(utc);
        if (systemOffset != offset)
            return QStringLiteral("%1: offset %2 s, QTimeZone says %3 s").arg(actual.toString()).arg(offset).arg(systemOffset);
    }
    return {};
}

/// The first difference between an expected job JSON (with randomjobjson.h's markers) and the exported one.
QString difference(const QJsonValue &expected, const QJsonValue &actual, const QString &path, const QString &actualId,
                   const ImportWindow &window)
{
    if (expected.isObject()) {
        const QJsonObject marker = expected.toObject();
        if (marker.contains(QStringLiteral("$instant"))) {
            const QString problem = checkInstant(actual, marker.value(QStringLiteral("$instant")).toInteger(),
                                                 marker.value(QStringLiteral("$zone")).toString().toLatin1());
            return problem.isEmpty() ? QString() : path + QStringLiteral(": ") + problem;
        }
        if (marker.contains(QStringLiteral("$startFromNow"))) {
            const std::int64_t interval = marker.value(QStringLiteral("$startFromNow")).toInteger();
            const auto read = readExportedInstant(actual.toString());
            // One interval after the import, rounded up to a whole second for whole-second intervals.
            const std::int64_t low = window.fromMs + interval;
            const std::int64_t high = window.toMs + interval + (interval % 1000 == 0 ? 1000 : 0);
            if (!read || read->ms < low || read->ms > high)
                return QStringLiteral("%1: %2 is not one interval (%3 ms) after the import [%4, %5]")
                    .arg(path, compact(actual)).arg(interval).arg(window.fromMs).arg(window.toMs);
            if (interval % 1000 == 0 && read->ms % 1000 != 0)
                return QStringLiteral("%1: %2 is not on a whole second").arg(path, actual.toString());
            return checkInstant(actual, read->ms, marker.value(QStringLiteral("$zone")).toString().toLatin1());
        }
        if (marker.contains(QStringLiteral("$generatedId"))) {
            static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
            return actual.isString() && hex.match(actual.toString()).hasMatch()
                ? QString()
                : path + QStringLiteral(": expected a generated id, got ") + compact(actual);
        }
        if (marker.contains(QStringLiteral("$sameAsId")))
            return actual == QJsonValue(actualId) ? QString()
                                                  : path + QStringLiteral(": expected the id, got ") + compact(actual);
        if (!actual.isObject())
            return path + QStringLiteral(": expected an object, got ") + compact(actual);
        const QJsonObject actualObject = actual.toObject();
        for (auto it = marker.begin(); it != marker.end(); ++it) {
            if (!actualObject.contains(it.key()))
                return QStringLiteral("%1.%2: missing (expected %3)").arg(path, it.key(), compact(it.value()));
            const QString problem = difference(it.value(), actualObject.value(it.key()), path + QLatin1Char('.') + it.key(),
                                               actualId, window);
            if (!problem.isEmpty())
                return problem;
        }
        for (auto it = actualObject.begin(); it != actualObject.end(); ++it) {
            if (!marker.contains(it.key()))
                return QStringLiteral("%1.%2: not expected (%3)").arg(path, it.key(), compact(it.value()));
        }
        return {};
    }
    if (expected.isArray()) {
        const QJsonArray expectedArray = expected.toArray();
        const QJsonArray actualArray = actual.toArray();
        if (!actual.isArray() || actualArray.size() != expectedArray.size())
            return QStringLiteral("%1: expected %2, got %3").arg(path, compact(expected), compact(actual));
        for (qsizetype i = 0; i < expectedArray.size(); ++i) {
            const QString problem = difference(expectedArray.at(i), actualArray.at(i),
                                               QStringLiteral("%1[%2]").arg(path).arg(i), actualId, window);
            if (!problem.isEmpty())
                return problem;
        }
        return {};
    }
    // Values: equal as JSON text (exact for integers beyond 2^53, which double comparison would not be).
    if (compact(expected) != compact(actual))
        return QStringLiteral("%1: expected %2, got %3").arg(path, compact(expected), compact(actual));
    return {};
}

/// One line, printable: no line breaks or control characters that could forge or hide output.
bool isOneLine(const QString &text)
{
    return std::none_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() < 0xA0) || c.unicode() == 0x2028
            || c.unicode() == 0x2029;
    });
}

/// The keys export writes for people (not read on import), checked on their own; @p job without them.
QString checkInformational(QJsonObject &job, bool paused)
{
    const QJsonValue next = job.take(QStringLiteral("next_run_time"));
    const QString state = job.take(QStringLiteral("state")).toString();
    QJsonObject trigger = job.value(QStringLiteral("trigger")).toObject();
    const QJsonValue description = trigger.take(QStringLiteral("description"));
    job.insert(QStringLiteral("trigger"), trigger);
    if (!description.isString() || description.toString().isEmpty() || !isOneLine(description.toString()))
        return QStringLiteral("trigger.description: not one line of text: %1").arg(compact(description));
    if (paused)
        return state == QLatin1String("paused") && next.isNull()
            ? QString()
            : QStringLiteral("paused job: state %1, next_run_time %2").arg(state, compact(next));
    if (next.isNull())
        return state == QLatin1String("finished") ? QString()
                                                  : QStringLiteral("no next run time but state %1").arg(state);
    const auto read = readExportedInstant(next.toString());
    if (!read || read->ms < randomjob::firstInstantMs || read->ms > randomjob::lastInstantMs)
        return QStringLiteral("next_run_time %1 cannot be read back (years 1 to 9999)").arg(compact(next));
    return state == QLatin1String("scheduled") ? QString()
                                               : QStringLiteral("next run time but state %1").arg(state);
}

QHash<QString, QJsonObject> byId(const QJsonArray &jobs)
{
    QHash<QString, QJsonObject> map;
    for (const QJsonValue &job : jobs)
        map.insert(job.toObject().value(QStringLiteral("id")).toString(), job.toObject());
    return map;
}

} // namespace

class TestJobJsonProperty : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void directToTheStore();
    void throughARunningInstance();

private:
    struct Stored
    {
        const JobCandidate *candidate = nullptr;
        ImportWindow window;
    };
    /// One run of the property over a store: imports, then every check; failures are collected.
    struct Run
    {
        QString db;
        QList<JobCandidate> candidates;
        QHash<QString, Stored> stored; ///< id -> the candidate it came from
        QList<const JobCandidate *> generatedIds; ///< taken, id made by the import: found by the export's ids
        QString lastExport;
        bool exportStale = true; ///< an import may have changed the store since lastExport
    };

    QList<JobCandidate> generate(int count, bool quiet, int firstSerial);
    PunctualctlResult ctl(const QString &db, QStringList args, bool debug = false);
    QString writeFile(const QList<const JobCandidate *> &entries);
    QJsonArray exportAll(Run &run);
    void importAlone(Run &run, const JobCandidate &candidate);
    void importBatch(Run &run, const QList<const JobCandidate *> &batch);
    void importAll(Run &run);
    void checkStored(Run &run);
    void checkReimport(Run &run);
    void fail(const QString &message, const JobCandidate *candidate = nullptr);
    void reportFailures();

    quint64 m_seed = defaultSeed;
    int m_count = defaultCount;
    QList<QByteArray> m_zones;
    QList<QByteArray> m_unknownZones;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_files = 0;
    QStringList m_failures;
    int m_failureCount = 0;
    int m_reportedFailures = defaultReportedFailures;
    std::unique_ptr<QProcess> m_instance;
};

void TestJobJsonProperty::initTestCase()
{
    if (qEnvironmentVariableIsSet("PUNCTUAL_PROPERTY_SEED"))
        m_seed = qgetenv("PUNCTUAL_PROPERTY_SEED").toULongLong();
    if (qEnvironmentVariableIsSet("PUNCTUAL_PROPERTY_COUNT"))
        m_count = qEnvironmentVariableIntValue("PUNCTUAL_PROPERTY_COUNT");
    if (qEnvironmentVariableIsSet("PUNCTUAL_PROPERTY_FAILURES"))
        m_reportedFailures = qEnvironmentVariableIntValue("PUNCTUAL_PROPERTY_FAILURES");
    qInfo("seed %llu (PUNCTUAL_PROPERTY_SEED=%llu repeats this run), %d documents", m_seed, m_seed, m_count);

    // Every class of zone: UTC and its aliases, fixed offsets, DST (also 30-minute and negative DST), zones with
    // second-exact local mean time in the 1900s, links; and names no system knows.
    const QList<QByteArray> zones{"UTC", "Etc/UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                                  "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "Pacific/Kiritimati",
                                  "Pacific/Pago_Pago", "America/St_Johns", "Africa/Monrovia", "Europe/Amsterdam",
                                  "Europe/Dublin", "Etc/GMT+12", "Etc/GMT-14", "US/Eastern", "America/Sao_Paulo",
                                  "Antarctica/Troll", "Asia/Tehran", "UTC+05:30", "UTC-03:00"};
    for (const QByteArray &zone : zones) {
        if (ZoneRules::forZone(zone))
            m_zones.append(zone);
        else
            qInfo("zone %s is not known here: left out", zone.constData());
    }
    QVERIFY(m_zones.contains("UTC") && m_zones.contains("Europe/Berlin") && m_zones.contains("Pacific/Kiritimati"));
    m_unknownZones = {"Mars/Olympus_Mons", "Europe/Berlin ", "europe/berlin", "../../etc/passwd", "+05:00", "",
                      "Europe/Berlin\nUTC", "UTC+25:00"};
    m_unknownZones.removeAll(QByteArray()); // "" means the system's zone
    for (const QByteArray &zone : std::as_const(m_unknownZones))
        QVERIFY2(!ZoneRules::forZone(zone), zone.constData());
}

void TestJobJsonProperty::cleanup()
{
    if (m_instance && m_instance->state() != QProcess::NotRunning) {
        m_instance->terminate();
        if (!m_instance->waitForFinished(15000)) {
            m_instance->kill();
            m_instance->waitForFinished();
        }
    }
    m_instance.reset();
}

QList<JobCandidate> TestJobJsonProperty::generate(int count, bool quiet, int firstSerial)
{
    RandomJobJson::Settings settings;
    settings.nowMs = QDateTime::currentMSecsSinceEpoch();
    settings.systemZone = systemZone;
    settings.zones = m_zones;
    settings.unknownZones = m_unknownZones;
    settings.quiet = quiet;
    RandomJobJson generator(m_seed + (quiet ? 1 : 0), settings);
    QList<JobCandidate> candidates;
    candidates.reserve(count);
    for (int i = 0; i < count; ++i)
        candidates.append(generator.next(firstSerial + i));
    return candidates;
}

PunctualctlResult TestJobJsonProperty::ctl(const QString &db, QStringList args, bool debug)
{
    args.prepend(db);
    args.prepend(QStringLiteral("--db"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TZ"), QString::fromLatin1(systemZone));
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    if (debug)
        environment.insert(QStringLiteral("PUNCTUAL_DEBUG"), QStringLiteral("1"));
    else
        environment.remove(QStringLiteral("PUNCTUAL_DEBUG"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PUNCTUALCTL_PATH), args);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, QStringLiteral("timed out")};
    }
    if (m_instance)
        m_instance->readAllStandardError(); // keep its pipe drained
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString TestJobJsonProperty::writeFile(const QList<const JobCandidate *> &entries)
{
    QJsonArray array;
    for (const JobCandidate *entry : entries)
        array.append(entry->document);
    const QString path = m_dir->filePath(QStringLiteral("jobs-%1.json").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return path;
}

void TestJobJsonProperty::fail(const QString &message, const JobCandidate *candidate)
{
    ++m_failureCount;
    if (m_failures.size() >= m_reportedFailures)
        return;
    QString text = message;
    if (candidate) {
        text += QStringLiteral("\n    document #%1: %2").arg(candidate->serial).arg(candidate->documentText());
        if (!candidate->accepted)
            text += QStringLiteral("\n    refused for: %1").arg(candidate->refusals.join(QStringLiteral("; ")));
    }
    m_failures.append(text);
}

void TestJobJsonProperty::reportFailures()
{
    if (m_failureCount == 0)
        return;
    const QString summary = QStringLiteral("%1 failure(s) with seed %2 (PUNCTUAL_PROPERTY_SEED=%2 repeats), first %3:\n%4")
                                .arg(m_failureCount)
                                .arg(m_seed)
                                .arg(m_failures.size())
                                .arg(m_failures.join(QStringLiteral("\n")));
    QFAIL(qPrintable(summary));
}

QJsonArray TestJobJsonProperty::exportAll(Run &run)
{
    const PunctualctlResult exported = ctl(run.db, {QStringLiteral("export")});
    if (exported.exitCode != 0 || !exported.err.isEmpty())
        fail(QStringLiteral("export exited %1: %2").arg(exported.exitCode).arg(exported.err));
    run.lastExport = exported.out;
    run.exportStale = false;
    return jsontext::parse(exported.out.toUtf8()).array();
}

void TestJobJsonProperty::importAlone(Run &run, const JobCandidate &candidate)
{
    const QString file = writeFile({&candidate});
    QSet<QString> before;
    if (candidate.idGenerated) {
        const QHash<QString, QJsonObject> jobs = byId(exportAll(run));
        before = QSet<QString>(jobs.keyBegin(), jobs.keyEnd());
    }
    const ImportWindow window{QDateTime::currentMSecsSinceEpoch(), 0};
    const PunctualctlResult r = ctl(run.db, {QStringLiteral("import"), file});
    const ImportWindow done{window.fromMs, QDateTime::currentMSecsSinceEpoch()};
    run.exportStale = run.exportStale || r.exitCode == 0;
    if (candidate.accepted) {
        if (r.exitCode != 0 || !r.err.isEmpty()) {
            fail(QStringLiteral("import alone: exit %1 (expected 0): %2").arg(r.exitCode).arg(r.err.trimmed()), &candidate);
            return;
        }
        if (!candidate.idGenerated) {
            run.stored.insert(candidate.expected.value(QStringLiteral("id")).toString(), {&candidate, done});
            return;
        }
        const QHash<QString, QJsonObject> after = byId(exportAll(run));
        QStringList added;
        for (auto it = after.keyBegin(); it != after.keyEnd(); ++it) {
            if (!before.contains(*it))
                added.append(*it);
        }
        if (added.size() != 1) {
            fail(QStringLiteral("import alone without an id added %1 jobs").arg(added.size()), &candidate);
            return;
        }
        run.stored.insert(added.constFirst(), {&candidate, done});
        return;
    }
    // Refused: exit 2, the entry's one line and the summary line, nothing stored (checked by the caller's export).
    const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString entryLine = QStringLiteral("punctualctl: error: %1: jobs[0]: ").arg(file);
    if (r.exitCode != 2 || lines.size() != 2 || !lines.at(0).startsWith(entryLine) || !isOneLine(lines.at(0))
        || !lines.at(1).startsWith(QLatin1String("punctualctl: error: nothing imported")))
        fail(QStringLiteral("import alone: exit %1 (expected 2 with one line for jobs[0] and the summary):\n%2")
                 .arg(r.exitCode)
                 .arg(r.err.trimmed()),
             &candidate);
}

void TestJobJsonProperty::importBatch(Run &run, const QList<const JobCandidate *> &batch)
{
    const QString file = writeFile(batch);
    QSet<int> refused;
    for (int i = 0; i < batch.size(); ++i) {
        if (!batch.at(i)->accepted)
            refused.insert(i);
    }
    // Each refused entry is named by exactly one line of its own; the others by none.
    auto checkLines = [&](const PunctualctlResult &r, bool withSummary, const QString &what) {
        QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (withSummary) {
            if (lines.isEmpty() || !lines.constLast().startsWith(QLatin1String("punctualctl: error: nothing imported")))
                fail(QStringLiteral("%1: no summary line at the end:\n%2").arg(what, r.err));
            else
                lines.removeLast();
        }
        QSet<int> named;
        static const QRegularExpression entry(QStringLiteral(R"(^punctualctl: error: (.*): jobs\[(\d+)\]: )"));
        for (const QString &line : std::as_const(lines)) {
            const QRegularExpressionMatch m = entry.match(line);
            const int index = m.hasMatch() && m.captured(1) == file ? m.captured(2).toInt() : -1;
            if (index < 0 || index >= batch.size()) {
                fail(QStringLiteral("%1: a line that names no entry: %2").arg(what, line));
                continue;
            }
            if (!isOneLine(line))
                fail(QStringLiteral("%1: jobs[%2]: its line has control characters: %3").arg(what).arg(index).arg(line),
                     batch.at(index));
            if (named.contains(index))
                fail(QStringLiteral("%1: jobs[%2] is named twice").arg(what).arg(index), batch.at(index));
            named.insert(index);
            if (!refused.contains(index))
                fail(QStringLiteral("%1: jobs[%2] refused but it is valid: %3").arg(what).arg(index).arg(line),
                     batch.at(index));
        }
        for (const int index : std::as_const(refused)) {
            if (!named.contains(index))
                fail(QStringLiteral("%1: jobs[%2] was not refused").arg(what).arg(index), batch.at(index));
        }
    };

    if (run.exportStale)
        exportAll(run);
    const QString before = run.lastExport;
    const QSet<QString> idsBefore = [&run] {
        const QHash<QString, QJsonObject> jobs = byId(jsontext::parse(run.lastExport.toUtf8()).array());
        return QSet<QString>(jobs.keyBegin(), jobs.keyEnd());
    }();
    ImportWindow window{QDateTime::currentMSecsSinceEpoch(), 0};
    const PunctualctlResult plain = ctl(run.db, {QStringLiteral("import"), file});
    window.toMs = QDateTime::currentMSecsSinceEpoch();
    if (refused.isEmpty()) {
        if (plain.exitCode != 0 || !plain.err.isEmpty())
            fail(QStringLiteral("%1: exit %2 for a file of valid jobs: %3").arg(file).arg(plain.exitCode).arg(plain.err));
    } else {
        if (plain.exitCode != 2)
            fail(QStringLiteral("%1: exit %2 (expected 2: %3 entries are invalid)").arg(file).arg(plain.exitCode).arg(refused.size()));
        checkLines(plain, true, file);
        exportAll(run);
        if (run.lastExport != before)
            fail(QStringLiteral("%1: a refused import changed the store").arg(file));
        // --skip-invalid takes the others, naming the same entries.
        window.fromMs = QDateTime::currentMSecsSinceEpoch();
        const PunctualctlResult skipping = ctl(run.db, {QStringLiteral("import"), QStringLiteral("--skip-invalid"), file});
        window.toMs = QDateTime::currentMSecsSinceEpoch();
        if (skipping.exitCode != 0)
            fail(QStringLiteral("%1 --skip-invalid: exit %2: %3").arg(file).arg(skipping.exitCode).arg(skipping.err));
        checkLines(skipping, false, file + QStringLiteral(" --skip-invalid"));
    }
    // The import added exactly the valid entries.
    QSet<QString> expectedIds;
    for (const JobCandidate *candidate : batch) {
        if (!candidate->accepted)
            continue;
        const QString id = candidate->expected.value(QStringLiteral("id")).toString();
        expectedIds.insert(id);
        run.stored.insert(id, {candidate, window});
    }
    const QHash<QString, QJsonObject> after = byId(exportAll(run));
    const QSet<QString> added = QSet<QString>(after.keyBegin(), after.keyEnd()) - idsBefore;
    if (added != expectedIds)
        fail(QStringLiteral("%1: %2 jobs added, %3 entries are valid (%4 not added, %5 not expected)")
                 .arg(file)
                 .arg(added.size())
                 .arg(expectedIds.size())
                 .arg(QStringList((expectedIds - added).values()).join(QStringLiteral(", ")),
                      QStringList((added - expectedIds).values()).join(QStringLiteral(", "))));
}

void TestJobJsonProperty::importAll(Run &run)
{
    // Alone: documents without an id (found by the ids the export gains), every twelfth of the others, so that a
    // refusal of a single document is seen as the user sees it. The rest in batches.
    QList<const JobCandidate *> alone;
    QList<const JobCandidate *> batched;
    for (const JobCandidate &candidate : std::as_const(run.candidates)) {
        if (candidate.idGenerated || !candidate.document.isObject() || candidate.serial % 12 == 0)
            alone.append(&candidate);
        else
            batched.append(&candidate);
    }
    // The refused ones first: nothing they do may change the store, so every few of them the export must still be
    // the one from before them all.
    std::stable_partition(alone.begin(), alone.end(), [](const JobCandidate *c) { return !c->accepted; });
    const PunctualctlResult created = ctl(run.db, {QStringLiteral("import"), writeFile({})}); // an empty store
    if (created.exitCode != 0)
        fail(QStringLiteral("importing no jobs: exit %1: %2").arg(created.exitCode).arg(created.err));
    exportAll(run);
    const QString beforeRefused = run.lastExport;
    for (qsizetype i = 0; i < alone.size(); ++i) {
        importAlone(run, *alone.at(i));
        const bool lastRefused = !alone.at(i)->accepted && (i + 1 == alone.size() || alone.at(i + 1)->accepted);
        if (!alone.at(i)->accepted && (i % 8 == 7 || lastRefused)) {
            exportAll(run);
            if (run.lastExport != beforeRefused)
                fail(QStringLiteral("a refused import changed the store (one of the documents before #%1)")
                         .arg(alone.at(i)->serial), alone.at(i));
        }
    }
    for (qsizetype i = 0; i < batched.size(); i += batchSize)
        importBatch(run, batched.mid(i, batchSize));
}

void TestJobJsonProperty::checkStored(Run &run)
{
    const QJsonArray exported = exportAll(run);
    const QHash<QString, QJsonObject> exportedById = byId(exported);
    if (exported.size() != exportedById.size())
        fail(QStringLiteral("the export names an id twice"));
    int accepted = 0;
    for (const JobCandidate &candidate : std::as_const(run.candidates))
        accepted += candidate.accepted ? 1 : 0;
    if (exportedById.size() != accepted)
        fail(QStringLiteral("%1 jobs stored, %2 documents are valid").arg(exportedById.size()).arg(accepted));
    for (auto it = exportedById.cbegin(); it != exportedById.cend(); ++it) {
        const auto found = run.stored.constFind(it.key());
        if (found == run.stored.cend()) {
            fail(QStringLiteral("stored but not from a valid document: %1").arg(compact(it.value())));
            continue;
        }
        const JobCandidate &candidate = *found->candidate;
        QJsonObject job = it.value();
        if (const QString problem = checkInformational(job, candidate.paused); !problem.isEmpty())
            fail(QStringLiteral("job %1: %2").arg(it.key(), problem), &candidate);
        if (const QString problem = difference(candidate.expected, job, QStringLiteral("job"), it.key(), found->window);
            !problem.isEmpty())
            fail(QStringLiteral("export of job %1 differs: %2\n    exported: %3").arg(it.key(), problem, compact(job)),
                 &candidate);
    }

    // list --json and show ID --json give the same jobs.
    const PunctualctlResult list = ctl(run.db, {QStringLiteral("list"), QStringLiteral("--json")});
    const QHash<QString, QJsonObject> listed = byId(jsontext::parse(list.out.toUtf8()).array());
    if (list.exitCode != 0 || listed != exportedById)
        fail(QStringLiteral("list --json (exit %1) differs from export").arg(list.exitCode));
    int shown = 0;
    for (auto it = exportedById.cbegin(); it != exportedById.cend(); ++it) {
        // A sample: each id's own process is the costly part of the suite.
        const JobCandidate *candidate = run.stored.value(it.key()).candidate;
        if (!candidate || candidate->serial % 10 != 0)
            continue;
        ++shown;
        const PunctualctlResult show = ctl(run.db, {QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("--"), it.key()});
        const QJsonObject job = jsontext::parse(show.out.toUtf8()).object();
        if (show.exitCode != 0 || job != it.value())
            fail(QStringLiteral("show %1 --json (exit %2, %3) differs from export: %4")
                     .arg(it.key()).arg(show.exitCode).arg(show.err.trimmed(), show.out),
                 candidate);
    }
    qInfo("%lld jobs stored and compared, %d shown one by one", qlonglong(exportedById.size()), shown);
}

void TestJobJsonProperty::checkReimport(Run &run)
{
    // The export, imported into a new store, exports the same jobs (next run times aside: they are computed anew).
    const QString file = m_dir->filePath(QStringLiteral("reimport-%1.json").arg(++m_files));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(run.lastExport.toUtf8());
    out.close();
    const QString db = m_dir->filePath(QStringLiteral("reimport-%1.db").arg(m_files));
    const PunctualctlResult imported = ctl(db, {QStringLiteral("import"), file});
    if (imported.exitCode != 0)
        fail(QStringLiteral("the export does not import again: exit %1: %2").arg(imported.exitCode).arg(imported.err.left(2000)));
    const PunctualctlResult again = ctl(db, {QStringLiteral("export")});
    auto withoutNextRun = [](const QString &text) {
        QHash<QString, QJsonObject> jobs = byId(jsontext::parse(text.toUtf8()).array());
        for (QJsonObject &job : jobs) {
            job.remove(QStringLiteral("next_run_time"));
            job.remove(QStringLiteral("state"));
        }
        return jobs;
    };
    const QHash<QString, QJsonObject> first = withoutNextRun(run.lastExport);
    const QHash<QString, QJsonObject> second = withoutNextRun(again.out);
    if (first.size() != second.size())
        fail(QStringLiteral("re-import: %1 jobs exported, %2 after importing them again").arg(first.size()).arg(second.size()));
    for (auto it = first.cbegin(); it != first.cend(); ++it) {
        if (second.value(it.key()) != it.value())
            fail(QStringLiteral("job %1 changes when its export is imported again:\n    first:  %2\n    second: %3")
                     .arg(it.key(), compact(it.value()), compact(second.value(it.key()))),
                 run.stored.value(it.key()).candidate);
    }
}

void TestJobJsonProperty::init()
{
    m_failures.clear();
    m_failureCount = 0;
}

void TestJobJsonProperty::directToTheStore()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Run run;
    run.db = m_dir->filePath(QStringLiteral("direct.db"));
    run.candidates = generate(m_count, false, 0);
    int accepted = 0;
    for (const JobCandidate &candidate : std::as_const(run.candidates))
        accepted += candidate.accepted ? 1 : 0;
    qInfo("%d documents: %d valid, %d invalid", m_count, accepted, m_count - accepted);
    importAll(run);
    checkStored(run);
    checkReimport(run);
    reportFailures();
}

void TestJobJsonProperty::throughARunningInstance()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Run run;
    run.db = m_dir->filePath(QStringLiteral("instance.db"));
    // Nothing fires while the test runs: a job that could is paused (the instance would run it).
    run.candidates = generate(std::max(50, m_count / 6), true, 100000);

    m_instance = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TZ"), QString::fromLatin1(systemZone));
    m_instance->setProcessEnvironment(environment);
    m_instance->setProcessChannelMode(QProcess::ForwardedOutputChannel);
    m_instance->start(QStringLiteral(PUNCTUALCTL_PATH), {QStringLiteral("--db"), run.db, QStringLiteral("run")});
    QVERIFY(m_instance->waitForStarted());
    QString log;
    QTRY_VERIFY_WITH_TIMEOUT((log += QString::fromUtf8(m_instance->readAllStandardError())).contains("scheduler running on"),
                             15000);
    // The lock decides: with the instance up, every command goes through it. Seen once here.
    const PunctualctlResult ping = ctl(run.db, {QStringLiteral("list")}, true);
    QVERIFY2(ping.err.contains(QStringLiteral("talking to the Punctual instance (pid %1)").arg(m_instance->processId())),
             qPrintable(ping.err));

    importAll(run);
    checkStored(run);
    const QString viaInstance = run.lastExport;
    checkReimport(run);

    // What the instance served (its wire form) is what the store holds.
    m_instance->terminate();
    QVERIFY(m_instance->waitForFinished(15000));
    m_instance.reset();
    const PunctualctlResult direct = ctl(run.db, {QStringLiteral("export")});
    QCOMPARE(direct.exitCode, 0);
    if (direct.out != viaInstance)
        fail(QStringLiteral("the instance's export differs from the store's"));
    reportFailures();
}

QTEST_GUILESS_MAIN(TestJobJsonProperty)
#include "testjobjsonproperty.moc"
