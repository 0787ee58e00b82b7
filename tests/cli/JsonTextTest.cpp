#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "JsonText.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_JsonTextTest {

using stemdeck::cli::Json;
using stemdeck::cli::jsonText;

namespace {

// A string value as the CLI writes it, without the final newline.
std::string quoted(const std::string& text) {
    std::string out = jsonText(Json(text));
    out.pop_back();
    return out;
}

}  // namespace

TEST(JsonText, EscapesQuotesBackslashesAndControlCharacters) {
    EXPECT_EQ(quoted("say \"hi\"\\"), R"("say \"hi\"\\")");
    EXPECT_EQ(quoted("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
    EXPECT_EQ(quoted(std::string("\x01\x1f\x7f", 3)), R"("\u0001\u001f\u007f")");
    EXPECT_EQ(quoted(std::string("nul\0byte", 8)), R"("nul\u0000byte")");
}

// C1 controls, line separators and bidi overrides are valid JSON raw, but act on a terminal.
TEST(JsonText, EscapesWhatATerminalActsOn) {
    EXPECT_EQ(quoted("\xC2\x9B"
                     "2J"),
              R"("\u009b2J")");
    EXPECT_EQ(quoted("txt.\xE2\x80\xAE"
                     "exe"),
              R"("txt.\u202eexe")");
    EXPECT_EQ(quoted("a\xE2\x80\xA8"
                     "b"),
              R"("a\u2028b")");
    EXPECT_EQ(Json::parse(quoted("\xE2\x81\xA6x")), "\xE2\x81\xA6x");  // the same value
}

TEST(JsonText, KeepsValidUtf8AndReplacesInvalidBytes) {
    EXPECT_EQ(quoted("Für Elise – 音楽 🎵"), "\"Für Elise – 音楽 🎵\"");
    // A Latin-1 file name, a truncated sequence, an overlong '/', a surrogate: U+FFFD, and
    // the output stays valid JSON.
    EXPECT_EQ(quoted("caf\xE9"), "\"caf\xEF\xBF\xBD\"");
    for (const std::string bad : {"\xE2\x82", "\xC0\xAF", "\xED\xA0\x80"}) {
        const std::string text = quoted(bad);
        EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos) << text;
        EXPECT_TRUE(Json::accept(text)) << text;
    }
}

TEST(JsonText, NestsObjectsAndArraysInWrittenOrder) {
    Json list = Json::array({true, nullptr, Json::object(), Json::array()});
    const Json document = {{"name", "demo"}, {"stems", 2}, {"list", list}};
    EXPECT_EQ(jsonText(document), R"({
  "name": "demo",
  "stems": 2,
  "list": [
    true,
    null,
    {},
    []
  ]
}
)");
}

TEST(JsonText, WritesNumbersExactlyAndNonFiniteAsNull) {
    const Json numbers = {0.1,
                          -1.5e-7,
                          std::numeric_limits<double>::infinity(),
                          std::numeric_limits<double>::quiet_NaN(),
                          std::numeric_limits<std::int64_t>::min(),
                          std::numeric_limits<std::uint64_t>::max()};
    EXPECT_EQ(jsonText(numbers),
              "[\n  0.1,\n  -1.5e-07,\n  null,\n  null,\n  -9223372036854775808,\n"
              "  18446744073709551615\n]\n");
}

TEST(JsonText, EscapesKeysToo) {
    EXPECT_EQ(jsonText(Json{{"a\"b", "x"}, {"c\xC2\x9B", 1}}),
              "{\n  \"a\\\"b\": \"x\",\n  \"c\\u009b\": 1\n}\n");
}

}  // namespace unity_JsonTextTest
