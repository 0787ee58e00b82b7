#include <gtest/gtest.h>

#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>
#include <optional>

#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/ui/FaderTaper.h"
#include "stemdeck/ui/IssueBanner.h"
#include "stemdeck/ui/LevelMeter.h"
#include "stemdeck/ui/MainWindow.h"
#include "stemdeck/ui/MasterStrip.h"
#include "stemdeck/ui/MixerPanel.h"
#include "stemdeck/ui/ResettableSlider.h"
#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/ui/TrackStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MainWindowTest {

using namespace stemdeck;
using audio::PlayState;
using ui::MainWindow;
namespace fs = std::filesystem;

namespace {

using Rig = test::WindowRig;

// The loudest level any meter of the mixer shows (every strip's and the master's bars), dB.
float loudestMeter(Rig& rig) {
    float loudest = ui::MeterBallistics::kFloorDb;
    std::vector<ui::LevelMeter*> meters;
    for (int i = 0; i < rig.mixer()->stripCount(); ++i)
        meters.push_back(rig.in<ui::LevelMeter>(rig.mixer()->strip(i), "meter"));
    auto* master = rig.in<ui::LevelMeter>(rig.mixer()->masterStrip(), "meter");
    for (ui::LevelMeter* meter : meters) loudest = std::max(loudest, meter->channel(0).levelDb());
    for (int c : {0, 1}) loudest = std::max(loudest, master->channel(c).levelDb());
    return loudest;
}

// The quietest strip meter: every stem plays, so every strip must show it.
float quietestStrip(Rig& rig) {
    float quietest = 0.0f;
    for (int i = 0; i < rig.mixer()->stripCount(); ++i)
        quietest = std::min(
            quietest, rig.in<ui::LevelMeter>(rig.mixer()->strip(i), "meter")->channel(0).levelDb());
    return quietest;
}

}  // namespace

TEST(MainWindow, StripsDriveTheEnginesMix) {
    Rig rig;
    ASSERT_TRUE(rig.engine().outputOpen()) << rig.playback().outputProblem().toStdString();
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 3.0)));
    ASSERT_EQ(rig.mixer()->stripCount(), 3);
    audio::MixControls& mix = rig.engine().mix();

    ui::TrackStrip* first = rig.mixer()->strip(0);
    ui::TrackStrip* second = rig.mixer()->strip(1);
    QTest::mouseClick(rig.in<QPushButton>(second, "muteButton"), Qt::LeftButton);
    EXPECT_TRUE(mix.muted(1));
    QTest::mouseClick(rig.in<QPushButton>(first, "soloButton"), Qt::LeftButton);
    EXPECT_TRUE(mix.soloed(0));
    EXPECT_FALSE(mix.audible(2)) << "another stem is soloed";
    QTest::mouseClick(rig.in<QPushButton>(first, "soloButton"), Qt::LeftButton);
    EXPECT_FALSE(mix.soloed(0));
    EXPECT_TRUE(mix.muted(1)) << "clearing a solo leaves mutes alone";

    auto* fader = rig.in<ui::ResettableSlider>(first, "fader");
    fader->setValue(ui::FaderTaper::sliderValue(-12.0f));
    EXPECT_NEAR(mix.gainDb(0), -12.0f, 0.05f);
    QTest::mouseDClick(fader, Qt::LeftButton);
    EXPECT_FLOAT_EQ(mix.gainDb(0), 0.0f);
    fader->setValue(0);
    EXPECT_TRUE(std::isinf(mix.gainDb(0)));

    auto* pan = rig.in<ui::ResettableSlider>(second, "panSlider");
    pan->setValue(-50);
    EXPECT_FLOAT_EQ(mix.pan(1), -0.5f);
    QTest::mouseDClick(pan, Qt::LeftButton);
    EXPECT_FLOAT_EQ(mix.pan(1), 0.0f);

    auto* master = rig.in<ui::ResettableSlider>(rig.mixer()->masterStrip(), "fader");
    master->setValue(ui::FaderTaper::sliderValue(-6.0f));
    EXPECT_NEAR(mix.masterGainDb(), -6.0f, 0.05f);
}

TEST(MainWindow, KeyboardDrivesTheTransport) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 30.0)));
    QTest::keyClick(&*rig.window, Qt::Key_Space);
    EXPECT_EQ(rig.playback().state(), PlayState::Playing);
    QTest::keyClick(&*rig.window, Qt::Key_Space);
    EXPECT_NE(rig.playback().state(), PlayState::Playing);

    const double at = rig.playback().position();
    QTest::keyClick(&*rig.window, Qt::Key_Right);
    EXPECT_NEAR(rig.playback().position(), at + 5.0, 1e-3);
    QTest::keyClick(&*rig.window, Qt::Key_Right, Qt::ShiftModifier);
    EXPECT_NEAR(rig.playback().position(), at + 6.0, 1e-3);
    QTest::keyClick(&*rig.window, Qt::Key_Left);
    EXPECT_NEAR(rig.playback().position(), at + 1.0, 1e-3);
    QTest::keyClick(&*rig.window, Qt::Key_Home);
    EXPECT_EQ(rig.playback().position(), 0.0);
    rig.playback().seek(10.0);
    QTest::keyClick(&*rig.window, Qt::Key_Return);
    EXPECT_EQ(rig.playback().position(), 0.0);

    // The shortcuts are discoverable: tooltips name them.
    const auto* play = rig.window->findChild<QAction*>(QStringLiteral("actionPlayPause"));
    EXPECT_TRUE(play->toolTip().contains(QStringLiteral("Space")));
}

TEST(MainWindow, DroppingAFolderOrAFileInItOpensTheSong) {
    Rig rig;
    const fs::path song = test::writeUiSong(rig.dir, "Dropped Song", 2.0, 2);
    const auto drop = [&](const fs::path& what) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(test::qpath(what))});
        const QPoint at(200, 200);
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&*rig.window, &enter);
        EXPECT_TRUE(enter.isAccepted());
        QDropEvent dropEvent(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        return test::waitForSong(rig.playback(),
                                 [&] { QApplication::sendEvent(&*rig.window, &dropEvent); });
    };
    ASSERT_TRUE(drop(song));
    EXPECT_EQ(rig.playback().songFolder(), test::qpath(song));
    EXPECT_EQ(rig.mixer()->stripCount(), 2);
    EXPECT_TRUE(rig.window->windowTitle().contains(QStringLiteral("Dropped Song")));

    const fs::path other = test::writeUiSong(rig.dir, "other", 2.0, 3);
    ASSERT_TRUE(drop(other / "stem1.wav"));
    EXPECT_EQ(rig.playback().songFolder(), test::qpath(other));
    EXPECT_EQ(rig.mixer()->stripCount(), 3);

    // Something that is not a song is refused at the door.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&*rig.window, &enter);
    EXPECT_FALSE(enter.isAccepted());
}

TEST(MainWindow, ACorruptStemIsShownAndTheRestPlays) {
    Rig rig;
    const fs::path song = test::writeUiSong(rig.dir, "song", 2.0, 2);
    test::writeTextFile(song / "broken.wav", "RIFF....WAVEfmt but nothing else");
    ASSERT_TRUE(rig.load(song));
    EXPECT_EQ(rig.mixer()->stripCount(), 2);
    auto* issues = rig.in<ui::IssueBanner>(&*rig.window, "issueBanner");
    EXPECT_TRUE(issues->isVisible());
    EXPECT_TRUE(issues->text().contains(QStringLiteral("broken.wav")))
        << issues->text().toStdString();

    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "clean", 2.0, 2)));
    EXPECT_FALSE(issues->isVisible());
}

TEST(MainWindow, ClickingTheTimelineSeeksAlsoWhilePlaying) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 10.0)));
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    ASSERT_NE(timeline, nullptr);
    EXPECT_EQ(timeline->laneCount(), 3);
    const auto clickAt = [&](double seconds) {
        const QPoint at(static_cast<int>(timeline->xAt(seconds)),
                        timeline->viewport()->height() / 2);
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, at);
        return timeline->secondsAt(at.x());
    };
    const double target = clickAt(6.0);
    EXPECT_NEAR(rig.playback().position(), target, 1e-3);
    EXPECT_NEAR(target, 6.0, 0.1);

    rig.playback().play();
    QTest::qWait(200);
    const double second = clickAt(3.0);
    EXPECT_NEAR(rig.playback().position(), second, 0.05);
    EXPECT_EQ(rig.playback().state(), PlayState::Playing);
    QTest::qWait(300);
    EXPECT_GT(rig.playback().position(), second + 0.1);
}

TEST(MainWindow, RemembersSongsAndWindowGeometry) {
    Rig rig;
    const fs::path song = test::writeUiSong(rig.dir, "song", 2.0, 2);
    ASSERT_TRUE(rig.load(song));
    EXPECT_EQ(rig.settings->recentSongs().value(0), test::qpath(song));
    EXPECT_EQ(rig.settings->lastSong(), test::qpath(song));

    rig.window->resize(1010, 690);
    rig.window->close();
    rig.window.reset();
    rig.settings.reset();
    rig.settings.emplace(rig.ini);
    rig.open();
    EXPECT_EQ(rig.window->size(), QSize(1010, 690));
}

TEST(MainWindow, AGarbageSettingsFileStillStartsAndSaysSo) {
    test::TempDir dir;
    const char damaged[] = "\x01\x02\0\xff\n[audio\nblock_size=x\n";
    test::writeTextFile(dir / "stemdeck.ini", std::string(damaged, sizeof damaged - 1));
    app::Settings settings(test::qpath(dir / "stemdeck.ini"));
    app::MixStore mixes(test::qpath(dir / "mixes"));
    audio::Engine engine;
    MainWindow window(engine, settings, mixes);
    window.show();
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("could not be read")));
    EXPECT_TRUE(engine.outputOpen());
    EXPECT_EQ(engine.output().framesPerBuffer(), 1024);
}

TEST(MainWindow, AnUnavailableDeviceFallsBackAndSaysSo) {
    Rig rig([](app::Settings& s) { s.setOutputDevice(QStringLiteral("Unplugged Interface")); });
    EXPECT_TRUE(rig.engine().outputOpen());
    bool named = false;
    for (QToolButton* button : rig.window->statusBar()->findChildren<QToolButton*>())
        named = named || button->toolTip().contains(QStringLiteral("Unplugged Interface"));
    EXPECT_TRUE(named);
}

TEST(MainWindow, TheLatencyDockFollowsTheMonitorSetting) {
    Rig rig([](app::Settings& s) { s.setLatencyMonitorEnabled(true); });
    auto* dock = rig.window->findChild<QDockWidget*>(QStringLiteral("latencyDock"));
    ASSERT_NE(dock, nullptr);
    EXPECT_TRUE(rig.engine().latencyMonitorEnabled());
    EXPECT_TRUE(dock->isVisible());
    auto* action = rig.window->findChild<QAction*>(QStringLiteral("actionLatencyMonitor"));
    action->trigger();
    EXPECT_FALSE(rig.engine().latencyMonitorEnabled());
    EXPECT_FALSE(dock->isVisible());
    EXPECT_FALSE(rig.settings->latencyMonitorEnabled());
}

// The meters show what is heard: after a pause they fall to the floor (they used to freeze
// lit: the stream stops once the fade-out is silent, and the last peaks were read again and
// again), and once everything is down the meter timer stops until playback starts again.
TEST(MainWindow, MetersFallToSilenceAfterAPauseThenStopPolling) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 30.0)));
    rig.playback().play();
    QTest::qWait(700);
    EXPECT_TRUE(rig.mixer()->metersRunning());
    EXPECT_GT(quietestStrip(rig), -30.0f) << "every stem plays at -10 dBFS";
    EXPECT_GT(loudestMeter(rig), -20.0f);

    rig.playback().pause();
    QElapsedTimer sincePause;
    sincePause.start();
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return loudestMeter(rig) <= ui::MeterBallistics::kFloorDb; }, 5000));
    EXPECT_LT(sincePause.elapsed(), 2500) << "they fall at the meters' speed, not later";
    EXPECT_TRUE(QTest::qWaitFor([&] { return !rig.mixer()->metersRunning(); }, 3000))
        << "nothing moves: the meter timer stops";
    QTest::qWait(200);
    EXPECT_LE(loudestMeter(rig), ui::MeterBallistics::kFloorDb);

    rig.playback().play();
    EXPECT_TRUE(QTest::qWaitFor([&] { return quietestStrip(rig) > -30.0f; }, 2000))
        << "playing again wakes the meters";
    EXPECT_TRUE(rig.mixer()->metersRunning());
}

}  // namespace unity_MainWindowTest
