// The control layer on the real app objects: a real PlaybackManager playing on the private
// JACK dummy server (tests/support/with_jack.sh), a real set player and markers, driven only
// through ControlCenter::invoke as a door would. Transport, mix, lock, set, markers and tap
// tempo reach the real objects; listeners see the state change while playing and nothing
// while paused; bad calls are answered and change nothing.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <filesystem>

#include "AudioFiles.h"
#include "PlaybackRig.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/LockState.h"
#include "stemdeck/app/set/SetPlaybackPort.h"
#include "stemdeck/app/set/SetPlayer.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ControlCenterTest {

using namespace stemdeck;
using app::PlaybackManager;
using control::ActionCall;
using Code = control::ActionResult::Code;
namespace fs = std::filesystem;

namespace {

constexpr int kTimeoutMs = 10000;

// Every state sample the center reported.
struct Recorder : control::StateListener {
    std::vector<control::ControlState> seen;
    void stateChanged(const control::ControlState&, const control::ControlState& after) override {
        seen.push_back(after);
    }
};

// The shared rig (PlaybackRig) and how these tests drive it.
struct ControlRig : test::PlaybackRig {
    // A song of named stems (Drums, Bass), `seconds` long.
    fs::path writeSong(const std::string& name, double seconds) {
        return PlaybackRig::writeSong(name, seconds, {"Drums", "Bass"});
    }
    control::ActionResult run(const std::string& name,
                              std::map<std::string, control::ParamValue> params = {}) {
        ActionCall call;
        call.name = name;
        call.params = std::move(params);
        return center.invoke(call);
    }
    std::size_t stemIndex(const std::string& name) const {
        const auto names = playback.stemNames();
        const auto it = std::find(names.begin(), names.end(), name);
        EXPECT_NE(it, names.end()) << name;
        return static_cast<std::size_t>(it - names.begin());
    }
};

}  // namespace

TEST(ControlCenter, PlayPauseAndSeekThroughInvokeMoveTheRealTransport) {
    ControlRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 10.0)));
    ASSERT_TRUE(rig.run("play").ok());
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Playing);
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() > 0.2; }, kTimeoutMs));
    ASSERT_TRUE(rig.run("pause").ok());
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Paused);
    ASSERT_TRUE(rig.run("seek", {{"seconds", 5.0}}).ok());
    EXPECT_TRUE(QTest::qWaitFor([&] { return std::abs(rig.playback.position() - 5.0) < 0.05; },
                                kTimeoutMs));
    EXPECT_NEAR(rig.center.state().position, 5.0, 0.05);
    EXPECT_EQ(rig.center.state().state, "paused");
    // Past the song's end: refused, the play stays where it was.
    const control::ActionResult past = rig.run("seek", {{"seconds", 99.0}});
    EXPECT_EQ(past.code, Code::OutOfRange);
    EXPECT_EQ(past.param, "seconds");
    EXPECT_NEAR(rig.playback.position(), 5.0, 0.05);
    ASSERT_TRUE(rig.run("play_pause").ok());
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Playing);
    ASSERT_TRUE(rig.run("stop").ok());
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Stopped);
}

TEST(ControlCenter, WithoutASongTransportAndMixAnswerUnavailable) {
    ControlRig rig;
    const control::ActionResult play = rig.run("play");
    EXPECT_EQ(play.code, Code::Unavailable);
    EXPECT_EQ(play.message, "no song is loaded");
    EXPECT_EQ(rig.run("stem.gain", {{"stem", std::string("1")}, {"db", -6.0}}).code,
              Code::Unavailable);
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Stopped);
}

TEST(ControlCenter, StemGainReachesTheMixerAndABadStemListsTheStems) {
    ControlRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 4.0)));
    const std::size_t drums = rig.stemIndex("Drums");
    const std::size_t bass = rig.stemIndex("Bass");
    ASSERT_TRUE(rig.run("stem.gain", {{"stem", std::string("drums")}, {"db", -6.0}}).ok());
    EXPECT_FLOAT_EQ(rig.playback.mixer().controls().gainDb(drums), -6.0f);
    EXPECT_FLOAT_EQ(rig.playback.mixer().controls().gainDb(bass), 0.0f);
    // By number, as a toggle without `on`.
    ASSERT_TRUE(rig.run("stem.mute", {{"stem", static_cast<std::int64_t>(bass + 1)}}).ok());
    EXPECT_TRUE(rig.playback.mixer().controls().muted(bass));
    ASSERT_TRUE(rig.run("stem.mute", {{"stem", static_cast<std::int64_t>(bass + 1)}}).ok());
    EXPECT_FALSE(rig.playback.mixer().controls().muted(bass));
    ASSERT_TRUE(rig.run("master.gain", {{"db", -100.0}}).ok());
    EXPECT_EQ(rig.center.state().masterDb, -100.0);
    ASSERT_EQ(rig.center.state().stems.size(), 2u);
    EXPECT_EQ(rig.center.state().stems[drums].gainDb, -6.0);

    const control::ActionResult bad =
        rig.run("stem.gain", {{"stem", std::string("guitar")}, {"db", 3.0}});
    EXPECT_EQ(bad.code, Code::BadParam);
    EXPECT_EQ(bad.param, "stem");
    EXPECT_NE(bad.message.find("Drums"), std::string::npos) << bad.message;
    EXPECT_NE(bad.message.find("Bass"), std::string::npos) << bad.message;
    EXPECT_FLOAT_EQ(rig.playback.mixer().controls().gainDb(drums), -6.0f);
    EXPECT_FLOAT_EQ(rig.playback.mixer().controls().gainDb(bass), 0.0f);
}

TEST(ControlCenter, LockRefusesTheMixButTheTransportKeepsWorking) {
    ControlRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 4.0)));
    const std::size_t drums = rig.stemIndex("Drums");
    ASSERT_TRUE(rig.run("lock", {{"on", true}}).ok());
    EXPECT_TRUE(rig.lock.locked());
    EXPECT_TRUE(rig.center.state().lock);
    const control::ActionResult refused =
        rig.run("stem.gain", {{"stem", std::string("Drums")}, {"db", -12.0}});
    EXPECT_EQ(refused.code, Code::Locked);
    EXPECT_FALSE(refused.message.empty());
    EXPECT_FLOAT_EQ(rig.playback.mixer().controls().gainDb(drums), 0.0f);
    EXPECT_EQ(rig.run("master.gain", {{"db", -3.0}}).code, Code::Locked);
    ASSERT_TRUE(rig.run("play").ok());
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Playing);
    // Unlocked (a toggle without `on`), the mix takes changes again.
    ASSERT_TRUE(rig.run("lock").ok());
    EXPECT_FALSE(rig.lock.locked());
    ASSERT_TRUE(rig.run("stem.gain", {{"stem", std::string("Drums")}, {"db", -12.0}}).ok());
    EXPECT_FLOAT_EQ(rig.playback.mixer().controls().gainDb(drums), -12.0f);
}

TEST(ControlCenter, SongNextAdvancesATwoSongSetAndWithoutASetSaysSo) {
    ControlRig rig;
    const control::ActionResult none = rig.run("song.next");
    EXPECT_EQ(none.code, Code::Unavailable);
    EXPECT_EQ(none.message, "no set is open");
    rig.writeSong("A", 3.0);
    rig.writeSong("B", 3.0);
    test::writeTextFile(rig.dir / "set.stemset", R"({"songs": [{"path": "A"}, {"path": "B"}]})");
    QString error;
    ASSERT_TRUE(rig.session.open(test::qpath(rig.dir / "set.stemset"), &error))
        << error.toStdString();
    QSignalSpy started(&rig.player, &app::set::SetPlayer::entryStarted);
    ASSERT_TRUE(rig.run("song.goto", {{"n", std::int64_t{1}}}).ok());
    ASSERT_TRUE(started.wait(kTimeoutMs));
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(rig.dir / "A"));
    EXPECT_EQ(rig.run("song.goto", {{"n", std::int64_t{3}}}).code, Code::OutOfRange);

    ASSERT_TRUE(rig.run("song.next").ok());
    ASSERT_TRUE(started.wait(kTimeoutMs));
    EXPECT_EQ(started.last().at(0).toInt(), 1);
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(rig.dir / "B"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.center.state().setIndex == 1; }, kTimeoutMs));
    EXPECT_EQ(rig.center.state().song, "B");
    ASSERT_EQ(rig.center.state().setSongs.size(), 2u);
    EXPECT_EQ(rig.center.state().setSongs[0].title, "A");
    EXPECT_EQ(rig.run("song.next").code, Code::Unavailable);  // the last song
}

TEST(ControlCenter, AListenerSeesPlayThenTheMovingPositionAndNothingWhilePaused) {
    ControlRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 10.0)));
    Recorder recorder;
    rig.center.addListener(&recorder);
    EXPECT_FALSE(rig.center.ticking());
    ASSERT_TRUE(rig.run("play").ok());
    ASSERT_FALSE(recorder.seen.empty());
    EXPECT_TRUE(recorder.seen.front().playing);
    EXPECT_TRUE(rig.center.ticking());
    // The tick samples the moving position: several later samples, each further on.
    ASSERT_TRUE(QTest::qWaitFor([&] { return recorder.seen.size() >= 5; }, kTimeoutMs));
    for (std::size_t i = 1; i < recorder.seen.size(); ++i)
        EXPECT_GE(recorder.seen[i].position, recorder.seen[i - 1].position);
    EXPECT_GT(recorder.seen.back().position, recorder.seen.front().position);

    ASSERT_TRUE(rig.run("pause").ok());
    EXPECT_FALSE(rig.center.state().playing);
    EXPECT_FALSE(rig.center.ticking());
    QTest::qWait(300);  // the pause's fade and the playback's last poll settle
    recorder.seen.clear();
    QTest::qWait(700);
    EXPECT_TRUE(recorder.seen.empty()) << recorder.seen.size() << " samples while paused";
    EXPECT_FALSE(rig.center.ticking());
    rig.center.removeListener(&recorder);
    ASSERT_TRUE(rig.run("play").ok());
    EXPECT_TRUE(recorder.seen.empty());
}

TEST(ControlCenter, UnknownActionsAndBadParamsAreAnsweredAndChangeNothing) {
    ControlRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 4.0)));
    ASSERT_TRUE(rig.run("seek", {{"seconds", 1.0}}).ok());
    rig.center.refresh();
    const control::ControlState before = rig.center.state();
    const audio::PlayState playState = rig.playback.state();
    Recorder recorder;
    rig.center.addListener(&recorder);

    const control::ActionResult unknown = rig.run("fly");
    EXPECT_EQ(unknown.code, Code::UnknownAction);
    EXPECT_FALSE(unknown.message.empty());
    EXPECT_EQ(rig.run("seek", {{"seconds", std::string("soon")}}).code, Code::BadParam);
    EXPECT_EQ(rig.run("tempo", {{"ratio", 3.0}}).code, Code::OutOfRange);
    EXPECT_EQ(rig.run("stem.gain", {{"stem", std::string("Drums")}}).code, Code::BadParam);
    EXPECT_EQ(rig.run("play", {{"loud", true}}).code, Code::BadParam);
    const control::ActionResult at = rig.run("marker.next", {{"at", std::string("tomorrow")}});
    EXPECT_NE(at.code, Code::Ok);
    EXPECT_EQ(rig.run("loop", {{"on", true}}).code, Code::Unavailable);  // no A-B yet
    EXPECT_EQ(rig.run("stage").code, Code::Unavailable);                 // only a window has one

    rig.center.refresh();
    EXPECT_EQ(rig.center.state(), before);
    EXPECT_TRUE(recorder.seen.empty());
    EXPECT_EQ(rig.playback.state(), playState);
    EXPECT_DOUBLE_EQ(rig.playback.tempo(), 1.0);
    rig.center.removeListener(&recorder);
}

TEST(ControlCenter, MarkersStepNextAndPreviousAndTheStateNamesTheSection) {
    ControlRig rig;
    const fs::path folder = rig.writeSong("song", 8.0);
    ASSERT_TRUE(rig.store.save(test::qpath(folder), {{"Verse", 2.0}, {"Chorus", 4.0}}));
    ASSERT_TRUE(rig.load(folder));
    ASSERT_TRUE(rig.run("marker.next", {{"at", std::string("now")}}).ok());
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() >= 1.99; }, kTimeoutMs));
    EXPECT_EQ(rig.center.state().section, "Verse");
    EXPECT_EQ(rig.center.state().nextSection, "Chorus");
    ASSERT_TRUE(rig.run("marker.next").ok());
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() >= 3.99; }, kTimeoutMs));
    EXPECT_EQ(rig.run("marker.next").code, Code::Unavailable);  // none after Chorus
    // Just after Chorus, Previous goes one further back: to Verse.
    ASSERT_TRUE(rig.run("marker.previous").ok());
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() < 2.5; }, kTimeoutMs));
    EXPECT_EQ(rig.center.state().section, "Verse");
    ASSERT_TRUE(rig.run("marker.goto", {{"n", std::int64_t{2}}}).ok());
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() >= 3.99; }, kTimeoutMs));
    EXPECT_EQ(rig.run("marker.goto", {{"n", std::int64_t{3}}}).code, Code::OutOfRange);
    // The section the play is in (Chorus, to the song's end) vamps; released, it ends.
    const control::ActionResult vamp = rig.run("vamp", {{"on", true}});
    ASSERT_TRUE(vamp.ok()) << vamp.message;
    EXPECT_TRUE(rig.vamp.active());
    EXPECT_EQ(rig.vamp.section().name, "Chorus");
    EXPECT_TRUE(rig.center.state().vamp);
    ASSERT_TRUE(rig.run("vamp").ok());
    EXPECT_FALSE(rig.vamp.active());
    EXPECT_FALSE(rig.center.state().vamp);
}

TEST(ControlCenter, AnAddedMarkerIsInTheStateAndInTheListenersDiff) {
    ControlRig rig;
    const fs::path folder = rig.writeSong("song", 8.0);
    ASSERT_TRUE(rig.store.save(test::qpath(folder), {{"Verse", 2.0}}));
    ASSERT_TRUE(rig.load(folder));
    rig.center.refresh();
    ASSERT_EQ(rig.center.state().markers.size(), 1u);
    EXPECT_EQ(rig.center.state().markers[0].name, "Verse");
    EXPECT_EQ(rig.center.state().markers[0].seconds, 2.0);
    ASSERT_TRUE(rig.run("seek", {{"seconds", 5.0}}).ok());
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() >= 4.99; }, kTimeoutMs));
    struct DiffRecorder : control::StateListener {
        std::vector<nlohmann::json> diffs;
        void stateChanged(const control::ControlState& before,
                          const control::ControlState& after) override {
            diffs.push_back(control::diff(before, after));
        }
    } recorder;
    rig.center.addListener(&recorder);
    ASSERT_EQ(rig.markers.addAtPlayhead(), 1);
    rig.center.removeListener(&recorder);
    ASSERT_FALSE(recorder.diffs.empty());
    const nlohmann::json& changes = recorder.diffs.back();
    ASSERT_TRUE(changes.contains("markers")) << changes.dump();
    ASSERT_EQ(changes.at("markers").size(), 2u);
    EXPECT_NEAR(changes.at("markers")[1].at("seconds").get<double>(), 5.0, 0.05);
    EXPECT_EQ(control::toJson(rig.center.state()).at("markers"), changes.at("markers"));
}

TEST(ControlCenter, TheStageComesFromTheWindowsSwitch) {
    ControlRig rig;
    EXPECT_FALSE(rig.center.state().stage) << "no window: never";
    bool shown = true;
    rig.center.setStageShown([&shown] { return shown; });
    EXPECT_TRUE(rig.center.state().stage);
    shown = false;
    rig.center.refresh();
    EXPECT_FALSE(rig.center.state().stage);
}

TEST(ControlCenter, TapTempoSetsTheClicksBpmFromTheCallsArrivalTimes) {
    ControlRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 4.0)));
    for (int i = 0; i < 4; ++i) {
        ActionCall call;
        call.name = "tap_tempo";
        call.receivedNs = 1'000'000'000 + i * 500'000'000LL;  // every 0.5 s: 120 BPM
        ASSERT_TRUE(rig.center.invoke(call).ok());
    }
    EXPECT_NEAR(rig.playback.click().bpm, 120.0, 1e-6);
    EXPECT_NEAR(rig.center.state().bpm, 120.0, 1e-6);
    ASSERT_TRUE(rig.run("click", {{"on", true}}).ok());
    EXPECT_TRUE(rig.playback.click().enabled);
    EXPECT_TRUE(rig.center.state().click);
    ASSERT_TRUE(rig.run("tempo.down", {{"percent", 10.0}}).ok());
    EXPECT_NEAR(rig.playback.tempo(), 0.9, 1e-9);
    ASSERT_TRUE(rig.run("pitch.up").ok());
    EXPECT_EQ(rig.playback.pitchSemitones(), 1);
    EXPECT_NEAR(rig.center.state().pitchCents, 100.0, 1e-9);
}

}  // namespace unity_ControlCenterTest
