#include <gtest/gtest.h>

#include <set>
#include <string>
#include <variant>

#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/ActionRegistry.h"
#include "stemdeck/control/ControlState.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ActionCatalogTest {

using namespace stemdeck::control;

namespace {

const ActionSpec* findSpec(const std::vector<ActionSpec>& specs, const std::string& name) {
    for (const auto& spec : specs)
        if (spec.name == name) return &spec;
    return nullptr;
}

}  // namespace

// The names are an API (bindings, OSC addresses, the web API): exactly CONTROL.md §3's.
TEST(ActionCatalog, HasExactlyTheDesignedNames) {
    const std::set<std::string> expected = {
        "play",      "pause",         "play_pause", "stop",        "to_start",        "seek",
        "song.next", "song.previous", "song.goto",  "marker.next", "marker.previous", "marker.goto",
        "vamp",      "loop",          "click",      "lock",        "stage",           "tempo",
        "tempo.up",  "tempo.down",    "pitch",      "pitch.up",    "pitch.down",      "tap_tempo",
        "stem.mute", "stem.solo",     "stem.gain",  "master.gain", "lyrics.stamp"};
    std::set<std::string> names;
    for (const auto& spec : actionCatalog()) names.insert(spec.name);
    EXPECT_EQ(names, expected);
    EXPECT_EQ(actionCatalog().size(), expected.size());
}

TEST(ActionCatalog, EveryEntryIsWellFormed) {
    std::set<std::string> names;
    std::set<std::string> titles;
    for (const auto& spec : actionCatalog()) {
        SCOPED_TRACE(spec.name);
        EXPECT_TRUE(names.insert(spec.name).second) << "duplicate name";
        EXPECT_FALSE(spec.title.empty());
        EXPECT_TRUE(titles.insert(spec.title).second) << "duplicate title " << spec.title;
        if (spec.kind != ActionSpec::Kind::Trigger) {
            EXPECT_FALSE(spec.stateKey.empty());
        }
        std::set<std::string> params;
        for (const auto& param : spec.params) {
            SCOPED_TRACE(param.name);
            EXPECT_TRUE(params.insert(param.name).second) << "duplicate parameter";
            EXPECT_FALSE(param.help.empty());
            const bool numeric =
                param.type == ParamSpec::Type::Int || param.type == ParamSpec::Type::Float;
            if (numeric) {
                EXPECT_LT(param.min, param.max);
            }
            if (!param.defaultValue) continue;
            EXPECT_TRUE(param.optional) << "a default on a required parameter is never used";
            if (numeric) {
                double value = 0.0;
                if (const auto* i = std::get_if<std::int64_t>(&*param.defaultValue))
                    value = static_cast<double>(*i);
                else
                    value = std::get<double>(*param.defaultValue);
                EXPECT_GE(value, param.min);
                EXPECT_LE(value, param.max);
            }
        }
        // A toggle flips without `on`: it must be optional and have no default.
        if (spec.kind == ActionSpec::Kind::Toggle) {
            bool hasOn = false;
            for (const auto& param : spec.params) {
                if (param.name != "on") continue;
                hasOn = true;
                EXPECT_EQ(param.type, ParamSpec::Type::Bool);
                EXPECT_TRUE(param.optional);
                EXPECT_FALSE(param.defaultValue.has_value());
            }
            EXPECT_TRUE(hasOn);
        }
    }
}

TEST(ActionCatalog, DefaultsPassTheirOwnValidation) {
    ActionRegistry registry;
    for (auto& spec : actionCatalog()) registry.add(spec);
    for (const auto& spec : registry.specs()) {
        ActionCall call{spec.name, {}, Origin::Test, 0};
        for (const auto& param : spec.params)
            if (param.defaultValue) call.params[param.name] = *param.defaultValue;
        const bool needsArgs = [&] {
            for (const auto& param : spec.params)
                if (!param.optional) return true;
            return false;
        }();
        if (needsArgs) continue;
        EXPECT_TRUE(registry.validate(call).ok()) << spec.name;
    }
}

TEST(ActionCatalog, ScopesFollowLockMix) {
    const auto specs = actionCatalog();
    for (const char* name : {"stem.mute", "stem.solo", "stem.gain", "master.gain"})
        EXPECT_EQ(findSpec(specs, name)->scope, ActionSpec::Scope::Mix) << name;
    // Rehearsal controls and lock itself keep working while the mix is locked.
    for (const char* name : {"tempo", "tempo.up", "tempo.down", "pitch", "pitch.up", "pitch.down",
                             "click", "lock", "play", "song.next", "vamp"})
        EXPECT_EQ(findSpec(specs, name)->scope, ActionSpec::Scope::Transport) << name;
    EXPECT_EQ(findSpec(specs, "stage")->scope, ActionSpec::Scope::View);
    EXPECT_EQ(findSpec(specs, "lyrics.stamp")->scope, ActionSpec::Scope::View);
    int mix = 0;
    for (const auto& spec : specs) mix += spec.scope == ActionSpec::Scope::Mix;
    EXPECT_EQ(mix, 4);
}

TEST(ActionCatalog, KindsAndStateKeys) {
    const auto specs = actionCatalog();
    for (const char* name : {"vamp", "loop", "click", "lock", "stage", "stem.mute", "stem.solo"})
        EXPECT_EQ(findSpec(specs, name)->kind, ActionSpec::Kind::Toggle) << name;
    for (const char* name : {"tempo", "pitch", "stem.gain", "master.gain", "seek"})
        EXPECT_EQ(findSpec(specs, name)->kind, ActionSpec::Kind::Value) << name;
    EXPECT_EQ(findSpec(specs, "click")->stateKey, "click");
    EXPECT_EQ(findSpec(specs, "master.gain")->stateKey, "master_db");
    EXPECT_EQ(findSpec(specs, "stem.gain")->stateKey, "stems");
    EXPECT_EQ(findSpec(specs, "pitch")->stateKey, "pitch_cents");
}

// Doors find what a toggle or fader shows under its state key (MIDI feedback, the web page).
TEST(ActionCatalog, StateKeysExistInTheStateJson) {
    const auto state = toJson(ControlState{});
    for (const auto& spec : actionCatalog())
        if (!spec.stateKey.empty()) {
            EXPECT_TRUE(state.contains(spec.stateKey)) << spec.name;
        }
}

}  // namespace unity_ActionCatalogTest
