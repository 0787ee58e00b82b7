// The main window without a mouse: Tab reaches every control, each with a name a screen reader
// can say, through the transport, the faders and the setlist, and play/pause and a fader move
// work from the keys alone.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QTest>
#include <algorithm>

#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/ui/MixerPanel.h"
#include "stemdeck/ui/RehearsalBar.h"
#include "stemdeck/ui/ResettableSlider.h"
#include "stemdeck/ui/SetlistPanel.h"
#include "stemdeck/ui/TrackStrip.h"
#include "stemdeck/ui/TransportBar.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_KeyboardAccessTest {

using namespace stemdeck;

namespace {

QString accessibleName(QWidget* widget) {
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

template <typename T>
bool inside(QWidget* widget) {
    for (QWidget* w = widget; w; w = w->parentWidget())
        if (qobject_cast<T*>(w)) return true;
    return false;
}

QString describe(QWidget* w) {
    return QStringLiteral("%1 '%2' in %3")
        .arg(QLatin1String(w->metaObject()->className()), w->objectName(),
             w->parentWidget() ? w->parentWidget()->objectName() : QString());
}

// The widgets Tab visits from the window's first focus until it comes back round.
std::vector<QWidget*> tabCycle(QMainWindow& window) {
    window.activateWindow();
    QWidget* first = window.nextInFocusChain();
    while (first != &window &&
           !(first->focusPolicy() & Qt::TabFocus && first->isVisible() && first->isEnabled()))
        first = first->nextInFocusChain();
    first->setFocus(Qt::TabFocusReason);
    std::vector<QWidget*> cycle;
    for (int i = 0; i < 300; ++i) {
        QWidget* focused = QApplication::focusWidget();
        if (!focused || std::find(cycle.begin(), cycle.end(), focused) != cycle.end()) {
            // Round the whole way: back at the first control, not caught in a loop.
            EXPECT_EQ(focused, cycle.front()) << (focused ? qPrintable(describe(focused)) : "");
            break;
        }
        if (qEnvironmentVariableIsSet("STEMDECK_PRINT_TABS"))
            qInfo("%s: %s", qPrintable(describe(focused)), qPrintable(accessibleName(focused)));
        cycle.push_back(focused);
        QTest::keyClick(focused, Qt::Key_Tab);
    }
    return cycle;
}

// A control a user works (a button, a field, a slider, a list), not a frame or a label that
// takes the focus from a click only to be dismissed or copied from. A spin box's or combo
// box's own line edit is a part of its field.
bool isControl(QWidget* w) {
    QWidget* parent = w->parentWidget();
    if (qobject_cast<QAbstractSpinBox*>(parent) || qobject_cast<QComboBox*>(parent)) return false;
    return qobject_cast<QAbstractButton*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
           qobject_cast<QAbstractSlider*>(w) || qobject_cast<QComboBox*>(w) ||
           qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractItemView*>(w);
}

}  // namespace

TEST(KeyboardAccess, TabReachesEveryControlThatTakesTheFocus) {
    test::WindowRig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 2.0)));
    for (QDockWidget* dock : rig.window->findChildren<QDockWidget*>()) dock->show();
    QApplication::processEvents();

    const std::vector<QWidget*> cycle = tabCycle(*rig.window);
    const auto reached = [&cycle](QWidget* w) {
        return std::find(cycle.begin(), cycle.end(), w) != cycle.end();
    };
    // A control that a click can focus but Tab cannot is out of a keyboard user's reach.
    QStringList missed;
    for (QWidget* w : rig.window->findChildren<QWidget*>())
        if (isControl(w) && w->isVisible() && w->isEnabled() && w->focusPolicy() != Qt::NoFocus &&
            !reached(w))
            missed << describe(w);
    EXPECT_TRUE(missed.isEmpty()) << "Tab does not reach:\n"
                                  << missed.join(QLatin1Char('\n')).toStdString();

    // In the order of the window, top to bottom: the transport, the rehearsal bar (tempo first,
    // the count-in last), then the mixer's faders.
    const auto firstIndex = [&cycle](auto&& matches) {
        const auto it = std::find_if(cycle.begin(), cycle.end(), matches);
        return it - cycle.begin();
    };
    const auto transport = firstIndex([](QWidget* w) { return inside<ui::TransportBar>(w); });
    const auto tempo =
        firstIndex([](QWidget* w) { return w->objectName() == QLatin1String("tempoSpin"); });
    const auto countIn =
        firstIndex([](QWidget* w) { return w->objectName() == QLatin1String("countInSpin"); });
    const auto fader = firstIndex([](QWidget* w) {
        return inside<ui::TrackStrip>(w) && qobject_cast<ui::ResettableSlider*>(w);
    });
    const auto end = static_cast<std::ptrdiff_t>(cycle.size());
    ASSERT_LT(tempo, end) << "Tab does not reach the tempo field";
    ASSERT_LT(countIn, end) << "Tab does not reach the count-in field";
    ASSERT_LT(fader, end);
    EXPECT_LT(transport, tempo);
    EXPECT_LT(tempo, countIn);
    EXPECT_LT(countIn, fader);
    EXPECT_TRUE(inside<ui::RehearsalBar>(cycle[static_cast<std::size_t>(tempo)]));
}

TEST(KeyboardAccess, TabReachesEveryControlAndEachHasAName) {
    test::WindowRig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 2.0)));
    // Every dock (setlist, lyrics, analysis, latency monitor) open, as a user may have them.
    for (QDockWidget* dock : rig.window->findChildren<QDockWidget*>()) dock->show();
    QApplication::processEvents();

    const std::vector<QWidget*> cycle = tabCycle(*rig.window);
    ASSERT_GT(cycle.size(), 10u);
    EXPECT_LT(cycle.size(), 300u) << "Tab never came back to the first control";
    QStringList unnamed;
    bool transport = false, fader = false, setlist = false;
    for (QWidget* w : cycle) {
        if (accessibleName(w).isEmpty()) unnamed << describe(w);
        transport = transport || inside<ui::TransportBar>(w);
        fader = fader || (inside<ui::TrackStrip>(w) && qobject_cast<ui::ResettableSlider*>(w));
        setlist = setlist || inside<ui::SetlistPanel>(w);
    }
    // The fields that take the focus from a click only (Tab stays out of their way) as well.
    // (A spin box's or combo box's own line edit is a part of it: the field is named.)
    for (QWidget* w : rig.window->findChildren<QWidget*>()) {
        QWidget* parent = w->parentWidget();
        if (qobject_cast<QAbstractSpinBox*>(parent) || qobject_cast<QComboBox*>(parent)) continue;
        if (w->isVisible() && w->focusPolicy() != Qt::NoFocus && accessibleName(w).isEmpty() &&
            !unnamed.contains(describe(w)))
            unnamed << describe(w);
    }
    EXPECT_TRUE(unnamed.isEmpty()) << "no accessible name:\n"
                                   << unnamed.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(transport);
    EXPECT_TRUE(fader);
    EXPECT_TRUE(setlist);
}

TEST(KeyboardAccess, PlayPauseAndAFaderMoveFromTheKeysAlone) {
    test::WindowRig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 4.0)));
    QApplication::processEvents();  // the new strips show (queued by their layout)
    const std::vector<QWidget*> cycle = tabCycle(*rig.window);
    QWidget* fader = nullptr;
    for (QWidget* w : cycle)
        if (inside<ui::TrackStrip>(w) && qobject_cast<ui::ResettableSlider*>(w)) fader = w;
    ASSERT_NE(fader, nullptr);
    // Tab to the fader, as a keyboard user would, then move it with Up.
    for (int i = 0; i < 300 && QApplication::focusWidget() != fader; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), fader);
    auto* slider = static_cast<ui::ResettableSlider*>(fader);
    const int before = slider->value();
    QTest::keyClick(fader, Qt::Key_Down);
    EXPECT_LT(slider->value(), before);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    EXPECT_EQ(rig.playback().state(), audio::PlayState::Playing);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    EXPECT_NE(rig.playback().state(), audio::PlayState::Playing);
}

}  // namespace unity_KeyboardAccessTest
