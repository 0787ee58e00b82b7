#include <gtest/gtest.h>

#include "stemdeck/audio/mix/LevelMeters.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LevelMetersTest {

using stemdeck::audio::LevelMeters;

TEST(LevelMeters, EachReadTakesTheMaximaSinceThePreviousOne) {
    LevelMeters meters;
    meters.prepare(2);
    meters.beginBlock();
    meters.noteStem(0, 0.5f);
    meters.noteStem(1, 0.25f);
    meters.noteMaster(0.5f, 0.4f);
    meters.beginBlock();
    meters.noteStem(0, 0.1f);
    auto reading = meters.read();
    ASSERT_EQ(reading.stems.size(), 2u);
    EXPECT_EQ(reading.stems[0], 0.5f);
    EXPECT_EQ(reading.stems[1], 0.25f);
    EXPECT_EQ(reading.masterLeft, 0.5f);
    EXPECT_EQ(reading.masterRight, 0.4f);
    meters.beginBlock();
    meters.noteStem(1, 0.2f);
    reading = meters.read();
    EXPECT_EQ(reading.stems[0], 0.0f);
    EXPECT_EQ(reading.stems[1], 0.2f);
    EXPECT_EQ(reading.masterLeft, 0.0f);
}

// The stream stops once playback has faded out: no block runs, and the last maxima must not
// stay on the meters (they froze lit after a pause).
TEST(LevelMeters, WithNoBlockSinceThePreviousReadTheReadingIsSilence) {
    LevelMeters meters;
    meters.prepare(1);
    meters.beginBlock();
    meters.noteStem(0, 0.7f);
    meters.noteMaster(0.7f, 0.7f);
    EXPECT_EQ(meters.read().stems[0], 0.7f);
    for (int i = 0; i < 3; ++i) {
        const auto reading = meters.read();
        EXPECT_EQ(reading.stems.at(0), 0.0f) << "read " << i;
        EXPECT_EQ(reading.masterLeft, 0.0f);
        EXPECT_EQ(reading.masterRight, 0.0f);
    }
    meters.beginBlock();  // the stream runs again
    meters.noteStem(0, 0.3f);
    EXPECT_EQ(meters.read().stems[0], 0.3f);
}

TEST(LevelMeters, StemsAreMeteredAtTheLevelTheyAreHeard) {
    LevelMeters meters;
    meters.prepare(1);
    meters.beginBlock();
    meters.setStemAudibility(0.0f);  // a count-in: the stem is mixed ahead, not heard
    meters.noteStem(0, 0.8f);
    EXPECT_EQ(meters.read().stems[0], 0.0f);
    meters.beginBlock();
    meters.setStemAudibility(0.5f);  // half-way through a fade
    meters.noteStem(0, 0.8f);
    EXPECT_FLOAT_EQ(meters.read().stems[0], 0.4f);
}

}  // namespace unity_LevelMetersTest
