#pragma once

// Bounds the whole engine agrees on, so the loader, the renderer, the CLI's checks and the
// GUI cannot disagree about what is sane.

namespace stemdeck::audio::limits {

// Sample rates stemdeck loads, plays and renders. Outside this range a header is lying or the
// file is not music, and Rubber Band's buffer sizing does not terminate for a rate of a few Hz.
inline constexpr int kMinSampleRate = 8000;
inline constexpr int kMaxSampleRate = 384000;

constexpr bool sampleRateInRange(long long rate) {
    return rate >= kMinSampleRate && rate <= kMaxSampleRate;
}

// Largest magnitude a decoded sample keeps (+36 dBFS). Float files may legitimately go above
// full scale, but not this far; bounding every sample at load keeps every sum in the mixer,
// the stretcher and the limiter finite whatever a file holds.
inline constexpr float kMaxSampleMagnitude = 64.0f;

}  // namespace stemdeck::audio::limits
