// How every store applies a ConflictPolicy when an added job's id is stored already.
#pragma once

#include "jobs/job.h"

namespace punctual {

/// Whether adding a job replaces a stored one with the same id (else the add is refused with a Conflict). Skip is
/// an import's choice, applied when the import is planned (ConflictPolicy): a conflict a store still finds refuses
/// the add, as Fail does.
constexpr bool replacesStored(ConflictPolicy onConflict)
{
    switch (onConflict) {
    case ConflictPolicy::Replace: return true;
    case ConflictPolicy::Fail:
    case ConflictPolicy::Skip: break;
    }
    return false;
}

} // namespace punctual
