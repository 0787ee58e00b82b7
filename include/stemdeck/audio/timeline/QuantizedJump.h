#pragma once

#include <cstdint>

#include "stemdeck/audio/timeline/BeatGrid.h"

namespace stemdeck::audio {

// When a requested jump (to a marker, a section, the loop start) should happen: now, on the
// next beat or on the next bar line, so the music carries on in time. The transport asks on
// the audio thread with its render position, so the answer is exact, and hands the frame to
// LoopPlayer::scheduleJump. Audio-thread safe: pure arithmetic.
class QuantizedJump {
  public:
    enum class Quantize { Now, NextBeat, NextBar };

    explicit QuantizedJump(Quantize quantize = Quantize::NextBar) : quantize_(quantize) {}
    Quantize quantize() const { return quantize_; }

    // The frame the jump happens at: `frame` itself (Now), or the first beat or bar line at
    // or after it (one exactly on the line is taken there and then).
    std::int64_t when(std::int64_t frame, const BeatGrid& grid) const noexcept;

    static std::int64_t nextBeatFrame(std::int64_t frame, const BeatGrid& grid) noexcept {
        return grid.beatFrame(grid.firstBeatAtOrAfter(frame));
    }
    static std::int64_t nextBarFrame(std::int64_t frame, const BeatGrid& grid) noexcept {
        return grid.barFrame(grid.firstBarAtOrAfter(frame));
    }

  private:
    Quantize quantize_;
};

}  // namespace stemdeck::audio
