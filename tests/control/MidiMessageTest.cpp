#include <gtest/gtest.h>

#include <vector>

#include "stemdeck/control/midi/MidiEventRing.h"
#include "stemdeck/control/midi/MidiMessage.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiMessageTest {

using stemdeck::control::midi::MidiEvent;
using stemdeck::control::midi::MidiEventRing;
using stemdeck::control::midi::MidiMessage;
using Type = MidiMessage::Type;

namespace {
std::optional<MidiMessage> parse(std::vector<std::uint8_t> bytes) {
    return MidiMessage::parse(bytes.data(), bytes.size());
}
}  // namespace

TEST(MidiMessage, NoteOnWithChannelNumberAndVelocity) {
    const auto m = parse({0x99, 36, 100});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->type, Type::NoteOn);
    EXPECT_EQ(m->channel, 10);
    EXPECT_EQ(m->number, 36);
    EXPECT_EQ(m->value, 100);
    EXPECT_TRUE(m->pressed());
}

TEST(MidiMessage, NoteOnVelocityZeroIsNoteOff) {
    const auto m = parse({0x90, 60, 0});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->type, Type::NoteOff);
    EXPECT_FALSE(m->pressed());
    const auto off = parse({0x80, 60, 64});
    ASSERT_TRUE(off);
    EXPECT_EQ(off->type, Type::NoteOff);
    EXPECT_EQ(off->value, 0);
}

TEST(MidiMessage, ControlChangeValueZeroIsAMessage) {
    const auto zero = parse({0xB0, 64, 0});
    ASSERT_TRUE(zero);
    EXPECT_EQ(zero->type, Type::ControlChange);
    EXPECT_EQ(zero->channel, 1);
    EXPECT_EQ(zero->number, 64);
    EXPECT_EQ(zero->value, 0);
    EXPECT_FALSE(zero->pressed());
    EXPECT_TRUE(parse({0xBF, 64, 127})->pressed());
    EXPECT_EQ(parse({0xBF, 64, 127})->channel, 16);
    EXPECT_FALSE(parse({0xB0, 64, 63})->pressed());
    EXPECT_TRUE(parse({0xB0, 64, 64})->pressed());
}

TEST(MidiMessage, ProgramChange) {
    const auto m = parse({0xC2, 5});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->type, Type::ProgramChange);
    EXPECT_EQ(m->channel, 3);
    EXPECT_EQ(m->number, 5);
}

TEST(MidiMessage, EverythingElseIsIgnored) {
    EXPECT_FALSE(parse({}));
    EXPECT_FALSE(parse({0xF8}));            // clock
    EXPECT_FALSE(parse({0xFE}));            // active sensing
    EXPECT_FALSE(parse({0xE0, 0, 64}));     // pitch bend
    EXPECT_FALSE(parse({0xD0, 10}));        // channel pressure
    EXPECT_FALSE(parse({0xA0, 60, 10}));    // poly aftertouch
    EXPECT_FALSE(parse({0xF0, 1, 0xF7}));   // sysex
    EXPECT_FALSE(parse({0x40, 60, 10}));    // running status: no status byte
    EXPECT_FALSE(parse({0x90, 60}));        // short
    EXPECT_FALSE(parse({0x90, 60, 0x90}));  // a status byte as data
    EXPECT_FALSE(parse({0xC0, 1, 2}));      // long program change
    EXPECT_FALSE(MidiMessage::parse(nullptr, 3));
}

TEST(MidiEventRing, KeepsOrderAndDropsWhenFull) {
    MidiEventRing<4> ring;
    for (int i = 0; i < 5; ++i) {
        MidiEvent e;
        e.bytes[0] = static_cast<std::uint8_t>(i);
        e.size = 1;
        e.receivedNs = i;
        EXPECT_EQ(ring.push(e), i < 4);
    }
    EXPECT_EQ(ring.dropped(), 1u);
    MidiEvent out;
    for (int i = 0; i < 4; ++i) {
        ASSERT_TRUE(ring.pop(out));
        EXPECT_EQ(out.bytes[0], i);
        EXPECT_EQ(out.receivedNs, i);
    }
    EXPECT_FALSE(ring.pop(out));
}

}  // namespace unity_MidiMessageTest
