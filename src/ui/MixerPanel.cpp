#include "stemdeck/ui/MixerPanel.h"

#include <QScrollBar>

#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/ui/MasterStrip.h"
#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/TrackStrip.h"
#include "ui_MixerPanel.h"

namespace stemdeck::ui {

MixerPanel::MixerPanel(QWidget* parent) : QWidget(parent), ui_(std::make_unique<Ui::MixerPanel>()) {
    ui_->setupUi(this);
    ui_->emptyLabel->setStyleSheet(
        QStringLiteral("color: %1; padding: 24px;").arg(palette::kDimText.name()));
    meterTimer_.setInterval(kMeterIntervalMs);
    connect(&meterTimer_, &QTimer::timeout, this, &MixerPanel::updateMeters);
    connect(ui_->masterStrip, &MasterStrip::gainChanged, this, [this](float db) {
        if (!playback_) return;
        playback_->engine().mix().setMasterGainDb(db);
        emit mixChanged();
    });
}

MixerPanel::~MixerPanel() = default;

MasterStrip* MixerPanel::masterStrip() const {
    return ui_->masterStrip;
}

void MixerPanel::setPlayback(app::PlaybackManager* playback) {
    if (playback_) playback_->disconnect(this);
    playback_ = playback;
    rebuild();
    if (playback_)
        connect(playback_, &app::PlaybackManager::stateChanged, this,
                [this](audio::PlayState state) {
                    if (state == audio::PlayState::Playing) wakeMeters();
                });
    wakeMeters();
}

void MixerPanel::wakeMeters() {
    if (meterTimer_.isActive()) return;
    sinceMeters_.start();
    meterTimer_.start();
}

bool MixerPanel::metersAtRest() const {
    for (const TrackStrip* strip : strips_)
        if (!strip->meterAtRest()) return false;
    return ui_->masterStrip->metersAtRest();
}

void MixerPanel::rebuild() {
    for (TrackStrip* strip : strips_) delete strip;
    strips_.clear();
    const audio::Song* song = playback_ ? playback_->engine().song() : nullptr;
    ui_->emptyLabel->setVisible(song == nullptr);
    if (!song) return;
    for (std::size_t i = 0; i < song->stems.size(); ++i) {
        auto* strip = new TrackStrip(ui_->stripsContainer);
        strip->setName(QString::fromStdString(song->stems[i].name));
        strip->setColor(stemColor(static_cast<int>(i)));
        // Before the stretch that keeps the strips packed to the left.
        ui_->stripsLayout->insertWidget(ui_->stripsLayout->count() - 1, strip);
        connectStrip(strip, i);
        strips_.push_back(strip);
    }
    // Many strips scroll sideways; the splitter above may not squeeze them shorter than they
    // can be (the strips and the scroll bar under them stay whole).
    ui_->stripsArea->setMinimumHeight(
        strips_.empty() ? 0
                        : strips_.front()->minimumSize().height() +
                              ui_->stripsArea->horizontalScrollBar()->sizeHint().height());
    ui_->masterStrip->resetMeters();
    refresh();
}

void MixerPanel::connectStrip(TrackStrip* strip, std::size_t stem) {
    // Mute and solo change which other stems are audible: show it on every strip.
    const auto changed = [this](bool affectsOthers) {
        if (affectsOthers) refresh();
        emit mixChanged();
    };
    connect(strip, &TrackStrip::gainChanged, this, [this, stem, changed](float db) {
        playback_->engine().mix().setGainDb(stem, db);
        changed(false);
    });
    connect(strip, &TrackStrip::panChanged, this, [this, stem, changed](float pan) {
        playback_->engine().mix().setPan(stem, pan);
        changed(false);
    });
    connect(strip, &TrackStrip::muteToggled, this, [this, stem, changed](bool on) {
        playback_->engine().mix().setMuted(stem, on);
        changed(true);
    });
    connect(strip, &TrackStrip::soloToggled, this, [this, stem, changed](bool on) {
        playback_->engine().mix().setSolo(stem, on);
        changed(true);
    });
}

void MixerPanel::refresh() {
    if (!playback_) return;
    const audio::MixControls& mix = playback_->engine().mix();
    const audio::MixSnapshot snapshot = mix.snapshot();
    const bool anySolo = mix.anySolo();
    for (std::size_t i = 0; i < strips_.size() && i < snapshot.stems.size(); ++i)
        strips_[i]->showMix(snapshot.stems[i], mix.audible(i, anySolo));
    ui_->masterStrip->showGain(snapshot.masterGainDb);
}

void MixerPanel::updateMeters() {
    const bool song = playback_ && playback_->engine().hasSong();
    if (song) {
        const double seconds = static_cast<double>(sinceMeters_.restart()) / 1000.0;
        const audio::MeterReading reading = playback_->engine().takeMeterReading();
        for (std::size_t i = 0; i < strips_.size() && i < reading.stems.size(); ++i)
            strips_[i]->showLevel(reading.stems[i], seconds);
        ui_->masterStrip->showLevels(reading.masterLeft, reading.masterRight, seconds);
    }
    // Not playing and every meter down: nothing moves until playback starts again.
    if (!song || (playback_->state() != audio::PlayState::Playing && metersAtRest()))
        meterTimer_.stop();
}

}  // namespace stemdeck::ui
