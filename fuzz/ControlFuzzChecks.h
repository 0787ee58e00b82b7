#pragma once

// What the control layer's fuzz targets (action_json, midi_mapping) assert of every input.
#include <cstdlib>
#include <string>

#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/ActionRegistry.h"

namespace stemdeck::fuzz {

inline void check(bool condition) {
    if (!condition) std::abort();
}

// One line: no control characters (a message may quote a client's bytes only printably).
inline void checkLine(const std::string& text) {
    check(!text.empty());
    for (const char c : text) check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
}

// Every action of the catalog, without handlers: what validation is checked against.
inline const control::ActionRegistry& catalogRegistry() {
    static const control::ActionRegistry instance = [] {
        control::ActionRegistry r;
        for (auto& spec : control::actionCatalog()) r.add(std::move(spec));
        return r;
    }();
    return instance;
}

}  // namespace stemdeck::fuzz
