#include <gtest/gtest.h>

#include "stemdeck/ui/MeterBallistics.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MeterBallisticsTest {

using stemdeck::ui::MeterBallistics;

TEST(MeterBallistics, JumpsUpAtOnceAndFallsAtItsRate) {
    MeterBallistics m;
    EXPECT_FLOAT_EQ(m.levelDb(), MeterBallistics::kFloorDb);
    m.update(0.5f, 0.033);
    EXPECT_NEAR(m.levelDb(), -6.02f, 0.01f);
    m.update(0.0f, 0.5);
    EXPECT_NEAR(m.levelDb(), -6.02f - 0.5f * MeterBallistics::kFallDbPerSecond, 0.01f);
    m.update(0.0f, 10.0);
    EXPECT_FLOAT_EQ(m.levelDb(), MeterBallistics::kFloorDb);
    // A new peak above the falling level takes over at once.
    m.update(1.0f, 0.033);
    EXPECT_FLOAT_EQ(m.levelDb(), 0.0f);
}

TEST(MeterBallistics, HoldsThePeakForAMomentThenLetsGo) {
    MeterBallistics m;
    m.update(0.5f, 0.033);
    const float peak = m.holdDb();
    EXPECT_NEAR(peak, -6.02f, 0.01f);
    m.update(0.1f, MeterBallistics::kHoldSeconds * 0.9);
    EXPECT_FLOAT_EQ(m.holdDb(), peak);
    EXPECT_LT(m.levelDb(), peak);
    m.update(0.1f, MeterBallistics::kHoldSeconds * 0.2);
    EXPECT_LT(m.holdDb(), peak);
    EXPECT_GE(m.holdDb(), m.levelDb());
}

TEST(MeterBallistics, ClipLightStaysOnForTheHoldTime) {
    MeterBallistics m;
    m.update(0.9f, 0.033);
    EXPECT_FALSE(m.clipped());
    m.update(1.2f, 0.033);
    EXPECT_TRUE(m.clipped());
    m.update(0.2f, MeterBallistics::kHoldSeconds * 0.5);
    EXPECT_TRUE(m.clipped());
    m.update(0.2f, MeterBallistics::kHoldSeconds * 0.6);
    EXPECT_FALSE(m.clipped());
    m.reset();
    EXPECT_FLOAT_EQ(m.holdDb(), MeterBallistics::kFloorDb);
}

// Silence after a peak: the level, the hold mark and the clip light all come to rest (the
// meter timer then stops).
TEST(MeterBallistics, SilenceBringsEverythingToRest) {
    MeterBallistics m;
    EXPECT_TRUE(m.atRest());
    m.update(1.1f, 0.033);
    EXPECT_FALSE(m.atRest());
    double seconds = 0.0;
    while (!m.atRest() && seconds < 10.0) {
        m.update(0.0f, 0.033);
        seconds += 0.033;
    }
    EXPECT_TRUE(m.atRest());
    EXPECT_LT(seconds, 4.0) << "from full scale: the hold time, then the fall";
    EXPECT_FLOAT_EQ(m.levelDb(), MeterBallistics::kFloorDb);
}

}  // namespace unity_MeterBallisticsTest
