#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "AudioFiles.h"
#include "stemdeck/audio/loader/Resampler.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ResamplerTest {

namespace sd = stemdeck::audio;

namespace {

// The strongest partial, searched coarsely where the test tones are (the full-range default
// search takes seconds per call).
double toneOf(const std::vector<float>& signal, int rate) {
    return stemdeck::test::dominantFrequency(signal, rate, 200.0, 2000.0, 10.0);
}

struct Streamed {
    std::vector<float> out;
    std::size_t framesBeforeFlush = 0;
};

// Streams interleaved `in` through a resampler in chunks of `chunk` frames, then flushes.
Streamed resample(const std::vector<float>& in, int channels, int from, int to, std::size_t chunk) {
    sd::Resampler resampler(channels, from, to);
    Streamed result;
    const auto sink = [&](const float* frames, std::size_t count) {
        result.out.insert(result.out.end(), frames, frames + count * channels);
    };
    const std::size_t frames = in.size() / static_cast<std::size_t>(channels);
    for (std::size_t pos = 0; pos < frames; pos += chunk)
        resampler.process(in.data() + pos * channels, std::min(chunk, frames - pos), false, sink);
    result.framesBeforeFlush = result.out.size() / static_cast<std::size_t>(channels);
    resampler.process(nullptr, 0, true, sink);
    return result;
}

}  // namespace

TEST(Resampler, OutputFramesIsTheRoundedRatio) {
    EXPECT_EQ(sd::Resampler::outputFrames(44100, 44100, 48000), 48000u);
    EXPECT_EQ(sd::Resampler::outputFrames(3, 48000, 44100), 3u);        // 2.76
    EXPECT_EQ(sd::Resampler::outputFrames(1000, 48000, 44100), 919u);   // 918.75
    EXPECT_EQ(sd::Resampler::outputFrames(1000, 44100, 48000), 1088u);  // 1088.4
    EXPECT_EQ(sd::Resampler::outputFrames(0, 44100, 48000), 0u);
}

TEST(Resampler, KeepsToneFrequencyAndLevel) {
    const auto in = stemdeck::test::sine(1000.0, 0.5, 44100, 44100);
    const auto out = resample(in, 1, 44100, 48000, 1000).out;
    EXPECT_NEAR(static_cast<double>(out.size()), 48000.0, 2.0);
    EXPECT_NEAR(toneOf(out, 48000), 1000.0, 1.0);
    EXPECT_NEAR(stemdeck::test::rms(out, 4800, 43200), 0.5 / std::sqrt(2.0), 0.005);
}

TEST(Resampler, KeepsInterleavedChannelsApart) {
    const auto left = stemdeck::test::sine(1000.0, 0.5, 44100, 22050);
    const auto right = stemdeck::test::sine(1500.0, 0.25, 44100, 22050);
    std::vector<float> in;
    for (std::size_t i = 0; i < left.size(); ++i) in.insert(in.end(), {left[i], right[i]});
    const auto out = resample(in, 2, 44100, 48000, 4096).out;
    const auto outLeft = stemdeck::test::channelOf(out, 2, 0);
    const auto outRight = stemdeck::test::channelOf(out, 2, 1);
    EXPECT_NEAR(static_cast<double>(outLeft.size()), 24000.0, 2.0);
    EXPECT_NEAR(toneOf(outLeft, 48000), 1000.0, 1.0);
    EXPECT_NEAR(toneOf(outRight, 48000), 1500.0, 1.0);
    EXPECT_NEAR(stemdeck::test::rms(outRight, 2400, 21600), 0.25 / std::sqrt(2.0), 0.005);
}

TEST(Resampler, DownsamplingKeepsTheTone) {
    const auto in = stemdeck::test::sine(440.0, 0.5, 48000, 24000);
    const auto out = resample(in, 1, 48000, 44100, 4096).out;
    EXPECT_NEAR(static_cast<double>(out.size()), 22050.0, 2.0);
    EXPECT_NEAR(toneOf(out, 44100), 440.0, 1.0);
}

TEST(Resampler, FlushedOutputIsTheRoundedLength) {
    for (const auto& [from, to] : {std::pair{44100, 48000},
                                   {48000, 44100},
                                   {8000, 48000},
                                   {192000, 44100},
                                   {44100, 47999}}) {
        for (const std::size_t frames : {1u, 147u, 1000u, 12345u, 44100u}) {
            const auto in = stemdeck::test::noise(0.5, static_cast<std::int64_t>(frames), 7);
            const auto out = resample(in, 1, from, to, 4096).out;
            EXPECT_EQ(out.size(), sd::Resampler::outputFrames(frames, from, to))
                << from << " -> " << to << ", " << frames << " frames";
        }
    }
}

TEST(Resampler, ChunkSizeDoesNotChangeTheResult) {
    const auto in = stemdeck::test::noise(0.5, 20000, 3);
    const auto whole = resample(in, 1, 48000, 44100, in.size()).out;
    const auto chunked = resample(in, 1, 48000, 44100, 333).out;
    ASSERT_EQ(whole.size(), chunked.size());
    for (std::size_t i = 0; i < whole.size(); ++i) ASSERT_NEAR(whole[i], chunked[i], 1e-6f) << i;
}

TEST(Resampler, FlushDeliversTheFilterTail) {
    const auto in = stemdeck::test::noise(0.5, 20000, 4);
    const auto streamed = resample(in, 1, 44100, 48000, 1024);
    const double expected = 20000.0 * 48000 / 44100;
    // The sinc filter holds back input until it sees what follows; the flush releases it.
    EXPECT_LT(static_cast<double>(streamed.framesBeforeFlush), expected - 10.0);
    EXPECT_NEAR(static_cast<double>(streamed.out.size()), expected, 2.0);
}

TEST(Resampler, DownsamplingRemovesContentAboveTheNewNyquist) {
    // 15 kHz cannot exist at 22.05 kHz: it must be filtered out, not folded down to 7.05 kHz.
    const auto in = stemdeck::test::sine(15000.0, 0.5, 48000, 48000);
    const auto out = resample(in, 1, 48000, 22050, 4096).out;
    EXPECT_LT(stemdeck::test::rms(out, 2000, out.size() - 2000), 0.005);
}

TEST(Resampler, RejectsImpossibleRatesAndChannelCounts) {
    EXPECT_THROW(sd::Resampler(1, 0, 48000), std::invalid_argument);
    EXPECT_THROW(sd::Resampler(1, 48000, -1), std::invalid_argument);
    EXPECT_THROW(sd::Resampler(1, 1000, 512000), std::invalid_argument);
    EXPECT_THROW(sd::Resampler(0, 44100, 48000), std::invalid_argument);
}

}  // namespace unity_ResamplerTest
