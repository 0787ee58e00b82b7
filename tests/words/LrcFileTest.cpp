#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/words/LrcFile.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LrcFileTest {

using stemdeck::words::LrcFile;
namespace test = stemdeck::test;

TEST(LrcFile, ReadsStampsInTheirThreeForms) {
    const LrcFile lrc =
        LrcFile::parse("[00:01]one\n[00:02.5]two\n[00:03.25]three\n[01:04.125]four\n");
    ASSERT_TRUE(lrc.synced());
    ASSERT_EQ(lrc.lines().size(), 4u);
    EXPECT_DOUBLE_EQ(lrc.lines()[0].time, 1.0);
    EXPECT_DOUBLE_EQ(lrc.lines()[1].time, 2.5);
    EXPECT_DOUBLE_EQ(lrc.lines()[2].time, 3.25);
    EXPECT_DOUBLE_EQ(lrc.lines()[3].time, 64.125);
    EXPECT_EQ(lrc.lines()[3].text, "four");
    EXPECT_EQ(lrc.lines()[3].sourceLine, 4);
    EXPECT_TRUE(lrc.problems().empty());
}

TEST(LrcFile, SeveralStampsOnALineAndOutOfOrderAreSortedByTime) {
    const LrcFile lrc = LrcFile::parse(
        "[00:30.00]late\n[00:10.00][00:50.00]chorus\n[00:20.00]verse\n[00:10.00]same time\n");
    ASSERT_EQ(lrc.lines().size(), 5u);
    EXPECT_EQ(lrc.lines()[0].text, "chorus");
    EXPECT_EQ(lrc.lines()[1].text, "same time");  // equal times keep the file's order
    EXPECT_EQ(lrc.lines()[2].text, "verse");
    EXPECT_EQ(lrc.lines()[3].text, "late");
    EXPECT_EQ(lrc.lines()[4].text, "chorus");
    EXPECT_DOUBLE_EQ(lrc.lines()[4].time, 50.0);
}

TEST(LrcFile, PositiveOffsetShowsTheLyricsEarlier) {
    const LrcFile early = LrcFile::parse("[offset:+500]\n[00:10.00]a\n");
    EXPECT_DOUBLE_EQ(early.offsetSeconds(), 0.5);
    EXPECT_DOUBLE_EQ(early.lines().at(0).time, 9.5);
    // Wherever the tag is, and negative.
    const LrcFile late = LrcFile::parse("[00:10.00]<00:10.00>a <00:11.00>b\n[offset:-250]\n");
    EXPECT_DOUBLE_EQ(late.lines().at(0).time, 10.25);
    EXPECT_DOUBLE_EQ(late.lines().at(0).words.at(1).time, 11.25);
    const LrcFile bad = LrcFile::parse("[offset:soon]\n[00:10.00]a\n");
    EXPECT_DOUBLE_EQ(bad.lines().at(0).time, 10.0);
    ASSERT_EQ(bad.problems().size(), 1u);
    EXPECT_NE(bad.problems()[0].find("line 1"), std::string::npos);
}

TEST(LrcFile, ReadsMetadataTags) {
    const LrcFile lrc = LrcFile::parse(
        "[ti:First Light]\n[AR: The Band ]\n[al:Album]\n[by:me]\n[length:03:20]\n"
        "[00:01.00]x\n");
    EXPECT_EQ(lrc.tag("ti"), "First Light");
    EXPECT_EQ(lrc.tag("ar"), "The Band");
    EXPECT_EQ(lrc.tag("al"), "Album");
    EXPECT_EQ(lrc.tag("by"), "me");
    EXPECT_EQ(lrc.tag("length"), "03:20");
    EXPECT_EQ(lrc.lines().size(), 1u);
}

TEST(LrcFile, ReadsEnhancedWordStamps) {
    const LrcFile lrc =
        LrcFile::parse("[00:12.00]<00:12.00>Hello <00:12.50>bright <00:13.20>world<00:14.00>\n");
    ASSERT_TRUE(lrc.hasWordStamps());
    const auto& line = lrc.lines().at(0);
    EXPECT_EQ(line.text, "Hello bright world");
    ASSERT_EQ(line.words.size(), 3u);  // the closing stamp ends the last word
    EXPECT_EQ(line.words[0].text, "Hello ");
    EXPECT_EQ(line.words[2].text, "world");
    EXPECT_DOUBLE_EQ(line.words[1].time, 12.5);
    EXPECT_EQ(lrc.wordAt(0, 11.9), -1);
    EXPECT_EQ(lrc.wordAt(0, 12.0), 0);
    EXPECT_EQ(lrc.wordAt(0, 12.7), 1);
    EXPECT_EQ(lrc.wordAt(0, 20.0), 2);
    EXPECT_EQ(lrc.wordAt(5, 20.0), -1);
}

TEST(LrcFile, ARepeatedLineMovesItsWords) {
    const LrcFile lrc = LrcFile::parse("[00:10.00][00:40.00]<00:10.00>la <00:11.00>la\n");
    ASSERT_EQ(lrc.lines().size(), 2u);
    EXPECT_DOUBLE_EQ(lrc.lines()[1].words[1].time, 41.0);
}

TEST(LrcFile, CrlfAndByteOrderMark) {
    const LrcFile lrc = LrcFile::parse("\xEF\xBB\xBF[ti:T]\r\n[00:01.00]one\r\n[00:02.00]two\r");
    EXPECT_EQ(lrc.tag("ti"), "T");
    ASSERT_EQ(lrc.lines().size(), 2u);
    EXPECT_EQ(lrc.lines()[0].text, "one");
    EXPECT_EQ(lrc.lines()[1].text, "two");
}

TEST(LrcFile, Latin1IsConvertedAndUtf8KeptAsIs) {
    const LrcFile latin = LrcFile::parse("[00:01.00]Cora\xE7\xE3o\n");
    EXPECT_TRUE(latin.latin1());
    EXPECT_EQ(latin.lines().at(0).text, "Cora\xC3\xA7\xC3\xA3o");
    const LrcFile utf8 = LrcFile::parse("[00:01.00]Cora\xC3\xA7\xC3\xA3o \xE2\x99\xAA\n");
    EXPECT_FALSE(utf8.latin1());
    EXPECT_EQ(utf8.lines().at(0).text, "Cora\xC3\xA7\xC3\xA3o \xE2\x99\xAA");
}

TEST(LrcFile, StampedEmptyLinesAreBreaksAndBlankLinesAreLeftOut) {
    const LrcFile lrc = LrcFile::parse("[00:01.00]one\n\n[00:05.00]\n[00:09.00]two\n");
    ASSERT_EQ(lrc.lines().size(), 3u);
    EXPECT_EQ(lrc.lines()[1].text, "");
    EXPECT_EQ(lrc.lineAt(6.0), 1);
    EXPECT_TRUE(lrc.problems().empty());
}

TEST(LrcFile, MalformedStampsSkipTheirLineAndSaySo) {
    const LrcFile lrc = LrcFile::parse(
        "[00:01.00]good\n[00:6x.00]bad\n[00:02.00]<00:0z>bad word\n[00:75.00]bad seconds\n"
        "unstamped words\n[00:03.00]good too\n");
    ASSERT_EQ(lrc.lines().size(), 2u);
    EXPECT_EQ(lrc.lines()[1].text, "good too");
    ASSERT_EQ(lrc.problems().size(), 4u);
    EXPECT_EQ(lrc.problems()[0].rfind("line 2: \"[00:6x.00]\"", 0), 0u) << lrc.problems()[0];
    EXPECT_EQ(lrc.problems()[1].rfind("line 3: ", 0), 0u);
    EXPECT_EQ(lrc.problems()[2].rfind("line 4: ", 0), 0u);
    EXPECT_EQ(lrc.problems()[3].rfind("line 5: ", 0), 0u);
    for (const auto& problem : lrc.problems()) {
        EXPECT_EQ(problem.find('\n'), std::string::npos);
        EXPECT_NE(problem.find("skipped"), std::string::npos);
    }
}

TEST(LrcFile, ManyProblemsAreSummedUp) {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "[0:xx]bad\n";
    const LrcFile lrc = LrcFile::parse(text);
    ASSERT_EQ(lrc.problems().size(), LrcFile::kMaxProblems + 1);
    EXPECT_EQ(lrc.problems().back(), "and 80 more problems");
}

TEST(LrcFile, TextWithoutStampsIsUnsynced) {
    const LrcFile lrc = LrcFile::parse("[ti:x]\nfirst line\n\nsecond\n");
    EXPECT_FALSE(lrc.synced());
    ASSERT_EQ(lrc.lines().size(), 2u);
    EXPECT_EQ(lrc.lineAt(100.0), -1);
    EXPECT_TRUE(lrc.problems().empty());
}

TEST(LrcFile, PlainTextKeepsEmptyLinesAsBreaks) {
    const LrcFile txt = LrcFile::plainText("verse one\r\nline two\r\n\r\nchorus\r\n\r\n");
    EXPECT_FALSE(txt.synced());
    ASSERT_EQ(txt.lines().size(), 4u);
    EXPECT_EQ(txt.lines()[2].text, "");
    EXPECT_EQ(txt.lines()[3].text, "chorus");
}

TEST(LrcFile, LineAtFindsTheLastStartedLine) {
    const LrcFile lrc = LrcFile::parse("[00:10.00]a\n[00:20.00]b\n[00:30.00]c\n");
    EXPECT_EQ(lrc.lineAt(0.0), -1);
    EXPECT_EQ(lrc.lineAt(9.999), -1);
    EXPECT_EQ(lrc.lineAt(10.0), 0);
    EXPECT_EQ(lrc.lineAt(25.0), 1);
    EXPECT_EQ(lrc.lineAt(1e9), 2);
}

TEST(LrcFile, TenThousandLinesParseAndLookUpFast) {
    std::string text = "[ti:long]\n";
    for (int i = 0; i < 10000; ++i) {
        const int cs = i * 37;  // centiseconds
        char stamp[32];
        std::snprintf(stamp, sizeof stamp, "[%02d:%02d.%02d]", cs / 6000, cs / 100 % 60, cs % 100);
        text += std::string(stamp) + "<" + std::string(stamp + 1, 8) + ">line " +
                std::to_string(i) + " of the song\n";
    }
    const auto start = std::chrono::steady_clock::now();
    const LrcFile lrc = LrcFile::parse(text);
    const double parseMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(lrc.lines().size(), 10000u);
    EXPECT_TRUE(lrc.problems().empty()) << lrc.problems().front();
    // About 10 ms on the 2-core build machine; the bound is for a machine 10x as loaded (and
    // the sanitizer builds).
    EXPECT_LT(parseMs, 1000.0);
    for (int i = 0; i < 10000; i += 997) EXPECT_EQ(lrc.lineAt(i * 0.37 + 0.001), i);
}

TEST(LrcFile, ReadsAFileAndNamesItInProblems) {
    test::TempDir dir;
    test::writeTextFile(dir / "song.lrc", "[00:01.00]one\n[0:1x]two\n");
    const LrcFile lrc = LrcFile::read(dir / "song.lrc");
    ASSERT_EQ(lrc.lines().size(), 1u);
    ASSERT_EQ(lrc.problems().size(), 1u);
    EXPECT_EQ(lrc.problems()[0].rfind("song.lrc: line 2: ", 0), 0u) << lrc.problems()[0];
    test::writeTextFile(dir / "lyrics.txt", "[00:01.00] is text here\n");
    EXPECT_FALSE(LrcFile::read(dir / "lyrics.txt").synced());
    const LrcFile missing = LrcFile::read(dir / "none.lrc");
    EXPECT_TRUE(missing.lines().empty());
    ASSERT_EQ(missing.problems().size(), 1u);
    EXPECT_EQ(missing.problems()[0].rfind("none.lrc: cannot be read", 0), 0u);
}

TEST(LrcFile, TooBigAFileIsNotRead) {
    test::TempDir dir;
    test::writeTextFile(dir / "big.lrc", std::string(5 << 20, 'x'));
    const LrcFile lrc = LrcFile::read(dir / "big.lrc");
    EXPECT_TRUE(lrc.lines().empty());
    ASSERT_EQ(lrc.problems().size(), 1u);
    EXPECT_NE(lrc.problems()[0].find("not read"), std::string::npos);
}

TEST(LrcFile, TooManyLinesAreCut) {
    std::string text;
    text.reserve(200001 * 2);
    for (int i = 0; i < 100001; ++i) text += "x\n";
    const LrcFile lrc = LrcFile::plainText(text);
    EXPECT_EQ(lrc.lines().size(), 100000u);
    ASSERT_EQ(lrc.problems().size(), 1u);
    EXPECT_NE(lrc.problems()[0].find("more than 100000 lines"), std::string::npos);
}

}  // namespace unity_LrcFileTest
