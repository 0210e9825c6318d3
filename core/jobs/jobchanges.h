// What a modify call changes in a job: the absent parts stay as they are.
#pragma once

#include "jobs/action.h"
#include "jobs/job.h"
#include "triggers/trigger.h"

#include <QString>

#include <memory>
#include <optional>

namespace punctual {

/// What a modify() call changes; absent members stay as they are.
struct JobChanges
{
    std::optional<QString> name;
    std::optional<Action> action;
    std::optional<JobOptions> options;
    std::shared_ptr<const Trigger> trigger; ///< a new trigger reschedules from now
};

} // namespace punctual
