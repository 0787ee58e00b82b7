#include "stemdeck/ui/SeekSlider.h"

#include <QMouseEvent>
#include <QStyle>
#include <QStyleOptionSlider>

namespace stemdeck::ui {

SeekSlider::SeekSlider(QWidget* parent) : QSlider(Qt::Horizontal, parent) {
    setFocusPolicy(Qt::NoFocus);
    connect(this, &QSlider::sliderMoved, this, &SeekSlider::seekRequested);
}

void SeekSlider::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && maximum() > minimum()) {
        QStyleOptionSlider option;
        initStyleOption(&option);
        const QRect handle =
            style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
        if (!handle.contains(event->position().toPoint())) {
            const int span = width() - handle.width();
            const int x = qRound(event->position().x()) - handle.width() / 2;
            const int value = QStyle::sliderValueFromPosition(minimum(), maximum(), x, span,
                                                              invertedAppearance());
            setValue(value);
            emit seekRequested(value);
        }
    }
    // The handle is under the mouse now, so the base class starts a drag from here.
    QSlider::mousePressEvent(event);
}

int SeekSlider::handleX(int value) const {
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect handle =
        style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
    return QStyle::sliderPositionFromValue(minimum(), maximum(), value, width() - handle.width(),
                                           invertedAppearance());
}

void SeekSlider::showValue(int value) {
    // A value the handle does not show differently would only repaint the slider (and the
    // styled bar behind it) for nothing, ten times a second while playing.
    if (value != this->value() &&
        (handleX(value) != handleX(this->value()) || value == minimum() || value == maximum()))
        setValue(value);
}

}  // namespace stemdeck::ui
