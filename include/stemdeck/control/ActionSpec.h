#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stemdeck/control/ActionCall.h"

namespace stemdeck::control {

// A parameter an action takes. Numbers are range-checked (OutOfRange names the range); a
// StemRef is a stem's exact name, its name in any case, or its 1-based number, resolved
// against the song's stems when the action runs.
struct ParamSpec {
    enum class Type { Bool, Int, Float, Text, StemRef };
    std::string name;
    Type type = Type::Float;
    double min = 0.0;  // Int and Float only
    double max = 0.0;
    bool optional = false;
    std::optional<ParamValue> defaultValue;  // used when optional and absent
    std::string help;                        // one line, for Help and the web API listing
};

// One action of the registry (ActionCatalog.h lists them all).
struct ActionSpec {
    // Trigger: does something once. Toggle: has an on/off state; without `on` it flips.
    // Value: sets a continuous value (faders, tempo).
    enum class Kind { Trigger, Toggle, Value };
    // Mix-scope actions are refused (Locked) while Lock Mix is on; transport keeps working.
    enum class Scope { Transport, Mix, View };
    std::string name;   // "song.next", stable: bindings and the API refer to it
    std::string title;  // "Next song", for menus and the settings page
    Kind kind = Kind::Trigger;
    Scope scope = Scope::Transport;
    std::vector<ParamSpec> params;
    std::string stateKey;  // the ControlState field a Toggle/Value reflects ("click"), if any
};

}  // namespace stemdeck::control
