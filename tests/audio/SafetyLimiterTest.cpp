#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "AudioFiles.h"
#include "stemdeck/audio/SafetyLimiter.h"

using stemdeck::audio::SafetyLimiter;
namespace test = stemdeck::test;

namespace {
// What Transport does: measure the block's peak, hand it to the limiter with the samples.
bool limit(SafetyLimiter& lim, std::vector<float>& l, std::vector<float>& r) {
    float peak = 0;
    for (std::size_t i = 0; i < l.size(); ++i)
        peak = std::max({peak, std::abs(l[i]), std::abs(r[i])});
    return lim.process(l.data(), r.data(), static_cast<int>(l.size()), peak);
}
}  // namespace

TEST(SafetyLimiter, TransparentBelowTheCeiling) {
    SafetyLimiter lim;
    lim.prepare(48000);
    auto l = test::sine(440, 0.99, 48000, 4800);
    auto r = test::sine(550, 0.5, 48000, 4800);
    const auto l0 = l, r0 = r;
    EXPECT_FALSE(limit(lim, l, r));
    EXPECT_EQ(l, l0);
    EXPECT_EQ(r, r0);
    EXPECT_EQ(lim.gain(), 1.0f);
}

TEST(SafetyLimiter, NeverExceedsTheCeilingAndRecoversToUnity) {
    SafetyLimiter lim;
    lim.prepare(48000);
    auto l = test::sine(100, 1.8, 48000, 4800);  // two full-scale stems summed
    auto r = test::sine(100, 0.2, 48000, 4800);
    EXPECT_TRUE(limit(lim, l, r));
    for (std::size_t i = 0; i < l.size(); ++i) {
        ASSERT_LE(std::abs(l[i]), SafetyLimiter::kCeiling) << i;
        ASSERT_LE(std::abs(r[i]), SafetyLimiter::kCeiling) << i;
    }
    EXPECT_LT(lim.gain(), 0.6f);
    // Stereo-linked: the quiet side is reduced by the same gain, the image does not move.
    const auto l0 = test::sine(100, 1.8, 48000, 4800);
    const auto r0 = test::sine(100, 0.2, 48000, 4800);
    EXPECT_NEAR(r[1000] / r0[1000], l[1000] / l0[1000], 1e-5);
    // Two seconds of quiet (25 release times): the gain is back to exactly 1, so the limiter is
    // transparent again.
    std::vector<float> ql(96000, 0.1f), qr(96000, 0.1f);
    limit(lim, ql, qr);
    EXPECT_EQ(lim.gain(), 1.0f);
    EXPECT_EQ(ql.back(), 0.1f);
}
