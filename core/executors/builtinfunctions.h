// Functions every Punctual registers, so function jobs work out of the box (and benchmarks have a no-op).
#pragma once

namespace punctual {

class FunctionRegistry;

/// "noop": returns at once. "sleep": waits {"seconds": S} (stops early when cancelled).
void registerBuiltinFunctions(FunctionRegistry &registry);

} // namespace punctual
