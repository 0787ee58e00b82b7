#include "stemdeck/ui/ResettableSlider.h"

#include <QMouseEvent>

namespace stemdeck::ui {

ResettableSlider::ResettableSlider(QWidget* parent) : QSlider(parent) {
    // Keyboard focus on a strip control would steal the transport's Space and arrow keys.
    setFocusPolicy(Qt::NoFocus);
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
