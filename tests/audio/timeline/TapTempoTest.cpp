#include <gtest/gtest.h>

#include "stemdeck/audio/timeline/TapTempo.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TapTempoTest {

using stemdeck::audio::TapTempo;

TEST(TapTempo, NeedsTwoTaps) {
    TapTempo tap;
    EXPECT_FALSE(tap.bpm());
    tap.tap(10.0);
    EXPECT_FALSE(tap.bpm());
    tap.tap(10.5);
    ASSERT_TRUE(tap.bpm());
    EXPECT_DOUBLE_EQ(*tap.bpm(), 120.0);
    EXPECT_EQ(tap.taps(), 2);
}

TEST(TapTempo, MedianIgnoresOneEarlyOrLateTap) {
    TapTempo tap;
    double t = 0.0;
    for (double interval : {0.0, 0.6, 0.6, 0.6, 0.45, 0.75, 0.6, 0.6}) tap.tap(t += interval);
    ASSERT_TRUE(tap.bpm());
    EXPECT_DOUBLE_EQ(*tap.bpm(), 100.0);  // the mean would be the same here: check a skewed one
    TapTempo skewed;
    t = 0.0;
    for (double interval : {0.0, 0.5, 0.5, 0.5, 1.5}) skewed.tap(t += interval);
    EXPECT_DOUBLE_EQ(*skewed.bpm(), 120.0);  // median of 0.5 0.5 0.5 1.5; the mean says 80
}

TEST(TapTempo, EvenCountTakesTheMiddlePair) {
    TapTempo tap;
    double t = 0.0;
    for (double interval : {0.0, 0.4, 0.6}) tap.tap(t += interval);
    EXPECT_DOUBLE_EQ(*tap.bpm(), 120.0);  // (0.4 + 0.6) / 2
}

TEST(TapTempo, FollowsTheLatestTapsOnly) {
    TapTempo tap;
    double t = 0.0;
    for (int i = 0; i < 12; ++i) tap.tap(t += 0.5);  // 120
    for (int i = 0; i < 5; ++i) tap.tap(t += 0.75);  // 80: five of the last eight intervals
    EXPECT_DOUBLE_EQ(*tap.bpm(), 80.0);
}

TEST(TapTempo, APauseStartsANewCount) {
    TapTempo tap;
    tap.tap(1.0);
    tap.tap(1.5);
    tap.tap(2.0);
    tap.tap(2.0 + TapTempo::kResetSeconds + 0.1);
    EXPECT_EQ(tap.taps(), 1);
    EXPECT_FALSE(tap.bpm());
    tap.tap(5.0);
    EXPECT_NEAR(*tap.bpm(), 60.0 / (5.0 - 4.1), 1e-9);
    tap.tap(4.0);  // a clock that went backwards: a new count too
    EXPECT_EQ(tap.taps(), 1);
    tap.reset();
    EXPECT_EQ(tap.taps(), 0);
    EXPECT_FALSE(tap.bpm());
}

}  // namespace unity_TapTempoTest
