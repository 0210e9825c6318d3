// punctual-bench scenarios: each returns the figures that follow the four common keys of the JSON line.
#pragma once

#include "common.h"

namespace bench {

Figures scenarioAdd(const Options &options);
Figures scenarioStartup(const Options &options);
Figures scenarioLatency(const Options &options);
Figures scenarioBurst(const Options &options);
Figures scenarioIdle(const Options &options);
Figures scenarioMemory(const Options &options);
Figures scenarioCronNext(const Options &options);
Figures scenarioImport(const Options &options);
Figures scenarioBulkPause(const Options &options);
Figures scenarioCatchup(const Options &options);
Figures scenarioWalCommit(const Options &options);
Figures scenarioDuePass(const Options &options);
Figures scenarioHistory(const Options &options);
Figures scenarioHostMemory(const Options &options);
Figures scenarioHostIdle(const Options &options);

} // namespace bench
