// The MIDI door on the real app objects and a real JACK server (tests/support/with_jack.sh):
// a raw libjack peer plays the controller (notes, CCs with value 0, program changes) and
// listens for its LEDs; the door runs actions through a real ControlCenter on a real
// PlaybackManager and set player. Without a MIDI system the door is off, quietly. Its latency
// is measured in tests/latency/MidiDoorLatencyTest.cpp.
#include <gtest/gtest.h>
#include <unistd.h>

#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "AudioFiles.h"
#include "JackMidiPeer.h"
#include "JackServer.h"
#include "MidiDoorRig.h"
#include "PlaybackRig.h"
#include "QtPath.h"
#include "StderrCapture.h"
#include "TempDir.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/LockState.h"
#include "stemdeck/app/control/MidiDoor.h"
#include "stemdeck/app/set/SetPlaybackPort.h"
#include "stemdeck/app/set/SetPlayer.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/midi/MidiValueLaw.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiDoorTest {

using namespace stemdeck;
using app::PlaybackManager;
using control::backend::MidiApi;
using Bytes = std::vector<std::uint8_t>;
namespace fs = std::filesystem;
namespace midi = control::midi;

namespace {

constexpr int kTimeoutMs = 10000;

bool alsaSequencer() {
    return ::access("/dev/snd/seq", R_OK | W_OK) == 0;
}

using DoorRig = test::MidiDoorRig;

// A ControlPort that records calls: enough for the door where no server runs.
struct RecordingPort : control::ControlPort {
    std::vector<control::ActionCall> calls;
    control::ControlState current;
    std::vector<control::ActionSpec> specs = control::actionCatalog();
    control::ActionResult invoke(const control::ActionCall& call) override {
        calls.push_back(call);
        return control::ActionResult::success();
    }
    const control::ControlState& state() const override { return current; }
    const std::vector<control::ActionSpec>& actions() const override { return specs; }
};

}  // namespace

TEST(MidiDoor, ANoteBoundToPlayPausePlaysAndItsReleaseDoesNothing) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    DoorRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 10.0)));
    ASSERT_TRUE(rig.openDoor(
        R"([{"action": "play_pause", "source": {"type": "note", "channel": 1, "number": 60},
             "mode": "trigger", "press": "high"}])"));
    EXPECT_TRUE(rig.door.isOpen());
    EXPECT_TRUE(rig.door.status().startsWith("MIDI (jack): input stemdeck:control_in"))
        << rig.door.status().toStdString();
    ASSERT_NE(rig.playback.state(), audio::PlayState::Playing);
    ASSERT_TRUE(rig.peer.send({0x90, 60, 100}));
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.state() == audio::PlayState::Playing; },
                                kTimeoutMs));
    // The note off is a release: a `press: high` trigger ignores it.
    const auto before = rig.door.messageCount();
    ASSERT_TRUE(rig.peer.send({0x80, 60, 0}));
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.door.messageCount() > before; }, kTimeoutMs));
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Playing);
}

TEST(MidiDoor, CcValueZeroOnATriggerPressAnyBindingActs) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    DoorRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 10.0)));
    ASSERT_TRUE(rig.openDoor(
        R"([{"action": "play_pause", "source": {"type": "cc", "channel": 1, "number": 64},
             "mode": "trigger", "press": "any"}])"));
    ASSERT_TRUE(rig.peer.send({0xB0, 64, 0}));
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.state() == audio::PlayState::Playing; },
                                kTimeoutMs));
    ASSERT_TRUE(rig.peer.send({0xB0, 64, 127}));
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.state() == audio::PlayState::Paused; },
                                kTimeoutMs));
}

TEST(MidiDoor, ProgramChangeTwoGoesToTheThirdSongOfTheSet) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    DoorRig rig;
    rig.writeSong("A", 3.0);
    rig.writeSong("B", 3.0);
    rig.writeSong("C", 3.0);
    test::writeTextFile(rig.dir / "set.stemset",
                        R"({"songs": [{"path": "A"}, {"path": "B"}, {"path": "C"}]})");
    QString error;
    ASSERT_TRUE(rig.session.open(test::qpath(rig.dir / "set.stemset"), &error))
        << error.toStdString();
    ASSERT_TRUE(rig.openDoor("[]"));
    QSignalSpy started(&rig.player, &app::set::SetPlayer::entryStarted);
    ASSERT_TRUE(rig.peer.send({0xC0, 2}));
    ASSERT_TRUE(started.wait(kTimeoutMs));
    EXPECT_EQ(started.last().at(0).toInt(), 2);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return rig.playback.songFolder() == test::qpath(rig.dir / "C"); }, kTimeoutMs));
}

TEST(MidiDoor, TheControllersLedFollowsClickSwitchedFromAnotherDoor) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    DoorRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 10.0)));
    ASSERT_TRUE(rig.openDoor(
        R"([{"action": "click", "source": {"type": "note", "channel": 10, "number": 36},
             "mode": "toggle", "feedback": {"on": 127, "off": 0}}])"));
    ASSERT_FALSE(rig.center.state().click);
    ASSERT_TRUE(rig.run("click", control::Origin::Osc).ok());
    EXPECT_TRUE(rig.center.state().click);
    EXPECT_TRUE(rig.receives({0x99, 36, 127}));
    ASSERT_TRUE(rig.run("click", control::Origin::Osc).ok());
    EXPECT_TRUE(rig.receives({0x99, 36, 0}));
    // A state change the binding does not show sends nothing.
    ASSERT_TRUE(rig.run("lock", control::Origin::Osc).ok());
    QTest::qWait(200);
    EXPECT_TRUE(rig.peer.received().empty());
}

TEST(MidiDoor, LearnBindsTheNextCcSavesItAndTheNextCcTogglesClick) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    DoorRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 10.0)));
    ASSERT_TRUE(rig.openDoor("[]"));
    QSignalSpy learned(&rig.door, &app::MidiDoor::learned);
    ASSERT_TRUE(rig.door.startLearn("click"));
    EXPECT_TRUE(rig.door.learning());
    // A momentary footswitch: press and release within 400 ms.
    ASSERT_TRUE(rig.peer.send({0xB0, 20, 127}));
    ASSERT_TRUE(rig.peer.send({0xB0, 20, 0}));
    ASSERT_TRUE(learned.wait(kTimeoutMs));
    EXPECT_EQ(learned.last().at(0).toString(), "click");
    EXPECT_EQ(learned.last().at(1).toString(), "CC 20 ch 1");
    EXPECT_FALSE(rig.door.learning());
    EXPECT_FALSE(rig.center.state().click) << "the learning message must not act";

    ASSERT_EQ(rig.door.mapping().bindings.size(), 1u);
    const auto& binding = rig.door.mapping().bindings[0];
    EXPECT_EQ(binding.action, "click");
    EXPECT_EQ(binding.mode, midi::MidiMode::Toggle);
    EXPECT_EQ(binding.source, (midi::MidiSource{midi::MidiSource::Type::Cc, 1, 20}));
    const auto saved = midi::MidiMappingFile::load(rig.mappingFile);
    ASSERT_TRUE(saved.ok);
    ASSERT_EQ(saved.mapping.bindings.size(), 1u);
    EXPECT_EQ(saved.mapping.bindings[0].action, "click");
    EXPECT_EQ(saved.mapping.bindings[0].source, binding.source);

    ASSERT_TRUE(rig.peer.send({0xB0, 20, 127}));
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.center.state().click; }, kTimeoutMs));
    // The learned toggle shows its state on the pedal's LED.
    EXPECT_TRUE(rig.receives({0xB0, 20, 127}));
    ASSERT_TRUE(rig.peer.send({0xB0, 20, 0}));
    ASSERT_TRUE(rig.peer.send({0xB0, 20, 127}));
    EXPECT_TRUE(QTest::qWaitFor([&] { return !rig.center.state().click; }, kTimeoutMs));
}

// A latching pedal sends 127, and 0 only at its next step: no release within 400 ms makes a
// `follow` binding, whose value 0 turns the toggle off again.
TEST(MidiDoor, LearnOfALatchingPedalFollowsItsPosition) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    DoorRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 10.0)));
    ASSERT_TRUE(rig.openDoor("[]"));
    QSignalSpy learned(&rig.door, &app::MidiDoor::learned);
    ASSERT_TRUE(rig.door.startLearn("lock"));
    ASSERT_TRUE(rig.peer.send({0xB2, 30, 127}));
    ASSERT_TRUE(learned.wait(kTimeoutMs));
    EXPECT_EQ(learned.last().at(1).toString(), "CC 30 ch 3");
    ASSERT_EQ(rig.door.mapping().bindings.size(), 1u);
    EXPECT_EQ(rig.door.mapping().bindings[0].mode, midi::MidiMode::Follow);
    EXPECT_FALSE(rig.center.state().lock);
    ASSERT_TRUE(rig.peer.send({0xB2, 30, 127}));
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.center.state().lock; }, kTimeoutMs));
    ASSERT_TRUE(rig.peer.send({0xB2, 30, 0}));
    EXPECT_TRUE(QTest::qWaitFor([&] { return !rig.center.state().lock; }, kTimeoutMs));
}

TEST(MidiDoor, LearnOfAnUnknownActionIsRefused) {
    RecordingPort port;
    app::MidiDoor door(port);
    QSignalSpy problems(&door, &app::MidiDoor::problem);
    EXPECT_FALSE(door.startLearn("no.such"));
    EXPECT_FALSE(door.learning());
    ASSERT_EQ(problems.count(), 1);
    EXPECT_EQ(problems.at(0).at(0).toString(), "MIDI learn: unknown action \"no.such\"");
}

TEST(MidiDoor, WithoutAMidiSystemItIsOffWithItsNoteAndSilent) {
    if (alsaSequencer()) GTEST_SKIP() << "an ALSA sequencer is here";
    const char* saved = std::getenv("JACK_DEFAULT_SERVER");
    const std::string savedName = saved ? saved : "";
    ::setenv("JACK_DEFAULT_SERVER", "stemdeck_no_such_server", 1);
    RecordingPort port;
    bool opened = true;
    QString status;
    std::string printed;
    {
        test::StderrCapture capture;
        app::MidiDoor door(port);
        opened = door.start(app::MidiDoorConfig{"FBV Express", {}, {}, std::nullopt});
        status = door.status();
        EXPECT_FALSE(door.isOpen());
        EXPECT_FALSE(door.feedbackOpen());
        EXPECT_TRUE(door.inputPorts().empty());
        control::ControlState on;
        on.click = true;
        door.stateChanged(port.current, on);  // no port: nothing to send, nothing to break
        door.refreshFeedback();
        door.stop();
        printed = capture.text();
    }
    if (saved)
        ::setenv("JACK_DEFAULT_SERVER", savedName.c_str(), 1);
    else
        ::unsetenv("JACK_DEFAULT_SERVER");
    EXPECT_FALSE(opened);
    EXPECT_EQ(status.toStdString(),
              "No MIDI system (no ALSA sequencer, no JACK server): MIDI control is off");
    EXPECT_TRUE(port.calls.empty());
    EXPECT_EQ(printed, "");
}

// A named controller: waited for when it is not there, opened when it appears, closed when it
// goes, opened again when it comes back, and its LEDs shown the state at once each time.
TEST(MidiDoor, ANamedControllerIsReopenedWhenItComesBack) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    DoorRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 10.0)));
    ASSERT_TRUE(rig.run("click", control::Origin::Osc).ok());  // an LED to show
    fs::create_directories(rig.mappingFile.parent_path());
    test::writeTextFile(rig.mappingFile, R"({"format": "stemdeck-midi", "version": 1,
        "feedback_port": "pedalboard:in", "bindings": [
        {"action": "click", "source": {"type": "note", "channel": 10, "number": 36},
         "mode": "toggle", "feedback": true}]})");
    app::MidiDoorConfig config;
    config.input = "pedalboard";
    config.mappingPath = test::qpath(rig.mappingFile);
    config.api = MidiApi::Jack;
    EXPECT_FALSE(rig.door.start(config));
    EXPECT_EQ(rig.door.status().toStdString(),
              "MIDI (jack): MIDI input: no port named \"pedalboard\" (waiting for it), no feedback "
              "port, 1 binding");

    for (int round = 0; round < 2; ++round) {
        SCOPED_TRACE(round);
        ASSERT_TRUE(rig.peer.open("pedalboard")) << rig.peer.error();
        ASSERT_TRUE(QTest::qWaitFor([&] { return rig.door.isOpen(); }, kTimeoutMs))
            << rig.door.status().toStdString();
        EXPECT_TRUE(rig.door.feedbackOpen());
        EXPECT_TRUE(rig.door.inputPorts().contains("pedalboard:out"));
        EXPECT_TRUE(rig.receives({0x99, 36, 127})) << "the LED shows the click at once";
        // Its note toggles the click off and on again (the first cycles may carry nothing).
        bool off = false;
        for (int i = 0; i < 20 && !off; ++i) {
            ASSERT_TRUE(rig.peer.send({0x99, 36, 127}));
            off = QTest::qWaitFor([&] { return !rig.center.state().click; }, 300);
        }
        ASSERT_TRUE(off);
        ASSERT_TRUE(rig.run("click", control::Origin::Osc).ok());
        rig.peer.close();
        ASSERT_TRUE(QTest::qWaitFor([&] { return !rig.door.isOpen(); }, kTimeoutMs));
        EXPECT_TRUE(rig.door.status().contains("pedalboard went away (waiting for it)"))
            << rig.door.status().toStdString();
    }
}

// Soft takeover over JACK MIDI: a fader (CC 7, takeover pickup by default) away from the stem's
// gain moves nothing until it reaches it; after another door changed the gain it has to reach
// it again. A "jump" fader (CC 8 on the master) sets its value at once.
TEST(MidiDoor, AFaderPicksUpTheGainInsteadOfJumping) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    DoorRig rig;
    ASSERT_TRUE(rig.load(rig.writeSong("song", 10.0)));
    ASSERT_TRUE(rig.openDoor(
        R"([{"action": "stem.gain", "args": {"stem": "1"},
             "source": {"type": "cc", "channel": 1, "number": 7}, "mode": "absolute"},
            {"action": "master.gain", "source": {"type": "cc", "channel": 1, "number": 8},
             "mode": "absolute", "takeover": "jump"}])"));
    using control::midi::MidiValueLaw;
    const auto gain = [&] { return rig.center.state().stems.at(0).gainDb; };
    // Sends CC `number` = `value` and waits until the door has handled it.
    const auto fader = [&](int number, int value) {
        const std::uint64_t before = rig.door.messageCount();
        if (!rig.peer.send(
                {0xB0, static_cast<std::uint8_t>(number), static_cast<std::uint8_t>(value)}))
            return false;
        return QTest::qWaitFor([&] { return rig.door.messageCount() > before; }, kTimeoutMs);
    };
    ASSERT_DOUBLE_EQ(gain(), 0.0);  // value 102 on the fader
    for (int value : {0, 30, 60, 90}) {
        ASSERT_TRUE(fader(7, value));
        EXPECT_DOUBLE_EQ(gain(), 0.0) << "the fader at " << value << " must not jump the gain";
    }
    ASSERT_TRUE(fader(7, 110));  // crosses 102: picked up
    EXPECT_NEAR(gain(), MidiValueLaw::gainDb(110), 1e-3);
    ASSERT_TRUE(fader(7, 80));
    EXPECT_NEAR(gain(), MidiValueLaw::gainDb(80), 1e-3);

    // Another door (the window, a scene, OSC) sets -20 dB: the fader lets go.
    control::ActionCall set{
        "stem.gain", {{"stem", std::string("1")}, {"db", -20.0}}, control::Origin::Osc, 0};
    ASSERT_TRUE(rig.center.invoke(set).ok());
    const int at = MidiValueLaw::valueOfGain(-20.0);
    ASSERT_TRUE(fader(7, 81));
    EXPECT_DOUBLE_EQ(gain(), -20.0);
    ASSERT_TRUE(fader(7, at + 1));  // within a step of it
    EXPECT_NEAR(gain(), MidiValueLaw::gainDb(at + 1), 1e-3);

    // Jump: the master follows its fader's first message.
    ASSERT_DOUBLE_EQ(rig.center.state().masterDb, 0.0);
    ASSERT_TRUE(fader(8, 20));
    EXPECT_NEAR(rig.center.state().masterDb, MidiValueLaw::gainDb(20), 1e-3);
}

}  // namespace unity_MidiDoorTest
