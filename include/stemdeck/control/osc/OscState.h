#pragma once

#include <vector>

#include "stemdeck/control/ControlState.h"
#include "stemdeck/control/osc/OscCodec.h"

namespace stemdeck::control::osc {

// The state as OSC messages (docs/design/CONTROL.md §7): /stemdeck/state/<key> per field
// (playing i, position f, song s, song/index i (1-based, 0 without a set), section s, …) and
// /stemdeck/stem/<name>/{gain f, mute i, solo i} per stem. Pure: any thread.

// Every message: the full dump for /stemdeck/state and a new subscriber.
std::vector<OscMessage> stateMessages(const ControlState& state);

// Only what changed between two samples (control::diff decides the fields; position moves of
// less than 50 ms are left out). Stems are compared one by one; a changed stem list (another
// song) sends every stem of the new one.
std::vector<OscMessage> changeMessages(const ControlState& before, const ControlState& after);

}  // namespace stemdeck::control::osc
