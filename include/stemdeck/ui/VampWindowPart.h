#pragma once

#include <QObject>

class QAction;
class QMainWindow;

namespace stemdeck::app {
class PlaybackManager;
class SectionVamp;
class Settings;
class SongMarkers;
}  // namespace stemdeck::app

namespace stemdeck::ui {

class StageView;

// Markers › Vamp Section (V) and the stage view's vamp button, kept out of MainWindow: the
// section the play is in repeats until released (app::SectionVamp), released as the settings
// say (Settings::vampRelease, chosen in the settings dialog). The window only makes it.
// GUI thread only.
class VampWindowPart : public QObject {
    Q_OBJECT
  public:
    // `window` owns the part; its menuMarkers gets the action.
    VampWindowPart(QMainWindow& window, app::PlaybackManager& playback,
                   const app::SongMarkers& markers, app::Settings& settings, StageView& stage);
    ~VampWindowPart() override;

    app::SectionVamp& vamp() { return *vamp_; }
    QAction* action() const { return action_; }

  private:
    void toggle();
    void show(bool active);

    QMainWindow& window_;
    app::Settings& settings_;
    StageView& stage_;
    app::SectionVamp* vamp_;
    QAction* action_;
};

}  // namespace stemdeck::ui
