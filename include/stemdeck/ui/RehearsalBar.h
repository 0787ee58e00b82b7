#pragma once

#include <QElapsedTimer>
#include <QFrame>
#include <memory>

#include "stemdeck/audio/timeline/TapTempo.h"

namespace Ui {
class RehearsalBar;
}

namespace stemdeck::app {
class PlaybackManager;
}

namespace stemdeck::ui {

// The practice controls under the transport: tempo, pitch, click and count-in. They pass the user's
// changes to the PlaybackManager and show what it has (a new song resets them).
class RehearsalBar : public QFrame {
    Q_OBJECT
  public:
    explicit RehearsalBar(QWidget* parent = nullptr);
    ~RehearsalBar() override;

    void setPlayback(app::PlaybackManager* playback);
    // Shows the PlaybackManager's tempo and pitch.
    void refresh();
    // Shows its click settings.
    void refreshClick();
    // One tap of the Tap button at `seconds` on a monotonic clock (the button uses its own).
    void tap(double seconds);

  signals:
    // The user changed the click here (not a song or a set entry giving its own): what the
    // window keeps as the user's preference. GUI thread.
    void clickEdited();

  private:
    // The tempo, pitch and click groups in a row that wraps when the window is narrow.
    void arrangeGroups();
    // " bar" or " bars" after the count-in's number, as it is now.
    void nameCountInUnit();
    void applyTempo();
    void applyPitch();
    void applyClick();

    std::unique_ptr<Ui::RehearsalBar> ui_;
    app::PlaybackManager* playback_ = nullptr;
    audio::TapTempo tapTempo_;
    QElapsedTimer tapClock_;
};

}  // namespace stemdeck::ui
