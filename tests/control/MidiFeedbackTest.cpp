#include <gtest/gtest.h>

#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/midi/MidiFeedback.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiFeedbackTest {

using namespace stemdeck::control;
using namespace stemdeck::control::midi;

namespace {
constexpr std::int64_t kMs = 1'000'000;

MidiBinding toggle() {
    MidiBinding b;
    b.action = "click";
    b.source = {MidiSource::Type::Note, 10, 36};
    b.mode = MidiMode::Toggle;
    b.feedback = true;
    b.feedbackOn = 100;
    b.feedbackOff = 5;
    return b;
}
MidiBinding fader() {
    MidiBinding b;
    b.action = "stem.gain";
    b.args["stem"] = std::string("drums");
    b.source = {MidiSource::Type::Cc, 0, 7};
    b.mode = MidiMode::Absolute;
    b.feedback = true;
    return b;
}
MidiBinding latching() {
    MidiBinding b;
    b.action = "loop";
    b.source = {MidiSource::Type::Cc, 2, 80};
    b.mode = MidiMode::Follow;
    b.feedback = true;
    return b;
}
const std::map<std::string, ParamValue> kDrums{{"stem", std::string("drums")}};
}  // namespace

TEST(MidiFeedback, ToggleSendsOnAndOffValuesToItsNote) {
    MidiFeedback feedback({toggle()}, actionCatalog());
    EXPECT_EQ(feedback.changed("click", {}, 1, 0), (std::vector<MidiBytes>{{0x99, 36, 100}}));
    EXPECT_EQ(feedback.changed("click", {}, 0, 0), (std::vector<MidiBytes>{{0x99, 36, 5}}));
    EXPECT_TRUE(feedback.changed("loop", {}, 1, 0).empty());
}

TEST(MidiFeedback, AbsoluteGainSendsTheFaderValueOnChannelOneForAny) {
    MidiFeedback feedback({fader()}, actionCatalog());
    EXPECT_EQ(feedback.changed("stem.gain", kDrums, 0.0, 0),
              (std::vector<MidiBytes>{{0xB0, 7, 102}}));
    EXPECT_EQ(feedback.changed("stem.gain", kDrums, -100.0, 0),
              (std::vector<MidiBytes>{{0xB0, 7, 0}}));
    EXPECT_EQ(feedback.changed("stem.gain", kDrums, 6.0, 0),
              (std::vector<MidiBytes>{{0xB0, 7, 127}}));
    const std::map<std::string, ParamValue> bass{{"stem", std::string("bass")}};
    EXPECT_TRUE(feedback.changed("stem.gain", bass, 0.0, 0).empty());  // another stem
}

TEST(MidiFeedback, NoEchoWithin100msOfTheControlsOwnInput) {
    MidiFeedback feedback({fader(), latching()}, actionCatalog());
    feedback.noteInput({MidiMessage::Type::ControlChange, 4, 7, 0}, 1000 * kMs);
    EXPECT_TRUE(feedback.changed("stem.gain", kDrums, -100.0, 1050 * kMs).empty());
    EXPECT_TRUE(feedback.changed("stem.gain", kDrums, -100.0, 1099 * kMs).empty());
    EXPECT_EQ(feedback.changed("stem.gain", kDrums, -100.0, 1100 * kMs).size(), 1u);
    // Another control's input does not hold this one back.
    feedback.noteInput({MidiMessage::Type::ControlChange, 2, 80, 127}, 2000 * kMs);
    EXPECT_EQ(feedback.changed("stem.gain", kDrums, 0.0, 2010 * kMs).size(), 1u);
    EXPECT_TRUE(feedback.changed("loop", {}, 1, 2010 * kMs).empty());
    EXPECT_EQ(feedback.changed("loop", {}, 1, 2200 * kMs),
              (std::vector<MidiBytes>{{0xB1, 80, 127}}));
}

TEST(MidiFeedback, AToggleAlwaysHearsItsNewState) {
    // A momentary switch's press may turn the state off: its LED must follow at once.
    MidiFeedback feedback({toggle()}, actionCatalog());
    feedback.noteInput({MidiMessage::Type::NoteOn, 10, 36, 127}, 0);
    EXPECT_EQ(feedback.changed("click", {}, 0, 5 * kMs), (std::vector<MidiBytes>{{0x99, 36, 5}}));
}

TEST(MidiFeedback, BindingsWithoutFeedbackSendNothing) {
    auto b = toggle();
    b.feedback = false;
    MidiFeedback feedback({b}, actionCatalog());
    EXPECT_TRUE(feedback.changed("click", {}, 1, 0).empty());
}

}  // namespace unity_MidiFeedbackTest
