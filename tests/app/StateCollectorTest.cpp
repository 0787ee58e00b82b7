// StateCollector's pure part: bar.beat as the stage view shows it, and none when it would be a
// guess (no tempo) or while the count-in runs.
#include <gtest/gtest.h>

#include "stemdeck/app/control/StateCollector.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StateCollectorTest {

using stemdeck::app::StateCollector;
using stemdeck::audio::ClickSettings;

TEST(StateCollector, BarBeatFollowsTheClickGrid) {
    ClickSettings click;
    click.bpm = 120.0;  // a beat every 0.5 s
    click.beatsPerBar = 4;
    EXPECT_EQ(StateCollector::barBeat(click, 0.0, true, 0), "1.1");
    EXPECT_EQ(StateCollector::barBeat(click, 0.6, true, 0), "1.2");
    EXPECT_EQ(StateCollector::barBeat(click, 2.25, true, 0), "2.1");
    click.beatsPerBar = 3;
    click.firstBeatSeconds = 1.0;
    EXPECT_EQ(StateCollector::barBeat(click, 2.6, true, 0), "2.1");
}

TEST(StateCollector, NoBarBeatWithoutATempoOrWhileCountingIn) {
    const ClickSettings click;
    EXPECT_EQ(StateCollector::barBeat(click, 3.0, false, 0), "");
    EXPECT_EQ(StateCollector::barBeat(click, 3.0, true, 2), "");
}

}  // namespace unity_StateCollectorTest
