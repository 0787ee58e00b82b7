#pragma once

#include <QStringList>
#include <QWidget>

#include "stemdeck/app/set/SetList.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace stemdeck::ui {

// The settings of one set entry: how it leads into the next song (transition, gap,
// crossfade), and what it is played with (tempo, pitch and cents, click, count-in, start
// marker). Every change is handed on at once (entryEdited); the fields that do not apply to
// the transition are disabled. GUI thread only.
class SetEntryEditor : public QWidget {
    Q_OBJECT
  public:
    explicit SetEntryEditor(QWidget* parent = nullptr);

    // Shows `entry` of `row` (-1: none, the fields are disabled). `markers`: the song's marker
    // names when it is known, offered for the start marker (free text otherwise).
    void setEntry(int row, const app::set::SetEntry& entry, const QStringList& markers = {});
    int row() const { return row_; }
    const app::set::SetEntry& entry() const { return entry_; }

  signals:
    void entryEdited(int row, const stemdeck::app::set::SetEntry& entry);

  private:
    void edited();
    void enableFields();

    int row_ = -1;
    app::set::SetEntry entry_;
    bool showing_ = false;  // the fields are being filled in, not edited
    QComboBox* transition_;
    QDoubleSpinBox* gap_;
    QDoubleSpinBox* crossfade_;
    QDoubleSpinBox* tempo_;
    QSpinBox* pitch_;
    QSpinBox* cents_;
    QCheckBox* click_;
    QSpinBox* countIn_;
    QComboBox* startMarker_;
};

}  // namespace stemdeck::ui
