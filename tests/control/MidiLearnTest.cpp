#include <gtest/gtest.h>

#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/midi/MidiLearn.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiLearnTest {

using namespace stemdeck::control;
using namespace stemdeck::control::midi;

namespace {
constexpr std::int64_t kMs = 1'000'000;
MidiMessage cc(int number, int value, int channel = 1) {
    return {MidiMessage::Type::ControlChange, channel, number, value};
}
ActionSpec spec(const std::string& name) {
    for (auto& s : actionCatalog())
        if (s.name == name) return s;
    ADD_FAILURE() << name;
    return {};
}
}  // namespace

TEST(MidiLearn, ReleaseWithin400msIsMomentary) {
    MidiLearn learn;
    learn.start(0);
    EXPECT_FALSE(learn.feed(cc(64, 127, 3), 10 * kMs));
    EXPECT_FALSE(learn.feed(cc(65, 0, 3), 50 * kMs));  // another control's release: not ours
    const auto result = learn.feed(cc(64, 0, 3), 300 * kMs);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->momentary);
    EXPECT_EQ(result->source, (MidiSource{MidiSource::Type::Cc, 3, 64}));
    EXPECT_FALSE(learn.active());
}

TEST(MidiLearn, NoReleaseIsLatching) {
    MidiLearn learn;
    learn.start(0);
    EXPECT_FALSE(learn.feed(cc(64, 127), 10 * kMs));
    EXPECT_FALSE(learn.poll(400 * kMs));
    const auto result = learn.poll(411 * kMs);
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->momentary);
    // A late release does not change it; learn is over.
    EXPECT_FALSE(learn.feed(cc(64, 0), 500 * kMs));
}

TEST(MidiLearn, LateReleaseIsLatching) {
    MidiLearn learn;
    learn.start(0);
    learn.feed(cc(64, 127), 0);
    const auto result = learn.feed(cc(64, 0), 401 * kMs);
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->momentary);
}

TEST(MidiLearn, FirstMessageWinsAndNotesWork) {
    MidiLearn learn;
    learn.start(0);
    learn.feed({MidiMessage::Type::NoteOn, 10, 36, 90}, 0);
    learn.feed({MidiMessage::Type::NoteOn, 10, 38, 90}, 10 * kMs);  // second pad: ignored
    const auto result = learn.feed({MidiMessage::Type::NoteOff, 10, 36, 0}, 100 * kMs);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->momentary);
    EXPECT_EQ(result->source, (MidiSource{MidiSource::Type::Note, 10, 36}));
}

TEST(MidiLearn, ValueZeroFirstOrProgramChangeIsLatchingAtOnce) {
    MidiLearn learn;
    learn.start(0);
    auto result = learn.feed(cc(64, 0), 0);
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->momentary);
    learn.start(0);
    result = learn.feed({MidiMessage::Type::ProgramChange, 1, 4, 0}, 0);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->source.type, MidiSource::Type::Pc);
    EXPECT_FALSE(learn.feed(cc(64, 127), 0));  // not active any more
}

TEST(MidiLearn, SuggestsAModePerActionKind) {
    const MidiSource source{MidiSource::Type::Cc, 1, 64};
    auto b = MidiLearn::suggest(spec("play_pause"), {source, true});
    EXPECT_EQ(b.mode, MidiMode::Trigger);
    EXPECT_EQ(b.press, MidiPress::High);
    b = MidiLearn::suggest(spec("play_pause"), {source, false});
    EXPECT_EQ(b.press, MidiPress::Any);
    EXPECT_EQ(MidiLearn::suggest(spec("click"), {source, true}).mode, MidiMode::Toggle);
    b = MidiLearn::suggest(spec("click"), {source, false});
    EXPECT_EQ(b.mode, MidiMode::Follow);
    EXPECT_TRUE(b.feedback);
    EXPECT_EQ(MidiLearn::suggest(spec("master.gain"), {source, false}).mode, MidiMode::Absolute);
    EXPECT_EQ(b.source, source);
    EXPECT_EQ(b.action, "click");
}

}  // namespace unity_MidiLearnTest
