#include <gtest/gtest.h>

#include <string>

#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/ActionJson.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ActionJsonTest {

using namespace stemdeck::control;
using Code = ActionResult::Code;
using Params = std::map<std::string, ParamValue>;
using json = nlohmann::json;

namespace {

// A refusal is one printable line, and `out` keeps what it had.
void expectRefused(std::string_view text, const std::string& param = {}) {
    Params out{{"kept", true}};
    const ActionResult result = paramsFromJson(text, out);
    EXPECT_EQ(result.code, Code::BadParam);
    EXPECT_EQ(result.param, param);
    EXPECT_FALSE(result.message.empty());
    for (const char c : result.message)
        EXPECT_GE(static_cast<unsigned char>(c), 0x20) << result.message;
    EXPECT_EQ(out.size(), 1u);
    EXPECT_NO_THROW((void)resultToJson(result).dump());
}

}  // namespace

TEST(ActionJson, ParsesFlatParameters) {
    Params out;
    ASSERT_TRUE(
        paramsFromJson(R"({"stem":"drums","db":-6,"x":1.5,"on":true,"big":1e300})", out).ok());
    ASSERT_EQ(out.size(), 5u);
    EXPECT_EQ(std::get<std::string>(out.at("stem")), "drums");
    EXPECT_EQ(std::get<std::int64_t>(out.at("db")), -6);
    EXPECT_DOUBLE_EQ(std::get<double>(out.at("x")), 1.5);
    EXPECT_TRUE(std::get<bool>(out.at("on")));
    EXPECT_DOUBLE_EQ(std::get<double>(out.at("big")), 1e300);
}

TEST(ActionJson, EmptyBodyMeansNoParameters) {
    for (const char* text : {"", "  \r\n\t", "{}", "\xEF\xBB\xBF", "null"}) {
        Params out{{"stale", true}};
        EXPECT_TRUE(paramsFromJson(std::string_view(text), out).ok()) << text;
        EXPECT_TRUE(out.empty()) << text;
    }
}

TEST(ActionJson, SkipsAUtf8Bom) {
    Params out;
    ASSERT_TRUE(paramsFromJson("\xEF\xBB\xBF{\"n\":2}", out).ok());
    EXPECT_EQ(std::get<std::int64_t>(out.at("n")), 2);
}

TEST(ActionJson, NumbersKeepTheirKind) {
    Params out;
    ASSERT_TRUE(
        paramsFromJson(R"({"a":9223372036854775807,"b":18446744073709551615,"c":2.0})", out).ok());
    EXPECT_EQ(std::get<std::int64_t>(out.at("a")), INT64_MAX);
    EXPECT_DOUBLE_EQ(std::get<double>(out.at("b")), 18446744073709551615.0);
    EXPECT_DOUBLE_EQ(std::get<double>(out.at("c")), 2.0);
}

TEST(ActionJson, RefusesBadText) {
    expectRefused("{");
    expectRefused("{\"a\":}");
    expectRefused("{\"a\":1,}");
    expectRefused("{\"a\":1} trailing");
    expectRefused("[1,2]");
    expectRefused("\"text\"");
    expectRefused("42");
    expectRefused("{\"a\":1e400}");
    expectRefused("{\"a\":NaN}");
    expectRefused("{\"a\":\"\xFF\xFE\"}");        // invalid UTF-8
    expectRefused("{\"a\":\"\xC0\xAF\"}");        // overlong '/'
    expectRefused("{\"\x01\x02\":\x7F}");         // control bytes
    expectRefused(std::string("{\"a\":\0}", 7));  // a NUL byte
    expectRefused("{\"a\":1} \xEF\xBB\xBF");      // a BOM elsewhere
}

TEST(ActionJson, RefusesNestedValuesNamingTheKey) {
    expectRefused(R"({"stem":["drums"]})", "stem");
    expectRefused(R"({"db":{"value":3}})", "db");
    expectRefused(R"({"on":null})", "on");
    Params out;
    const auto result = paramsFromJson(R"({"stem":["drums"]})", out);
    EXPECT_EQ(result.message, "parameter stem: a list is refused");
}

TEST(ActionJson, RefusesDeepNestingBeforeParsing) {
    const std::string deep = "{\"a\":" + std::string(20000, '[') + std::string(20000, ']') + "}";
    expectRefused(deep);
    Params out;
    EXPECT_EQ(paramsFromJson(deep, out).message, "parameters: JSON nested more than 8 levels deep");
    // Brackets inside strings are text, not nesting.
    ASSERT_TRUE(paramsFromJson(R"({"stem":"[[[[[[[[[[{{{{{{{{\"]]"})", out).ok());
    EXPECT_EQ(std::get<std::string>(out.at("stem")), "[[[[[[[[[[{{{{{{{{\"]]");
}

TEST(ActionJson, RefusesHugeBodies) {
    const std::string padding(kMaxParamsJsonBytes, ' ');
    Params out;
    EXPECT_TRUE(paramsFromJson("{}" + padding.substr(2), out).ok());  // exactly 64 KiB
    expectRefused("{}" + padding.substr(1));                          // one byte more
    EXPECT_EQ(paramsFromJson("{}" + padding, out).message,
              "parameters: the JSON is larger than 64 KiB");
}

TEST(ActionJson, KeyNamesInMessagesArePrintable) {
    Params out;
    const auto result = paramsFromJson("{\"a\\nb\\u0000c\":[1]}", out);
    EXPECT_EQ(result.code, Code::BadParam);
    EXPECT_EQ(result.message, "parameter a?b?c: a list is refused");
    EXPECT_EQ(result.param, std::string("a\nb\0c", 5));  // the real key, for the code
    const std::string long_(500, 'k');
    const auto longResult = paramsFromJson("{\"" + long_ + "\":null}", out);
    EXPECT_LT(longResult.message.size(), 100u);
}

TEST(ActionJson, ParsedValueVariant) {
    Params out;
    EXPECT_TRUE(paramsFromJsonValue(json(nullptr), out).ok());
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(paramsFromJsonValue(json::array(), out).code, Code::BadParam);
    ASSERT_TRUE(paramsFromJsonValue(json{{"n", 3}}, out).ok());
    EXPECT_EQ(std::get<std::int64_t>(out.at("n")), 3);
}

TEST(ActionJson, ResultToJson) {
    EXPECT_EQ(resultToJson(ActionResult::success()), json({{"ok", true}}));
    EXPECT_EQ(resultToJson(ActionResult::failure(Code::OutOfRange,
                                                 "tempo: ratio must be from "
                                                 "0.5 to 1.5",
                                                 "ratio")),
              json({{"ok", false},
                    {"error", "out_of_range"},
                    {"message", "tempo: ratio must be from 0.5 to 1.5"},
                    {"param", "ratio"}}));
    const json locked = resultToJson(ActionResult::failure(Code::Locked, "the mix is locked"));
    EXPECT_EQ(locked.at("error"), "locked");
    EXPECT_FALSE(locked.contains("param"));
    // An unknown action's name comes from the URL: whatever its bytes, the answer dumps.
    const json unknown =
        resultToJson(ActionResult::failure(Code::UnknownAction, "no action named \xFF\x01"));
    EXPECT_EQ(unknown.at("message"), "no action named ??");
    EXPECT_NO_THROW((void)unknown.dump());
}

TEST(ActionJson, SpecsToJsonListsTheCatalog) {
    const auto specs = actionCatalog();
    const json list = specsToJson(specs);
    ASSERT_EQ(list.size(), specs.size());
    EXPECT_NO_THROW((void)list.dump());
    const json* gain = nullptr;
    for (const auto& entry : list)
        if (entry.at("name") == "stem.gain") gain = &entry;
    ASSERT_NE(gain, nullptr);
    EXPECT_EQ(gain->at("title"), "Stem gain");
    EXPECT_EQ(gain->at("kind"), "value");
    EXPECT_EQ(gain->at("scope"), "mix");
    EXPECT_EQ(gain->at("state_key"), "stems");
    const json& params = gain->at("params");
    ASSERT_EQ(params.size(), 2u);
    EXPECT_EQ(params[0].at("name"), "stem");
    EXPECT_EQ(params[0].at("type"), "stem");
    EXPECT_FALSE(params[0].contains("min"));
    EXPECT_EQ(params[1].at("type"), "float");
    EXPECT_EQ(params[1].at("min"), -100.0);
    EXPECT_EQ(params[1].at("max"), 6.0);
    EXPECT_FALSE(params[1].at("optional").get<bool>());
    EXPECT_FALSE(params[1].contains("default"));
    for (const auto& entry : list)
        if (entry.at("name") == "tempo.up") {
            EXPECT_EQ(entry.at("params")[0].at("default"), 1.0);
        }
}

}  // namespace unity_ActionJsonTest
