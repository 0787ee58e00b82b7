#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "TempDir.h"
#include "stemdeck/control/midi/MidiMappingFile.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiMappingFileTest {

using namespace stemdeck::control;
using namespace stemdeck::control::midi;
using nlohmann::json;

namespace {

// The example of docs/design/CONTROL.md §5 plus unknown keys at both levels.
const char* const kExample = R"({"format": "stemdeck-midi", "version": 1,
 "controller": "FBV Express Mk II", "feedback_port": "FBV Express Mk II",
 "future_top": {"x": [1, 2]},
 "program_change": {"action": "song.goto", "offset": 1, "channel": "any"},
 "bindings": [
  {"action": "play_pause", "source": {"type": "cc", "channel": 1, "number": 64}, "mode": "trigger", "press": "any", "color": "red"},
  {"action": "click", "source": {"type": "note", "channel": 10, "number": 36}, "mode": "toggle", "feedback": {"on": 127, "off": 0}},
  {"action": "stem.gain", "args": {"stem": "drums"}, "source": {"type": "cc", "channel": 1, "number": 7}, "mode": "absolute", "feedback": true}]})";

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeAll(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string bindingsWith(const std::string& items) {
    return R"({"format": "stemdeck-midi", "version": 1, "bindings": [)" + items + "]}";
}

}  // namespace

TEST(MidiMappingFile, LoadsTheDesignExample) {
    const auto load = MidiMappingFile::parse(kExample);
    ASSERT_TRUE(load.ok);
    EXPECT_TRUE(load.problems.empty()) << load.problems.front();
    const auto& m = load.mapping;
    EXPECT_EQ(m.controller, "FBV Express Mk II");
    ASSERT_TRUE(m.programChange);
    EXPECT_EQ(m.programChange->offset, 1);
    EXPECT_EQ(m.programChange->channel, 0);
    ASSERT_EQ(m.bindings.size(), 3u);
    EXPECT_EQ(m.bindings[0].press, MidiPress::Any);
    EXPECT_EQ(m.bindings[1].source, (MidiSource{MidiSource::Type::Note, 10, 36}));
    EXPECT_TRUE(m.bindings[1].feedback);
    EXPECT_EQ(m.bindings[2].mode, MidiMode::Absolute);
    EXPECT_EQ(std::get<std::string>(m.bindings[2].args.at("stem")), "drums");
    EXPECT_EQ(m.bindings[2].takeover, MidiTakeover::Pickup) << "pickup unless the file says";
}

TEST(MidiMappingFile, TakeoverIsReadSavedAndChecked) {
    const auto load = MidiMappingFile::parse(bindingsWith(
        R"({"action": "master.gain", "source": {"type": "cc", "number": 7}, "mode": "absolute", "takeover": "jump"},
           {"action": "tempo", "source": {"type": "cc", "number": 8}, "mode": "absolute", "takeover": "grab"})"));
    ASSERT_TRUE(load.ok);
    ASSERT_EQ(load.mapping.bindings.size(), 1u);
    EXPECT_EQ(load.mapping.bindings[0].takeover, MidiTakeover::Jump);
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_EQ(load.problems[0], "binding 2: takeover must be pickup or jump");
    const json saved = MidiMappingFile::toJson(load.mapping);
    EXPECT_EQ(saved["bindings"][0]["takeover"], "jump");
    EXPECT_FALSE(saved["bindings"][0].contains("extra"));
    const auto again = MidiMappingFile::parse(saved.dump());
    ASSERT_EQ(again.mapping.bindings.size(), 1u);
    EXPECT_EQ(again.mapping.bindings[0].takeover, MidiTakeover::Jump);
}

TEST(MidiMappingFile, RoundTripKeepsUnknownKeys) {
    stemdeck::test::TempDir dir;
    const auto path = dir / "fbv.json";
    const auto first = MidiMappingFile::parse(kExample);
    ASSERT_EQ(MidiMappingFile::save(first.mapping, path), "");
    const auto text = readAll(path);
    const auto saved = json::parse(text);
    EXPECT_EQ(saved["future_top"], json::parse(R"({"x": [1, 2]})"));
    EXPECT_EQ(saved["bindings"][0]["color"], "red");
    const auto again = MidiMappingFile::load(path);
    ASSERT_TRUE(again.ok);
    EXPECT_TRUE(again.problems.empty());
    EXPECT_EQ(MidiMappingFile::toJson(again.mapping), MidiMappingFile::toJson(first.mapping));
    // No temporary file is left beside it.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator()),
              1);
}

TEST(MidiMappingFile, ProgramChangeAbsentIsTheDefaultNullIsNone) {
    auto load = MidiMappingFile::parse(R"({"format": "stemdeck-midi", "version": 1})");
    ASSERT_TRUE(load.ok);
    ASSERT_TRUE(load.mapping.programChange);
    EXPECT_EQ(load.mapping.programChange->action, "song.goto");
    load = MidiMappingFile::parse(
        R"({"format": "stemdeck-midi", "version": 1, "program_change": null})");
    EXPECT_FALSE(load.mapping.programChange);
    EXPECT_TRUE(MidiMappingFile::toJson(load.mapping)["program_change"].is_null());
}

TEST(MidiMappingFile, BadBindingsAreReportedOneLineEachAndTheRestLoad) {
    const auto load = MidiMappingFile::parse(bindingsWith(R"(
      {"action": "nope", "source": {"type": "cc", "channel": 1, "number": 1}},
      {"action": "play", "source": {"type": "cc", "channel": 17, "number": 1}},
      {"action": "play", "source": {"type": "cc", "channel": 1, "number": 128}},
      {"action": "play", "source": {"type": "sysex", "number": 1}},
      {"action": "play", "source": {"type": "cc", "number": 1}, "mode": "wobble"},
      {"action": "play", "source": {"type": "cc", "number": 1}, "mode": "absolute"},
      {"action": "click", "args": {"stem": "x"}, "source": {"type": "cc", "number": 1}},
      "text",
      {"action": "stop", "source": {"type": "pc", "channel": "any", "number": 3}},
      {"action": "play\nx", "source": {"type": "cc", "number": 1}})"));
    ASSERT_TRUE(load.ok);
    ASSERT_EQ(load.mapping.bindings.size(), 1u);
    EXPECT_EQ(load.mapping.bindings[0].action, "stop");
    ASSERT_EQ(load.problems.size(), 9u);
    EXPECT_EQ(load.problems[0], "binding 1: unknown action 'nope'");
    EXPECT_EQ(load.problems[1], "binding 2: source channel must be 1-16 or \"any\"");
    EXPECT_EQ(load.problems[2], "binding 3: source number must be 0-127");
    EXPECT_EQ(load.problems[3], "binding 4: source type must be note, cc or pc");
    EXPECT_EQ(load.problems[4],
              "binding 5: mode must be trigger, toggle, follow, momentary or absolute");
    EXPECT_EQ(load.problems[5], "binding 6: 'play' has no value for an absolute binding");
    EXPECT_EQ(load.problems[6], "binding 7: 'click' has no parameter 'stem'");
    EXPECT_EQ(load.problems[7], "binding 8: not an object");
    EXPECT_EQ(load.problems[8], "binding 10: unknown action 'play?x'");  // printable
    for (const auto& line : load.problems) EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(MidiMappingFile, WholeFileProblemsAreOneLine) {
    for (const char* text :
         {"", "{", "[]", R"({"format": "other", "version": 1})", R"({"format": "stemdeck-midi"})",
          "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}) {
        const auto load = MidiMappingFile::parse(text);
        EXPECT_FALSE(load.ok) << text;
        ASSERT_EQ(load.problems.size(), 1u) << text;
        EXPECT_TRUE(load.mapping.bindings.empty());
    }
}

TEST(MidiMappingFile, AtMost512Bindings) {
    std::string items;
    for (int i = 0; i < 515; ++i) {
        if (i) items += ",";
        items += R"({"action": "play", "source": {"type": "cc", "channel": 1, "number": )" +
                 std::to_string(i % 128) + "}}";
    }
    const auto load = MidiMappingFile::parse(bindingsWith(items));
    ASSERT_TRUE(load.ok);
    EXPECT_EQ(load.mapping.bindings.size(), 512u);
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_EQ(load.problems[0], "bindings past 512 left out (3)");
}

TEST(MidiMappingFile, AtMostOneMebibyte) {
    stemdeck::test::TempDir dir;
    std::string text = bindingsWith("");
    text.insert(1, "\"pad\": \"" + std::string(MidiMappingFile::kMaxBytes, 'x') + "\", ");
    EXPECT_FALSE(MidiMappingFile::parse(text).ok);
    writeAll(dir / "big.json", text);
    const auto load = MidiMappingFile::load(dir / "big.json");
    EXPECT_FALSE(load.ok);
    EXPECT_EQ(load.problems.at(0), "mapping file is over 1 MiB");
}

TEST(MidiMappingFile, ImportValidatesThenCopies) {
    stemdeck::test::TempDir dir;
    writeAll(dir / "good.json", kExample);
    writeAll(dir / "bad.json", "not json");
    writeAll(dir / "mine.json", "keep me");
    MidiMappingLoad load;
    EXPECT_EQ(MidiMappingFile::import(dir / "bad.json", dir / "mine.json", &load),
              "not imported: mapping file is not valid JSON");
    EXPECT_EQ(readAll(dir / "mine.json"), "keep me");
    EXPECT_EQ(MidiMappingFile::import(dir / "good.json", dir / "mine.json", &load), "");
    EXPECT_EQ(readAll(dir / "mine.json"), kExample);
    EXPECT_EQ(load.mapping.bindings.size(), 3u);
    EXPECT_NE(MidiMappingFile::import(dir / "missing.json", dir / "x.json"), "");
    EXPECT_FALSE(std::filesystem::exists(dir / "x.json"));
}

}  // namespace unity_MidiMappingFileTest
