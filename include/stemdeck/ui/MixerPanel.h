#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "stemdeck/ui/MixUndo.h"

namespace Ui {
class MixerPanel;
}

namespace stemdeck::app {
class PlaybackManager;
}

namespace stemdeck::ui {

class FrameTick;
class MasterStrip;
class TrackStrip;

// The mixer: a strip per stem of the current song and the master strip. Strip changes go
// straight to the song's MixControls (PlaybackManager::mixer(), looked up on every change,
// since a reload replaces them) and into the undo history; the window's FrameTick feeds the
// meters (MixerFacade::takeMeterReading) while the song plays, and after it stops until every
// meter has fallen to rest (then nothing is polled).
class MixerPanel : public QWidget {
    Q_OBJECT
  public:
    explicit MixerPanel(QWidget* parent = nullptr);
    ~MixerPanel() override;

    // `tick` drives the meters (none: they stay still).
    void setPlayback(app::PlaybackManager* playback, FrameTick* tick);
    // One strip per stem of the current song. The undo history is cleared when the song is
    // another one (not when the same song comes back at another sample rate).
    void rebuild();
    // Shows the engine's current mix on every strip.
    void refresh();

    int stripCount() const { return static_cast<int>(strips_.size()); }
    TrackStrip* strip(int index) const { return strips_.at(static_cast<std::size_t>(index)); }
    MasterStrip* masterStrip() const;
    // The meters are being fed (playing, or falling back to rest).
    bool metersRunning() const;

    // The mix's undo history (see MixUndo).
    MixUndo& undo() { return undo_; }
    // Every stem to 0 dB, centred, unmuted and unsoloed, the master to 0 dB: one undoable step.
    void resetMix();

  signals:
    // The user changed the mix (the timeline greys out stems that went silent).
    void mixChanged();

  private:
    void connectStrip(TrackStrip* strip, std::size_t stem);
    // Tab goes through the strips left to right, then the master.
    void orderTabs();
    // A drag of any fader or pan of `strip` is one undo step.
    void connectGestures(QWidget* strip);
    // Makes a change of the user's to the engine's mix and records it as an undo step;
    // `affectsOthers`: mute and solo change which other stems are audible.
    void change(const QString& text, MixUndo::Control control,
                const std::function<void(audio::MixControls&)>& edit, bool affectsOthers);
    // Undo and redo: the mix goes to the engine and is shown.
    void applyMix(const audio::MixSnapshot& mix);
    void updateMeters();
    void wakeMeters();
    bool metersAtRest() const;

    std::unique_ptr<Ui::MixerPanel> ui_;
    app::PlaybackManager* playback_ = nullptr;
    std::vector<TrackStrip*> strips_;
    MixUndo undo_;
    // The song the undo history is about.
    QString historyFolder_;
    std::vector<std::string> historyStems_;
    QPointer<FrameTick> tick_;
    QElapsedTimer sinceMeters_;
};

}  // namespace stemdeck::ui
