#include "stemdeck/control/midi/MidiMapper.h"

#include <cmath>

#include "stemdeck/control/midi/MidiValueLaw.h"

namespace stemdeck::control::midi {

MidiMapper::MidiMapper(std::vector<MidiBinding> bindings,
                       std::optional<ProgramChangeRule> programChange,
                       std::vector<ActionSpec> specs)
    : bindings_(std::move(bindings)),
      programChange_(std::move(programChange)),
      specs_(std::move(specs)),
      pickup_(bindings_.size()) {}

const ParamSpec* MidiMapper::valueParam(const ActionSpec& spec) {
    for (const auto& param : spec.params)
        if (param.type == ParamSpec::Type::Int || param.type == ParamSpec::Type::Float)
            return &param;
    return nullptr;
}

int MidiMapper::controllerValue(const ParamSpec& param, double x) {
    return isGain(param) ? MidiValueLaw::valueOfGain(x)
                         : MidiValueLaw::valueOfLinear(x, param.min, param.max);
}

void MidiMapper::feedbackSent(const std::string& action,
                              const std::map<std::string, ParamValue>& args, double value) {
    for (std::size_t i = 0; i < bindings_.size(); ++i) {
        const MidiBinding& b = bindings_[i];
        if (!b.feedback || b.mode != MidiMode::Absolute || b.action != action || b.args != args)
            continue;
        const ActionSpec* spec = find(action);
        if (const ParamSpec* param = spec ? valueParam(*spec) : nullptr)
            pickup_.moved(i, controllerValue(*param, value));
    }
}

const ActionSpec* MidiMapper::find(const std::string& name) const {
    for (const auto& spec : specs_)
        if (spec.name == name) return &spec;
    return nullptr;
}

std::vector<ActionCall> MidiMapper::map(const MidiMessage& message, std::int64_t receivedNs,
                                        const CurrentValue& current) {
    std::vector<ActionCall> calls;
    for (std::size_t i = 0; i < bindings_.size(); ++i) {
        if (!bindings_[i].source.matches(message)) continue;
        if (auto call = apply(i, message, current)) calls.push_back(std::move(*call));
    }
    // A binding of a particular program wins over the general program → song rule.
    const bool bound = !calls.empty();
    if (!bound && programChange_ && message.type == MidiMessage::Type::ProgramChange &&
        (programChange_->channel == 0 || programChange_->channel == message.channel)) {
        ActionCall call;
        call.name = programChange_->action;
        call.params["n"] = std::int64_t{message.number} + programChange_->offset;
        calls.push_back(std::move(call));
    }
    for (auto& call : calls) {
        call.origin = Origin::Midi;
        call.receivedNs = receivedNs;
    }
    return calls;
}

std::optional<ActionCall> MidiMapper::apply(std::size_t index, const MidiMessage& message,
                                            const CurrentValue& current) {
    const MidiBinding& binding = bindings_[index];
    ActionCall call;
    call.name = binding.action;
    call.params = binding.args;
    const bool pressed = message.pressed();
    switch (binding.mode) {
        case MidiMode::Trigger:
            if (binding.press == MidiPress::High && !pressed) return std::nullopt;
            if (binding.press == MidiPress::Low && pressed) return std::nullopt;
            return call;
        case MidiMode::Toggle:
            if (!pressed) return std::nullopt;
            return call;  // no "on": the action flips
        case MidiMode::Follow:
        case MidiMode::Momentary:
            call.params["on"] = pressed;
            return call;
        case MidiMode::Absolute: {
            const ActionSpec* spec = find(binding.action);
            const ParamSpec* param = spec ? valueParam(*spec) : nullptr;
            if (!param) return std::nullopt;
            const int value =
                message.type == MidiMessage::Type::ProgramChange ? message.number : message.value;
            if (binding.takeover == MidiTakeover::Pickup && current) {
                const std::optional<double> now = current(binding);
                const std::optional<int> at =
                    now ? std::optional<int>(controllerValue(*param, *now)) : std::nullopt;
                if (!pickup_.pass(index, value, at)) return std::nullopt;
            }
            const double x = isGain(*param) ? MidiValueLaw::gainDb(value)
                                            : MidiValueLaw::linear(value, param->min, param->max);
            if (param->type == ParamSpec::Type::Int)
                call.params[param->name] = static_cast<std::int64_t>(std::lround(x));
            else
                call.params[param->name] = x;
            return call;
        }
    }
    return std::nullopt;
}

}  // namespace stemdeck::control::midi
