// `stemdeck-cli info` on a song folder with lyrics and chords (issue 14): the real binary on a
// song folder written here.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "AudioFiles.h"
#include "CliProcess.h"
#include "TempDir.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_CliWordsTest {

using stemdeck::test::CliResult;
using stemdeck::test::runCli;
namespace test = stemdeck::test;

TEST(CliWords, InfoReportsLyricsAndChords) {
    test::TempDir dir;
    const auto song = test::writeSineSong(dir.path(), "song", 0.5);
    test::writeTextFile(song / "lyrics.lrc",
                        "[ti:Song]\n[00:01.00]<00:01.00>one <00:01.50>two\n[00:02.00]\n"
                        "[00:03.00]three\n[00:0x.00]broken\n");
    test::writeTextFile(song / "song.cho", "{key: G}\n{capo: 2}\n[G]one [D]two\n[Em]three\n");
    test::writeTextFile(song / "meta.json",
                        R"({"key": "A minor", "chords": [[0, 1, "Am"], [1, 2, "F"],
                            [2, 3, ""], [3, 4, "G"], "bad"]})");
    const CliResult r = runCli({"info", song.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto info = nlohmann::json::parse(r.out);
    const auto& lyrics = info.at("lyrics");
    EXPECT_EQ(lyrics.at("file"), "lyrics.lrc");
    EXPECT_EQ(lyrics.at("lines"), 2);  // the break is not a sung line; the broken one skipped
    EXPECT_EQ(lyrics.at("synced"), true);
    EXPECT_EQ(lyrics.at("word_stamps"), true);
    ASSERT_EQ(lyrics.at("problems").size(), 1u);
    const auto& chords = info.at("chords");
    EXPECT_EQ(chords.at("count"), 3);
    EXPECT_EQ(chords.at("timed"), 3);
    EXPECT_EQ(chords.at("sheet"), 3);
    EXPECT_EQ(chords.at("sheet_file"), "song.cho");
    EXPECT_EQ(chords.at("key"), "A minor");
    EXPECT_EQ(chords.at("capo"), 2);
    ASSERT_EQ(chords.at("problems").size(), 1u);
    // Each problem is also a one-line warning.
    EXPECT_NE(r.err.find("stemdeck-cli: warning: lyrics.lrc: line 5: "), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("stemdeck-cli: warning: meta.json: chords entry 5 "), std::string::npos)
        << r.err;
}

TEST(CliWords, InfoWithoutWordsSaysSo) {
    test::TempDir dir;
    const auto song = test::writeSineSong(dir.path(), "song", 0.5);
    test::writeTextFile(song / "lyrics.txt", "just\n\nwords\n");
    const CliResult r = runCli({"info", song.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto info = nlohmann::json::parse(r.out);
    EXPECT_EQ(info.at("lyrics").at("synced"), false);
    EXPECT_EQ(info.at("lyrics").at("lines"), 2);
    EXPECT_EQ(info.at("chords").at("count"), 0);
    EXPECT_TRUE(info.at("chords").at("key").is_null());
    EXPECT_TRUE(info.at("chords").at("sheet_file").is_null());

    const auto bare = test::writeSineSong(dir.path(), "bare", 0.5);
    const auto none = nlohmann::json::parse(runCli({"info", bare.string()}).out);
    EXPECT_TRUE(none.at("lyrics").is_null());
}

}  // namespace unity_CliWordsTest
