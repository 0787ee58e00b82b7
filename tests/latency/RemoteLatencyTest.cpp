// docs/design/CONTROL.md §12 for the network doors: a real OSC packet (UDP) and a real HTTP
// POST on 127.0.0.1 unmute the one stem of a playing song (a 1 kHz sine at -12 dBFS); the
// latency is from the moment the bytes went to the kernel to the first audible frame JACK took
// from stemdeck, both on JACK's frame clock (jack_frame_time when sending, the recorder's frame
// time of each stretch of cycles). Runs near a cycle JACK missed are left out, as in the MIDI
// door's measurement (MidiDoorLatencyTest.cpp).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <jack/jack.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <iostream>
#include <random>

#include "AudioFiles.h"
#include "JackRecorder.h"
#include "JackServer.h"
#include "LatencyRuns.h"
#include "OscTestSupport.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/LockState.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/remote/HttpDoor.h"
#include "stemdeck/remote/OscDoor.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_RemoteLatencyTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

constexpr int kTimeoutMs = test::kLatencyTimeoutMs;
constexpr int kRate = test::kLatencyRate;
constexpr int kRuns = test::kLatencyRuns;
const char* const kToken = "latency-token";

// A JACK client of its own only to read JACK's frame clock at the moment a packet is sent.
class JackClock {
  public:
    JackClock() {
        jack_status_t status{};
        client_ = jack_client_open("latency_clock", JackNoStartServer, &status);
        if (client_ && jack_activate(client_) != 0) {
            jack_client_close(client_);
            client_ = nullptr;
        }
    }
    ~JackClock() {
        if (client_) jack_client_close(client_);
    }
    JackClock(const JackClock&) = delete;
    JackClock& operator=(const JackClock&) = delete;
    bool open() const { return client_ != nullptr; }
    std::uint32_t now() const { return jack_frame_time(client_); }

  private:
    jack_client_t* client_ = nullptr;
};

sockaddr_in loopback(quint16 port) {
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return to;
}

struct LatencyRig {
    test::TempDir dir;
    audio::Engine engine;
    app::PlaybackManager playback{engine};
    app::MarkerStore store{test::qpath(dir / "markers")};
    app::SongMarkers markers{playback, store};
    app::SectionVamp vamp{playback, markers};
    app::LockState lock;
    app::ControlCenter center{
        app::AppParts{playback, &markers, &vamp, nullptr, nullptr, nullptr, &lock}};
    remote::OscDoor osc{center};
    remote::HttpDoor http{center};
    JackClock clock;

    LatencyRig() {
        playback.openOutput({});
        EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
    }
    ::testing::AssertionResult playMutedSine() {
        const fs::path folder = dir / "sine";
        fs::create_directories(folder);
        test::writeAudioFile(folder / "Tone.wav", {test::sine(1000.0, 0.25, kRate, 60 * kRate)},
                             kRate);
        QSignalSpy loaded(&playback, &app::PlaybackManager::songLoaded);
        playback.openSong(test::qpath(folder));
        if (!loaded.wait(kTimeoutMs)) return ::testing::AssertionFailure() << "no song";
        if (!mute().ok()) return ::testing::AssertionFailure() << "the stem did not mute";
        control::ActionCall play{"play", {}, control::Origin::Test, 0};
        if (!center.invoke(play).ok()) return ::testing::AssertionFailure() << "no play";
        if (!QTest::qWaitFor([&] { return playback.state() == audio::PlayState::Playing; },
                             kTimeoutMs))
            return ::testing::AssertionFailure() << "it did not play";
        return ::testing::AssertionSuccess();
    }
    control::ActionResult mute() {
        control::ActionCall call{
            "stem.mute", {{"stem", std::string("1")}, {"on", true}}, control::Origin::Test, 0};
        return center.invoke(call);
    }
};

// One run's sender: gets ready (a connection), then sends at a moment it returns on JACK's
// frame clock; `finish` checks the reply once the action has run.
struct Sender {
    std::function<bool()> prepare;
    std::function<bool()> send;
    std::function<bool()> finish;
};

// Sends the unmute kRuns times through `sender`, records what JACK took, prints the figures
// and checks p95 against one device buffer + 10 ms.
void measure(LatencyRig& rig, const std::string& door, Sender& sender,
             std::vector<std::uint32_t>& sentAt) {
    ASSERT_TRUE(rig.playMutedSine());
    test::JackRecorder recorder(60.0);
    ASSERT_TRUE(recorder.start()) << recorder.error();
    ASSERT_TRUE(QTest::qWaitFor([&] { return recorder.frames() > 0; }, kTimeoutMs));
    const int period = recorder.jack().periodFrames();
    const int rate = recorder.sampleRate();
    ASSERT_GT(period, 0);

    std::mt19937 random(13);
    for (int run = 0; run < kRuns; ++run) {
        ASSERT_TRUE(sender.prepare()) << run;
        QTest::qWait(100);  // the mute's ramp is over: silence before the packet
        // Anywhere in JACK's cycle: the control thread's moment is what varies.
        QTest::qWait(20 + static_cast<int>(random() % 11));
        sentAt.push_back(rig.clock.now());
        ASSERT_TRUE(sender.send()) << run;
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return !rig.center.state().stems.at(0).mute; }, kTimeoutMs))
            << run;
        ASSERT_TRUE(sender.finish()) << run;
        QTest::qWait(60);
        ASSERT_TRUE(rig.mute().ok());
    }
    QTest::qWait(50);
    recorder.stop();
    ASSERT_EQ(rig.playback.state(), audio::PlayState::Playing);

    const test::LatencyRuns runs = test::measureLatencies(recorder, sentAt, true);
    test::expectWithinAPeriodPlusTenMs(runs, door, period, rate, false);
}

}  // namespace

TEST(RemoteLatency, OscPacketToRecordedOutputWithinAPeriodPlusTenMs) {
    if (const char* why = test::latencySkipReason()) GTEST_SKIP() << why;
    LatencyRig rig;
    ASSERT_TRUE(rig.clock.open());
    QString error;
    ASSERT_TRUE(rig.osc.start(QHostAddress::LocalHost, 0, &error)) << error.toStdString();
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    ASSERT_GE(fd, 0);
    const std::vector<char> packet = test::encoded("/stemdeck/stem/1/mute", {false});
    const sockaddr_in to = loopback(rig.osc.port());
    Sender sender{[] { return true; },
                  [&] {
                      return ::sendto(fd, packet.data(), packet.size(), 0,
                                      reinterpret_cast<const sockaddr*>(&to),
                                      sizeof to) == static_cast<ssize_t>(packet.size());
                  },
                  [] { return true; }};
    std::vector<std::uint32_t> sentAt;
    measure(rig, "OSC packet", sender, sentAt);
    ::close(fd);
}

TEST(RemoteLatency, HttpPostToRecordedOutputWithinAPeriodPlusTenMs) {
    if (const char* why = test::latencySkipReason()) GTEST_SKIP() << why;
    LatencyRig rig;
    ASSERT_TRUE(rig.clock.open());
    QString error;
    ASSERT_TRUE(rig.http.start(QHostAddress::LocalHost, 0, kToken, {}, &error))
        << error.toStdString();
    const std::string body = R"({"stem": "1", "on": false})";
    const std::string request =
        "POST /api/action/stem.mute HTTP/1.1\r\nHost: 127.0.0.1:" +
        std::to_string(rig.http.port()) + "\r\nAuthorization: Bearer " + kToken +
        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\nConnection: close\r\n\r\n" + body;
    int fd = -1;
    // A new connection each run, made (and accepted by the door's event loop) before the
    // moment: a phone keeps its connection open.
    Sender sender{[&] {
                      fd = ::socket(AF_INET, SOCK_STREAM, 0);
                      const sockaddr_in to = loopback(rig.http.port());
                      return fd >= 0 &&
                             ::connect(fd, reinterpret_cast<const sockaddr*>(&to), sizeof to) == 0;
                  },
                  [&] {
                      return ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
                             static_cast<ssize_t>(request.size());
                  },
                  [&] {
                      std::string answer;
                      char buffer[512];
                      (void)QTest::qWaitFor(
                          [&] {
                              const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
                              if (n > 0) answer.append(buffer, static_cast<std::size_t>(n));
                              return answer.find("\r\n\r\n") != std::string::npos;
                          },
                          kTimeoutMs);
                      ::close(fd);
                      fd = -1;
                      EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
                      return answer.rfind("HTTP/1.1 200", 0) == 0;
                  }};
    std::vector<std::uint32_t> sentAt;
    measure(rig, "HTTP POST", sender, sentAt);
    if (fd >= 0) ::close(fd);
}

}  // namespace unity_RemoteLatencyTest
