// The keyboard and the wheel in the main window: transport keys whatever has the focus, fields
// that take Enter and Escape, the list of shortcuts, and a wheel that scrolls past the faders.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <cmath>
#include <functional>

#include "InputSupport.h"
#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/ui/FaderTaper.h"
#include "stemdeck/ui/MixerPanel.h"
#include "stemdeck/ui/RehearsalBar.h"
#include "stemdeck/ui/ResettableSlider.h"
#include "stemdeck/ui/ShortcutsDialog.h"
#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/ui/TrackStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_KeyboardWindowTest {

using namespace stemdeck;
using audio::PlayState;
using test::press;

namespace {

using Rig = test::WindowRig;

bool playing(Rig& rig) {
    return rig.playback().state() == PlayState::Playing;
}

// Space starts and stops playback from wherever the keys are now.
void expectSpacePlaysAndPauses(Rig& rig, const char* after) {
    press(&*rig.window, Qt::Key_Space);
    EXPECT_TRUE(playing(rig)) << "Space after " << after;
    press(&*rig.window, Qt::Key_Space);
    EXPECT_FALSE(playing(rig)) << "Space again after " << after;
}

// An action's text as the shortcut list shows it: no "&", no "...".
QString plain(const QString& text) {
    return QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("...")).trimmed();
}

}  // namespace

// Enter in the Tempo box sent the song to 0:00 (Enter is also "back to start"), and a spin box
// once clicked kept Space for itself. Every field of the window: the typed value is applied,
// the play position stays, and Space plays again at once.
TEST(KeyboardWindow, EnterInAnyFieldAppliesItAndNothingElseAndSpacePlaysAgain) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 30.0)));
    auto* bar = rig.window->findChild<ui::RehearsalBar*>();
    ASSERT_NE(bar, nullptr);
    struct Field {
        const char* name;
        QString typed;
        std::function<double()> applied;
        double expected;
    };
    app::PlaybackManager& playback = rig.playback();
    const Field fields[] = {
        {"tempoSpin", QStringLiteral("80"), [&] { return playback.tempo(); }, 0.8},
        {"pitchSpin", QStringLiteral("-3"), [&] { return double(playback.pitchSemitones()); }, -3},
        {"centsSpin", QStringLiteral("25"), [&] { return playback.pitchFineCents(); }, 25},
        {"clickLevelSpin", QStringLiteral("-12"), [&] { return double(playback.click().levelDb); },
         -12},
        {"bpmSpin", QStringLiteral("96.5"), [&] { return playback.click().bpm; }, 96.5},
        {"countInSpin", QStringLiteral("2"), [&] { return double(playback.click().countInBars); },
         2},
    };
    for (const Field& f : fields) {
        SCOPED_TRACE(f.name);
        auto* field = rig.in<QAbstractSpinBox>(bar, f.name);
        playback.seek(12.0);
        test::clickIntoText(field);
        ASSERT_EQ(QApplication::focusWidget(), field);
        test::type(&*rig.window, f.typed);
        press(&*rig.window, Qt::Key_Return);
        EXPECT_NEAR(f.applied(), f.expected, 1e-6);
        EXPECT_NEAR(playback.position(), 12.0, 0.1) << "Enter in a field is not 'back to start'";
        EXPECT_NE(QApplication::focusWidget(), field) << "the field gave the keys back";
        expectSpacePlaysAndPauses(rig, f.name);
    }
    // The meter is a list, not typed: Enter there goes nowhere either.
    auto* meter = rig.in<QComboBox>(bar, "meterCombo");
    playback.seek(12.0);
    meter->setFocus(Qt::MouseFocusReason);
    press(&*rig.window, Qt::Key_Return);
    EXPECT_GE(playback.position(), 12.0);
    EXPECT_NE(QApplication::focusWidget(), meter);
    expectSpacePlaysAndPauses(rig, "the meter");
}

// What a spin box takes from the keyboard: while typed into, everything that types (a space
// too); before that, only the keys that start a number. Escape drops what was typed.
TEST(KeyboardWindow, ASpinBoxTakesTheTypingKeysOnlyWhileTypedInto) {
    Rig rig;
    const auto song = test::writeUiSong(rig.dir, "song", 30.0);
    ASSERT_TRUE(rig.load(song));
    app::PlaybackManager& playback = rig.playback();
    playback.seek(2.0);
    press(&*rig.window, Qt::Key_M);  // marker 1 at 2 s: "1" would jump there
    ASSERT_EQ(rig.window->markers().count(), 1);
    auto* tempo = rig.in<QSpinBox>(rig.window->findChild<ui::RehearsalBar*>(), "tempoSpin");

    // Typing, Space is typed (the spin box refuses it) and plays nothing.
    playback.seek(12.0);
    test::clickIntoText(tempo);
    test::type(&*rig.window, QStringLiteral("1"));
    press(&*rig.window, Qt::Key_Space);
    EXPECT_FALSE(playing(rig)) << "Space while typing into a field";
    EXPECT_EQ(QApplication::focusWidget(), tempo);
    test::type(&*rig.window, QStringLiteral("40"));
    // Escape: nothing of it is applied, the field shows the tempo again and lets go.
    press(&*rig.window, Qt::Key_Escape);
    EXPECT_DOUBLE_EQ(playback.tempo(), 1.0);
    EXPECT_EQ(tempo->text(), QStringLiteral("100 %"));
    EXPECT_NE(QApplication::focusWidget(), tempo);
    expectSpacePlaysAndPauses(rig, "Escape");

    // Focused but not typed into (its arrows clicked, or Up pressed): the transport keys are
    // the window's, Up is the spin box's, a digit starts a number instead of jumping.
    playback.seek(12.0);
    tempo->setFocus(Qt::MouseFocusReason);
    press(&*rig.window, Qt::Key_Up);
    EXPECT_DOUBLE_EQ(playback.tempo(), 1.05);
    press(&*rig.window, Qt::Key_Right);
    EXPECT_NEAR(playback.position(), 17.0, 1e-3) << "the arrows seek";
    expectSpacePlaysAndPauses(rig, "an arrow of the spin box");
    playback.seek(12.0);
    tempo->setFocus(Qt::MouseFocusReason);
    press(&*rig.window, Qt::Key_A, Qt::ControlModifier);
    test::type(&*rig.window, QStringLiteral("1"));
    EXPECT_DOUBLE_EQ(playback.position(), 12.0) << "a digit in a field is not marker 1";
    test::type(&*rig.window, QStringLiteral("20"));
    press(&*rig.window, Qt::Key_Enter);  // the keypad's Enter
    EXPECT_DOUBLE_EQ(playback.tempo(), 1.2);
    EXPECT_DOUBLE_EQ(playback.position(), 12.0);
    // Away from the fields, the digit is marker 1 again.
    press(&*rig.window, Qt::Key_1);
    EXPECT_NEAR(playback.position(), 2.0, 1e-3);
}

// A click on something that takes no focus (the timeline) ends the typing too: the value is
// applied and Space plays.
TEST(KeyboardWindow, AClickElsewhereAppliesTheFieldAndGivesTheKeysBack) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 30.0)));
    auto* bpm = rig.in<QDoubleSpinBox>(rig.window->findChild<ui::RehearsalBar*>(), "bpmSpin");
    test::clickIntoText(bpm);
    test::type(&*rig.window, QStringLiteral("300"));
    EXPECT_DOUBLE_EQ(rig.playback().click().bpm, 120.0) << "not applied at each keystroke (30)";
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    QTest::mouseClick(
        timeline->viewport(), Qt::LeftButton, {},
        QPoint(static_cast<int>(timeline->xAt(5.0)), timeline->viewport()->height() / 2));
    EXPECT_DOUBLE_EQ(rig.playback().click().bpm, 300.0);
    EXPECT_NE(QApplication::focusWidget(), bpm);
    expectSpacePlaysAndPauses(rig, "a click on the timeline");
}

// A fader clicked (it has the keys now, for Up and Down) leaves Space and the arrows to the
// transport.
TEST(KeyboardWindow, AClickedFaderLeavesTheTransportKeysToTheWindow) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 30.0)));
    auto* fader = rig.in<ui::ResettableSlider>(rig.mixer()->strip(0), "fader");
    QTest::mouseClick(fader, Qt::LeftButton, {}, test::handleCenter(fader));
    ASSERT_EQ(QApplication::focusWidget(), fader);
    expectSpacePlaysAndPauses(rig, "a click on a fader");
    rig.playback().seek(10.0);
    press(&*rig.window, Qt::Key_Left);
    EXPECT_NEAR(rig.playback().position(), 5.0, 1e-3);
    const float before = rig.engine().mix().gainDb(0);
    press(&*rig.window, Qt::Key_Up);
    EXPECT_GT(rig.engine().mix().gainDb(0), before) << "Up moves the fader that has the keys";
}

// Typing a marker's name: Space is a space, not Play.
TEST(KeyboardWindow, SpaceInATextFieldTypesASpace) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 30.0)));
    press(&*rig.window, Qt::Key_M);
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    QTest::mouseDClick(timeline->viewport(), Qt::LeftButton, {}, timeline->flagRect(0).center());
    auto* dialog = rig.window->findChild<QInputDialog*>(QStringLiteral("renameMarkerDialog"));
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowActive(dialog));
    auto* edit = dialog->findChild<QLineEdit*>();
    ASSERT_NE(edit, nullptr);
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("Verse 2"));
    EXPECT_EQ(edit->text(), QStringLiteral("Verse 2"));
    EXPECT_FALSE(playing(rig));
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(rig.window->markers().markers()[0].name, QStringLiteral("Verse 2"));
    EXPECT_FALSE(playing(rig));
}

// Help › Keyboard Shortcuts lists every key the window's actions have, and every tooltip of an
// action names its keys; both are read from the actions, so they follow when keys change.
TEST(KeyboardWindow, TheShortcutListAndTheTooltipsShowEveryKey) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 5.0)));
    // A step to undo: the Undo action's text now says what it undoes.
    QTest::mouseClick(rig.in<QPushButton>(rig.mixer()->strip(1), "muteButton"), Qt::LeftButton);
    rig.part<QAction>("actionKeyboardShortcuts")->trigger();
    auto* dialog = rig.window->findChild<ui::ShortcutsDialog*>();
    ASSERT_NE(dialog, nullptr);
    QTableWidget* table = dialog->table();
    const auto listed = [&](const QString& action, const QString& key) {
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 1)->text() == action &&
                table->item(row, 2)->text().split(QStringLiteral(", ")).contains(key))
                return true;
        return false;
    };
    int withKeys = 0;
    for (QAction* action : rig.window->findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty()) continue;
        ++withKeys;
        for (const QKeySequence& key : action->shortcuts()) {
            const QString text = key.toString(QKeySequence::NativeText);
            EXPECT_TRUE(listed(plain(action->text()), text))
                << plain(action->text()).toStdString() << " " << text.toStdString();
            EXPECT_TRUE(action->toolTip().contains(text))
                << action->toolTip().toStdString() << " lacks " << text.toStdString();
        }
    }
    EXPECT_GE(withKeys, 30) << "transport, loop, markers 1-9, zoom, undo, redo ...";
    EXPECT_TRUE(listed(QStringLiteral("Undo Mute stem1"), QStringLiteral("Ctrl+Z")));
    EXPECT_TRUE(listed(QStringLiteral("Redo"), QStringLiteral("Ctrl+Shift+Z")));
    for (QToolButton* button : rig.window->findChildren<QToolButton*>()) {
        const QAction* action = button->defaultAction();
        if (!action || action->shortcuts().isEmpty()) continue;
        EXPECT_TRUE(
            button->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)))
            << button->toolTip().toStdString();
    }
    const auto* play = rig.part<QAction>("actionPlayPause");
    EXPECT_EQ(play->toolTip(), QStringLiteral("Play or pause (Space)"));
    // A key given later shows at once, once.
    auto* zoomFit = rig.part<QAction>("actionZoomFit");
    zoomFit->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_0), QKeySequence(Qt::Key_F)});
    EXPECT_EQ(zoomFit->toolTip(), QStringLiteral("Show the whole song (Ctrl+0, F)"));
    rig.part<QAction>("actionKeyboardShortcuts")->trigger();
    for (ui::ShortcutsDialog* shown : rig.window->findChildren<ui::ShortcutsDialog*>())
        if (shown->isVisible()) dialog = shown;  // a new one; the old one is on its way out
    table = dialog->table();
    EXPECT_TRUE(listed(QStringLiteral("Zoom to Fit"), QStringLiteral("F")));
}

// The wheel over the mixer scrolls it: a fader moves only once clicked, or with a modifier.
TEST(KeyboardWindow, TheWheelMovesAControlOnlyOnceClickedOrWithAModifier) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 5.0)));
    audio::MixControls& mix = rig.engine().mix();
    ui::TrackStrip* strip = rig.mixer()->strip(0);
    auto* fader = rig.in<ui::ResettableSlider>(strip, "fader");
    auto* pan = rig.in<ui::ResettableSlider>(strip, "panSlider");
    auto* tempo = rig.in<QSpinBox>(rig.window->findChild<ui::RehearsalBar*>(), "tempoSpin");

    // The wheel goes on to what holds the control (the mixer's scroll area).
    struct WheelProbe : QObject {
        int wheels = 0;
        bool eventFilter(QObject*, QEvent* event) override {
            wheels += event->type() == QEvent::Wheel;
            return false;
        }
    } probe;
    rig.in<QScrollArea>(rig.mixer(), "stripsArea")->viewport()->installEventFilter(&probe);
    test::wheel(fader, 2);
    test::wheel(pan, -2);
    EXPECT_FLOAT_EQ(mix.gainDb(0), 0.0f);
    EXPECT_FLOAT_EQ(mix.pan(0), 0.0f);
    EXPECT_EQ(probe.wheels, 2) << "the wheel went on to the mixer's scroll area";
    EXPECT_NE(QApplication::focusWidget(), fader);
    test::wheel(tempo, 2);
    EXPECT_DOUBLE_EQ(rig.playback().tempo(), 1.0);

    test::wheel(fader, 1, Qt::ControlModifier);
    EXPECT_GT(mix.gainDb(0), 0.0f) << "a modifier says the wheel is meant for the fader";
    const float fine = mix.gainDb(0);
    QTest::mouseClick(fader, Qt::LeftButton, {}, test::handleCenter(fader));
    test::wheel(fader, -1);
    EXPECT_LT(mix.gainDb(0), fine) << "clicked: the wheel is the fader's";
    test::clickIntoText(tempo);
    EXPECT_EQ(QApplication::focusWidget(), tempo);
    test::wheel(tempo, 1);
    EXPECT_DOUBLE_EQ(rig.playback().tempo(), 1.05);
}

}  // namespace unity_KeyboardWindowTest
