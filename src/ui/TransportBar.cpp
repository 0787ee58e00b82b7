#include "stemdeck/ui/TransportBar.h"

#include <QAction>
#include <QSignalBlocker>
#include <cmath>

#include "stemdeck/ui/TimeFormat.h"
#include "ui_TransportBar.h"

namespace stemdeck::ui {

TransportBar::TransportBar(QWidget* parent)
    : QFrame(parent), ui_(std::make_unique<Ui::TransportBar>()) {
    ui_->setupUi(this);
    ui_->seekSlider->setRange(0, 0);
    // The slider counts milliseconds.
    connect(ui_->seekSlider, &SeekSlider::seekRequested, this,
            [this](int ms) { emit seekRequested(ms / 1000.0); });
}

TransportBar::~TransportBar() = default;

void TransportBar::setTransportActions(QAction* toStart, QAction* playPause, QAction* stop) {
    ui_->toStartButton->setDefaultAction(toStart);
    ui_->playButton->setDefaultAction(playPause);
    ui_->stopButton->setDefaultAction(stop);
}

void TransportBar::setLoopAction(QAction* loop) {
    ui_->loopButton->setDefaultAction(loop);
}

void TransportBar::setZoomActions(QAction* zoomOut, QAction* zoomFit, QAction* zoomIn) {
    ui_->zoomOutButton->setDefaultAction(zoomOut);
    ui_->zoomFitButton->setDefaultAction(zoomFit);
    ui_->zoomInButton->setDefaultAction(zoomIn);
}

void TransportBar::showSong(const QString& title, const QString& details) {
    ui_->titleLabel->setText(ui_->titleLabel->fontMetrics().elidedText(title, Qt::ElideRight, 250));
    ui_->titleLabel->setToolTip(title);
    ui_->detailsLabel->setText(details);
}

void TransportBar::showDuration(double seconds) {
    ui_->durationLabel->setText(QStringLiteral("/ ") + formatTime(seconds));
    const QSignalBlocker block(ui_->seekSlider);
    ui_->seekSlider->setRange(0, static_cast<int>(std::lround(seconds * 1000.0)));
}

void TransportBar::showPosition(double seconds) {
    ui_->timeLabel->setText(formatTime(seconds));
    // Do not pull the handle from under the user's mouse.
    if (ui_->seekSlider->isSliderDown()) return;
    const QSignalBlocker block(ui_->seekSlider);
    ui_->seekSlider->setValue(static_cast<int>(std::lround(seconds * 1000.0)));
}

void TransportBar::showCountIn(int beatsLeft) {
    ui_->countInLabel->setVisible(beatsLeft > 0);
    ui_->countInLabel->setText(tr("Count-in %1").arg(beatsLeft));
}

}  // namespace stemdeck::ui
