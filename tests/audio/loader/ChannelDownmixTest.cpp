#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "AudioFiles.h"
#include "stemdeck/audio/loader/ChannelDownmix.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ChannelDownmixTest {

namespace sd = stemdeck::audio;

namespace {

constexpr float kMinus3dB = 0.70710678f;

struct Stereo {
    std::vector<float> left, right;
};

// Downmixes a signal that is `value` on channel `active` and silent on the others.
Stereo downmixOneChannel(const sd::DownmixMatrix& m, int active, float value, std::size_t frames) {
    std::vector<float> interleaved(frames * static_cast<std::size_t>(m.channels()), 0.0f);
    for (std::size_t f = 0; f < frames; ++f)
        interleaved[f * static_cast<std::size_t>(m.channels()) + static_cast<std::size_t>(active)] =
            value;
    std::vector<float> stereo(2 * frames);
    sd::downmixToStereo(m, interleaved.data(), frames, stereo.data());
    return {stemdeck::test::channelOf(stereo, 2, 0), stemdeck::test::channelOf(stereo, 2, 1)};
}

void expectOnly(const sd::DownmixMatrix& m, int channel, float left, float right) {
    const auto out = downmixOneChannel(m, channel, 0.5f, 16);
    for (std::size_t f = 0; f < 16; ++f) {
        EXPECT_NEAR(out.left[f], 0.5f * left, 1e-6f) << "channel " << channel << " frame " << f;
        EXPECT_NEAR(out.right[f], 0.5f * right, 1e-6f) << "channel " << channel << " frame " << f;
    }
}

}  // namespace

TEST(ChannelDownmix, FivePointOneFollowsItuAndDropsLfe) {
    const auto m = sd::downmixMatrix(6);  // L R C LFE Ls Rs
    expectOnly(m, 0, 1.0f, 0.0f);
    expectOnly(m, 1, 0.0f, 1.0f);
    expectOnly(m, 2, kMinus3dB, kMinus3dB);
    expectOnly(m, 3, 0.0f, 0.0f);
    expectOnly(m, 4, kMinus3dB, 0.0f);
    expectOnly(m, 5, 0.0f, kMinus3dB);
}

TEST(ChannelDownmix, ThreeFourAndFiveChannelLayouts) {
    const auto lrc = sd::downmixMatrix(3);
    expectOnly(lrc, 2, kMinus3dB, kMinus3dB);
    const auto quad = sd::downmixMatrix(4);  // L R Ls Rs: no centre
    expectOnly(quad, 2, kMinus3dB, 0.0f);
    expectOnly(quad, 3, 0.0f, kMinus3dB);
    const auto five = sd::downmixMatrix(5);  // L R C Ls Rs
    expectOnly(five, 2, kMinus3dB, kMinus3dB);
    expectOnly(five, 3, kMinus3dB, 0.0f);
    expectOnly(five, 4, 0.0f, kMinus3dB);
}

TEST(ChannelDownmix, SevenPointOneSendsSidesToTheirSide) {
    const auto m = sd::downmixMatrix(8);  // L R C LFE Ls Rs Lside Rside
    expectOnly(m, 2, kMinus3dB, kMinus3dB);
    expectOnly(m, 3, 0.0f, 0.0f);
    expectOnly(m, 6, kMinus3dB, 0.0f);
    expectOnly(m, 7, 0.0f, kMinus3dB);
}

TEST(ChannelDownmix, UnknownCountsAlternateAndAverageSoTheyNeverOverload) {
    const auto m = sd::downmixMatrix(7);
    const float share = 1.0f / (3.0f + kMinus3dB);  // three paired channels + the unpaired one
    expectOnly(m, 0, share, 0.0f);
    expectOnly(m, 1, 0.0f, share);
    expectOnly(m, 4, share, 0.0f);
    expectOnly(m, 6, share * kMinus3dB, share * kMinus3dB);

    // Full scale on every channel stays at full scale.
    const std::size_t frames = 8;
    std::vector<float> ones(frames * 7, 1.0f), stereo(2 * frames);
    sd::downmixToStereo(m, ones.data(), frames, stereo.data());
    for (float s : stereo) EXPECT_NEAR(s, 1.0f, 1e-6f);
}

TEST(ChannelDownmix, NoChannelGetsLouderThanItWas) {
    using S = sd::Speaker;
    std::vector<sd::DownmixMatrix> matrices;
    for (int channels = 1; channels <= 12; ++channels)
        matrices.push_back(sd::downmixMatrix(channels));
    matrices.push_back(sd::downmixMatrix(
        {S::LeftOfCenter, S::RightOfCenter, S::RearCenter, S::TopCenter, S::TopFrontLeft,
         S::TopFrontRight, S::TopFrontCenter, S::TopRearLeft, S::TopRearRight, S::TopRearCenter}));
    for (const auto& m : matrices) {
        for (int c = 0; c < m.channels(); ++c) {
            const float l = m.left[static_cast<std::size_t>(c)];
            const float r = m.right[static_cast<std::size_t>(c)];
            EXPECT_GE(l, 0.0f);
            EXPECT_GE(r, 0.0f);
            EXPECT_LE(l * l + r * r, 1.0f + 1e-6f) << m.channels() << " channels, channel " << c;
        }
    }
}

TEST(ChannelDownmix, ChannelMapOverridesTheDefaultLayout) {
    using S = sd::Speaker;
    const auto mapped = sd::downmixMatrix({S::Left, S::Right, S::Center, S::Lfe});
    expectOnly(mapped, 2, kMinus3dB, kMinus3dB);  // the default quad layout would say Ls
    expectOnly(mapped, 3, 0.0f, 0.0f);
    const auto leftOfCentre = sd::downmixMatrix({S::Left, S::Right, S::LeftOfCenter});
    const auto out = downmixOneChannel(leftOfCentre, 2, 1.0f, 4);
    EXPECT_GT(out.left[0], out.right[0]);
    EXPECT_GT(out.right[0], 0.0f);
}

TEST(ChannelDownmix, UnknownPositionFallsBackToTheDefaultLayout) {
    using S = sd::Speaker;
    const auto fallback =
        sd::downmixMatrix({S::Left, S::Right, S::Unknown, S::Lfe, S::Unknown, S::Unknown});
    const auto standard = sd::downmixMatrix(6);
    EXPECT_EQ(fallback.left, standard.left);
    EXPECT_EQ(fallback.right, standard.right);
}

TEST(ChannelDownmix, MixesEveryFrameOfAnArbitrarySignal) {
    const auto m = sd::downmixMatrix(6);
    const std::size_t frames = 1000;
    const auto interleaved = stemdeck::test::noise(0.5, static_cast<std::int64_t>(frames * 6), 7);
    std::vector<float> stereo(2 * frames);
    sd::downmixToStereo(m, interleaved.data(), frames, stereo.data());
    for (std::size_t f = 0; f < frames; ++f) {
        const float* x = &interleaved[f * 6];
        ASSERT_NEAR(stereo[2 * f], x[0] + kMinus3dB * (x[2] + x[4]), 1e-5f) << f;
        ASSERT_NEAR(stereo[2 * f + 1], x[1] + kMinus3dB * (x[2] + x[5]), 1e-5f) << f;
    }
}

}  // namespace unity_ChannelDownmixTest
