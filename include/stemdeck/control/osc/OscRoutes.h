#pragma once

#include <string>

#include "stemdeck/control/ActionCall.h"
#include "stemdeck/control/osc/OscCodec.h"

namespace stemdeck::control::osc {

// What an incoming message asks of the OSC door (docs/design/CONTROL.md §7, README "OSC
// control"): run an action, or one of the door's own requests.
struct OscRoute {
    enum class Kind { Action, StateDump, Subscribe, Unsubscribe, Error };
    Kind kind = Kind::Error;
    ActionCall call;    // Action: origin Osc, receivedNs 0 (the door stamps it)
    int port = 0;       // Subscribe/Unsubscribe: the port given, 0 = the sender's own
    std::string error;  // Error: one printable line
};

// Maps an address and its arguments to an ActionCall: /stemdeck/play → "play",
// /stemdeck/stem/<name|n>/gain f → "stem.gain" {stem, db} … Numbers come from i, f, h or d;
// flags from i, f (≥ 0.5 is on), T or F; anything else is a one-line error naming the
// address. Parameter ranges are the registry's business, not this one's. Pure: any thread.
OscRoute routeMessage(const OscMessage& message);

// The JSON parameters of /stemdeck/action: a flat object of bools, numbers and strings, at
// most 4 KiB. False with a one-line *error otherwise. Pure: any thread.
bool parseJsonParams(const std::string& text, ActionCall& call, std::string* error);

// `text` with control characters replaced and cut to `limit` bytes, for error messages.
std::string printableText(const std::string& text, std::size_t limit = 80);

}  // namespace stemdeck::control::osc
