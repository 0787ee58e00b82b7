// docs/design/CONTROL.md §12 through a real `stemdeck-cli serve` process: its MIDI door on a
// virtual input with a mapping file (--midi virtual --midi-map), its output on the wrapper's
// JACK server at a device buffer of JACK's period (--block), started and muted again over its
// OSC door. A raw libjack peer (the pedal) sends the note bound to "mute stem 1" (toggle); the
// latency is from the note's JACK frame to the first audible frame JACK took from serve
// (tests/support/LatencyRuns.h), judged as the doors' and the window's measurements are.
#include <gtest/gtest.h>

#include <QTest>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <variant>

#include "AudioFiles.h"
#include "CliProcess.h"
#include "FileBytes.h"
#include "JackMidiPeer.h"
#include "JackRecorder.h"
#include "JackServer.h"
#include "LatencyRuns.h"
#include "OscTestSupport.h"
#include "TempDir.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ServeLatencyTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

constexpr int kTimeoutMs = test::kLatencyTimeoutMs;
constexpr int kRate = test::kLatencyRate;
constexpr int kRuns = test::kLatencyRuns;

bool flagSays(const control::osc::OscMessage& m, bool on) {
    if (m.args.empty()) return false;
    const auto* value = std::get_if<std::int32_t>(&m.args.front());
    return value && *value == (on ? 1 : 0);
}

// Runs the event loop until a message the client received after the first `from` is a push
// of the stem's mute (/stemdeck/stem/<name>/mute i) saying `on`.
bool muteSays(test::OscClient& client, std::size_t from, bool on, int ms = kTimeoutMs) {
    const std::string lead = "/stemdeck/stem/", tail = "/mute";
    return QTest::qWaitFor(
        [&] {
            client.settle(0);
            for (std::size_t i = from; i < client.received.size(); ++i) {
                const std::string& a = client.received[i].address;
                if (a.rfind(lead, 0) == 0 && a.size() > tail.size() &&
                    a.compare(a.size() - tail.size(), tail.size(), tail) == 0 &&
                    flagSays(client.received[i], on))
                    return true;
            }
            return false;
        },
        ms);
}

bool playingSays(test::OscClient& client, std::size_t from) {
    return QTest::qWaitFor(
        [&] {
            client.settle(0);
            for (std::size_t i = from; i < client.received.size(); ++i)
                if (client.received[i].address == "/stemdeck/state/playing" &&
                    flagSays(client.received[i], true))
                    return true;
            return false;
        },
        kTimeoutMs);
}

}  // namespace

// 50 runs: note → unmute (toggle); 60 ms later the test mutes again over OSC. The OSC door's
// pushes (the test subscribes) say when each change took, so no run waits on a guess. The note
// goes out on JACK's frame clock (the peer's exact frame), so a stem that was not silent shows
// as a latency of 0 or less.
TEST(ServeLatency, NoteThroughServeToRecordedOutputWithinItsBufferPlusTenMs) {
    if (const char* why = test::latencySkipReason()) GTEST_SKIP() << why;
    // serve's device buffer is --block (default 256 frames): set to JACK's period, as a user
    // matches it to the server (a 256-frame buffer on a 1024-frame server, or the reverse,
    // adds PortAudio's own buffering that the target does not allow).
    const int jackPeriod = qEnvironmentVariableIntValue("STEMDECK_JACK_PERIOD");
    ASSERT_GT(jackPeriod, 0) << "with_jack.sh exports STEMDECK_JACK_PERIOD";
    test::TempDir dir;
    const fs::path folder = dir / "sine";
    fs::create_directories(folder);
    test::writeAudioFile(folder / "Tone.wav", {test::sine(1000.0, 0.25, kRate, 40 * kRate)}, kRate);
    const fs::path map = dir / "pedal.json";
    test::writeTextFile(map, R"({"format": "stemdeck-midi", "version": 1, "bindings": [
        {"action": "stem.mute", "args": {"stem": "1"},
         "source": {"type": "note", "channel": 1, "number": 60}, "mode": "toggle"}]})");

    test::CliProcess serve({"serve", folder.string(), "--osc", "0", "--midi", "virtual",
                            "--midi-map", map.string(), "--block", std::to_string(jackPeriod)});
    ASSERT_TRUE(serve.waitForErr("Ctrl-C or SIGTERM stops")) << test::readFile(serve.errPath());
    ASSERT_TRUE(serve.waitForErr("song: ")) << "the song never loaded";
    const int port = test::printedOscPort(test::readFile(serve.errPath()));
    ASSERT_GT(port, 0) << test::readFile(serve.errPath());
    test::OscClient client;
    client.send(test::encoded("/stemdeck/subscribe"), static_cast<quint16>(port));

    // The pedal on serve's virtual input: the first note mutes the stem (it starts unmuted).
    // Sent until it is heard: a new connection's first cycles may carry nothing.
    test::JackMidiPeer peer;
    ASSERT_TRUE(peer.open("pedal")) << peer.error();
    ASSERT_TRUE(peer.connectTo("stemdeck:control_in")) << peer.error();
    bool muted = false;
    for (int i = 0; i < 20 && !muted; ++i) {
        const std::size_t from = client.received.size();
        ASSERT_TRUE(peer.send({0x90, 60, 100}));
        muted = muteSays(client, from, true, 500);
    }
    ASSERT_TRUE(muted) << "no note came through: " << test::readFile(serve.errPath());

    std::size_t from = client.received.size();
    client.send(test::encoded("/stemdeck/play"), static_cast<quint16>(port));
    ASSERT_TRUE(playingSays(client, from));
    QTest::qWait(100);  // the stream has settled into its cycles

    test::JackRecorder recorder(40.0);
    ASSERT_TRUE(recorder.start()) << recorder.error();
    ASSERT_TRUE(QTest::qWaitFor([&] { return recorder.frames() > 0; }, kTimeoutMs));
    const int period = recorder.jack().periodFrames();
    const int rate = recorder.sampleRate();
    ASSERT_EQ(period, jackPeriod);

    std::mt19937 random(13);
    std::vector<std::uint32_t> sentAt;
    for (int run = 0; run < kRuns; ++run) {
        QTest::qWait(100);  // the mute's ramp is over: silence before the note
        // Anywhere in JACK's cycle: serve's control thread's moment is what varies.
        QTest::qWait(20 + static_cast<int>(random() % 11));
        const unsigned before = peer.sentCount();
        from = client.received.size();
        ASSERT_TRUE(peer.send({0x90, 60, 100}));
        ASSERT_TRUE(QTest::qWaitFor([&] { return peer.sentCount() > before; }, kTimeoutMs));
        sentAt.push_back(peer.lastSentFrame());
        ASSERT_TRUE(muteSays(client, from, false)) << run;
        QTest::qWait(60);
        from = client.received.size();
        client.send(test::encoded("/stemdeck/stem/1/mute", {std::int32_t{1}}),
                    static_cast<quint16>(port));
        ASSERT_TRUE(muteSays(client, from, true)) << run;
    }
    QTest::qWait(50);
    recorder.stop();

    const test::LatencyRuns runs = test::measureLatencies(recorder, sentAt, false);
    test::expectWithinAPeriodPlusTenMs(runs, "MIDI note through stemdeck-cli serve", period, rate,
                                       true);
    peer.close();
    serve.signal(SIGTERM);
    const test::CliResult r = serve.wait();
    EXPECT_EQ(r.status, 143) << r.err;
}

}  // namespace unity_ServeLatencyTest
