#pragma once

#include <Eigen/Core>
#include <limits>

namespace stemdeck::audio::detail {

// Largest |sample| a bus may carry into the time stretcher and the safety limiter: +120 dBFS.
// Far above any mix of loaded stems (each bounded to limits::kMaxSampleMagnitude at load, so a
// mix of dozens at full gain stays in the thousands), far below what overflows in Rubber
// Band's or the limiter's arithmetic. Anything larger, or not finite, is not audio: a Song built
// in memory can hold it (a float stem of 3e38 overflows to infinity in the mix) and it is
// silenced, never passed on.
inline constexpr float kMaxBusMagnitude = 1.0e6f;

// The largest |sample| of a block: one vectorised pass, Eigen's fast max, which may miss a NaN
// (a packet max drops a NaN operand).
inline float peakOf(const float* samples, int n) noexcept {
    if (n <= 0) return 0.0f;
    return Eigen::Map<const Eigen::ArrayXf>(samples, n).abs().maxCoeff();
}

// Whether a stereo block holds a NaN: a sum carries any NaN to the end, unlike a max. The
// cheapest check found (scripts/callgrind-monitor.sh, 8 stems, 256 frames: +500 instructions
// per callback, +3.9 %; a NaN-propagating max, Eigen's PropagateNaN, costs +890).
inline bool holdsNan(const float* left, const float* right, int n) noexcept {
    if (n <= 0) return false;
    using ConstSamples = Eigen::Map<const Eigen::ArrayXf>;
    const float sum = ConstSamples(left, n).sum() + ConstSamples(right, n).sum();
    return sum != sum;
}

// The peak a stereo block hands the limiter (and busIsSane): the larger of its channels'
// peaks, NaN when any sample is NaN.
inline float stereoPeak(float peakLeft, float peakRight, const float* left, const float* right,
                        int n) noexcept {
    const float peak = peakLeft > peakRight ? peakLeft : peakRight;
    if (peak > kMaxBusMagnitude) return peak;  // already not sane: no need to look further
    return holdsNan(left, right, n) ? std::numeric_limits<float>::quiet_NaN() : peak;
}

inline bool busIsSane(float peak) noexcept {
    return peak <= kMaxBusMagnitude;  // false for NaN
}

// Silences every sample that is not finite or beyond kMaxBusMagnitude and keeps the others:
// the music around a burst of garbage plays on. Audio thread; only when busIsSane failed.
inline void silenceInsane(float* samples, int n) noexcept {
    if (n <= 0) return;
    Eigen::Map<Eigen::ArrayXf> s(samples, n);
    s = (s.abs() <= kMaxBusMagnitude).select(s, 0.0f);
}

}  // namespace stemdeck::audio::detail
