#include "stemdeck/control/ActionJson.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "Printable.h"
#include "stemdeck/control/JsonDepth.h"

namespace stemdeck::control {
namespace {

using Code = ActionResult::Code;
using json = nlohmann::json;

constexpr int kMaxDepth = 8;

ActionResult refuse(std::string message, std::string param = {}) {
    return ActionResult::failure(Code::BadParam, std::move(message), std::move(param));
}

const char* typeOf(const json& value) {
    if (value.is_array()) return "a list";
    if (value.is_object()) return "an object";
    if (value.is_null()) return "null";
    return "this value";
}

const char* kindName(ActionSpec::Kind kind) {
    switch (kind) {
        case ActionSpec::Kind::Trigger:
            return "trigger";
        case ActionSpec::Kind::Toggle:
            return "toggle";
        case ActionSpec::Kind::Value:
            return "value";
    }
    return "trigger";
}

const char* scopeName(ActionSpec::Scope scope) {
    switch (scope) {
        case ActionSpec::Scope::Transport:
            return "transport";
        case ActionSpec::Scope::Mix:
            return "mix";
        case ActionSpec::Scope::View:
            return "view";
    }
    return "transport";
}

const char* typeName(ParamSpec::Type type) {
    switch (type) {
        case ParamSpec::Type::Bool:
            return "bool";
        case ParamSpec::Type::Int:
            return "int";
        case ParamSpec::Type::Float:
            return "float";
        case ParamSpec::Type::Text:
            return "text";
        case ParamSpec::Type::StemRef:
            return "stem";
    }
    return "text";
}

}  // namespace

ActionResult paramsFromJson(std::string_view text, std::map<std::string, ParamValue>& out) {
    if (text.size() > kMaxParamsJsonBytes)
        return refuse("parameters: the JSON is larger than 64 KiB");
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.clear();
        return ActionResult::success();
    }
    // A shallow nested value is refused below naming its key; a deep one not even parsed.
    if (jsonNestingDepth(text, kMaxDepth) > kMaxDepth)
        return refuse("parameters: JSON nested more than 8 levels deep");
    json parsed;
    try {
        parsed = json::parse(text);
    } catch (const json::parse_error& error) {
        return refuse("parameters: invalid JSON at byte " + std::to_string(error.byte));
    } catch (const json::exception&) {
        // out_of_range 406: a number too large for a double (1e400).
        return refuse("parameters: invalid JSON (a number out of range)");
    }
    return paramsFromJsonValue(parsed, out);
}

ActionResult paramsFromJsonValue(const json& params, std::map<std::string, ParamValue>& out) {
    if (params.is_null()) {
        out.clear();
        return ActionResult::success();
    }
    if (!params.is_object()) return refuse("parameters must be a JSON object");
    std::map<std::string, ParamValue> converted;
    for (auto it = params.begin(); it != params.end(); ++it) {
        const std::string& key = it.key();
        const json& value = it.value();
        if (value.is_boolean()) {
            converted[key] = value.get<bool>();
        } else if (value.is_number_integer() && !value.is_number_unsigned()) {
            converted[key] = value.get<std::int64_t>();
        } else if (value.is_number_unsigned()) {
            const auto n = value.get<std::uint64_t>();
            if (n <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                converted[key] = static_cast<std::int64_t>(n);
            else
                converted[key] = static_cast<double>(n);
        } else if (value.is_number_float()) {
            const double n = value.get<double>();
            if (!std::isfinite(n))
                return refuse("parameter " + printable(key) + ": the number is out of range", key);
            converted[key] = n;
        } else if (value.is_string()) {
            converted[key] = value.get<std::string>();
        } else {
            return refuse("parameter " + printable(key) + ": " + typeOf(value) + " is refused",
                          key);
        }
    }
    out = std::move(converted);
    return ActionResult::success();
}

json toJson(const ParamValue& value) {
    return std::visit([](const auto& v) { return json(v); }, value);
}

json specsToJson(const std::vector<ActionSpec>& specs) {
    json list = json::array();
    for (const auto& spec : specs) {
        json params = json::array();
        for (const auto& param : spec.params) {
            json p = {{"name", param.name},
                      {"type", typeName(param.type)},
                      {"optional", param.optional},
                      {"help", param.help}};
            if (param.type == ParamSpec::Type::Int || param.type == ParamSpec::Type::Float) {
                p["min"] = param.min;
                p["max"] = param.max;
            }
            if (param.defaultValue) p["default"] = toJson(*param.defaultValue);
            params.push_back(std::move(p));
        }
        list.push_back({{"name", spec.name},
                        {"title", spec.title},
                        {"kind", kindName(spec.kind)},
                        {"scope", scopeName(spec.scope)},
                        {"state_key", spec.stateKey},
                        {"params", std::move(params)}});
    }
    return list;
}

json resultToJson(const ActionResult& result) {
    if (result.ok()) return {{"ok", true}};
    // Messages quote what a client sent: made printable so that dump() cannot throw on it.
    json answer = {
        {"ok", false}, {"error", codeName(result.code)}, {"message", printable(result.message)}};
    if (!result.param.empty()) answer["param"] = printable(result.param);
    return answer;
}

}  // namespace stemdeck::control
