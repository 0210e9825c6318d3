// Event triggers of a job: desktop events that run it besides (or instead of) its schedule.
#pragma once

#include "util/result.h"

#include <QJsonValue>
#include <QString>

#include <cstdint>
#include <optional>

namespace punctual {

/**
 * When a job runs on desktop events (docs/desktop-triggers.md). JSON (job key "events", written only when
 * one is set): {"at_start": true, "after_resume": SECONDS, "network_up": true}; a key absent is that event off,
 * after_resume 0 is "at once after the wake".
 */
struct JobEvents
{
    /// Network-up runs of one job are at least this far apart (a flapping link starts it once).
    static constexpr std::int64_t networkUpDebounceMs = 30'000;

    bool atStart = false;                         ///< when the scheduler host starts
    std::optional<std::int64_t> afterResumeDelayMs; ///< after the computer wakes, this much later; none: not on wake
    bool networkUp = false;                       ///< when the network becomes reachable

    bool any() const { return atStart || afterResumeDelayMs || networkUp; }
    bool operator==(const JobEvents &) const = default;

    /// The JSON object; an empty object when none is set.
    QJsonValue toJson() const;
    /// Reads toJson()'s object (absent or null: none); bad keys and values are errors.
    static Result<JobEvents> fromJson(const QJsonValue &value);
    /// "at start, after wake-up (2m later), when the network comes up"; empty when none (translated).
    QString description() const;
};

/// The schedule as list, show and the window print it: @p triggerDescription, then "; also at start" for a job with
/// events, or the events alone ("At start, after wake-up") for a job with no schedule (@p eventsOnly).
QString describeSchedule(const QString &triggerDescription, bool eventsOnly, const JobEvents &events);
/// The events of a job's stored options JSON text (none when it names none: read without parsing then).
JobEvents eventsOfOptionsText(const QString &optionsText);
/// Whether a stored trigger JSON text is an EventTrigger's (no schedule).
bool isEventTriggerText(const QString &triggerText);

} // namespace punctual
