#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;

namespace stemdeck::app {
class AutoAnalysis;
class PlaybackManager;
}  // namespace stemdeck::app

namespace stemdeck::ui {

class AnalysisPanel;
class StageView;

// The window's part of the song analysis (issue 14): runs AutoAnalysis for every song that
// loads, says its problems in the status bar, keeps the stage view's bar.beat on when a tempo
// was found, and Markers › Song Analysis… opens the AnalysisPanel. GUI thread only.
class AnalysisWindowPart : public QObject {
    Q_OBJECT
  public:
    AnalysisWindowPart(QMainWindow& window, app::PlaybackManager& playback, StageView& stage);
    ~AnalysisWindowPart() override;

    app::AutoAnalysis& analysis() { return *analysis_; }
    AnalysisPanel* showPanel();

  private:
    QMainWindow& window_;
    app::PlaybackManager& playback_;
    app::AutoAnalysis* analysis_ = nullptr;
    QAction* action_ = nullptr;
    QPointer<AnalysisPanel> panel_;
};

}  // namespace stemdeck::ui
