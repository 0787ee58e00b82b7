#include <gtest/gtest.h>

#include <string>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/loader/SongMetaFile.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SongMetaFileTest {

using stemdeck::audio::SongMetaFile;
using stemdeck::audio::TimeSignature;
namespace limits = stemdeck::audio::limits;
namespace test = stemdeck::test;

TEST(SongMetaFile, ReadsTheFields) {
    test::TempDir dir;
    test::writeTextFile(dir / "meta.json", R"({"title": "First Light", "artist": "Band",
        "key": "C", "tempo": 92.5, "time_signature": "7/8", "chords": []})");
    const SongMetaFile meta = SongMetaFile::read(dir.path());
    EXPECT_EQ(meta.title, "First Light");
    EXPECT_EQ(meta.artist, "Band");
    EXPECT_EQ(meta.key, "C");
    EXPECT_EQ(meta.bpm, 92.5);
    ASSERT_TRUE(meta.signature);
    EXPECT_EQ(meta.signature->beatsPerBar, 7);
    EXPECT_EQ(meta.signature->beatUnit, 8);
    EXPECT_TRUE(meta.problems.empty());
}

TEST(SongMetaFile, AMissingFileIsNoProblem) {
    test::TempDir dir;
    const SongMetaFile meta = SongMetaFile::read(dir.path());
    EXPECT_FALSE(meta.bpm);
    EXPECT_FALSE(meta.signature);
    EXPECT_TRUE(meta.problems.empty());
}

// SongMeta took 1000 BPM while BeatGrid clamped it to 300 without a word: a tempo outside the
// engine's range is now reported and not used, in the CLI and the app alike.
TEST(SongMetaFile, ATempoOutOfRangeIsReportedNotClamped) {
    EXPECT_EQ(SongMetaFile::parse(R"({"tempo": 20})").bpm, limits::kMinBpm);
    EXPECT_EQ(SongMetaFile::parse(R"({"tempo": 300})").bpm, limits::kMaxBpm);
    const SongMetaFile fast = SongMetaFile::parse(R"({"tempo": 1000})");
    EXPECT_FALSE(fast.bpm);
    ASSERT_EQ(fast.problems.size(), 1u);
    EXPECT_EQ(fast.problems[0], "meta.json: tempo 1000 is outside 20 to 300 BPM; ignored");
    for (const char* tempo : {"19.9", "300.5", "0", "-5", "1e300", "1e999"}) {
        const SongMetaFile meta = SongMetaFile::parse(std::string(R"({"tempo": )") + tempo + "}");
        EXPECT_FALSE(meta.bpm) << tempo;
        EXPECT_EQ(meta.problems.size(), 1u) << tempo;
    }
}

TEST(SongMetaFile, UnusableValuesAreNamedInOneLine) {
    const SongMetaFile meta = SongMetaFile::parse(R"({"tempo": "fast", "time_signature": "3/0"})");
    EXPECT_FALSE(meta.bpm);
    EXPECT_FALSE(meta.signature);
    EXPECT_EQ(meta.timeSignatureText, "3/0");  // the app still shows what was written
    ASSERT_EQ(meta.problems.size(), 1u);
    EXPECT_EQ(meta.problems[0].rfind("meta.json: tempo and time_signature are not usable", 0), 0u)
        << meta.problems[0];
    EXPECT_EQ(SongMetaFile::parse(R"({"title": 42, "key": ["C"]})").problems.size(), 0u);
}

TEST(SongMetaFile, NotJsonOrTooBigIsOneProblem) {
    for (const char* text : {"{\"tempo\": 60,", "[1, 2]", "", "\"tempo\""}) {
        const SongMetaFile meta = SongMetaFile::parse(text);
        ASSERT_EQ(meta.problems.size(), 1u) << text;
        EXPECT_EQ(meta.problems[0].rfind("meta.json: not a JSON object", 0), 0u) << text;
    }
    test::TempDir dir;
    test::writeTextFile(dir / "meta.json",
                        "{\"pad\": \"" + std::string(SongMetaFile::kMaxFileBytes, 'x') + "\"}");
    const SongMetaFile big = SongMetaFile::read(dir.path());
    ASSERT_EQ(big.problems.size(), 1u);
    EXPECT_EQ(big.problems[0].rfind("meta.json: too big", 0), 0u);
}

// The one rule for "N/D": meta.json, --meter and the app's meter field all read it here.
TEST(TimeSignature, ParsesNOverDStrictly) {
    const auto parsed = [](const char* text) {
        const auto s = TimeSignature::parse(text);
        return s ? std::pair(s->beatsPerBar, s->beatUnit) : std::pair(0, 0);
    };
    EXPECT_EQ(parsed("4/4"), std::pair(4, 4));
    EXPECT_EQ(parsed(" 12 / 8 "), std::pair(12, 8));
    EXPECT_EQ(parsed("+3/4"), std::pair(3, 4));
    EXPECT_EQ(parsed("32/32"), std::pair(32, 32));
    for (const char* bad : {"4/3", "0/4", "33/4", "-4/4", "4/64", "4", "4/4/4", "four/4", "4/0", "",
                            "99999999999999999999/4", "4/4x", "/"})
        EXPECT_EQ(parsed(bad), std::pair(0, 0)) << bad;
}

}  // namespace unity_SongMetaFileTest
