#pragma once

#include <QWidget>
#include <functional>

class QAction;
class QModelIndex;
class QStyleOptionViewItem;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace stemdeck::app::set {
class SetListModel;
}

namespace stemdeck::ui {

class SetEntryEditor;

// The setlist dock's contents: the set's songs (the current one bold in the accent colour,
// the next one marked, songs that cannot play in red with the reason as tooltip), buttons to
// add, remove and step through songs, the set's length and time left, and the editor of the
// selected entry. Rows are reordered by drag; folders and sets dropped from a file manager
// are added. Double-click or Enter on a row asks to jump to it. GUI thread only.
class SetlistPanel : public QWidget {
    Q_OBJECT
  public:
    // `previous` / `next`: the window's Previous / Next Song actions, shown as buttons.
    SetlistPanel(app::set::SetListModel& model, QAction* previous, QAction* next,
                 QWidget* parent = nullptr);

    QTableView* table() const { return table_; }
    SetEntryEditor* editor() const { return editor_; }
    // "Set 42:10 · left 31:05": the set's length and what is left of it.
    void showTimes(double totalSeconds, double leftSeconds);
    QLineEdit* nameEdit() const { return name_; }
    // The set's Undo / Redo Set Edit: Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) in the song list take
    // them, so the window's Undo there does not change the mix (fields keep their text undo).
    void setUndoActions(QAction* undo, QAction* redo);
    // The selected row, -1 when none.
    int selectedRow() const;
    // Removes the selected rows from the set.
    void removeSelected();
    // The song's markers to offer for the selected entry's start marker (asked for when the
    // selection changes); none by default.
    void setMarkerNames(std::function<QStringList(int row)> names);

    // How the view draws a cell of the set: the current song bold in the accent colour with
    // a "▶", the next one in italics with a "›", a song that cannot play in red.
    static void decorate(QStyleOptionViewItem& option, const QModelIndex& index);

  signals:
    void jumpRequested(int row);
    void addRequested();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void showSelected();
    void showName();

    app::set::SetListModel& model_;
    QTableView* table_;
    QLabel* times_;
    QLineEdit* name_;
    QAction* undo_ = nullptr;
    QAction* redo_ = nullptr;
    QPushButton* add_;
    QPushButton* remove_;
    SetEntryEditor* editor_;
    std::function<QStringList(int)> markerNames_;
};

}  // namespace stemdeck::ui
