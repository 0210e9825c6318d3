// Job file export and import: the JSON array form, per-entry validation, conflict planning.
#include "jobfile.h"

#include "time/duration.h"
#include "time/isotime.h"
#include "triggers/datetrigger.h"
#include "triggers/intervaltrigger.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <cerrno>

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
    if (trigger.value(QStringLiteral("type")).toString() != QLatin1String("interval")
        || !(start.isUndefined() || start.isNull()))
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

bool runsAfter(const Job &job, std::int64_t nowMs)
{
    if (job.paused || !job.trigger)
        return true;
    if (const auto *date = dynamic_cast<const DateTrigger *>(job.trigger.get())) {
        // As Scheduler::firstRunTime(): a one-off time just passed still runs within the grace time.
        const std::int64_t late = nowMs - date->runAtMs();
        if (late >= 0 && (!job.options.misfireGraceMs || late <= *job.options.misfireGraceMs))
            return true;
    }
    return job.trigger->nextFireTime(nowMs).has_value();
}

Result<ImportContents> JobFile::parse(const QByteArray &bytes, std::int64_t nowMs)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidInput(JobFileText::tr("not a job file: %1 at %2")
                                .arg(parseError.errorString(), positionOf(bytes, parseError.offset)));
    ImportContents contents;
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

    contents.jobs.reserve(array.size());
    QHash<QString, qsizetype> seen; // id -> index of its first entry
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("jobs[%1]").arg(i);
        const QJsonValue value = array.at(i);
        if (!value.isObject()) {
            contents.problems.append({where, JobFileText::tr("not a job object")});
            continue;
        }
        auto job = Job::fromJson(withIntervalStart(value.toObject(), nowMs), false);
        if (!job) {
            contents.problems.append({where, job.error().message});
            continue;
        }
        if (const auto first = seen.constFind(job->id); first != seen.constEnd()) {
            contents.problems.append(
                {where, JobFileText::tr("the id \"%1\" is used by jobs[%2] already").arg(job->id).arg(*first)});
            continue;
        }
        if (!runsAfter(job.value(), nowMs)) {
            contents.problems.append({where, JobFileText::tr("job \"%1\": \"%2\" never fires after now")
                                                 .arg(job->id, job->trigger->description())});
            continue;
        }
        seen.insert(job->id, i);
        contents.jobs.append(std::move(job).value());
        contents.origins.append(where);
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
