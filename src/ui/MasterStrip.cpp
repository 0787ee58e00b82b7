#include "stemdeck/ui/MasterStrip.h"

#include <QEvent>
#include <QSignalBlocker>
#include <algorithm>

#include "stemdeck/ui/FaderTaper.h"
#include "stemdeck/ui/MeterBallistics.h"
#include "stemdeck/ui/Palette.h"
#include "ui_MasterStrip.h"

namespace stemdeck::ui {

MasterStrip::MasterStrip(QWidget* parent)
    : QFrame(parent), ui_(std::make_unique<Ui::MasterStrip>()) {
    ui_->setupUi(this);
    ui_->fader->setResetValue(FaderTaper::sliderValue(0.0f));
    ui_->fader->setValue(FaderTaper::sliderValue(0.0f));
    ui_->fader->setAccessibleName(tr("Master Level"));
    ui_->meter->setChannelCount(2);
    ui_->meter->setScaleVisible(true);
    ui_->colorBar->setStyleSheet(
        QStringLiteral("background: %1; border-radius: 2px;").arg(palette::kAccent.name()));
    connect(ui_->fader, &QSlider::valueChanged, this, [this](int value) {
        const float db = FaderTaper::dbAtSlider(value);
        showGainText(db);
        emit gainChanged(db);
    });
    ui_->peakLabel->installEventFilter(this);
}

bool MasterStrip::eventFilter(QObject* watched, QEvent* event) {
    // The peak's text changes many times a second while playing. A label whose size may
    // change lays the whole window out again on each new text; this one keeps the width the
    // strip's layout first gives it (the strip's own width is fixed), so it repaints alone.
    if (watched == ui_->peakLabel && event->type() == QEvent::Resize &&
        ui_->peakLabel->minimumWidth() != ui_->peakLabel->maximumWidth())
        ui_->peakLabel->setFixedWidth(ui_->peakLabel->width());
    return QFrame::eventFilter(watched, event);
}

MasterStrip::~MasterStrip() = default;

void MasterStrip::showGain(float db) {
    {
        const QSignalBlocker block(ui_->fader);
        ui_->fader->setValue(FaderTaper::sliderValue(db));
    }
    showGainText(db);
}

void MasterStrip::showLevels(float left, float right, double seconds) {
    ui_->meter->showPeaks(left, right, seconds);
    const float hold = std::max(ui_->meter->channel(0).holdDb(), ui_->meter->channel(1).holdDb());
    ui_->peakLabel->setText(hold > MeterBallistics::kFloorDb ? tr("peak %1").arg(hold, 0, 'f', 1)
                                                             : tr("peak -\u221e"));
}

void MasterStrip::resetMeters() {
    ui_->meter->reset();
    ui_->peakLabel->setText(tr("peak -\u221e"));
}

bool MasterStrip::metersAtRest() const {
    return ui_->meter->atRest();
}

void MasterStrip::showGainText(float db) {
    ui_->gainLabel->setText(FaderTaper::text(db) + QStringLiteral(" dB"));
}

}  // namespace stemdeck::ui
