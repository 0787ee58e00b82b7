#pragma once

#include <QWidget>

namespace stemdeck::ui {

// The stage view's beat light: a round lamp, dark between beats, lit on a beat, in the accent
// colour on the downbeat. Repaints only when it switches. GUI thread only.
class BeatLight : public QWidget {
    Q_OBJECT
  public:
    enum class State { Off, Beat, Downbeat };

    explicit BeatLight(QWidget* parent = nullptr);

    void setState(State state);
    State state() const { return state_; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    State state_ = State::Off;
};

}  // namespace stemdeck::ui
