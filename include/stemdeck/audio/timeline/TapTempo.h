#pragma once

#include <array>
#include <optional>

namespace stemdeck::audio {

// Tap tempo: the user taps along, the tempo is the median of the recent intervals between
// taps (one early or late tap does not move it), and a pause of kResetSeconds starts a new
// count. Taps are timestamps on any monotonic clock, in seconds. Control thread only.
class TapTempo {
  public:
    static constexpr int kMaxIntervals = 8;
    static constexpr double kResetSeconds = 2.0;  // slower than 30 BPM is a new count

    void tap(double seconds);
    void reset();
    // Taps in the current count.
    int taps() const { return taps_; }
    // Beats per minute of the taps, from two taps on.
    std::optional<double> bpm() const;

  private:
    std::array<double, kMaxIntervals> intervals_{};  // ring of the latest intervals
    int next_ = 0;
    int count_ = 0;
    int taps_ = 0;
    double last_ = 0.0;
};

}  // namespace stemdeck::audio
