// Spoken guide cues on the audio thread: rendering, starting, cutting at seeks and taking a
// newly published set allocate, free, lock and call the system not at all, while another
// thread publishes new cue sets (freed there), moves the level and switches them on and off.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include "AllocationCounter.h"
#include "BlockingCallCounter.h"
#include "stemdeck/audio/click/GuideCues.h"
#include "stemdeck/audio/core/RealtimeThread.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_GuideCuesAllocationTest {

using namespace stemdeck;
using test::AllocationCounter;
using test::BlockingCallCounter;

TEST(GuideCuesRealtime, RenderingAndHandOverAllocateNothing) {
    const int rate = 48000;
    const int block = 256;
    audio::GuideCues cues;
    cues.prepare(rate);
    cues.setEnabled(true);
    const auto cueSet = [](int shift) {
        std::vector<audio::GuideCue> set;
        for (int i = 0; i < 40; ++i)
            set.push_back({std::int64_t{i} * 24000 + shift, std::vector<float>(9000, 0.25f)});
        return set;
    };
    cues.publish(cueSet(0), rate);

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    std::atomic<bool> stop{false};
    std::atomic<int> published{0};
    std::thread control([&] {
        std::mt19937 rng(5);
        for (int i = 0; !stop.load(); ++i) {
            if (i % 10 == 0) {
                cues.publish(cueSet(static_cast<int>(rng() % 5000)), rate);
                published.fetch_add(1);
            }
            cues.collect();
            cues.setLevelDb(-static_cast<float>(rng() % 40));
            if (i % 7 == 0) cues.setEnabled(i % 14 != 0);
            std::this_thread::sleep_for(std::chrono::microseconds(300));
        }
    });
    std::int64_t sounding = 0;
    std::thread audioThread([&] {
        std::vector<float> left(block), right(block);
        const audio::RealtimeScope realtime;
        double position = 0.0;
        std::mt19937 rng(7);
        for (int b = 0; b < 20000; ++b) {
            // Paced by the publisher (spinning: no system call), so that new sets arrive
            // throughout.
            while (b % 1000 == 0 && published.load() < b / 1000) {
            }
            std::fill(left.begin(), left.end(), 0.0f);
            std::fill(right.begin(), right.end(), 0.0f);
            const double tempo = b % 3000 < 1500 ? 1.0 : 0.8;
            if (b % 500 == 499) position = static_cast<double>(rng() % 900000);  // a seek
            cues.render(position, block, left.data(), right.data(), tempo);
            position += block * tempo;
            if (position > 960000.0) position = 0.0;  // a loop wrap
            if (left[block / 2] != 0.0f) ++sounding;
        }
    });
    audioThread.join();
    stop = true;
    control.join();

    EXPECT_GT(sounding, 1000);  // the cues did sound
    EXPECT_GT(published.load(), 5);
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    if (BlockingCallCounter::active()) {
        EXPECT_EQ(BlockingCallCounter::total(), 0u) << BlockingCallCounter::firstCall();
    }
}

}  // namespace unity_GuideCuesAllocationTest
