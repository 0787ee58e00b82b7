#pragma once

// What MidiInput and MidiOutput share in their use of RtMidi (private to stemdeck_midi_io).

#include <RtMidi.h>

#include <string>
#include <vector>

#include "stemdeck/control/backend/MidiSystem.h"

namespace stemdeck::control::backend::detail {

// The RtMidi API of a MidiSystem answer; always explicit (UNSPECIFIED throws without ALSA).
inline RtMidi::Api rtApi(MidiApi api) {
    switch (api) {
        case MidiApi::Alsa:
            return RtMidi::LINUX_ALSA;
        case MidiApi::Jack:
            return RtMidi::UNIX_JACK;
        case MidiApi::None:
            break;
    }
    return RtMidi::RTMIDI_DUMMY;
}

// With an error callback RtMidi neither prints nor throws: it reports here instead.
inline void quiet(RtMidiError::Type, const std::string&, void*) {}

// Keeps the first error (not warnings) in the std::string `error` points to.
inline void keepError(RtMidiError::Type type, const std::string& text, void* error) {
    if (type == RtMidiError::WARNING || type == RtMidiError::DEBUG_WARNING) return;
    if (static_cast<std::string*>(error)->empty()) *static_cast<std::string*>(error) = text;
}

// RtMidi's messages and port names on one printable line.
inline std::string oneLine(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

// The ports `midi` (an input or an output) can connect to, by name.
inline std::vector<std::string> portNames(RtMidi& midi) {
    std::vector<std::string> names;
    for (unsigned i = 0, n = midi.getPortCount(); i < n; ++i) names.push_back(midi.getPortName(i));
    return names;
}

// The first port whose name contains `part`, or getPortCount() when none does.
inline unsigned portContaining(RtMidi& midi, const std::string& part) {
    const unsigned count = midi.getPortCount();
    for (unsigned i = 0; i < count; ++i)
        if (midi.getPortName(i).find(part) != std::string::npos) return i;
    return count;
}

}  // namespace stemdeck::control::backend::detail
