#include "stemdeck/control/midi/MidiBinding.h"

namespace stemdeck::control::midi {

bool MidiSource::matches(const MidiMessage& message) const {
    if (channel != 0 && channel != message.channel) return false;
    switch (type) {
        case Type::Note:
            return (message.type == MidiMessage::Type::NoteOn ||
                    message.type == MidiMessage::Type::NoteOff) &&
                   message.number == number;
        case Type::Cc:
            return message.type == MidiMessage::Type::ControlChange && message.number == number;
        case Type::Pc:
            return message.type == MidiMessage::Type::ProgramChange && message.number == number;
    }
    return false;
}

const char* modeName(MidiMode mode) {
    switch (mode) {
        case MidiMode::Trigger:
            return "trigger";
        case MidiMode::Toggle:
            return "toggle";
        case MidiMode::Follow:
            return "follow";
        case MidiMode::Momentary:
            return "momentary";
        case MidiMode::Absolute:
            return "absolute";
    }
    return "trigger";
}

std::optional<MidiMode> modeFromName(const std::string& name) {
    for (auto mode : {MidiMode::Trigger, MidiMode::Toggle, MidiMode::Follow, MidiMode::Momentary,
                      MidiMode::Absolute})
        if (name == modeName(mode)) return mode;
    return std::nullopt;
}

const char* pressName(MidiPress press) {
    switch (press) {
        case MidiPress::High:
            return "high";
        case MidiPress::Any:
            return "any";
        case MidiPress::Low:
            return "low";
    }
    return "high";
}

std::optional<MidiPress> pressFromName(const std::string& name) {
    for (auto press : {MidiPress::High, MidiPress::Any, MidiPress::Low})
        if (name == pressName(press)) return press;
    return std::nullopt;
}

const char* takeoverName(MidiTakeover takeover) {
    return takeover == MidiTakeover::Jump ? "jump" : "pickup";
}

std::optional<MidiTakeover> takeoverFromName(const std::string& name) {
    for (auto takeover : {MidiTakeover::Pickup, MidiTakeover::Jump})
        if (name == takeoverName(takeover)) return takeover;
    return std::nullopt;
}

}  // namespace stemdeck::control::midi
