#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>
#include <map>
#include <string>
#include <vector>

#include "stemdeck/control/ActionCall.h"

class QAction;
class QWidget;

namespace stemdeck::app {
class Settings;
}
namespace stemdeck::control {
class ControlPort;
}

namespace stemdeck::ui {

// The keys door of the control layer (docs/design/CONTROL.md §4): one QAction per action of
// the catalog, and one per default binding with fixed parameters ("marker.goto" n=3 on 3).
// Each binding's keys come from Settings `keys/<binding>`, else control::keyDefaults(). Where
// the window already has an action doing the same job (Play/Pause, Lock Mix, Jump to Marker 3
// …) that action is adopted: it gets the binding's keys, so that no two QActions ever share a
// key (Qt would call it ambiguous and run neither). The others invoke their action on the
// ControlPort with origin Key; a refused call (Locked, Unavailable …) is reported by refused().
// A key is never given to two bindings, nor to another action of the window with keys (Undo,
// Zoom In …): a hand-edited settings file that asks for it loses that key. GUI thread only.
class ControlKeys : public QObject {
    Q_OBJECT
  public:
    struct Binding {
        QString id;  // the settings key: the action's name, "marker.goto.3" with parameters
        std::string action;
        std::map<std::string, control::ParamValue> params;
        QString title;
        QList<QKeySequence> defaults;
        QAction* qaction = nullptr;
        // False when the action needs values no key can give (seek, stem.gain …): it has a
        // QAction (refused with the reason) but takes no keys.
        bool bindable = true;
    };

    // `adopted`: binding id → the window's own action for it. The port, the settings and
    // the actions must outlive this object; `window` owns it and the QActions it makes.
    ControlKeys(QWidget& window, control::ControlPort& port, app::Settings& settings,
                const std::map<QString, QAction*>& adopted);

    const std::vector<Binding>& bindings() const { return bindings_; }
    const Binding* binding(const QString& id) const;
    // The QAction of a binding (an action's name for the catalog's own), or null.
    QAction* action(const QString& id) const;
    // The actions this made (not the adopted ones), for a menu.
    QList<QAction*> ownActions() const;
    QList<QKeySequence> keys(const QString& id) const;

    // Gives the binding these keys, saved and applied at once. False, with one line in
    // *error, when the binding takes no keys or a key is taken (by another binding or another
    // action of the window); nothing changes then.
    bool setKeys(const QString& id, const QList<QKeySequence>& keys, QString* error = nullptr);
    // Back to the default keys (those another binding holds now are left out).
    void resetKeys(const QString& id);
    void resetAll();
    // What holds `key` now: a binding's or another action's title; empty when free.
    // `except`: a binding whose own keys do not count.
    QString holder(const QKeySequence& key, const QString& except = {}) const;

  signals:
    void keysChanged();
    // A call from a key was refused: one printable line.
    void refused(const QString& message);

  private:
    void build(const std::map<QString, QAction*>& adopted);
    void trigger(const Binding& binding);
    // Gives every binding its keys: from the settings, else the defaults; a key already
    // taken is dropped.
    void applyAll();
    QList<QKeySequence> wanted(const Binding& binding) const;
    void save();

    QWidget& window_;
    control::ControlPort& port_;
    app::Settings& settings_;
    std::vector<Binding> bindings_;
};

}  // namespace stemdeck::ui
