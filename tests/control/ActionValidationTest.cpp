#include <gtest/gtest.h>

#include <set>
#include <string>

#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/ActionRegistry.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ActionValidationTest {

using namespace stemdeck::control;
using Code = ActionResult::Code;
using Params = std::map<std::string, ParamValue>;

namespace {

struct Case {
    std::string action;
    Params params;
    Code code;
    std::string param;  // the parameter at fault, for failures
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
    out << c.action << " {";
    for (const auto& [name, value] : c.params) {
        out << name << '=';
        std::visit([&](const auto& v) { out << v; }, value);
        out << ' ';
    }
    return out << "} → " << codeName(c.code);
}

ActionRegistry catalogRegistry() {
    ActionRegistry registry;
    for (auto& spec : actionCatalog()) registry.add(std::move(spec));
    return registry;
}

using S = std::string;
using I = std::int64_t;

// Range edges are inclusive; just past them is OutOfRange. Every action appears at least once.
const Case kCases[] = {
    {"play", {}, Code::Ok, ""},
    {"pause", {}, Code::Ok, ""},
    {"play_pause", {}, Code::Ok, ""},
    {"stop", {}, Code::Ok, ""},
    {"to_start", {}, Code::Ok, ""},
    {"play", {{"on", true}}, Code::BadParam, "on"},
    {"seek", {}, Code::BadParam, "seconds"},
    {"seek", {{"seconds", 0.0}}, Code::Ok, ""},
    {"seek", {{"seconds", I{0}}}, Code::Ok, ""},
    {"seek", {{"seconds", -0.001}}, Code::OutOfRange, "seconds"},
    {"seek", {{"seconds", S{"12.5"}}}, Code::Ok, ""},
    {"seek", {{"seconds", S{"twelve"}}}, Code::BadParam, "seconds"},
    {"seek", {{"seconds", true}}, Code::BadParam, "seconds"},
    {"song.next", {}, Code::Ok, ""},
    {"song.previous", {}, Code::Ok, ""},
    {"song.goto", {{"n", I{1}}}, Code::Ok, ""},
    {"song.goto", {{"n", I{0}}}, Code::OutOfRange, "n"},
    {"song.goto", {{"n", 2.5}}, Code::BadParam, "n"},
    {"song.goto", {{"n", 3.0}}, Code::Ok, ""},
    {"song.goto", {{"n", S{"3"}}}, Code::Ok, ""},
    {"song.goto", {}, Code::BadParam, "n"},
    {"marker.next", {}, Code::Ok, ""},
    {"marker.next", {{"at", S{"bar"}}}, Code::Ok, ""},
    {"marker.previous", {{"at", I{1}}}, Code::BadParam, "at"},
    {"marker.goto", {{"n", I{9}}}, Code::Ok, ""},
    {"marker.goto", {{"n", I{-1}}}, Code::OutOfRange, "n"},
    {"vamp", {}, Code::Ok, ""},
    {"vamp", {{"on", true}}, Code::Ok, ""},
    {"loop", {{"on", S{"off"}}}, Code::Ok, ""},
    {"loop", {{"on", I{1}}}, Code::Ok, ""},
    {"click", {{"on", I{2}}}, Code::BadParam, "on"},
    {"click", {{"on", S{"maybe"}}}, Code::BadParam, "on"},
    {"lock", {{"on", 0.0}}, Code::Ok, ""},
    {"stage", {{"on", false}}, Code::Ok, ""},
    {"stage", {{"off", false}}, Code::BadParam, "off"},
    {"tempo", {{"ratio", 0.5}}, Code::Ok, ""},
    {"tempo", {{"ratio", 1.5}}, Code::Ok, ""},
    {"tempo", {{"ratio", 0.499}}, Code::OutOfRange, "ratio"},
    {"tempo", {{"ratio", 1.501}}, Code::OutOfRange, "ratio"},
    {"tempo", {{"ratio", I{1}}}, Code::Ok, ""},
    {"tempo.up", {}, Code::Ok, ""},
    {"tempo.up", {{"percent", 25.0}}, Code::Ok, ""},
    {"tempo.down", {{"percent", 0.5}}, Code::OutOfRange, "percent"},
    {"tempo.down", {{"percent", 26.0}}, Code::OutOfRange, "percent"},
    {"pitch", {{"semitones", I{-12}}}, Code::Ok, ""},
    {"pitch", {{"semitones", I{12}}, {"cents", 100.0}}, Code::Ok, ""},
    {"pitch", {{"semitones", I{13}}}, Code::OutOfRange, "semitones"},
    {"pitch", {{"semitones", I{0}}, {"cents", -100.5}}, Code::OutOfRange, "cents"},
    {"pitch", {{"cents", 10.0}}, Code::BadParam, "semitones"},
    {"pitch.up", {}, Code::Ok, ""},
    {"pitch.down", {}, Code::Ok, ""},
    {"tap_tempo", {}, Code::Ok, ""},
    {"lyrics.stamp", {}, Code::Ok, ""},
    {"lyrics.stamp", {{"line", I{2}}}, Code::BadParam, "line"},
    {"stem.mute", {{"stem", S{"drums"}}}, Code::Ok, ""},
    {"stem.mute", {{"stem", I{2}}, {"on", true}}, Code::Ok, ""},
    {"stem.mute", {}, Code::BadParam, "stem"},
    {"stem.solo", {{"stem", S{""}}}, Code::BadParam, "stem"},
    {"stem.solo", {{"stem", I{0}}}, Code::BadParam, "stem"},
    {"stem.solo", {{"stem", 1.5}}, Code::BadParam, "stem"},
    {"stem.solo", {{"stem", true}}, Code::BadParam, "stem"},
    {"stem.gain", {{"stem", S{"Bass"}}, {"db", -100.0}}, Code::Ok, ""},
    {"stem.gain", {{"stem", S{"Bass"}}, {"db", 6.0}}, Code::Ok, ""},
    {"stem.gain", {{"stem", S{"Bass"}}, {"db", 6.01}}, Code::OutOfRange, "db"},
    {"stem.gain", {{"stem", S{"Bass"}}, {"db", -100.01}}, Code::OutOfRange, "db"},
    {"stem.gain", {{"stem", S{"Bass"}}}, Code::BadParam, "db"},
    {"master.gain", {{"db", I{-6}}}, Code::Ok, ""},
    {"master.gain", {{"db", S{" -3 "}}}, Code::Ok, ""},
    {"master.gain", {{"db", I{7}}}, Code::OutOfRange, "db"},
    {"master.gain", {{"db", S{"nan"}}}, Code::BadParam, "db"},
    {"nothing", {}, Code::UnknownAction, ""},
};

}  // namespace

TEST(ActionValidation, Table) {
    const ActionRegistry registry = catalogRegistry();
    std::set<std::string> covered;
    for (const Case& c : kCases) {
        SCOPED_TRACE(::testing::PrintToString(c));
        const ActionResult result = registry.validate({c.action, c.params, Origin::Test, 0});
        EXPECT_EQ(result.code, c.code) << result.message;
        EXPECT_EQ(result.param, c.param);
        if (!result.ok()) {
            EXPECT_FALSE(result.message.empty());
            EXPECT_EQ(result.message.find('\n'), std::string::npos);
        }
        covered.insert(c.action);
    }
    for (const auto& spec : registry.specs()) EXPECT_TRUE(covered.count(spec.name)) << spec.name;
}

TEST(ActionValidation, ConvertsToTheSpecTypesAndFillsDefaults) {
    const ActionRegistry registry = catalogRegistry();
    ValidCall valid;
    ASSERT_TRUE(registry.validate({"tempo.up", {}, Origin::Test, 0}, &valid).ok());
    EXPECT_DOUBLE_EQ(valid.number("percent"), 1.0);

    ASSERT_TRUE(registry.validate({"song.goto", {{"n", S{"4"}}}, Origin::Http, 0}, &valid).ok());
    EXPECT_EQ(valid.integer("n"), 4);
    EXPECT_EQ(valid.origin, Origin::Http);

    ASSERT_TRUE(registry.validate({"tempo", {{"ratio", I{1}}}, Origin::Test, 0}, &valid).ok());
    EXPECT_DOUBLE_EQ(valid.number("ratio"), 1.0);

    ASSERT_TRUE(registry.validate({"loop", {{"on", S{"on"}}}, Origin::Test, 0}, &valid).ok());
    EXPECT_TRUE(valid.flag("on"));
    ASSERT_TRUE(registry.validate({"loop", {}, Origin::Test, 0}, &valid).ok());
    EXPECT_FALSE(valid.has("on"));  // absent: the handler flips

    // A StemRef given as a number is kept as its decimal text for resolveStem().
    ASSERT_TRUE(registry.validate({"stem.mute", {{"stem", 3.0}}, Origin::Test, 0}, &valid).ok());
    EXPECT_EQ(valid.text("stem"), "3");
    ASSERT_TRUE(registry.validate({"stem.mute", {{"stem", I{2}}}, Origin::Test, 0}, &valid).ok());
    EXPECT_EQ(valid.text("stem"), "2");

    ASSERT_TRUE(
        registry.validate({"pitch", {{"semitones", S{"-2"}}}, Origin::Test, 0}, &valid).ok());
    EXPECT_EQ(valid.integer("semitones"), -2);
    EXPECT_DOUBLE_EQ(valid.number("cents"), 0.0);
}

TEST(ActionValidation, OutOfRangeNamesTheRange) {
    const ActionRegistry registry = catalogRegistry();
    const auto result = registry.validate({"tempo", {{"ratio", 2.0}}, Origin::Test, 0});
    EXPECT_EQ(result.message, "tempo: ratio must be from 0.5 to 1.5");
}

TEST(ActionValidation, InvokeWithoutHandlerIsUnavailable) {
    const ActionRegistry registry = catalogRegistry();
    EXPECT_EQ(registry.invoke({"play", {}, Origin::Test, 0}).code, Code::Unavailable);
    // Validation comes first: a bad call is refused as such, not as unavailable.
    EXPECT_EQ(registry.invoke({"seek", {}, Origin::Test, 0}).code, Code::BadParam);
}

// Names come from the network (a URL, a JSON key): the message quotes them printably, the
// `param` field keeps the real key.
TEST(ActionValidation, MessagesQuoteNamesPrintably) {
    const ActionRegistry registry = catalogRegistry();
    const auto unknown = registry.validate({"pl\nay\x1B[2J", {}, Origin::Http, 0});
    EXPECT_EQ(unknown.message, "no action named pl?ay?[2J");
    const auto param = registry.validate({"play", {{"x\ry", true}}, Origin::Http, 0});
    EXPECT_EQ(param.message, "play takes no parameter named x?y");
    EXPECT_EQ(param.param, "x\ry");
}

}  // namespace unity_ActionValidationTest
