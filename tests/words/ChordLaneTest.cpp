#include <gtest/gtest.h>

#include <string>

#include "stemdeck/words/ChordLane.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ChordLaneTest {

using stemdeck::words::ChordLane;

TEST(ChordLane, ReadsThePredecessorsTriples) {
    // What MultiLyrics' chord analysis writes: [start, end, name], "" for no chord.
    const ChordLane lane = ChordLane::fromMetaJson(
        R"({"key": "A minor", "chords": [[0.0, 1.5, ""], [1.5, 3.25, "Am"], [3.25, 5.0, "F"],
            [5.0, 7.0, "Bm7b5"]]})");
    EXPECT_EQ(lane.key(), "A minor");
    ASSERT_EQ(lane.chords().size(), 4u);
    EXPECT_EQ(lane.count(), 3u);
    EXPECT_EQ(lane.chords()[1].name, "Am");
    EXPECT_DOUBLE_EQ(lane.chords()[1].end, 3.25);
    EXPECT_TRUE(lane.problems().empty());
    EXPECT_EQ(lane.chordAt(2.0), 1);
    EXPECT_EQ(lane.chordAt(3.25), 2);
    EXPECT_EQ(lane.chordAt(7.5), -1);  // past the last one's end
}

TEST(ChordLane, ReadsPairsAndObjectsOutOfOrder) {
    const ChordLane lane = ChordLane::fromMetaJson(
        R"({"chords": [{"time": 4, "chord": "G"}, [2, "C"], {"t": 6, "c": "F#m"},
            {"start": 0, "name": "N"}, {"time": 8, "name": "D/F#", "end": 9}]})");
    ASSERT_EQ(lane.chords().size(), 5u);
    EXPECT_EQ(lane.chords()[0].name, "");  // "N" is no chord
    EXPECT_EQ(lane.chords()[1].name, "C");
    EXPECT_EQ(lane.chords()[2].name, "G");
    EXPECT_EQ(lane.chords()[3].name, "F#m");
    EXPECT_EQ(lane.count(), 4u);
    EXPECT_EQ(lane.chordAt(-1.0), -1);
    EXPECT_EQ(lane.chordAt(5.0), 2);
    EXPECT_EQ(lane.chordAt(7.9), 3);  // no end: until the next
    EXPECT_EQ(lane.chordAt(9.5), -1);
}

TEST(ChordLane, BadEntriesAreSkippedAndReported) {
    const ChordLane lane = ChordLane::fromMetaJson(
        R"({"chords": [[1, "C"], "Am", [2], [-1, "G"], {"time": "3", "chord": "D"},
            [4, 3, "E"], {"chord": "G"}, [5, 7]]})");
    EXPECT_EQ(lane.chords().size(), 1u);
    ASSERT_EQ(lane.problems().size(), ChordLane::kMaxProblems + 1);
    EXPECT_EQ(lane.problems()[0].rfind("meta.json: chords entry 2 ", 0), 0u) << lane.problems()[0];
    EXPECT_EQ(lane.problems().back(), "meta.json: and 2 more chords entries skipped");
}

TEST(ChordLane, NoChordsIsNoProblem) {
    EXPECT_TRUE(ChordLane::fromMetaJson(R"({"title": "x"})").problems().empty());
    EXPECT_TRUE(ChordLane::fromMetaJson("not json").problems().empty());
    EXPECT_EQ(ChordLane::fromMetaJson(R"({"chords": {}})").problems().size(), 1u);
    EXPECT_EQ(ChordLane::fromMetaJson(R"({"chords": []})").chordAt(1.0), -1);
}

}  // namespace unity_ChordLaneTest
