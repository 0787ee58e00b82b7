#include "stemdeck/audio/timeline/QuantizedJump.h"

namespace stemdeck::audio {

std::int64_t QuantizedJump::when(std::int64_t frame, const BeatGrid& grid) const noexcept {
    switch (quantize_) {
        case Quantize::Now:
            return frame;
        case Quantize::NextBeat:
            return nextBeatFrame(frame, grid);
        case Quantize::NextBar:
            return nextBarFrame(frame, grid);
    }
    return frame;
}

}  // namespace stemdeck::audio
