#include <gtest/gtest.h>

#include <string>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/words/SongWords.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SongWordsTest {

using stemdeck::words::SheetLine;
using stemdeck::words::SongWords;
namespace test = stemdeck::test;

TEST(SongWords, FindsEveryKindOfFile) {
    test::TempDir dir;
    test::writeTextFile(dir / "b.lrc", "[00:01.00]from b\n");
    test::writeTextFile(dir / "a.lrc", "[00:01.00]from a\n[0:zz]bad\n");
    test::writeTextFile(dir / "lyrics.txt", "plain\n");
    test::writeTextFile(dir / "Song.CHO", "{key: G}\n[G]Hello [D]there\n");
    test::writeTextFile(dir / "meta.json", R"({"chords": [[0, 2, "G"], [2, 4, "D"], "x"]})");
    const SongWords words = SongWords::load(dir.path());
    ASSERT_TRUE(words.lyrics);
    EXPECT_EQ(words.lyricsFile.filename(), "a.lrc");
    EXPECT_EQ(words.lyrics->lines().at(0).text, "from a");
    ASSERT_TRUE(words.sheet);
    EXPECT_EQ(words.sheetFile.filename(), "Song.CHO");
    EXPECT_EQ(words.chords.count(), 2u);
    EXPECT_EQ(words.key(), "G");
    ASSERT_EQ(words.problems.size(), 2u);
    EXPECT_EQ(words.problems[0].rfind("a.lrc: line 2: ", 0), 0u) << words.problems[0];
    EXPECT_EQ(words.problems[1].rfind("meta.json: chords entry 3", 0), 0u) << words.problems[1];
}

TEST(SongWords, LyricsLrcComesFirstThenAnyLrcThenText) {
    test::TempDir dir;
    test::writeTextFile(dir / "lyrics.txt", "plain\n");
    EXPECT_EQ(SongWords::load(dir.path()).lyricsFile.filename(), "lyrics.txt");
    test::writeTextFile(dir / "z.lrc", "[00:01.00]z\n");
    EXPECT_EQ(SongWords::load(dir.path()).lyricsFile.filename(), "z.lrc");
    test::writeTextFile(dir / "lyrics.lrc", "[00:01.00]l\n");
    EXPECT_EQ(SongWords::load(dir.path()).lyricsFile.filename(), "lyrics.lrc");
}

TEST(SongWords, AnEmptyFolderHasNoWords) {
    test::TempDir dir;
    const SongWords words = SongWords::load(dir.path());
    EXPECT_TRUE(words.empty());
    EXPECT_TRUE(words.problems.empty());
    EXPECT_EQ(words.key(), "");
    EXPECT_TRUE(SongWords::load(dir / "missing").empty());
}

TEST(SongWords, TheSheetTakesItsTimesFromTheLyrics) {
    test::TempDir dir;
    test::writeTextFile(dir / "lyrics.lrc",
                        "[00:05.00]Hello, there!\n[00:08.00](instrumental)\n[00:10.00]Second line\n"
                        "[00:20.00]Hello there\n");
    test::writeTextFile(dir / "song.cho",
                        "{c: Intro}\n[G]Hello [D]there\n[Em]no such line\n[C]second [G]LINE\n"
                        "\n[G]hello there\n");
    const SongWords words = SongWords::load(dir.path());
    ASSERT_EQ(words.sheetTimes.size(), 6u);
    EXPECT_LT(words.sheetTimes[0], 0.0);
    EXPECT_DOUBLE_EQ(words.sheetTimes[1], 5.0);
    EXPECT_LT(words.sheetTimes[2], 0.0);
    EXPECT_DOUBLE_EQ(words.sheetTimes[3], 10.0);
    EXPECT_DOUBLE_EQ(words.sheetTimes[5], 20.0);
    EXPECT_EQ(words.sheetLineAt(1.0), -1);
    EXPECT_EQ(words.sheetLineAt(6.0), 1);
    EXPECT_EQ(words.sheetLineAt(12.0), 3);
    EXPECT_EQ(words.sheetLineAt(99.0), 5);
}

}  // namespace unity_SongWordsTest
