#pragma once

#include <QDialog>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace stemdeck::app {
class AutoAnalysis;
class PlaybackManager;
class SongAnalysisRunner;
class SongMarkers;
}  // namespace stemdeck::app

namespace stemdeck::ui {

// Song › Analysis: what the background analysis found (BPM, key, first downbeat, confidence)
// for the user to confirm or correct. An edited BPM or a nudged first downbeat applies to the
// click's grid at once (when meta.json gives no tempo); "Write to meta.json" keeps it with the
// song. "Suggest Sections" runs the segmenter on a worker (SongAnalysisRunner) and lists
// section starts on bar lines; "Add as Markers" adds them to the song's markers.
// Non-modal; GUI thread only.
class AnalysisPanel : public QDialog {
    Q_OBJECT
  public:
    static constexpr double kNudgeSeconds = 0.010;

    AnalysisPanel(app::AutoAnalysis& analysis, app::PlaybackManager& playback,
                  QWidget* parent = nullptr);

    // Where "Add as Markers" adds the suggestions; none: the button stays off.
    void setMarkers(app::SongMarkers* markers);
    // The suggested section starts listed (song seconds), for the tests.
    const std::vector<double>& suggestions() const { return suggestions_; }
    void suggestSections();
    // Adds the suggestions as markers; returns how many were new.
    int addSectionsAsMarkers();

  private:
    void showResult();
    void applyGrid();
    void nudge(double seconds);
    void writeToMeta();
    // AnalysisPanelSections.cpp
    void setUpSections(QVBoxLayout* layout);
    void showSections(const QString& folder, const std::vector<double>& sections,
                      const std::vector<double>& downbeats);
    void clearSections();

    app::AutoAnalysis& analysis_;
    app::PlaybackManager& playback_;
    QLabel* status_ = nullptr;
    QDoubleSpinBox* bpm_ = nullptr;
    QDoubleSpinBox* firstDownbeat_ = nullptr;
    QLineEdit* key_ = nullptr;
    QPushButton* write_ = nullptr;
    app::SongMarkers* markers_ = nullptr;
    app::SongAnalysisRunner* sectionRunner_ = nullptr;
    QPushButton* suggest_ = nullptr;
    QListWidget* sectionList_ = nullptr;
    QPushButton* addSections_ = nullptr;
    QLabel* sectionStatus_ = nullptr;
    QString sectionsFolder_;
    std::vector<double> suggestions_;
};

}  // namespace stemdeck::ui
