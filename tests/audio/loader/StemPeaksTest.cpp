#include <gtest/gtest.h>

#include "MemorySong.h"
#include "stemdeck/audio/loader/StemPeaks.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StemPeaksTest {

using namespace stemdeck;

TEST(StemPeaks, OneEntryPerBucketHoldingTheLargestSampleOfEitherChannel) {
    std::vector<float> left(200, 0.1f), right(200, -0.2f);
    left[5] = -0.9f;    // bucket 0
    right[130] = 0.7f;  // bucket 2
    left[199] = 0.4f;   // the short last bucket (192..199)
    auto song = test::MemorySong(48000).stereo("s", left, right).build();
    audio::Stem& stem = song.stems[0];
    audio::computePeaks(stem);
    ASSERT_EQ(stem.peaks.size(), 4u);
    EXPECT_FLOAT_EQ(stem.peaks[0], 0.9f);
    EXPECT_FLOAT_EQ(stem.peaks[1], 0.2f);
    EXPECT_FLOAT_EQ(stem.peaks[2], 0.7f);
    EXPECT_FLOAT_EQ(stem.peaks[3], 0.4f);
}

TEST(StemPeaks, EmptyStemHasNoTable) {
    auto song = test::MemorySong(48000).mono("m", {}).build();
    audio::computePeaks(song.stems[0]);
    EXPECT_TRUE(song.stems[0].peaks.empty());
}

}  // namespace unity_StemPeaksTest
