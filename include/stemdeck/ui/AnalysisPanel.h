#pragma once

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace stemdeck::app {
class AutoAnalysis;
class PlaybackManager;
}  // namespace stemdeck::app

namespace stemdeck::ui {

// Song › Analysis: what the background analysis found (BPM, key, first downbeat, confidence)
// for the user to confirm or correct. An edited BPM or a nudged first downbeat applies to the
// click's grid at once (when meta.json gives no tempo); "Write to meta.json" keeps it with the
// song. Non-modal; GUI thread only.
class AnalysisPanel : public QDialog {
    Q_OBJECT
  public:
    static constexpr double kNudgeSeconds = 0.010;

    AnalysisPanel(app::AutoAnalysis& analysis, app::PlaybackManager& playback,
                  QWidget* parent = nullptr);

  private:
    void showResult();
    void applyGrid();
    void nudge(double seconds);
    void writeToMeta();

    app::AutoAnalysis& analysis_;
    app::PlaybackManager& playback_;
    QLabel* status_ = nullptr;
    QDoubleSpinBox* bpm_ = nullptr;
    QDoubleSpinBox* firstDownbeat_ = nullptr;
    QLineEdit* key_ = nullptr;
    QPushButton* write_ = nullptr;
};

}  // namespace stemdeck::ui
