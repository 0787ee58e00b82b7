#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QKeyEvent;
class QWidget;

namespace stemdeck::ui {

// Keeps the window's keys (Space, Home, Enter, the arrows, [ ] L M, 1-9 ...) working whatever
// has the keyboard focus, except while the user types text. Qt gives the focus widget the
// first say over every key (a spin box claims Space and the digits, and lets Enter fall
// through to "back to start"); this sits in front of it, once for every control of the window:
// - a line edit (or editable combo box) keeps the keys that type;
// - a spin box keeps them once the user types into it (or clicks into its text); before that
//   only the keys that start a number (digits, sign, decimal point) are its own;
// - anything else (a fader, a button, a combo box) already keeps only the keys that no action
//   of the window takes.
// In a field (spin box, combo box, line edit), Enter applies what was typed and nothing else
// (it is not "back to start"); Escape leaves the field, dropping what was typed into a spin
// box. Both hand the keyboard back to the window, as does a click elsewhere in it.
// Spin boxes apply a typed value on Enter (or when left), not at every keystroke: typing 300
// BPM does not play 30 BPM on the way. GUI thread only.
class TransportKeys : public QObject {
    Q_OBJECT
  public:
    // A key this class gives a meaning to: what it does, and the key.
    struct Help {
        QString what;
        QString keys;
    };

    explicit TransportKeys(QWidget* window);
    ~TransportKeys() override;

    // True while the keys that type go to `widget` rather than to the window's actions.
    bool typingInto(const QWidget* widget) const;
    // The keys of fields, for the list of keyboard shortcuts.
    static QList<Help> fieldKeys();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void follow(QWidget* now);
    bool onShortcutOverride(QKeyEvent* key);
    bool onKeyPress(QKeyEvent* key);
    // Leaves the field; `cancel`: what was typed is dropped first.
    void leaveField(bool cancel);

    QWidget* window_;
    bool forwarding_ = false;  // the field is handed its own Enter
    QPointer<QWidget> field_;  // the window's focus widget (a field or any other control)
    bool typed_ = false;       // the user typed into field_ (or clicked into its text)
};

}  // namespace stemdeck::ui
