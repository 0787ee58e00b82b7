#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "stemdeck/control/ActionSpec.h"
#include "stemdeck/control/midi/MidiBinding.h"

namespace stemdeck::control::midi {

using MidiBytes = std::vector<std::uint8_t>;

// What to send back to a controller when state changes: the on/off value to a toggle's note
// or CC (LEDs) and the value to an absolute binding's CC (motor faders). A control that moved
// less than 100 ms ago gets no echo of its own change (a fader fighting its own feedback).
// Control thread only.
class MidiFeedback {
  public:
    static constexpr std::int64_t kEchoWindowNs = 100'000'000;

    // Only bindings with feedback on and a toggle-like or absolute mode take part.
    MidiFeedback(std::vector<MidiBinding> bindings, std::vector<ActionSpec> specs);

    // Remembers when a source last sent input (call for every message received).
    void noteInput(const MidiMessage& message, std::int64_t nowNs);

    // The messages for a changed state: `action` with the binding's args (e.g. stem "drums"),
    // `value` the new state (0/1 for toggles, the parameter's value, dB for gains).
    std::vector<MidiBytes> changed(const std::string& action,
                                   const std::map<std::string, ParamValue>& args, double value,
                                   std::int64_t nowNs) const;

  private:
    std::vector<MidiBinding> bindings_;
    std::vector<ActionSpec> specs_;
    std::vector<std::int64_t> lastInputNs_;  // per binding
};

}  // namespace stemdeck::control::midi
