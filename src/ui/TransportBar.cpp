#include "stemdeck/ui/TransportBar.h"

#include <QAction>
#include <QEvent>
#include <QSignalBlocker>
#include <cmath>
#include <utility>

#include "stemdeck/ui/TimeFormat.h"
#include "ui_TransportBar.h"

namespace stemdeck::ui {

TransportBar::TransportBar(QWidget* parent)
    : QFrame(parent), ui_(std::make_unique<Ui::TransportBar>()) {
    ui_->setupUi(this);
    ui_->titleLabel->installEventFilter(this);
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
    title_ = title;
    details_ = details;
    ui_->titleLabel->setToolTip(title);
    ui_->detailsLabel->setToolTip(details);
    elideSong();
}

void TransportBar::elideSong() {
    for (auto [label, text] : {std::pair{ui_->titleLabel, &title_}, {ui_->detailsLabel, &details_}})
        label->setText(label->fontMetrics().elidedText(*text, Qt::ElideRight, label->width()));
}

bool TransportBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == ui_->titleLabel && event->type() == QEvent::Resize) elideSong();
    return QFrame::eventFilter(watched, event);
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
    // In the length's place, so the bar does not grow (a narrow window would widen itself for
    // good). Hidden first: showing a label lays the window out at once.
    const bool counting = beatsLeft > 0;
    (counting ? ui_->durationLabel : ui_->countInLabel)->hide();
    (counting ? ui_->countInLabel : ui_->durationLabel)->show();
    ui_->countInLabel->setText(tr("Count-in %1").arg(beatsLeft));
}

}  // namespace stemdeck::ui
