// sd_notify(3) without libsystemd: status text for `systemctl --user status punctual`.
#pragma once

#include <QByteArray>

namespace punctual {

/// Sends @p state ("STATUS=...", "READY=1") to the service manager when this process runs as a systemd service
/// ($NOTIFY_SOCKET set; the unit needs NotifyAccess=main for a Type=simple service). False when not under systemd,
/// or when the message could not be sent.
bool notifySystemd(const QByteArray &state);

} // namespace punctual
