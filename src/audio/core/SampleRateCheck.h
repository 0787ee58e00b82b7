#pragma once

#include <stdexcept>
#include <string>

#include "stemdeck/audio/core/Limits.h"

namespace stemdeck::audio::detail {

// The one-line reason a rate is refused: outside limits::kMinSampleRate..kMaxSampleRate, where
// no music lives and Rubber Band's buffer sizing does not terminate (a few Hz).
inline std::string unsupportedRateMessage(long long rate) {
    return "sample rate " + std::to_string(rate) + " Hz is outside the supported " +
           std::to_string(limits::kMinSampleRate) + "-" + std::to_string(limits::kMaxSampleRate) +
           " Hz";
}

// Throws std::invalid_argument for a rate the engine does not run at. Control thread, before
// anything is built for that rate.
inline void requireSupportedRate(long long rate) {
    if (!limits::sampleRateInRange(rate)) throw std::invalid_argument(unsupportedRateMessage(rate));
}

}  // namespace stemdeck::audio::detail
