#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>

namespace stemdeck::control {

// One parameter value as a door delivers it (JSON, OSC, MIDI, a key). The registry converts
// and range-checks it against the action's ParamSpec (ActionRegistry::validate).
using ParamValue = std::variant<bool, std::int64_t, double, std::string>;

// Which door a call came through: errors are answered there, and a controller's own input is
// not echoed back to it as feedback.
enum class Origin { Key, Midi, Osc, Http, WebSocket, Cli, Test };

// A request to run one named action ("play", "stem.gain" …), from any door.
struct ActionCall {
    std::string name;
    std::map<std::string, ParamValue> params;
    Origin origin = Origin::Test;
    std::int64_t receivedNs = 0;  // steady_clock time of arrival (tap tempo), 0 if unknown
};

// What came of a call. Doors map codes to their own answers (HTTP 400/404/409/403, an OSC
// /stemdeck/error, a notice for a MIDI binding); `message` is one printable line.
struct ActionResult {
    enum class Code { Ok, UnknownAction, BadParam, OutOfRange, Unavailable, Locked, ReadOnly };
    Code code = Code::Ok;
    std::string message;  // why it failed; when Ok, empty or a short confirmation ("120.0 BPM")
    std::string param;    // the parameter at fault, if one is

    bool ok() const { return code == Code::Ok; }
    static ActionResult success() { return {}; }
    static ActionResult failure(Code code, std::string message, std::string param = {}) {
        return {code, std::move(message), std::move(param)};
    }
};

// Stable names of the codes, for JSON answers and logs ("bad_param", "locked" …).
const char* codeName(ActionResult::Code code);

}  // namespace stemdeck::control
