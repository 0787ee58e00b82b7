#pragma once

#include <QMainWindow>
#include <QPointer>
#include <memory>

#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SongMarkers.h"

namespace Ui {
class MainWindow;
}

namespace stemdeck::audio {
class Engine;
}

namespace stemdeck::app {
class ControlCenter;
class LockState;
class MixStore;
class Settings;
}  // namespace stemdeck::app

namespace stemdeck::remote {
class ControlHub;
}

namespace stemdeck::ui {

class ControlKeys;
class FrameTick;
class MixLock;
class SetWindowPart;
class SettingsDialog;
class ShortcutGuide;
class StageView;
class StatusLine;

// The main window: transport, timeline, mixer, latency monitor dock, menus. It plays through
// `engine` (which main() owns and which outlives the window) by way of its PlaybackManager;
// its widgets only show their state and pass the user's intent on. One FrameTick drives the
// playhead and the time (while playing), the meters and the latency panel, and stops when
// nothing moves. The output and the latency monitor are set up from `settings` at
// construction.
class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    MainWindow(audio::Engine& engine, app::Settings& settings, app::MixStore& mixes,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    app::PlaybackManager& playback() { return playback_; }
    app::SongMarkers& markers() { return markers_; }
    void openSong(const QString& folder);
    // Shows the (non-modal) audio settings dialog.
    SettingsDialog* showSettings();
    // View › Stage (the set panel tells it the set: StageView::setSetContext, and takes its
    // previous/next song requests) and View › Lock Mix (MixLock::guard more mix controls).
    StageView* stageView() const { return stage_; }
    MixLock* mixLock() const { return mixLock_; }
    // The setlist dock, the set menus and Next / Previous Song.
    SetWindowPart* sets() const { return sets_; }
    // The control layer on this window (MainWindowControl.cpp): every door's actions, the
    // keys door, the remote doors (OSC) opened from the settings, and Lock Mix's state.
    app::ControlCenter* control() const { return control_; }
    ControlKeys* controlKeys() const { return controlKeys_; }
    remote::ControlHub* controlHub() const { return controlHub_; }
    app::LockState* lockState() const { return lockState_; }

  protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    void setUpActions();
    void connectPlayback();
    void chooseSong();
    void onSongLoaded(const QString& folder);
    void onStateChanged(audio::PlayState state);
    // The play position on the transport bar and the timeline.
    void showPosition(double seconds);
    // Actions that need a song (play, export, reset mix ...) are enabled while there is one.
    void enableSongActions();
    void onLoadFailed(const QString& folder, const QString& message);
    // The banner over the timeline: stems that could not be loaded (also those found damaged
    // while the song decoded: shown again at songDecoded), a stored mix that was partly or
    // wholly ignored.
    void showSongIssues();
    void showOutputStatus();
    void updateTimelineAudibility();
    // The A-B loop on the timeline and the loop button.
    void showLoop();
    void showMarkers();
    void renameMarker(int index);
    // Actions of the Markers menu, and one per number key to jump to marker 1-9.
    void setUpMarkerActions();
    void setLatencyMonitor(bool on);
    // The click's switch, level and count-in carry over to the next session.
    void restoreClick();
    void rememberClick();
    void saveWindow();
    // Writes the settings; a failure stays on show in the notice bar until a write succeeds.
    void saveSettings();
    // MainWindowStage.cpp: View › Stage and View › Lock Mix.
    void setUpStage();
    void showStage(bool on);
    void followStage(bool playing);
    void lockRouting(SettingsDialog* dialog);
    // MainWindowWords.cpp: View › Lyrics and Chords.
    void setUpWords();
    // MainWindowControl.cpp: the ControlCenter and its doors; Settings › Controls.
    void setUpControl(audio::Engine& engine);
    void addControlsPage(SettingsDialog* dialog);
    // Before the playback they drive goes.
    void tearDownControl();

    app::PlaybackManager playback_;
    app::Settings& settings_;
    // Markers of read-only song folders go beside the mixes.
    app::MarkerStore markerStore_;
    app::SongMarkers markers_;
    std::unique_ptr<Ui::MainWindow> ui_;
    StatusLine* statusLine_ = nullptr;
    FrameTick* frameTick_ = nullptr;
    QPointer<SettingsDialog> settingsDialog_;
    ShortcutGuide* shortcuts_ = nullptr;
    StageView* stage_ = nullptr;
    MixLock* mixLock_ = nullptr;
    Qt::WindowStates stageWindowState_;  // the window's state before the stage view
    SetWindowPart* sets_ = nullptr;
    app::LockState* lockState_ = nullptr;
    app::ControlCenter* control_ = nullptr;
    ControlKeys* controlKeys_ = nullptr;
    remote::ControlHub* controlHub_ = nullptr;
};

}  // namespace stemdeck::ui
