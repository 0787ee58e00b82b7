#include "stemdeck/ui/LatencyPanel.h"

#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/ui/FrameTick.h"
#include "stemdeck/ui/Palette.h"
#include "ui_LatencyPanel.h"

namespace stemdeck::ui {

namespace {

QString ms(double value) {
    return QStringLiteral("%1 ms").arg(value, 0, 'f', 2);
}

void setStyleSheetOnce(QWidget* widget, const QString& sheet) {
    if (widget->styleSheet() != sheet) widget->setStyleSheet(sheet);
}

}  // namespace

LatencyPanel::LatencyPanel(QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::LatencyPanel>()) {
    ui_->setupUi(this);
    connect(ui_->resetButton, &QPushButton::clicked, this, [this] {
        if (!playback_) return;
        playback_->resetLatencyStats();
        ui_->historyGraph->clear();
        lastCallbacks_ = 0;
        refresh();
    });
}

LatencyPanel::~LatencyPanel() = default;

void LatencyPanel::setPlayback(app::PlaybackManager* playback, FrameTick* tick) {
    if (tick_) tick_->stop(this);
    if (playback_) playback_->disconnect(this);
    playback_ = playback;
    tick_ = tick;
    if (playback_) {
        // What sets the figures moving again after they stood still.
        const auto wake = [this] {
            if (!isVisible()) return;
            refresh();
            followTick();
        };
        connect(playback_, &app::PlaybackManager::stateChanged, this, wake);
        connect(playback_, &app::PlaybackManager::outputChanged, this, wake);
        connect(playback_, &app::PlaybackManager::latencyMonitorChanged, this, wake);
    }
    refresh();
    if (isVisible()) followTick();
}

bool LatencyPanel::following() const {
    return tick_ && tick_->drives(this);
}

void LatencyPanel::followTick() {
    if (!tick_ || following()) return;
    tick_->start(this, [this] {
        if (sinceRefresh_.elapsed() < kRefreshMs) return;
        const std::uint64_t before = lastCallbacks_;
        refresh();
        // Paused or stopped, once the stream has stopped: nothing moves until playback or the
        // output changes, so the panel stops following the window's tick.
        const bool playing = playback_ && playback_->state() == audio::PlayState::Playing;
        if (!playing && lastCallbacks_ == before) tick_->stop(this);
    });
}

QColor LatencyPanel::loadColor(double loadPct) {
    if (loadPct < kOkBelowPct) return palette::kGood;
    if (loadPct < kWarnBelowPct) return palette::kWarn;
    return palette::kBad;
}

void LatencyPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
    followTick();
}

void LatencyPanel::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    if (tick_) tick_->stop(this);
}

void LatencyPanel::refresh() {
    sinceRefresh_.start();
    if (playback_) showStats(playback_->latencyStats());
}

void LatencyPanel::showStats(const audio::LatencyStats& s) {
    ui_->p50Label->setText(ms(s.p50Ms));
    ui_->p99Label->setText(ms(s.p99Ms));
    ui_->maxLabel->setText(ms(s.maxMs));
    ui_->budgetLabel->setText(ms(s.budgetMs));
    ui_->loadLabel->setText(QStringLiteral("%1 %").arg(s.loadPct, 0, 'f', 1));
    // A style sheet set again, even the same one, polishes the label anew: only on a change.
    setStyleSheetOnce(
        ui_->loadLabel,
        QStringLiteral("color: %1; font-weight: bold;").arg(loadColor(s.loadPct).name()));
    ui_->underflowsLabel->setText(QString::number(s.underflows));
    setStyleSheetOnce(
        ui_->underflowsLabel,
        s.underflows > 0 ? QStringLiteral("color: %1;").arg(palette::kBad.name()) : QString());
    ui_->lateLabel->setText(QString::number(s.lateCallbacks));
    ui_->callbacksLabel->setText(QString::number(s.callbacks));
    ui_->outputLatencyLabel->setText(ms(s.outputLatencyMs));
    ui_->streamLabel->setText(s.sampleRate > 0
                                  ? tr("%1 frames · %2 kHz")
                                        .arg(s.framesPerBuffer)
                                        .arg(QString::number(s.sampleRate / 1000.0, 'g', 5))
                                  : tr("closed"));
    const bool running = s.callbacks != lastCallbacks_;
    ui_->statusLabel->setText(!s.enabled ? tr("Monitor off")
                              : running  ? tr("Measuring")
                                         : tr("Waiting for audio"));
    // Only time with audio running goes into the graph, so a pause leaves no flat gap.
    if (running) ui_->historyGraph->addSample(s.loadPct, s.peakLoadPct);
    lastCallbacks_ = s.callbacks;
}

}  // namespace stemdeck::ui
