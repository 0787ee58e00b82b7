#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "stemdeck/control/ActionCall.h"
#include "stemdeck/control/ActionSpec.h"
#include "stemdeck/control/midi/MidiBinding.h"
#include "stemdeck/control/midi/MidiPickup.h"

namespace stemdeck::control::midi {

// Turns controller messages into action calls through a controller's bindings. Every message
// reaches the binding's mode, CC value 0 included: the mode alone decides whether it acts.
// Built and used on the control thread; its only state is where each pickup fader is.
class MidiMapper {
  public:
    // `specs`: the registry's actions (ActionCatalog), for the parameter an absolute binding sets.
    MidiMapper(std::vector<MidiBinding> bindings, std::optional<ProgramChangeRule> programChange,
               std::vector<ActionSpec> specs);

    // A binding's target value now (what its feedback shows: dB for gains, the parameter's
    // value otherwise), none when unknown.
    using CurrentValue = std::function<std::optional<double>(const MidiBinding&)>;

    // The calls one message asks for (usually one; several bindings may share a source), in
    // binding order. Calls carry origin Midi and `receivedNs`. With `current`, an absolute
    // binding with takeover pickup acts only once its fader has reached the target's value.
    std::vector<ActionCall> map(const MidiMessage& message, std::int64_t receivedNs,
                                const CurrentValue& current = {});

    // Feedback sent `value` (dB for gains) to the faders of `action` with `args`: motor faders
    // are there now, so they hold their target without picking it up.
    void feedbackSent(const std::string& action, const std::map<std::string, ParamValue>& args,
                      double value);

    // The parameter an absolute binding of `action` sets: the action's first Int/Float
    // parameter, or none.
    static const ParamSpec* valueParam(const ActionSpec& spec);
    static bool isGain(const ParamSpec& param) { return param.name == "db"; }
    // `x` of `param` as a 0..127 controller value (MidiValueLaw).
    static int controllerValue(const ParamSpec& param, double x);

  private:
    std::optional<ActionCall> apply(std::size_t index, const MidiMessage& message,
                                    const CurrentValue& current);
    const ActionSpec* find(const std::string& name) const;

    std::vector<MidiBinding> bindings_;
    std::optional<ProgramChangeRule> programChange_;
    std::vector<ActionSpec> specs_;
    MidiPickup pickup_;
};

}  // namespace stemdeck::control::midi
