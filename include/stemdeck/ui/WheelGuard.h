#pragma once

#include <QObject>

class QWidget;

namespace stemdeck::ui {

// The mouse wheel changes a value control (a fader, a pan knob, a spin box, a combo box) only
// when the user means it: once the control has the focus (after a click on it), or with a
// modifier key held. Otherwise the wheel goes to the scroll area around the control, so
// scrolling the mixer past a fader does not move it. GUI thread only.
class WheelGuard : public QObject {
    Q_OBJECT
  public:
    // Guards `control`. A control that took the focus from the wheel itself now takes it from
    // a click (or Tab) only.
    static void guard(QWidget* control);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    using QObject::QObject;
    static WheelGuard* instance();
};

}  // namespace stemdeck::ui
