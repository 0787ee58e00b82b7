#include "stemdeck/control/osc/OscRoutes.h"

#include <array>
#include <cmath>
#include <optional>
#include <string_view>

#include "../Printable.h"
#include "stemdeck/control/ActionJson.h"

namespace stemdeck::control::osc {
namespace {

constexpr std::string_view kPrefix = "/stemdeck/";

// How an argument slot is read: a number (i f h d), a flag (i f T F) or text (s S).
enum class Slot { Number, Integer, Flag, Text };

struct Arg {
    const char* param;
    Slot slot;
    bool optional;
};

// The fixed addresses below /stemdeck/ and the action each runs.
struct Fixed {
    std::string_view path;
    const char* action;
    std::array<Arg, 2> args;  // param == nullptr ends the list
    int count;
};

constexpr Arg kNone{nullptr, Slot::Number, true};
constexpr Arg kOn{"on", Slot::Flag, true};

constexpr std::array<Fixed, 26> kFixed{{
    {"play", "play", {kNone, kNone}, 0},
    {"pause", "pause", {kNone, kNone}, 0},
    {"play_pause", "play_pause", {kNone, kNone}, 0},
    {"stop", "stop", {kNone, kNone}, 0},
    {"to_start", "to_start", {kNone, kNone}, 0},
    {"seek", "seek", {Arg{"seconds", Slot::Number, false}, kNone}, 1},
    {"song/next", "song.next", {kNone, kNone}, 0},
    {"song/previous", "song.previous", {kNone, kNone}, 0},
    {"song/goto", "song.goto", {Arg{"n", Slot::Integer, false}, kNone}, 1},
    {"marker/next", "marker.next", {kNone, kNone}, 0},
    {"marker/previous", "marker.previous", {kNone, kNone}, 0},
    {"marker/goto", "marker.goto", {Arg{"n", Slot::Integer, false}, kNone}, 1},
    {"vamp", "vamp", {kOn, kNone}, 1},
    {"loop", "loop", {kOn, kNone}, 1},
    {"click", "click", {kOn, kNone}, 1},
    {"lock", "lock", {kOn, kNone}, 1},
    {"stage", "stage", {kOn, kNone}, 1},
    {"tempo", "tempo", {Arg{"ratio", Slot::Number, false}, kNone}, 1},
    {"tempo/up", "tempo.up", {Arg{"percent", Slot::Number, true}, kNone}, 1},
    {"tempo/down", "tempo.down", {Arg{"percent", Slot::Number, true}, kNone}, 1},
    {"pitch",
     "pitch",
     {Arg{"semitones", Slot::Number, false}, Arg{"cents", Slot::Number, true}},
     2},
    {"pitch/up", "pitch.up", {kNone, kNone}, 0},
    {"pitch/down", "pitch.down", {kNone, kNone}, 0},
    {"tap_tempo", "tap_tempo", {kNone, kNone}, 0},
    {"master/gain", "master.gain", {Arg{"db", Slot::Number, false}, kNone}, 1},
    {"lyrics/stamp", "lyrics.stamp", {kNone, kNone}, 0},
}};

const char* slotName(Slot slot) {
    switch (slot) {
        case Slot::Number:
            return "a number (i, f, h or d)";
        case Slot::Integer:
            return "a whole number (i or h)";
        case Slot::Flag:
            return "a flag (i, f, T or F)";
        case Slot::Text:
            return "text (s)";
    }
    return "?";
}

// The argument converted for its slot, or nullopt when its type tag does not fit.
std::optional<ParamValue> convert(const OscArg& arg, Slot slot) {
    if (slot == Slot::Text) {
        if (const auto* s = std::get_if<std::string>(&arg)) return *s;
        return std::nullopt;
    }
    if (slot == Slot::Flag) {
        if (const auto* b = std::get_if<bool>(&arg)) return *b;
        if (const auto* i = std::get_if<std::int32_t>(&arg)) return *i != 0;
        if (const auto* f = std::get_if<float>(&arg)) return *f >= 0.5f;
        return std::nullopt;
    }
    if (const auto* i = std::get_if<std::int32_t>(&arg)) return std::int64_t{*i};
    if (const auto* h = std::get_if<std::int64_t>(&arg)) return *h;
    if (slot == Slot::Integer) return std::nullopt;
    // NaN and infinities would slip through a range check (every comparison is false).
    if (const auto* f = std::get_if<float>(&arg))
        return std::isfinite(*f) ? std::optional<ParamValue>(double{*f}) : std::nullopt;
    if (const auto* d = std::get_if<double>(&arg))
        return std::isfinite(*d) ? std::optional<ParamValue>(*d) : std::nullopt;
    return std::nullopt;
}

OscRoute error(const OscMessage& m, std::string why) {
    OscRoute r;
    r.kind = OscRoute::Kind::Error;
    r.error = printableText(m.address) + ": " + why;
    return r;
}

// Fills call.params from the message's arguments by `args`; an error route when they do not fit.
std::optional<OscRoute> readArgs(const OscMessage& m, const Arg* args, int count,
                                 ActionCall& call) {
    int required = 0;
    for (int i = 0; i < count; ++i)
        if (!args[i].optional) ++required;
    const int given = static_cast<int>(m.args.size());
    if (given < required || given > count) {
        const std::string want = required == count
                                     ? std::to_string(count)
                                     : std::to_string(required) + " to " + std::to_string(count);
        return error(m, "takes " + want + " argument" +
                            (count == 1 && required == count ? "" : "s") + ", got " +
                            std::to_string(given));
    }
    for (int i = 0; i < given; ++i) {
        auto value = convert(m.args[static_cast<std::size_t>(i)], args[i].slot);
        if (!value)
            return error(
                m, std::string("argument ") + std::to_string(i + 1) + " (" + args[i].param +
                       ") must be " + slotName(args[i].slot) + ", got type '" +
                       printableText(std::string(1, m.types[static_cast<std::size_t>(i)])) + "'");
        call.params[args[i].param] = std::move(*value);
    }
    return std::nullopt;
}

OscRoute action(const OscMessage& m, const char* name, const Arg* args, int count) {
    OscRoute r;
    r.kind = OscRoute::Kind::Action;
    r.call.name = name;
    r.call.origin = Origin::Osc;
    if (auto bad = readArgs(m, args, count, r.call)) return *bad;
    return r;
}

// /stemdeck/stem/<name|n>/{gain,mute,solo}
OscRoute stemRoute(const OscMessage& m, std::string_view rest) {
    const auto slash = rest.rfind('/');
    if (slash == std::string_view::npos || slash == 0)
        return error(m, "expected /stemdeck/stem/<name or number>/gain, mute or solo");
    const std::string stem(rest.substr(0, slash));
    const std::string_view what = rest.substr(slash + 1);
    OscRoute r;
    if (what == "gain") {
        const Arg db{"db", Slot::Number, false};
        r = action(m, "stem.gain", &db, 1);
    } else if (what == "mute" || what == "solo") {
        r = action(m, what == "mute" ? "stem.mute" : "stem.solo", &kOn, 1);
    } else {
        return error(m, "unknown stem control '" + printableText(std::string(what)) +
                            "' (gain, mute or solo)");
    }
    if (r.kind == OscRoute::Kind::Action) r.call.params["stem"] = stem;
    return r;
}

OscRoute subscription(const OscMessage& m, OscRoute::Kind kind) {
    OscRoute r;
    r.kind = kind;
    const Arg port{"port", Slot::Integer, true};
    ActionCall scratch;
    if (auto bad = readArgs(m, &port, 1, scratch)) return *bad;
    if (!scratch.params.empty()) {
        const auto p = std::get<std::int64_t>(scratch.params["port"]);
        if (p < 1 || p > 65535) return error(m, "port " + std::to_string(p) + " is not 1 to 65535");
        r.port = static_cast<int>(p);
    }
    return r;
}

OscRoute namedAction(const OscMessage& m) {
    const std::array<Arg, 2> args{Arg{"name", Slot::Text, false}, Arg{"params", Slot::Text, true}};
    ActionCall scratch;
    if (auto bad = readArgs(m, args.data(), 2, scratch)) return *bad;
    OscRoute r;
    r.kind = OscRoute::Kind::Action;
    r.call.origin = Origin::Osc;
    r.call.name = std::get<std::string>(scratch.params["name"]);
    if (r.call.name.empty()) return error(m, "no action name");
    if (scratch.params.count("params")) {
        std::string why;
        if (!parseJsonParams(std::get<std::string>(scratch.params["params"]), r.call, &why))
            return error(m, why);
    }
    return r;
}

}  // namespace

std::string printableText(const std::string& text, std::size_t limit) {
    return printable(text, limit);
}

bool parseJsonParams(const std::string& text, ActionCall& call, std::string* error) {
    // The web API's reader (ActionJson): one set of limits and messages for every door.
    std::map<std::string, ParamValue> params;
    const ActionResult result = paramsFromJson(text, params);
    if (!result.ok()) {
        if (error) *error = result.message;
        return false;
    }
    for (auto& [name, value] : params) call.params[name] = std::move(value);
    return true;
}

OscRoute routeMessage(const OscMessage& m) {
    const std::string_view address = m.address;
    if (address.substr(0, kPrefix.size()) != kPrefix)
        return error(m, "unknown address (stemdeck listens below /stemdeck/)");
    const std::string_view path = address.substr(kPrefix.size());
    if (path == "state") {
        if (!m.args.empty()) return error(m, "takes no arguments");
        OscRoute r;
        r.kind = OscRoute::Kind::StateDump;
        return r;
    }
    if (path == "subscribe") return subscription(m, OscRoute::Kind::Subscribe);
    if (path == "unsubscribe") return subscription(m, OscRoute::Kind::Unsubscribe);
    if (path == "action") return namedAction(m);
    constexpr std::string_view kStem = "stem/";
    if (path.substr(0, kStem.size()) == kStem) return stemRoute(m, path.substr(kStem.size()));
    for (const Fixed& f : kFixed)
        if (f.path == path) return action(m, f.action, f.args.data(), f.count);
    return error(m, "unknown address");
}

}  // namespace stemdeck::control::osc
