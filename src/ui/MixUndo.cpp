#include "stemdeck/ui/MixUndo.h"

#include <QAction>
#include <QKeySequence>
#include <QUndoCommand>
#include <utility>

namespace stemdeck::ui {

namespace {

constexpr int kMergeableId = 1;

// One step: the whole mix before and after a change.
class MixChange : public QUndoCommand {
  public:
    struct When {
        int gesture = 0;
        bool holding = false;  // the control was held (dragged) when the change came
        qint64 ms = 0;
    };

    MixChange(MixUndo::Apply apply, const QString& text, MixUndo::Control control,
              audio::MixSnapshot before, audio::MixSnapshot after, When when)
        : QUndoCommand(text),
          apply_(std::move(apply)),
          control_(control),
          before_(std::move(before)),
          after_(std::move(after)),
          when_(when) {}

    int id() const override { return control_.continuous() ? kMergeableId : -1; }

    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = static_cast<const MixChange*>(other);  // the same id: a MixChange
        if (next->control_ != control_ || next->when_.gesture != when_.gesture) return false;
        if (!next->when_.holding && next->when_.ms - when_.ms > MixUndo::kMergeGapMs) return false;
        after_ = next->after_;
        when_.ms = next->when_.ms;
        // Dragged back to where it was: no step at all.
        setObsolete(after_ == before_);
        return true;
    }

    void undo() override { apply_(before_); }

    void redo() override {
        // The first redo comes from QUndoStack::push: the change is already made.
        if (std::exchange(pushed_, false)) return;
        apply_(after_);
    }

  private:
    MixUndo::Apply apply_;
    MixUndo::Control control_;
    audio::MixSnapshot before_;
    audio::MixSnapshot after_;
    When when_;
    bool pushed_ = true;
};

}  // namespace

MixUndo::MixUndo(Apply apply, QObject* parent) : QObject(parent), apply_(std::move(apply)) {
    clock_.start();
}

QList<QAction*> MixUndo::createActions(QObject* parent) {
    QAction* undo = stack_.createUndoAction(parent, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction* redo = stack_.createRedoAction(parent, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    return {undo, redo};
}

void MixUndo::record(const QString& text, Control control, const audio::MixSnapshot& before,
                     const audio::MixSnapshot& after) {
    if (before == after) return;  // a control set to what it had: nothing to undo
    stack_.push(new MixChange(apply_, text, control, before, after,
                              {gesture_, holding_, clock_.elapsed()}));
}

void MixUndo::beginGesture() {
    ++gesture_;
    holding_ = true;
}

void MixUndo::endGesture() {
    ++gesture_;
    holding_ = false;
}

}  // namespace stemdeck::ui
