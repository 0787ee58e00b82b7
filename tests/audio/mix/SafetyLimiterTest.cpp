#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "AudioFiles.h"
#include "stemdeck/audio/mix/SafetyLimiter.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SafetyLimiterTest {

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

// Samples that are not audio (a NaN, an infinity, a float stem's 3e38, which a Song built in
// memory can hold) are silence to the limiter: zeroed, the gain left as it was, the next block
// untouched. Limited instead, an infinity took the gain to 0 (then NaN: inf * 0), the music
// came back only over seconds of release, and a NaN went through.
TEST(SafetyLimiter, NanInfinityAndAbsurdLevelsAreSilencedAndLeaveTheGainAlone) {
    constexpr float kInf = std::numeric_limits<float>::infinity();
    const auto l0 = test::sine(440, 0.5, 48000, 4800);
    const auto r0 = test::sine(550, 0.5, 48000, 4800);
    auto l = l0, r = r0;
    l[100] = std::numeric_limits<float>::quiet_NaN();
    l[200] = kInf;
    r[300] = -kInf;
    r[400] = 3e38f;
    // The block's peak as Transport measures it: NaN when a sample is NaN.
    float peak = 0.0f;
    for (std::size_t i = 0; i < l.size() && !std::isnan(peak); ++i)
        for (float s : {std::abs(l[i]), std::abs(r[i])})
            if (std::isnan(s) || s > peak) peak = s;
    ASSERT_TRUE(std::isnan(peak));

    SafetyLimiter lim;
    lim.prepare(48000);
    EXPECT_TRUE(lim.process(l.data(), r.data(), static_cast<int>(l.size()), peak));
    for (std::size_t i = 0; i < l.size(); ++i) {
        ASSERT_EQ(l[i], i == 100 || i == 200 ? 0.0f : l0[i]) << i;
        ASSERT_EQ(r[i], i == 300 || i == 400 ? 0.0f : r0[i]) << i;
    }
    EXPECT_EQ(lim.gain(), 1.0f);
    auto nextL = l0, nextR = r0;
    EXPECT_FALSE(limit(lim, nextL, nextR)) << "the next block passes untouched";

    // While the gain recovers from a hot block, such a block is silence to the release too.
    SafetyLimiter withGarbage, withSilence;
    withGarbage.prepare(48000);
    withSilence.prepare(48000);
    for (SafetyLimiter* limiter : {&withGarbage, &withSilence}) {
        auto hotL = test::sine(100, 1.8, 48000, 4800), hotR = hotL;
        limit(*limiter, hotL, hotR);
    }
    std::vector<float> garbage(256, 0.0f), silence(256, 0.0f), other(256, 0.0f);
    garbage[10] = kInf;
    garbage[20] = std::numeric_limits<float>::quiet_NaN();
    withGarbage.process(garbage.data(), other.data(), 256, std::numeric_limits<float>::quiet_NaN());
    limit(withSilence, silence, other);
    EXPECT_EQ(garbage, silence);
    EXPECT_EQ(withGarbage.gain(), withSilence.gain());
    EXPECT_GT(withGarbage.gain(), 0.5f);
}

}  // namespace unity_SafetyLimiterTest
