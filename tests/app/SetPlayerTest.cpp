// The set player's logic against a fake playback (SetPlaybackPort): which song opens when,
// the entry's settings applied once its song is loaded (and nothing carried over from the
// song before), Next / Previous, transitions at the end of a song, songs that fail.

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <filesystem>
#include <map>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/set/SetPlaybackPort.h"
#include "stemdeck/app/set/SetPlayer.h"
#include "stemdeck/app/set/SetSession.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetPlayerTest {

namespace fs = std::filesystem;
using namespace stemdeck;
using namespace stemdeck::app::set;
using test::qpath;

namespace {

// Records what the player asks for; loads are finished by the test (load()/fail()).
class FakePort : public SetPlaybackPort {
  public:
    QStringList opened;
    bool isPlaying = false;
    int plays = 0;
    double tempo = 1.0;
    int semitones = 0;
    double cents = 0.0;
    std::optional<double> seekedTo;
    audio::ClickSettings clickNow;
    std::map<QString, double> markers;  // name -> seconds
    bool gapless = false;
    QStringList prepared;  // "current path -> next folder"

    void openSong(const QString& folder) override { opened << folder; }
    void play() override {
        isPlaying = true;
        ++plays;
    }
    bool playing() const override { return isPlaying; }
    void seek(double seconds) override { seekedTo = seconds; }
    void setTempo(double ratio) override { tempo = ratio; }
    void setPitch(int st, double c) override {
        semitones = st;
        cents = c;
    }
    audio::ClickSettings click() const override { return clickNow; }
    void setClick(const audio::ClickSettings& settings) override { clickNow = settings; }
    std::optional<double> markerSeconds(const QString&, const QString& name) const override {
        const auto it = markers.find(name);
        return it == markers.end() ? std::nullopt : std::optional<double>(it->second);
    }
    bool handlesTransitions() const override { return gapless; }
    void prepareNext(const SetEntry& current, const QString& nextFolder, const SetEntry&) override {
        prepared << QString::fromStdString(current.path) + " -> " + nextFolder;
    }

    // The newest opened song finishes loading (or fails), as the playback would say.
    void load() { emit songLoaded(opened.last()); }
    void fail(const QString& why) { emit loadFailed(opened.last(), why); }
    void end() {
        isPlaying = false;
        emit finished();
    }
};

// Songs A, B (with a meta.json at 90 BPM in 3/4) and C, in a set.
struct Rig {
    test::TempDir dir;
    SetSession session;
    FakePort port;
    SetPlayer player{session, port};

    Rig() {
        test::writeSineSong(dir.path(), "A", 1.0, 1, 8000);
        test::writeSineSong(dir.path(), "B", 1.0, 1, 8000);
        test::writeTextFile(dir / "B" / "meta.json", R"({"tempo": 90, "time_signature": "3/4"})");
        test::writeSineSong(dir.path(), "C", 1.0, 1, 8000);
        test::writeTextFile(dir / "set.stemset", R"({"songs": [
 {"path": "A", "transition": "gap", "gap_s": 0.2},
 {"path": "B", "tempo": 0.8, "pitch": -2, "cents": 30, "click": true, "count_in": 2,
  "start_marker": "Verse"},
 {"path": "Gone", "transition": "segue"},
 {"path": "C"}]})");
        QString error;
        EXPECT_TRUE(session.open(qpath(dir / "set.stemset"), &error)) << error.toStdString();
    }
    QString folder(const char* name) { return qpath(dir / name); }
};

}  // namespace

TEST(SetPlayer, AJumpOpensTheSongAndAppliesItsEntryOnlyOnceItIsLoaded) {
    Rig rig;
    rig.port.markers["Verse"] = 12.5;
    QSignalSpy started(&rig.player, &SetPlayer::entryStarted);
    rig.player.jumpTo(1, true);
    ASSERT_EQ(rig.port.opened, QStringList{rig.folder("B")});
    EXPECT_EQ(rig.session.currentIndex(), 1);
    EXPECT_DOUBLE_EQ(rig.port.tempo, 1.0);  // not before the song is there
    EXPECT_EQ(rig.port.plays, 0);
    rig.port.load();
    EXPECT_DOUBLE_EQ(rig.port.tempo, 0.8);
    EXPECT_EQ(rig.port.semitones, -1);  // -170 cents
    EXPECT_NEAR(rig.port.cents, -70.0, 1e-9);
    EXPECT_TRUE(rig.port.clickNow.enabled);
    EXPECT_EQ(rig.port.clickNow.countInBars, 2);
    EXPECT_DOUBLE_EQ(rig.port.clickNow.bpm, 90.0);  // the song's meta.json
    EXPECT_EQ(rig.port.clickNow.beatsPerBar, 3);
    ASSERT_TRUE(rig.port.seekedTo.has_value());
    EXPECT_DOUBLE_EQ(*rig.port.seekedTo, 12.5);
    EXPECT_EQ(rig.port.plays, 1);
    ASSERT_EQ(started.count(), 1);
    EXPECT_EQ(started.first().at(0).toInt(), 1);
    // The next song is made known to the playback (a gapless one cues it).
    EXPECT_EQ(rig.port.prepared.last(), "B -> " + rig.folder("Gone"));
}

TEST(SetPlayer, ASongWithoutMetaJsonGetsItsEntrysClickNotThePreviousSongs) {
    Rig rig;
    rig.port.clickNow.levelDb = -12.0f;  // the user's level stays
    rig.player.jumpTo(1);
    rig.port.load();
    ASSERT_DOUBLE_EQ(rig.port.clickNow.bpm, 90.0);
    rig.player.jumpTo(0);
    rig.port.load();
    const audio::ClickSettings defaults;
    EXPECT_DOUBLE_EQ(rig.port.clickNow.bpm, defaults.bpm);
    EXPECT_EQ(rig.port.clickNow.beatsPerBar, defaults.beatsPerBar);
    EXPECT_FALSE(rig.port.clickNow.enabled);
    EXPECT_EQ(rig.port.clickNow.countInBars, 0);
    EXPECT_FLOAT_EQ(rig.port.clickNow.levelDb, -12.0f);
    EXPECT_DOUBLE_EQ(rig.port.tempo, 1.0);
    EXPECT_EQ(rig.port.semitones, 0);
    EXPECT_DOUBLE_EQ(rig.port.cents, 0.0);
}

TEST(SetPlayer, AMissingStartMarkerIsSaidAndTheSongStartsAtItsBeginning) {
    Rig rig;
    QSignalSpy problems(&rig.player, &SetPlayer::problem);
    rig.player.jumpTo(1);
    rig.port.load();
    EXPECT_FALSE(rig.port.seekedTo.has_value());
    ASSERT_EQ(problems.count(), 1);
    const QString text = problems.first().at(0).toString();
    EXPECT_TRUE(text.contains("entry 2 (B)") && text.contains("Verse")) << text.toStdString();
}

TEST(SetPlayer, NextAndPreviousWalkTheSetAndKeepPlayingIfItWas) {
    Rig rig;
    EXPECT_FALSE(rig.player.hasPrevious());
    rig.player.jumpTo(0);
    rig.port.load();
    EXPECT_EQ(rig.port.plays, 0);
    rig.port.isPlaying = true;
    rig.player.next();
    EXPECT_EQ(rig.session.currentIndex(), 1);
    EXPECT_EQ(rig.port.opened.last(), rig.folder("B"));
    rig.port.load();
    EXPECT_EQ(rig.port.plays, 1);
    rig.port.isPlaying = false;
    rig.player.previous();
    rig.port.load();
    EXPECT_EQ(rig.session.currentIndex(), 0);
    EXPECT_EQ(rig.port.plays, 1);  // it was not playing
    EXPECT_FALSE(rig.player.hasPrevious());
    rig.player.previous();  // nothing before the first
    EXPECT_EQ(rig.port.opened.size(), 3);
}

TEST(SetPlayer, AMissingSongIsSaidAndNextGoesOnFromIt) {
    Rig rig;
    QSignalSpy problems(&rig.player, &SetPlayer::problem);
    rig.player.jumpTo(2);
    rig.port.fail("no such folder");
    ASSERT_EQ(problems.count(), 1);
    EXPECT_TRUE(problems.first().at(0).toString().contains("entry 3 (Gone): no such folder"));
    EXPECT_EQ(rig.session.currentIndex(), 2);  // a manual jump stays there
    EXPECT_EQ(rig.port.opened.size(), 1);
    rig.player.next();
    EXPECT_EQ(rig.port.opened.last(), rig.folder("C"));
    rig.port.load();
    EXPECT_EQ(rig.session.currentIndex(), 3);
}

TEST(SetPlayer, AStopTransitionCuesTheNextSongWithoutPlayingIt) {
    Rig rig;
    rig.player.jumpTo(1);  // B: "stop" (the default), then Gone, then C
    rig.port.load();
    rig.port.isPlaying = true;
    QSignalSpy problems(&rig.player, &SetPlayer::problem);
    rig.port.end();
    // Gone is cued, fails, and the set moves on to C, cued, not played.
    ASSERT_EQ(rig.port.opened.last(), rig.folder("Gone"));
    rig.port.fail("gone");
    EXPECT_EQ(problems.count(), 1);
    ASSERT_EQ(rig.port.opened.last(), rig.folder("C"));
    rig.port.load();
    EXPECT_EQ(rig.session.currentIndex(), 3);
    EXPECT_EQ(rig.port.plays, 0);
    rig.port.end();                        // the end of the set
    EXPECT_EQ(rig.port.opened.size(), 3);  // B, Gone, C: nothing after the last
}

TEST(SetPlayer, AGapTransitionStartsTheNextSongAfterItsSilence) {
    Rig rig;
    rig.player.jumpTo(0, true);
    rig.port.load();
    rig.port.end();
    EXPECT_EQ(rig.port.opened.size(), 1);  // not yet: the gap first
    EXPECT_GT(rig.player.gapLeft(), 0.0);
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.port.opened.size() == 2; }, 5000));
    EXPECT_GE(clock.elapsed(), 150);  // 0.2 s, less the timer's slack
    EXPECT_EQ(rig.port.opened.last(), rig.folder("B"));
    rig.port.load();
    EXPECT_EQ(rig.session.currentIndex(), 1);
    EXPECT_EQ(rig.port.plays, 2);  // it plays on
}

TEST(SetPlayer, AGaplessPlaybackAdvancesByItselfAndThePlayerFollows) {
    Rig rig;
    rig.port.gapless = true;
    rig.player.jumpTo(0, true);
    rig.port.load();
    EXPECT_EQ(rig.port.prepared.last(), "A -> " + rig.folder("B"));
    rig.port.end();  // a gapless playback ends only at the end of the set: nothing opens
    EXPECT_EQ(rig.port.opened.size(), 1);
    QSignalSpy started(&rig.player, &SetPlayer::entryStarted);
    emit rig.port.songAdvanced(rig.folder("B"));
    EXPECT_EQ(rig.session.currentIndex(), 1);
    ASSERT_EQ(started.count(), 1);
    EXPECT_EQ(rig.port.prepared.last(), "B -> " + rig.folder("Gone"));
}

TEST(SetPlayer, ARowMovedWhileItsSongLoadsIsStillTheOneSetUp) {
    Rig rig;
    rig.player.jumpTo(1);
    rig.session.move(1, 1, 0);  // B first
    EXPECT_EQ(rig.session.currentIndex(), 0);
    rig.port.load();
    EXPECT_DOUBLE_EQ(rig.port.tempo, 0.8);
}

}  // namespace unity_SetPlayerTest
