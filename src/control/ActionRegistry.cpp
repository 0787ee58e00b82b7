#include "stemdeck/control/ActionRegistry.h"

#include <charconv>
#include <cmath>
#include <exception>
#include <sstream>

#include "Printable.h"

namespace stemdeck::control {
namespace {

using Code = ActionResult::Code;

// "1.5", "-3", " 2 " → a number; anything else → nothing.
bool parseNumber(const std::string& text, double& out) {
    const auto first = text.find_first_not_of(' ');
    const auto last = text.find_last_not_of(' ');
    if (first == std::string::npos) return false;
    const char* begin = text.data() + first;
    const char* end = text.data() + last + 1;
    const auto [ptr, ec] = std::from_chars(begin, end, out);
    return ec == std::errc() && ptr == end && std::isfinite(out);
}

bool asNumber(const ParamValue& value, double& out) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        out = static_cast<double>(*i);
        return true;
    }
    if (const auto* d = std::get_if<double>(&value)) {
        out = *d;
        return std::isfinite(*d);
    }
    if (const auto* s = std::get_if<std::string>(&value)) return parseNumber(*s, out);
    return false;
}

bool asBool(const ParamValue& value, bool& out) {
    if (const auto* b = std::get_if<bool>(&value)) {
        out = *b;
        return true;
    }
    if (const auto* s = std::get_if<std::string>(&value)) {
        if (*s == "true" || *s == "on" || *s == "1") return out = true, true;
        if (*s == "false" || *s == "off" || *s == "0") return out = false, true;
        return false;
    }
    double n = 0.0;
    if (!asNumber(value, n) || (n != 0.0 && n != 1.0)) return false;
    out = n == 1.0;
    return true;
}

std::string formatNumber(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

const char* expectedValue(ParamSpec::Type type) {
    switch (type) {
        case ParamSpec::Type::Bool:
            return "true or false";
        case ParamSpec::Type::Int:
            return "a whole number";
        case ParamSpec::Type::Float:
            return "a number";
        case ParamSpec::Type::Text:
            return "text";
        case ParamSpec::Type::StemRef:
            return "a stem's name or number";
    }
    return "a value";
}

// Converts one value to its spec's type and checks the range.
ActionResult convert(const std::string& action, const ParamSpec& spec, const ParamValue& value,
                     ParamValue& out) {
    const auto bad = [&] {
        return ActionResult::failure(
            Code::BadParam, action + ": " + spec.name + " must be " + expectedValue(spec.type),
            spec.name);
    };
    const auto range = [&](double n) -> ActionResult {
        if (n >= spec.min && n <= spec.max) return ActionResult::success();
        return ActionResult::failure(Code::OutOfRange,
                                     action + ": " + spec.name + " must be from " +
                                         formatNumber(spec.min) + " to " + formatNumber(spec.max),
                                     spec.name);
    };
    switch (spec.type) {
        case ParamSpec::Type::Bool: {
            bool b = false;
            if (!asBool(value, b)) return bad();
            out = b;
            return ActionResult::success();
        }
        case ParamSpec::Type::Int: {
            double n = 0.0;
            if (!asNumber(value, n) || n != std::floor(n) || std::abs(n) > 9.0e15) return bad();
            out = static_cast<std::int64_t>(n);
            return range(n);
        }
        case ParamSpec::Type::Float: {
            double n = 0.0;
            if (!asNumber(value, n)) return bad();
            out = n;
            return range(n);
        }
        case ParamSpec::Type::Text: {
            const auto* s = std::get_if<std::string>(&value);
            if (!s) return bad();
            out = *s;
            return ActionResult::success();
        }
        case ParamSpec::Type::StemRef: {
            if (const auto* s = std::get_if<std::string>(&value)) {
                if (s->empty()) return bad();
                out = *s;
                return ActionResult::success();
            }
            double n = 0.0;
            if (!asNumber(value, n) || n != std::floor(n) || n < 1 || n > 1.0e6) return bad();
            out = std::to_string(static_cast<long long>(n));
            return ActionResult::success();
        }
    }
    return bad();
}

}  // namespace

bool ValidCall::flag(const std::string& name) const {
    return std::get<bool>(params.at(name));
}
std::int64_t ValidCall::integer(const std::string& name) const {
    return std::get<std::int64_t>(params.at(name));
}
double ValidCall::number(const std::string& name) const {
    return std::get<double>(params.at(name));
}
const std::string& ValidCall::text(const std::string& name) const {
    return std::get<std::string>(params.at(name));
}

void ActionRegistry::add(ActionSpec spec, ActionHandler handler) {
    const std::string name = spec.name;
    if (const auto it = index_.find(name); it != index_.end()) {
        specs_[it->second] = std::move(spec);
    } else {
        index_[name] = specs_.size();
        specs_.push_back(std::move(spec));
    }
    if (handler) handlers_[name] = std::move(handler);
}

bool ActionRegistry::setHandler(const std::string& name, ActionHandler handler) {
    if (!index_.count(name)) return false;
    handlers_[name] = std::move(handler);
    return true;
}

const ActionSpec* ActionRegistry::find(const std::string& name) const {
    const auto it = index_.find(name);
    return it == index_.end() ? nullptr : &specs_[it->second];
}

ActionResult ActionRegistry::validate(const ActionCall& call, ValidCall* out) const {
    const ActionSpec* spec = find(call.name);
    if (!spec)
        return ActionResult::failure(Code::UnknownAction,
                                     "no action named " + printable(call.name));
    ValidCall valid{spec, {}, call.origin, call.receivedNs};
    for (const auto& [name, value] : call.params) {
        bool known = false;
        for (const auto& param : spec->params) known = known || param.name == name;
        if (!known)
            return ActionResult::failure(
                Code::BadParam, call.name + " takes no parameter named " + printable(name), name);
    }
    for (const auto& param : spec->params) {
        const auto given = call.params.find(param.name);
        if (given == call.params.end()) {
            if (!param.optional)
                return ActionResult::failure(Code::BadParam, call.name + " needs " + param.name,
                                             param.name);
            if (param.defaultValue) valid.params[param.name] = *param.defaultValue;
            continue;
        }
        ParamValue converted;
        if (auto result = convert(call.name, param, given->second, converted); !result.ok())
            return result;
        valid.params[param.name] = std::move(converted);
    }
    if (out) *out = std::move(valid);
    return ActionResult::success();
}

ActionResult ActionRegistry::invoke(const ActionCall& call) const {
    ValidCall valid;
    if (auto result = validate(call, &valid); !result.ok()) return result;
    const auto handler = handlers_.find(call.name);
    if (handler == handlers_.end() || !handler->second)
        return ActionResult::failure(Code::Unavailable, call.name + " is not available here");
    try {
        return handler->second(valid);
    } catch (const std::exception& error) {
        return ActionResult::failure(Code::Unavailable, call.name + ": " + error.what());
    }
}

}  // namespace stemdeck::control
