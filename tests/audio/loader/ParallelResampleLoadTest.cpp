// Loading resamples long stems in time segments on spare workers (DecodePool with
// SegmentedResampler): the song must be the same as loaded on one worker.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/audio/loader/DecodePool.h"
#include "stemdeck/audio/loader/SegmentedResampler.h"
#include "stemdeck/audio/loader/StemLoader.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ParallelResampleLoadTest {

namespace sd = stemdeck::audio;
using stemdeck::test::TempDir;
using stemdeck::test::writeAudioFile;

TEST(ParallelResampleLoad, WorkersAreSharedOutAmongTheStems) {
    EXPECT_EQ(sd::loader::resampleThreadsPerStem(2, 8), 1u);
    EXPECT_EQ(sd::loader::resampleThreadsPerStem(2, 2), 1u);
    EXPECT_EQ(sd::loader::resampleThreadsPerStem(2, 1), 2u);
    EXPECT_EQ(sd::loader::resampleThreadsPerStem(8, 3), 2u);
    EXPECT_EQ(sd::loader::resampleThreadsPerStem(8, 0), 1u);
}

TEST(ParallelResampleLoad, ALongStemLoadsTheSameOnOneWorkerAndOnSeveral) {
    // Stereo and mono stems longer than two segments, so the segmented path really runs.
    constexpr int kRate = 44100;
    const auto frames =
        static_cast<std::int64_t>(sd::SegmentedResampler::kDefaultSegmentFrames * 5 / 2);
    TempDir dir;
    const auto left = stemdeck::test::sine(440.0, 0.5, kRate, frames);
    const auto right = stemdeck::test::noise(0.3, frames, 5);
    ASSERT_TRUE(writeAudioFile(dir / "stereo.wav", {left, right}, kRate));
    sd::LoadOptions options;
    options.targetRate = 48000;

    // Each stem alone: 1 stem on 4 workers resamples on 4 segment threads.
    for (const char* name : {"stereo.wav", "mono.wav"}) {
        if (std::string(name) == "mono.wav") {
            std::filesystem::remove(dir / "stereo.wav");
            ASSERT_TRUE(writeAudioFile(dir / "mono.wav", {right}, kRate));
        }
        options.workers = 1;
        const auto onePass = sd::StemLoader::load(dir.path(), options);
        options.workers = 4;
        const auto parallel = sd::StemLoader::load(dir.path(), options);
        ASSERT_EQ(onePass.stems.size(), 1u);
        ASSERT_EQ(parallel.stems.size(), 1u);
        const auto& a = onePass.stems[0];
        const auto& b = parallel.stems[0];
        EXPECT_EQ(a.frames(), static_cast<std::int64_t>(sd::Resampler::outputFrames(
                                  static_cast<std::size_t>(frames), kRate, 48000)));
        ASSERT_EQ(a.frames(), b.frames()) << name;
        ASSERT_EQ(a.audio.channels(), b.audio.channels()) << name;
        float maxDiff = 0.0f;
        for (int c = 0; c < a.audio.channels(); ++c) {
            const std::vector<float> one = a.audio.samples(c);
            const std::vector<float> other = b.audio.samples(c);
            for (std::size_t i = 0; i < one.size(); ++i)
                maxDiff = std::max(maxDiff, std::abs(one[i] - other[i]));
        }
        EXPECT_LT(maxDiff, 1e-6f) << name;
    }
}

}  // namespace unity_ParallelResampleLoadTest
