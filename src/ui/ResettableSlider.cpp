#include "stemdeck/ui/ResettableSlider.h"

#include <QMouseEvent>

#include "stemdeck/ui/WheelGuard.h"

namespace stemdeck::ui {

ResettableSlider::ResettableSlider(QWidget* parent) : QSlider(parent) {
    // A click or Tab gives it the keys (Up, Down, Page Up/Down; the transport's keys stay the
    // window's) and the wheel; without that the wheel scrolls the mixer.
    setFocusPolicy(Qt::StrongFocus);
    WheelGuard::guard(this);
}

void ResettableSlider::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QSlider::mouseDoubleClickEvent(event);
        return;
    }
    setValue(resetValue_);
    event->accept();
}

}  // namespace stemdeck::ui
