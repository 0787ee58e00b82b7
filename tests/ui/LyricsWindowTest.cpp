// View › Lyrics and Chords in the main window (issue 14): the dock opens from the View menu and
// its panel follows the song as it plays, in song time (at tempo 0.8 a line comes later on the
// clock, exactly at its stamp in the song).
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <cmath>
#include <string>
#include <vector>

#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/control/ActionCall.h"
#include "stemdeck/ui/LyricsPanel.h"
#include "stemdeck/ui/StampWindow.h"
#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/words/LrcFile.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LyricsWindowTest {

using namespace stemdeck;
using Rig = test::WindowRig;

TEST(LyricsWindow, ThePanelFollowsThePositionAtTempo08) {
    Rig rig;
    const auto song = test::writeUiSong(rig.dir, "lyrics", 20.0, 1);
    std::string lrc;
    for (int i = 0; i < 40; ++i)  // a line every half second
        lrc += "[00:" + std::string(i < 20 ? "0" : "") + std::to_string(i / 2) +
               (i % 2 ? ".50]" : ".00]") + "line " + std::to_string(i) + "\n";
    test::writeTextFile(song / "lyrics.lrc", lrc);
    ASSERT_TRUE(rig.load(song));

    auto* toggle = rig.part<QAction>("actionLyrics");
    auto* dock = rig.part<QDockWidget>("lyricsDock");
    EXPECT_FALSE(dock->isVisible());
    toggle->trigger();
    ASSERT_TRUE(dock->isVisible());
    auto* panel = rig.in<ui::LyricsPanel>(dock, "lyricsPanel");
    EXPECT_EQ(panel->mode(), ui::LyricsPanel::Mode::Prompter);

    double last = -1.0;
    QObject::connect(&rig.playback(), &app::PlaybackManager::positionChanged, panel,
                     [&last](double seconds) { last = seconds; });
    rig.playback().setTempo(0.8);
    QElapsedTimer clock;
    clock.start();
    rig.playback().play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return last >= 2.0; }, 10000));
    const double wall = static_cast<double>(clock.elapsed()) / 1000.0;
    rig.playback().pause();
    QTest::qWait(50);
    // The song clock ran at 0.8: 2 s of song took 2.5 s (start-up latency aside).
    EXPECT_GT(wall, 2.0 / 0.8 * 0.9) << "song seconds " << last;
    // The panel shows the line of the song position it was last told, by the song's stamps.
    ASSERT_GE(last, 2.0);
    const int expected = static_cast<int>(std::floor(last / 0.5));
    EXPECT_EQ(panel->currentLine(), expected) << last;
    EXPECT_EQ(panel->currentLineText(), QStringLiteral("line %1").arg(expected));

    // A seek moves it too.
    rig.playback().seek(10.2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return std::abs(last - 10.2) < 1e-3; }, 3000));
    EXPECT_EQ(panel->currentLineText(), QStringLiteral("line 20"));
}

TEST(LyricsWindow, ChordsFollowThePitchSetting) {
    Rig rig;
    const auto song = test::writeUiSong(rig.dir, "chords", 4.0, 1);
    test::writeTextFile(song / "meta.json", R"({"key": "C", "chords": [[0, 4, "C"]]})");
    ASSERT_TRUE(rig.load(song));
    auto* panel = rig.part<ui::LyricsPanel>("lyricsPanel");
    EXPECT_EQ(panel->currentChord(), QStringLiteral("C"));
    rig.playback().setPitch(3, 0.0);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return panel->currentChord() == QStringLiteral("Eb"); }, 2000))
        << panel->currentChord().toStdString();
    // A new song starts untransposed.
    ASSERT_TRUE(rig.load(song));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return panel->currentChord() == QStringLiteral("C"); }, 2000));
}

// The timeline's words lane names the chords as the panel does: the pitch and the capo.
TEST(LyricsWindow, TheWordsLaneNamesChordsWithThePanelsCapo) {
    Rig rig;
    const auto song = test::writeUiSong(rig.dir, "capo", 4.0, 1);
    test::writeTextFile(song / "meta.json", R"({"key": "C", "chords": [[0, 4, "C"]]})");
    ASSERT_TRUE(rig.load(song));
    auto* panel = rig.part<ui::LyricsPanel>("lyricsPanel");
    auto* timeline = rig.part<ui::TimelineView>("timeline");
    EXPECT_EQ(timeline->wordsChord("C"), QStringLiteral("C"));
    panel->setCapo(3);  // C sounding, played as A with a capo on the third fret
    EXPECT_EQ(panel->shownChord("C"), QStringLiteral("A"));
    EXPECT_EQ(timeline->wordsChord("C"), QStringLiteral("A"));
    rig.playback().setPitch(2, 0.0);  // D sounding: B shapes with the capo
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return panel->shownChord("C") == QStringLiteral("B"); }, 2000))
        << panel->shownChord("C").toStdString();
    EXPECT_EQ(timeline->wordsChord("C"), panel->shownChord("C"));
    EXPECT_EQ(timeline->wordsChord("Am7"), panel->shownChord("Am7"));
}

// Lyrics › Stamp Lyrics… on a playing song: three taps at the song position, Save, and the
// lyrics.lrc written reads back with those times; the panel shows the new lyrics at once.
TEST(LyricsWindow, StampingThreeLinesWhilePlayingSavesThem) {
    Rig rig;
    const auto song = test::writeUiSong(rig.dir, "stamp", 10.0, 1);
    test::writeTextFile(song / "lyrics.txt", "first\nsecond\nthird\n");
    auto* stamp = rig.part<QAction>("actionStampLyrics");
    EXPECT_FALSE(stamp->isEnabled());
    ASSERT_TRUE(rig.load(song));
    ASSERT_TRUE(stamp->isEnabled());
    stamp->trigger();
    auto* window = rig.part<ui::StampWindow>("stampWindow");
    ASSERT_TRUE(window->isVisible());
    ASSERT_EQ(window->stamper().size(), 3u);

    double last = -1.0;
    QObject::connect(&rig.playback(), &app::PlaybackManager::positionChanged, window,
                     [&last](double seconds) { last = seconds; });
    window->playPauseRequested();  // what Space and the Play button do
    std::vector<double> tapped;
    for (const double at : {0.5, 1.2, 2.0}) {
        ASSERT_TRUE(QTest::qWaitFor([&] { return last >= at; }, 10000)) << at;
        tapped.push_back(last);  // the position the window was last told
        ASSERT_TRUE(window->stampNext());
    }
    rig.playback().pause();
    ASSERT_TRUE(window->save()) << window->status().toStdString();

    const auto lrc = words::LrcFile::read(song / "lyrics.lrc");
    ASSERT_TRUE(lrc.synced());
    ASSERT_EQ(lrc.lines().size(), 3u);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_NEAR(lrc.lines()[i].time, tapped[i], 0.006) << i;  // LRC keeps hundredths
    EXPECT_EQ(lrc.lines()[2].text, "third");

    // The panel reads the saved lyrics: synced now, it follows a seek.
    auto* panel = rig.part<ui::LyricsPanel>("lyricsPanel");
    rig.playback().seek(tapped[1] + 0.1);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return panel->currentLineText() == QStringLiteral("second"); }, 3000))
        << panel->currentLineText().toStdString();

    // Play from a line seeks to its stamp.
    window->selectLine(2);
    window->playFromSelected();
    EXPECT_TRUE(QTest::qWaitFor([&] { return std::abs(last - tapped[2]) < 0.3; }, 3000)) << last;
    rig.playback().pause();
}

// Another song loads while the stamp window is open: it asks to save the old song's unsaved
// stamps, saves them into the old song's folder, and follows the new song (its lines).
TEST(LyricsWindow, TheStampWindowFollowsTheNextSongAfterSavingTheStamps) {
    Rig rig;
    const auto first = test::writeUiSong(rig.dir, "first", 4.0, 1);
    const auto second = test::writeUiSong(rig.dir, "second", 4.0, 1);
    test::writeTextFile(first / "lyrics.txt", "one\ntwo\n");
    test::writeTextFile(second / "lyrics.lrc",
                        "[00:00.00]alpha\n[00:01.00]beta\n[00:02.00]gamma\n");
    ASSERT_TRUE(rig.load(first));
    rig.part<QAction>("actionStampLyrics")->trigger();
    auto* window = rig.part<ui::StampWindow>("stampWindow");
    ASSERT_TRUE(window->isVisible());
    window->setPosition(1.5);
    ASSERT_TRUE(window->stampNext());
    ASSERT_TRUE(window->modified());

    // Answers the question with Save (the default a musician gets with Enter).
    QString asked;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&asked] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            asked = box->text();
            box->button(QMessageBox::Save)->click();
        }
    });
    answer.start(20);
    ASSERT_TRUE(rig.load(second));
    answer.stop();
    EXPECT_TRUE(asked.contains("first")) << asked.toStdString();
    const auto saved = words::LrcFile::read(first / "lyrics.lrc");
    ASSERT_EQ(saved.lines().size(), 1u) << "the stamped line (the other is kept unsynced)";
    EXPECT_EQ(saved.lines()[0].text, "one");
    EXPECT_NEAR(saved.lines()[0].time, 1.5, 0.006);
    EXPECT_EQ(window->folder(), test::qpath(second));
    ASSERT_EQ(window->stamper().size(), 3u);
    EXPECT_FALSE(window->modified());
    EXPECT_TRUE(window->isVisible());
    // The panel shows the new song's words, not the saved ones of the song before.
    auto* panel = rig.part<ui::LyricsPanel>("lyricsPanel");
    EXPECT_EQ(panel->currentLineText(), QStringLiteral("alpha"));

    // Nothing stamped: it follows without a question.
    asked.clear();
    answer.start(20);
    ASSERT_TRUE(rig.load(first));
    answer.stop();
    EXPECT_TRUE(asked.isEmpty());
    EXPECT_EQ(window->folder(), test::qpath(first));
    ASSERT_GE(window->stamper().size(), 1u);
    ASSERT_TRUE(window->stamper().time(0).has_value()) << "the stamp saved on the way out";
    EXPECT_NEAR(*window->stamper().time(0), 1.5, 0.006);
}

// `lyrics.stamp` through the control layer (what a MIDI pedal, OSC or the web remote sends):
// a clear refusal while the stamp window is closed, a stamp at the play position while open.
TEST(LyricsWindow, TheLyricsStampActionStampsOnlyWhileTheWindowIsOpen) {
    Rig rig;
    const auto song = test::writeUiSong(rig.dir, "pedal", 4.0, 1);
    test::writeTextFile(song / "lyrics.txt", "one\ntwo\n");
    ASSERT_TRUE(rig.load(song));
    auto* center = rig.window->findChild<app::ControlCenter*>();
    ASSERT_NE(center, nullptr);
    control::ActionCall call;
    call.name = "lyrics.stamp";
    call.origin = control::Origin::Midi;
    control::ActionResult result = center->invoke(call);
    EXPECT_EQ(result.code, control::ActionResult::Code::Unavailable);
    EXPECT_NE(result.message.find("not stamping"), std::string::npos) << result.message;

    rig.part<QAction>("actionStampLyrics")->trigger();
    auto* window = rig.part<ui::StampWindow>("stampWindow");
    ASSERT_TRUE(window->isVisible());
    window->setPosition(1.25);
    result = center->invoke(call);
    EXPECT_TRUE(result.ok()) << result.message;
    ASSERT_TRUE(window->stamper().time(0).has_value());
    EXPECT_DOUBLE_EQ(*window->stamper().time(0), 1.25);
    EXPECT_FALSE(window->stamper().time(1).has_value());
    EXPECT_TRUE(center->invoke(call).ok());
    result = center->invoke(call);
    EXPECT_FALSE(result.ok()) << "both lines stamped";

    // Closed again: refused, nothing stamped.
    window->close();
    EXPECT_EQ(center->invoke(call).code, control::ActionResult::Code::Unavailable);
}

}  // namespace unity_LyricsWindowTest
