#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "stemdeck/control/ActionCall.h"
#include "stemdeck/control/midi/MidiMessage.h"

namespace stemdeck::control::midi {

// Where a binding listens: a note, a controller or a program change on one channel or any.
struct MidiSource {
    enum class Type { Note, Cc, Pc };
    Type type = Type::Cc;
    int channel = 0;  // 1..16, 0 = any
    int number = 0;   // 0..127 (ignored for Pc)

    bool matches(const MidiMessage& message) const;
    bool operator==(const MidiSource&) const = default;
};

// How a binding turns messages into calls (docs/design/CONTROL.md §5).
enum class MidiMode {
    Trigger,    // fires the action on a press (high), a release (low) or every message (any)
    Toggle,     // flips the toggle on each press
    Follow,     // on = value ≥ 64, for latching pedals that send 127 then 0
    Momentary,  // on while held: on at the press, off at the release
    Absolute,   // 0..127 → the action's value parameter (faders)
};
enum class MidiPress { High, Any, Low };
// An absolute binding's fader away from its target's value (moved by the window, a scene or
// another door): `pickup` waits until the fader reaches the value (MidiPickup), `jump` sets it
// at once (motor faders, moved to the value by feedback, never need to pick up).
enum class MidiTakeover { Pickup, Jump };

// One controller input bound to one action with fixed arguments (e.g. {"stem": "drums"}).
struct MidiBinding {
    std::string action;
    std::map<std::string, ParamValue> args;
    MidiSource source;
    MidiMode mode = MidiMode::Trigger;
    MidiPress press = MidiPress::High;
    MidiTakeover takeover = MidiTakeover::Pickup;  // absolute bindings only
    bool feedback = false;                         // send the state back (LEDs, motor faders)
    int feedbackOn = 127;
    int feedbackOff = 0;
    nlohmann::json extra = nlohmann::json::object();  // unknown keys, kept on save
};

// Program change n → `action` with {"n": n + offset} (song.goto by default: program 0 = song 1).
struct ProgramChangeRule {
    std::string action = "song.goto";
    int offset = 1;
    int channel = 0;  // 1..16, 0 = any
};

const char* modeName(MidiMode mode);
std::optional<MidiMode> modeFromName(const std::string& name);
const char* pressName(MidiPress press);
std::optional<MidiPress> pressFromName(const std::string& name);
const char* takeoverName(MidiTakeover takeover);
std::optional<MidiTakeover> takeoverFromName(const std::string& name);

}  // namespace stemdeck::control::midi
