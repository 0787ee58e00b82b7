#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "stemdeck/control/ActionCall.h"
#include "stemdeck/control/ActionSpec.h"

namespace stemdeck::control {

// JSON at the web doors: the parameters of POST /api/action/<name> and of a WebSocket
// "action" message, the action list of GET /api/actions and the answer to an action. Every
// function is pure: any thread.

// Larger bodies are refused before parsing (the HTTP door answers 413 before reading them).
inline constexpr std::size_t kMaxParamsJsonBytes = 64 * 1024;

// Parses a JSON object of flat parameters ({"stem": "drums", "db": -6}) into `out`. Empty or
// blank text means no parameters. A UTF-8 BOM is skipped. Numbers become int64 (whole, in
// range) or double (finite), bools and strings stay; arrays, objects and null are refused
// naming the key. Bad JSON, a non-object, nesting and oversized text are refused with one
// printable line (BadParam). `out` is only written on success.
ActionResult paramsFromJson(std::string_view text, std::map<std::string, ParamValue>& out);
// The same for a value already parsed (a WebSocket message's "params"); null means none.
// (Its own name: a json converts from text, so an overload would be ambiguous.)
ActionResult paramsFromJsonValue(const nlohmann::json& params,
                                 std::map<std::string, ParamValue>& out);

// One parameter value as JSON (a bool, number or string).
nlohmann::json toJson(const ParamValue& value);
// The actions as GET /api/actions lists them: [{"name", "title", "kind", "scope",
// "state_key", "params": [{"name", "type", "min", "max", "optional", "default", "help"}]}];
// min/max only for numbers, default only when there is one.
nlohmann::json specsToJson(const std::vector<ActionSpec>& specs);
// {"ok":true}, or {"ok":false,"error":"out_of_range","message":…,"param":…} (param if any).
nlohmann::json resultToJson(const ActionResult& result);

}  // namespace stemdeck::control
