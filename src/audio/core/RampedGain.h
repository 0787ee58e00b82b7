#pragma once

#include <Eigen/Core>

#include "stemdeck/audio/core/LinearRamp.h"

namespace stemdeck::audio::detail {

// Scales a stereo block by a gain ramp (the mixer's master, a routed pair's master): a
// constant gain when the ramp has settled (nothing at all at unity), else the ramp's values
// per sample, written into `scratch` (at least n long, pre-allocated: audio thread).
inline void applyRampedGain(LinearRamp& ramp, float* scratch, int n, float* left,
                            float* right) noexcept {
    using Samples = Eigen::Map<Eigen::ArrayXf>;
    using ConstSamples = Eigen::Map<const Eigen::ArrayXf>;
    if (!ramp.ramping()) {
        const float g = ramp.current();
        if (g != 1.0f) {
            Samples(left, n) *= g;
            Samples(right, n) *= g;
        }
        return;
    }
    ramp.fill(scratch, n);
    Samples(left, n) *= ConstSamples(scratch, n);
    Samples(right, n) *= ConstSamples(scratch, n);
}

}  // namespace stemdeck::audio::detail
