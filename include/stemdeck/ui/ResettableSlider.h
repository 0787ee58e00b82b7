#pragma once

#include <QSlider>

namespace stemdeck::ui {

// A slider that returns to a home value on double-click (a fader to 0 dB, pan to centre),
// as on a hardware console.
class ResettableSlider : public QSlider {
    Q_OBJECT
  public:
    explicit ResettableSlider(QWidget* parent = nullptr);

    int resetValue() const { return resetValue_; }
    void setResetValue(int value) { resetValue_ = value; }

  protected:
    void mouseDoubleClickEvent(QMouseEvent* event) override;

  private:
    int resetValue_ = 0;
};

}  // namespace stemdeck::ui
