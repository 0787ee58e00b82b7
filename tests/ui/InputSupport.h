#pragma once

// Keys, drags and the wheel as the user makes them: keys go to the widget that has the focus
// (with Qt's shortcut override first, as from a keyboard), clicks and presses come through the
// window system (they move the focus by the widgets' focus policies).
#include <QAbstractSlider>
#include <QApplication>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <QWheelEvent>

namespace stemdeck::test {

// Where the keyboard's keys go now: the focus widget, else the active window.
inline QWidget* keyboardTarget(QWidget* window) {
    if (QWidget* focus = QApplication::focusWidget()) return focus;
    return window;
}
inline void press(QWidget* window, Qt::Key key, Qt::KeyboardModifiers mods = {}) {
    QTest::keyClick(keyboardTarget(window), key, mods);
}
inline void type(QWidget* window, const QString& text) {
    QTest::keyClicks(keyboardTarget(window), text);
}

// Clicks into the text of a field (a spin box's line edit) and selects it, ready to type over.
inline void clickIntoText(QWidget* field) {
    QWidget* text = field->findChild<QLineEdit*>();
    if (!text) text = field;
    QTest::mouseClick(text, Qt::LeftButton, {}, text->rect().center());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
}

// The centre of a slider's handle, where a drag takes hold of it.
inline QPoint handleCenter(const QSlider* slider) {
    QStyleOptionSlider opt;
    opt.initFrom(slider);
    opt.subControls = QStyle::SC_None;
    opt.activeSubControls = QStyle::SC_None;
    opt.orientation = slider->orientation();
    opt.maximum = slider->maximum();
    opt.minimum = slider->minimum();
    opt.tickPosition = slider->tickPosition();
    opt.tickInterval = slider->tickInterval();
    opt.upsideDown =
        slider->orientation() == Qt::Horizontal
            ? slider->invertedAppearance() != (slider->layoutDirection() == Qt::RightToLeft)
            : !slider->invertedAppearance();
    opt.direction = Qt::LeftToRight;
    opt.sliderPosition = slider->sliderPosition();
    opt.sliderValue = slider->value();
    opt.singleStep = slider->singleStep();
    opt.pageStep = slider->pageStep();
    return slider->style()
        ->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, slider)
        .center();
}

// Takes hold of the handle, moves it by `offset` in `steps` moves, and lets go.
inline void dragHandle(QSlider* slider, QPoint offset, int steps = 10) {
    const QPoint from = handleCenter(slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, from);
    for (int i = 1; i <= steps; ++i) {
        const QPoint at = from + offset * i / steps;
        QMouseEvent move(QEvent::MouseMove, QPointF(at), slider->mapToGlobal(QPointF(at)),
                         Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(slider, &move);
    }
    QTest::mouseRelease(slider, Qt::LeftButton, {}, from + offset);
}

// `notches` of a mouse wheel turned over the middle of `widget`.
inline void wheel(QWidget* widget, int notches, Qt::KeyboardModifiers mods = {}) {
    const QPointF at = QRectF(widget->rect()).center();
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      mods, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

}  // namespace stemdeck::test
