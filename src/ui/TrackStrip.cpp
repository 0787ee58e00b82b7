#include "stemdeck/ui/TrackStrip.h"

#include <QEvent>
#include <QLayout>
#include <QSignalBlocker>
#include <cmath>

#include "stemdeck/ui/FaderTaper.h"
#include "stemdeck/ui/Palette.h"
#include "ui_TrackStrip.h"

namespace stemdeck::ui {

namespace {

constexpr int kPanSteps = 100;  // the pan slider runs -kPanSteps..kPanSteps

}  // namespace

TrackStrip::TrackStrip(QWidget* parent) : QFrame(parent), ui_(std::make_unique<Ui::TrackStrip>()) {
    ui_->setupUi(this);
    ui_->nameLabel->installEventFilter(this);
    ui_->fader->setResetValue(FaderTaper::sliderValue(0.0f));
    ui_->fader->setValue(FaderTaper::sliderValue(0.0f));
    ui_->panSlider->setResetValue(0);
    ui_->meter->setChannelCount(1);
    ui_->meter->setScaleVisible(true);

    connect(ui_->fader, &QSlider::valueChanged, this, [this](int value) {
        const float db = FaderTaper::dbAtSlider(value);
        showGain(db);
        emit gainChanged(db);
    });
    connect(ui_->panSlider, &QSlider::valueChanged, this, [this](int value) {
        showPan(value);
        emit panChanged(static_cast<float>(value) / kPanSteps);
    });
    connect(ui_->muteButton, &QPushButton::toggled, this, &TrackStrip::muteToggled);
    connect(ui_->soloButton, &QPushButton::toggled, this, &TrackStrip::soloToggled);
}

TrackStrip::~TrackStrip() = default;

void TrackStrip::setName(const QString& name) {
    name_ = name;
    ui_->nameLabel->setToolTip(name);
    // What a screen reader says for each control (the buttons only show "M" and "S").
    ui_->fader->setAccessibleName(tr("%1 Level").arg(name));
    ui_->panSlider->setAccessibleName(tr("%1 Pan").arg(name));
    ui_->muteButton->setAccessibleName(tr("Mute %1").arg(name));
    ui_->soloButton->setAccessibleName(tr("Solo %1").arg(name));
    elideName();
}

void TrackStrip::elideName() {
    // The strip's fixed width less its margins (the label may not be laid out yet), in the
    // label's font as the style sheet makes it (bold): cut with "…", never clipped.
    const QMargins margins = layout()->contentsMargins();
    const int room = maximumWidth() - margins.left() - margins.right();
    ui_->nameLabel->setText(ui_->nameLabel->fontMetrics().elidedText(name_, Qt::ElideRight, room));
}

bool TrackStrip::eventFilter(QObject* watched, QEvent* event) {
    if (watched == ui_->nameLabel && event->type() == QEvent::FontChange) elideName();
    return QFrame::eventFilter(watched, event);
}

void TrackStrip::setColor(const QColor& color) {
    color_ = color;
    showAudible(true);
}

void TrackStrip::showMix(const audio::StemMix& mix, bool audible) {
    {
        const QSignalBlocker blockFader(ui_->fader);
        const QSignalBlocker blockPan(ui_->panSlider);
        const QSignalBlocker blockMute(ui_->muteButton);
        const QSignalBlocker blockSolo(ui_->soloButton);
        ui_->fader->setValue(FaderTaper::sliderValue(mix.gainDb));
        ui_->panSlider->setValue(static_cast<int>(std::lround(mix.pan * kPanSteps)));
        ui_->muteButton->setChecked(mix.muted);
        ui_->soloButton->setChecked(mix.solo);
    }
    showGain(mix.gainDb);
    showPan(ui_->panSlider->value());
    showAudible(audible);
}

void TrackStrip::showLevel(float peak, double seconds) {
    ui_->meter->showPeak(peak, seconds);
}

bool TrackStrip::meterAtRest() const {
    return ui_->meter->atRest();
}

void TrackStrip::showGain(float db) {
    ui_->gainLabel->setText(FaderTaper::text(db) + QStringLiteral(" dB"));
}

void TrackStrip::showPan(int value) {
    if (value == 0)
        ui_->panLabel->setText(QStringLiteral("C"));
    else
        ui_->panLabel->setText(QStringLiteral("%1 %2")
                                   .arg(value < 0 ? QLatin1Char('L') : QLatin1Char('R'))
                                   .arg(std::abs(value)));
}

void TrackStrip::showAudible(bool audible) {
    const QColor bar = audible ? color_ : palette::kInaudible;
    ui_->colorBar->setStyleSheet(
        QStringLiteral("background: %1; border-radius: 2px;").arg(bar.name()));
    ui_->nameLabel->setStyleSheet(
        QStringLiteral("color: %1;").arg((audible ? palette::kText : palette::kDimText).name()));
}

}  // namespace stemdeck::ui
