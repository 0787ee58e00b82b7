#include <gtest/gtest.h>

#include "stemdeck/control/ControlState.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ControlStateTest {

using namespace stemdeck::control;
using json = nlohmann::json;

namespace {

ControlState sample() {
    ControlState s;
    s.state = "playing";
    s.playing = true;
    s.position = 12.5;
    s.duration = 200.0;
    s.song = "Intro";
    s.setName = "Friday";
    s.setIndex = 1;
    s.setSongs = {{"Opener", 180.0}, {"Intro", 200.0}};
    s.barBeat = "5.2";
    s.stems = {{"drums", -3.0, false, true}, {"bass", 0.0, true, false}};
    s.masterDb = -1.5;
    s.click = true;
    return s;
}

}  // namespace

TEST(ControlState, ToJsonUsesTheApiKeys) {
    const json j = toJson(sample());
    EXPECT_EQ(j.at("state"), "playing");
    EXPECT_EQ(j.at("playing"), true);
    EXPECT_EQ(j.at("position"), 12.5);
    EXPECT_EQ(j.at("song"), "Intro");
    EXPECT_EQ(j.at("set").at("name"), "Friday");
    EXPECT_EQ(j.at("set").at("index"), 1);
    EXPECT_EQ(j.at("set").at("songs")[0], json({{"title", "Opener"}, {"duration", 180.0}}));
    EXPECT_EQ(j.at("bar_beat"), "5.2");
    EXPECT_EQ(j.at("stems")[0],
              json({{"name", "drums"}, {"gain_db", -3.0}, {"mute", false}, {"solo", true}}));
    EXPECT_EQ(j.at("stems")[1].at("mute"), true);
    EXPECT_EQ(j.at("master_db"), -1.5);
    EXPECT_EQ(j.at("click"), true);
    for (const char* key :
         {"duration", "set_time_left", "section", "next_section", "count_in", "time_left", "loop",
          "vamp", "tempo", "pitch_cents", "bpm", "lock", "stage"})
        EXPECT_TRUE(j.contains(key)) << key;
}

TEST(ControlState, MarkersAreAListOfNameAndSecondsAndChangeAsAWhole) {
    ControlState before = sample();
    EXPECT_EQ(toJson(before).at("markers"), json::array());
    ControlState after = before;
    after.markers = {{"Verse", 2.0}, {"Chorus", 4.5}};
    const json j = toJson(after);
    ASSERT_EQ(j.at("markers").size(), 2u);
    EXPECT_EQ(j.at("markers")[1], json({{"name", "Chorus"}, {"seconds", 4.5}}));
    EXPECT_EQ(diff(before, after), json({{"markers", j.at("markers")}}));
    ControlState renamed = after;
    renamed.markers[0].name = "Intro";
    EXPECT_EQ(diff(after, renamed).at("markers")[0].at("name"), "Intro");
}

TEST(ControlState, EmptyStateHasEmptyLists) {
    const json j = toJson(ControlState{});
    EXPECT_TRUE(j.at("stems").is_array());
    EXPECT_TRUE(j.at("stems").empty());
    EXPECT_TRUE(j.at("set").at("songs").is_array());
    EXPECT_EQ(j.at("set").at("index"), -1);
}

TEST(ControlState, DiffOfEqualStatesIsEmpty) {
    const json changes = diff(sample(), sample());
    EXPECT_TRUE(changes.is_object());
    EXPECT_TRUE(changes.empty());
}

TEST(ControlState, DiffHasOnlyChangedKeys) {
    ControlState after = sample();
    after.click = false;
    after.song = "Outro";
    EXPECT_EQ(diff(sample(), after), json({{"click", false}, {"song", "Outro"}}));
}

TEST(ControlState, PositionMovesInSteps) {
    ControlState after = sample();
    after.position = 12.5 + 0.049;
    EXPECT_TRUE(diff(sample(), after).empty());
    after.position = 12.5 + 0.05;
    EXPECT_EQ(diff(sample(), after), json({{"position", after.position}}));
    after.position = 12.5 - 0.06;  // backwards (a seek, a loop) counts the same
    EXPECT_TRUE(diff(sample(), after).contains("position"));
    after.position = 12.5 + 0.01;
    EXPECT_TRUE(diff(sample(), after, 0.0).contains("position"));
    EXPECT_TRUE(diff(sample(), after, 0.02).empty());
    // Other changes still go out while position is below its step.
    after.playing = false;
    EXPECT_EQ(diff(sample(), after), json({{"playing", false}}));
}

TEST(ControlState, StemChangesSendTheWholeList) {
    ControlState after = sample();
    after.stems[1].gainDb = -6.0;
    const json changes = diff(sample(), after);
    ASSERT_EQ(changes.size(), 1u);
    ASSERT_TRUE(changes.contains("stems"));
    EXPECT_EQ(changes.at("stems"), toJson(after).at("stems"));
    EXPECT_EQ(changes.at("stems")[1].at("gain_db"), -6.0);

    after = sample();
    after.stems.push_back({"keys", 0.0, false, false});  // a new song's stems
    EXPECT_EQ(diff(sample(), after).at("stems").size(), 3u);
    after = sample();
    after.stems[0].solo = false;
    EXPECT_EQ(diff(sample(), after).at("stems")[0].at("solo"), false);
}

TEST(ControlState, SetChangesSendTheSetObject) {
    ControlState after = sample();
    after.setIndex = 0;
    const json changes = diff(sample(), after);
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes.at("set").at("index"), 0);
}

}  // namespace unity_ControlStateTest
