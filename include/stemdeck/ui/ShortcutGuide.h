#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QWidget;

namespace stemdeck::ui {

class ShortcutsDialog;

// Every key of a window, told in one place and read from the window's own actions (and
// QShortcuts), so the help can't drift from what the keys do:
// - each action's tooltip names its keys, "Play or pause (Space)", kept so when the action's
//   keys, tooltip or text change;
// - Help › Keyboard Shortcuts shows a table of every action with keys, menu by menu.
// GUI thread only.
class ShortcutGuide : public QObject {
    Q_OBJECT
  public:
    // One line of the table.
    struct Row {
        QString section;  // the menu ("Playback"), or "Fields" for keys of fields
        QString action;   // "Back 5 Seconds"
        QString keys;     // "Left"
        QString tip;      // the action's tooltip without the keys
    };

    // Annotates every action of `window` there is now; call watch() for actions made later.
    explicit ShortcutGuide(QWidget* window);

    void watch(QAction* action);
    // "Space", "Home, Return, Enter": the keys as the platform writes them.
    static QString keysText(const QAction* action);
    // The menu bar's actions in menu order, then other actions with keys and the QShortcuts,
    // then the keys of fields (TransportKeys).
    QList<Row> rows() const;
    // Shows the (non-modal) table, or brings it to the front.
    ShortcutsDialog* showDialog();

  private:
    void annotate(QAction* action);

    QWidget* window_;
    QPointer<ShortcutsDialog> dialog_;
    bool annotating_ = false;
};

}  // namespace stemdeck::ui
