#pragma once

#include <QList>
#include <QObject>
#include <QUndoStack>

class QAction;

namespace stemdeck::app::set {
class SetListModel;
struct SetEdit;
}  // namespace stemdeck::app::set

namespace stemdeck::ui {

// The set's undo history, apart from the mix's: each edit of the set (songs added, removed or
// dragged, an entry's transition or settings, the set's name) is one step of a QUndoStack,
// built from the SetSession's edited() reports. Undo and redo go through the model, so the
// view, the set's checks and the cued next song all follow as for an edit by hand. Changes of
// one field of one entry in a row (a spin box stepped or typed) are one step. Opening or
// starting a set forgets the history. GUI thread only.
class SetUndo : public QObject {
    Q_OBJECT
  public:
    explicit SetUndo(app::set::SetListModel& model, QObject* parent = nullptr);
    ~SetUndo() override;

    QUndoStack* stack() { return &stack_; }
    // Edit › Undo Set Edit / Redo Set Edit, owned by `parent`, without shortcuts: Ctrl+Z reaches
    // them only inside the setlist (SetlistPanel), the mix's own Undo has it elsewhere.
    QList<QAction*> createActions(QObject* parent);

  private:
    void record(const app::set::SetEdit& edit);

    app::set::SetListModel& model_;
    QUndoStack stack_;
    QUndoCommand* group_ = nullptr;  // the step being gathered between editsBegun and editsEnded
    bool applying_ = false;          // an undo or redo is editing the set: not a new step
};

}  // namespace stemdeck::ui
