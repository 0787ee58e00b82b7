// Progressive loading (issue 11) in the main window, on a real engine and the CTest wrapper's
// private JACK dummy server: a long song plays while it decodes (one decoding worker); the
// timeline shows how far it is (and the island a seek far ahead opened, with its waveform), a
// seek far ahead plays once decoding jumped there, and a
// stem found damaged halfway is named in the window's issue banner once decoding is over.
#include <gtest/gtest.h>

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <filesystem>

#include "../app/ProgressiveSong.h"
#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/ui/IssueBanner.h"
#include "stemdeck/ui/TimelineView.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ProgressiveWindowTest {

using namespace stemdeck;
using app::PlaybackManager;
namespace fs = std::filesystem;

namespace {

using Rig = test::WindowRig;
constexpr int kDecodeMs = 120000;  // a long song on one worker, on a busy machine

}  // namespace

TEST(ProgressiveWindow, TheTimelineFollowsDecodingAndADamagedStemIsNamedWhenItIsDone) {
    Rig rig;
    rig.playback().setDecodeWorkers(1);
    const fs::path song = test::writeLongFlacSong(rig.dir.path(), "Long Song", 8, 60.0);
    test::truncateToHalf(song / "stem5.flac");
    QSignalSpy decoded(&rig.playback(), &PlaybackManager::songDecoded);
    QSignalSpy peaks(&rig.playback(), &PlaybackManager::peaksChanged);
    ASSERT_TRUE(rig.load(song));
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    auto* issues = rig.part<ui::IssueBanner>("issueBanner");
    STEMDECK_SKIP_IF_DECODED_WHOLE(rig.playback());
    EXPECT_EQ(timeline->laneCount(), 8) << "every stem has its lane at once";
    EXPECT_TRUE(timeline->hasPeaks()) << "the waveforms grow with the decoded part";
    EXPECT_LT(timeline->decoded(), 60.0);
    // What the timeline shows is the last poll's: decoding may have gone on since, never back.
    EXPECT_GT(timeline->decoded(), 0.0);
    EXPECT_LE(timeline->decoded(), rig.playback().decodedSeconds());
    EXPECT_FALSE(issues->isVisible()) << "nothing is known to be wrong yet";

    // The undecoded part of a lane looks different from the decoded part.
    const QImage image = timeline->viewport()->grab().toImage();
    const QRect lane = timeline->laneRect(7);
    const int y = lane.bottom() - 3;  // under the centre line, away from the name plate
    const QRgb near = image.pixel(static_cast<int>(timeline->xAt(timeline->decoded() * 0.5)), y);
    const QRgb far = image.pixel(static_cast<int>(timeline->xAt(59.0)), y);
    EXPECT_NE(near, far);

    ASSERT_TRUE(decoded.count() > 0 || decoded.wait(kDecodeMs));
    EXPECT_DOUBLE_EQ(timeline->decoded(), 60.0);
    EXPECT_TRUE(issues->isVisible());
    EXPECT_TRUE(issues->text().contains(QStringLiteral("stem5.flac")))
        << issues->text().toStdString();
    EXPECT_TRUE(issues->text().contains(QStringLiteral("silent"))) << issues->text().toStdString();
    ASSERT_TRUE(peaks.count() > 0 || peaks.wait(30000));
    EXPECT_TRUE(timeline->hasPeaks());
}

// Seeking past what is decoded: decoding jumps there (SongDecode::prioritize), the transport
// waits there only until that place is decoded ("Buffering…" shows if the wait is long enough
// for the window to see it), then plays on and the word goes.
TEST(ProgressiveWindow, ASeekPastWhatIsDecodedPlaysThereOnceDecodingJumpedThere) {
    Rig rig;
    rig.playback().setDecodeWorkers(1);
    // At 44.1 kHz for the 48 kHz device: resampled, so decoding takes real time.
    const fs::path song = test::writeLongFlacSong(rig.dir.path(), "Long Song", 8, 60.0, 44100);
    ASSERT_TRUE(rig.load(song));
    STEMDECK_SKIP_IF_DECODED_WHOLE(rig.playback());
    auto* label = rig.part<QLabel>("bufferingLabel");
    EXPECT_FALSE(label->isVisible());
    EXPECT_EQ(label->text(), QStringLiteral("Buffering…"));

    QSignalSpy buffering(&rig.playback(), &PlaybackManager::bufferingChanged);
    rig.playback().play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback().position() > 0.1; }, 20000));
    rig.playback().seek(50.0);
    // (That the place sought is decoded before what lies between: SongDecodeJump's tests.)
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback().position() > 50.5; }, kDecodeMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !label->isVisible(); }, 5000));
    EXPECT_FALSE(rig.playback().buffering());
    if (buffering.count() > 0) {
        EXPECT_TRUE(buffering.first().at(0).toBool());
        EXPECT_FALSE(buffering.last().at(0).toBool());
    }
}

// A seek far past what is decoded while paused: the timeline shows the island decoding jumped
// to as decoded, with its waveform, and the gap before it dimmed and without one.
TEST(ProgressiveWindow, TheTimelineShowsTheIslandASeekOpenedAndItsWaveform) {
    Rig rig;
    rig.playback().setDecodeWorkers(1);
    // Long, and resampled for the 48 kHz device (slower to decode): the island cannot reach
    // the end before the window is looked at.
    const fs::path song = test::writeLongFlacSong(rig.dir.path(), "Long Song", 8, 120.0, 44100);
    QSignalSpy decoded(&rig.playback(), &PlaybackManager::songDecoded);
    ASSERT_TRUE(rig.load(song));
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    constexpr double kTarget = 30.0;
    rig.playback().seek(kTarget);
    // Shown once a poll said it (and the waveforms grew there, a few polls later).
    const auto islandShown = [&] {
        const app::TimeSpans spans = timeline->decodedSpans();
        return decoded.count() > 0 || (spans.size() == 2 && spans[1].start <= kTarget &&
                                       spans[1].end > kTarget + 2.0 && spans[0].end < 20.0);
    };
    ASSERT_TRUE(QTest::qWaitFor(islandShown, kDecodeMs));
    if (decoded.count() > 0) GTEST_SKIP() << "the song decoded whole before the island showed";
    QTest::qWait(2 * PlaybackManager::kPeaksEveryPolls * PlaybackManager::kPollIntervalMs);
    const app::TimeSpans spans = timeline->decodedSpans();
    if (spans.size() != 2 || spans[0].end > 20.0 || spans[1].end > 110.0)
        GTEST_SKIP() << "decoding went too far meanwhile to see a gap on both sides ("
                     << spans.size() << " spans, the front to " << spans.front().end << " s)";

    const QImage image = timeline->viewport()->grab().toImage();
    const QRect lane = timeline->laneRect(7);
    const auto column = [&](int x) {
        std::vector<QRgb> pixels;
        for (int y = lane.top() + 20; y < lane.bottom(); ++y) pixels.push_back(image.pixel(x, y));
        return pixels;
    };
    // Columns a multiple of 8 px apart: the hatching (an 8 px pattern) is the same there.
    const auto xOf = [&](double seconds) {
        return static_cast<int>(timeline->xAt(seconds)) / 8 * 8;
    };
    const int gap = xOf((spans[0].end + spans[1].start) / 2);
    const int island = xOf((spans[1].start + spans[1].end) / 2);
    const int past = xOf(spans[1].end + 5.0);
    ASSERT_LT(island + 8, past);
    EXPECT_EQ(column(gap), column(past)) << "the gap: dimmed, no waveform, as what is not decoded";
    EXPECT_NE(column(island), column(past)) << "the island: decoded, with its waveform";
    EXPECT_NE(column(island), column(gap));
}

// The label follows what the PlaybackManager says, whatever the machine's speed.
TEST(ProgressiveWindow, TheBufferingLabelFollowsThePlaybackManager) {
    Rig rig;
    const fs::path song = test::writeLongFlacSong(rig.dir.path(), "Short Song", 2, 3.0);
    ASSERT_TRUE(rig.load(song));
    auto* label = rig.part<QLabel>("bufferingLabel");
    EXPECT_FALSE(label->isVisible());
    emit rig.playback().bufferingChanged(true);
    EXPECT_TRUE(label->isVisible());
    emit rig.playback().bufferingChanged(false);
    EXPECT_FALSE(label->isVisible());
}

}  // namespace unity_ProgressiveWindowTest
