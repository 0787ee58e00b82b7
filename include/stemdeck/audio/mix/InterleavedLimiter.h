#pragma once

#include <vector>

#include "stemdeck/audio/mix/SafetyLimiter.h"

namespace stemdeck::audio {

// The SafetyLimiter on interleaved output, one per output pair (channels 2p, 2p+1; a last odd
// channel alone): what a set needs where two songs, each already limited, are summed (a
// crossfade). Bit-exact (the block is not touched) while a pair's gain is 1 and its peak is
// under the ceiling. Scratch is allocated once, in the constructor.
class InterleavedLimiter {
  public:
    static constexpr float kCeiling = SafetyLimiter::kCeiling;

    // Control thread: limiters for `maxChannels` channels and scratch for `maxFrames` frames
    // (longer blocks are limited in pieces).
    InterleavedLimiter(int maxChannels, int maxFrames);
    // Control thread, while the audio thread does not run process(): the release at this rate;
    // every pair back to unity gain.
    void prepare(int sampleRate);
    // Any pair's gain below 1: it is still releasing and the next block must go through it.
    bool engaged() const noexcept;

    // Audio thread: limits `frames` interleaved frames of `channels` (at most maxChannels; more
    // are left as they are) in place. Returns false when it touched nothing.
    bool process(float* out, int frames, int channels) noexcept;

  private:
    bool processPiece(float* out, int frames, int channels) noexcept;

    int maxChannels_;
    int maxFrames_;
    std::vector<SafetyLimiter> pairs_;
    std::vector<float> left_, right_;
};

}  // namespace stemdeck::audio
