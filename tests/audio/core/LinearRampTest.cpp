#include <gtest/gtest.h>

#include <vector>

#include "stemdeck/audio/core/LinearRamp.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LinearRampTest {

using stemdeck::audio::LinearRamp;

TEST(LinearRamp, ReachesTargetExactlyAfterItsLength) {
    LinearRamp r;
    r.setLength(100);
    r.reset(1.0f);
    r.setTarget(0.0f);
    std::vector<float> v(150);
    r.fill(v.data(), 150);
    EXPECT_NEAR(v[0], 0.99f, 1e-6);
    EXPECT_NEAR(v[49], 0.5f, 1e-5);
    EXPECT_EQ(v[99], 0.0f);  // exactly zero: a mute really mutes
    EXPECT_EQ(v[149], 0.0f);
    for (int i = 1; i < 100; ++i) EXPECT_LT(v[i], v[i - 1]);
    EXPECT_FALSE(r.ramping());
}

TEST(LinearRamp, FillInPiecesEqualsOneFill) {
    LinearRamp a, b;
    for (auto* r : {&a, &b}) {
        r->setLength(64);
        r->reset(0.2f);
        r->setTarget(0.9f);
    }
    std::vector<float> whole(100), parts(100);
    a.fill(whole.data(), 100);
    b.fill(parts.data(), 7);
    b.fill(parts.data() + 7, 50);
    b.fill(parts.data() + 57, 43);
    EXPECT_EQ(whole, parts);
}

TEST(LinearRamp, RetargetMidRampStartsFromCurrentValue) {
    LinearRamp r;
    r.setLength(10);
    r.reset(0.0f);
    r.setTarget(1.0f);
    r.skip(5);
    EXPECT_NEAR(r.current(), 0.5f, 1e-6);
    r.setTarget(0.0f);
    EXPECT_EQ(r.remaining(), 10);
    std::vector<float> v(10);
    r.fill(v.data(), 10);
    EXPECT_NEAR(v[0], 0.45f, 1e-6);
    EXPECT_EQ(v[9], 0.0f);
}

}  // namespace unity_LinearRampTest
