// Rows of the jobs table to jobs and back.
#include "jobrowcodec.h"

#include "store/sqlitestatement.h"
#include "store/sqlsession.h"
#include "store/sqlvalues.h"
#include "time/isotime.h"
#include "triggers/intervaltrigger.h"
#include "util/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace punctual {

using namespace sqlschema;
using namespace sqlstore;

namespace {

QString jsonText(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

Result<std::shared_ptr<const Trigger>> parseTrigger(const QJsonObject &json)
{
    auto trigger = Trigger::fromJson(json);
    if (!trigger)
        return trigger.error();
    return std::shared_ptr<const Trigger>(std::move(trigger).value());
}

/// A zone id that stands in JSON as it is (no character to escape): every id of the time zone database.
bool isPlainZoneId(const QByteArray &id)
{
    return std::all_of(id.cbegin(), id.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '_'
            || c == '-' || c == '+' || c == '.';
    });
}

/// An error reading column @p column: "trigger: ..."
Error columnError(int column, const Error &error)
{
    return invalidInput(QStringLiteral("%1: %2").arg(jobColumns[column], error.message));
}

} // namespace

Result<QJsonObject> jsonObjectOf(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = jsontext::parse(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidInput(parseError.errorString());
    if (!document.isObject())
        return invalidInput(SqlStoreText::tr("not a JSON object"));
    return document.object();
}

template <typename Query>
Result<Job> JobRowCodec::read(const Query &query)
{
    Job job;
    job.id = query.value(jobcol::Id).toString();
    job.name = query.value(jobcol::Name).toString();
    const JobTexts texts{query.value(jobcol::Trigger).toString(), query.value(jobcol::Action).toString(),
                         query.value(jobcol::Options).toString()};
    if (auto ok = parseParts(texts, job); !ok)
        return ok.error();
    job.paused = query.value(jobcol::Paused).toLongLong() != 0;
    job.nextRunTime = optionalInt(query.value(jobcol::NextRunTime));
    job.createdAt = query.value(jobcol::CreatedAt).toLongLong();
    job.pauseNote = query.value(jobcol::PauseNote).toString();
    return job;
}

Result<Job> JobRowCodec::parse(const JobSummary &summary)
{
    Job job;
    job.id = summary.id;
    job.name = summary.name;
    if (auto ok = parseParts(summary.texts, job); !ok)
        return ok.error();
    job.paused = summary.paused;
    job.nextRunTime = summary.nextRunTime;
    job.createdAt = summary.createdAt;
    job.pauseNote = summary.pauseNote;
    return job;
}

JobSummary JobRowCodec::readSummary(const QSqlQuery &query)
{
    JobSummary summary;
    summary.id = query.value(jobcol::Id).toString();
    summary.name = query.value(jobcol::Name).toString();
    summary.texts.trigger = shared(query.value(jobcol::Trigger).toString());
    summary.texts.action = shared(query.value(jobcol::Action).toString());
    summary.texts.options = shared(query.value(jobcol::Options).toString());
    summary.paused = query.value(jobcol::Paused).toLongLong() != 0;
    summary.nextRunTime = optionalInt(query.value(jobcol::NextRunTime));
    summary.createdAt = query.value(jobcol::CreatedAt).toLongLong();
    summary.pauseNote = query.value(jobcol::PauseNote).toString();
    return summary;
}

Result<void> JobRowCodec::parseParts(const JobTexts &texts, Job &job)
{
    if (auto ok = m_triggers.get(texts.trigger, job.trigger, parseTrigger); !ok)
        return columnError(jobcol::Trigger, ok.error());
    if (auto ok = m_actions.get(texts.action, job.action, actionFromJson); !ok)
        return columnError(jobcol::Action, ok.error());
    if (auto ok = m_options.get(texts.options, job.options, JobOptions::fromJson); !ok)
        return columnError(jobcol::Options, ok.error());
    return {};
}

const QString &JobRowCodec::shared(QString text)
{
    // 100,000 jobs often share a few schedules, commands and option sets: one string each, not one per row.
    return *m_sharedTexts.insert(std::move(text));
}

bool JobRowCodec::full() const
{
    return m_triggers.full() || m_actions.full() || m_options.full();
}

void JobRowCodec::forgetParsed()
{
    m_triggers = {};
    m_actions = {};
    m_options = {};
}

const QString &JobRowCodec::secondsText(std::int64_t ms)
{
    // Qt's own number text (QJsonDocument's), made once per distinct value: the text must stay what it wrote.
    if (const auto known = m_secondsTexts.constFind(ms); known != m_secondsTexts.cend())
        return *known;
    if (m_secondsTexts.size() >= 256)
        m_secondsTexts.clear();
    const QByteArray array =
        QJsonDocument(QJsonArray{static_cast<double>(ms) / 1000.0}).toJson(QJsonDocument::Compact);
    return *m_secondsTexts.insert(ms, QString::fromLatin1(array.mid(1, array.size() - 2)));
}

std::optional<QString> JobRowCodec::intervalText(const Trigger &trigger)
{
    // An import's triggers are nearly all intervals: their text written directly, as jsonText(toJson()) writes it
    // (QJsonObject's keys in sorted order), at a fraction of the cost. Others, and jitter, take the general way.
    const auto *interval = dynamic_cast<const IntervalTrigger *>(&trigger);
    if (!interval || interval->jitterMs() != 0 || !isPlainZoneId(trigger.zone().id()))
        return std::nullopt;
    static_assert(Trigger::jsonVersion == 1, "the text below writes version 1");
    QString text;
    text.reserve(128);
    if (const auto end = interval->endMs()) {
        text += QLatin1String("{\"end\":\"");
        text += formatIso(*end, trigger.zone());
        text += QLatin1String("\",\"interval_seconds\":");
    } else {
        text += QLatin1String("{\"interval_seconds\":");
    }
    text += secondsText(interval->intervalMs());
    text += QLatin1String(",\"start\":\"");
    text += formatIso(interval->startMs(), trigger.zone());
    text += QLatin1String("\",\"timezone\":\"");
    text += QLatin1String(trigger.zone().id());
    text += QLatin1String("\",\"type\":\"interval\",\"version\":1}");
    return text;
}

const JobTexts &JobRowCodec::texts(const Job &job)
{
    // Triggers are immutable once shared, so the same object always has the same JSON.
    if (job.trigger != m_lastTrigger) {
        std::optional<QString> interval = job.trigger ? intervalText(*job.trigger) : std::nullopt;
        m_texts.trigger = interval ? std::move(*interval)
            : job.trigger          ? jsonText(job.trigger->toJson())
                                   : QString();
        m_lastTrigger = job.trigger;
    }
    if (!m_lastAction || !(*m_lastAction == job.action)) {
        m_texts.action = jsonText(actionToJson(job.action));
        m_lastAction = job.action;
    }
    if (!m_lastOptions || !(*m_lastOptions == job.options)) {
        QJsonObject json;
        job.options.writeJson(json);
        m_texts.options = jsonText(json);
        m_lastOptions = job.options;
    }
    return m_texts;
}

template <typename Query>
void JobRowCodec::bind(Query &query, const Job &job, const JobTexts &texts, std::int64_t updatedAt)
{
    query.bindValue(jobParam(jobcol::Id), job.id);
    query.bindValue(jobParam(jobcol::Name), textValue(job.name));
    query.bindValue(jobParam(jobcol::Trigger), texts.trigger);
    query.bindValue(jobParam(jobcol::Action), texts.action);
    query.bindValue(jobParam(jobcol::Options), texts.options);
    query.bindValue(jobParam(jobcol::Paused), job.paused ? 1 : 0);
    query.bindValue(jobParam(jobcol::NextRunTime), optionalValue(job.nextRunTime));
    query.bindValue(jobParam(jobcol::CreatedAt), static_cast<qlonglong>(job.createdAt));
    query.bindValue(jobParam(jobcol::PauseNote), textValue(job.pauseNote));
    // Bookkeeping for people reading the database; the scheduler never reads it back.
    query.bindValue(jobParam(jobcol::UpdatedAt), static_cast<qlonglong>(updatedAt));
    query.bindValue(featuresParam, featuresOf(job));
}

int JobRowCodec::featuresOf(const Job &job)
{
    return (job.options.events.any() ? JobFeature::Events : 0)
        | (!job.options.conditions.isEmpty() ? JobFeature::Conditions : 0)
        | (!passwordVariableOf(job.action).isEmpty() ? JobFeature::PasswordVariable : 0);
}

template Result<Job> JobRowCodec::read(const QSqlQuery &);
template Result<Job> JobRowCodec::read(const SqliteStatement &);
template void JobRowCodec::bind(QSqlQuery &, const Job &, const JobTexts &, std::int64_t);
template void JobRowCodec::bind(SqliteStatement &, const Job &, const JobTexts &, std::int64_t);

} // namespace punctual
