#pragma once

#include <QString>

namespace stemdeck::ui {

// How a fader's travel maps to gain, like a mixing console's: most of the travel covers the
// useful range around 0 dB (which sits at 80 % of the travel), the bottom few percent go down
// to -60 dB and the very bottom is silence. Piecewise linear in dB between the marks.
class FaderTaper {
  public:
    static constexpr int kSteps = 1000;  // a fader's slider range is 0..kSteps
    static constexpr double kUnityPosition = 0.8;

    // Position 0..1 -> dB; 0 is -inf.
    static float dbAt(double position);
    // dB -> position 0..1 (the inverse of dbAt); -inf and silence are 0.
    static double positionOf(float db);
    static int sliderValue(float db);
    static float dbAtSlider(int value) { return dbAt(static_cast<double>(value) / kSteps); }
    // "-∞", "-3.5", "0.0", "+6.0"
    static QString text(float db);
};

}  // namespace stemdeck::ui
