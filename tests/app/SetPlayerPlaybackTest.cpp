// The set player on the real PlaybackManager (through PlaybackSetPort) and a real engine on
// the JACK dummy server: a jump opens the entry's song with its tempo, pitch and click, the
// song after a song without meta.json does not inherit its click, Next plays on, a set with
// a missing song still plays the others.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <filesystem>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/set/SetPlaybackPort.h"
#include "stemdeck/app/set/SetPlayer.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetPlayerPlaybackTest {

using namespace stemdeck;
using namespace stemdeck::app::set;
using app::PlaybackManager;
namespace fs = std::filesystem;

namespace {

struct SetRig {
    test::TempDir dir;
    audio::Engine engine;
    PlaybackManager playback{engine};
    app::MarkerStore markers{test::qpath(dir / "markers")};
    SetSession session;
    PlaybackSetPort port{playback, &markers};
    SetPlayer player{session, port};

    explicit SetRig(const std::string& setText) {
        playback.openOutput({});
        EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
        test::writeSineSong(dir.path(), "A", 2.0, 1, 48000);
        test::writeSineSong(dir.path(), "B", 2.0, 1, 48000);
        test::writeTextFile(dir / "B" / "meta.json", R"({"tempo": 90, "time_signature": "3/4"})");
        // Long enough to still play from its 1.25 s start marker when a slow machine
        // (ThreadSanitizer, ctest -j2) looks after the set player said it started.
        test::writeSineSong(dir.path(), "C", 5.0, 1, 48000);
        test::writeTextFile(dir / "set.stemset", setText);
        QString error;
        EXPECT_TRUE(session.open(test::qpath(dir / "set.stemset"), &error)) << error.toStdString();
    }
    // Waits for the player to have set up `row`.
    bool started(int row) {
        QSignalSpy spy(&player, &SetPlayer::entryStarted);
        return QTest::qWaitFor(
            [&] {
                for (const auto& args : spy)
                    if (args.at(0).toInt() == row) return true;
                return false;
            },
            10000);
    }
};

}  // namespace

TEST(SetPlayerPlayback, AJumpOpensTheSongWithItsEntrysTempoPitchAndClick) {
    SetRig rig(R"({"songs": [{"path": "A"},
 {"path": "B", "tempo": 0.8, "pitch": 3, "cents": -20, "click": true, "count_in": 1}]})");
    QSignalSpy started(&rig.player, &SetPlayer::entryStarted);
    rig.player.jumpTo(1);
    ASSERT_TRUE(started.wait(10000));
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(rig.dir / "B"));
    EXPECT_DOUBLE_EQ(rig.playback.tempo(), 0.8);
    EXPECT_NEAR(rig.playback.pitchCents(), 280.0, 1e-9);
    EXPECT_TRUE(rig.playback.click().enabled);
    EXPECT_EQ(rig.playback.click().countInBars, 1);
    EXPECT_DOUBLE_EQ(rig.playback.click().bpm, 90.0);
    // A (no meta.json, no settings) after B: nothing of B's carries over.
    rig.player.previous();
    ASSERT_TRUE(started.wait(10000));
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(rig.dir / "A"));
    EXPECT_DOUBLE_EQ(rig.playback.tempo(), 1.0);
    EXPECT_DOUBLE_EQ(rig.playback.pitchCents(), 0.0);
    EXPECT_FALSE(rig.playback.click().enabled);
    EXPECT_EQ(rig.playback.click().countInBars, 0);
    EXPECT_DOUBLE_EQ(rig.playback.click().bpm, audio::ClickSettings{}.bpm);
    EXPECT_EQ(rig.playback.click().beatsPerBar, 4);
}

TEST(SetPlayerPlayback, ASetWithAMissingSongPlaysTheOthersAndGoesToTheStartMarker) {
    SetRig rig(R"({"songs": [{"path": "A", "transition": "segue"}, {"path": "Gone"},
 {"path": "C", "start_marker": "Chorus"}]})");
    ASSERT_TRUE(rig.markers.save(test::qpath(rig.dir / "C"), {{"Chorus", 1.25}}));
    QSignalSpy problems(&rig.player, &SetPlayer::problem);
    rig.player.jumpTo(0, true);
    ASSERT_TRUE(rig.started(0));
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Playing);
    // A segues into Gone at its end: Gone fails, said, and C plays.
    ASSERT_TRUE(rig.started(2));
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(rig.dir / "C"));
    ASSERT_GE(problems.count(), 1);
    EXPECT_TRUE(problems.first().at(0).toString().contains("entry 2 (Gone)"));
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Playing);
    EXPECT_GE(rig.playback.position(), 1.25 - 0.05);
}

}  // namespace unity_SetPlayerPlaybackTest
