#include <gtest/gtest.h>

#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/ActionRegistry.h"
#include "stemdeck/control/midi/MidiMapper.h"
#include "stemdeck/control/midi/MidiValueLaw.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiMapperTest {

using namespace stemdeck::control;
using namespace stemdeck::control::midi;

namespace {

MidiMessage cc(int number, int value, int channel = 1) {
    return {MidiMessage::Type::ControlChange, channel, number, value};
}
MidiMessage noteOn(int number, int velocity, int channel = 1) {
    return {velocity ? MidiMessage::Type::NoteOn : MidiMessage::Type::NoteOff, channel, number,
            velocity};
}

MidiBinding binding(std::string action, MidiMode mode, MidiPress press = MidiPress::High,
                    MidiSource::Type type = MidiSource::Type::Cc, int channel = 1,
                    int number = 64) {
    MidiBinding b;
    b.action = std::move(action);
    b.mode = mode;
    b.press = press;
    b.source = {type, channel, number};
    return b;
}

std::vector<ActionCall> run(const MidiBinding& b, const MidiMessage& m) {
    return MidiMapper({b}, std::nullopt, actionCatalog()).map(m, 42);
}

std::optional<bool> onOf(const ActionCall& call) {
    const auto it = call.params.find("on");
    if (it == call.params.end()) return std::nullopt;
    return std::get<bool>(it->second);
}

}  // namespace

TEST(MidiMapper, TriggerHighFiresOn127NotOn0) {
    const auto b = binding("play_pause", MidiMode::Trigger, MidiPress::High);
    const auto on = run(b, cc(64, 127));
    ASSERT_EQ(on.size(), 1u);
    EXPECT_EQ(on[0].name, "play_pause");
    EXPECT_EQ(on[0].origin, Origin::Midi);
    EXPECT_EQ(on[0].receivedNs, 42);
    EXPECT_TRUE(run(b, cc(64, 0)).empty());
}

TEST(MidiMapper, TriggerAnyFiresOnValueZeroToo) {
    const auto b = binding("play_pause", MidiMode::Trigger, MidiPress::Any);
    EXPECT_EQ(run(b, cc(64, 127)).size(), 1u);
    EXPECT_EQ(run(b, cc(64, 0)).size(), 1u);
}

TEST(MidiMapper, TriggerLowFiresOnlyOnValueZero) {
    const auto b = binding("play_pause", MidiMode::Trigger, MidiPress::Low);
    EXPECT_TRUE(run(b, cc(64, 127)).empty());
    EXPECT_EQ(run(b, cc(64, 0)).size(), 1u);
}

TEST(MidiMapper, ToggleFlipsOnPressOnly) {
    const auto b = binding("click", MidiMode::Toggle);
    const auto press = run(b, cc(64, 127));
    ASSERT_EQ(press.size(), 1u);
    EXPECT_FALSE(onOf(press[0]));  // no "on": the registry flips
    EXPECT_TRUE(run(b, cc(64, 0)).empty());
}

TEST(MidiMapper, FollowSetsOnFromTheValue) {
    const auto b = binding("click", MidiMode::Follow);
    EXPECT_EQ(onOf(run(b, cc(64, 127)).at(0)), true);
    EXPECT_EQ(onOf(run(b, cc(64, 0)).at(0)), false);  // value 0 turns it off, not dropped
}

TEST(MidiMapper, MomentaryIsOnWhileHeld) {
    auto b =
        binding("stem.mute", MidiMode::Momentary, MidiPress::High, MidiSource::Type::Note, 10, 36);
    b.args["stem"] = std::string("drums");
    const auto down = run(b, noteOn(36, 100, 10));
    ASSERT_EQ(down.size(), 1u);
    EXPECT_EQ(onOf(down[0]), true);
    EXPECT_EQ(std::get<std::string>(down[0].params.at("stem")), "drums");
    EXPECT_EQ(onOf(run(b, noteOn(36, 0, 10)).at(0)), false);  // note on velocity 0 = release
    const auto cc0 = run(binding("click", MidiMode::Momentary), cc(64, 0));
    EXPECT_EQ(onOf(cc0.at(0)), false);
    EXPECT_EQ(onOf(run(binding("click", MidiMode::Momentary), cc(64, 127)).at(0)), true);
}

TEST(MidiMapper, AbsoluteGainUsesTheFaderLaw) {
    auto b = binding("stem.gain", MidiMode::Absolute, MidiPress::High, MidiSource::Type::Cc, 1, 7);
    b.args["stem"] = std::string("drums");
    const auto top = run(b, cc(7, 127));
    ASSERT_EQ(top.size(), 1u);
    EXPECT_DOUBLE_EQ(std::get<double>(top[0].params.at("db")), 6.0);
    const auto zero = run(b, cc(7, 0));
    ASSERT_EQ(zero.size(), 1u);  // value 0 is silence, not nothing
    EXPECT_DOUBLE_EQ(std::get<double>(zero[0].params.at("db")), -100.0);
    EXPECT_DOUBLE_EQ(std::get<double>(run(b, cc(7, 102))[0].params.at("db")), 0.0);
    // The calls pass the registry's validation.
    ActionRegistry registry;
    for (auto& spec : actionCatalog()) registry.add(spec);
    EXPECT_TRUE(registry.validate(top[0]).ok()) << registry.validate(top[0]).message;
    EXPECT_TRUE(registry.validate(zero[0]).ok()) << registry.validate(zero[0]).message;
}

TEST(MidiMapper, AbsoluteLinearOverTheParamRange) {
    const auto b = binding("tempo", MidiMode::Absolute);
    EXPECT_DOUBLE_EQ(std::get<double>(run(b, cc(64, 0))[0].params.at("ratio")), 0.5);
    EXPECT_DOUBLE_EQ(std::get<double>(run(b, cc(64, 127))[0].params.at("ratio")), 1.5);
}

// Soft takeover: the stem sits at 0 dB (value 102) after the window moved it; the fader is
// at the bottom. Moving it up does nothing until it reaches the value, then it follows.
TEST(MidiMapper, PickupWaitsUntilTheFaderReachesTheGain) {
    auto b = binding("stem.gain", MidiMode::Absolute, MidiPress::High, MidiSource::Type::Cc, 1, 7);
    b.args["stem"] = std::string("drums");
    MidiMapper mapper({b}, std::nullopt, actionCatalog());
    double gainDb = 0.0;  // what the "state" says; the calls that pass set it
    const MidiMapper::CurrentValue current = [&](const MidiBinding&) {
        return std::optional<double>(gainDb);
    };
    const auto move = [&](int value) {
        const auto calls = mapper.map(cc(7, value), 42, current);
        if (!calls.empty()) gainDb = std::get<double>(calls[0].params.at("db"));
        return calls.size();
    };
    EXPECT_EQ(move(0), 0u) << "value 0 is a message, but not the gain's place";
    EXPECT_EQ(move(40), 0u);
    EXPECT_EQ(move(90), 0u);
    EXPECT_EQ(move(105), 1u) << "crossing 102 between two messages picks it up";
    EXPECT_EQ(move(60), 1u) << "held: it follows";
    EXPECT_DOUBLE_EQ(gainDb, MidiValueLaw::gainDb(60));
    // Another door sets the gain: the fader lets go until it comes within a step of it.
    gainDb = MidiValueLaw::gainDb(110);
    EXPECT_EQ(move(61), 0u);
    EXPECT_EQ(move(100), 0u);
    EXPECT_EQ(move(109), 1u) << "within a step";
    EXPECT_DOUBLE_EQ(gainDb, MidiValueLaw::gainDb(109));
    // From above, crossing downwards.
    gainDb = MidiValueLaw::gainDb(20);
    EXPECT_EQ(move(120), 0u);
    EXPECT_EQ(move(10), 1u);
}

// A motor fader is moved to the gain by feedback: it holds the gain at once, even when the
// player's first move from there skips a step.
TEST(MidiMapper, AFaderMovedByFeedbackNeedsNoPickup) {
    auto b =
        binding("master.gain", MidiMode::Absolute, MidiPress::High, MidiSource::Type::Cc, 1, 7);
    b.feedback = true;
    MidiMapper mapper({b}, std::nullopt, actionCatalog());
    const double db = MidiValueLaw::gainDb(68);
    const MidiMapper::CurrentValue current = [&](const MidiBinding&) {
        return std::optional<double>(db);
    };
    EXPECT_EQ(mapper.map(cc(7, 80), 42, current).size(), 0u);
    mapper.feedbackSent("master.gain", {}, db);
    EXPECT_EQ(mapper.map(cc(7, 75), 42, current).size(), 1u);
}

TEST(MidiMapper, JumpTakesOverAtOnceAndUnknownTargetsAct) {
    auto b =
        binding("master.gain", MidiMode::Absolute, MidiPress::High, MidiSource::Type::Cc, 1, 7);
    b.takeover = MidiTakeover::Jump;
    const MidiMapper::CurrentValue atUnity = [](const MidiBinding&) {
        return std::optional<double>(0.0);
    };
    MidiMapper jump({b}, std::nullopt, actionCatalog());
    EXPECT_EQ(jump.map(cc(7, 0), 42, atUnity).size(), 1u);
    b.takeover = MidiTakeover::Pickup;
    MidiMapper pickup({b}, std::nullopt, actionCatalog());
    EXPECT_EQ(pickup.map(cc(7, 0), 42, atUnity).size(), 0u);
    const MidiMapper::CurrentValue unknown = [](const MidiBinding&) {
        return std::optional<double>();
    };
    EXPECT_EQ(pickup.map(cc(7, 0), 42, unknown).size(), 1u) << "nothing to pick up";
}

TEST(MidiMapper, FaderLawRoundTrips) {
    for (int v = 0; v <= 127; ++v)
        EXPECT_EQ(MidiValueLaw::valueOfGain(MidiValueLaw::gainDb(v)), v) << v;
    EXPECT_DOUBLE_EQ(MidiValueLaw::gainDb(1), -60.0);
    EXPECT_LT(MidiValueLaw::gainDb(50), MidiValueLaw::gainDb(51));
}

TEST(MidiMapper, ChannelAnyVersusFixed) {
    const auto fixed =
        binding("play_pause", MidiMode::Trigger, MidiPress::Any, MidiSource::Type::Cc, 2, 64);
    EXPECT_TRUE(run(fixed, cc(64, 127, 1)).empty());
    EXPECT_EQ(run(fixed, cc(64, 127, 2)).size(), 1u);
    const auto any =
        binding("play_pause", MidiMode::Trigger, MidiPress::Any, MidiSource::Type::Cc, 0, 64);
    for (int ch = 1; ch <= 16; ++ch) EXPECT_EQ(run(any, cc(64, 0, ch)).size(), 1u) << ch;
    EXPECT_TRUE(run(any, cc(65, 127)).empty());      // another controller number
    EXPECT_TRUE(run(any, noteOn(64, 127)).empty());  // a note is not a CC
}

TEST(MidiMapper, ProgramChangeGoesToSongProgramPlusOffset) {
    MidiMapper mapper({}, ProgramChangeRule{}, actionCatalog());
    const auto calls = mapper.map({MidiMessage::Type::ProgramChange, 5, 2, 0}, 0);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].name, "song.goto");
    EXPECT_EQ(std::get<std::int64_t>(calls[0].params.at("n")), 3);
    MidiMapper onChannel3({}, ProgramChangeRule{"song.goto", 0, 3}, actionCatalog());
    EXPECT_TRUE(onChannel3.map({MidiMessage::Type::ProgramChange, 1, 2, 0}, 0).empty());
    EXPECT_EQ(std::get<std::int64_t>(
                  onChannel3.map({MidiMessage::Type::ProgramChange, 3, 0, 0}, 0)[0].params.at("n")),
              0);
    EXPECT_TRUE(MidiMapper({}, std::nullopt, actionCatalog())
                    .map({MidiMessage::Type::ProgramChange, 1, 2, 0}, 0)
                    .empty());
}

TEST(MidiMapper, AProgramBindingWinsOverTheRule) {
    auto b = binding("stop", MidiMode::Trigger, MidiPress::Any, MidiSource::Type::Pc, 0, 7);
    MidiMapper mapper({b}, ProgramChangeRule{}, actionCatalog());
    const auto calls = mapper.map({MidiMessage::Type::ProgramChange, 1, 7, 0}, 0);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].name, "stop");
    EXPECT_EQ(mapper.map({MidiMessage::Type::ProgramChange, 1, 6, 0}, 0).at(0).name, "song.goto");
}

}  // namespace unity_MidiMapperTest
