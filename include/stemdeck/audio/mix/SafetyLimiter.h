#pragma once

namespace stemdeck::audio {

// Keeps the master bus inside [-ceiling, +ceiling] so the output never clips or wraps.
// Transparent below the ceiling (gain exactly 1, bit-exact). Above it the gain drops at once
// to what the peak needs (stereo-linked, so the image does not shift) and recovers
// exponentially with a release of ~80 ms. No look-ahead, so it adds no latency; it is a
// safety net for hot mixes, not a mastering limiter. Samples that are not audio (NaN,
// infinite, or beyond +120 dBFS: detail::kMaxBusMagnitude) are silenced, not limited: they
// never reach the gain, which goes on as if they were silence. Audio thread only; no
// allocation.
class SafetyLimiter {
  public:
    static constexpr float kCeiling = 0.999f;  // just under full scale: never wraps as int
    static constexpr double kReleaseMs = 80.0;

    void prepare(int sampleRate);
    void reset() { reduction_ = 0.0f; }
    float gain() const { return 1.0f - reduction_; }
    // Still reducing (releasing): the next block must go through process().
    bool engaged() const { return reduction_ > 0.0f; }
    // In place on a stereo pair of planar buffers whose largest absolute sample is `peak`
    // (NaN when any sample is NaN, as detail::peakOf gives it). Returns false when it left the
    // block untouched (the common case: one comparison).
    bool process(float* left, float* right, int n, float peak) noexcept;

  private:
    // The gain reduction (1 - gain), kept as such between blocks: rounded through the gain at
    // each block's end, a small reduction decaying by less than the gain's resolution per block
    // would stall there (blocks of 64 frames held 2e-6 for seconds) and never reach unity.
    float reduction_ = 0.0f;
    float releaseFactor_ = 0.0f;  // per-sample decay of the gain reduction
};

}  // namespace stemdeck::audio
