#include <gtest/gtest.h>

#include <string>

#include "stemdeck/words/LrcFile.h"
#include "stemdeck/words/LyricsStamper.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LyricsStamperTest {

using stemdeck::words::LrcFile;
using stemdeck::words::lrcStamp;
using stemdeck::words::LyricsStamper;

TEST(LyricsStamper, TapsStampTheSungLinesInOrder) {
    LyricsStamper stamper = LyricsStamper::fromText("one\r\ntwo\r\n\r\nthree\r\n\r\n");
    ASSERT_EQ(stamper.size(), 4u);  // the break kept, the blank end dropped
    EXPECT_EQ(stamper.next(), 0u);
    EXPECT_TRUE(stamper.tap(1.0));
    EXPECT_TRUE(stamper.tap(2.5));
    EXPECT_EQ(stamper.next(), 3u);  // the break is skipped
    EXPECT_TRUE(stamper.tap(4.0));
    EXPECT_FALSE(stamper.next());
    EXPECT_FALSE(stamper.tap(5.0));
    EXPECT_EQ(stamper.time(3), 4.0);
    EXPECT_FALSE(stamper.time(2));
    EXPECT_EQ(stamper.unstamped(), 0u);
}

TEST(LyricsStamper, NudgePlayFromAndClear) {
    LyricsStamper stamper = LyricsStamper::fromText("a\nb\nc\n");
    stamper.tap(1.0);
    stamper.tap(2.0);
    stamper.nudge(1, 3);
    EXPECT_DOUBLE_EQ(*stamper.time(1), 2.03);
    stamper.nudge(0, -200);
    EXPECT_DOUBLE_EQ(*stamper.time(0), 0.0);  // never before the start
    EXPECT_DOUBLE_EQ(stamper.playFrom(1), 2.03);
    EXPECT_DOUBLE_EQ(stamper.playFrom(2), 2.03);  // unstamped: from the last stamp before it
    stamper.clear(1);
    EXPECT_DOUBLE_EQ(stamper.playFrom(1), 0.0);
    EXPECT_EQ(stamper.next(), 1u);
    EXPECT_EQ(stamper.unstamped(), 2u);
}

TEST(LyricsStamper, SavesLrcThatReadsBackTheSame) {
    LyricsStamper stamper = LyricsStamper::fromText("first line\n\nsecond line\nthird\n");
    stamper.tap(12.344);
    stamper.stamp(1, 20.0);  // a stamped break
    stamper.tap(61.5);
    const std::string text = stamper.toLrc();
    EXPECT_EQ(text, "[00:12.34]first line\n[00:20.00]\n[01:01.50]second line\nthird\n");
    const LrcFile lrc = LrcFile::parse(text);
    ASSERT_EQ(lrc.lines().size(), 3u);
    EXPECT_DOUBLE_EQ(lrc.lines()[2].time, 61.5);
    ASSERT_EQ(lrc.problems().size(), 1u);  // the unstamped line is named, not lost
    EXPECT_NE(lrc.problems()[0].find("\"third\""), std::string::npos);
}

TEST(LyricsStamper, CorrectsASyncedFileKeepingItsTags) {
    const LrcFile lrc = LrcFile::parse("[ti:Song]\n[offset:+500]\n[00:10.00]b\n[00:05.00]a\n");
    LyricsStamper stamper = LyricsStamper::fromLrc(lrc);
    ASSERT_EQ(stamper.size(), 2u);
    EXPECT_EQ(stamper.text(0), "a");
    stamper.nudge(0, -1);
    // The offset is applied to the times and not written again.
    EXPECT_EQ(stamper.toLrc(), "[ti:Song]\n[00:04.49]a\n[00:09.50]b\n");
}

TEST(LyricsStamper, StampsFormatLikeLrc) {
    EXPECT_EQ(lrcStamp(0.0), "[00:00.00]");
    EXPECT_EQ(lrcStamp(59.999), "[01:00.00]");
    EXPECT_EQ(lrcStamp(-3.0), "[00:00.00]");
    EXPECT_EQ(lrcStamp(6000.0), "[100:00.00]");
    std::size_t length = 0;
    EXPECT_DOUBLE_EQ(stemdeck::words::parseStamp("100:00.00]", ']', length), 6000.0);
}

}  // namespace unity_LyricsStamperTest
