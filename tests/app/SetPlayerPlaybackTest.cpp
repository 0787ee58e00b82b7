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

// A song opened outside the set while the next one is cued (File › Open, recent, drag and
// drop, a remote `open`: all PlaybackManager::openSong): the cued song is let go of and freed,
// nothing is cued behind the outside song (not even after an edit of the set), it ends alone
// without advancing; Next goes on with the entry after the set's last one and cues normally.
TEST(SetPlayerPlayback, AnOutsideSongDropsTheCueAndNextGoesOnAfterTheSet) {
    SetRig rig(R"({"songs": [{"path": "A", "transition": "segue"}, {"path": "B",
 "transition": "segue"}, {"path": "C"}]})");
    test::writeSineSong(rig.dir.path(), "X", 1.0, 1, 48000);
    rig.player.jumpTo(0, true);
    ASSERT_TRUE(rig.started(0));
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.engine.hasCued(); }, 10000));
    EXPECT_EQ(rig.playback.cuedFolder(), test::qpath(rig.dir / "B"));

    QSignalSpy loaded(&rig.playback, &PlaybackManager::songLoaded);
    QSignalSpy finished(&rig.playback, &PlaybackManager::finished);
    QSignalSpy advanced(&rig.playback, &PlaybackManager::songAdvanced);
    QSignalSpy cued(&rig.playback, &PlaybackManager::nextSongCued);
    rig.playback.openSong(test::qpath(rig.dir / "X"));
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(rig.dir / "X"));
    EXPECT_FALSE(rig.engine.hasCued()) << "the cued song went with the song it followed";
    EXPECT_TRUE(rig.playback.cuedFolder().isEmpty());
    EXPECT_EQ(rig.session.size(), 3) << "the set stays loaded";
    EXPECT_EQ(rig.session.currentIndex(), 0);
    // An edit of the set while the outside song plays cues nothing behind it.
    SetEntry edited = rig.session.entry(2);
    edited.tempo = 0.9;
    rig.session.setEntry(2, edited);
    rig.playback.play();
    ASSERT_TRUE(finished.wait(10000)) << "the outside song plays to its end";
    QTest::qWait(300);
    EXPECT_EQ(cued.count(), 0);
    EXPECT_EQ(advanced.count(), 0);
    EXPECT_FALSE(rig.engine.hasCued());
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(rig.dir / "X"));
    EXPECT_NE(rig.playback.state(), audio::PlayState::Playing);

    // Next: the entry after the set's current one, with the song after it cued.
    rig.player.next();
    ASSERT_TRUE(rig.started(1));
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(rig.dir / "B"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.engine.hasCued(); }, 10000));
    EXPECT_EQ(rig.playback.cuedFolder(), test::qpath(rig.dir / "C"));
}

}  // namespace unity_SetPlayerPlaybackTest
