#include "stemdeck/ui/BeatLight.h"

#include <QPainter>
#include <algorithm>

namespace stemdeck::ui {

namespace {

// Lit colours readable under stage lights; off is still visible as a lamp.
const QColor kBeat{0x3e, 0xcf, 0x8e};
const QColor kDownbeat{0xff, 0x4d, 0x4d};
const QColor kOff{0x26, 0x26, 0x26};

}  // namespace

BeatLight::BeatLight(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void BeatLight::setState(State state) {
    if (state == state_) return;
    state_ = state;
    update();
}

QSize BeatLight::sizeHint() const {
    return minimumSize().isEmpty() ? QSize(48, 48) : minimumSize();
}

QSize BeatLight::minimumSizeHint() const {
    return QSize(16, 16);
}

void BeatLight::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int side = std::min(width(), height()) - 4;
    const QRectF lamp((width() - side) / 2.0, (height() - side) / 2.0, side, side);
    p.setPen(QPen(QColor(0x80, 0x80, 0x80), 2));
    p.setBrush(state_ == State::Downbeat ? kDownbeat : state_ == State::Beat ? kBeat : kOff);
    p.drawEllipse(lamp);
}

}  // namespace stemdeck::ui
