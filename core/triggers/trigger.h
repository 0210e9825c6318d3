// The trigger interface: a trigger only computes times. It never touches storage, timers or the clock.
#pragma once

#include "time/zonerules.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

class QRandomGenerator;

namespace punctual {

enum class TriggerType
{
    Date,
    Interval,
    Cron,
    Calendar,
    Event, ///< no schedule: the job runs only on its event triggers (EventTrigger)
};

/**
 * When a job runs. Instants are UTC milliseconds since the epoch. Every trigger has a time zone: the zone its
 * wall-clock fields belong to and the one its times are shown in (the system zone unless a job names one).
 */
class Trigger
{
public:
    /// Version of the JSON form written by toJson(); fromJson() refuses newer versions.
    static constexpr int jsonVersion = 1;

    virtual ~Trigger() = default;

    virtual TriggerType type() const = 0;
    /// The first fire instant strictly after @p afterMs, or nothing when the trigger never fires again.
    virtual std::optional<std::int64_t> nextFireTime(std::int64_t afterMs) const = 0;
    /// The instant a job added at @p nowMs starts from. Usually nextFireTime(nowMs); a one-off trigger gives its
    /// instant even when it has just passed, so that the planner can still run it within the misfire grace time
    /// (APScheduler runs a date job added a moment late).
    virtual std::optional<std::int64_t> firstFireTime(std::int64_t nowMs) const { return nextFireTime(nowMs); }
    /// One translated line a person reads, e.g. "At 02:30 every day (America/New_York)".
    virtual QString description() const = 0;
    /// The stored form: {"type", "version", ..., "timezone", "jitter"}; fromJson(toJson()) gives an equal trigger.
    virtual QJsonObject toJson() const = 0;
    virtual std::unique_ptr<Trigger> clone() const = 0;

    /// Rebuilds any trigger from its stored form, with a clear error for a bad or newer one.
    static Result<std::unique_ptr<Trigger>> fromJson(const QJsonObject &json);
    static QString typeName(TriggerType type);

    const ZoneRules &zone() const { return *m_zone; }
    const std::shared_ptr<const ZoneRules> &zonePtr() const { return m_zone; }
    void setZone(std::shared_ptr<const ZoneRules> zone);

    /// Up to this many milliseconds are added at random to each fire time (spreads load), 0 for none.
    std::int64_t jitterMs() const { return m_jitterMs; }
    void setJitterMs(std::int64_t jitterMs) { m_jitterMs = jitterMs < 0 ? 0 : jitterMs; }
    /// A fire time with this trigger's jitter applied (never past maxInstantMs, the last instant that is stored).
    std::int64_t applyJitter(std::int64_t fireMs, QRandomGenerator &random) const;

protected:
    Trigger();
    Trigger(const Trigger &) = default;
    Trigger &operator=(const Trigger &) = default;

    /// Writes the fields every trigger shares ("type", "version", "timezone", "jitter").
    QJsonObject baseJson() const;
    /// Reads what baseJson() wrote; an unknown zone is an error.
    Result<void> readBaseJson(const QJsonObject &json);
    /// " (Europe/Berlin)" when the zone is not the system's, else empty: appended to descriptions.
    QString zoneSuffix() const;

private:
    std::shared_ptr<const ZoneRules> m_zone;
    std::int64_t m_jitterMs = 0;
};

} // namespace punctual
