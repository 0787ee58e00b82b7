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
    ui_->timeLabel->installEventFilter(this);
    holdTimeLabelSize();
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
    if (watched == ui_->timeLabel &&
        (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))
        holdTimeLabelSize();
    return QFrame::eventFilter(watched, event);
}

void TransportBar::holdTimeLabelSize() {
    // A label that may change size lays the whole window out again on each new text (ten
    // times a second while playing); at a fixed size, that of the widest time the song can
    // show, only the label is repainted.
    QLabel* label = ui_->timeLabel;
    label->ensurePolished();
    QString widest = formatTime(duration_);
    for (QChar& c : widest)
        if (c.isDigit()) c = QLatin1Char('8');
    const QString shown = label->text();
    label->setMinimumSize(0, 0);
    label->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    label->setText(widest);
    const QSize size = label->sizeHint();
    label->setText(shown);
    label->setFixedSize(size);
}

void TransportBar::showDuration(double seconds) {
    duration_ = seconds;
    holdTimeLabelSize();
    ui_->durationLabel->setText(QStringLiteral("/ ") + formatTime(seconds));
    const QSignalBlocker block(ui_->seekSlider);
    ui_->seekSlider->setRange(0, static_cast<int>(std::lround(seconds * 1000.0)));
}

void TransportBar::showPosition(double seconds) {
    // Repainted only when the text changes (every tenth of a second while playing).
    const QString time = formatTime(seconds);
    if (ui_->timeLabel->text() != time) ui_->timeLabel->setText(time);
    // Do not pull the handle from under the user's mouse.
    if (ui_->seekSlider->isSliderDown()) return;
    const QSignalBlocker block(ui_->seekSlider);
    ui_->seekSlider->showValue(static_cast<int>(std::lround(seconds * 1000.0)));
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
