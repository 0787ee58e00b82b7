// The keys door and Settings › Controls in the main window (issue 13, doors 1 and 3): every
// action has a QAction whose keys come from the same table as the window's own, the page
// rebinds them (saved, live, duplicates refused), Help lists them, Lock Mix and the control
// layer's lock are one, and the OSC door opens from the page.
#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QUdpSocket>
#include <cmath>

#include "../remote/OscTestSupport.h"
#include "InputSupport.h"
#include "MarkedSong.h"
#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/LockState.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/remote/ControlHub.h"
#include "stemdeck/ui/ControlKeys.h"
#include "stemdeck/ui/MixLock.h"
#include "stemdeck/ui/MixerPanel.h"
#include "stemdeck/ui/ResettableSlider.h"
#include "stemdeck/ui/SettingsDialog.h"
#include "stemdeck/ui/ShortcutsDialog.h"
#include "stemdeck/ui/TrackStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ControlKeysWindowTest {

using namespace stemdeck;
using test::press;

namespace {

using Rig = test::WindowRig;

bool near(double a, double b) {
    return std::abs(a - b) < 0.05;
}

bool positionNear(Rig& rig, double seconds) {
    return QTest::qWaitFor([&] { return near(rig.playback().position(), seconds); }, 3000);
}

QKeySequenceEdit* keyEdit(ui::SettingsDialog* dialog, const char* id) {
    return dialog->findChild<QKeySequenceEdit*>(QStringLiteral("keyEdit:") +
                                                QString::fromLatin1(id));
}

// Types `key` into the page's edit as the user would and waits for it to be taken (the edit
// finishes a second after the last key).
void typeKey(QKeySequenceEdit* edit, Qt::Key key, Qt::KeyboardModifiers mods = {}) {
    edit->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(edit, key, mods);
    QSignalSpy finished(edit, &QKeySequenceEdit::editingFinished);
    EXPECT_TRUE(finished.wait(3000));
}

QString keysMessage(ui::SettingsDialog* dialog) {
    return dialog->findChild<QLabel*>(QStringLiteral("keysMessage"))->text();
}

// Every key of the window's actions and shortcuts that reach it wherever the focus is, and
// who has it: a key with two holders is one Qt calls ambiguous (and runs neither).
QMap<QString, QStringList> windowKeys(QWidget* window) {
    QMap<QString, QStringList> holders;
    for (const QAction* action : window->findChildren<QAction*>())
        if (action->shortcutContext() != Qt::WidgetShortcut)
            for (const QKeySequence& key : action->shortcuts())
                holders[key.toString()] << action->objectName() + " " + action->text();
    for (const QShortcut* shortcut : window->findChildren<QShortcut*>())
        if (shortcut->context() != Qt::WidgetShortcut)
            for (const QKeySequence& key : shortcut->keys())
                holders[key.toString()] << shortcut->objectName();
    return holders;
}

void expectNoKeyTwice(QWidget* window) {
    const QMap<QString, QStringList> holders = windowKeys(window);
    for (auto it = holders.begin(); it != holders.end(); ++it)
        EXPECT_EQ(it.value().size(), 1)
            << it.key().toStdString() << " is on " << it.value().join(" | ").toStdString();
}

// Qt's complaint when a key is on two actions.
QStringList* g_warnings = nullptr;
void collect(QtMsgType, const QMessageLogContext&, const QString& message) {
    if (g_warnings) g_warnings->append(message);
}

}  // namespace

TEST(ControlKeysWindow, EveryActionHasAQActionAndTheWindowsKeysComeFromOneTable) {
    Rig rig;
    ui::ControlKeys* keys = rig.window->controlKeys();
    ASSERT_NE(keys, nullptr);
    ASSERT_NE(rig.window->control(), nullptr);
    for (const control::ActionSpec& spec : rig.window->control()->actions())
        EXPECT_NE(keys->action(QString::fromStdString(spec.name)), nullptr) << spec.name;
    EXPECT_GE(keys->bindings().size(), rig.window->control()->actions().size() + 9);
    // The window's own actions carry the table's keys; the page-turner's are the markers'.
    EXPECT_EQ(keys->action("play_pause"), rig.part<QAction>("actionPlayPause"));
    EXPECT_EQ(keys->action("lock"), rig.part<QAction>("actionLockMix"));
    EXPECT_EQ(keys->action("marker.goto.3"), rig.part<QAction>("actionJumpToMarker3"));
    EXPECT_EQ(rig.part<QAction>("actionPlayPause")->shortcut(), QKeySequence(Qt::Key_Space));
    EXPECT_EQ(keys->keys("marker.next"), QList<QKeySequence>{QKeySequence(Qt::Key_PageDown)});
    EXPECT_EQ(keys->keys("marker.previous"), QList<QKeySequence>{QKeySequence(Qt::Key_PageUp)});
    EXPECT_EQ(keys->keys("to_start").size(), 3);
    EXPECT_TRUE(keys->keys("stem.gain").isEmpty()) << "needs values no key gives";
    expectNoKeyTwice(&*rig.window);
}

TEST(ControlKeysWindow, PageDownAndPageUpTurnToTheNextAndPreviousMarker) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::markedSong(rig)));
    rig.playback().seek(1.0);
    QStringList warnings;
    g_warnings = &warnings;
    const QtMessageHandler previous = qInstallMessageHandler(collect);
    press(&*rig.window, Qt::Key_PageDown);
    EXPECT_TRUE(positionNear(rig, 8.0)) << rig.playback().position();
    press(&*rig.window, Qt::Key_PageDown);
    EXPECT_TRUE(positionNear(rig, 24.0)) << rig.playback().position();
    press(&*rig.window, Qt::Key_PageUp);
    EXPECT_TRUE(positionNear(rig, 8.0)) << rig.playback().position();
    // A pedal turns the page also while a fader has the keys (after a click on it).
    rig.in<ui::ResettableSlider>(rig.mixer()->strip(0), "fader")->setFocus(Qt::MouseFocusReason);
    press(&*rig.window, Qt::Key_PageDown);
    EXPECT_TRUE(positionNear(rig, 24.0)) << rig.playback().position();
    qInstallMessageHandler(previous);
    g_warnings = nullptr;
    for (const QString& w : warnings)
        EXPECT_FALSE(w.contains(QLatin1String("mbiguous"))) << w.toStdString();
}

TEST(ControlKeysWindow, ARefusedCallFromAKeySaysWhyInTheStatusBar) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "plain", 5.0)));  // no markers
    press(&*rig.window, Qt::Key_PageDown);
    EXPECT_TRUE(rig.statusMessage().startsWith(QStringLiteral("Next marker: ")))
        << rig.statusMessage().toStdString();
    EXPECT_FALSE(rig.statusMessage().contains(QLatin1Char('\n')));
}

TEST(ControlKeysWindow, ARebindingInThePageIsSavedAndWorksAtOnce) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::markedSong(rig)));
    ui::SettingsDialog* dialog = rig.window->showSettings();
    QKeySequenceEdit* edit = keyEdit(dialog, "marker.next");
    ASSERT_NE(edit, nullptr);
    EXPECT_EQ(edit->keySequence(), QKeySequence(Qt::Key_PageDown));
    typeKey(edit, Qt::Key_N);
    ui::ControlKeys* keys = rig.window->controlKeys();
    EXPECT_EQ(keys->keys("marker.next"), QList<QKeySequence>{QKeySequence(Qt::Key_N)});
    EXPECT_EQ(QSettings(rig.ini, QSettings::IniFormat).value("keys/marker.next").toString(),
              QStringLiteral("N"));
    dialog->close();
    rig.focusWindow();
    rig.playback().seek(1.0);
    press(&*rig.window, Qt::Key_N);
    EXPECT_TRUE(positionNear(rig, 8.0)) << rig.playback().position();
    press(&*rig.window, Qt::Key_PageDown);  // free now
    QTest::qWait(100);
    EXPECT_TRUE(near(rig.playback().position(), 8.0)) << rig.playback().position();
    expectNoKeyTwice(&*rig.window);

    // The next start has it; Reset gives the default back, and saves that.
    rig.restart();
    keys = rig.window->controlKeys();
    EXPECT_EQ(keys->keys("marker.next"), QList<QKeySequence>{QKeySequence(Qt::Key_N)});
    dialog = rig.window->showSettings();
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("resetKey:marker.next")),
                      Qt::LeftButton);
    EXPECT_EQ(keys->keys("marker.next"), QList<QKeySequence>{QKeySequence(Qt::Key_PageDown)});
    EXPECT_EQ(keyEdit(dialog, "marker.next")->keySequence(), QKeySequence(Qt::Key_PageDown));
    EXPECT_FALSE(QSettings(rig.ini, QSettings::IniFormat).contains("keys/marker.next"));

    // Reset All Keys: every binding back to its default, nothing of the user's left saved.
    ASSERT_TRUE(keys->setKeys("lock", {QKeySequence(Qt::Key_F6)}));
    ASSERT_TRUE(keys->setKeys("play_pause", {}));
    EXPECT_TRUE(QSettings(rig.ini, QSettings::IniFormat).contains("keys/play_pause"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("resetAllKeys")),
                      Qt::LeftButton);
    EXPECT_EQ(rig.part<QAction>("actionLockMix")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
    EXPECT_EQ(rig.part<QAction>("actionPlayPause")->shortcut(), QKeySequence(Qt::Key_Space));
    QSettings after(rig.ini, QSettings::IniFormat);
    after.beginGroup("keys");
    EXPECT_TRUE(after.childKeys().isEmpty()) << after.childKeys().join(' ').toStdString();
}

TEST(ControlKeysWindow, AKeyAnotherActionHasIsRefusedWithOneLine) {
    Rig rig;
    ui::SettingsDialog* dialog = rig.window->showSettings();
    QKeySequenceEdit* edit = keyEdit(dialog, "marker.next");
    ASSERT_NE(edit, nullptr);
    typeKey(edit, Qt::Key_Space);
    EXPECT_EQ(keysMessage(dialog), QStringLiteral("Space is already Play or pause"));
    typeKey(edit, Qt::Key_Z, Qt::ControlModifier);  // Undo: the window's, not the table's
    EXPECT_EQ(keysMessage(dialog), QStringLiteral("Ctrl+Z is already Undo"));
    ui::ControlKeys* keys = rig.window->controlKeys();
    EXPECT_EQ(keys->keys("marker.next"), QList<QKeySequence>{QKeySequence(Qt::Key_PageDown)});
    EXPECT_EQ(edit->keySequence(), QKeySequence(Qt::Key_PageDown)) << "the edit shows it back";
    EXPECT_FALSE(QSettings(rig.ini, QSettings::IniFormat).contains("keys/marker.next"));
    // Nor can a hand-edited file put a key on two actions.
    rig.restart([](app::Settings& s) { s.setKeyBinding("click", {"Space", "K"}); });
    keys = rig.window->controlKeys();
    EXPECT_EQ(keys->keys("click"), QList<QKeySequence>{QKeySequence(Qt::Key_K)});
    EXPECT_EQ(rig.part<QAction>("actionPlayPause")->shortcut(), QKeySequence(Qt::Key_Space));
    expectNoKeyTwice(&*rig.window);
}

TEST(ControlKeysWindow, HelpListsAReboundKey) {
    Rig rig;
    QString error;
    ASSERT_TRUE(rig.window->controlKeys()->setKeys("tempo.up", {QKeySequence(Qt::Key_F5)}, &error))
        << error.toStdString();
    rig.part<QAction>("actionKeyboardShortcuts")->trigger();
    auto* dialog = rig.window->findChild<ui::ShortcutsDialog*>();
    ASSERT_NE(dialog, nullptr);
    QTableWidget* table = dialog->table();
    bool tempo = false, pageDown = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        tempo |= table->item(row, 1)->text() == QStringLiteral("Tempo up") &&
                 table->item(row, 2)->text() == QStringLiteral("F5");
        pageDown |= table->item(row, 1)->text() == QStringLiteral("Next marker") &&
                    table->item(row, 2)->text() == QStringLiteral("PgDown");
    }
    EXPECT_TRUE(tempo);
    EXPECT_TRUE(pageDown);
}

TEST(ControlKeysWindow, LockMixAndTheControlLayersLockAreOne) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 10.0)));
    audio::MixControls& mix = rig.engine().mix();
    auto* fader = rig.in<ui::ResettableSlider>(rig.mixer()->strip(0), "fader");
    const control::ActionResult locked =
        rig.window->control()->invoke({"lock", {{"on", true}}, control::Origin::Osc, 0});
    ASSERT_TRUE(locked.ok()) << locked.message;
    EXPECT_TRUE(rig.window->mixLock()->locked());
    EXPECT_TRUE(rig.part<QAction>("actionLockMix")->isChecked());
    const audio::MixSnapshot before = mix.snapshot();
    test::dragHandle(fader, {0, -40}, 8);
    EXPECT_EQ(mix.snapshot(), before) << "the fader ignores the mouse";
    const control::ActionResult gain = rig.window->control()->invoke(
        {"stem.gain", {{"stem", std::int64_t{1}}, {"db", -6.0}}, control::Origin::Osc, 0});
    EXPECT_EQ(gain.code, control::ActionResult::Code::Locked);

    rig.part<QAction>("actionLockMix")->trigger();  // the UI unlocks
    EXPECT_FALSE(rig.window->lockState()->locked());
    EXPECT_TRUE(
        rig.window->control()
            ->invoke(
                {"stem.gain", {{"stem", std::int64_t{1}}, {"db", -6.0}}, control::Origin::Osc, 0})
            .ok());
    press(&*rig.window, Qt::Key_L, Qt::ControlModifier);  // and locks by its key
    EXPECT_TRUE(rig.window->lockState()->locked());
    EXPECT_TRUE(rig.window->control()->state().lock);
}

TEST(ControlKeysWindow, TheOscSwitchOpensTheDoorAndATakenPortIsOneLine) {
    Rig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 5.0)));
    EXPECT_FALSE(rig.window->controlHub()->oscOpen()) << "off by default";
    ui::SettingsDialog* dialog = rig.window->showSettings();
    auto* enabled = dialog->findChild<QCheckBox*>(QStringLiteral("oscEnabled"));
    auto* address = dialog->findChild<QLineEdit*>(QStringLiteral("oscAddress"));
    auto* port = dialog->findChild<QSpinBox*>(QStringLiteral("oscPort"));
    auto* status = dialog->findChild<QLabel*>(QStringLiteral("oscStatus"));
    auto* warning = dialog->findChild<QLabel*>(QStringLiteral("oscWarning"));
    ASSERT_TRUE(enabled && address && port && status && warning);
    EXPECT_FALSE(enabled->isChecked());
    EXPECT_EQ(address->text(), QStringLiteral("127.0.0.1"));
    EXPECT_FALSE(dialog->findChild<QLabel*>(QStringLiteral("midiStatus"))->text().isEmpty());

    // A port someone else holds: one line in the page, the app runs on.
    QUdpSocket holder;
    ASSERT_TRUE(holder.bind(QHostAddress::LocalHost, 0));
    port->setValue(holder.localPort());
    enabled->setChecked(true);
    EXPECT_FALSE(rig.window->controlHub()->oscOpen());
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("OSC: cannot listen on 127.0.0.1:")))
        << status->text().toStdString();
    EXPECT_FALSE(status->text().contains(QLatin1Char('\n')));
    press(&*rig.window, Qt::Key_Space);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return rig.playback().state() == audio::PlayState::Playing; }, 3000));
    rig.playback().pause();

    // A free one: the door answers /stemdeck/state on 127.0.0.1.
    const quint16 free = holder.localPort();
    holder.close();
    port->setValue(free);
    emit port->editingFinished();
    ASSERT_TRUE(rig.window->controlHub()->oscOpen()) << status->text().toStdString();
    EXPECT_EQ(status->text(), QStringLiteral("Listening on udp://127.0.0.1:%1").arg(free));
    test::OscClient client;
    client.send(test::encoded("/stemdeck/state"), free);
    client.waitFor(5);
    EXPECT_FALSE(client.withAddress("/stemdeck/state/playing").empty());
    QSettings saved(rig.ini, QSettings::IniFormat);
    EXPECT_TRUE(saved.value(app::Settings::kOscEnabledKey).toBool());
    EXPECT_EQ(saved.value(app::Settings::kOscPortKey).toInt(), free);

    // Every network: said plainly.
    enabled->setChecked(false);
    address->setText(QStringLiteral("0.0.0.0"));
    emit address->editingFinished();
    EXPECT_FALSE(warning->isHidden());
    EXPECT_TRUE(warning->text().contains(QStringLiteral("every network")));
    EXPECT_FALSE(rig.window->controlHub()->oscOpen());
}

}  // namespace unity_ControlKeysWindowTest
