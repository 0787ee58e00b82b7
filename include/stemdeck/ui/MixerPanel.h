#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <vector>

namespace Ui {
class MixerPanel;
}

namespace stemdeck::app {
class PlaybackManager;
}

namespace stemdeck::ui {

class MasterStrip;
class TrackStrip;

// The mixer: a strip per stem of the engine's song and the master strip. Strip changes go
// straight to the engine's MixControls (looked up on every change, since a reload replaces
// them); a ~30 Hz timer feeds the meters from Engine::takeMeterReading while the song plays,
// and after it stops until every meter has fallen to rest (then nothing is polled).
class MixerPanel : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kMeterIntervalMs = 33;

    explicit MixerPanel(QWidget* parent = nullptr);
    ~MixerPanel() override;

    void setPlayback(app::PlaybackManager* playback);
    // One strip per stem of the current song.
    void rebuild();
    // Shows the engine's current mix on every strip.
    void refresh();

    int stripCount() const { return static_cast<int>(strips_.size()); }
    TrackStrip* strip(int index) const { return strips_.at(static_cast<std::size_t>(index)); }
    MasterStrip* masterStrip() const;
    // The meters are being fed (playing, or falling back to rest).
    bool metersRunning() const { return meterTimer_.isActive(); }

  signals:
    // The user changed the mix (the timeline greys out stems that went silent).
    void mixChanged();

  private:
    void connectStrip(TrackStrip* strip, std::size_t stem);
    void updateMeters();
    void wakeMeters();
    bool metersAtRest() const;

    std::unique_ptr<Ui::MixerPanel> ui_;
    app::PlaybackManager* playback_ = nullptr;
    std::vector<TrackStrip*> strips_;
    QTimer meterTimer_;
    QElapsedTimer sinceMeters_;
};

}  // namespace stemdeck::ui
