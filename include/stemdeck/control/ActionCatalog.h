#pragma once

#include <vector>

#include "stemdeck/control/ActionSpec.h"

namespace stemdeck::control {

// Every named action of stemdeck (docs/design/CONTROL.md §3): names, titles, kinds, scopes,
// parameters with their ranges, defaults and help, and the ControlState key each reflects.
// The registry is filled from it and the web API's /api/actions lists it. Ranges are the
// static ones; what depends on the song (seconds ≤ duration, n ≤ set size or marker count)
// is checked by the handler. Pure data: any thread.
std::vector<ActionSpec> actionCatalog();

}  // namespace stemdeck::control
