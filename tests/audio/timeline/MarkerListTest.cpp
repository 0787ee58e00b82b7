#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "stemdeck/audio/timeline/BeatGrid.h"
#include "stemdeck/audio/timeline/MarkerList.h"
#include "stemdeck/audio/timeline/QuantizedJump.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MarkerListTest {

using namespace stemdeck::audio;

namespace {
std::vector<std::string> names(const MarkerList& list) {
    std::vector<std::string> out;
    for (const Marker& m : list.markers()) out.push_back(m.name);
    return out;
}
}  // namespace

TEST(MarkerList, KeepsMarkersSortedByFrame) {
    MarkerList list;
    EXPECT_EQ(list.add("chorus", 3000), 0u);
    EXPECT_EQ(list.add("intro", 0), 0u);
    EXPECT_EQ(list.add("verse", 1000), 1u);
    EXPECT_EQ(list.add("bridge", 5000), 3u);
    EXPECT_EQ(list.add("count-in", -20), 1u);  // clamped to 0, after the intro already there
    EXPECT_EQ(list[1].frame, 0);
    EXPECT_EQ(names(list),
              (std::vector<std::string>{"intro", "count-in", "verse", "chorus", "bridge"}));
}

TEST(MarkerList, SameFrameKeepsTheOrderOfArrival) {
    MarkerList list;
    list.add("a", 100);
    list.add("b", 100);
    EXPECT_EQ(list.add("c", 100), 2u);
    EXPECT_EQ(names(list), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(MarkerList, RemovesRenamesAndMoves) {
    MarkerList list;
    list.add("intro", 0);
    list.add("verse", 1000);
    list.add("chorus", 3000);
    EXPECT_TRUE(list.rename(1, "verse 1"));
    EXPECT_EQ(list[1].name, "verse 1");
    EXPECT_EQ(list.move(0, 4000), 2u);  // the intro dragged past the chorus
    EXPECT_EQ(names(list), (std::vector<std::string>{"verse 1", "chorus", "intro"}));
    EXPECT_EQ(list[2].frame, 4000);
    EXPECT_TRUE(list.remove(1));
    EXPECT_EQ(names(list), (std::vector<std::string>{"verse 1", "intro"}));
    EXPECT_FALSE(list.remove(2));
    EXPECT_FALSE(list.rename(5, "x"));
    EXPECT_FALSE(list.move(2, 0));
    EXPECT_EQ(list.find("intro"), 1u);
    EXPECT_FALSE(list.find("outro"));
    list.clear();
    EXPECT_TRUE(list.empty());
}

TEST(MarkerList, PreviousAndNextAreStrictlyBeforeAndAfter) {
    MarkerList list;
    list.add("a", 1000);
    list.add("b", 2000);
    list.add("c", 3000);
    EXPECT_FALSE(list.previous(1000));
    EXPECT_EQ(list.previous(1001), 0u);
    EXPECT_EQ(list.previous(2000), 0u);  // on a marker: the one before it
    EXPECT_EQ(list.previous(99999), 2u);
    EXPECT_EQ(list.next(0), 0u);
    EXPECT_EQ(list.next(1000), 1u);  // on a marker: the one after it
    EXPECT_EQ(list.next(2999), 2u);
    EXPECT_FALSE(list.next(3000));
    EXPECT_FALSE(MarkerList().next(0));
}

TEST(MarkerList, SectionRunsFromAMarkerToTheNextOrTheEnd) {
    MarkerList list;
    list.add("verse", 1000);
    list.add("chorus", 3000);
    EXPECT_FALSE(list.sectionAt(999, 10000));  // before the first marker
    auto s = list.sectionAt(1000, 10000);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->marker, 0u);
    EXPECT_EQ(s->start, 1000);
    EXPECT_EQ(s->end, 3000);
    s = list.sectionAt(2999, 10000);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->marker, 0u);
    s = list.sectionAt(3000, 10000);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->marker, 1u);
    EXPECT_EQ(s->end, 10000);  // the last section ends with the song
    EXPECT_FALSE(list.sectionAt(10000, 10000));
}

TEST(QuantizedJump, WaitsForTheNextBarLine) {
    // 120 BPM 4/4, beat 1 at frame 7000: bars every 96000 frames.
    const BeatGrid grid(120.0, {4, 4}, 7000, 48000);
    const QuantizedJump bar;
    EXPECT_EQ(bar.when(7000, grid), 7000);  // exactly on a bar line: now
    EXPECT_EQ(bar.when(7001, grid), 103000);
    EXPECT_EQ(bar.when(102999, grid), 103000);
    EXPECT_EQ(bar.when(0, grid), 7000);         // before the origin: the first bar line
    EXPECT_EQ(bar.when(-89001, grid), -89000);  // a pickup bar before beat 1 has its line too
    EXPECT_EQ(bar.when(-88999, grid), 7000);
    const QuantizedJump beat(QuantizedJump::Quantize::NextBeat);
    EXPECT_EQ(beat.when(7001, grid), 31000);
    const QuantizedJump now(QuantizedJump::Quantize::Now);
    EXPECT_EQ(now.when(7001, grid), 7001);
}

TEST(QuantizedJump, BarLinesOfOddMetersAndFractionalBeats) {
    // 7/8 at 133 BPM at 44.1 kHz: an eighth is 9947.37 frames, a bar 69631.58.
    const BeatGrid grid(133.0, {7, 8}, 0, 44100);
    for (std::int64_t bar = 0; bar < 50; ++bar) {
        const std::int64_t line = grid.barFrame(bar);
        EXPECT_EQ(line, std::llround(bar * 7 * 60.0 * 44100 / 133.0 / 2.0));
        EXPECT_EQ(QuantizedJump::nextBarFrame(line - 1, grid), line);
        EXPECT_EQ(QuantizedJump::nextBarFrame(line, grid), line);
        EXPECT_EQ(QuantizedJump::nextBarFrame(line + 1, grid), grid.barFrame(bar + 1));
    }
}

}  // namespace unity_MarkerListTest
