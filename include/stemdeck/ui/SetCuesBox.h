#pragma once

#include <QWidget>

class QCheckBox;
class QSpinBox;

namespace stemdeck::app {
class SongGuideCues;
namespace set {
class SetSession;
}
}  // namespace stemdeck::app

namespace stemdeck::ui {

// The set's spoken guide cues in the setlist panel: a "Spoken cues" check and their level.
// Edits go to the set (saved with it: guide_cues, guide_cue_level_db); whatever the set says,
// opened or edited, goes to the live cues. GUI thread only.
class SetCuesBox : public QWidget {
    Q_OBJECT
  public:
    SetCuesBox(app::set::SetSession& session, app::SongGuideCues& cues, QWidget* parent = nullptr);

    QCheckBox* check() const { return check_; }
    QSpinBox* level() const { return level_; }

  private:
    void showSet();  // the set's values into the widgets and the live cues

    app::set::SetSession& session_;
    app::SongGuideCues& cues_;
    QCheckBox* check_;
    QSpinBox* level_;
};

}  // namespace stemdeck::ui
