#include <gtest/gtest.h>

#include "stemdeck/audio/core/ByteSize.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ByteSizeTest {

using stemdeck::audio::byteSizeText;

// One wording for memory (the loader) and disk (the renderer): decimal units, one decimal.
TEST(ByteSize, SaysBytesUpToAThousandThenDecimalUnits) {
    EXPECT_EQ(byteSizeText(0), "0 bytes");
    EXPECT_EQ(byteSizeText(999), "999 bytes");
    EXPECT_EQ(byteSizeText(1000), "1.0 kB");
    EXPECT_EQ(byteSizeText(192000), "192.0 kB");
    EXPECT_EQ(byteSizeText(999'949'999), "999.9 MB");
    EXPECT_EQ(byteSizeText(34'600'000'000ULL), "34.6 GB");
    EXPECT_EQ(byteSizeText(4'294'967'296ULL), "4.3 GB");
    // Beyond terabytes the unit stays TB rather than running off the end of the list.
    EXPECT_EQ(byteSizeText(5'000'000'000'000'000ULL), "5000.0 TB");
    EXPECT_FALSE(byteSizeText(UINT64_MAX).empty());
}

}  // namespace unity_ByteSizeTest
