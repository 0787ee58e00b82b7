// Sets in the main window on a real engine (JACK dummy server): a set file opened into the
// setlist dock, a double-click jumping to a song with its entry's tempo and pitch, Next /
// Previous Song (keys and buttons), the highlight following, a missing song shown as a
// problem while the others play, the question about an unsaved set, sets in Open Recent, the
// stage view showing the set and stepping through it.
#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <filesystem>

#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/app/SongGuideCues.h"
#include "stemdeck/app/set/SetFile.h"
#include "stemdeck/app/set/SetListModel.h"
#include "stemdeck/app/set/SetPlayer.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/ui/SetWindowPart.h"
#include "stemdeck/ui/SetlistPanel.h"
#include "stemdeck/ui/ShortcutGuide.h"
#include "stemdeck/ui/StageView.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetWindowTest {

using namespace stemdeck;
using app::set::SetListModel;
using ui::SetWindowPart;

namespace {

struct SetWindowRig : test::WindowRig {
    SetWindowRig() {
        test::writeUiSong(dir, "Opener", 2.0, 2);
        test::writeUiSong(dir, "Ballad", 2.0, 2);
        test::writeUiSong(dir, "Closer", 2.0, 2);
        test::writeTextFile(dir / "show.stemset", R"({"name": "Show", "stage": "left",
 "songs": [{"path": "Opener"},
           {"path": "Ballad", "tempo": 0.75, "pitch": 2, "cents": 10},
           {"path": "Missing"},
           {"path": "Closer", "pitch": -1}]})");
    }
    SetWindowPart& sets() { return *window->sets(); }
    QTableView* table() { return sets().panel()->table(); }
    QString setFile() { return test::qpath(dir / "show.stemset"); }
    QAction* action(const char* name) { return window->findChild<QAction*>(name); }
    // Waits for the set player to have set up `row` after `start`.
    bool startsRow(int row, const std::function<void()>& start) {
        QSignalSpy spy(&sets().player(), &app::set::SetPlayer::entryStarted);
        start();
        return QTest::qWaitFor(
            [&] {
                for (const auto& args : spy)
                    if (args.at(0).toInt() == row) return true;
                return false;
            },
            10000);
    }
    bool isCurrent(int row) {
        return sets().model().index(row, 0).data(SetListModel::CurrentRole).toBool();
    }
    bool isNext(int row) {
        return sets().model().index(row, 0).data(SetListModel::NextRole).toBool();
    }
};

}  // namespace

TEST(SetWindow, AnOpenedSetShowsItsRowsAndADoubleClickPlaysTheSongWithItsSettings) {
    SetWindowRig rig;
    ASSERT_TRUE(rig.sets().openSet(rig.setFile()));
    EXPECT_TRUE(rig.sets().dock()->isVisible());
    ASSERT_EQ(rig.table()->model()->rowCount(), 4);
    EXPECT_EQ(rig.table()->model()->index(1, SetListModel::DurationColumn).data().toString(),
              "0:03");  // 2 s at 75 %
    EXPECT_EQ(rig.table()->model()->index(2, SetListModel::DurationColumn).data().toString(),
              "missing");
    const QRect cell = rig.table()->visualRect(rig.table()->model()->index(1, 0));
    ASSERT_TRUE(rig.startsRow(1, [&] {
        QTest::mouseClick(rig.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(rig.table()->viewport(), Qt::LeftButton, {}, cell.center());
    }));
    EXPECT_EQ(rig.playback().songFolder(), test::qpath(rig.dir / "Ballad"));
    EXPECT_DOUBLE_EQ(rig.playback().tempo(), 0.75);
    EXPECT_NEAR(rig.playback().pitchCents(), 210.0, 1e-9);
    EXPECT_TRUE(rig.isCurrent(1));
    EXPECT_TRUE(rig.isNext(2));
}

TEST(SetWindow, AnEntrysClickIsNotSavedAsTheUsersButTheUsersOwnChangeIs) {
    SetWindowRig rig;
    ASSERT_FALSE(rig.settings->clickEnabled());
    const int countIn = rig.settings->countInBars();
    test::writeTextFile(rig.dir / "click.stemset",
                        R"({"songs": [{"path": "Opener", "click": true, "count_in": 3}]})");
    ASSERT_TRUE(rig.sets().openSet(test::qpath(rig.dir / "click.stemset")));
    ASSERT_TRUE(rig.startsRow(0, [&] { rig.sets().player().jumpTo(0); }));
    ASSERT_TRUE(rig.playback().click().enabled);
    ASSERT_EQ(rig.playback().click().countInBars, 3);
    QTest::qWait(50);  // any queued reaction to the click change
    EXPECT_FALSE(rig.settings->clickEnabled()) << "the entry's click became the user's";
    EXPECT_EQ(rig.settings->countInBars(), countIn);
    // The user's own change through the click button is kept.
    auto* button = rig.part<QToolButton>("clickButton");
    ASSERT_NE(button, nullptr);
    button->click();  // off: the entry had it on
    EXPECT_FALSE(rig.playback().click().enabled);
    button->click();
    EXPECT_TRUE(rig.playback().click().enabled);
    EXPECT_TRUE(rig.settings->clickEnabled());
    EXPECT_EQ(rig.settings->countInBars(), 3) << "the bar as the user saw and kept it";
}

TEST(SetWindow, NextAndPreviousSongStepThroughTheSetPastAMissingSong) {
    SetWindowRig rig;
    ASSERT_TRUE(rig.sets().openSet(rig.setFile()));
    ASSERT_TRUE(rig.startsRow(0, [&] { rig.sets().player().jumpTo(0); }));
    QAction* next = rig.action("actionNextSong");
    QAction* previous = rig.action("actionPreviousSong");
    ASSERT_TRUE(next && previous);
    EXPECT_FALSE(previous->isEnabled());
    // The keys are listed in Help › Keyboard Shortcuts, without clashing with another's.
    auto* guide = rig.window->findChild<ui::ShortcutGuide*>();
    ASSERT_NE(guide, nullptr);
    QStringList keys;
    for (const auto& row : guide->rows()) {
        if (row.action == "Next Song" || row.action == "Previous Song") keys << row.keys;
        if (row.keys.isEmpty()) continue;
        for (const QString& key : row.keys.split(", ")) {
            EXPECT_TRUE(key != next->shortcut().toString(QKeySequence::NativeText) ||
                        row.action == "Next Song")
                << row.action.toStdString();
        }
    }
    EXPECT_EQ(keys.size(), 2);
    // Ctrl+Right, from the window, as the user presses it.
    ASSERT_TRUE(rig.startsRow(
        1, [&] { QTest::keyClick(&*rig.window, Qt::Key_Right, Qt::ControlModifier); }));
    EXPECT_DOUBLE_EQ(rig.playback().tempo(), 0.75);
    EXPECT_TRUE(previous->isEnabled());
    // The missing song: said (each line names the entry), a problem row; the set goes on.
    QSignalSpy problems(&rig.sets().player(), &app::set::SetPlayer::problem);
    next->trigger();
    ASSERT_TRUE(problems.count() > 0 || problems.wait(10000));
    EXPECT_TRUE(problems.first().at(0).toString().contains("entry 3 (Missing)"));
    rig.closeBoxes();  // the window's own "could not open" box
    EXPECT_TRUE(rig.isCurrent(2));
    EXPECT_EQ(rig.playback().songFolder(), test::qpath(rig.dir / "Ballad"));  // still loaded
    auto* nextButton = rig.sets().panel()->findChild<QToolButton*>("nextSongButton");
    ASSERT_NE(nextButton, nullptr);
    ASSERT_TRUE(rig.startsRow(3, [&] { nextButton->click(); }));
    EXPECT_EQ(rig.playback().songFolder(), test::qpath(rig.dir / "Closer"));
    EXPECT_DOUBLE_EQ(rig.playback().tempo(), 1.0);  // Ballad's 75 % did not carry over
    EXPECT_NEAR(rig.playback().pitchCents(), -100.0, 1e-9);
    EXPECT_TRUE(rig.isCurrent(3));
    EXPECT_FALSE(next->isEnabled());
    ASSERT_TRUE(rig.startsRow(1, [&] {
        previous->trigger();  // Missing again, said again
        previous->trigger();
    }));
    EXPECT_TRUE(rig.isCurrent(1));
}

TEST(SetWindow, AReorderedSetIsSavedAndAnUnsavedSetIsAskedAboutOnClose) {
    SetWindowRig rig;
    ASSERT_TRUE(rig.sets().openSet(rig.setFile()));
    auto& model = rig.sets().model();
    ASSERT_TRUE(model.moveRows({}, 3, 1, {}, 0));  // Closer first
    EXPECT_TRUE(rig.sets().dock()->windowTitle().endsWith("*"));
    int asked = 0;
    rig.sets().setAskUnsaved([&](const QString& name) {
        ++asked;
        EXPECT_EQ(name, "Show");
        return asked == 1 ? SetWindowPart::Unsaved::Cancel : SetWindowPart::Unsaved::Save;
    });
    rig.window->close();
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(rig.window->isVisible());  // cancelled: the window stays
    rig.window->close();
    EXPECT_EQ(asked, 2);
    EXPECT_FALSE(rig.window->isVisible());
    const auto saved = app::set::SetFile::read(rig.dir / "show.stemset");
    ASSERT_EQ(saved.set.songs.size(), 4u);
    EXPECT_EQ(saved.set.songs[0].path, "Closer");
    EXPECT_EQ(saved.set.extra.value("stage", ""), "left");
}

TEST(SetWindow, SetsAreInOpenRecentAndOpenFromThere) {
    SetWindowRig rig;
    ASSERT_TRUE(rig.sets().openSet(rig.setFile()));
    rig.sets().newSet();
    EXPECT_EQ(rig.sets().session().size(), 0);
    auto* recent = rig.window->findChild<QMenu*>("menuRecent");
    ASSERT_NE(recent, nullptr);
    emit recent->aboutToShow();
    QAction* item = nullptr;
    for (QAction* action : recent->actions())
        if (action->text() == "show (set)") item = action;
    ASSERT_NE(item, nullptr);
    EXPECT_TRUE(item->isEnabled());
    item->trigger();
    EXPECT_EQ(rig.sets().session().size(), 4);
    EXPECT_EQ(rig.sets().session().filePath(), rig.setFile());
}

TEST(SetWindow, NewAndOpenSetAskAboutAnUnsavedSetAndADamagedFileIsRefused) {
    SetWindowRig rig;
    rig.sets().newSet();
    rig.sets().model().addPaths({test::qpath(rig.dir / "Opener")});
    int asked = 0;
    rig.sets().setAskUnsaved([&](const QString&) {
        ++asked;
        return asked == 1 ? SetWindowPart::Unsaved::Cancel : SetWindowPart::Unsaved::Discard;
    });
    EXPECT_FALSE(rig.sets().openSet(rig.setFile()));
    EXPECT_EQ(rig.sets().session().size(), 1);
    EXPECT_TRUE(rig.sets().openSet(rig.setFile()));
    EXPECT_EQ(asked, 2);
    test::writeTextFile(rig.dir / "bad.stemset", "{\"songs\": [1,");
    EXPECT_FALSE(rig.sets().openSet(test::qpath(rig.dir / "bad.stemset")));
    EXPECT_TRUE(rig.statusMessage().contains("bad.stemset")) << rig.statusMessage().toStdString();
    EXPECT_EQ(rig.sets().session().size(), 4);  // the open set stays
    rig.closeBoxes();
}

TEST(SetWindow, TheStageViewShowsTheSetsNextSongAndStepsThroughTheSet) {
    SetWindowRig rig;
    ASSERT_TRUE(rig.sets().openSet(rig.setFile()));
    ui::StageView* stage = rig.window->stageView();
    ASSERT_NE(stage, nullptr);
    auto* nextSong = stage->findChild<QLabel*>("stageNextSong");
    auto* setLeft = stage->findChild<QLabel*>("stageSetLeft");
    auto* songLeft = stage->findChild<QLabel*>("stageSongLeft");
    auto* next = stage->findChild<QPushButton*>("stageNext");
    auto* previous = stage->findChild<QPushButton*>("stagePrevious");
    ASSERT_TRUE(nextSong && setLeft && songLeft && next && previous);
    // The label's whole text (the stage elides it to its width, small while it is hidden).
    const auto shown = [&] { return nextSong->property("stemdeckFullText").toString(); };
    EXPECT_FALSE(stage->hasSetContext()) << "no song of the set plays yet";

    ASSERT_TRUE(rig.startsRow(0, [&] { rig.sets().player().jumpTo(0); }));
    EXPECT_TRUE(stage->hasSetContext());
    EXPECT_EQ(shown(), "Next song: Ballad");
    EXPECT_TRUE(next->isEnabled());
    EXPECT_FALSE(previous->isEnabled()) << "the first song has no previous one";
    // "Set −0:07" against "Song −0:02": the set's time counts the songs after this one.
    EXPECT_NE(setLeft->text().mid(4), songLeft->text().mid(5)) << setLeft->text().toStdString();

    // The stage's own Next Song button steps through the set, as the menu does.
    ASSERT_TRUE(rig.startsRow(1, [&] { QTest::mouseClick(next, Qt::LeftButton); }));
    EXPECT_EQ(shown(), "Next song: Missing");
    EXPECT_TRUE(previous->isEnabled());
}

// The set's spoken cues in the setlist panel: a file's values shown, the check and level
// edit the set (dirty, saved with it) and switch the live cues.
TEST(SetWindow, SpokenCuesCheckAndLevelEditTheSetAndTheLiveCues) {
    SetWindowRig rig;
    test::writeTextFile(rig.dir / "cued.stemset",
                        R"({"songs": [{"path": "Opener"}], "guide_cues": true,
                            "guide_cue_level_db": -20})");
    ASSERT_TRUE(rig.sets().openSet(test::qpath(rig.dir / "cued.stemset")));
    auto* check = rig.sets().panel()->findChild<QCheckBox*>("setCuesCheck");
    auto* level = rig.sets().panel()->findChild<QSpinBox*>("setCuesLevel");
    ASSERT_NE(check, nullptr);
    ASSERT_NE(level, nullptr);
    EXPECT_TRUE(check->isChecked());
    EXPECT_EQ(level->value(), -20);
    EXPECT_TRUE(rig.sets().guideCues().enabled());
    EXPECT_DOUBLE_EQ(rig.sets().guideCues().levelDb(), -20.0);
    EXPECT_FALSE(rig.sets().session().dirty());

    check->click();
    EXPECT_FALSE(rig.sets().session().set().guideCues);
    EXPECT_FALSE(rig.sets().guideCues().enabled());
    EXPECT_TRUE(rig.sets().session().dirty());
    EXPECT_FALSE(level->isEnabled());
    check->click();
    level->setValue(-9);
    EXPECT_DOUBLE_EQ(rig.sets().session().set().guideCueLevelDb, -9.0);
    EXPECT_DOUBLE_EQ(rig.sets().guideCues().levelDb(), -9.0);
    ASSERT_TRUE(rig.sets().saveSet());
    const auto saved = app::set::SetFile::read(rig.dir / "cued.stemset");
    EXPECT_TRUE(saved.set.guideCues);
    EXPECT_DOUBLE_EQ(saved.set.guideCueLevelDb, -9.0);
    for (int i = 0; i < 100 && !rig.sets().guideCues().idle(); ++i) QTest::qWait(50);
}

}  // namespace unity_SetWindowTest
