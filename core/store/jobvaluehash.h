// Hashes of the job parts MemoryJobStore interns (ValuePool): every field of an action or options takes part.
#pragma once

#include "jobs/job.h"

#include <cstddef>

namespace punctual {

/// A hash over every field of @p action (the rare sql and http kinds: over their JSON form).
std::size_t valueHash(const Action &action);
/// A hash over every field of @p options.
std::size_t valueHash(const JobOptions &options);

} // namespace punctual
