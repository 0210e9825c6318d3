#include "desktop/desktopstate.h"

namespace punctual {

void ManualDesktopState::setOnBattery(bool onBattery)
{
    if (m_onBattery == onBattery)
        return;
    m_onBattery = onBattery;
    emit changed();
}

void ManualDesktopState::setNetworkOnline(bool online)
{
    if (m_networkOnline == online)
        return;
    m_networkOnline = online;
    emit changed();
    if (online)
        emit networkCameUp();
}

void ManualDesktopState::setNetworkMetered(bool metered)
{
    if (m_networkMetered == metered)
        return;
    m_networkMetered = metered;
    emit changed();
}

void ManualDesktopState::setIdleSinceMs(std::optional<std::int64_t> idleSinceMs)
{
    if (m_idleSinceMs == idleSinceMs)
        return;
    m_idleSinceMs = idleSinceMs;
    emit changed();
}

} // namespace punctual
