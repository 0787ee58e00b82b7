#pragma once

#include <map>
#include <string>
#include <vector>

#include "stemdeck/control/ActionCall.h"

namespace stemdeck::control {

// A default key binding: an action (with fixed parameters, as "marker.goto" n=3) and its key
// sequences in Qt's portable text (QKeySequence::PortableText: "Space", "Ctrl+Right",
// "PgDown"), so that this table needs no Qt. The user's own keys are in Settings `keys/…`.
struct KeyDefault {
    std::string action;
    std::map<std::string, ParamValue> params;
    std::vector<std::string> keys;
};

// Every default binding: the keys stemdeck's window had before the control layer (so that
// nobody's fingers have to relearn) and the page-turner defaults. Pure data: any thread.
const std::vector<KeyDefault>& keyDefaults();

// The default keys of an action called without parameters; empty when it has none.
std::vector<std::string> defaultKeys(const std::string& action);

}  // namespace stemdeck::control
