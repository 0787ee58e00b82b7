#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "stemdeck/control/ActionCall.h"
#include "stemdeck/control/ActionSpec.h"
#include "stemdeck/control/midi/MidiBinding.h"

namespace stemdeck::control::midi {

// Turns controller messages into action calls through a controller's bindings. Every message
// reaches the binding's mode, CC value 0 included: the mode alone decides whether it acts.
// Built and used on the control thread (it keeps no state between messages).
class MidiMapper {
  public:
    // `specs`: the registry's actions (ActionCatalog), for the parameter an absolute binding sets.
    MidiMapper(std::vector<MidiBinding> bindings, std::optional<ProgramChangeRule> programChange,
               std::vector<ActionSpec> specs);

    // The calls one message asks for (usually one; several bindings may share a source), in
    // binding order. Calls carry origin Midi and `receivedNs`.
    std::vector<ActionCall> map(const MidiMessage& message, std::int64_t receivedNs) const;

    // The parameter an absolute binding of `action` sets: the action's first Int/Float
    // parameter, or none.
    static const ParamSpec* valueParam(const ActionSpec& spec);
    static bool isGain(const ParamSpec& param) { return param.name == "db"; }

  private:
    std::optional<ActionCall> apply(const MidiBinding& binding, const MidiMessage& message) const;
    const ActionSpec* find(const std::string& name) const;

    std::vector<MidiBinding> bindings_;
    std::optional<ProgramChangeRule> programChange_;
    std::vector<ActionSpec> specs_;
};

}  // namespace stemdeck::control::midi
