#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QUndoStack>
#include <functional>

class QAction;

#include "stemdeck/audio/mix/MixControls.h"

namespace stemdeck::ui {

// The mix's undo history: each change the user makes to the mix (a fader, a pan, mute, solo,
// the master, "Reset mix") is one step of a QUndoStack. A step keeps the whole mix before and
// after; undo and redo hand it to `apply`, the path the mixer's controls take to the engine,
// so the engine, the saved mix and the widgets all follow. A drag of a fader is one step, not
// one per pixel: changes of one control merge while it is held, and wheel or key steps of one
// control merge while they come less than kMergeGapMs apart. GUI thread only.
class MixUndo : public QObject {
    Q_OBJECT
  public:
    static constexpr qint64 kMergeGapMs = 800;
    using Apply = std::function<void(const audio::MixSnapshot&)>;

    // What a change was made to. Changes of a Gain, Pan or Master control can merge.
    struct Control {
        enum class Kind { Gain, Pan, Master, Switch, WholeMix };
        Kind kind = Kind::WholeMix;
        int stem = -1;
        bool operator==(const Control&) const = default;
        bool continuous() const {
            return kind == Kind::Gain || kind == Kind::Pan || kind == Kind::Master;
        }
    };

    explicit MixUndo(Apply apply, QObject* parent = nullptr);

    QUndoStack* stack() { return &stack_; }
    // Edit › Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, Ctrl+Y), owned by `parent`; their text says
    // what they undo or redo ("Undo Drums Level").
    QList<QAction*> createActions(QObject* parent);
    // Records a change the user has just made (`after` is already in the engine); `text` says
    // what it was ("Drums Level"), for the Edit menu's "Undo Drums Level".
    void record(const QString& text, Control control, const audio::MixSnapshot& before,
                const audio::MixSnapshot& after);
    // The user took hold of a control (a fader's handle) or let go of it.
    void beginGesture();
    void endGesture();
    // Forgets every step (another song).
    void clear() { stack_.clear(); }

  private:
    Apply apply_;
    QUndoStack stack_;
    QElapsedTimer clock_;
    int gesture_ = 0;  // changes merge only within one gesture
    bool holding_ = false;
};

}  // namespace stemdeck::ui
