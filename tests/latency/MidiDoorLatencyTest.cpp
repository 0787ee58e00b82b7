// The MIDI door's latency (docs/design/CONTROL.md §12), driven from the test's event loop:
// the door on the shared playback rig (MidiDoorRig.h), a raw libjack peer as the controller.
// The same note through the real window is WindowLatencyTest.cpp.
#include <gtest/gtest.h>

#include <QTest>
#include <filesystem>
#include <iostream>
#include <random>

#include "AudioFiles.h"
#include "JackRecorder.h"
#include "JackServer.h"
#include "LatencyRuns.h"
#include "MidiDoorRig.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiDoorLatencyTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

constexpr int kTimeoutMs = test::kLatencyTimeoutMs;
constexpr int kRate = test::kLatencyRate;

}  // namespace

// docs/design/CONTROL.md §12: a MIDI note → the first audible frame JACK takes from stemdeck,
// both on JACK's frame clock (the peer notes the frame it sent at, the recorder the frame time
// of each stretch of cycles it got). The note unmutes the one stem (a 1 kHz sine at -12 dBFS) of a
// playing song, 40 times: a note on play_pause from a pause would also time PortAudio starting its
// stream again (the engine stops it once silent), which drops the recorder's connections.
// Runs near a cycle JACK missed are left out.
TEST(MidiDoorLatency, NoteToRecordedOutputWithinAPeriodPlusTenMs) {
    if (const char* why = test::latencySkipReason()) GTEST_SKIP() << why;
    test::MidiDoorRig rig;
    const fs::path folder = rig.dir / "sine";
    fs::create_directories(folder);
    test::writeAudioFile(folder / "Tone.wav", {test::sine(1000.0, 0.25, kRate, 60 * kRate)}, kRate);
    ASSERT_TRUE(rig.load(folder));
    ASSERT_TRUE(rig.openDoor(
        R"([{"action": "stem.mute", "args": {"stem": "1"},
             "source": {"type": "note", "channel": 1, "number": 60}, "mode": "toggle"}])"));
    control::ActionCall mute{
        "stem.mute", {{"stem", std::string("1")}, {"on", true}}, control::Origin::Test, 0};
    ASSERT_TRUE(rig.center.invoke(mute).ok());
    ASSERT_TRUE(rig.run("play", control::Origin::Test).ok());
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback.state() == audio::PlayState::Playing; },
                                kTimeoutMs));
    test::JackRecorder recorder(60.0);
    ASSERT_TRUE(recorder.start()) << recorder.error();
    ASSERT_TRUE(QTest::qWaitFor([&] { return recorder.frames() > 0; }, kTimeoutMs));
    const int period = recorder.jack().periodFrames();
    const int rate = recorder.sampleRate();
    ASSERT_GT(period, 0);

    constexpr int kRuns = 40;
    std::mt19937 random(13);
    std::vector<std::uint32_t> sentAt;
    for (int run = 0; run < kRuns; ++run) {
        QTest::qWait(100);  // the mute's ramp is over: silence before the note
        // Anywhere in JACK's cycle: the control thread's moment is what varies.
        QTest::qWait(20 + static_cast<int>(random() % 11));
        const unsigned before = rig.peer.sentCount();
        ASSERT_TRUE(rig.peer.send({0x90, 60, 100}));
        ASSERT_TRUE(QTest::qWaitFor([&] { return rig.peer.sentCount() > before; }, kTimeoutMs));
        sentAt.push_back(rig.peer.lastSentFrame());
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return !rig.center.state().stems.at(0).mute; }, kTimeoutMs))
            << run;
        QTest::qWait(60);
        ASSERT_TRUE(rig.center.invoke(mute).ok());
    }
    QTest::qWait(50);
    recorder.stop();
    ASSERT_EQ(rig.playback.state(), audio::PlayState::Playing);

    const test::LatencyRuns runs = test::measureLatencies(recorder, sentAt, false);
    test::expectWithinAPeriodPlusTenMs(runs, "MIDI note", period, rate, true);
}

}  // namespace unity_MidiDoorLatencyTest
