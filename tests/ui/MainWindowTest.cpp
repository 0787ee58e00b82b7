#include <gtest/gtest.h>

#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
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
#include "stemdeck/ui/MainWindow.h"
#include "stemdeck/ui/MasterStrip.h"
#include "stemdeck/ui/MixerPanel.h"
#include "stemdeck/ui/ResettableSlider.h"
#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/ui/TrackStrip.h"

using namespace stemdeck;
using audio::PlayState;
using ui::MainWindow;
namespace fs = std::filesystem;

namespace {

using Rig = test::WindowRig;

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
    auto* issues = rig.in<QLabel>(&*rig.window, "loadIssuesLabel");
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
    MainWindow window(settings, mixes);
    window.show();
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("could not be read")));
    EXPECT_TRUE(window.playback().engine().outputOpen());
    EXPECT_EQ(window.playback().engine().output().framesPerBuffer(), 1024);
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
