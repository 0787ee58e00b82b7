#pragma once

#include <vector>

#include "stemdeck/control/ActionCall.h"
#include "stemdeck/control/ActionSpec.h"
#include "stemdeck/control/ControlState.h"

namespace stemdeck::control {

// What a door (keys, MIDI, OSC, the web remote, `stemdeck-cli serve`) sees of the player: run
// an action, read the state, list the actions. app::ControlCenter is the one real
// implementation; doors never touch the PlaybackManager or the engine themselves. Every
// method: the control thread (the GUI thread, or serve's main thread) only.
class ControlPort {
  public:
    virtual ~ControlPort() = default;
    // Validates the call against its ActionSpec, refuses Mix-scope actions while the mix is
    // locked, then runs it. Never throws; a refusal is a one-line message.
    virtual ActionResult invoke(const ActionCall& call) = 0;
    virtual const ControlState& state() const = 0;
    virtual const std::vector<ActionSpec>& actions() const = 0;
};

// Doors that show state implement this; app::ControlCenter calls it on the control thread
// whenever a sample differs from the last one (after each action and on its 10 Hz tick).
class StateListener {
  public:
    virtual ~StateListener() = default;
    virtual void stateChanged(const ControlState& before, const ControlState& after) = 0;
};

}  // namespace stemdeck::control
