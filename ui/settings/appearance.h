// Settings › Appearance applied to the running application: the system's look, Fusion light, or Fusion dark.
#pragma once

#include "settings/settings.h"

#include <QPalette>

namespace punctual::appearance {

/// A complete dark palette (every role, in the active, inactive and disabled groups) for the Fusion style. Outcome
/// colours (outcomeColor()) keep a contrast of at least 3:1 against its Window and Base colours.
QPalette darkPalette();

/// Applies @p scheme to the application now: every open window repaints. System brings back the style and palette
/// the application started with.
void apply(ColorScheme scheme);

} // namespace punctual::appearance
