#include <gtest/gtest.h>

#include <string>

#include "stemdeck/words/ChordProSheet.h"
#include "stemdeck/words/TextFile.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ChordProSheetTest {

using stemdeck::words::ChordProSheet;
using stemdeck::words::SheetLine;
using stemdeck::words::codePointPrefix;

TEST(ChordProSheet, ChordsSitOnTheCharactersTheyPrecede) {
    const ChordProSheet sheet = ChordProSheet::parse("[C]Lyrics [G]here[Am]\n");
    ASSERT_EQ(sheet.lines.size(), 1u);
    const SheetLine& line = sheet.lines[0];
    EXPECT_EQ(line.kind, SheetLine::Kind::Lyrics);
    EXPECT_EQ(line.text, "Lyrics here");
    ASSERT_EQ(line.chords.size(), 3u);
    EXPECT_EQ(line.chords[0].position, 0u);
    EXPECT_EQ(line.chords[0].name, "C");
    EXPECT_EQ(line.chords[1].position, 7u);
    EXPECT_EQ(line.chords[1].name, "G");
    EXPECT_EQ(line.chords[2].position, 11u);  // at the end of the line
    EXPECT_EQ(sheet.chordCount(), 3u);
}

TEST(ChordProSheet, PositionsCountCharactersNotBytes) {
    const ChordProSheet sheet = ChordProSheet::parse("Cora\xC3\xA7\xC3\xA3o [D]meu\n");
    EXPECT_EQ(sheet.lines.at(0).chords.at(0).position, 8u);
}

TEST(ChordProSheet, ReadsTheMetadataDirectives) {
    const ChordProSheet sheet = ChordProSheet::parse(
        "{title: First Light}\n{subtitle: live}\n{artist:The Band}\n{key: Bb}\n{capo: 3}\n"
        "{tempo: 92}\n");
    EXPECT_EQ(sheet.title, "First Light");
    EXPECT_EQ(sheet.subtitle, "live");
    EXPECT_EQ(sheet.artist, "The Band");
    EXPECT_EQ(sheet.key, "Bb");
    EXPECT_EQ(sheet.capo, 3);
    EXPECT_EQ(sheet.tempo, 92.0);
    EXPECT_TRUE(sheet.lines.empty());
    EXPECT_TRUE(sheet.problems.empty());
    EXPECT_EQ(ChordProSheet::parse("{t:Short}").title, "Short");
}

TEST(ChordProSheet, SectionsMarkTheirLines) {
    const ChordProSheet sheet = ChordProSheet::parse(
        "{start_of_verse}\n[C]one\n{end_of_verse}\n\n{soc: Chorus 2}\n[F]two\n{eoc}\n"
        "{start_of_chorus}\nthree\n{end_of_chorus}\n{sob}\nfour\n{eob}\nafter\n");
    ASSERT_EQ(sheet.lines.size(), 6u);
    EXPECT_EQ(sheet.lines[0].section, "verse");
    EXPECT_EQ(sheet.lines[1].kind, SheetLine::Kind::Empty);
    EXPECT_EQ(sheet.lines[1].section, "");
    EXPECT_EQ(sheet.lines[2].section, "chorus");
    EXPECT_EQ(sheet.lines[2].label, "Chorus 2");
    EXPECT_EQ(sheet.lines[3].section, "chorus");
    EXPECT_EQ(sheet.lines[3].label, "");
    EXPECT_EQ(sheet.lines[4].section, "bridge");
    EXPECT_EQ(sheet.lines[5].section, "");
}

TEST(ChordProSheet, TabLinesAreVerbatim) {
    const ChordProSheet sheet =
        ChordProSheet::parse("{start_of_tab}\ne|--[3]--0--|\n{end_of_tab}\n");
    ASSERT_EQ(sheet.lines.size(), 1u);
    EXPECT_EQ(sheet.lines[0].kind, SheetLine::Kind::Tab);
    EXPECT_EQ(sheet.lines[0].text, "e|--[3]--0--|");
    EXPECT_EQ(sheet.chordCount(), 0u);
}

TEST(ChordProSheet, CommentsUnknownDirectivesAndHashLines) {
    const ChordProSheet sheet = ChordProSheet::parse(
        "# a comment for editors\n{comment: slowly}\n{c:Intro}\n{x_custom: 1}\n{new_page}\n"
        "[G]text\n");
    ASSERT_EQ(sheet.lines.size(), 3u);
    EXPECT_EQ(sheet.lines[0].kind, SheetLine::Kind::Comment);
    EXPECT_EQ(sheet.lines[0].text, "slowly");
    EXPECT_EQ(sheet.lines[1].text, "Intro");
    ASSERT_EQ(sheet.otherDirectives.size(), 2u);
    EXPECT_EQ(sheet.otherDirectives[0].first, "x_custom");
    EXPECT_EQ(sheet.otherDirectives[1].first, "new_page");
    EXPECT_TRUE(sheet.problems.empty());
}

TEST(ChordProSheet, UnusableValuesAreReportedNotFatal) {
    const ChordProSheet sheet = ChordProSheet::parse("{capo: high}\n{tempo: fast}\n[C]ok\n");
    EXPECT_EQ(sheet.capo, 0);
    EXPECT_FALSE(sheet.tempo);
    ASSERT_EQ(sheet.problems.size(), 2u);
    EXPECT_EQ(sheet.problems[0].rfind("line 1: ", 0), 0u);
    EXPECT_EQ(sheet.lines.size(), 1u);
}

TEST(ChordProSheet, UnclosedBracketsAreText) {
    const ChordProSheet sheet = ChordProSheet::parse("[C]one [two\n{broken\n");
    ASSERT_EQ(sheet.lines.size(), 2u);
    EXPECT_EQ(sheet.lines[0].text, "one [two");
    EXPECT_EQ(sheet.lines[0].chords.size(), 1u);
    EXPECT_EQ(sheet.lines[1].text, "{broken");
}

TEST(ChordProSheet, CrlfBomAndLatin1) {
    const ChordProSheet sheet =
        ChordProSheet::parse("\xEF\xBB\xBF{title:x}\r\n[Am]Cora\xE7\xE3o\r\n");
    EXPECT_EQ(sheet.title, "x");
    EXPECT_TRUE(sheet.latin1);
    ASSERT_EQ(sheet.lines.size(), 1u);
    EXPECT_EQ(sheet.lines[0].text, "Cora\xC3\xA7\xC3\xA3o");
}

// A chord's position counts code points: the lyric before it is that many, whatever their
// UTF-8 or UTF-16 length (the panel measures it to place the chord).
TEST(ChordProSheet, AChordSitsAfterTheCodePointsBeforeItWhateverTheirSize) {
    const ChordProSheet sheet = ChordProSheet::parse("Ca\xC3\xA7\xF0\x9F\x8E\xB8[G]o\n");
    ASSERT_EQ(sheet.lines.size(), 1u);
    ASSERT_EQ(sheet.lines[0].chords.size(), 1u);
    EXPECT_EQ(sheet.lines[0].chords[0].position, 4u);  // C, a, ç, the guitar (U+1F3B8)
    EXPECT_EQ(codePointPrefix(sheet.lines[0].text, 4), "Ca\xC3\xA7\xF0\x9F\x8E\xB8");
    EXPECT_EQ(codePointPrefix(sheet.lines[0].text, 3), "Ca\xC3\xA7");
    EXPECT_EQ(codePointPrefix(sheet.lines[0].text, 0), "");
    EXPECT_EQ(codePointPrefix(sheet.lines[0].text, 99), sheet.lines[0].text);
}

}  // namespace unity_ChordProSheetTest
