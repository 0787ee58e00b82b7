// The main window at rest costs nothing: paused, with the meters fallen and the latency
// monitor open, no timer of the widgets runs, nothing is painted and the engine's callback is
// not called; playing, the timeline repaints the playhead's strip, not its lanes.
#include <gtest/gtest.h>

#include <QTest>

#include "PaintCounter.h"
#include "WindowRig.h"
#include "stemdeck/ui/FrameTick.h"
#include "stemdeck/ui/LatencyPanel.h"
#include "stemdeck/ui/TimelineView.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_IdleWindowTest {

using namespace stemdeck;

namespace {

using Rig = test::WindowRig;

ui::FrameTick* frameTick(Rig& rig) {
    auto* tick = rig.window->findChild<ui::FrameTick*>();
    EXPECT_NE(tick, nullptr);
    return tick;
}

}  // namespace

TEST(IdleWindow, PausedNothingTicksNothingPaintsAndTheCallbackIsNotCalled) {
    Rig rig([](app::Settings& s) { s.setLatencyMonitorEnabled(true); });
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 30.0)));
    auto* panel = rig.window->findChild<ui::LatencyPanel*>();
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(panel->isVisible());
    rig.playback().play();
    QTest::qWait(700);
    ASSERT_TRUE(frameTick(rig)->running());
    EXPECT_TRUE(panel->following());

    rig.playback().pause();
    // The fade-out, the stream's stop on the next poll, the meters' fall (about 3 s).
    EXPECT_TRUE(QTest::qWaitFor([&] { return !frameTick(rig)->running(); }, 5000))
        << "the window's frame tick stops once nothing moves";
    EXPECT_FALSE(panel->following());
    EXPECT_FALSE(rig.engine().output().isActive()) << "the stream is stopped";

    QTest::qWait(100);  // the last frame is painted
    const std::uint64_t callbacks = rig.engine().latencyStats().callbacks;
    test::PaintCounter paints;
    QTest::qWait(1000);
    EXPECT_EQ(paints.count(), 0) << "nothing on screen changed; painted: " << paints.describe();
    EXPECT_EQ(rig.engine().latencyStats().callbacks, callbacks) << "no callback while paused";
    EXPECT_FALSE(frameTick(rig)->running());

    rig.playback().play();
    EXPECT_TRUE(frameTick(rig)->running());
    EXPECT_TRUE(panel->following()) << "playing wakes the latency monitor";
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return rig.engine().latencyStats().callbacks > callbacks + 5; }, 2000));
}

TEST(IdleWindow, PlayingRepaintsThePlayheadStripNotTheLanes) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 30.0)));
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    ASSERT_NE(timeline, nullptr);
    ASSERT_GT(timeline->viewport()->width(), 500);
    rig.playback().play();
    QTest::qWait(300);
    test::PaintCounter paints(timeline->viewport());
    QTest::qWait(1000);
    EXPECT_GT(paints.count(), 5) << "the playhead moves across a fitted 30 s song";
    EXPECT_LE(paints.widestRect(), 2 * (2 * ui::TimelineView::kHeadHalfWidth + 5));
}

}  // namespace unity_IdleWindowTest
