// Undo and redo of the mix in the main window: each change one step, back through the engine,
// the strips and the saved mix.
#include <gtest/gtest.h>

#include <QAction>
#include <QPushButton>
#include <QTest>
#include <QUndoStack>
#include <cmath>
#include <functional>
#include <vector>

#include "InputSupport.h"
#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/ui/FaderTaper.h"
#include "stemdeck/ui/MasterStrip.h"
#include "stemdeck/ui/MixerPanel.h"
#include "stemdeck/ui/ResettableSlider.h"
#include "stemdeck/ui/TrackStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MixUndoWindowTest {

using namespace stemdeck;
using audio::MixSnapshot;

namespace {

using Rig = test::WindowRig;

ui::ResettableSlider* slider(Rig& rig, QWidget* strip, const char* name) {
    return rig.in<ui::ResettableSlider>(strip, name);
}

// The strips show `mix`: faders, pans, mute and solo buttons, the master fader.
void expectShown(Rig& rig, const MixSnapshot& mix) {
    ui::MixerPanel* mixer = rig.mixer();
    for (int i = 0; i < mixer->stripCount(); ++i) {
        const audio::StemMix& stem = mix.stems[static_cast<std::size_t>(i)];
        ui::TrackStrip* strip = mixer->strip(i);
        EXPECT_EQ(slider(rig, strip, "fader")->value(), ui::FaderTaper::sliderValue(stem.gainDb))
            << "stem " << i;
        EXPECT_EQ(slider(rig, strip, "panSlider")->value(), std::lround(stem.pan * 100))
            << "stem " << i;
        EXPECT_EQ(rig.in<QPushButton>(strip, "muteButton")->isChecked(), stem.muted)
            << "stem " << i;
        EXPECT_EQ(rig.in<QPushButton>(strip, "soloButton")->isChecked(), stem.solo) << "stem " << i;
    }
    EXPECT_EQ(slider(rig, mixer->masterStrip(), "fader")->value(),
              ui::FaderTaper::sliderValue(mix.masterGainDb));
}

}  // namespace

TEST(MixUndoWindow, EachMixChangeIsOneStepUndoneAndRedoneEverywhere) {
    Rig rig;
    const auto song = test::writeUiSong(rig.dir, "song", 5.0);
    ASSERT_TRUE(rig.load(song));
    audio::MixControls& mix = rig.engine().mix();
    ui::MixerPanel* mixer = rig.mixer();
    QUndoStack* stack = mixer->undo().stack();
    auto* undo = rig.part<QAction>("actionUndo");
    auto* redo = rig.part<QAction>("actionRedo");
    EXPECT_FALSE(undo->isEnabled());

    std::vector<MixSnapshot> states{mix.snapshot()};
    std::vector<QString> names;
    const auto step = [&](const char* what, const std::function<void()>& change) {
        change();
        EXPECT_EQ(stack->count(), static_cast<int>(states.size())) << what << ": one step";
        EXPECT_NE(mix.snapshot(), states.back()) << what;
        states.push_back(mix.snapshot());
        names.push_back(undo->text());
    };
    // A drag of many moves is one step.
    step("fader drag", [&] {
        test::dragHandle(slider(rig, mixer->strip(0), "fader"), {0, 60}, 12);
    });
    step("mute", [&] {
        QTest::mouseClick(rig.in<QPushButton>(mixer->strip(1), "muteButton"), Qt::LeftButton);
    });
    step("solo", [&] {
        QTest::mouseClick(rig.in<QPushButton>(mixer->strip(2), "soloButton"), Qt::LeftButton);
    });
    step("pan drag", [&] {
        test::dragHandle(slider(rig, mixer->strip(2), "panSlider"), {-25, 0});
    });
    step("master drag", [&] {
        test::dragHandle(slider(rig, mixer->masterStrip(), "fader"), {0, 40});
    });
    // The same fader taken hold of again is a step of its own.
    step("fader again", [&] { test::dragHandle(slider(rig, mixer->strip(0), "fader"), {0, -20}); });
    EXPECT_TRUE(names[0].contains(QStringLiteral("stem0 Level"))) << names[0].toStdString();
    EXPECT_EQ(names[1], QStringLiteral("&Undo Mute stem1"));
    EXPECT_EQ(names[2], QStringLiteral("&Undo Solo stem2"));
    EXPECT_TRUE(names[3].contains(QStringLiteral("stem2 Pan")));
    EXPECT_TRUE(names[4].contains(QStringLiteral("Master Level")));

    // Ctrl+Z, one step at a time, back to the start: the engine and the strips follow.
    for (std::size_t i = states.size() - 1; i > 0; --i) {
        test::press(&*rig.window, Qt::Key_Z, Qt::ControlModifier);
        EXPECT_EQ(mix.snapshot(), states[i - 1]) << "undo to state " << i - 1;
        expectShown(rig, states[i - 1]);
    }
    EXPECT_FALSE(undo->isEnabled());
    EXPECT_TRUE(redo->text().contains(QStringLiteral("stem0 Level")));
    // Ctrl+Shift+Z all the way forward again.
    for (std::size_t i = 1; i < states.size(); ++i) {
        test::press(&*rig.window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        EXPECT_EQ(mix.snapshot(), states[i]) << "redo to state " << i;
    }
    expectShown(rig, states.back());

    // The mix saved for the song is the one undo and redo made.
    test::press(&*rig.window, Qt::Key_Z, Qt::ControlModifier);
    rig.playback().saveMix();
    const app::MixStore::Loaded saved =
        rig.mixes.load(test::qpath(song), rig.playback().stemNames());
    ASSERT_TRUE(saved.mix.has_value());
    EXPECT_EQ(*saved.mix, states[states.size() - 2]);
    test::press(&*rig.window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);

    // Reset Mix: everything home in one step, and one Undo brings the whole mix back.
    rig.part<QAction>("actionResetMix")->trigger();
    EXPECT_EQ(mix.snapshot(), audio::MixControls(3).snapshot());
    expectShown(rig, audio::MixControls(3).snapshot());
    EXPECT_EQ(undo->text(), QStringLiteral("&Undo Reset Mix"));
    undo->trigger();
    EXPECT_EQ(mix.snapshot(), states.back());
    expectShown(rig, states.back());

    // Another song: its mix has nothing to do with these steps.
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "other", 5.0)));
    EXPECT_EQ(stack->count(), 0);
    EXPECT_FALSE(undo->isEnabled());
    EXPECT_FALSE(redo->isEnabled());
}

// Wheel or key steps of one fader in a row are one step too (see MixUndo.* for the gaps).
TEST(MixUndoWindow, KeyAndWheelStepsOfOneFaderInARowAreOneStep) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 5.0)));
    QUndoStack* stack = rig.mixer()->undo().stack();
    auto* fader = slider(rig, rig.mixer()->strip(0), "fader");
    QTest::mouseClick(fader, Qt::LeftButton, {}, test::handleCenter(fader));
    for (int i = 0; i < 5; ++i) test::press(&*rig.window, Qt::Key_Down);
    test::wheel(fader, -3);
    EXPECT_LT(rig.engine().mix().gainDb(0), 0.0f);
    EXPECT_EQ(stack->count(), 1);
    test::press(&*rig.window, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_FLOAT_EQ(rig.engine().mix().gainDb(0), 0.0f);
}

}  // namespace unity_MixUndoWindowTest
