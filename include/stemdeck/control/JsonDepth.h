#pragma once

#include <string_view>

namespace stemdeck::control {

// The deepest array/object nesting of JSON text, counted outside strings, stopping once it
// passes `limit`: every JSON reader of the control layer refuses deep nesting before
// nlohmann builds (and recursively destroys) the tree. Pure; any thread.
int jsonNestingDepth(std::string_view text, int limit);

}  // namespace stemdeck::control
