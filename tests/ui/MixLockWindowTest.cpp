// View › Lock Mix in the main window: while locked, clicks, drags, the wheel and the keys
// change nothing in the mix, the transport still works, and all of it works again once
// unlocked.
#include <gtest/gtest.h>

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include "InputSupport.h"
#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/ui/MasterStrip.h"
#include "stemdeck/ui/MixLock.h"
#include "stemdeck/ui/MixerPanel.h"
#include "stemdeck/ui/ResettableSlider.h"
#include "stemdeck/ui/SettingsDialog.h"
#include "stemdeck/ui/StageView.h"
#include "stemdeck/ui/TrackStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MixLockWindowTest {

using namespace stemdeck;
using test::press;

namespace {

using Rig = test::WindowRig;

// Every way of changing the mix the test tries, each from the mix as it is.
struct MixHands {
    Rig& rig;
    QPushButton* mute() { return rig.in<QPushButton>(rig.mixer()->strip(1), "muteButton"); }
    QPushButton* solo() { return rig.in<QPushButton>(rig.mixer()->strip(2), "soloButton"); }
    ui::ResettableSlider* fader() {
        return rig.in<ui::ResettableSlider>(rig.mixer()->strip(0), "fader");
    }
    ui::ResettableSlider* pan() {
        return rig.in<ui::ResettableSlider>(rig.mixer()->strip(0), "panSlider");
    }
    ui::ResettableSlider* master() {
        return rig.in<ui::ResettableSlider>(rig.mixer()->masterStrip(), "fader");
    }

    void clickMute() { QTest::mouseClick(mute(), Qt::LeftButton); }
    void clickSolo() { QTest::mouseClick(solo(), Qt::LeftButton); }
    void dragFader() { test::dragHandle(fader(), {0, -40}, 8); }
    void dragMaster() { test::dragHandle(master(), {0, 40}, 8); }
    void wheelPan() { test::wheel(pan(), 2, Qt::ControlModifier); }
    void doubleClickFader() {  // back to 0 dB
        QTest::mouseDClick(fader(), Qt::LeftButton, {}, test::handleCenter(fader()));
    }
    // The fader has the keys (as after a click): Up moves it.
    void keyOnFader() {
        fader()->setFocus(Qt::MouseFocusReason);
        press(&*rig.window, Qt::Key_Up);
        press(&*rig.window, Qt::Key_PageUp);
    }
    void undoKey() { press(&*rig.window, Qt::Key_Z, Qt::ControlModifier); }
};

}  // namespace

TEST(MixLockWindow, NothingTheUserDoesChangesTheMixWhileLockedAndEverythingDoesAfter) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 30.0)));
    audio::MixControls& mix = rig.engine().mix();
    MixHands hands{rig};
    auto* lock = rig.part<QAction>("actionLockMix");
    auto* badge = rig.part<QLabel>("mixLockedLabel");
    EXPECT_EQ(lock->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
    EXPECT_FALSE(badge->isVisible());
    // A step to undo, made before locking.
    hands.clickMute();
    ASSERT_TRUE(mix.muted(1));
    hands.clickMute();
    ASSERT_FALSE(mix.muted(1));

    press(&*rig.window, Qt::Key_L, Qt::ControlModifier);
    ASSERT_TRUE(lock->isChecked());
    EXPECT_TRUE(badge->isVisible());
    const audio::MixSnapshot locked = mix.snapshot();
    struct Try {
        const char* what;
        void (MixHands::*act)();
    };
    const Try tries[] = {
        {"mute click", &MixHands::clickMute},  {"solo click", &MixHands::clickSolo},
        {"fader drag", &MixHands::dragFader},  {"master drag", &MixHands::dragMaster},
        {"pan wheel", &MixHands::wheelPan},    {"fader double-click", &MixHands::doubleClickFader},
        {"fader keys", &MixHands::keyOnFader}, {"Ctrl+Z", &MixHands::undoKey}};
    for (const Try& t : tries) {
        (hands.*t.act)();
        EXPECT_EQ(mix.snapshot(), locked) << t.what << " changed the locked mix";
    }
    EXPECT_FALSE(rig.part<QAction>("actionUndo")->isEnabled());
    EXPECT_FALSE(rig.part<QAction>("actionResetMix")->isEnabled());
    rig.part<QAction>("actionResetMix")->trigger();  // a disabled action does nothing
    EXPECT_EQ(mix.snapshot(), locked);
    EXPECT_FALSE(hands.mute()->isChecked()) << "the strips still show the mix";

    // The transport's keys still work, also with a (locked) fader holding the focus.
    hands.fader()->setFocus(Qt::MouseFocusReason);
    press(&*rig.window, Qt::Key_Space);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return rig.playback().state() == audio::PlayState::Playing; }, 3000));
    press(&*rig.window, Qt::Key_Space);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return rig.playback().state() != audio::PlayState::Playing; }, 3000));
    rig.playback().seek(20.0);
    press(&*rig.window, Qt::Key_Left);
    EXPECT_NEAR(rig.playback().position(), 15.0, 1e-3);
    EXPECT_EQ(mix.snapshot(), locked);

    // Unlocked by the same action: each way changes the mix again.
    press(&*rig.window, Qt::Key_L, Qt::ControlModifier);
    ASSERT_FALSE(lock->isChecked());
    EXPECT_FALSE(badge->isVisible());
    EXPECT_TRUE(rig.part<QAction>("actionUndo")->isEnabled()) << "the undo step is back";
    EXPECT_TRUE(rig.part<QAction>("actionResetMix")->isEnabled());
    for (const Try& t : tries) {
        const audio::MixSnapshot before = mix.snapshot();
        (hands.*t.act)();
        EXPECT_NE(mix.snapshot(), before) << t.what << " did nothing once unlocked";
    }
}

// What enables the mix's actions while the lock holds them (a song loading, the undo history)
// is heeded when it lets go, not before.
TEST(MixLockWindow, ASongLoadedWhileLockedStaysLockedAndGetsItsActionsBackAfter) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "one", 5.0)));
    rig.part<QAction>("actionLockMix")->trigger();
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "two", 5.0)));
    EXPECT_FALSE(rig.part<QAction>("actionResetMix")->isEnabled());
    audio::MixControls& mix = rig.engine().mix();
    QTest::mouseClick(rig.in<QPushButton>(rig.mixer()->strip(0), "muteButton"), Qt::LeftButton);
    EXPECT_FALSE(mix.muted(0)) << "the new song's strips are locked too";
    rig.part<QAction>("actionLockMix")->trigger();
    EXPECT_TRUE(rig.part<QAction>("actionResetMix")->isEnabled());
    EXPECT_FALSE(rig.part<QAction>("actionUndo")->isEnabled()) << "nothing to undo in song two";
    QTest::mouseClick(rig.in<QPushButton>(rig.mixer()->strip(0), "muteButton"), Qt::LeftButton);
    EXPECT_TRUE(mix.muted(0));
}

// The routing table of Audio Settings is part of the mix; the rest of the dialog is not.
TEST(MixLockWindow, TheRoutingTableIsLockedWithTheMixer) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 5.0)));
    ui::SettingsDialog* dialog = rig.window->showSettings();
    auto* table = rig.in<QTableWidget>(dialog, "routingTable");
    ui::MixLock* lock = rig.window->mixLock();
    EXPECT_TRUE(lock->guards(table->viewport()));
    EXPECT_FALSE(lock->guards(dialog));
    rig.part<QAction>("actionLockMix")->trigger();
    EXPECT_TRUE(lock->locked());
    EXPECT_TRUE(rig.window->stageView()
                    ->findChild<QLabel*>(QStringLiteral("stageLock"))
                    ->isVisibleTo(rig.window->stageView()));
    dialog->close();
}

}  // namespace unity_MixLockWindowTest
