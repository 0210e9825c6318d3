// What the job list is narrowed to: search words and a state, a plain value the window and the proxy share.
#pragma once

#include "jobs/job.h"

#include <QString>

#include <optional>

namespace punctual {

/**
 * A job list filter. Every word of @c text (split at white space) must occur, case-insensitively and in any
 * order, in at least one of the job's name, id, schedule (the trigger's description) or action
 * (describeAction()); @c state, when set, must equal the job's state. An empty filter matches every job.
 */
struct JobFilter
{
    QString text;
    std::optional<JobState> state;

    bool operator==(const JobFilter &) const = default;

    /// True when the filter lets every job through (no words, no state).
    bool isEmpty() const;
    bool matches(const Job &job) const;
    /// As matches(), with the texts already at hand: @p scheduleDescription (the trigger's description) and
    /// @p actionDescription (describeAction()). A model caches them: a filter runs over every job on each key
    /// press, and building them is most of its cost.
    bool matches(const Job &job, const QString &scheduleDescription, const QString &actionDescription) const;
};

} // namespace punctual
