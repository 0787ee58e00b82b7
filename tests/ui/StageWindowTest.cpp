// View › Stage in the main window: F11 opens it full screen and Escape (or F11) leaves; it
// shows the loaded song, its sections and bar.beat as the song plays; its buttons drive the
// transport.
#include <gtest/gtest.h>

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <cmath>

#include "InputSupport.h"
#include "MarkedSong.h"
#include "PaintCounter.h"
#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/ui/BeatLight.h"
#include "stemdeck/ui/StageView.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StageWindowTest {

using namespace stemdeck;
using test::press;

namespace {

using Rig = test::WindowRig;

using test::markedSong;
using test::seekShown;

QString text(ui::StageView* stage, const char* name) {
    return test::part<QLabel>(stage, name)->text();
}

}  // namespace

TEST(StageWindow, F11OpensTheStageViewFullScreenAndEscapeLeavesIt) {
    Rig rig;
    ASSERT_TRUE(rig.load(markedSong(rig)));
    ui::StageView* stage = rig.window->stageView();
    auto* action = rig.part<QAction>("actionStageView");
    EXPECT_FALSE(stage->isVisible());
    press(&*rig.window, Qt::Key_F11);
    ASSERT_TRUE(stage->isVisible());
    EXPECT_TRUE(action->isChecked());
    EXPECT_TRUE(rig.window->windowState() & Qt::WindowFullScreen);
    EXPECT_TRUE(QTest::qWaitFor([&] { return stage->geometry() == rig.window->rect(); }, 2000))
        << "it covers the whole window";
    EXPECT_EQ(text(stage, "stageTitle"), QStringLiteral("Stage Song"));

    press(&*rig.window, Qt::Key_Escape);
    EXPECT_FALSE(stage->isVisible());
    EXPECT_FALSE(action->isChecked());
    EXPECT_FALSE(rig.window->windowState() & Qt::WindowFullScreen);

    // F11 toggles it too.
    press(&*rig.window, Qt::Key_F11);
    ASSERT_TRUE(stage->isVisible());
    press(&*rig.window, Qt::Key_F11);
    EXPECT_FALSE(stage->isVisible());
}

TEST(StageWindow, ShowsTheSongsSectionsAndBarBeatAtThePlayPosition) {
    Rig rig;
    ASSERT_TRUE(rig.load(markedSong(rig)));
    ui::StageView* stage = rig.window->stageView();
    press(&*rig.window, Qt::Key_F11);
    ASSERT_TRUE(stage->isVisible());

    ASSERT_TRUE(seekShown(rig, 12.0));
    EXPECT_EQ(text(stage, "stageSection"), QStringLiteral("Verse"));
    EXPECT_EQ(text(stage, "stageNextSection"), QStringLiteral("Next: Chorus in 0:12"));
    EXPECT_EQ(text(stage, "stageBarBeat"), QStringLiteral("7.1"));
    EXPECT_EQ(text(stage, "stageSongLeft"), QStringLiteral("Song −0:48"));
    EXPECT_EQ(text(stage, "stageSetLeft"), QStringLiteral("Set −0:48")) << "no set: the song's";

    // Playing, bar.beat moves on with the song.
    QTest::mouseClick(test::part<QPushButton>(stage, "stagePlayPause"), Qt::LeftButton);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return rig.playback().state() == audio::PlayState::Playing; }, 3000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback().position() > 14.2; }, 5000));
    const double at = rig.playback().position();
    QTest::qWait(50);  // a frame tick or two
    const QString shown = text(stage, "stageBarBeat");
    EXPECT_TRUE(shown.startsWith(QStringLiteral("8.")) || shown.startsWith(QStringLiteral("9.")))
        << shown.toStdString() << " at " << at;
    // What the stage view covers is not painted while the song plays; the stage view itself
    // repaints only what changed: the beat light, bar.beat and the times.
    {
        test::PaintCounter paints;
        QTest::qWait(500);  // one beat at 120 BPM
        int covered = 0;
        for (const auto& p : paints.paints()) {
            // The window's own background under the stage view's changes is painted with them.
            if (p.widget == &*rig.window) continue;
            const bool onStage = p.widget == stage || stage->isAncestorOf(p.widget);
            covered += !onStage;
            if (!onStage) continue;
            EXPECT_TRUE(p.widget == stage ||
                        QStringList({"stageBeatLight", "stageBarBeat", "stageSongLeft",
                                     "stageSetLeft", "stageNextSection", "stageSection"})
                            .contains(p.widget->objectName()))
                << p.widget->objectName().toStdString();
        }
        EXPECT_EQ(covered, 0) << paints.describe();
        EXPECT_GT(paints.count(), 0) << "the beat light flashed";
    }
    QTest::mouseClick(test::part<QPushButton>(stage, "stageStop"), Qt::LeftButton);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return rig.playback().state() != audio::PlayState::Playing; }, 3000));

    // A marker added meanwhile shows at once.
    ASSERT_TRUE(seekShown(rig, 30.0));
    EXPECT_EQ(text(stage, "stageSection"), QStringLiteral("Chorus"));
    rig.window->markers().addAtPlayhead();
    EXPECT_EQ(text(stage, "stageSection"), QStringLiteral("Marker 4"));
    press(&*rig.window, Qt::Key_Escape);
}

// The set panel's part: next song and set time left, and the song buttons.
TEST(StageWindow, TheSetContextShowsTheNextSongAndTheSetsTimeLeft) {
    Rig rig;
    ASSERT_TRUE(rig.load(markedSong(rig)));
    ui::StageView* stage = rig.window->stageView();
    press(&*rig.window, Qt::Key_F11);
    stage->setSetContext(QStringLiteral("Reunion"), 240.0);
    ASSERT_TRUE(seekShown(rig, 30.0));
    EXPECT_EQ(text(stage, "stageNextSong"), QStringLiteral("Next song: Reunion"));
    EXPECT_EQ(text(stage, "stageSetLeft"), QStringLiteral("Set −4:30"));
    EXPECT_TRUE(test::part<QPushButton>(stage, "stageNext")->isEnabled());
    press(&*rig.window, Qt::Key_Escape);
}

}  // namespace unity_StageWindowTest
