#include <gtest/gtest.h>

#include "stemdeck/ui/TimeFormat.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TimeFormatTest {

using stemdeck::ui::formatRulerTime;
using stemdeck::ui::formatTime;

TEST(TimeFormat, MinutesSecondsTenths) {
    EXPECT_EQ(formatTime(0.0), QStringLiteral("00:00.0"));
    EXPECT_EQ(formatTime(83.46), QStringLiteral("01:23.4"));
    EXPECT_EQ(formatTime(59.99), QStringLiteral("00:59.9")) << "never ahead of the audio";
    EXPECT_EQ(formatTime(0.3), QStringLiteral("00:00.3"));
    EXPECT_EQ(formatTime(3605.0), QStringLiteral("60:05.0"));
    EXPECT_EQ(formatTime(-2.0), QStringLiteral("00:00.0"));
}

TEST(TimeFormat, RulerLabels) {
    EXPECT_EQ(formatRulerTime(75.0, false), QStringLiteral("1:15"));
    EXPECT_EQ(formatRulerTime(0.0, false), QStringLiteral("0:00"));
    EXPECT_EQ(formatRulerTime(2.5, true), QStringLiteral("0:02.5"));
}

}  // namespace unity_TimeFormatTest
