// Job file export and import: the JSON array form, per-entry validation, conflict planning.
#include "jobfile.h"

#include "scheduler/dueplanner.h"
#include "time/duration.h"
#include "time/isotime.h"
#include "triggers/intervaltrigger.h"
#include "util/jsontext.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace punctual {

namespace {

class JobFileText
{
    Q_DECLARE_TR_FUNCTIONS(JobFile)
};

Error ioError(const QString &message)
{
    return {ErrorCode::Io, message};
}

// 1-based line and column of a byte offset, for a JSON syntax error a person can find.
QString positionOf(const QByteArray &bytes, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    const qsizetype lineStart = bytes.lastIndexOf('\n', offset - 1) + 1;
    const qsizetype line = bytes.left(offset).count('\n') + 1;
    return JobFileText::tr("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

/// @p json (a job's JSON) with an interval trigger's missing start filled in as "from now" (@p nowMs).
QJsonObject withIntervalStart(QJsonObject json, std::int64_t nowMs)
{
    // A job file written by hand may leave an interval's start out; it means "from now", as for `add --every`
    // (APScheduler's rule: the first run one interval after now). The stored form always has a start.
    QJsonObject trigger = json.value(QStringLiteral("trigger")).toObject();
    const QJsonValue start = trigger.value(QStringLiteral("start"));
    if (!(start.isUndefined() || start.isNull())
        || trigger.value(QStringLiteral("type")).toString() != QLatin1String("interval"))
        return json;
    const auto intervalMs =
        durationFromSeconds(trigger.value(QStringLiteral("interval_seconds")).toDouble(0), QString(), false);
    if (!intervalMs)
        return json; // the trigger's own reading says what is wrong
    const auto first = IntervalTrigger::startingAfter(intervalMs.value(), nowMs);
    trigger.insert(QStringLiteral("start"), formatIso(first->startMs(), *ZoneRules::forZone("UTC")));
    json.insert(QStringLiteral("trigger"), trigger);
    return json;
}

// The keys of the job file format (docs/import-export.md): what export writes. Others are refused, not ignored: a
// misspelt option ("max_instance") would otherwise be dropped without a word.
const QSet<QString> &jobKeys()
{
    static const QSet<QString> keys{
        QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("trigger"), QStringLiteral("action"),
        QStringLiteral("paused"), QStringLiteral("state"), QStringLiteral("next_run_time"),
        QStringLiteral("max_instances"), QStringLiteral("coalesce"), QStringLiteral("misfire_grace_time"),
        QStringLiteral("timeout"), QStringLiteral("max_retries"), QStringLiteral("retry_delay"),
        QStringLiteral("retry_backoff"), QStringLiteral("retry_delay_max"), QStringLiteral("remove_when_done"),
        QStringLiteral("recover"), QStringLiteral("overlap"), QStringLiteral("queue_limit"), QStringLiteral("chains"),
        QStringLiteral("pause_after_failures"), QStringLiteral("pause_note"),
        QStringLiteral("exclude"), QStringLiteral("events"),
        QStringLiteral("requires"), QStringLiteral("require_deadline"), QStringLiteral("stop_if_lost")};
    return keys;
}

/// The keys of a trigger of @p type ("": only the shared ones).
const QSet<QString> &triggerKeys(const QString &type)
{
    static const QHash<QString, QSet<QString>> keys = [] {
        const QSet<QString> shared{QStringLiteral("type"), QStringLiteral("version"), QStringLiteral("timezone"),
                                   QStringLiteral("jitter"), QStringLiteral("description")};
        const QSet<QString> startEnd{QStringLiteral("start"), QStringLiteral("end")};
        return QHash<QString, QSet<QString>>{
            {QString(), shared},
            {QStringLiteral("date"), shared + QSet<QString>{QStringLiteral("run_date")}},
            {QStringLiteral("interval"), shared + startEnd + QSet<QString>{QStringLiteral("interval_seconds")}},
            {QStringLiteral("cron"), shared + startEnd + QSet<QString>{QStringLiteral("expression"), QStringLiteral("dst")}},
            {QStringLiteral("calendar"), shared + QSet<QString>{QStringLiteral("unit"), QStringLiteral("every"),
                                                                QStringLiteral("anchor"), QStringLiteral("time"),
                                                                QStringLiteral("end")}}};
    }();
    const auto found = keys.constFind(type);
    return found != keys.cend() ? *found : *keys.constFind(QString());
}

/// The keys of an action of @p type ("": only "type").
const QSet<QString> &actionKeys(const QString &type)
{
    static const QHash<QString, QSet<QString>> keys{
        {QString(), {QStringLiteral("type")}},
        {QStringLiteral("command"),
         {QStringLiteral("type"), QStringLiteral("program"), QStringLiteral("arguments"),
          QStringLiteral("working_directory"), QStringLiteral("environment"), QStringLiteral("shell"),
          QStringLiteral("output_cap_bytes")}},
        {QStringLiteral("function"), {QStringLiteral("type"), QStringLiteral("name"), QStringLiteral("arguments")}},
        {QStringLiteral("sql"),
         {QStringLiteral("type"), QStringLiteral("connection"), QStringLiteral("statements"),
          QStringLiteral("statement_timeout")}},
        {QStringLiteral("http"),
         {QStringLiteral("type"), QStringLiteral("urls"), QStringLiteral("method"), QStringLiteral("body"),
          QStringLiteral("content_type"), QStringLiteral("headers"), QStringLiteral("concurrency"),
          QStringLiteral("request_timeout"), QStringLiteral("follow_redirects"), QStringLiteral("fail_on_http_error")}}};
    const auto found = keys.constFind(type);
    return found != keys.cend() ? *found : *keys.constFind(QString());
}

const QSet<QString> &connectionKeys()
{
    static const QSet<QString> keys{QStringLiteral("name"),     QStringLiteral("driver"),  QStringLiteral("host"),
                                    QStringLiteral("port"),     QStringLiteral("database"), QStringLiteral("user"),
                                    QStringLiteral("options"),  QStringLiteral("password"),
                                    QStringLiteral("password_variable")};
    return keys;
}

/// The first key of @p json not in @p keys, with @p prefix ("trigger."); none when all are known.
std::optional<QString> unknownKeyIn(const QJsonObject &json, const QSet<QString> &keys, const QString &prefix)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!keys.contains(it.key()))
            return prefix + it.key();
    }
    return std::nullopt;
}

/// The first key of a job's JSON (read without error already) that the job file format does not have.
std::optional<QString> unknownKey(const QJsonObject &job)
{
    const QJsonObject trigger = job.value(QStringLiteral("trigger")).toObject();
    const QJsonObject action = job.value(QStringLiteral("action")).toObject();
    const QString actionType = action.value(QStringLiteral("type")).toString();
    if (auto key = unknownKeyIn(job, jobKeys(), {}))
        return key;
    if (auto key = unknownKeyIn(trigger, triggerKeys(trigger.value(QStringLiteral("type")).toString()),
                                QStringLiteral("trigger.")))
        return key;
    if (auto key = unknownKeyIn(action, actionKeys(actionType), QStringLiteral("action.")))
        return key;
    if (actionType == QLatin1String("sql"))
        return unknownKeyIn(action.value(QStringLiteral("connection")).toObject(), connectionKeys(),
                            QStringLiteral("action.connection."));
    return std::nullopt;
}

/// @p text on one line: line breaks and other control characters (from a value quoted in a message) escaped.
QString oneLine(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0x20 && !(c >= 0x7F && c < 0xA0) && c != 0x2028 && c != 0x2029)
            continue;
        const QString escaped = c == '\n' ? QStringLiteral("\\n")
            : c == '\r'                   ? QStringLiteral("\\r")
            : c == '\t'                   ? QStringLiteral("\\t")
                                          : QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        text.replace(i, 1, escaped);
        i += escaped.size() - 1;
    }
    return text;
}

/// One entry of a job file read on its own: its job, or why it cannot be taken.
struct EntryOutcome
{
    std::optional<Job> job;
    QString problem;     ///< without a job: why not
    QString planProblem; ///< with a job: why the scheduler would refuse it (told after an id used twice)
};

/// Reads entry @p value: the checks that need no other entry (those that do are made in file order after).
EntryOutcome readEntry(const QJsonValue &value, std::int64_t nowMs, QRandomGenerator &random)
{
    if (!value.isObject())
        return {std::nullopt, JobFileText::tr("not a job object"), {}};
    const QJsonObject json = value.toObject();
    auto job = Job::fromJson(withIntervalStart(json, nowMs), false);
    if (!job)
        return {std::nullopt, job.error().message, {}};
    if (const auto key = unknownKey(json))
        return {std::nullopt, JobFileText::tr("job \"%1\": unknown key \"%2\"").arg(job->id, *key), {}};
    // The scheduler's own rule for a new job (a one-off time just passed runs within its grace time; a first run
    // time past year 9999 cannot be stored): the add must not fail after the file was found good.
    if (auto planned = planNewJob(job.value(), nowMs, random); !planned)
        return {std::move(job).value(), QString(),
                JobFileText::tr("job \"%1\": %2").arg(job->id, planned.error().message)};
    return {std::move(job).value(), QString(), QString()};
}

// Below these a file is read on one thread.
constexpr qsizetype parallelMinimumBytes = 256 * 1024;
constexpr qsizetype parallelMinimumJobs = 1024;
// Qt's parser refuses deeper nesting; an entry is one level less deep alone, so the split leaves such files to it.
constexpr int deepestSplit = 512;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Whether @p c is one of the characters the split looks at: a quote or a bracket.
bool isStructural(char c)
{
    static constexpr auto table = [] {
        std::array<bool, 256> marks{};
        for (const unsigned char mark : {'"', '{', '}', '[', ']'})
            marks[mark] = true;
        return marks;
    }();
    return table[static_cast<unsigned char>(c)];
}

/**
 * The byte ranges of the objects of a JSON array that is the whole of @p bytes, found by matching brackets outside
 * strings (no values read). None when the text is anything else or the scan is not sure: a byte order mark, an
 * entry that is not an object, text after the array, deep nesting. A range may still hold bad JSON (the parse of
 * the entry finds it).
 */
std::optional<std::vector<QByteArrayView>> arrayElements(const QByteArray &bytes)
{
    const char *const data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    const auto skipSpace = [&] {
        while (i < size && isJsonSpace(data[i]))
            ++i;
    };
    skipSpace();
    if (i >= size || data[i] != '[')
        return std::nullopt;
    ++i;
    std::vector<QByteArrayView> elements;
    skipSpace();
    if (i < size && data[i] == ']') {
        ++i;
    } else {
        for (;;) {
            skipSpace();
            if (i >= size || data[i] != '{')
                return std::nullopt;
            const qsizetype start = i;
            int depth = 0;
            for (; i < size; ++i) {
                const char c = data[i];
                if (!isStructural(c))
                    continue;
                if (c == '"') {
                    // To the closing quote: one not preceded by an odd number of backslashes. memchr, as this scan
                    // runs on one thread before the entries are read on all.
                    for (;;) {
                        const void *quote = std::memchr(data + i + 1, '"', static_cast<std::size_t>(size - i - 1));
                        if (!quote)
                            return std::nullopt;
                        i = static_cast<const char *>(quote) - data;
                        qsizetype backslashes = 0;
                        while (data[i - 1 - backslashes] == '\\')
                            ++backslashes;
                        if (backslashes % 2 == 0)
                            break;
                    }
                } else if (c == '{' || c == '[') {
                    if (++depth > deepestSplit)
                        return std::nullopt;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0)
                        break;
                }
            }
            if (i >= size)
                return std::nullopt;
            ++i;
            elements.emplace_back(data + start, i - start);
            skipSpace();
            if (i < size && data[i] == ',') {
                ++i;
                continue;
            }
            if (i < size && data[i] == ']') {
                ++i;
                break;
            }
            return std::nullopt;
        }
    }
    skipSpace();
    if (i != size)
        return std::nullopt;
    return elements;
}

/**
 * Reads @p elements (arrayElements()) into @p outcomes on up to 4 threads, each a contiguous share. False when an
 * entry is not valid JSON: the caller then parses the whole text, whose error says where.
 */
bool readEntriesInParallel(const std::vector<QByteArrayView> &elements, std::int64_t nowMs,
                           std::vector<EntryOutcome> &outcomes)
{
    outcomes.assign(elements.size(), EntryOutcome{});
    std::atomic<bool> syntaxError{false};
    const auto readShare = [&](std::size_t begin, std::size_t end) {
        QRandomGenerator random(1); // planNewJob's jitter: only whether the job runs at all matters here
        for (std::size_t i = begin; i < end && !syntaxError.load(std::memory_order_relaxed); ++i) {
            const QByteArrayView element = elements[i];
            QJsonParseError parseError;
            const QJsonDocument document =
                jsontext::parse(QByteArray::fromRawData(element.data(), element.size()), &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                syntaxError.store(true, std::memory_order_relaxed);
                return;
            }
            outcomes[i] = readEntry(QJsonValue(document.object()), nowMs, random);
        }
    };
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    const std::size_t share = (elements.size() + threads - 1) / threads;
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t) {
        const std::size_t begin = std::min(elements.size(), t * share);
        const std::size_t end = std::min(elements.size(), begin + share);
        try {
            helpers.emplace_back(readShare, begin, end);
        } catch (const std::system_error &) {
            readShare(begin, end); // no thread to be had: read here
        }
    }
    readShare(0, std::min(elements.size(), share));
    for (std::thread &helper : helpers)
        helper.join();
    return !syntaxError.load();
}

} // namespace

QByteArray JobFile::toJson(const QList<Job> &jobs)
{
    QJsonArray array;
    for (const Job &job : jobs)
        array.append(job.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

Result<void> JobFile::write(const QString &path, const QList<Job> &jobs)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(JobFileText::tr("cannot write %1: %2").arg(path, file.errorString()));
    // Every step checked: QSaveFile buffers, so a full disk may only show at flush(); the old file stays until a
    // complete new one is committed.
    const QByteArray bytes = toJson(jobs);
    errno = 0;
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        // The system's reason (QSaveFile may only say "Unknown error" after a failed flush).
        const QString reason = errno != 0 ? qt_error_string(errno) : file.errorString();
        file.cancelWriting();
        file.commit(); // removes the temporary file; the old one is left as it was
        return ioError(JobFileText::tr("cannot write %1: %2").arg(path, reason));
    }
    if (!file.commit())
        return ioError(JobFileText::tr("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<ImportContents> JobFile::parse(const QByteArray &bytes, std::int64_t nowMs)
{
    ImportContents contents;
    std::vector<EntryOutcome> outcomes;
    // A large job file (an export) is read on every core: its entries split without parsing, each parsed alone.
    // Anything the split is not sure of, and every syntax error, goes to the whole-document parse below.
    bool read = false;
    if (bytes.size() >= parallelMinimumBytes) {
        if (auto elements = arrayElements(bytes); elements && elements->size() >= parallelMinimumJobs)
            read = readEntriesInParallel(*elements, nowMs, outcomes);
    }
    if (!read) {
        QJsonParseError parseError;
        const QJsonDocument document = jsontext::parse(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return invalidInput(JobFileText::tr("not a job file: %1 at %2")
                                    .arg(parseError.errorString(), positionOf(bytes, parseError.offset)));
        QJsonArray array;
        if (document.isArray()) {
            array = document.array();
        } else if (document.isObject() && document.object().value(QStringLiteral("jobs")).isArray()) {
            array = document.object().value(QStringLiteral("jobs")).toArray();
            contents.title = document.object().value(QStringLiteral("title")).toString();
        } else {
            return invalidInput(JobFileText::tr("not a job file: expected a JSON array of jobs or an object with a "
                                                "\"jobs\" array"));
        }
        outcomes.resize(static_cast<std::size_t>(array.size()));
        QRandomGenerator random(1);
        for (qsizetype i = 0; i < array.size(); ++i)
            outcomes[static_cast<std::size_t>(i)] = readEntry(array.at(i), nowMs, random);
    }

    // In file order: the checks that depend on the entries before (an id used twice).
    contents.jobs.reserve(static_cast<qsizetype>(outcomes.size()));
    contents.origins.reserve(static_cast<qsizetype>(outcomes.size()));
    QHash<QString, qsizetype> seen; // id -> index of its first entry
    seen.reserve(static_cast<qsizetype>(outcomes.size()));
    for (qsizetype i = 0; i < static_cast<qsizetype>(outcomes.size()); ++i) {
        EntryOutcome &outcome = outcomes[static_cast<std::size_t>(i)];
        // Cheaper than arg(): one per job of a large import.
        QString where = QLatin1String("jobs[") + QString::number(i) + QLatin1Char(']');
        if (!outcome.job) {
            // Messages quote what the file holds (a zone, an expression): each problem is still one line.
            contents.problems.append({std::move(where), oneLine(outcome.problem)});
            continue;
        }
        Job &job = *outcome.job;
        if (const auto first = seen.constFind(job.id); first != seen.constEnd()) {
            contents.problems.append(
                {std::move(where),
                 oneLine(JobFileText::tr("the id \"%1\" is used by jobs[%2] already").arg(job.id).arg(*first))});
            continue;
        }
        if (!outcome.planProblem.isEmpty()) {
            contents.problems.append({std::move(where), oneLine(outcome.planProblem)});
            continue;
        }
        seen.insert(job.id, i);
        contents.jobs.append(std::move(job));
        contents.origins.append(std::move(where));
    }
    if (contents.title.isEmpty() && !contents.jobs.isEmpty())
        contents.title = contents.jobs.constFirst().name;
    return contents;
}

Result<ImportContents> JobFile::read(const QString &path, std::int64_t nowMs)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(JobFileText::tr("cannot read %1: %2").arg(path, file.errorString()));
    auto contents = parse(file.readAll(), nowMs);
    if (!contents)
        return Error{contents.error().code, QStringLiteral("%1: %2").arg(path, contents.error().message)};
    return contents;
}

ImportPlan planImport(QList<Job> jobs, const QSet<QString> &existingIds, ConflictPolicy policy)
{
    ImportPlan plan;
    plan.jobs.reserve(jobs.size());
    for (Job &job : jobs) {
        if (!existingIds.contains(job.id)) {
            plan.jobs.append(std::move(job));
            continue;
        }
        switch (policy) {
        case ConflictPolicy::Fail:
        case ConflictPolicy::Skip:
            plan.conflicts.append(job.id);
            break;
        case ConflictPolicy::Replace:
            plan.replaced.append(job.id);
            plan.jobs.append(std::move(job));
            break;
        }
    }
    return plan;
}

Error conflictError(const QStringList &conflicts)
{
    constexpr int shown = 5;
    QStringList quoted;
    for (const QString &id : conflicts.mid(0, shown))
        quoted.append(QLatin1Char('"') + id + QLatin1Char('"'));
    QString list = quoted.join(QStringLiteral(", "));
    if (conflicts.size() > shown)
        list += JobFileText::tr(" and %n more", nullptr, int(conflicts.size() - shown));
    return {ErrorCode::Conflict,
            JobFileText::tr("%n job id(s) already exist: %1", nullptr,
                            int(conflicts.size()))
                .arg(list)};
}

} // namespace punctual
