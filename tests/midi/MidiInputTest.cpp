// The MIDI input backend on a real JACK server (run through tests/support/with_jack.sh): a raw
// libjack peer plays the controller, stemdeck's RtMidi input receives.
#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <vector>

#include "JackMidiPeer.h"
#include "JackServer.h"
#include "StderrCapture.h"
#include "stemdeck/control/backend/MidiInput.h"
#include "stemdeck/control/backend/MidiSystem.h"
#include "stemdeck/control/midi/MidiMessage.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiInputTest {

using namespace stemdeck::control;
using namespace stemdeck::control::backend;

namespace {

bool alsaSequencer() {
    return ::access("/dev/snd/seq", R_OK | W_OK) == 0;
}

// Drains `input` until `count` events arrived or 5 s passed, waiting on its eventfd.
std::vector<midi::MidiEvent> receive(
    MidiInput& input, std::size_t count,
    std::chrono::milliseconds limit = std::chrono::milliseconds(5000)) {
    std::vector<midi::MidiEvent> events;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (events.size() < count && std::chrono::steady_clock::now() < deadline) {
        pollfd fd{input.fd(), POLLIN, 0};
        if (::poll(&fd, 1, 100) > 0)
            input.drain([&](const midi::MidiEvent& e) { events.push_back(e); });
    }
    return events;
}

std::vector<std::uint8_t> bytesOf(const midi::MidiEvent& e) {
    return {e.bytes, e.bytes + e.size};
}

}  // namespace

TEST(MidiSystem, JackWhenItsServerAnswers) {
    if (stemdeck::test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    if (alsaSequencer()) GTEST_SKIP() << "an ALSA sequencer is here: ALSA wins";
    const auto choice = MidiSystem::detect();
    EXPECT_EQ(choice.api, MidiApi::Jack);
    EXPECT_EQ(choice.note, "");
}

TEST(MidiSystem, NoneWithoutSequencerOrServerAndSilent) {
    if (alsaSequencer()) GTEST_SKIP() << "an ALSA sequencer is here";
    const char* saved = std::getenv("JACK_DEFAULT_SERVER");
    const std::string savedName = saved ? saved : "";
    ::setenv("JACK_DEFAULT_SERVER", "stemdeck_no_such_server", 1);
    stemdeck::test::StderrCapture capture;
    const auto choice = MidiSystem::detect();
    MidiInput input(choice.api);
    const auto opened = input.open();
    const auto printed = capture.text();
    if (saved)
        ::setenv("JACK_DEFAULT_SERVER", savedName.c_str(), 1);
    else
        ::unsetenv("JACK_DEFAULT_SERVER");
    EXPECT_EQ(choice.api, MidiApi::None);
    EXPECT_EQ(choice.note,
              "No MIDI system (no ALSA sequencer, no JACK server): MIDI control is off");
    EXPECT_EQ(opened, choice.note);
    EXPECT_TRUE(input.ports().empty());
    EXPECT_EQ(printed, "");
}

TEST(MidiInput, ReceivesNotesCcValueZeroAndProgramChangeInOrder) {
    if (stemdeck::test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    MidiInput input(MidiApi::Jack);
    ASSERT_GE(input.fd(), 0);
    ASSERT_EQ(input.open(), "");
    stemdeck::test::JackMidiPeer peer;
    ASSERT_TRUE(peer.open()) << peer.error();
    ASSERT_TRUE(peer.connectTo("stemdeck:control_in")) << peer.error();
    // Both clients must run with the new connection before the events that count: a note
    // off is sent until one arrives (a slow machine, or TSan, needs several cycles for it).
    bool warm = false;
    for (int i = 0; i < 50 && !warm; ++i) {
        ASSERT_TRUE(peer.send({0x80, 0, 0}));
        warm = !receive(input, 1, std::chrono::milliseconds(200)).empty();
    }
    ASSERT_TRUE(warm) << "no event came through the connection in 10 s";
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (;;) {  // the note offs still on their way
        const auto late = receive(input, 1, std::chrono::milliseconds(100));
        if (late.empty()) break;
    }

    const std::vector<std::vector<std::uint8_t>> sent = {
        {0x90, 60, 100}, {0xB0, 64, 0}, {0xB0, 64, 127}, {0xC0, 2}};
    ASSERT_TRUE(peer.send(sent[0]));
    ASSERT_TRUE(peer.send(sent[1]));
    // The last two a few cycles later: order must hold across cycles too.
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    ASSERT_TRUE(peer.send(sent[2]));
    ASSERT_TRUE(peer.send(sent[3]));

    const auto events = receive(input, sent.size());
    std::string got;
    for (const auto& e : events)
        for (std::size_t b = 0; b < e.size; ++b) got += std::to_string(e.bytes[b]) + " ";
    ASSERT_EQ(events.size(), sent.size()) << "received: " << got;
    for (std::size_t i = 0; i < sent.size(); ++i) EXPECT_EQ(bytesOf(events[i]), sent[i]) << i;
    for (std::size_t i = 1; i < events.size(); ++i)
        EXPECT_GE(events[i].receivedNs, events[i - 1].receivedNs);
    EXPECT_GT(events[0].receivedNs, 0);
    // The CC with value 0 parses to a message like any other.
    const auto cc0 = midi::MidiMessage::parse(events[1].bytes, events[1].size);
    ASSERT_TRUE(cc0);
    EXPECT_EQ(cc0->type, midi::MidiMessage::Type::ControlChange);
    EXPECT_EQ(cc0->value, 0);
    EXPECT_EQ(input.dropped(), 0u);
    // Nothing more arrives; the eventfd is not left readable.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(input.drain({}), 0u);
    pollfd fd{input.fd(), POLLIN, 0};
    EXPECT_EQ(::poll(&fd, 1, 0), 0);
    peer.close();
    input.close();
}

TEST(MidiInput, ANamedPortThatIsNotThereIsOneLine) {
    if (stemdeck::test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    MidiInput input(MidiApi::Jack);
    const auto error = input.open("no such\ncontroller");
    EXPECT_EQ(error, "MIDI input: no port named \"no such controller\"");
    EXPECT_FALSE(input.isOpen());
}

TEST(MidiInput, OpensANamedSource) {
    if (stemdeck::test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    stemdeck::test::JackMidiPeer peer;
    ASSERT_TRUE(peer.open("pedalboard")) << peer.error();
    MidiInput input(MidiApi::Jack);
    const auto ports = input.ports();
    EXPECT_NE(std::find(ports.begin(), ports.end(), "pedalboard:out"), ports.end());
    ASSERT_EQ(input.open("pedalboard"), "");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_TRUE(peer.send({0xB3, 64, 0}));
    const auto events = receive(input, 1);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(bytesOf(events[0]), (std::vector<std::uint8_t>{0xB3, 64, 0}));
}

}  // namespace unity_MidiInputTest
