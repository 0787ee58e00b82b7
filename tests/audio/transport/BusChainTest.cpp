#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/transport/BusChain.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_BusChainTest {

using stemdeck::audio::BusChain;
using stemdeck::audio::TimeStretcher;

namespace {
constexpr int kRate = 48000;
constexpr int kBlock = 256;
}  // namespace

// Right after a start with a tempo change, the stretcher holds more than the chain has read:
// the listener is at the first frame, never before it (a chain joining there read the memory
// before the stems' audio).
TEST(BusChain, TheHeardPositionIsNeverBeforeTheStart) {
    BusChain chain;
    chain.prepare(kRate, kBlock, true);
    ASSERT_TRUE(chain.canStretch());
    chain.stretcher().setTempo(0.8);
    const stemdeck::audio::RealtimeScope audioThread;  // what follows is the audio thread's
    chain.jump(0);
    std::vector<float> left(kBlock), right(kBlock);
    const auto silence = [](std::int64_t, int n, float* l, float* r) {
        std::fill(l, l + n, 0.0f);
        std::fill(r, r + n, 0.0f);
    };
    bool latencyShown = chain.stretcher().latencyFrames() > chain.position();
    EXPECT_GE(chain.heardPosition(), 0) << "before the first block";
    for (int block = 0; block < 8; ++block) {
        chain.render(left.data(), right.data(), kBlock, silence);
        // A slower tempo and a pitch change after the start: the stretcher's delay grows
        // beyond what the chain has read so far.
        if (block == 0) {
            chain.stretcher().setTempo(TimeStretcher::kMinTempo);
            chain.stretcher().setPitchCents(-TimeStretcher::kMaxPitchCents);
        }
        EXPECT_GE(chain.heardPosition(), 0) << "block " << block;
        latencyShown = latencyShown || chain.stretcher().latencyFrames() > chain.position();
    }
    // A jump back to the start: until the stretcher has run again it still reports the delay
    // it had.
    chain.jump(0);
    latencyShown = latencyShown || chain.stretcher().latencyFrames() > chain.position();
    EXPECT_GE(chain.heardPosition(), 0) << "right after a jump to the start";
    EXPECT_TRUE(latencyShown) << "the stretcher never held more than was read: nothing tested";
    chain.jump(-500);
    EXPECT_EQ(chain.position(), 0);
}

}  // namespace unity_BusChainTest
