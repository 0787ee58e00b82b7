// `stemdeck-cli serve`, run as a user would on the JACK dummy server (with_jack.sh): what it
// announces, how it stops on a signal, and a bad song.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "AudioFiles.h"
#include "CliProcess.h"
#include "JackMidiPeer.h"
#include "TempDir.h"
#include "stemdeck/control/osc/OscCodec.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_CliServeTest {

namespace fs = std::filesystem;
using namespace stemdeck;
using test::CliProcess;
using test::CliResult;

namespace {

using Clock = std::chrono::steady_clock;

// A signalled serve ends within a second; a sanitizer's own end-of-process work (TSan's
// report pass, ASan's leak check) adds to that, measured at up to 1.04 s under TSan.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr double kStopSeconds = 3.0;
#else
constexpr double kStopSeconds = 1.0;
#endif

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// An OSC client on 127.0.0.1, as TouchOSC or Companion would be: plain UDP, a free port.
class OscClient {
  public:
    OscClient() {
        fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in self{};
        self.sin_family = AF_INET;
        self.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<const sockaddr*>(&self), sizeof self);
        timeval wait{0, 200000};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    }
    ~OscClient() { ::close(fd_); }
    OscClient(const OscClient&) = delete;
    OscClient& operator=(const OscClient&) = delete;

    int port() const {
        sockaddr_in self{};
        socklen_t size = sizeof self;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&self), &size);
        return ntohs(self.sin_port);
    }
    void send(int port, const std::string& address, std::vector<control::osc::OscArg> args = {}) {
        const std::vector<char> bytes =
            control::osc::encodeMessage(control::osc::makeMessage(address, std::move(args)));
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        to.sin_port = htons(static_cast<std::uint16_t>(port));
        ::sendto(fd_, bytes.data(), bytes.size(), 0, reinterpret_cast<const sockaddr*>(&to),
                 sizeof to);
    }
    // The messages of the next datagram (empty after 200 ms without one).
    std::vector<control::osc::OscMessage> receive() {
        char buffer[65536];
        const ssize_t size = ::recv(fd_, buffer, sizeof buffer, 0);
        if (size <= 0) return {};
        return control::osc::decodeDatagram(buffer, static_cast<std::size_t>(size)).messages;
    }

  private:
    int fd_ = -1;
};

// One HTTP/1.1 request to 127.0.0.1:port with plain sockets, as curl would send it; the whole
// answer (the server closes idle connections after its deadline, so read until the body is in).
std::string http(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval wait{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    std::string answer;
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&to), sizeof to) == 0 &&
        ::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
        char buffer[4096];
        for (;;) {
            const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
            if (got <= 0) break;
            answer.append(buffer, static_cast<std::size_t>(got));
            const auto end = answer.find("\r\n\r\n");
            const auto length = answer.find("Content-Length: ");
            if (end != std::string::npos && length != std::string::npos &&
                answer.size() >= end + 4 + std::stoul(answer.substr(length + 16)))
                break;
        }
    }
    ::close(fd);
    return answer;
}

std::string httpGet(int port, const std::string& target, const std::string& token) {
    return http(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                          (token.empty() ? "" : "Authorization: Bearer " + token + "\r\n") +
                          "\r\n");
}

// What serve printed after `lead`, up to the end of that line.
std::string printedAfter(const std::string& err, const std::string& lead) {
    const auto at = err.find(lead);
    if (at == std::string::npos) return {};
    return err.substr(at + lead.size(), err.find('\n', at) - at - lead.size());
}

bool saysPlaying(const std::vector<control::osc::OscMessage>& messages, bool playing) {
    for (const auto& message : messages)
        if (message.address == "/stemdeck/state/playing" && !message.args.empty())
            if (const auto* value = std::get_if<std::int32_t>(&message.args.front()))
                return *value == (playing ? 1 : 0);
    return false;
}

// Asks the served state until it says `playing` (`limit` at most).
bool stateSays(OscClient& client, int port, bool playing,
               std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    const auto until = Clock::now() + limit;
    while (Clock::now() < until) {
        client.send(port, "/stemdeck/state");
        for (auto reply = client.receive(); !reply.empty(); reply = client.receive())
            if (saysPlaying(reply, playing)) return true;
    }
    return false;
}

}  // namespace

// Ctrl-C and SIGTERM end a serving process within a second, with the conventional status.
TEST(CliServe, ASignalStopsItWithinASecond) {
    if (!test::jackRunning()) GTEST_SKIP() << "needs the JACK dummy server (with_jack.sh)";
    for (const int signal : {SIGINT, SIGTERM}) {
        CliProcess serve({"serve", test::demoSong()});
        ASSERT_TRUE(serve.waitForErr("Ctrl-C or SIGTERM stops")) << serve.wait().err;
        const auto sent = Clock::now();
        serve.signal(signal);
        const CliResult r = serve.wait();
        EXPECT_LT(secondsSince(sent), kStopSeconds);
        EXPECT_EQ(r.status, 128 + signal) << r.err;
        EXPECT_NE(r.err.find("serving " + test::demoSong() + " on "), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
    }
}

TEST(CliServe, AMissingSongOrSetIsOneLine) {
    test::TempDir dir;
    test::expectOneLineError(test::runCli({"serve", (dir / "nothing").string()}),
                             "no song folder " + (dir / "nothing").string());
    test::expectOneLineError(test::runCli({"serve", (dir / "gone.stemset").string()}),
                             "no set file " + (dir / "gone.stemset").string());
}

TEST(CliServe, ABadOscPortIsAUsageError) {
    const CliResult r = test::runCli({"serve", test::demoSong(), "--osc", "70000"});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("--osc"), std::string::npos) << r.err;
}

// A remote on the OSC door starts and pauses the song; a wrong address is answered to it alone
// and the door carries on.
TEST(CliServe, AnOscClientDrivesTheTransportAndHearsTheState) {
    if (!test::jackRunning()) GTEST_SKIP() << "needs the JACK dummy server (with_jack.sh)";
    CliProcess serve({"serve", test::demoSong(), "--osc", "0"});
    ASSERT_TRUE(serve.waitForErr("Ctrl-C or SIGTERM stops")) << serve.wait().err;
    ASSERT_TRUE(serve.waitForErr("song: ")) << "the song never loaded";
    const int port = test::printedOscPort(test::readFile(serve.errPath()));
    ASSERT_GT(port, 0) << test::readFile(serve.errPath());
    OscClient client;
    EXPECT_TRUE(stateSays(client, port, false)) << "served paused until asked";
    client.send(port, "/stemdeck/play");
    EXPECT_TRUE(stateSays(client, port, true));
    client.send(port, "/stemdeck/no/such/thing");
    bool answered = false;
    for (auto reply = client.receive(); !reply.empty() && !answered; reply = client.receive())
        for (const auto& message : reply)
            answered = answered || message.address == "/stemdeck/error";
    EXPECT_TRUE(answered) << "an unknown address is answered with /stemdeck/error";
    client.send(port, "/stemdeck/pause");
    EXPECT_TRUE(stateSays(client, port, false));

    serve.signal(SIGTERM);
    const CliResult r = serve.wait();
    EXPECT_EQ(r.status, 143) << r.err;
}

// A port another program holds: one line, exit 1, nothing left running.
TEST(CliServe, AnOscPortInUseIsOneLine) {
    if (!test::jackRunning()) GTEST_SKIP() << "needs the JACK dummy server (with_jack.sh)";
    OscClient holder;
    const CliResult r =
        test::runCli({"serve", test::demoSong(), "--osc", std::to_string(holder.port())});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("stemdeck-cli: error: OSC: "), std::string::npos) << r.err;
}

// The web remote of a headless player: printed address and tokens (random when not given),
// 401 without the token, the read-only token refused actions, the full one starting playback.
TEST(CliServe, TheWebRemoteDrivesTheTransportWithItsToken) {
    if (!test::jackRunning()) GTEST_SKIP() << "needs the JACK dummy server (with_jack.sh)";
    CliProcess serve(
        {"serve", test::demoSong(), "--http", "0", "--token", "stage-token-1", "--qr"});
    ASSERT_TRUE(serve.waitForErr("Ctrl-C or SIGTERM stops")) << serve.wait().err;
    ASSERT_TRUE(serve.waitForErr("song: ")) << "the song never loaded";
    const std::string err = test::readFile(serve.errPath());
    const std::string url = printedAfter(err, "web remote on http://127.0.0.1:");
    const int port = std::atoi(url.c_str());
    ASSERT_GT(port, 0) << err;
    EXPECT_NE(url.find("/?token=stage-token-1"), std::string::npos) << err;
    EXPECT_EQ(printedAfter(err, "token: "), "stage-token-1");
    const std::string readToken = printedAfter(err, "read-only token: ");
    EXPECT_EQ(readToken.size(), 22u) << "a random 128-bit token: " << err;
    EXPECT_NE(err.find("\n█████"), std::string::npos) << "--qr draws a QR code: " << err;

    EXPECT_EQ(httpGet(port, "/api/state", "").rfind("HTTP/1.1 401", 0), 0u);
    const std::string state = httpGet(port, "/api/state", readToken);
    EXPECT_EQ(state.rfind("HTTP/1.1 200", 0), 0u) << state;
    EXPECT_NE(state.find("\"playing\":false"), std::string::npos) << state;
    const auto post = [&](const std::string& token) {
        return http(port,
                    "POST /api/action/play HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Authorization: Bearer " +
                        token + "\r\nContent-Length: 0\r\n\r\n");
    };
    EXPECT_EQ(post(readToken).rfind("HTTP/1.1 403", 0), 0u);
    EXPECT_EQ(post("stage-token-1").rfind("HTTP/1.1 200", 0), 0u);
    bool playing = false;
    for (int i = 0; i < 50 && !playing; ++i) {
        playing = httpGet(port, "/api/state", "stage-token-1").find("\"playing\":true") !=
                  std::string::npos;
        if (!playing) ::usleep(100000);
    }
    EXPECT_TRUE(playing);

    const auto sent = Clock::now();
    serve.signal(SIGINT);
    const CliResult r = serve.wait();
    EXPECT_LT(secondsSince(sent), kStopSeconds);
    EXPECT_EQ(r.status, 130) << r.err;
}

TEST(CliServe, ABadTokenIsAUsageError) {
    const CliResult r = test::runCli({"serve", test::demoSong(), "--http", "0", "--token", "a b"});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("--token"), std::string::npos) << r.err;
}

// A pedal on serve's MIDI door (a virtual input, its mapping file): a CC with value 0 plays the
// song; the door's status line is printed.
TEST(CliServe, AMidiPedalPlaysTheServedSong) {
    if (!test::jackRunning()) GTEST_SKIP() << "needs the JACK dummy server (with_jack.sh)";
    test::TempDir dir;
    const fs::path map = dir / "pedal.json";
    test::writeTextFile(map, R"({"format": "stemdeck-midi", "version": 1, "bindings": [
        {"action": "play", "source": {"type": "cc", "channel": 1, "number": 64},
         "mode": "trigger", "press": "any"}]})");
    CliProcess serve(
        {"serve", test::demoSong(), "--osc", "0", "--midi", "virtual", "--midi-map", map.string()});
    ASSERT_TRUE(serve.waitForErr("Ctrl-C or SIGTERM stops")) << serve.wait().err;
    ASSERT_TRUE(serve.waitForErr("song: ")) << "the song never loaded";
    const std::string printed = test::readFile(serve.errPath());
    EXPECT_NE(printed.find("MIDI (jack): input stemdeck:control_in, feedback "
                           "stemdeck-feedback:feedback_out, 1 binding"),
              std::string::npos)
        << printed;
    const int port = test::printedOscPort(printed);
    ASSERT_GT(port, 0) << printed;
    OscClient client;
    EXPECT_TRUE(stateSays(client, port, false));
    test::JackMidiPeer pedal;
    ASSERT_TRUE(pedal.open("pedal")) << pedal.error();
    ASSERT_TRUE(pedal.connectTo("stemdeck:control_in")) << pedal.error();
    // `play` twice is still playing: sent until it is heard (a new connection's first cycles
    // may carry nothing on a slow machine).
    bool playing = false;
    for (int i = 0; i < 20 && !playing; ++i) {
        ASSERT_TRUE(pedal.send({0xB0, 64, 0}));
        playing = stateSays(client, port, true, std::chrono::milliseconds(1000));
    }
    EXPECT_TRUE(playing);
    serve.signal(SIGTERM);
    const CliResult r = serve.wait();
    EXPECT_EQ(r.status, 143) << r.err;
}

// --clock-out: a synth (a raw JACK MIDI input) named in part gets Start and ticks when the
// song plays, and Stop when it pauses.
TEST(CliServe, ClockOutFollowsTheServedSong) {
    if (!test::jackRunning()) GTEST_SKIP() << "needs the JACK dummy server (with_jack.sh)";
    test::JackMidiPeer synth;
    ASSERT_TRUE(synth.open("clock_synth")) << synth.error();
    CliProcess serve({"serve", test::demoSong(), "--osc", "0", "--clock-out", "clock_synth"});
    ASSERT_TRUE(serve.waitForErr("Ctrl-C or SIGTERM stops")) << serve.wait().err;
    ASSERT_TRUE(serve.waitForErr("song: ")) << "the song never loaded";
    const std::string printed = test::readFile(serve.errPath());
    EXPECT_NE(printed.find("MIDI clock out: stemdeck-clock:clock_out → clock_synth:in"),
              std::string::npos)
        << printed;
    const int port = test::printedOscPort(printed);
    ASSERT_GT(port, 0) << printed;
    OscClient client;
    EXPECT_TRUE(stateSays(client, port, false));
    EXPECT_TRUE(synth.received().empty()) << "nothing while the song stands";
    client.send(port, "/stemdeck/play");
    EXPECT_TRUE(stateSays(client, port, true));
    std::vector<std::vector<std::uint8_t>> heard;
    for (int i = 0; i < 100 && heard.size() < 20; ++i) {
        for (auto& m : synth.received()) heard.push_back(m);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_GE(heard.size(), 20u) << "ticks while playing";
    EXPECT_EQ(heard.front(), (std::vector<std::uint8_t>{0xFA})) << "Start first";
    EXPECT_EQ(heard[1], (std::vector<std::uint8_t>{0xF8}));
    client.send(port, "/stemdeck/pause");
    EXPECT_TRUE(stateSays(client, port, false));
    bool stopped = false;
    for (int i = 0; i < 50 && !stopped; ++i) {
        for (auto& m : synth.received()) stopped = stopped || m == std::vector<std::uint8_t>{0xFC};
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_TRUE(stopped) << "Stop on pause";
    serve.signal(SIGTERM);
    const CliResult r = serve.wait();
    EXPECT_EQ(r.status, 143) << r.err;
}

TEST(CliServe, AnEmptyClockOutIsAUsageError) {
    const CliResult r = test::runCli({"serve", test::demoSong(), "--clock-out", ""});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("--clock-out needs a port name"), std::string::npos) << r.err;
}

TEST(CliServe, AMidiMapWithoutMidiIsAUsageError) {
    const CliResult r = test::runCli({"serve", test::demoSong(), "--midi-map", "pedal.json"});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("--midi-map needs --midi"), std::string::npos) << r.err;
}

}  // namespace unity_CliServeTest
