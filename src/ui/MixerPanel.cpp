#include "stemdeck/ui/MixerPanel.h"

#include <QAbstractSlider>
#include <QScrollBar>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/ui/FrameTick.h"
#include "stemdeck/ui/MasterStrip.h"
#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/TrackStrip.h"
#include "ui_MixerPanel.h"

namespace stemdeck::ui {

MixerPanel::MixerPanel(QWidget* parent)
    : QWidget(parent),
      ui_(std::make_unique<Ui::MixerPanel>()),
      undo_([this](const audio::MixSnapshot& mix) { applyMix(mix); }) {
    ui_->setupUi(this);
    ui_->emptyLabel->setStyleSheet(
        QStringLiteral("color: %1; padding: 24px;").arg(palette::kDimText.name()));
    connect(ui_->masterStrip, &MasterStrip::gainChanged, this, [this](float db) {
        change(
            tr("Master Level"), {MixUndo::Control::Kind::Master},
            [db](audio::MixControls& mix) { mix.setMasterGainDb(db); }, false);
    });
    connectGestures(ui_->masterStrip);
}

MixerPanel::~MixerPanel() = default;

void MixerPanel::orderTabs() {
    // New strips join the end of the window's focus chain: Tab would reach them after
    // everything else. Chain them from the mixer's area, left to right, then the master.
    QWidget* previous = ui_->stripsArea;
    const auto chain = [&previous](QWidget* container) {
        std::vector<QWidget*> controls;
        for (QWidget* w = container->nextInFocusChain(); container->isAncestorOf(w);
             w = w->nextInFocusChain())
            if (w->focusPolicy() & Qt::TabFocus) controls.push_back(w);
        for (QWidget* w : controls) {
            QWidget::setTabOrder(previous, w);
            previous = w;
        }
    };
    for (TrackStrip* strip : strips_) chain(strip);
    chain(ui_->masterStrip);
}

MasterStrip* MixerPanel::masterStrip() const {
    return ui_->masterStrip;
}

void MixerPanel::setPlayback(app::PlaybackManager* playback, FrameTick* tick) {
    if (playback_) playback_->disconnect(this);
    if (tick_) tick_->stop(this);
    playback_ = playback;
    tick_ = tick;
    rebuild();
    if (playback_)
        connect(playback_, &app::PlaybackManager::stateChanged, this,
                [this](audio::PlayState state) {
                    if (state == audio::PlayState::Playing) wakeMeters();
                });
    wakeMeters();
}

bool MixerPanel::metersRunning() const {
    return tick_ && tick_->drives(this);
}

void MixerPanel::wakeMeters() {
    if (!tick_ || metersRunning()) return;
    sinceMeters_.start();
    tick_->start(this, [this] { updateMeters(); });
}

bool MixerPanel::metersAtRest() const {
    for (const TrackStrip* strip : strips_)
        if (!strip->meterAtRest()) return false;
    return ui_->masterStrip->metersAtRest();
}

void MixerPanel::rebuild() {
    for (TrackStrip* strip : strips_) delete strip;
    strips_.clear();
    const bool song = playback_ && playback_->hasSong();
    ui_->emptyLabel->setVisible(!song);
    const QString folder = playback_ ? playback_->songFolder() : QString();
    const std::vector<std::string> stems =
        playback_ ? playback_->stemNames() : std::vector<std::string>{};
    if (folder != historyFolder_ || stems != historyStems_) {
        // Steps of another song's mix would apply to stems that are not there.
        undo_.clear();
        historyFolder_ = folder;
        historyStems_ = stems;
    }
    if (!song) return;
    for (std::size_t i = 0; i < stems.size(); ++i) {
        auto* strip = new TrackStrip(ui_->stripsContainer);
        strip->setName(app::displayName(stems[i]));
        strip->setColor(stemColor(static_cast<int>(i)));
        // Before the stretch that keeps the strips packed to the left.
        ui_->stripsLayout->insertWidget(ui_->stripsLayout->count() - 1, strip);
        connectStrip(strip, i);
        strips_.push_back(strip);
    }
    orderTabs();
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
    using Kind = MixUndo::Control::Kind;
    const int index = static_cast<int>(stem);
    connect(strip, &TrackStrip::gainChanged, this, [this, strip, stem, index](float db) {
        change(
            tr("%1 Level").arg(strip->name()), {Kind::Gain, index},
            [stem, db](audio::MixControls& mix) { mix.setGainDb(stem, db); }, false);
    });
    connect(strip, &TrackStrip::panChanged, this, [this, strip, stem, index](float pan) {
        change(
            tr("%1 Pan").arg(strip->name()), {Kind::Pan, index},
            [stem, pan](audio::MixControls& mix) { mix.setPan(stem, pan); }, false);
    });
    connect(strip, &TrackStrip::muteToggled, this, [this, strip, stem, index](bool on) {
        change((on ? tr("Mute %1") : tr("Unmute %1")).arg(strip->name()), {Kind::Switch, index},
               [stem, on](audio::MixControls& mix) { mix.setMuted(stem, on); }, true);
    });
    connect(strip, &TrackStrip::soloToggled, this, [this, strip, stem, index](bool on) {
        change((on ? tr("Solo %1") : tr("Unsolo %1")).arg(strip->name()), {Kind::Switch, index},
               [stem, on](audio::MixControls& mix) { mix.setSolo(stem, on); }, true);
    });
    connectGestures(strip);
}

void MixerPanel::connectGestures(QWidget* strip) {
    for (QAbstractSlider* slider : strip->findChildren<QAbstractSlider*>()) {
        connect(slider, &QAbstractSlider::sliderPressed, &undo_, &MixUndo::beginGesture);
        connect(slider, &QAbstractSlider::sliderReleased, &undo_, &MixUndo::endGesture);
    }
}

void MixerPanel::change(const QString& text, MixUndo::Control control,
                        const std::function<void(audio::MixControls&)>& edit, bool affectsOthers) {
    if (!playback_) return;
    audio::MixControls& mix = playback_->mixer().controls();
    const audio::MixSnapshot before = mix.snapshot();
    edit(mix);
    undo_.record(text, control, before, mix.snapshot());
    // Mute and solo change which other stems are audible: show it on every strip.
    if (affectsOthers) refresh();
    emit mixChanged();
}

void MixerPanel::resetMix() {
    if (!playback_ || !playback_->hasSong()) return;
    change(
        tr("Reset Mix"), {MixUndo::Control::Kind::WholeMix},
        [](audio::MixControls& mix) { mix.reset(); }, true);
}

void MixerPanel::applyMix(const audio::MixSnapshot& mix) {
    if (!playback_) return;
    playback_->mixer().controls().apply(mix);
    refresh();
    emit mixChanged();
}

void MixerPanel::refresh() {
    if (!playback_) return;
    const audio::MixControls& mix = playback_->mixer().controls();
    const audio::MixSnapshot snapshot = mix.snapshot();
    const bool anySolo = mix.anySolo();
    for (std::size_t i = 0; i < strips_.size() && i < snapshot.stems.size(); ++i)
        strips_[i]->showMix(snapshot.stems[i], mix.audible(i, anySolo));
    ui_->masterStrip->showGain(snapshot.masterGainDb);
}

void MixerPanel::updateMeters() {
    const bool song = playback_ && playback_->hasSong();
    if (song) {
        const double seconds = static_cast<double>(sinceMeters_.restart()) / 1000.0;
        const audio::MeterReading reading = playback_->mixer().takeMeterReading();
        for (std::size_t i = 0; i < strips_.size() && i < reading.stems.size(); ++i)
            strips_[i]->showLevel(reading.stems[i], seconds);
        ui_->masterStrip->showLevels(reading.masterLeft, reading.masterRight, seconds);
    }
    // Not playing and every meter down: nothing moves until playback starts again.
    if (!song || (playback_->state() != audio::PlayState::Playing && metersAtRest()))
        tick_->stop(this);
}

}  // namespace stemdeck::ui
