// The time-stretcher on the audio thread never touches the heap, takes a lock or makes a
// system call: Rubber Band included, while tempo and pitch move from another thread, the
// stretcher switches in and out, and the transport seeks (reset).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <thread>
#include <vector>

#include "AllocationCounter.h"
#include "AudioFiles.h"
#include "BlockingCallCounter.h"
#include "HammeredBlocks.h"
#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/stretch/TimeStretcher.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StretcherAllocationTest {

using namespace stemdeck;
using test::AllocationCounter;
using test::BlockingCallCounter;

namespace {
void expectNoBlockingCalls() {
    if (!BlockingCallCounter::active()) return;  // a sanitizer owns these functions
    EXPECT_EQ(BlockingCallCounter::total(), 0u) << BlockingCallCounter::firstCall();
}
}  // namespace

// The counters must see what they count inside a RealtimeScope, or the zeros prove nothing.
TEST(RehearsalCounters, SeeAllocationsAndLocksInsideARealtimeScope) {
    AllocationCounter::reset();
    BlockingCallCounter::reset();
    {
        const audio::RealtimeScope realtime;
        std::vector<int> inside(100);
        EXPECT_NE(inside.data(), nullptr);
    }
    EXPECT_GE(AllocationCounter::allocations(), 1u);
    if (BlockingCallCounter::active()) {
        std::mutex mutex;
        {
            const audio::RealtimeScope realtime;
            const std::lock_guard lock(mutex);
        }
        EXPECT_EQ(BlockingCallCounter::locks(), 1u);
    }
}

TEST(StretcherRealtime, RenderAllocatesNothingWhileTempoAndPitchMove) {
    const int rate = 48000;
    const int block = 256;
    audio::TimeStretcher stretcher;
    stretcher.prepare(rate);
    const auto music = test::noise(0.3, 10 * rate, 11);
    std::size_t read = 0;
    auto source = [&](float* left, float* right, int frames) {
        for (int i = 0; i < frames; ++i, ++read) left[i] = right[i] = music[read % music.size()];
    };

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    std::atomic<bool> stop{false};
    std::atomic<int> switches{0};
    std::thread control([&] {
        std::mt19937 rng(5);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (int i = 0; !stop.load(); ++i) {
            stretcher.setTempo(0.5 + unit(rng));
            // Any pitch, in cents: the resampler ratios nobody warmed up for.
            if (i % 3 == 0) stretcher.setPitchCents(2400.0 * unit(rng) - 1200.0);
            if (i % 40 == 0) {  // neutral: the stretcher switches out, then in again
                stretcher.setTempo(1.0);
                stretcher.setPitch(0);
                switches.fetch_add(1);
            }
            std::this_thread::sleep_for(std::chrono::microseconds(300));
        }
    });
    std::thread audio([&] {
        std::vector<float> left(block), right(block);
        const audio::RealtimeScope realtime;
        for (int b = 0; b < test::hammeredBlocks(20000); ++b) {
            stretcher.render(left.data(), right.data(), block, source);
            if (b % 997 == 0)  // the transport seeked (restarting at once or spread)
                stretcher.reset(b % 2 ? audio::TimeStretcher::Restart::Spread
                                      : audio::TimeStretcher::Restart::AtOnce);
        }
    });
    audio.join();
    stop = true;
    control.join();

    EXPECT_GT(switches.load(), 10);
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    expectNoBlockingCalls();
}

// Source samples that are not audio (3e38, NaN, infinities) are silenced before Rubber Band
// sees them, on the audio thread: no allocation, no lock, and no write (Rubber Band printed
// "MovingMedian: NaN encountered" from the callback for every block once it had seen one).
TEST(StretcherRealtime, SilencingNonFiniteSourceSamplesAllocatesNothing) {
    const int rate = 48000;
    const int block = 256;
    audio::TimeStretcher stretcher;
    stretcher.prepare(rate);
    stretcher.setTempo(0.8);
    stretcher.setPitch(3);
    auto music = test::noise(0.3, 2 * rate, 12);
    const float kinds[] = {3e38f, std::numeric_limits<float>::quiet_NaN(),
                           -std::numeric_limits<float>::infinity()};
    for (std::size_t at = 1000, k = 0; at + 96 < music.size(); at += 4800, ++k)
        for (std::size_t i = 0; i < 96; ++i) music[at + i] = kinds[k % 3];
    std::size_t read = 0;
    auto source = [&](float* left, float* right, int frames) {
        for (int i = 0; i < frames; ++i, ++read) left[i] = right[i] = music[read % music.size()];
    };

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    bool finite = true;
    std::thread audio([&] {
        std::vector<float> left(block), right(block);
        const audio::RealtimeScope realtime;
        for (int b = 0; b < 2000; ++b) {
            stretcher.render(left.data(), right.data(), block, source);
            for (int i = 0; i < block; ++i)
                finite = finite && std::isfinite(left[i]) && std::isfinite(right[i]);
            if (b % 500 == 499) stretcher.reset(audio::TimeStretcher::Restart::Spread);
        }
    });
    audio.join();

    EXPECT_TRUE(finite);
    EXPECT_GT(stretcher.silencedPieces(), 50u) << "the guard never ran: nothing was proven";
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    expectNoBlockingCalls();
}

}  // namespace unity_StretcherAllocationTest
