#include "stemdeck/ui/SetUndo.h"

#include <QAction>
#include <QUndoCommand>
#include <utility>

#include "stemdeck/app/set/SetEdit.h"
#include "stemdeck/app/set/SetListModel.h"
#include "stemdeck/app/set/SetSession.h"

namespace stemdeck::ui {

using app::set::SetEdit;
using app::set::SetEntry;
using app::set::SetListModel;

namespace {

constexpr int kEntryFieldId = 1;

// Which of an entry's fields differ, one bit each: edits of the same fields merge.
unsigned changedFields(const SetEntry& a, const SetEntry& b) {
    unsigned bits = 0;
    int bit = 0;
    const auto mark = [&](bool differs) { bits |= (differs ? 1u : 0u) << bit++; };
    mark(a.transition != b.transition);
    mark(a.gapSeconds != b.gapSeconds);
    mark(a.crossfadeSeconds != b.crossfadeSeconds);
    mark(a.tempo != b.tempo);
    mark(a.pitchSemitones != b.pitchSemitones);
    mark(a.cents != b.cents);
    mark(a.click != b.click);
    mark(a.countInBars != b.countInBars);
    mark(a.startMarker != b.startMarker);
    mark(a.path != b.path || a.extra != b.extra);
    return bits;
}

QString textOf(const SetEdit& edit) {
    switch (edit.kind) {
        case SetEdit::Kind::Insert:
            return edit.entries.size() > 1 ? QObject::tr("Add Songs") : QObject::tr("Add Song");
        case SetEdit::Kind::Remove:
            return edit.entries.size() > 1 ? QObject::tr("Remove Songs")
                                           : QObject::tr("Remove Song");
        case SetEdit::Kind::Move:
            return QObject::tr("Move Song");
        case SetEdit::Kind::Entry:
            return QObject::tr("Change Song Settings");
        case SetEdit::Kind::Name:
            return QObject::tr("Rename Set");
    }
    return {};
}

// One edit, made again or taken back through the model.
class SetChange : public QUndoCommand {
  public:
    SetChange(SetListModel& model, bool& applying, SetEdit edit, QUndoCommand* parent)
        : QUndoCommand(textOf(edit), parent),
          model_(model),
          applying_(applying),
          edit_(std::move(edit)),
          pushed_(parent == nullptr) {}

    int id() const override { return edit_.kind == SetEdit::Kind::Entry ? kEntryFieldId : -1; }

    bool mergeWith(const QUndoCommand* other) override {
        const auto& next = static_cast<const SetChange*>(other)->edit_;  // same id: an Entry
        const SetEntry& before = edit_.entries[0];
        const SetEntry& after = edit_.entries[1];
        if (next.row != edit_.row ||
            changedFields(next.entries[0], next.entries[1]) != changedFields(before, after))
            return false;
        edit_.entries[1] = next.entries[1];
        // Stepped back to where it was: no step at all.
        setObsolete(changedFields(before, edit_.entries[1]) == 0);
        return true;
    }

    void undo() override { apply(true); }

    void redo() override {
        // The first redo comes from QUndoStack::push: the edit is already made.
        if (std::exchange(pushed_, false)) return;
        apply(false);
    }

  private:
    void apply(bool back) {
        applying_ = true;
        const SetEdit& e = edit_;
        const int count = static_cast<int>(e.entries.size());
        switch (e.kind) {
            case SetEdit::Kind::Insert:
                if (back)
                    model_.removeRows(e.row, count);
                else
                    model_.insertEntries(e.row, e.entries);
                break;
            case SetEdit::Kind::Remove:
                if (back)
                    model_.insertEntries(e.row, e.entries);
                else
                    model_.removeRows(e.row, count);
                break;
            case SetEdit::Kind::Move: {
                // After the move the rows start at `landed`; moving them back puts them
                // before the row that followed them.
                const int landed = e.to < e.row ? e.to : e.to - e.count;
                if (back)
                    model_.moveRows({}, landed, e.count, {},
                                    landed < e.row ? e.row + e.count : e.row);
                else
                    model_.moveRows({}, e.row, e.count, {}, e.to);
                break;
            }
            case SetEdit::Kind::Entry:
                model_.setEntry(e.row, e.entries[back ? 0 : 1]);
                break;
            case SetEdit::Kind::Name:
                model_.session().setName(QString::fromStdString(back ? e.nameBefore : e.nameAfter));
                break;
        }
        applying_ = false;
    }

    SetListModel& model_;
    bool& applying_;
    SetEdit edit_;
    bool pushed_;  // alone on the stack; a part of a step is redone by the step
};

// The outer command of a step of several edits (QUndoStack::beginMacro's, which would redo
// them all on push).
class SetSteps : public QUndoCommand {
  public:
    using QUndoCommand::QUndoCommand;
    void redo() override {
        if (std::exchange(pushed_, false)) return;
        QUndoCommand::redo();
    }

  private:
    bool pushed_ = true;
};

}  // namespace

SetUndo::SetUndo(SetListModel& model, QObject* parent) : QObject(parent), model_(model) {
    app::set::SetSession& session = model_.session();
    connect(&session, &app::set::SetSession::edited, this, &SetUndo::record);
    connect(&session, &app::set::SetSession::editsBegun, this, [this](const QString& what) {
        if (!applying_) group_ = new SetSteps(what);
    });
    connect(&session, &app::set::SetSession::editsEnded, this, [this] {
        QUndoCommand* group = std::exchange(group_, nullptr);
        if (!group) return;
        if (group->childCount() == 0)
            delete group;
        else
            stack_.push(group);
    });
    // Another set: its history starts empty.
    connect(&session, &app::set::SetSession::reset, &stack_, &QUndoStack::clear);
}

SetUndo::~SetUndo() {
    delete group_;
}

QList<QAction*> SetUndo::createActions(QObject* parent) {
    // Their own words, so the menu tells them from the mix's Undo and Redo.
    auto* undo = new QAction(parent);
    undo->setObjectName(QStringLiteral("actionUndoSetEdit"));
    auto* redo = new QAction(parent);
    redo->setObjectName(QStringLiteral("actionRedoSetEdit"));
    const auto show = [this, undo, redo] {
        const QString undoText = stack_.undoText();
        const QString redoText = stack_.redoText();
        undo->setText(undoText.isEmpty() ? tr("Undo Set Edit")
                                         : tr("Undo Set Edit: %1").arg(undoText));
        redo->setText(redoText.isEmpty() ? tr("Redo Set Edit")
                                         : tr("Redo Set Edit: %1").arg(redoText));
        undo->setEnabled(stack_.canUndo());
        redo->setEnabled(stack_.canRedo());
    };
    connect(&stack_, &QUndoStack::indexChanged, undo, show);
    connect(&stack_, &QUndoStack::cleanChanged, undo, show);
    connect(undo, &QAction::triggered, &stack_, &QUndoStack::undo);
    connect(redo, &QAction::triggered, &stack_, &QUndoStack::redo);
    show();
    return {undo, redo};
}

void SetUndo::record(const SetEdit& edit) {
    if (applying_) return;
    if (group_) {
        new SetChange(model_, applying_, edit, group_);
        return;
    }
    stack_.push(new SetChange(model_, applying_, edit, nullptr));
}

}  // namespace stemdeck::ui
