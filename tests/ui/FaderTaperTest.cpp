#include <gtest/gtest.h>

#include <cmath>

#include "stemdeck/ui/FaderTaper.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_FaderTaperTest {

using stemdeck::ui::FaderTaper;

TEST(FaderTaper, EndsAndUnity) {
    EXPECT_TRUE(std::isinf(FaderTaper::dbAt(0.0)) && FaderTaper::dbAt(0.0) < 0);
    EXPECT_FLOAT_EQ(FaderTaper::dbAt(FaderTaper::kUnityPosition), 0.0f);
    EXPECT_FLOAT_EQ(FaderTaper::dbAt(1.0), 6.0f);
    EXPECT_FLOAT_EQ(FaderTaper::dbAt(2.0), 6.0f);
    EXPECT_EQ(FaderTaper::sliderValue(0.0f), 800);
    EXPECT_FLOAT_EQ(FaderTaper::dbAtSlider(800), 0.0f);
    EXPECT_EQ(FaderTaper::sliderValue(-std::numeric_limits<float>::infinity()), 0);
    EXPECT_EQ(FaderTaper::sliderValue(-120.0f), 0);
    EXPECT_EQ(FaderTaper::sliderValue(12.0f), FaderTaper::kSteps);
}

TEST(FaderTaper, RisesSteadilyAndRoundTrips) {
    float previous = FaderTaper::dbAtSlider(0);
    for (int v = 1; v <= FaderTaper::kSteps; ++v) {
        const float db = FaderTaper::dbAtSlider(v);
        EXPECT_GT(db, previous) << v;
        EXPECT_EQ(FaderTaper::sliderValue(db), v) << v;
        previous = db;
    }
    // Most of the travel is the useful range: the top half spans only -15..+6 dB.
    EXPECT_GT(FaderTaper::dbAt(0.5), -16.0f);
    EXPECT_LT(FaderTaper::dbAt(0.1), -45.0f);
}

TEST(FaderTaper, Text) {
    EXPECT_EQ(FaderTaper::text(0.0f), QStringLiteral("0.0"));
    EXPECT_EQ(FaderTaper::text(-0.04f), QStringLiteral("0.0"));
    EXPECT_EQ(FaderTaper::text(-3.46f), QStringLiteral("-3.5"));
    EXPECT_EQ(FaderTaper::text(6.0f), QStringLiteral("+6.0"));
    EXPECT_EQ(FaderTaper::text(-std::numeric_limits<float>::infinity()), QStringLiteral("-∞"));
    EXPECT_EQ(FaderTaper::text(-95.0f), QStringLiteral("-∞"));
}

}  // namespace unity_FaderTaperTest
