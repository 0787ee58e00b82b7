#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "Json.h"

using stemdeck::cli::JsonWriter;

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
    EXPECT_EQ(JsonWriter::quote("say \"hi\"\\"), R"("say \"hi\"\\")");
    EXPECT_EQ(JsonWriter::quote("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
    EXPECT_EQ(JsonWriter::quote(std::string("\x01\x1f\x7f", 3)), R"("\u0001\u001f\u007f")");
    EXPECT_EQ(JsonWriter::quote(std::string("nul\0byte", 8)), R"("nul\u0000byte")");
}

TEST(JsonWriter, KeepsValidUtf8AndReplacesInvalidBytes) {
    EXPECT_EQ(JsonWriter::quote("Für Elise – 音楽 🎵"), "\"Für Elise – 音楽 🎵\"");
    // A Latin-1 file name, a truncated sequence, an overlong '/', a surrogate.
    EXPECT_EQ(JsonWriter::quote("caf\xE9"), "\"caf\xEF\xBF\xBD\"");
    EXPECT_EQ(JsonWriter::quote("\xE2\x82"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    EXPECT_EQ(JsonWriter::quote("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    EXPECT_EQ(JsonWriter::quote("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonWriter, NestsObjectsAndArraysWithCommas) {
    JsonWriter json;
    json.beginObject()
        .field("name", "demo")
        .field("stems", 2)
        .key("list")
        .beginArray()
        .value(true)
        .null()
        .beginObject()
        .endObject()
        .beginArray()
        .endArray()
        .endArray()
        .endObject();
    EXPECT_EQ(json.str(), R"({
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

TEST(JsonWriter, WritesNumbersExactlyAndNonFiniteAsNull) {
    JsonWriter json;
    json.beginArray()
        .value(0.1)
        .value(20.0)
        .value(-1.5e-7)
        .value(std::numeric_limits<double>::infinity())
        .value(std::numeric_limits<double>::quiet_NaN())
        .value(std::numeric_limits<std::int64_t>::min())
        .value(std::numeric_limits<std::uint64_t>::max())
        .endArray();
    EXPECT_EQ(json.str(),
              "[\n  0.1,\n  20,\n  -1.5e-07,\n  null,\n  null,\n  -9223372036854775808,\n"
              "  18446744073709551615\n]\n");
}

TEST(JsonWriter, EscapesKeysToo) {
    JsonWriter json;
    json.beginObject().field("a\"b", "x").endObject();
    EXPECT_EQ(json.str(), "{\n  \"a\\\"b\": \"x\"\n}\n");
}
