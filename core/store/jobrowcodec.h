// Rows of the jobs table to jobs and back: the JSON texts of a job's parts, each distinct text parsed once.
#pragma once

#include "jobs/job.h"
#include "store/jobsummary.h"
#include "store/sqlschema.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

class QSqlQuery;

namespace punctual {

/// A JSON text's object, or why it is none.
Result<QJsonObject> jsonObjectOf(const QString &text);

/**
 * Values parsed from JSON texts, kept by text up to sqlschema::readCacheSize of them: rows with the same text (the
 * cron jobs of one schedule, jobs with default options) share one parse. The values are immutable once made
 * (triggers are shared between jobs, actions and options copied).
 */
template <typename T>
class ParsedCache
{
public:
    /// Sets @p out to the value of @p text, parsed by @p parse (QJsonObject -> Result<T>) unless known already.
    template <typename Parse>
    Result<void> get(const QString &text, T &out, Parse parse)
    {
        if (auto cached = m_values.constFind(text); cached != m_values.cend()) {
            out = *cached;
            return {};
        }
        auto json = jsonObjectOf(text);
        if (!json)
            return json.error();
        auto value = parse(json.value());
        if (!value)
            return value.error();
        out = std::move(value).value();
        if (m_values.size() < sqlschema::readCacheSize)
            m_values.insert(text, out);
        return {};
    }

    /// It holds as many values as it keeps.
    bool full() const { return m_values.size() >= sqlschema::readCacheSize; }

private:
    QHash<QString, T> m_values;
};

/**
 * Turns job rows into jobs and jobs into rows' values. Reading, the parsed trigger, action and options of each
 * distinct text are kept (ParsedCache); writing, the texts of the last job's parts are kept, since consecutive jobs
 * often share them (one trigger object, the same action and options) and making a text is the costliest part of
 * writing a row. One codec is used by one thread.
 */
class JobRowCodec
{
public:
    /// The job in the current row of @p query (a statement that selects {job_columns}); an error names the column
    /// this build cannot read (written by a newer version, or damaged).
    /// @p Query: QSqlQuery or SqliteStatement.
    template <typename Query>
    Result<Job> read(const Query &query);
    /// The job of @p summary, its texts parsed as read() parses them; an error names the part it cannot read.
    Result<Job> parse(const JobSummary &summary);
    /// The current row of @p query (selecting {job_columns}) without parsing its JSON. Equal texts share one
    /// string (see forgetShared()).
    JobSummary readSummary(const QSqlQuery &query);
    /// Drops the texts readSummary() shares: what remains is held by the summaries themselves.
    void forgetShared() { m_sharedTexts = {}; }
    /// A parse cache has reached its bound: forgetParsed() before the next pass.
    bool full() const;
    void forgetParsed();

    /// The texts of @p job's parts.
    const JobTexts &texts(const Job &job);
    /// Binds every column of @p job's row: its parts' @p texts (made already), @p updatedAt as updated_at.
    template <typename Query>
    static void bind(Query &query, const Job &job, const JobTexts &texts, std::int64_t updatedAt);
    /// The sqlschema::JobFeature bits of @p job's row.
    static int featuresOf(const Job &job);

private:
    Result<void> parseParts(const JobTexts &texts, Job &job);
    /// The text of an interval trigger without jitter (what jsonText(toJson()) gives); none for other triggers.
    std::optional<QString> intervalText(const Trigger &trigger);
    /// @p ms as seconds, as QJsonDocument writes the number.
    const QString &secondsText(std::int64_t ms);
    const QString &shared(QString text);

    ParsedCache<std::shared_ptr<const Trigger>> m_triggers;
    ParsedCache<Action> m_actions;
    ParsedCache<JobOptions> m_options;

    JobTexts m_texts; ///< of the parts below
    /// Holding the trigger keeps its address from being reused by another (whose JSON would differ).
    std::shared_ptr<const Trigger> m_lastTrigger;
    std::optional<Action> m_lastAction;
    std::optional<JobOptions> m_lastOptions;
    QSet<QString> m_sharedTexts; ///< readSummary(): one string per distinct text, until forgetShared()
    QHash<std::int64_t, QString> m_secondsTexts; ///< secondsText(), a few hundred at most
};

} // namespace punctual
