#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace stemdeck::control::midi {

// One channel message a controller sends that stemdeck acts on. Pure: any thread.
struct MidiMessage {
    enum class Type { NoteOn, NoteOff, ControlChange, ProgramChange };
    Type type = Type::NoteOn;
    int channel = 1;  // 1..16
    int number = 0;   // note, controller or program, 0..127
    int value = 0;    // velocity or controller value, 0..127 (0 for program change)

    // Parses 1..3 raw bytes (RtMidi delivers whole messages, no running status). Note on with
    // velocity 0 is a note off. Anything else (system, pitch bend, aftertouch, short or
    // malformed messages) is none.
    static std::optional<MidiMessage> parse(const std::uint8_t* bytes, std::size_t size);

    // A press: note on, or a controller value ≥ 64 (pedals send 127/0). Program changes press.
    bool pressed() const;
};

}  // namespace stemdeck::control::midi
