#include "stemdeck/audio/mix/SafetyLimiter.h"

#include <algorithm>
#include <cmath>

#include "../core/SampleGuard.h"
#include "stemdeck/audio/core/ThreadContract.h"

namespace stemdeck::audio {

void SafetyLimiter::prepare(int sampleRate) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    // The remaining gain reduction shrinks by 1/e every release time.
    releaseFactor_ = static_cast<float>(std::exp(-1000.0 / (kReleaseMs * sampleRate)));
    reduction_ = 0.0f;
}

bool SafetyLimiter::process(float* left, float* right, int n, float peak) noexcept {
    if (reduction_ == 0.0f && peak <= kCeiling) return false;
    if (!detail::busIsSane(peak)) {
        // Not audio (NaN, infinity, a float stem's 3e38): silence, which leaves the gain as it
        // was. Limited instead, it would take the gain to 0 (or NaN) and the release would
        // need seconds to bring the music back.
        detail::silenceInsane(left, n);
        detail::silenceInsane(right, n);
    }
    // Tracks the reduction (1 - gain) rather than the gain: it decays multiplicatively and
    // so never stalls against float resolution just below 1.
    float reduction = reduction_;
    for (int i = 0; i < n; ++i) {
        const float sample = std::max(std::abs(left[i]), std::abs(right[i]));
        float g = 1.0f - reduction;
        // Instant attack: never let this sample exceed the ceiling. One ulp below the exact
        // ratio, so rounding of the product cannot overshoot.
        if (sample * g > kCeiling) {
            g = std::nextafter(kCeiling / sample, 0.0f);
            reduction = 1.0f - g;
        }
        if (reduction > 0.0f) {
            left[i] *= g;
            right[i] *= g;
            reduction *= releaseFactor_;
            if (reduction < 1e-6f) reduction = 0.0f;  // land exactly on unity: transparent
        }
    }
    reduction_ = reduction;
    return true;
}

}  // namespace stemdeck::audio
