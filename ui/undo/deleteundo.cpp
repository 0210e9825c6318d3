// The window's memory of its own deletes, for Edit › Undo delete.
#include "deleteundo.h"

namespace punctual {

void DeleteUndo::push(Batch batch)
{
    m_batches.append(std::move(batch));
}

std::optional<DeleteUndo::Batch> DeleteUndo::latest(std::int64_t nowMs)
{
    m_batches.removeIf([nowMs](const Batch &batch) { return nowMs - batch.deletedAtMs >= keepMs; });
    if (m_batches.isEmpty())
        return std::nullopt;
    return m_batches.constLast();
}

void DeleteUndo::dropLatest()
{
    if (!m_batches.isEmpty())
        m_batches.removeLast();
}

} // namespace punctual
