#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;

namespace stemdeck::app {
class AutoAnalysis;
class PlaybackManager;
class SongMarkers;
}  // namespace stemdeck::app

namespace stemdeck::ui {

class AnalysisPanel;
class StageView;

// The window's part of the song analysis (issue 14): runs AutoAnalysis for every song that
// loads, says its problems in the status bar, keeps the stage view's bar.beat on when a tempo
// was found, and Markers › Song Analysis… opens the AnalysisPanel (which can add suggested
// sections as markers). GUI thread only.
class AnalysisWindowPart : public QObject {
    Q_OBJECT
  public:
    // `markers`: where the panel's accepted section suggestions go.
    AnalysisWindowPart(QMainWindow& window, app::PlaybackManager& playback, StageView& stage,
                       app::SongMarkers& markers);
    ~AnalysisWindowPart() override;

    app::AutoAnalysis& analysis() { return *analysis_; }
    AnalysisPanel* showPanel();

  private:
    QMainWindow& window_;
    app::PlaybackManager& playback_;
    app::SongMarkers& markers_;
    app::AutoAnalysis* analysis_ = nullptr;
    QAction* action_ = nullptr;
    QPointer<AnalysisPanel> panel_;
};

}  // namespace stemdeck::ui
