// Job JSON and option validation.
#include "job.h"

#include "calendars/exclusioncalendar.h"
#include "time/duration.h"
#include "time/isotime.h"
#include "util/jsonfields.h"
#include "util/nametable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace punctual {

namespace {

class JobText
{
    Q_DECLARE_TR_FUNCTIONS(Job)
};

// A wait that grows more than tenfold per retry is a typo, not a policy.
constexpr double maxRetryBackoff = 10.0;

/// A whole number from @p low to @p high (a JSON number without a fraction), or the error @p message.
Result<int> wholeNumber(const QJsonValue &value, int low, int high, const QString &message)
{
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number) || number < low || number > high)
        return invalidInput(message);
    return static_cast<int>(number);
}

/// A seconds value checked against what round-trips (1 ms to 100 years); null is "none" when @p allowNull.
Result<std::optional<std::int64_t>> secondsOption(const QJsonValue &value, const QString &key, bool allowNull,
                                                  bool allowZero)
{
    if (allowNull && value.isNull())
        return std::optional<std::int64_t>();
    if (!value.isDouble())
        return invalidInput(allowNull ? JobText::tr("%1 must be a number of seconds or null").arg(key)
                                      : JobText::tr("%1 must be a number of seconds").arg(key));
    auto ms = durationFromSeconds(value.toDouble(), key, allowZero);
    if (!ms)
        return ms.error();
    return std::optional(ms.value());
}

QJsonValue secondsValue(const std::optional<std::int64_t> &ms)
{
    return ms ? QJsonValue(static_cast<double>(*ms) / 1000.0) : QJsonValue(QJsonValue::Null);
}

/// The code point at @p i, stepping @p i over the second half of a surrogate pair.
char32_t codePointAt(const QString &text, qsizetype &i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        ++i;
        return QChar::surrogateToUcs4(c, text.at(i));
    }
    return c.unicode();
}

constexpr NameOf<OverlapPolicy> overlapNames[] = {
    {OverlapPolicy::Skip, "skip"},       {OverlapPolicy::QueueOne, "queue-one"}, {OverlapPolicy::QueueAll, "queue-all"},
    {OverlapPolicy::Replace, "replace"}, {OverlapPolicy::Allow, "allow"},
};

constexpr NameOf<ChainCondition> chainKeys[] = {
    {ChainCondition::OnSuccess, "on_success"},
    {ChainCondition::OnFailure, "on_failure"},
    {ChainCondition::OnFinish, "on_finish"},
};

/// The "chains" object: {"on_success": [ids], ...}; absent keys have no chains.
Result<QList<JobChain>> chainsFromJson(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QList<JobChain>();
    if (!value.isObject())
        return invalidInput(JobText::tr("chains must be an object with on_success, on_failure and on_finish lists"));
    const QJsonObject chains = value.toObject();
    for (auto it = chains.begin(); it != chains.end(); ++it) {
        if (!std::any_of(std::begin(chainKeys), std::end(chainKeys),
                         [&it](const auto &entry) { return it.key() == QLatin1String(entry.name); }))
            return invalidInput(JobText::tr("chains: unknown key \"%1\" (on_success, on_failure or on_finish)")
                                    .arg(it.key()));
    }
    QList<JobChain> out;
    for (const auto &entry : chainKeys) {
        const QString key = QString::fromLatin1(entry.name);
        auto ids = jsonfields::stringList(chains, key);
        if (!ids)
            return invalidInput(JobText::tr("chains: %1").arg(ids.error().message));
        for (const QString &id : ids.value()) {
            if (auto valid = validateJobId(id); !valid)
                return invalidInput(JobText::tr("chains: %1: %2").arg(key, valid.error().message));
            JobChain chain{entry.value, id};
            if (!out.contains(chain))
                out.append(chain);
        }
    }
    return out;
}

/// The keys of conditions that wait: requires (a list of names, or null for none), require_deadline, stop_if_lost.
Result<void> conditionsFromJson(const QJsonObject &json, JobOptions &options)
{
    const QJsonValue required = json.value(QStringLiteral("requires"));
    if (!required.isUndefined() && !required.isNull()) {
        if (!required.isArray())
            return invalidInput(JobText::tr("requires must be a list of conditions"));
        QStringList names;
        for (const QJsonValue &name : required.toArray()) {
            if (!name.isString())
                return invalidInput(JobText::tr("requires must be a list of conditions"));
            names << name.toString();
        }
        auto conditions = parseConditions(names);
        if (!conditions)
            return invalidInput(JobText::tr("requires: %1").arg(conditions.error().message));
        options.conditions = conditions.value();
    }
    const QJsonValue deadline = json.value(QStringLiteral("require_deadline"));
    if (!deadline.isUndefined()) {
        auto ms = secondsOption(deadline, QStringLiteral("require_deadline"), true, false);
        if (!ms)
            return ms.error();
        options.requireDeadlineMs = ms.value();
    }
    auto stop = jsonfields::boolean(json, QStringLiteral("stop_if_lost"), false);
    if (!stop)
        return stop.error();
    options.stopIfLost = stop.value();
    return {};
}

} // namespace

QString JobChain::conditionName(ChainCondition when)
{
    return nameIn(chainKeys, when);
}

QString JobOptions::overlapName(OverlapPolicy policy)
{
    return nameIn(overlapNames, policy);
}

std::optional<OverlapPolicy> JobOptions::overlapFromName(const QString &name)
{
    return valueIn(overlapNames, name);
}

std::int64_t JobOptions::retryDelayAfter(int attempt) const
{
    // Computed in double and clamped before converting: 100 retries at backoff 10 overflow any integer.
    constexpr double longest = 365.0 * 86'400'000.0;
    double delay = static_cast<double>(retryDelayMs) * std::pow(retryBackoff, std::max(0, attempt - 1));
    if (retryDelayMaxMs)
        delay = std::min(delay, static_cast<double>(std::max(*retryDelayMaxMs, retryDelayMs)));
    return std::llround(std::clamp(delay, 0.0, longest));
}

void JobOptions::writeJson(QJsonObject &json) const
{
    json.insert(QStringLiteral("max_instances"), maxInstances);
    json.insert(QStringLiteral("coalesce"), coalesce == CoalescePolicy::Latest);
    json.insert(QStringLiteral("misfire_grace_time"), secondsValue(misfireGraceMs));
    json.insert(QStringLiteral("timeout"), secondsValue(timeoutMs));
    json.insert(QStringLiteral("max_retries"), maxRetries);
    json.insert(QStringLiteral("retry_delay"), static_cast<double>(retryDelayMs) / 1000.0);
    json.insert(QStringLiteral("retry_backoff"), retryBackoff);
    json.insert(QStringLiteral("retry_delay_max"), secondsValue(retryDelayMaxMs));
    json.insert(QStringLiteral("remove_when_done"), removeWhenDone);
    json.insert(QStringLiteral("recover"), recover);
    json.insert(QStringLiteral("overlap"), overlapName(overlap));
    json.insert(QStringLiteral("queue_limit"), queueLimit);
    QJsonObject chainJson;
    for (const auto &entry : chainKeys) {
        QJsonArray ids;
        for (const JobChain &chain : chains) {
            if (chain.when == entry.value)
                ids.append(chain.jobId);
        }
        if (!ids.isEmpty())
            chainJson.insert(QString::fromLatin1(entry.name), ids);
    }
    json.insert(QStringLiteral("chains"), chainJson);
    json.insert(QStringLiteral("pause_after_failures"),
                pauseAfterFailures ? QJsonValue(*pauseAfterFailures) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("exclude"), QJsonArray::fromStringList(exclude));
    if (events.any())
        json.insert(QStringLiteral("events"), events.toJson());
    // Conditions: written only when set, so the options of jobs without them stay as they were.
    if (!conditions.isEmpty())
        json.insert(QStringLiteral("requires"), QJsonArray::fromStringList(conditionNames(conditions)));
    if (requireDeadlineMs)
        json.insert(QStringLiteral("require_deadline"), secondsValue(*requireDeadlineMs));
    if (stopIfLost)
        json.insert(QStringLiteral("stop_if_lost"), true);
}

Result<JobOptions> JobOptions::fromJson(const QJsonObject &json)
{
    JobOptions options;
    const QJsonValue maxInstances = json.value(QStringLiteral("max_instances"));
    if (!maxInstances.isUndefined()) {
        auto value = wholeNumber(maxInstances, 1, 1000, JobText::tr("max_instances must be a whole number from 1 to 1000"));
        if (!value)
            return value.error();
        options.maxInstances = value.value();
    }
    auto coalesce = jsonfields::boolean(json, QStringLiteral("coalesce"), true);
    if (!coalesce)
        return coalesce.error();
    options.coalesce = coalesce.value() ? CoalescePolicy::Latest : CoalescePolicy::All;
    const QJsonValue grace = json.value(QStringLiteral("misfire_grace_time"));
    if (!grace.isUndefined()) {
        auto ms = secondsOption(grace, QStringLiteral("misfire_grace_time"), true, true);
        if (!ms)
            return ms.error();
        options.misfireGraceMs = ms.value();
    }
    const QJsonValue timeout = json.value(QStringLiteral("timeout"));
    if (!timeout.isUndefined()) {
        auto ms = secondsOption(timeout, QStringLiteral("timeout"), true, false);
        if (!ms)
            return ms.error();
        options.timeoutMs = ms.value();
    }
    const QJsonValue retries = json.value(QStringLiteral("max_retries"));
    if (!retries.isUndefined()) {
        auto value = wholeNumber(retries, 0, 100, JobText::tr("max_retries must be a whole number from 0 to 100"));
        if (!value)
            return value.error();
        options.maxRetries = value.value();
    }
    const QJsonValue retryDelay = json.value(QStringLiteral("retry_delay"));
    if (!retryDelay.isUndefined()) {
        auto ms = secondsOption(retryDelay, QStringLiteral("retry_delay"), false, true);
        if (!ms)
            return ms.error();
        options.retryDelayMs = *ms.value();
    }
    const QJsonValue backoff = json.value(QStringLiteral("retry_backoff"));
    if (!backoff.isUndefined()) {
        if (!backoff.isDouble() || backoff.toDouble() < 1 || backoff.toDouble() > maxRetryBackoff)
            return invalidInput(JobText::tr("retry_backoff must be a number from 1 (the same wait each time) to %1")
                                    .arg(maxRetryBackoff));
        options.retryBackoff = backoff.toDouble();
    }
    const QJsonValue delayMax = json.value(QStringLiteral("retry_delay_max"));
    if (!delayMax.isUndefined()) {
        auto ms = secondsOption(delayMax, QStringLiteral("retry_delay_max"), true, true);
        if (!ms)
            return ms.error();
        options.retryDelayMaxMs = ms.value();
    }
    for (const auto &[key, target] : {std::pair{QStringLiteral("remove_when_done"), &options.removeWhenDone},
                                      std::pair{QStringLiteral("recover"), &options.recover}}) {
        auto value = jsonfields::boolean(json, key, *target);
        if (!value)
            return value.error();
        *target = value.value();
    }
    const QJsonValue overlap = json.value(QStringLiteral("overlap"));
    if (!overlap.isUndefined()) {
        const auto policy = overlapFromName(overlap.toString());
        if (!overlap.isString() || !policy)
            return invalidInput(JobText::tr("overlap must be skip, queue-one, queue-all, replace or allow"));
        options.overlap = *policy;
    }
    const QJsonValue queueLimit = json.value(QStringLiteral("queue_limit"));
    if (!queueLimit.isUndefined()) {
        auto value = wholeNumber(queueLimit, 1, 10'000, JobText::tr("queue_limit must be a whole number from 1 to 10000"));
        if (!value)
            return value.error();
        options.queueLimit = value.value();
    }
    auto chains = chainsFromJson(json.value(QStringLiteral("chains")));
    if (!chains)
        return chains.error();
    options.chains = chains.value();
    const QJsonValue pauseAfter = json.value(QStringLiteral("pause_after_failures"));
    if (!pauseAfter.isUndefined() && !pauseAfter.isNull()) {
        auto value = wholeNumber(pauseAfter, 1, 1000,
                                 JobText::tr("pause_after_failures must be a whole number from 1 to 1000 or null"));
        if (!value)
            return value.error();
        options.pauseAfterFailures = value.value();
    }
    auto exclude = jsonfields::stringList(json, QStringLiteral("exclude"));
    if (!exclude)
        return exclude.error();
    for (const QString &name : exclude.value()) {
        if (auto valid = validateCalendarName(name); !valid)
            return invalidInput(JobText::tr("exclude: %1").arg(valid.error().message));
        if (!options.exclude.contains(name))
            options.exclude.append(name);
    }
    auto events = JobEvents::fromJson(json.value(QStringLiteral("events")));
    if (!events)
        return events.error();
    options.events = events.value();
    if (auto read = conditionsFromJson(json, options); !read)
        return read.error();
    return options;
}

QString Job::stateName(JobState state)
{
    switch (state) {
    case JobState::Scheduled: return QStringLiteral("scheduled");
    case JobState::Paused: return QStringLiteral("paused");
    case JobState::Finished: return QStringLiteral("finished");
    case JobState::OnEvents: return QStringLiteral("on-events");
    }
    return {};
}

QJsonObject Job::toJson() const
{
    QJsonObject triggerJson = trigger->toJson();
    triggerJson.insert(QStringLiteral("description"), trigger->description());
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("trigger"), triggerJson},
        {QStringLiteral("action"), actionToJson(action)},
        {QStringLiteral("paused"), paused},
        {QStringLiteral("pause_note"), pauseNote},
        {QStringLiteral("state"), stateName(state())},
        {QStringLiteral("next_run_time"),
         nextRunTime ? QJsonValue(formatIso(*nextRunTime, trigger->zone())) : QJsonValue(QJsonValue::Null)},
    };
    options.writeJson(json);
    return json;
}

Result<Job> Job::fromJson(const QJsonObject &json, bool keepNextRunTime)
{
    Job job;
    auto id = jsonfields::string(json, QStringLiteral("id"));
    if (!id)
        return id.error();
    job.id = id.value();
    if (job.id.isEmpty())
        job.id = generateJobId();
    if (auto valid = validateJobId(job.id); !valid)
        return valid.error();
    const auto inJob = [&job](const Error &error) {
        return invalidInput(JobText::tr("job \"%1\": %2").arg(job.id, error.message));
    };
    auto name = jsonfields::string(json, QStringLiteral("name"), job.id);
    if (!name)
        return inJob(name.error());
    job.name = name.value();
    if (auto valid = validateJobName(job.name); !valid)
        return inJob(valid.error());
    auto triggerJson = jsonfields::object(json, QStringLiteral("trigger"));
    if (!triggerJson)
        return inJob(triggerJson.error());
    auto trigger = Trigger::fromJson(triggerJson.value());
    if (!trigger)
        return inJob(trigger.error());
    job.trigger = std::shared_ptr<const Trigger>(std::move(trigger).value());
    auto actionJson = jsonfields::object(json, QStringLiteral("action"));
    if (!actionJson)
        return inJob(actionJson.error());
    auto action = actionFromJson(actionJson.value());
    if (!action)
        return inJob(action.error());
    job.action = std::move(action).value();
    auto options = JobOptions::fromJson(json);
    if (!options)
        return inJob(options.error());
    job.options = options.value();
    auto paused = jsonfields::boolean(json, QStringLiteral("paused"), false);
    if (!paused)
        return inJob(paused.error());
    job.paused = paused.value();
    auto note = jsonfields::string(json, QStringLiteral("pause_note"));
    if (!note)
        return inJob(note.error());
    if (auto valid = validatePauseNote(note.value()); !valid)
        return inJob(valid.error());
    job.pauseNote = job.paused ? note.value() : QString();
    const QJsonValue next = json.value(QStringLiteral("next_run_time"));
    if (keepNextRunTime && next.isString()) {
        auto at = parseIso(next.toString(), job.trigger->zone());
        if (!at)
            return invalidInput(JobText::tr("job \"%1\": next_run_time: %2").arg(job.id, at.error().message));
        job.nextRunTime = at.value();
    }
    return job;
}

QString generateJobId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

Result<void> validateJobId(const QString &id)
{
    if (id.isEmpty())
        return invalidInput(JobText::tr("a job id must not be empty"));
    // Characters, not UTF-16 units: an emoji is one character (a surrogate pair is not a control character).
    // Walked in place: every stored job passes here, 100,000 of them in an import.
    qsizetype characters = 0;
    bool blank = true;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const char32_t c = codePointAt(id, i);
        // Qt counts the line and paragraph separators as printable; in an id they would break lines as a name's would.
        if (!QChar::isPrint(c) || c == 0x2028 || c == 0x2029)
            return invalidInput(JobText::tr("a job id must not contain control characters"));
        blank = blank && QChar::isSpace(c);
        ++characters;
    }
    if (characters > 200)
        return invalidInput(JobText::tr("a job id must be at most 200 characters long"));
    if (blank)
        return invalidInput(JobText::tr("a job id must not be blank"));
    return {};
}

Result<void> validateJobName(const QString &name)
{
    // One line: a line break or control character in a name would forge rows in `list` and logs.
    qsizetype characters = 0;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char32_t c = codePointAt(name, i);
        // An unpaired surrogate is no character at all: SQLite would store it merged with its neighbour.
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029 || (c >= 0xD800 && c <= 0xDFFF))
            return invalidInput(JobText::tr("a job name must be one line, without control characters"));
        ++characters;
    }
    if (characters > 1000)
        return invalidInput(JobText::tr("a job name must be at most 1000 characters long"));
    // SQLite takes a U+FEFF that begins a text bound as UTF-16 for a byte order mark and drops it: the stored name
    // would differ from the one given.
    if (name.startsWith(QChar(0xFEFF)))
        return invalidInput(JobText::tr("a job name must not begin with U+FEFF (a byte order mark)"));
    return {};
}

Result<void> validatePauseNote(const QString &note)
{
    // A name's rules (one line, no control characters, at most 1000 characters), for the same reasons.
    if (!validateJobName(note))
        return invalidInput(JobText::tr("a pause note must be one line of at most 1000 characters, without control "
                                        "characters"));
    return {};
}

Result<void> requireTrigger(const Job &job)
{
    if (!job.trigger)
        return invalidInput(JobText::tr("job \"%1\" has no trigger").arg(job.id));
    if (job.trigger->type() == TriggerType::Event && !job.options.events.any())
        return invalidInput(JobText::tr("job \"%1\" has no schedule and no event to run on").arg(job.id));
    return {};
}

QString describeSchedule(const Job &job)
{
    if (!job.trigger)
        return {};
    return describeSchedule(job.trigger->description(), job.trigger->type() == TriggerType::Event, job.options.events);
}

Result<void> validateJob(const Job &job)
{
    if (auto valid = validateJobId(job.id); !valid)
        return valid;
    if (auto valid = validateJobName(job.name); !valid)
        return invalidInput(JobText::tr("job \"%1\": %2").arg(job.id, valid.error().message));
    return requireTrigger(job);
}

} // namespace punctual
