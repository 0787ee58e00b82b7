// The set's undo history without a device: add, drag, a transition and a removal taken back
// to the very bytes saved before and made again; edits of one field as one step; a drag of
// several rows as one step; the cued next song following an undo; Ctrl+Z in the song list
// reaching the set, not the window's (the mix's) Undo.
#include <gtest/gtest.h>

#include <QAction>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <filesystem>
#include <memory>

#include "AudioFiles.h"
#include "FileBytes.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/set/SetListModel.h"
#include "stemdeck/app/set/SetPlaybackPort.h"
#include "stemdeck/app/set/SetPlayer.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/ui/SetEntryEditor.h"
#include "stemdeck/ui/SetUndo.h"
#include "stemdeck/ui/SetlistPanel.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetUndoTest {

using namespace stemdeck;
using namespace stemdeck::app::set;
namespace fs = std::filesystem;

namespace {

// Remembers what the player cues after the current song.
class CuePort : public SetPlaybackPort {
  public:
    QStringList opened;
    QStringList prepared;  // "current path -> next folder"
    void openSong(const QString& folder) override { opened << folder; }
    void play() override {}
    bool playing() const override { return false; }
    void seek(double) override {}
    void setTempo(double) override {}
    void setPitch(int, double) override {}
    audio::ClickSettings click() const override { return {}; }
    void setClick(const audio::ClickSettings&) override {}
    std::optional<double> markerSeconds(const QString&, const QString&) const override {
        return std::nullopt;
    }
    bool handlesTransitions() const override { return true; }
    void prepareNext(const SetEntry& current, const QString& next, const SetEntry&) override {
        prepared << QString::fromStdString(current.path) + " -> " + next;
    }
    void load() { emit songLoaded(opened.last()); }
};

struct UndoRig {
    test::TempDir dir;
    SetSession session;
    SetListModel model{session};
    ui::SetUndo undo{model};

    UndoRig() {
        for (const char* name : {"A", "B", "C", "D"})
            test::writeSineSong(dir.path(), name, 1.0, 1, 8000);
        test::writeTextFile(dir / "show.stemset", R"({"name": "Show", "lights": {"cue": 4},
 "songs": [{"path": "A", "transition": "gap", "gap_s": 2, "fx": 1},
           {"path": "B", "tempo": 0.9}, {"path": "C"}]})");
        QString error;
        EXPECT_TRUE(session.open(test::qpath(dir / "show.stemset"), &error));
    }
    // The set as saved now.
    std::string saved() {
        QString error;
        EXPECT_TRUE(session.save(&error)) << error.toStdString();
        return test::readFile(dir / "show.stemset");
    }
    QStringList paths() const {
        QStringList out;
        for (const SetEntry& entry : session.set().songs) out << QString::fromStdString(entry.path);
        return out;
    }
};

}  // namespace

TEST(SetUndo, FourEditsUndoneGiveTheSavedSetBackAndRedoneGiveTheEditedOne) {
    UndoRig rig;
    const std::string before = rig.saved();
    rig.model.addPaths({test::qpath(rig.dir / "D")}, 1);  // add: A D B C
    rig.model.moveRows({}, 3, 1, {}, 0);                  // reorder: C A D B
    SetEntry entry = rig.session.entry(1);                // A
    entry.transition = Transition::Crossfade;
    rig.model.setEntry(1, entry);  // change transition
    rig.model.removeRows(3, 1);    // remove: C A D
    ASSERT_EQ(rig.paths(), QStringList({"C", "A", "D"}));
    EXPECT_EQ(rig.undo.stack()->count(), 4);
    const std::string after = rig.saved();
    ASSERT_NE(after, before);

    for (int i = 0; i < 4; ++i) rig.undo.stack()->undo();
    EXPECT_FALSE(rig.undo.stack()->canUndo());
    EXPECT_EQ(rig.paths(), QStringList({"A", "B", "C"}));
    EXPECT_EQ(rig.model.rowCount(), 3);
    EXPECT_EQ(rig.saved(), before);  // unknown keys and all

    for (int i = 0; i < 4; ++i) rig.undo.stack()->redo();
    EXPECT_FALSE(rig.undo.stack()->canRedo());
    EXPECT_EQ(rig.saved(), after);
}

TEST(SetUndo, ChangesOfOneFieldAreOneStepAndAnotherFieldIsTheNext) {
    UndoRig rig;
    for (double gap : {3.0, 4.0, 5.5}) {
        SetEntry entry = rig.session.entry(0);
        entry.gapSeconds = gap;
        rig.model.setEntry(0, entry);
    }
    EXPECT_EQ(rig.undo.stack()->count(), 1);
    SetEntry entry = rig.session.entry(0);
    entry.click = true;
    rig.model.setEntry(0, entry);
    EXPECT_EQ(rig.undo.stack()->count(), 2);
    rig.undo.stack()->undo();
    EXPECT_FALSE(rig.session.entry(0).click);
    EXPECT_DOUBLE_EQ(rig.session.entry(0).gapSeconds, 5.5);
    rig.undo.stack()->undo();
    EXPECT_DOUBLE_EQ(rig.session.entry(0).gapSeconds, 2.0);
    // The same field of another entry is a step of its own.
    rig.undo.stack()->clear();
    for (int row : {1, 2}) {
        SetEntry other = rig.session.entry(row);
        other.gapSeconds = 7.0;
        rig.model.setEntry(row, other);
    }
    EXPECT_EQ(rig.undo.stack()->count(), 2);
}

TEST(SetUndo, ADragOfTwoRowsAndTheNameAreStepsAndAnotherSetForgetsThem) {
    UndoRig rig;
    const std::string before = rig.saved();
    std::unique_ptr<QMimeData> mime(
        rig.model.mimeData({rig.model.index(1, 0), rig.model.index(2, 0)}));
    rig.model.dropMimeData(mime.get(), Qt::MoveAction, 0, 0, {});
    ASSERT_EQ(rig.paths(), QStringList({"B", "C", "A"}));
    EXPECT_EQ(rig.undo.stack()->count(), 1);
    rig.session.setName(QStringLiteral("Friday"));
    EXPECT_EQ(rig.session.displayName(), "Friday");
    EXPECT_EQ(rig.undo.stack()->undoText(), "Rename Set");
    rig.undo.stack()->undo();
    EXPECT_EQ(rig.session.displayName(), "Show");
    rig.undo.stack()->undo();
    EXPECT_EQ(rig.paths(), QStringList({"A", "B", "C"}));
    EXPECT_EQ(rig.saved(), before);
    rig.undo.stack()->redo();
    EXPECT_EQ(rig.paths(), QStringList({"B", "C", "A"}));
    rig.session.newSet();
    EXPECT_EQ(rig.undo.stack()->count(), 0);
}

TEST(SetUndo, UndoingAnEditOfTheNextSongCuesItAgain) {
    UndoRig rig;
    CuePort port;
    SetPlayer player{rig.session, port};
    player.jumpTo(0, false);
    port.load();
    ASSERT_EQ(port.prepared.last(), "A -> " + test::qpath(rig.dir / "B"));
    rig.model.moveRows({}, 2, 1, {}, 1);  // C is next now
    EXPECT_EQ(port.prepared.last(), "A -> " + test::qpath(rig.dir / "C"));
    QSignalSpy changed(&rig.session, &SetSession::changed);
    rig.undo.stack()->undo();
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(port.prepared.last(), "A -> " + test::qpath(rig.dir / "B"));
    rig.undo.stack()->redo();
    EXPECT_EQ(port.prepared.last(), "A -> " + test::qpath(rig.dir / "C"));
}

TEST(SetUndo, CtrlZInTheSongListUndoesTheSetNotTheWindowsUndo) {
    UndoRig rig;
    QWidget window;
    QAction windowUndo(&window);  // the mix's Undo, Ctrl+Z for the whole window
    windowUndo.setShortcut(QKeySequence::Undo);
    window.addAction(&windowUndo);
    QSignalSpy mixUndone(&windowUndo, &QAction::triggered);
    const QList<QAction*> actions = rig.undo.createActions(&window);
    auto* panel = new ui::SetlistPanel(rig.model, nullptr, nullptr, &window);
    panel->setUndoActions(actions[0], actions[1]);
    window.resize(600, 500);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    EXPECT_FALSE(actions[0]->isEnabled());

    rig.model.removeRows(0, 1);
    EXPECT_TRUE(actions[0]->isEnabled());
    EXPECT_EQ(actions[0]->text(), "Undo Set Edit: Remove Song");
    panel->table()->setFocus();
    QTest::keySequence(panel->table(), QKeySequence::Undo);
    EXPECT_EQ(rig.paths(), QStringList({"A", "B", "C"}));
    EXPECT_EQ(mixUndone.count(), 0);
    QTest::keySequence(panel->table(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    EXPECT_EQ(rig.paths(), QStringList({"B", "C"}));

    // The entry editor shows an entry as it is after an undo (its next edit starts there).
    panel->table()->selectionModel()->select(
        rig.model.index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    ASSERT_EQ(panel->editor()->row(), 0);
    auto* editor = panel->findChild<QDoubleSpinBox*>(QStringLiteral("gapSpin"));
    ASSERT_NE(editor, nullptr);
    editor->setValue(9.0);
    EXPECT_DOUBLE_EQ(rig.session.entry(0).gapSeconds, 9.0);
    actions[0]->trigger();
    EXPECT_DOUBLE_EQ(rig.session.entry(0).gapSeconds, 2.0);
    EXPECT_DOUBLE_EQ(editor->value(), 2.0);

    // The name field: a new name is a step, and shows again when undone.
    panel->nameEdit()->setText(QStringLiteral("Late show"));
    emit panel->nameEdit()->editingFinished();
    EXPECT_EQ(rig.session.displayName(), "Late show");
    actions[0]->trigger();
    EXPECT_EQ(panel->nameEdit()->text(), "Show");

    // Elsewhere Ctrl+Z is the window's.
    panel->nameEdit()->clearFocus();
    window.setFocus();
    QTest::keySequence(&window, QKeySequence::Undo);
    EXPECT_EQ(mixUndone.count(), 1);
}

}  // namespace unity_SetUndoTest
