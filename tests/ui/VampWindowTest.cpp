// Markers › Vamp Section (V) and the stage view's vamp button in the main window: they start
// and release the vamp of the section the play is in, and show which section it is; the
// release mode comes from the settings dialog.
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <cmath>

#include "InputSupport.h"
#include "MarkedSong.h"
#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/ui/SettingsDialog.h"
#include "stemdeck/ui/StageView.h"
#include "stemdeck/ui/VampWindowPart.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_VampWindowTest {

using namespace stemdeck;
using test::press;

namespace {

using Rig = test::WindowRig;

using test::markedSong;
using test::seekShown;

}  // namespace

TEST(VampWindow, VAndTheStageButtonVampAndReleaseTheSectionShowingIt) {
    Rig rig;
    ASSERT_TRUE(rig.load(markedSong(rig)));
    auto* action = rig.part<QAction>("actionVampSection");
    ASSERT_TRUE(action->isEnabled());
    EXPECT_FALSE(action->isChecked());
    EXPECT_NE(action->toolTip().indexOf(QStringLiteral("(V)")), -1) << "the tooltip names V";
    ASSERT_TRUE(seekShown(rig, 10.0));
    press(&*rig.window, Qt::Key_F11);  // the stage view
    ui::StageView* stage = rig.window->stageView();
    ASSERT_TRUE(stage->isVisible());
    auto* button = rig.in<QPushButton>(stage, "stageVamp");
    EXPECT_TRUE(button->isEnabled());
    EXPECT_EQ(button->text(), QStringLiteral("Vamp Verse"));

    press(&*rig.window, Qt::Key_V);
    EXPECT_TRUE(action->isChecked());
    EXPECT_EQ(button->text(), QStringLiteral("Release Verse"));
    EXPECT_TRUE(rig.playback().loopEnabled());
    EXPECT_NEAR(rig.playback().loopStart(), 8.0, 1e-3);
    EXPECT_NEAR(rig.playback().loopEnd(), 24.0, 1e-3);
    EXPECT_NEAR(rig.playback().position(), 10.0, 1e-3) << "the play is not moved";
    EXPECT_NE(rig.statusMessage().indexOf(QStringLiteral("Vamping Verse")), -1);

    // The stage's button releases it (at the end of the pass, by default: the loop goes).
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_FALSE(action->isChecked());
    EXPECT_FALSE(rig.playback().loopEnabled());
    EXPECT_EQ(button->text(), QStringLiteral("Vamp Verse"));
    // And vamps again.
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_TRUE(action->isChecked());
    EXPECT_EQ(button->text(), QStringLiteral("Release Verse"));

    // Elsewhere, the button offers that section.
    action->trigger();
    ASSERT_TRUE(seekShown(rig, 30.0));
    EXPECT_EQ(button->text(), QStringLiteral("Vamp Chorus"));
}

TEST(VampWindow, ASongWithoutMarkersSaysSoAndTheActionStaysOff) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "plain", 10.0)));
    auto* button = rig.in<QPushButton>(rig.window->stageView(), "stageVamp");
    EXPECT_FALSE(button->isEnabled());
    press(&*rig.window, Qt::Key_V);
    EXPECT_FALSE(rig.part<QAction>("actionVampSection")->isChecked());
    EXPECT_NE(rig.statusMessage().indexOf(QStringLiteral("no markers")), -1)
        << rig.statusMessage().toStdString();
    EXPECT_FALSE(rig.playback().loopEnabled());
}

TEST(VampWindow, TheReleaseModeIsChosenInTheSettingsAndSaved) {
    Rig rig;
    ASSERT_TRUE(rig.load(markedSong(rig)));
    ui::SettingsDialog* dialog = rig.window->showSettings();
    auto* combo = rig.in<QComboBox>(dialog, "vampReleaseCombo");
    EXPECT_EQ(combo->currentData().toInt(), static_cast<int>(app::VampRelease::EndOfPass));
    combo->setCurrentIndex(combo->findData(static_cast<int>(app::VampRelease::NextBar)));
    EXPECT_EQ(QSettings(rig.ini, QSettings::IniFormat)
                  .value(app::Settings::kVampReleaseKey)
                  .toString()
                  .toStdString(),
              "next_bar");
    dialog->close();
    rig.focusWindow();

    // Paused, a release at the next bar goes to the next section at once.
    ASSERT_TRUE(seekShown(rig, 10.0));
    auto* action = rig.part<QAction>("actionVampSection");
    action->trigger();
    ASSERT_TRUE(action->isChecked());
    action->trigger();
    EXPECT_FALSE(action->isChecked());
    EXPECT_NEAR(rig.playback().position(), 24.0, 1e-3);
}

}  // namespace unity_VampWindowTest
