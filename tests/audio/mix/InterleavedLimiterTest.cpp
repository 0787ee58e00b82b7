#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/mix/InterleavedLimiter.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_InterleavedLimiterTest {

using stemdeck::audio::InterleavedLimiter;

namespace {
// `frames` interleaved frames of `channels`, channel c at level[c] (a constant).
std::vector<float> frames(int n, const std::vector<float>& level) {
    std::vector<float> out;
    for (int i = 0; i < n; ++i) out.insert(out.end(), level.begin(), level.end());
    return out;
}
}  // namespace

TEST(InterleavedLimiter, UntouchedBelowTheCeiling) {
    InterleavedLimiter limiter(4, 256);
    limiter.prepare(48000);
    const stemdeck::audio::RealtimeScope audioThread;          // process() is the audio thread's
    auto block = frames(1000, {0.99f, -0.5f, 0.2f, -0.998f});  // longer than the scratch
    const auto before = block;
    EXPECT_FALSE(limiter.process(block.data(), 1000, 4));
    EXPECT_EQ(block, before);
    EXPECT_FALSE(limiter.engaged());
}

TEST(InterleavedLimiter, EachPairIsLimitedOnItsOwnAndReleasesToUnity) {
    InterleavedLimiter limiter(5, 256);  // two pairs and an odd channel
    limiter.prepare(48000);
    const stemdeck::audio::RealtimeScope audioThread;  // process() is the audio thread's
    auto loud = frames(512, {1.4f, 0.7f, 0.3f, 0.3f, -1.6f});
    EXPECT_TRUE(limiter.process(loud.data(), 512, 5));
    EXPECT_TRUE(limiter.engaged());
    for (int i = 0; i < 512; ++i) {
        const float* f = loud.data() + 5 * i;
        ASSERT_LE(std::abs(f[0]), InterleavedLimiter::kCeiling);
        ASSERT_LE(std::abs(f[4]), InterleavedLimiter::kCeiling);
        ASSERT_EQ(f[2], 0.3f) << "a quiet pair is not touched by a loud one";
        ASSERT_FLOAT_EQ(f[1] / f[0], 0.5f) << "stereo-linked: the image stays";
    }
    // Two seconds of quiet at 64-frame blocks: the release ends exactly at unity.
    auto quiet = frames(64, {0.5f, 0.5f, 0.5f, 0.5f, 0.5f});
    for (int b = 0; b < 1500; ++b) {
        auto block = quiet;
        limiter.process(block.data(), 64, 5);
    }
    EXPECT_FALSE(limiter.engaged());
    auto block = quiet;
    EXPECT_FALSE(limiter.process(block.data(), 64, 5));
    EXPECT_EQ(block, quiet);
}

}  // namespace unity_InterleavedLimiterTest
