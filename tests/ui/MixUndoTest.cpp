// MixUndo alone: which changes become one step.
#include <gtest/gtest.h>

#include <QTest>
#include <QUndoStack>
#include <vector>

#include "stemdeck/ui/MixUndo.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MixUndoTest {

using namespace stemdeck;
using Control = ui::MixUndo::Control;
using Kind = Control::Kind;

namespace {

audio::MixSnapshot gains(float first, float master = 0.0f) {
    audio::MixSnapshot mix;
    mix.stems = {{first, 0.0f, false, false}, {}};
    mix.masterGainDb = master;
    return mix;
}

}  // namespace

TEST(MixUndo, ADragIsOneStepAndUndoRedoApplyTheWholeMix) {
    std::vector<audio::MixSnapshot> applied;
    ui::MixUndo undo([&](const audio::MixSnapshot& mix) { applied.push_back(mix); });
    undo.beginGesture();
    for (int i = 1; i <= 100; ++i)
        undo.record(QStringLiteral("drums Level"), {Kind::Gain, 0}, gains(-0.1f * float(i - 1)),
                    gains(-0.1f * float(i)));
    undo.endGesture();
    EXPECT_EQ(undo.stack()->count(), 1);
    EXPECT_TRUE(applied.empty()) << "a change is not made twice";
    undo.stack()->undo();
    ASSERT_EQ(applied.size(), 1u);
    EXPECT_EQ(applied.back(), gains(0.0f));
    undo.stack()->redo();
    EXPECT_EQ(applied.back(), gains(-10.0f));
}

TEST(MixUndo, ChangesMergeOnlyForOneControlInOneGesture) {
    ui::MixUndo undo([](const audio::MixSnapshot&) {});
    undo.beginGesture();
    undo.record(QStringLiteral("a"), {Kind::Gain, 0}, gains(0), gains(-1));
    undo.record(QStringLiteral("b"), {Kind::Gain, 1}, gains(-1), gains(-2));  // another stem
    undo.record(QStringLiteral("m"), {Kind::Master}, gains(-2), gains(-2, -1));
    undo.endGesture();
    EXPECT_EQ(undo.stack()->count(), 3);
    // The same fader taken hold of again: a new step.
    undo.beginGesture();
    undo.record(QStringLiteral("m"), {Kind::Master}, gains(-2, -1), gains(-2, -2));
    undo.endGesture();
    EXPECT_EQ(undo.stack()->count(), 4);
    // Switches never merge, not even one after the other.
    audio::MixSnapshot muted = gains(-2, -2);
    muted.stems[0].muted = true;
    undo.record(QStringLiteral("Mute"), {Kind::Switch, 0}, gains(-2, -2), muted);
    undo.record(QStringLiteral("Unmute"), {Kind::Switch, 0}, muted, gains(-2, -2));
    EXPECT_EQ(undo.stack()->count(), 6);
    // Nothing changed: no step.
    undo.record(QStringLiteral("x"), {Kind::Gain, 0}, gains(-2, -2), gains(-2, -2));
    EXPECT_EQ(undo.stack()->count(), 6);
}

TEST(MixUndo, ADragBackToWhereItStartedLeavesNoStep) {
    ui::MixUndo undo([](const audio::MixSnapshot&) {});
    undo.beginGesture();
    undo.record(QStringLiteral("a"), {Kind::Pan, 0}, gains(0), gains(-1));
    undo.record(QStringLiteral("a"), {Kind::Pan, 0}, gains(-1), gains(0));
    undo.endGesture();
    EXPECT_EQ(undo.stack()->count(), 0);
    EXPECT_FALSE(undo.stack()->canUndo());
}

// Wheel notches and key presses come without a press and release: those of one control merge
// while they follow each other closely, and a pause starts a new step.
TEST(MixUndo, StepsWithoutADragMergeUntilAPause) {
    ui::MixUndo undo([](const audio::MixSnapshot&) {});
    undo.record(QStringLiteral("a"), {Kind::Gain, 0}, gains(0), gains(-1));
    undo.record(QStringLiteral("a"), {Kind::Gain, 0}, gains(-1), gains(-2));
    EXPECT_EQ(undo.stack()->count(), 1);
    QTest::qWait(static_cast<int>(ui::MixUndo::kMergeGapMs) + 100);
    undo.record(QStringLiteral("a"), {Kind::Gain, 0}, gains(-2), gains(-3));
    EXPECT_EQ(undo.stack()->count(), 2);
    // While held, a pause does not split the drag.
    undo.beginGesture();
    undo.record(QStringLiteral("a"), {Kind::Gain, 0}, gains(-3), gains(-4));
    QTest::qWait(static_cast<int>(ui::MixUndo::kMergeGapMs) + 100);
    undo.record(QStringLiteral("a"), {Kind::Gain, 0}, gains(-4), gains(-5));
    undo.endGesture();
    EXPECT_EQ(undo.stack()->count(), 3);
}

}  // namespace unity_MixUndoTest
