// The engine's MIDI clock anchor on a real stream (the private JACK server of with_jack.sh):
// off, nothing is published; on, each block publishes where the song is against JACK's clock,
// the epoch counts a seek, the tempo setting and pause show; and inside the callback's
// RealtimeScope nothing allocates, frees, locks, sleeps or does I/O.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "AllocationCounter.h"
#include "AudioFiles.h"
#include "BlockingCallCounter.h"
#include "MemorySong.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ClockAnchorRealtimeTest {

using namespace stemdeck;
using test::AllocationCounter;
using test::BlockingCallCounter;

namespace {

void waitFor(std::chrono::milliseconds ms, audio::Engine& engine) {
    const auto until = std::chrono::steady_clock::now() + ms;
    while (std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        engine.service();
    }
}

}  // namespace

TEST(RealtimeSafety, ClockAnchorPublishesEachBlockAndAllocatesNothing) {
    audio::Engine engine;
    ASSERT_NO_THROW(engine.openOutput({}));
    const int rate = engine.sampleRate();
    const auto frames = static_cast<std::int64_t>(10.0 * rate);
    engine.setSong(
        test::MemorySong(rate)
            .stereo("a", test::sine(220.0, 0.5, rate, frames), test::sine(330.0, 0.5, rate, frames))
            .build());
    audio::ClickSettings click;
    click.bpm = 100.0;
    click.firstBeatSeconds = 0.5;
    engine.setClick(click);

    // Off: the callback runs and publishes nothing.
    engine.play();
    waitFor(std::chrono::milliseconds(200), engine);
    EXPECT_EQ(engine.clockAnchors().load().outFrames, 0);

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    engine.setClockAnchorEnabled(true);
    waitFor(std::chrono::milliseconds(300), engine);
    const audio::ClockAnchor first = engine.clockAnchors().load();
    const std::int64_t now = audio::ClockAnchorPublisher::rawNowNs();
    EXPECT_GT(first.outFrames, 0);
    EXPECT_EQ(first.rolling, 1u);
    EXPECT_GT(first.songFrame, 0);
    EXPECT_EQ(first.sampleRate, rate);
    EXPECT_DOUBLE_EQ(first.bpm, 100.0);
    EXPECT_EQ(first.gridOrigin, rate / 2);
    // Heard a little after now: the block's length plus the output latency, well under 0.5 s.
    EXPECT_GT(first.rawNs, now - 50'000'000);
    EXPECT_LT(first.rawNs, now + 500'000'000);

    engine.setTempo(1.25);
    engine.seekFrames(5 * rate);
    waitFor(std::chrono::milliseconds(300), engine);
    const audio::ClockAnchor jumped = engine.clockAnchors().load();
    const std::int64_t jumpedReadNs = audio::ClockAnchorPublisher::rawNowNs();
    EXPECT_GT(jumped.epoch, first.epoch) << "a seek starts a new epoch";
    EXPECT_GE(jumped.songFrame, 5 * rate);
    EXPECT_DOUBLE_EQ(jumped.songFramesPerOutFrame, 1.25);
    // Rolling: song frames per output frame follow the tempo (0.3 s apart; output frames, not
    // wall time: a loaded machine's xruns drop whole cycles), and the anchor's clock advances
    // with the output frames.
    waitFor(std::chrono::milliseconds(300), engine);
    const audio::ClockAnchor later = engine.clockAnchors().load();
    const std::int64_t laterReadNs = audio::ClockAnchorPublisher::rawNowNs();
    EXPECT_EQ(later.epoch, jumped.epoch) << "playing on is no jump";
    const auto outFrames = static_cast<double>(later.outFrames - jumped.outFrames);
    ASSERT_GT(outFrames, rate * 0.1);
    EXPECT_NEAR(static_cast<double>(later.songFrame - jumped.songFrame) / outFrames, 1.25, 0.05);
    // The anchor's clock never runs ahead of the output (at least the frames' time passed),
    // and no more time passed than between the two reads, plus a block or two either side
    // (more than the frames' time only when a busy machine dropped cycles).
    const double anchorSeconds = 1e-9 * static_cast<double>(later.rawNs - jumped.rawNs);
    EXPECT_GE(anchorSeconds, 0.95 * outFrames / rate);
    EXPECT_LE(anchorSeconds, 1e-9 * static_cast<double>(laterReadNs - jumpedReadNs) + 0.1);

    engine.pause();
    waitFor(std::chrono::milliseconds(100), engine);
    EXPECT_EQ(engine.clockAnchors().load().rolling, 0u);
    engine.stop();
    engine.closeOutput();

    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    if (BlockingCallCounter::active()) {
        EXPECT_EQ(BlockingCallCounter::locks(), 0u) << BlockingCallCounter::firstCall();
        EXPECT_EQ(BlockingCallCounter::sleeps(), 0u) << BlockingCallCounter::firstCall();
        EXPECT_EQ(BlockingCallCounter::io(), 0u) << BlockingCallCounter::firstCall();
        EXPECT_EQ(BlockingCallCounter::syscalls(), 0u) << BlockingCallCounter::firstCall();
    }
}

}  // namespace unity_ClockAnchorRealtimeTest
