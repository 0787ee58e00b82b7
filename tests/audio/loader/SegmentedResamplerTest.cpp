#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "AudioFiles.h"
#include "stemdeck/audio/loader/Resampler.h"
#include "stemdeck/audio/loader/SegmentedResampler.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SegmentedResamplerTest {

namespace sd = stemdeck::audio;

namespace {

// Streams interleaved `in` through `r` in chunks of `chunk` frames, then flushes.
template <typename R>
std::vector<float> stream(R& r, const std::vector<float>& in, int channels, std::size_t chunk) {
    std::vector<float> out;
    const auto sink = [&](const float* frames, std::size_t count) {
        out.insert(out.end(), frames, frames + count * static_cast<std::size_t>(channels));
    };
    const auto ch = static_cast<std::size_t>(channels);
    const std::size_t frames = in.size() / ch;
    for (std::size_t pos = 0; pos < frames; pos += chunk)
        r.process(in.data() + pos * ch, std::min(chunk, frames - pos), false, sink);
    r.process(nullptr, 0, true, sink);
    return out;
}

// Noise with a loud tone on top, so both broadband and phase errors would show.
std::vector<float> signal(int channels, std::size_t frames, int rate) {
    auto x = stemdeck::test::noise(0.3, static_cast<std::int64_t>(frames) * channels, 11);
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] += 0.5f * static_cast<float>(std::sin(2e4 * static_cast<double>(i / channels) / rate));
    return x;
}

struct Case {
    int channels;
    int from;
    int to;
};

class SegmentedEqualsOnePass : public ::testing::TestWithParam<Case> {};

}  // namespace

TEST_P(SegmentedEqualsOnePass, WithinFloatRoundingAlsoAtTheSegmentBoundaries) {
    const auto [channels, from, to] = GetParam();
    const auto ch = static_cast<std::size_t>(channels);
    // Segments of ~0.5 s, a signal of 5.3 segments: the last one short.
    const std::size_t segmentFrames = static_cast<std::size_t>(from) / 2;
    const std::size_t frames = segmentFrames * 53 / 10;
    const auto in = signal(channels, frames, from);

    sd::Resampler onePass(channels, from, to);
    const auto expected = stream(onePass, in, channels, 4096);
    sd::SegmentedResampler segmented(channels, from, to, 3, segmentFrames);
    ASSERT_TRUE(segmented.segmented());
    const auto got = stream(segmented, in, channels, 3001);

    ASSERT_EQ(got.size(), expected.size());
    ASSERT_EQ(expected.size() / ch, sd::Resampler::outputFrames(frames, from, to));
    float maxDiff = 0.0f, maxAtBoundaries = 0.0f;
    const std::size_t outSegment =
        segmented.segmentFrames() * static_cast<std::size_t>(to) / static_cast<std::size_t>(from);
    for (std::size_t i = 0; i < got.size(); ++i) {
        const float d = std::abs(got[i] - expected[i]);
        maxDiff = std::max(maxDiff, d);
        const std::size_t frame = i / ch, offset = frame % outSegment;
        if (offset < 64 || offset >= outSegment - 64)
            maxAtBoundaries = std::max(maxAtBoundaries, d);
    }
    EXPECT_GE(got.size() / ch, 5 * outSegment) << "the signal spans several segments";
    EXPECT_LT(maxDiff, 1e-6f);
    EXPECT_LT(maxAtBoundaries, 1e-6f);
}

INSTANTIATE_TEST_SUITE_P(Rates, SegmentedEqualsOnePass,
                         ::testing::Values(Case{2, 44100, 48000}, Case{1, 44100, 48000},
                                           Case{2, 48000, 44100}, Case{1, 8000, 48000},
                                           Case{2, 192000, 44100}, Case{2, 96000, 48000}));

TEST(SegmentedResampler, TheSegmentsReallyDiffer) {
    // The equality above is not trivial: a segment started without its pre-roll differs.
    constexpr int kFrom = 44100, kTo = 48000;
    const auto in = signal(1, 2 * kFrom, kFrom);
    sd::Resampler whole(1, kFrom, kTo);
    const auto expected = stream(whole, in, 1, 4096);
    const std::vector<float> secondHalf(in.begin() + kFrom, in.end());
    sd::Resampler cold(1, kFrom, kTo);
    const auto got = stream(cold, secondHalf, 1, 4096);
    float maxDiff = 0.0f;
    for (std::size_t i = 0; i < 64; ++i)
        maxDiff = std::max(maxDiff, std::abs(got[i] - expected[kTo + i]));
    EXPECT_GT(maxDiff, 1e-3f);
}

TEST(SegmentedResampler, RatesSoxrCannotStepExactlyRunInOnePass) {
    EXPECT_TRUE(sd::SegmentedResampler::canSegment(44100, 48000));
    EXPECT_TRUE(sd::SegmentedResampler::canSegment(48000, 44100));
    EXPECT_TRUE(sd::SegmentedResampler::canSegment(11025, 48000));
    EXPECT_FALSE(sd::SegmentedResampler::canSegment(44100, 47999));
    EXPECT_FALSE(sd::SegmentedResampler::canSegment(48000, 44056));
    const auto in = signal(2, 100000, 44100);
    sd::SegmentedResampler oddRatio(2, 44100, 47999, 4, 20000);
    EXPECT_FALSE(oddRatio.segmented());
    sd::Resampler onePass(2, 44100, 47999);
    EXPECT_EQ(stream(oddRatio, in, 2, 4096), stream(onePass, in, 2, 4096));
}

TEST(SegmentedResampler, OneThreadIsOnePass) {
    const sd::SegmentedResampler single(2, 44100, 48000, 1);
    EXPECT_FALSE(single.segmented());
}

TEST(SegmentedResampler, ShortAndEmptyStreams) {
    for (const std::size_t frames : {0u, 1u, 100u, 30000u}) {
        const auto in = signal(2, frames, 44100);
        sd::SegmentedResampler segmented(2, 44100, 48000, 2, 22050);
        const auto got = stream(segmented, in, 2, 4096);
        EXPECT_EQ(got.size() / 2, sd::Resampler::outputFrames(frames, 44100, 48000)) << frames;
    }
}

TEST(SegmentedResampler, RejectsWhatResamplerRejects) {
    EXPECT_THROW(sd::SegmentedResampler(0, 44100, 48000, 2), std::invalid_argument);
    EXPECT_THROW(sd::SegmentedResampler(2, 1000, 512000, 2), std::invalid_argument);
}

}  // namespace unity_SegmentedResamplerTest
