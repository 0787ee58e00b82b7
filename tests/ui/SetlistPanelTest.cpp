// The setlist panel without a device: the rows of a set file with their lengths, the current
// and next rows drawn apart, a reorder saved with the set's unknown keys, the entry editor,
// Enter / double-click asking to jump, Delete removing.
#include <gtest/gtest.h>

#include <QAbstractItemDelegate>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>
#include <cstdlib>
#include <filesystem>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "WidgetParts.h"
#include "stemdeck/app/set/SetFile.h"
#include "stemdeck/app/set/SetListModel.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/SetEntryEditor.h"
#include "stemdeck/ui/SetlistPanel.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetlistPanelTest {

using namespace stemdeck;
using namespace stemdeck::app::set;
namespace fs = std::filesystem;

namespace {

struct PanelRig {
    test::TempDir dir;
    SetSession session;
    SetListModel model{session};
    QAction previous{QStringLiteral("Previous Song")};
    QAction next{QStringLiteral("Next Song")};
    std::optional<ui::SetlistPanel> panel;

    PanelRig() {
        test::writeSineSong(dir.path(), "Intro", 61.0, 1, 8000);
        test::writeSineSong(dir.path(), "Ballad", 2.0, 1, 8000);
        test::writeTextFile(dir / "show.stemset", R"({"name": "Show", "lights": {"cue": 4},
 "songs": [{"path": "Intro", "transition": "segue", "fx": 1},
           {"path": "Missing"},
           {"path": "Ballad", "tempo": 0.5, "start_marker": "Verse"}]})");
        QString error;
        EXPECT_TRUE(session.open(test::qpath(dir / "show.stemset"), &error));
        panel.emplace(model, &previous, &next);
        panel->resize(600, 500);
        panel->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&*panel));
    }
    QTableView* table() { return panel->table(); }
    QString cell(int row, int column) {
        return table()->model()->index(row, column).data().toString();
    }
    // What the view draws for a cell: its text, font and colour after the panel's touches.
    QStyleOptionViewItem drawn(int row, int column) {
        QStyleOptionViewItem option;
        option.initFrom(table());
        option.font = table()->font();
        option.text = cell(row, column);
        ui::SetlistPanel::decorate(option, model.index(row, column));
        return option;
    }
};

}  // namespace

TEST(SetlistPanel, ShowsEverySongWithItsLengthAndTheMissingOneAsAProblem) {
    PanelRig rig;
    ASSERT_EQ(rig.table()->model()->rowCount(), 3);
    EXPECT_EQ(rig.cell(0, SetListModel::SongColumn), "Intro");
    EXPECT_EQ(rig.cell(0, SetListModel::DurationColumn), "1:01");
    EXPECT_EQ(rig.cell(0, SetListModel::TransitionColumn), "segue");
    EXPECT_EQ(rig.cell(1, SetListModel::DurationColumn), "missing");
    EXPECT_EQ(rig.cell(2, SetListModel::DurationColumn), "0:04");
    EXPECT_EQ(rig.drawn(1, 0).palette.color(QPalette::Text), ui::palette::kBad);
    EXPECT_NE(rig.drawn(0, 0).palette.color(QPalette::Text), ui::palette::kBad);
    const QString tip = rig.model.index(1, 0).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains("entry 2 (Missing)")) << tip.toStdString();
    // 61 s segued into 4 s: the missing song counts nothing.
    auto* times = test::part<QLabel>(&*rig.panel, "setTimeLabel");
    EXPECT_EQ(times->text(), "Set 1:05 · left 1:05");
    rig.panel->showTimes(rig.model.totalSeconds(), 30.0);
    EXPECT_EQ(times->text(), "Set 1:05 · left 0:30");
}

TEST(SetlistPanel, TheCurrentRowIsBoldTheNextOneMarkedAndBothFollow) {
    PanelRig rig;
    rig.session.setCurrentIndex(0);
    EXPECT_TRUE(rig.drawn(0, 0).font.bold());
    EXPECT_EQ(rig.drawn(0, 0).palette.color(QPalette::Text), ui::palette::kAccent);
    EXPECT_TRUE(rig.drawn(0, 0).text.startsWith("▶ "));
    EXPECT_TRUE(rig.drawn(1, 0).font.italic());
    EXPECT_TRUE(rig.drawn(1, 0).text.startsWith("› "));
    EXPECT_FALSE(rig.drawn(2, 0).font.bold());
    // The table draws through them: accent-coloured pixels in the current row only.
    const auto accentPixels = [&](int row) {
        const QImage image = rig.table()->viewport()->grab().toImage();
        const QRect rect = rig.table()->visualRect(rig.model.index(row, 0)) &
                           QRect(QPoint(0, 0), image.size() / image.devicePixelRatio());
        int count = 0;
        for (int y = rect.top(); y <= rect.bottom(); ++y)
            for (int x = rect.left(); x <= rect.right(); ++x) {
                const QColor c = image.pixelColor(x, y);
                const QColor a = ui::palette::kAccent;
                if (std::abs(c.red() - a.red()) < 24 && std::abs(c.green() - a.green()) < 24 &&
                    std::abs(c.blue() - a.blue()) < 24)
                    ++count;
            }
        return count;
    };
    rig.table()->clearSelection();
    EXPECT_GT(accentPixels(0), 0);
    EXPECT_EQ(accentPixels(2), 0);
    rig.session.setCurrentIndex(1);
    EXPECT_FALSE(rig.drawn(0, 0).font.bold());
    EXPECT_TRUE(rig.drawn(1, 0).font.bold());
    EXPECT_TRUE(rig.drawn(2, 0).font.italic());
}

TEST(SetlistPanel, ARowDraggedToTheTopIsSavedThereWithTheUnknownKeys) {
    PanelRig rig;
    // What the view hands the model when row 2 is dragged onto row 0.
    std::unique_ptr<QMimeData> mime(rig.model.mimeData({rig.model.index(2, 0)}));
    rig.model.dropMimeData(mime.get(), Qt::MoveAction, 0, 0, {});
    EXPECT_EQ(rig.cell(0, SetListModel::SongColumn), "Ballad");
    QString error;
    ASSERT_TRUE(rig.session.save(&error)) << error.toStdString();
    const ParsedSet saved = SetFile::read(rig.dir / "show.stemset");
    ASSERT_EQ(saved.set.songs.size(), 3u);
    EXPECT_EQ(saved.set.songs[0].path, "Ballad");
    EXPECT_EQ(saved.set.songs[0].startMarker, "Verse");
    EXPECT_EQ(saved.set.songs[1].path, "Intro");
    EXPECT_EQ(saved.set.songs[1].extra.value("fx", 0), 1);
    EXPECT_EQ(saved.set.extra["lights"].value("cue", 0), 4);
}

TEST(SetlistPanel, TheEditorShowsTheSelectedEntryAndEditsGoToTheSet) {
    PanelRig rig;
    rig.table()->selectRow(2);
    auto* editor = rig.panel->editor();
    EXPECT_EQ(editor->row(), 2);
    auto* tempo = test::part<QDoubleSpinBox>(editor, "entryTempoSpin");
    EXPECT_DOUBLE_EQ(tempo->value(), 50.0);
    EXPECT_EQ(test::part<QComboBox>(editor, "startMarkerCombo")->currentText(), "Verse");
    auto* gap = test::part<QDoubleSpinBox>(editor, "gapSpin");
    EXPECT_FALSE(gap->isEnabled());                                        // "stop"
    test::part<QComboBox>(editor, "transitionCombo")->setCurrentIndex(1);  // Gap
    EXPECT_TRUE(gap->isEnabled());
    gap->setValue(6.0);
    test::part<QSpinBox>(editor, "entryPitchSpin")->setValue(-3);
    test::part<QCheckBox>(editor, "entryClickCheck")->setChecked(true);
    tempo->setValue(90.0);
    const SetEntry& entry = rig.session.entry(2);
    EXPECT_EQ(entry.transition, Transition::Gap);
    EXPECT_DOUBLE_EQ(entry.gapSeconds, 6.0);
    EXPECT_DOUBLE_EQ(entry.pitchSemitones, -3.0);
    EXPECT_TRUE(entry.click);
    EXPECT_DOUBLE_EQ(entry.tempo, 0.9);
    EXPECT_TRUE(rig.session.dirty());
    EXPECT_TRUE(rig.cell(2, SetListModel::SettingsColumn).contains("90 %"));
}

TEST(SetlistPanel, EnterOrADoubleClickAsksToJumpAndDeleteRemoves) {
    PanelRig rig;
    QSignalSpy jumps(&*rig.panel, &ui::SetlistPanel::jumpRequested);
    rig.table()->setFocus();
    rig.table()->selectRow(2);
    rig.table()->setCurrentIndex(rig.model.index(2, 0));
    QTest::keyClick(rig.table(), Qt::Key_Return);
    ASSERT_EQ(jumps.count(), 1);
    EXPECT_EQ(jumps.takeFirst().at(0).toInt(), 2);
    const QRect cell = rig.table()->visualRect(rig.model.index(0, 0));
    // A double-click as the user makes it: a click, then the second press.
    QTest::mouseClick(rig.table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(rig.table()->viewport(), Qt::LeftButton, {}, cell.center());
    ASSERT_GE(jumps.count(), 1);
    EXPECT_EQ(jumps.last().at(0).toInt(), 0);
    rig.table()->selectRow(1);
    QTest::keyClick(rig.table(), Qt::Key_Delete);
    EXPECT_EQ(rig.model.rowCount(), 2);
    EXPECT_EQ(rig.cell(1, SetListModel::SongColumn), "Ballad");
}

}  // namespace unity_SetlistPanelTest
