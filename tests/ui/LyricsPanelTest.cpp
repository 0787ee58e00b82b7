// The lyrics panel on its own (issue 14): the prompter follows the song position line by line
// and word by word, the chord sheet scrolls with its timed lines, chord names follow the pitch
// and the capo, and a 10 000-line LRC costs the GUI tick nothing worth measuring.
#include <gtest/gtest.h>

#include <QTest>
#include <chrono>
#include <memory>
#include <string>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/ui/LyricsPanel.h"
#include "stemdeck/words/SongWords.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LyricsPanelTest {

using namespace stemdeck;
using Clock = std::chrono::steady_clock;

namespace {

std::shared_ptr<const words::SongWords> wordsOf(const test::TempDir& dir) {
    return std::make_shared<words::SongWords>(words::SongWords::load(dir.path()));
}

struct ShownPanel {
    ui::LyricsPanel panel;
    ShownPanel() {
        panel.resize(480, 360);
        panel.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&panel));
    }
};

}  // namespace

TEST(LyricsPanel, ThePrompterFollowsLinesAndWords) {
    test::TempDir dir;
    test::writeTextFile(dir / "lyrics.lrc",
                        "[00:01.00]<00:01.00>Hello <00:01.50>bright <00:02.00>world\n"
                        "[00:04.00]second line\n[00:06.00]third line\n");
    ShownPanel shown;
    ui::LyricsPanel& panel = shown.panel;
    panel.setWords(wordsOf(dir));
    EXPECT_EQ(panel.mode(), ui::LyricsPanel::Mode::Prompter);
    EXPECT_EQ(panel.currentLine(), -1);
    EXPECT_EQ(panel.nextLineText(), QStringLiteral("Hello bright world"));
    panel.setPosition(1.6);
    EXPECT_EQ(panel.currentLineText(), QStringLiteral("Hello bright world"));
    EXPECT_EQ(panel.currentWord(), 1);
    EXPECT_EQ(panel.nextLineText(), QStringLiteral("second line"));
    panel.setPosition(4.5);
    EXPECT_EQ(panel.currentLineText(), QStringLiteral("second line"));
    EXPECT_EQ(panel.currentWord(), -1);
    EXPECT_EQ(panel.nextLineText(), QStringLiteral("third line"));
    panel.setPosition(0.5);  // a seek back
    EXPECT_EQ(panel.currentLine(), -1);
    panel.repaint();  // paints without trouble in every state
}

TEST(LyricsPanel, ChordsFollowThePitchAndTheCapo) {
    test::TempDir dir;
    test::writeTextFile(dir / "meta.json",
                        R"({"key": "A minor", "chords": [[0, 2, "Am"], [2, 4, "E7/G#"]]})");
    ShownPanel shown;
    ui::LyricsPanel& panel = shown.panel;
    panel.setWords(wordsOf(dir));
    EXPECT_EQ(panel.mode(), ui::LyricsPanel::Mode::Prompter);
    panel.setPosition(1.0);
    EXPECT_EQ(panel.currentChord(), QStringLiteral("Am"));
    panel.setPitch(1);  // B flat minor: flats
    EXPECT_EQ(panel.currentChord(), QStringLiteral("Bbm"));
    panel.setPosition(3.0);
    EXPECT_EQ(panel.currentChord(), QStringLiteral("F7/A"));
    panel.setPitch(2);  // B minor: sharps
    EXPECT_EQ(panel.currentChord(), QStringLiteral("F#7/A#"));
    panel.setCapo(2);  // shapes of A minor again
    EXPECT_EQ(panel.currentChord(), QStringLiteral("E7/G#"));
    panel.repaint();
}

TEST(LyricsPanel, AChordSheetScrollsWithItsTimedLines) {
    test::TempDir dir;
    test::writeTextFile(dir / "lyrics.lrc", "[00:02.00]Hello there\n[00:05.00]Second line\n");
    test::writeTextFile(dir / "song.cho",
                        "{title: Sheet}\n{key: G}\n{capo: 2}\n[G]Hello [D]there\n"
                        "[C]Second [G/B]line\n");
    ShownPanel shown;
    ui::LyricsPanel& panel = shown.panel;
    panel.setWords(wordsOf(dir));
    EXPECT_EQ(panel.mode(), ui::LyricsPanel::Mode::Sheet);
    EXPECT_EQ(panel.capo(), 2);  // the sheet's
    EXPECT_EQ(panel.shownChord("G"), QStringLiteral("F"));
    EXPECT_EQ(panel.shownChord("G/B"), QStringLiteral("F/A"));
    panel.setPosition(2.5);
    EXPECT_EQ(panel.currentLineText(), QStringLiteral("Hello there"));
    panel.setPosition(6.0);
    EXPECT_EQ(panel.currentLineText(), QStringLiteral("Second line"));
    panel.repaint();
    panel.setCapo(0);
    EXPECT_EQ(panel.shownChord("G/B"), QStringLiteral("G/B"));
}

TEST(LyricsPanel, WithoutWordsItSaysWhereTheyWouldBe) {
    test::TempDir dir;
    ShownPanel shown;
    shown.panel.setWords(wordsOf(dir));
    EXPECT_EQ(shown.panel.mode(), ui::LyricsPanel::Mode::Empty);
    shown.panel.setPosition(3.0);
    EXPECT_EQ(shown.panel.currentLine(), -1);
    shown.panel.repaint();
}

// The GUI tick calls setPosition() every frame: with 10 000 lines it must stay a lookup, and
// a line change a repaint of what is on screen, not of the whole text.
TEST(LyricsPanel, TenThousandLinesDoNotSlowTheTick) {
    test::TempDir dir;
    std::string lrc;
    for (int i = 0; i < 10000; ++i) {
        char stamp[32];
        std::snprintf(stamp, sizeof stamp, "[%02d:%02d.%02d]", i / 60, i % 60, 0);
        lrc += std::string(stamp) + "line " + std::to_string(i) + " of a long song\n";
    }
    test::writeTextFile(dir / "lyrics.lrc", lrc);
    ShownPanel shown;
    ui::LyricsPanel& panel = shown.panel;
    panel.setWords(wordsOf(dir));

    const auto ticks = Clock::now();
    for (int frame = 0; frame < 100000; ++frame) panel.setPosition(frame * 0.1);
    const double tickMs = std::chrono::duration<double, std::milli>(Clock::now() - ticks).count();
    EXPECT_EQ(panel.currentLine(), 9999);

    const auto paints = Clock::now();
    for (int line = 0; line < 200; ++line) {
        panel.setPosition(line * 50.0 + 0.5);
        panel.repaint();
    }
    const double paintMs =
        std::chrono::duration<double, std::milli>(Clock::now() - paints).count() / 200.0;
    EXPECT_EQ(panel.currentLine(), 199 * 50);
    // The whole test takes about 0.2 s here (loading included); the bounds leave room for a
    // loaded machine, not for a linear scan per tick or a layout of the whole text per paint.
    EXPECT_LT(tickMs, 1000.0);
    EXPECT_LT(paintMs, 16.0) << "a frame at 60 Hz";
}

}  // namespace unity_LyricsPanelTest
