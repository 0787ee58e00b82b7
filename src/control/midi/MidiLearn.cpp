#include "stemdeck/control/midi/MidiLearn.h"

namespace stemdeck::control::midi {

namespace {
MidiSource sourceOf(const MidiMessage& message) {
    MidiSource source;
    source.channel = message.channel;
    source.number = message.number;
    switch (message.type) {
        case MidiMessage::Type::NoteOn:
        case MidiMessage::Type::NoteOff:
            source.type = MidiSource::Type::Note;
            break;
        case MidiMessage::Type::ControlChange:
            source.type = MidiSource::Type::Cc;
            break;
        case MidiMessage::Type::ProgramChange:
            source.type = MidiSource::Type::Pc;
            break;
    }
    return source;
}
}  // namespace

void MidiLearn::start(std::int64_t nowNs) {
    active_ = true;
    heard_ = false;
    firstNs_ = nowNs;
}

void MidiLearn::cancel() {
    active_ = false;
    heard_ = false;
}

std::optional<MidiLearn::Result> MidiLearn::feed(const MidiMessage& message, std::int64_t nowNs) {
    if (!active_) return std::nullopt;
    if (!heard_) {
        source_ = sourceOf(message);
        // A program change has no release; a first message that is itself a release (a latching
        // pedal stepping to off) cannot be followed by one: both are latching at once.
        if (message.type == MidiMessage::Type::ProgramChange || !message.pressed()) {
            active_ = false;
            return Result{source_, false};
        }
        heard_ = true;
        firstNs_ = nowNs;
        return std::nullopt;
    }
    if (source_.matches(message) && !message.pressed() && nowNs - firstNs_ <= kMomentaryWindowNs) {
        active_ = false;
        heard_ = false;
        return Result{source_, true};
    }
    return poll(nowNs);
}

std::optional<MidiLearn::Result> MidiLearn::poll(std::int64_t nowNs) {
    if (!active_ || !heard_ || nowNs - firstNs_ <= kMomentaryWindowNs) return std::nullopt;
    active_ = false;
    heard_ = false;
    return Result{source_, false};
}

MidiBinding MidiLearn::suggest(const ActionSpec& spec, const Result& result) {
    MidiBinding binding;
    binding.action = spec.name;
    binding.source = result.source;
    binding.feedback = spec.kind == ActionSpec::Kind::Toggle;
    if (result.source.type == MidiSource::Type::Pc) {
        binding.mode = MidiMode::Trigger;
        binding.press = MidiPress::Any;
        return binding;
    }
    switch (spec.kind) {
        case ActionSpec::Kind::Trigger:
            binding.mode = MidiMode::Trigger;
            binding.press = result.momentary ? MidiPress::High : MidiPress::Any;
            break;
        case ActionSpec::Kind::Toggle:
            binding.mode = result.momentary ? MidiMode::Toggle : MidiMode::Follow;
            break;
        case ActionSpec::Kind::Value:
            binding.mode = MidiMode::Absolute;
            binding.feedback = true;
            break;
    }
    return binding;
}

}  // namespace stemdeck::control::midi
