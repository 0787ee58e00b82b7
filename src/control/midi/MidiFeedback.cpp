#include "stemdeck/control/midi/MidiFeedback.h"

#include <cmath>
#include <limits>

#include "stemdeck/control/midi/MidiMapper.h"

namespace stemdeck::control::midi {

MidiFeedback::MidiFeedback(std::vector<MidiBinding> bindings, std::vector<ActionSpec> specs)
    : specs_(std::move(specs)) {
    for (auto& binding : bindings)
        if (binding.feedback && binding.source.type != MidiSource::Type::Pc)
            bindings_.push_back(std::move(binding));
    lastInputNs_.assign(bindings_.size(), std::numeric_limits<std::int64_t>::min());
}

void MidiFeedback::noteInput(const MidiMessage& message, std::int64_t nowNs) {
    for (std::size_t i = 0; i < bindings_.size(); ++i)
        if (bindings_[i].source.matches(message)) lastInputNs_[i] = nowNs;
}

std::vector<MidiBytes> MidiFeedback::changed(const std::string& action,
                                             const std::map<std::string, ParamValue>& args,
                                             double value, std::int64_t nowNs) const {
    std::vector<MidiBytes> out;
    for (std::size_t i = 0; i < bindings_.size(); ++i) {
        const auto& binding = bindings_[i];
        if (binding.action != action || binding.args != args) continue;
        // A toggle's new state is not what the pedal sent (127 may turn it off), so its LED is
        // always told; a fader or a latching pedal already shows what it sent.
        const bool echo = binding.mode != MidiMode::Toggle &&
                          lastInputNs_[i] != std::numeric_limits<std::int64_t>::min() &&
                          nowNs - lastInputNs_[i] < kEchoWindowNs;
        if (echo) continue;
        int data = 0;
        if (binding.mode == MidiMode::Absolute) {
            const ActionSpec* spec = nullptr;
            for (const auto& s : specs_)
                if (s.name == action) spec = &s;
            const ParamSpec* param = spec ? MidiMapper::valueParam(*spec) : nullptr;
            if (!param) continue;
            data = MidiMapper::controllerValue(*param, value);
        } else {
            data = value != 0.0 ? binding.feedbackOn : binding.feedbackOff;
        }
        const auto channel = static_cast<std::uint8_t>(
            (binding.source.channel == 0 ? 1 : binding.source.channel) - 1);
        const std::uint8_t status = binding.source.type == MidiSource::Type::Note ? 0x90 : 0xB0;
        out.push_back({static_cast<std::uint8_t>(status | channel),
                       static_cast<std::uint8_t>(binding.source.number & 0x7F),
                       static_cast<std::uint8_t>(data & 0x7F)});
    }
    return out;
}

}  // namespace stemdeck::control::midi
