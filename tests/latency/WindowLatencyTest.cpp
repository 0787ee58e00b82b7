// docs/design/CONTROL.md §12 through the real window: the MIDI door the MainWindow opens from
// its settings (as Settings › Controls › MIDI does) drains its messages on the GUI thread, the
// thread that also runs the window's 100 ms poll, its meters and the timeline's repaint. A raw
// libjack peer (the controller) sends a note learned onto "mute stem 1" of a playing song (a
// 1 kHz sine at -12 dBFS); the latency is from the note's JACK frame to the first audible frame
// JACK took from stemdeck (tests/support/LatencyRuns.h), judged as the doors' own measurements.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <filesystem>
#include <iostream>
#include <random>

#include "AudioFiles.h"
#include "JackMidiPeer.h"
#include "JackRecorder.h"
#include "JackServer.h"
#include "LatencyRuns.h"
#include "MidiDoorRig.h"
#include "PaintCounter.h"
#include "QtPath.h"
#include "TempDir.h"
#include "WindowRig.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/MidiDoor.h"
#include "stemdeck/remote/ControlHub.h"
#include "stemdeck/ui/LevelMeter.h"
#include "stemdeck/ui/TimelineView.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_WindowLatencyTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

constexpr int kTimeoutMs = test::kLatencyTimeoutMs;
constexpr int kRate = test::kLatencyRate;
constexpr int kRuns = test::kLatencyRuns;

control::ActionResult invoke(app::ControlCenter& center, const std::string& name,
                             std::map<std::string, control::ParamValue> args = {}) {
    control::ActionCall call;
    call.name = name;
    call.params = std::move(args);
    call.origin = control::Origin::Test;
    return center.invoke(call);
}

// The peer on the window's MIDI input; sends until a message has come through (the first
// cycles of a new connection may carry nothing on a slow machine).
::testing::AssertionResult connect(test::JackMidiPeer& peer, app::MidiDoor& door) {
    if (!peer.open()) return ::testing::AssertionFailure() << peer.error();
    if (!peer.connectTo("stemdeck:control_in"))
        return ::testing::AssertionFailure() << peer.error();
    return test::untilTheDoorHears(peer, door);
}

// Paints of every LevelMeter of the window (the stems' and the master's).
int meterPaints(const test::PaintCounter& paints) {
    int n = 0;
    for (const auto& p : paints.paints())
        if (qobject_cast<ui::LevelMeter*>(p.widget)) ++n;
    return n;
}

}  // namespace

// 50 runs: note → unmute; the test mutes again 60 ms later, through the window's ControlCenter.
// The note goes out on JACK's frame clock (the peer's exact frame), so a stem that was not
// silent shows as a latency of 0 or less. Meanwhile the window polls, meters and repaints:
// the test checks it did, or the figure would not be the window's.
TEST(WindowLatency, LearnedNoteThroughTheWindowToRecordedOutputWithinAPeriodPlusTenMs) {
    if (const char* why = test::latencySkipReason()) GTEST_SKIP() << why;
    // The wrapper's JACK period: the block the window asks PortAudio for is set to it (the
    // audio profile a user picks for that server; the default "Modern" profile's 1024 frames
    // on a 256-frame server would add three periods the target does not allow).
    const int jackPeriod = qEnvironmentVariableIntValue("STEMDECK_JACK_PERIOD");
    ASSERT_GT(jackPeriod, 0) << "with_jack.sh exports STEMDECK_JACK_PERIOD";
    test::TempDir midiDir;
    const QString mappingPath = test::qpath(midiDir / "midi" / "mapping.json");
    // MIDI on, on the virtual input, as Settings › Controls › MIDI leaves it: the window opens
    // the door when it starts.
    bool prepared = false;
    test::WindowRig rig([&](app::Settings& settings) {
        settings.setMidiEnabled(true);
        prepared =
            settings.setMidiMappingPath(mappingPath) && settings.setFramesPerBuffer(jackPeriod);
    });
    ASSERT_TRUE(prepared) << "no audio profile of " << jackPeriod << " frames";
    remote::ControlHub* hub = rig.window->controlHub();
    app::ControlCenter* center = rig.window->control();
    ASSERT_TRUE(hub && center);
    ASSERT_TRUE(hub->midiOpen()) << hub->midiStatus().toStdString();
    app::MidiDoor& door = *hub->midiDoor();

    const fs::path folder = rig.dir / "sine";
    fs::create_directories(folder);
    test::writeAudioFile(folder / "Tone.wav", {test::sine(1000.0, 0.25, kRate, 60 * kRate)}, kRate);
    ASSERT_TRUE(rig.load(folder));

    // MIDI learn as the settings' Learn button starts it: the note's press and release.
    test::JackMidiPeer peer;
    ASSERT_TRUE(connect(peer, door));
    QSignalSpy learned(&door, &app::MidiDoor::learned);
    ASSERT_TRUE(door.startLearn("stem.mute", {{"stem", std::string("1")}}));
    ASSERT_TRUE(peer.send({0x90, 60, 100}));
    ASSERT_TRUE(peer.send({0x80, 60, 0}));
    ASSERT_TRUE(learned.count() > 0 || learned.wait(kTimeoutMs));
    ASSERT_EQ(door.mapping().bindings.size(), 1u);
    ASSERT_EQ(door.mapping().bindings[0].mode, control::midi::MidiMode::Toggle);

    ASSERT_TRUE(invoke(*center, "stem.mute", {{"stem", std::string("1")}, {"on", true}}).ok());
    ASSERT_TRUE(invoke(*center, "play").ok());
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback().state() == audio::PlayState::Playing; },
                                kTimeoutMs));
    QTest::qWait(300);  // the meters and the timeline are moving

    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    ASSERT_NE(timeline, nullptr);
    test::PaintCounter paints;  // every widget of the application
    QSignalSpy polls(&rig.playback(), &app::PlaybackManager::positionChanged);
    test::JackRecorder recorder(60.0);
    ASSERT_TRUE(recorder.start()) << recorder.error();
    ASSERT_TRUE(QTest::qWaitFor([&] { return recorder.frames() > 0; }, kTimeoutMs));
    const int period = recorder.jack().periodFrames();
    const int rate = recorder.sampleRate();
    ASSERT_GT(period, 0);

    std::mt19937 random(13);
    std::vector<std::uint32_t> sentAt;
    for (int run = 0; run < kRuns; ++run) {
        QTest::qWait(100);  // the mute's ramp is over: silence before the note
        // Anywhere in JACK's cycle and in the window's poll: the GUI thread's moment varies.
        QTest::qWait(20 + static_cast<int>(random() % 11));
        const unsigned before = peer.sentCount();
        ASSERT_TRUE(peer.send({0x90, 60, 100}));
        ASSERT_TRUE(QTest::qWaitFor([&] { return peer.sentCount() > before; }, kTimeoutMs));
        sentAt.push_back(peer.lastSentFrame());
        ASSERT_TRUE(QTest::qWaitFor([&] { return !center->state().stems.at(0).mute; }, kTimeoutMs))
            << run;
        QTest::qWait(60);
        ASSERT_TRUE(invoke(*center, "stem.mute", {{"stem", std::string("1")}, {"on", true}}).ok());
    }
    QTest::qWait(50);
    recorder.stop();
    ASSERT_EQ(rig.playback().state(), audio::PlayState::Playing);

    // The window did its normal work through the runs (about 10 s): the 100 ms poll, the
    // meters rising and falling with each unmute, the playhead's repaint.
    EXPECT_GT(polls.count(), 50);
    EXPECT_GT(meterPaints(paints), 2 * kRuns) << paints.describe();
    int timelinePaints = 0;
    for (const auto& p : paints.paints())
        if (p.widget == timeline->viewport()) ++timelinePaints;
    EXPECT_GT(timelinePaints, 50);

    const test::LatencyRuns runs = test::measureLatencies(recorder, sentAt, false);
    test::expectWithinAPeriodPlusTenMs(runs, "MIDI note through the window", period, rate, true);
    peer.close();
}

}  // namespace unity_WindowLatencyTest
