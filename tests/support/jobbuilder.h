// One way for tests to write a Job: id, trigger, action, options and state in a single expression.
#pragma once

#include "jobs/job.h"
#include "time/zonerules.h"
#include "triggers/crontrigger.h"
#include "triggers/datetrigger.h"
#include "triggers/eventtrigger.h"
#include "triggers/intervaltrigger.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

namespace punctual::test {

/**
 * Builds a test job: JobBuilder("nightly").name("Nightly").cron("30 2 * * *", "UTC").command("/bin/true").
 * What is not set keeps Job's defaults (no name, no trigger, an empty command, default options, not paused, no
 * next run time). A Job is taken from it by build() or by converting it, so a suite's helper can return one.
 */
class JobBuilder
{
public:
    explicit JobBuilder(const QString &id) { m_job.id = id; }

    JobBuilder &name(const QString &name)
    {
        m_job.name = name;
        return *this;
    }

    // --- when ---
    JobBuilder &trigger(std::shared_ptr<const Trigger> trigger)
    {
        m_job.trigger = std::move(trigger);
        return *this;
    }
    /// Every @p everyMs from @p startMs; in @p zone when given (else the trigger's default, the system zone).
    JobBuilder &interval(std::int64_t everyMs, std::int64_t startMs, const QByteArray &zone = {})
    {
        auto trigger = std::make_shared<IntervalTrigger>(everyMs, startMs);
        if (!zone.isEmpty())
            trigger->setZone(ZoneRules::forZone(zone));
        return this->trigger(std::move(trigger));
    }
    /// A cron expression in @p zone (empty: the system zone); a bad expression is the test's own bug: qFatal.
    JobBuilder &cron(const QString &expression, const QByteArray &zone = {})
    {
        auto cron = CronTrigger::create(expression, zone.isEmpty() ? nullptr : ZoneRules::forZone(zone));
        if (!cron)
            qFatal("bad test cron %s: %s", qPrintable(expression), qPrintable(cron.error().message));
        return trigger(std::shared_ptr<const Trigger>(std::move(cron).value()));
    }
    /// Once, at @p atMs.
    JobBuilder &date(std::int64_t atMs) { return trigger(std::make_shared<DateTrigger>(atMs)); }
    /// No schedule: the job runs only on its events (set them with events()).
    JobBuilder &eventsOnly() { return trigger(std::make_shared<EventTrigger>()); }
    /// The desktop events that run the job (at start, after wake-up, network up).
    JobBuilder &events(const JobEvents &events)
    {
        m_job.options.events = events;
        return *this;
    }

    // --- what ---
    JobBuilder &action(Action action)
    {
        m_job.action = std::move(action);
        return *this;
    }
    JobBuilder &command(const QString &program, const QStringList &arguments = {})
    {
        CommandAction command;
        command.program = program;
        command.arguments = arguments;
        return action(std::move(command));
    }
    /// A registered function (FunctionRegistry) by name.
    JobBuilder &function(const QString &name, const QJsonObject &arguments = {})
    {
        return action(FunctionAction{name, arguments});
    }

    // --- how and state ---
    JobBuilder &options(const JobOptions &options)
    {
        m_job.options = options;
        return *this;
    }
    JobBuilder &paused(bool paused = true)
    {
        m_job.paused = paused;
        return *this;
    }
    JobBuilder &nextRunTime(std::optional<std::int64_t> utcMs)
    {
        m_job.nextRunTime = utcMs;
        return *this;
    }
    JobBuilder &createdAt(std::int64_t utcMs)
    {
        m_job.createdAt = utcMs;
        return *this;
    }

    Job build() const { return m_job; }
    operator Job() const { return m_job; } // implicit, so a helper returning Job can return the builder

private:
    Job m_job;
};

} // namespace punctual::test
