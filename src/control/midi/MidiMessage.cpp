#include "stemdeck/control/midi/MidiMessage.h"

namespace stemdeck::control::midi {

std::optional<MidiMessage> MidiMessage::parse(const std::uint8_t* bytes, std::size_t size) {
    if (!bytes || size == 0 || (bytes[0] & 0x80) == 0) return std::nullopt;
    const int status = bytes[0] & 0xF0;
    MidiMessage m;
    m.channel = (bytes[0] & 0x0F) + 1;
    // Data bytes have the top bit clear; a message with a status byte in its data is broken.
    auto data = [&](std::size_t i) { return i < size && (bytes[i] & 0x80) == 0; };
    switch (status) {
        case 0x80:
        case 0x90:
        case 0xB0:
            if (size != 3 || !data(1) || !data(2)) return std::nullopt;
            m.number = bytes[1];
            m.value = bytes[2];
            if (status == 0xB0)
                m.type = Type::ControlChange;
            else
                m.type = (status == 0x90 && m.value > 0) ? Type::NoteOn : Type::NoteOff;
            if (status == 0x80) m.value = 0;  // a release; its velocity means nothing to us
            return m;
        case 0xC0:
            if (size != 2 || !data(1)) return std::nullopt;
            m.type = Type::ProgramChange;
            m.number = bytes[1];
            return m;
        default:
            return std::nullopt;
    }
}

bool MidiMessage::pressed() const {
    switch (type) {
        case Type::NoteOn:
        case Type::ProgramChange:
            return true;
        case Type::NoteOff:
            return false;
        case Type::ControlChange:
            return value >= 64;
    }
    return false;
}

}  // namespace stemdeck::control::midi
