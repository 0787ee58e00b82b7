#pragma once

#include <cmath>
#include <numbers>
#include <vector>

namespace stemdeck::audio::detail {

// Fade-in gains of an equal-power crossfade of `frames` frames: g[i] = sin(pi/2 (i + 0.5) / n).
// The matching fade-out is the same table read backwards (cos(x) = sin(pi/2 - x)), so the two
// gains' squares sum to 1 at every frame: two unrelated signals crossfade at constant loudness.
inline std::vector<float> equalPowerFadeIn(int frames) {
    std::vector<float> gains(static_cast<std::size_t>(frames > 0 ? frames : 0));
    for (int i = 0; i < frames; ++i)
        gains[static_cast<std::size_t>(i)] =
            static_cast<float>(std::sin(0.5 * std::numbers::pi * (i + 0.5) / frames));
    return gains;
}

}  // namespace stemdeck::audio::detail
