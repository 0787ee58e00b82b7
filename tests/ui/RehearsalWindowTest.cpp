// Rehearsal controls of the main window (A-B loop, tempo and pitch, click, markers) on a real
// engine, checked where they end up: in the engine.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenu>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <filesystem>
#include <memory>

#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/ui/IssueBanner.h"
#include "stemdeck/ui/RehearsalBar.h"
#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/ui/TransportBar.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_RehearsalWindowTest {

using namespace stemdeck;

namespace {

using Rig = test::WindowRig;

void triggerMenuItem(QMenu* menu, const QString& text) {
    for (QAction* action : menu->actions())
        if (action->text() == text) return action->trigger();
    ADD_FAILURE() << "no menu item " << text.toStdString();
}

std::int64_t frames(Rig& rig, double seconds) {
    return static_cast<std::int64_t>(std::llround(seconds * rig.engine().song()->sampleRate));
}

}  // namespace

TEST(RehearsalWindow, BracketKeysSetTheLoopAndLTogglesIt) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 10.0)));
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    auto* loopButton = rig.part<QToolButton>("loopButton");
    ASSERT_TRUE(timeline && loopButton);

    rig.playback().seek(2.0);
    QTest::keyClick(&*rig.window, Qt::Key_BracketLeft);
    EXPECT_FALSE(rig.engine().loop().enabled) << "A alone is no loop yet";
    EXPECT_NEAR(timeline->loopStart(), 2.0, 1e-3) << "but A is shown";
    rig.playback().seek(5.0);
    QTest::keyClick(&*rig.window, Qt::Key_BracketRight);
    audio::LoopBounds loop = rig.engine().loop();
    EXPECT_NEAR(loop.start, frames(rig, 2.0), 2);
    EXPECT_NEAR(loop.end, frames(rig, 5.0), 2);
    EXPECT_TRUE(loop.enabled);
    EXPECT_TRUE(loopButton->isChecked());
    EXPECT_NEAR(timeline->loopEnd(), 5.0, 1e-3);
    EXPECT_TRUE(timeline->loopEnabled());

    QTest::keyClick(&*rig.window, Qt::Key_L);
    EXPECT_FALSE(rig.engine().loop().enabled);
    EXPECT_FALSE(loopButton->isChecked());
    EXPECT_FALSE(timeline->loopEnabled());
    EXPECT_EQ(rig.engine().loop().end, loop.end) << "off keeps A and B";
    QTest::mouseClick(loopButton, Qt::LeftButton);
    EXPECT_TRUE(rig.engine().loop().enabled);

    // A before A..B moves A; B before A is refused with a message.
    rig.playback().seek(1.0);
    QTest::keyClick(&*rig.window, Qt::Key_BracketLeft);
    EXPECT_NEAR(rig.engine().loop().start, frames(rig, 1.0), 2);
    EXPECT_EQ(rig.engine().loop().end, loop.end);
    rig.playback().seek(0.5);
    QTest::keyClick(&*rig.window, Qt::Key_BracketRight);
    EXPECT_EQ(rig.engine().loop().end, loop.end);
    EXPECT_TRUE(rig.statusMessage().contains(QStringLiteral("after A")))
        << rig.statusMessage().toStdString();

    QTest::keyClick(&*rig.window, Qt::Key_L, Qt::ShiftModifier);
    EXPECT_LE(rig.engine().loop().end, rig.engine().loop().start) << "cleared";
    EXPECT_FALSE(loopButton->isChecked());
    EXPECT_LT(timeline->loopStart(), 0.0);
    // Toggling with no loop says how to make one, and the button stays off.
    QTest::keyClick(&*rig.window, Qt::Key_L);
    EXPECT_FALSE(rig.engine().loop().enabled);
    EXPECT_FALSE(loopButton->isChecked());
    EXPECT_TRUE(rig.statusMessage().contains(QStringLiteral("No loop")));
}

TEST(RehearsalWindow, DraggingOnTheTimelineSetsAndMovesTheLoop) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 10.0)));
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    ASSERT_NE(timeline, nullptr);
    const auto x = [&](double s) { return static_cast<int>(std::lround(timeline->xAt(s))); };
    const int lane = timeline->viewport()->height() / 2;

    test::drag(timeline->viewport(), QPoint(x(3.0), lane), QPoint(x(6.0), lane), Qt::ShiftModifier);
    audio::LoopBounds loop = rig.engine().loop();
    EXPECT_TRUE(loop.enabled);
    EXPECT_NEAR(static_cast<double>(loop.start), frames(rig, timeline->secondsAt(x(3.0))),
                frames(rig, 0.01));
    EXPECT_NEAR(static_cast<double>(loop.end), frames(rig, timeline->secondsAt(x(6.0))),
                frames(rig, 0.01));
    EXPECT_NEAR(rig.playback().position(), 0.0, 1e-3) << "marking a loop does not seek";

    QTest::keyClick(&*rig.window, Qt::Key_L);  // off: moving an edge leaves it off
    test::drag(timeline->viewport(), QPoint(x(6.0), lane), QPoint(x(8.0), lane));
    loop = rig.engine().loop();
    EXPECT_FALSE(loop.enabled);
    EXPECT_NEAR(static_cast<double>(loop.start), frames(rig, timeline->secondsAt(x(3.0))),
                frames(rig, 0.01));
    EXPECT_NEAR(static_cast<double>(loop.end), frames(rig, timeline->secondsAt(x(8.0))),
                frames(rig, 0.01));
    EXPECT_NEAR(timeline->loopEnd(), timeline->secondsAt(x(8.0)), 0.01);
}

TEST(RehearsalWindow, ANewSongStartsWithoutALoop) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "one", 4.0)));
    rig.playback().setLoop(1.0, 2.0, true);
    ASSERT_TRUE(rig.engine().loop().enabled);
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "two", 4.0)));
    EXPECT_FALSE(rig.engine().loop().enabled);
    EXPECT_LT(rig.playback().loopStart(), 0.0);
    EXPECT_LT(rig.window->findChild<ui::TimelineView*>()->loopStart(), 0.0);
}

TEST(RehearsalWindow, TempoAndPitchReachTheEngineAndANewSongResetsThem) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "one", 4.0)));
    auto* bar = rig.window->findChild<ui::RehearsalBar*>();
    ASSERT_NE(bar, nullptr);
    auto* tempo = rig.in<QSpinBox>(bar, "tempoSpin");
    auto* pitch = rig.in<QSpinBox>(bar, "pitchSpin");
    auto* cents = rig.in<QSpinBox>(bar, "centsSpin");

    tempo->setValue(75);
    EXPECT_DOUBLE_EQ(rig.engine().tempo(), 0.75);
    tempo->setValue(40);
    EXPECT_DOUBLE_EQ(rig.engine().tempo(), 0.5) << "the spin box stops at 50 %";
    QTest::mouseClick(rig.in<QToolButton>(bar, "tempoResetButton"), Qt::LeftButton);
    EXPECT_DOUBLE_EQ(rig.engine().tempo(), 1.0);
    EXPECT_EQ(tempo->value(), 100);

    pitch->setValue(-3);
    cents->setValue(25);
    EXPECT_DOUBLE_EQ(rig.engine().pitchCents(), -275.0);
    QTest::mouseClick(rig.in<QToolButton>(bar, "pitchResetButton"), Qt::LeftButton);
    EXPECT_DOUBLE_EQ(rig.engine().pitchCents(), 0.0);
    EXPECT_EQ(cents->value(), 0);

    tempo->setValue(120);
    pitch->setValue(2);
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "two", 4.0)));
    EXPECT_DOUBLE_EQ(rig.engine().tempo(), 1.0) << "session settings, reset for a new song";
    EXPECT_DOUBLE_EQ(rig.engine().pitchCents(), 0.0);
    EXPECT_EQ(tempo->value(), 100);
    EXPECT_EQ(pitch->value(), 0);
}

TEST(RehearsalWindow, ClickSettingsReachTheEngineAndTheCountInIsShown) {
    Rig rig;
    const auto song = test::writeUiSong(rig.dir, "song", 10.0);
    test::writeTextFile(song / "meta.json", R"({"tempo": 90, "time_signature": "3/4"})");
    ASSERT_TRUE(rig.load(song));
    auto* bar = rig.window->findChild<ui::RehearsalBar*>();
    ASSERT_NE(bar, nullptr);
    EXPECT_DOUBLE_EQ(rig.engine().click().bpm, 90.0) << "the song's tempo from meta.json";
    EXPECT_EQ(rig.engine().click().beatsPerBar, 3);
    EXPECT_EQ(rig.in<QComboBox>(bar, "meterCombo")->currentText(), QStringLiteral("3/4"));
    EXPECT_DOUBLE_EQ(rig.in<QDoubleSpinBox>(bar, "bpmSpin")->value(), 90.0);

    QTest::mouseClick(rig.in<QToolButton>(bar, "clickButton"), Qt::LeftButton);
    EXPECT_TRUE(rig.engine().click().enabled);
    rig.in<QSpinBox>(bar, "clickLevelSpin")->setValue(-12);
    EXPECT_FLOAT_EQ(rig.engine().click().levelDb, -12.0f);
    rig.in<QComboBox>(bar, "meterCombo")->setCurrentText(QStringLiteral("6/8"));
    EXPECT_EQ(rig.engine().click().beatsPerBar, 6);
    EXPECT_EQ(rig.engine().click().beatUnit, 8);
    // Taps half a second apart: 120 BPM (the taps' times are given, not waited for).
    bar->tap(10.0);
    bar->tap(10.5);
    bar->tap(11.0);
    EXPECT_NEAR(rig.engine().click().bpm, 120.0, 0.01);
    rig.in<QSpinBox>(bar, "countInSpin")->setValue(1);
    EXPECT_EQ(rig.engine().click().countInBars, 1);

    auto* countIn = rig.in<QLabel>(rig.window->findChild<ui::TransportBar*>(), "countInLabel");
    EXPECT_FALSE(countIn->isVisible());
    QTest::keyClick(&*rig.window, Qt::Key_Space);
    ASSERT_TRUE(QTest::qWaitFor([&] { return countIn->isVisible(); }, 5000));
    EXPECT_TRUE(countIn->text().startsWith(QStringLiteral("Count-in ")))
        << countIn->text().toStdString();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !countIn->isVisible(); }, 10000))
        << "the count-in ends and the song plays";
    rig.playback().pause();

    // A song without meta.json keeps the user's tempo and meter; on/off and count-in stay.
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "two", 4.0)));
    EXPECT_NEAR(rig.engine().click().bpm, 120.0, 0.01);
    EXPECT_EQ(rig.engine().click().beatsPerBar, 6);
    EXPECT_TRUE(rig.engine().click().enabled);
    EXPECT_EQ(rig.engine().click().countInBars, 1);
}

// The click's switch, level and count-in are the user's habits, not the song's: they come
// back in the next session (tempo and meter stay the song's). A damaged value falls back.
TEST(RehearsalWindow, ClickSwitchLevelAndCountInCarryOverToTheNextSession) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 4.0)));
    auto* bar = rig.window->findChild<ui::RehearsalBar*>();
    ASSERT_NE(bar, nullptr);
    EXPECT_FALSE(rig.engine().click().enabled) << "off by default";
    EXPECT_EQ(rig.engine().click().countInBars, 0);
    QTest::mouseClick(rig.in<QToolButton>(bar, "clickButton"), Qt::LeftButton);
    rig.in<QSpinBox>(bar, "clickLevelSpin")->setValue(-15);
    rig.in<QSpinBox>(bar, "countInSpin")->setValue(2);

    rig.restart();
    bar = rig.window->findChild<ui::RehearsalBar*>();
    EXPECT_TRUE(rig.engine().click().enabled);
    EXPECT_FLOAT_EQ(rig.engine().click().levelDb, -15.0f);
    EXPECT_EQ(rig.engine().click().countInBars, 2);
    EXPECT_TRUE(rig.in<QToolButton>(bar, "clickButton")->isChecked());
    EXPECT_EQ(rig.in<QSpinBox>(bar, "clickLevelSpin")->value(), -15);
    EXPECT_EQ(rig.in<QSpinBox>(bar, "countInSpin")->value(), 2);

    rig.window.reset();
    rig.settings.reset();
    test::writeTextFile(rig.dir / "stemdeck.ini",
                        "[rehearsal]\nclick_enabled=maybe\nclick_level_db=12\ncount_in_bars=99\n");
    rig.settings.emplace(rig.ini);
    rig.open();
    EXPECT_FALSE(rig.engine().click().enabled);
    EXPECT_FLOAT_EQ(rig.engine().click().levelDb, -6.0f);
    EXPECT_EQ(rig.engine().click().countInBars, 0);
}

TEST(RehearsalWindow, MarkersPersistJumpByNumberKeysAndLoopASection) {
    Rig rig;
    const auto song = test::writeUiSong(rig.dir, "song", 10.0);
    ASSERT_TRUE(rig.load(song));
    rig.playback().seek(2.0);
    QTest::keyClick(&*rig.window, Qt::Key_M);
    rig.playback().seek(6.0);
    QTest::keyClick(&*rig.window, Qt::Key_M);
    ASSERT_EQ(rig.window->markers().count(), 2);
    EXPECT_EQ(rig.window->markers().markers()[1].name, QStringLiteral("Marker 2"));
    rig.window->markers().rename(1, QStringLiteral("Chorus"));

    rig.restart();
    ASSERT_TRUE(rig.load(song));
    app::SongMarkers& markers = rig.window->markers();
    ASSERT_EQ(markers.count(), 2) << "markers are kept with the song";
    EXPECT_EQ(markers.markers()[0].name, QStringLiteral("Marker 1"));
    EXPECT_EQ(markers.markers()[1].name, QStringLiteral("Chorus"));
    EXPECT_NEAR(markers.markers()[1].seconds, 6.0, 1e-3);
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    ASSERT_EQ(timeline->markerCount(), 2);

    QTest::keyClick(&*rig.window, Qt::Key_2);
    EXPECT_NEAR(rig.engine().positionFrames(), frames(rig, 6.0), 2);
    QTest::keyClick(&*rig.window, Qt::Key_1);
    EXPECT_NEAR(rig.engine().positionFrames(), frames(rig, 2.0), 2);
    QTest::keyClick(&*rig.window, Qt::Key_3);  // there is no marker 3
    EXPECT_NEAR(rig.engine().positionFrames(), frames(rig, 2.0), 2);
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, timeline->flagRect(1).center());
    EXPECT_NEAR(rig.engine().positionFrames(), frames(rig, 6.0), 2) << "a click on a flag";

    std::unique_ptr<QMenu> menu(timeline->markerMenu(0));
    triggerMenuItem(menu.get(), QStringLiteral("Loop Section"));
    audio::LoopBounds loop = rig.engine().loop();
    EXPECT_TRUE(loop.enabled);
    EXPECT_NEAR(loop.start, frames(rig, 2.0), 2);
    EXPECT_NEAR(loop.end, frames(rig, 6.0), 2) << "up to the next marker";
    EXPECT_NEAR(rig.engine().positionFrames(), frames(rig, 2.0), 2);
    EXPECT_NEAR(timeline->loopEnd(), 6.0, 1e-3);
    menu.reset(timeline->markerMenu(1));
    triggerMenuItem(menu.get(), QStringLiteral("Loop Section"));
    EXPECT_EQ(rig.engine().loop().end, rig.engine().durationFrames()) << "the last: to the end";

    menu.reset(timeline->markerMenu(0));
    triggerMenuItem(menu.get(), QStringLiteral("Delete"));
    menu.reset();  // a child of the timeline, which goes with the window
    ASSERT_EQ(markers.count(), 1);
    EXPECT_EQ(timeline->markerCount(), 1);
    rig.restart();
    ASSERT_TRUE(rig.load(song));
    EXPECT_EQ(rig.window->markers().count(), 1);
}

TEST(RehearsalWindow, ADamagedMarkersFileIsShownAndKept) {
    Rig rig;
    const auto song = test::writeUiSong(rig.dir, "song", 4.0);
    test::writeTextFile(song / "markers.json", "{ broken");
    ASSERT_TRUE(rig.load(song));
    auto* issues = rig.part<ui::IssueBanner>("issueBanner");
    EXPECT_TRUE(issues->isVisibleTo(&*rig.window));
    EXPECT_TRUE(issues->text().contains(QStringLiteral("markers saved for this song could not")))
        << issues->text().toStdString();
    EXPECT_TRUE(issues->details().contains(QStringLiteral("markers.json were ignored")))
        << issues->details().toStdString();
    EXPECT_EQ(rig.window->markers().count(), 0);
    QTest::keyClick(&*rig.window, Qt::Key_M);
    EXPECT_EQ(rig.window->markers().count(), 1);
    EXPECT_TRUE(std::filesystem::exists(song / "markers.json.damaged"));
}

}  // namespace unity_RehearsalWindowTest
