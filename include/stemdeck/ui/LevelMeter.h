#pragma once

#include <QWidget>
#include <array>

#include "stemdeck/ui/MeterBallistics.h"

namespace stemdeck::ui {

// A vertical peak meter, one or two bars, on the same scale as the fader beside it (0 dB at
// the fader's unity mark), with decay, a peak-hold mark and a clip light. Repaints only when
// a bar moves, and then only the bars. GUI thread only.
class LevelMeter : public QWidget {
    Q_OBJECT
  public:
    explicit LevelMeter(QWidget* parent = nullptr);

    void setChannelCount(int channels);  // 1 or 2
    // dB marks to the left of the bars, level with the fader's travel.
    void setScaleVisible(bool visible);
    // New peaks (linear) seen over the last `seconds`.
    void showPeak(float peak, double seconds);
    void showPeaks(float left, float right, double seconds);
    void reset();
    const MeterBallistics& channel(int index) const { return meters_[index]; }
    // Every bar at rest (see MeterBallistics::atRest).
    bool atRest() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    int barsLeft() const;
    QColor background() const;
    // Where the bars, clip lights and 0 dB line are (all but the scale).
    QRect barsRect() const;
    // Repaints the bars if what they show differs from `before`.
    void updateBars(const std::array<MeterBallistics, 2>& before);

    int channels_ = 1;
    bool scale_ = false;
    std::array<MeterBallistics, 2> meters_;
};

}  // namespace stemdeck::ui
