#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "AudioFiles.h"
#include "stemdeck/app/WaveformPeaks.h"
#include "stemdeck/audio/loader/StemAudio.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_WaveformPeaksTest {

using stemdeck::app::MinMax;
using stemdeck::app::WaveformPeaks;
namespace test = stemdeck::test;

namespace {

constexpr int kRate = 48000;

// The exact extremes of frames [from, to) over all channels.
MinMax bruteForce(const std::vector<std::vector<float>>& channels, std::int64_t from,
                  std::int64_t to) {
    MinMax m{std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest()};
    for (const auto& c : channels)
        for (std::int64_t i = std::max<std::int64_t>(0, from);
             i < std::min<std::int64_t>(to, static_cast<std::int64_t>(c.size())); ++i)
            m = {std::min(m.min, c[i]), std::max(m.max, c[i])};
    return m;
}

}  // namespace

TEST(WaveformPeaks, PyramidHalvesEachLevelDownToOneBucket) {
    const std::vector<std::vector<float>> channels{test::noise(0.8, 100'000, 1)};
    const WaveformPeaks peaks(channels, kRate);
    EXPECT_EQ(peaks.frames(), 100'000);
    EXPECT_EQ(peaks.sampleRate(), kRate);
    ASSERT_GT(peaks.levelCount(), 1);
    EXPECT_EQ(peaks.level(0).size(), (100'000u + 63) / 64);
    for (int l = 1; l < peaks.levelCount(); ++l)
        EXPECT_EQ(peaks.level(l).size(), (peaks.level(l - 1).size() + 1) / 2);
    EXPECT_EQ(peaks.level(peaks.levelCount() - 1).size(), 1u);
    // Every bucket of every level holds the exact extremes of its frames.
    for (int l = 0; l < peaks.levelCount(); ++l) {
        const auto span = WaveformPeaks::framesPerBucket(l);
        for (std::size_t b = 0; b < peaks.level(l).size(); b += 7) {
            const MinMax want = bruteForce(channels, b * span, (b + 1) * span);
            EXPECT_EQ(peaks.level(l)[b].min, want.min) << l << ' ' << b;
            EXPECT_EQ(peaks.level(l)[b].max, want.max) << l << ' ' << b;
        }
    }
}

TEST(WaveformPeaks, AlignedZoomsAreExact) {
    const std::vector<std::vector<float>> channels{test::noise(1.0, 200'000, 7)};
    const WaveformPeaks peaks(channels, kRate);
    for (const double fpp : {64.0, 128.0, 512.0, 4096.0, 65536.0}) {
        const double start = fpp * 3;
        const auto px = peaks.pixels(start, fpp, 40);
        ASSERT_EQ(px.size(), 40u);
        for (int i = 0; i < 40; ++i) {
            const auto from = static_cast<std::int64_t>(start + i * fpp);
            const auto to = static_cast<std::int64_t>(start + (i + 1) * fpp);
            if (from >= peaks.frames()) {
                EXPECT_EQ(px[i].min, 0.0f);
                EXPECT_EQ(px[i].max, 0.0f);
                continue;
            }
            const MinMax want = bruteForce(channels, from, to);
            EXPECT_EQ(px[i].min, want.min) << "fpp " << fpp << " pixel " << i;
            EXPECT_EQ(px[i].max, want.max) << "fpp " << fpp << " pixel " << i;
        }
    }
}

TEST(WaveformPeaks, UnalignedZoomsCoverTheirFramesAndAtMostABucketMore) {
    const std::vector<std::vector<float>> channels{test::noise(1.0, 150'000, 3)};
    const WaveformPeaks peaks(channels, kRate);
    for (const double fpp : {100.0, 333.3, 1500.7, 10000.0}) {
        const int level = peaks.levelFor(fpp);
        const auto bucket = WaveformPeaks::framesPerBucket(level);
        EXPECT_LE(bucket, fpp);
        const double start = 1234.5;
        const auto px = peaks.pixels(start, fpp, 30);
        for (int i = 0; i < 30; ++i) {
            const double from = start + i * fpp;
            const double to = from + fpp;
            if (from >= static_cast<double>(peaks.frames())) {
                EXPECT_EQ(px[i].max, 0.0f);
                continue;
            }
            const MinMax own = bruteForce(channels, static_cast<std::int64_t>(std::ceil(from)),
                                          static_cast<std::int64_t>(to));
            const MinMax wide = bruteForce(channels, static_cast<std::int64_t>(from) - bucket,
                                           static_cast<std::int64_t>(std::ceil(to)) + bucket);
            EXPECT_LE(px[i].min, own.min) << fpp << ' ' << i;
            EXPECT_GE(px[i].max, own.max) << fpp << ' ' << i;
            EXPECT_GE(px[i].min, wide.min) << fpp << ' ' << i;
            EXPECT_LE(px[i].max, wide.max) << fpp << ' ' << i;
        }
    }
}

TEST(WaveformPeaks, KnownSignals) {
    // A 0.5 sine: the whole song in one pixel spans -0.5..0.5.
    const std::vector<std::vector<float>> sine{test::sine(100, 0.5, kRate, kRate)};
    const WaveformPeaks s(sine, kRate);
    const auto whole = s.pixels(0, kRate, 1);
    EXPECT_NEAR(whole[0].min, -0.5f, 1e-3);
    EXPECT_NEAR(whole[0].max, 0.5f, 1e-3);

    // Stereo: silence on the left, a positive step on the right, folded into one envelope.
    std::vector<float> left(1000, 0.0f), right(1000, 0.0f);
    std::fill(right.begin() + 500, right.end(), 0.75f);
    left[100] = -0.25f;
    const WaveformPeaks st({left, right}, kRate);
    const auto halves = st.pixels(0, 512, 2);
    EXPECT_EQ(halves[0].min, -0.25f);
    EXPECT_EQ(halves[0].max, 0.75f);  // frames 500..511 of the right channel
    EXPECT_EQ(halves[1].min, 0.0f);
    EXPECT_EQ(halves[1].max, 0.75f);

    // Beyond the end and before the start: nothing.
    const auto outside = st.pixels(-5000, 1000, 3);
    EXPECT_EQ(outside[0].min, 0.0f);
    EXPECT_EQ(outside[0].max, 0.0f);
    const auto after = st.pixels(2000, 64, 2);
    EXPECT_EQ(after[1].max, 0.0f);
}

TEST(WaveformPeaks, EmptyStemHasNoLevels) {
    const WaveformPeaks empty({}, kRate);
    EXPECT_EQ(empty.levelCount(), 0);
    const auto px = empty.pixels(0, 100, 5);
    ASSERT_EQ(px.size(), 5u);
    EXPECT_EQ(px[4].max, 0.0f);
}

// Progressive loading: a growing pyramid holds waveforms only where frames were filled in (the
// front, an island a seek opened); the gap holds none, and once everything is filled it
// equals the pyramid of the whole stem.
TEST(WaveformPeaks, AGrowingPyramidHoldsTheFilledPartsAndNothingInTheGap) {
    const std::int64_t frames = 40000;
    std::vector<float> left(static_cast<std::size_t>(frames));
    std::vector<float> right(left.size());
    for (std::size_t i = 0; i < left.size(); ++i) {
        left[i] = 0.5f * std::sin(static_cast<float>(i) * 0.01f);
        right[i] = 0.25f * std::cos(static_cast<float>(i) * 0.003f);
    }
    const stemdeck::audio::StemAudio whole = stemdeck::audio::StemAudio::fromPlanar({left, right});

    WaveformPeaks growing(frames, kRate);
    EXPECT_EQ(growing.frames(), frames);
    ASSERT_GT(growing.levelCount(), 1);
    EXPECT_TRUE(growing.level(growing.levelCount() - 1).front().isNone()) << "nothing yet";
    growing.fill(whole, 0, 5000);       // the front
    growing.fill(whole, 30000, 33000);  // an island
    const auto bucket = [](std::int64_t frame) {
        return static_cast<std::size_t>(frame / WaveformPeaks::kBaseBucket);
    };
    const std::vector<std::vector<float>> channels{left, right};
    for (const std::int64_t f : {0, 3000, 30100, 32000}) {
        const MinMax m = growing.level(0)[bucket(f)];
        ASSERT_FALSE(m.isNone()) << f;
        const std::int64_t b = f / WaveformPeaks::kBaseBucket * WaveformPeaks::kBaseBucket;
        const MinMax exact = bruteForce(channels, b, b + WaveformPeaks::kBaseBucket);
        EXPECT_EQ(m.min, exact.min) << f;
        EXPECT_EQ(m.max, exact.max) << f;
    }
    for (const std::int64_t f : {6000, 20000, 29000, 34000, 39999})
        EXPECT_TRUE(growing.level(0)[bucket(f)].isNone()) << f << ": in a gap";
    // Drawn: a pixel over the gap has no waveform, one over the island has it.
    const auto px = growing.pixels(0, 1000, 40);
    EXPECT_FALSE(px[2].isNone());
    EXPECT_TRUE(px[15].isNone());
    EXPECT_FALSE(px[31].isNone());
    EXPECT_TRUE(px[36].isNone());
    // The levels above merge only what is filled.
    const MinMax top = growing.level(growing.levelCount() - 1).front();
    const MinMax filled = [&] {
        MinMax a = bruteForce(channels, 0, 5056);  // whole buckets: up to 79 * 64
        const MinMax b = bruteForce(channels, 29952, 33024);
        return MinMax{std::min(a.min, b.min), std::max(a.max, b.max)};
    }();
    EXPECT_EQ(top.min, filled.min);
    EXPECT_EQ(top.max, filled.max);

    growing.fill(whole, 5000, 30000);
    growing.fill(whole, 33000, frames);
    const WaveformPeaks reference = WaveformPeaks::of(whole, kRate);
    ASSERT_EQ(growing.levelCount(), reference.levelCount());
    for (int l = 0; l < reference.levelCount(); ++l) {
        ASSERT_EQ(growing.level(l).size(), reference.level(l).size());
        for (std::size_t i = 0; i < reference.level(l).size(); ++i) {
            EXPECT_EQ(growing.level(l)[i].min, reference.level(l)[i].min) << l << " " << i;
            EXPECT_EQ(growing.level(l)[i].max, reference.level(l)[i].max) << l << " " << i;
        }
    }
}

// The waveform set is handed to the views on every update while decoding: a copy shares the
// buckets, and filling it duplicates only the chunks it writes. The original (what a view
// still draws) keeps its buckets, and the chunks not written stay shared.
TEST(WaveformPeaks, AFilledCopyLeavesTheOriginalAndSharesTheChunksItDidNotWrite) {
    const std::int64_t frames = 3 * stemdeck::app::PeakLevel::kChunk * WaveformPeaks::kBaseBucket;
    const stemdeck::audio::StemAudio whole =
        stemdeck::audio::StemAudio::fromPlanar({test::noise(0.5, frames, 3)});
    const WaveformPeaks original(frames, kRate);
    WaveformPeaks copy = original;
    copy.fill(whole, 0, 1000);

    const std::size_t last = original.level(0).size() - 1;
    EXPECT_TRUE(original.level(0)[0].isNone()) << "the original is not written";
    EXPECT_TRUE(original.level(original.levelCount() - 1).front().isNone());
    EXPECT_FALSE(copy.level(0)[0].isNone());
    EXPECT_FALSE(copy.level(copy.levelCount() - 1).front().isNone());
    EXPECT_NE(&copy.level(0)[0], &original.level(0)[0]) << "the written chunk is the copy's own";
    EXPECT_EQ(&copy.level(0)[last], &original.level(0)[last]) << "the others stay shared";

    // Once its own, a chunk is written in place: a further fill copies nothing.
    const MinMax* own = &copy.level(0)[0];
    copy.fill(whole, 1000, 2000);
    EXPECT_EQ(&copy.level(0)[0], own);
    EXPECT_FALSE(copy.level(0)[1000 / WaveformPeaks::kBaseBucket].isNone());
    EXPECT_TRUE(original.level(0)[1000 / WaveformPeaks::kBaseBucket].isNone());
}

}  // namespace unity_WaveformPeaksTest
