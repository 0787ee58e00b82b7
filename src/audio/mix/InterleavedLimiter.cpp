#include "stemdeck/audio/mix/InterleavedLimiter.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stemdeck/audio/core/ThreadContract.h"

namespace stemdeck::audio {

InterleavedLimiter::InterleavedLimiter(int maxChannels, int maxFrames)
    : maxChannels_(std::max(1, maxChannels)), maxFrames_(std::max(1, maxFrames)) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    pairs_.resize(static_cast<std::size_t>((maxChannels_ + 1) / 2));
    left_.assign(static_cast<std::size_t>(maxFrames_), 0.0f);
    right_.assign(static_cast<std::size_t>(maxFrames_), 0.0f);
    prepare(48000);
}

void InterleavedLimiter::prepare(int sampleRate) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    for (auto& pair : pairs_) pair.prepare(sampleRate);
}

bool InterleavedLimiter::engaged() const noexcept {
    return std::any_of(pairs_.begin(), pairs_.end(),
                       [](const SafetyLimiter& pair) { return pair.engaged(); });
}

bool InterleavedLimiter::process(float* out, int frames, int channels) noexcept {
    STEMDECK_EXPECT_AUDIO_THREAD();
    if (frames <= 0 || channels <= 0) return false;
    bool touched = false;
    for (int done = 0; done < frames; done += maxFrames_) {
        const int n = std::min(maxFrames_, frames - done);
        touched |= processPiece(out + static_cast<std::ptrdiff_t>(done) * channels, n, channels);
    }
    return touched;
}

bool InterleavedLimiter::processPiece(float* out, int frames, int channels) noexcept {
    bool touched = false;
    const int limited = std::min(channels, maxChannels_);
    const auto stride = static_cast<std::size_t>(channels);
    for (int first = 0; first < limited; first += 2) {
        SafetyLimiter& pair = pairs_[static_cast<std::size_t>(first / 2)];
        const bool stereo = first + 1 < limited;
        // The common case costs one pass over the pair and leaves it bit-exact.
        float peak = 0.0f;
        bool nan = false;
        for (int i = 0; i < frames; ++i) {
            const float* at = out + static_cast<std::size_t>(i) * stride + first;
            const float l = at[0], r = stereo ? at[1] : 0.0f;
            nan |= (l != l) || (r != r);
            peak = std::max({peak, std::abs(l), std::abs(r)});
        }
        if (nan) peak = std::numeric_limits<float>::quiet_NaN();
        if (!pair.engaged() && peak <= kCeiling) continue;
        for (int i = 0; i < frames; ++i) {
            const float* at = out + static_cast<std::size_t>(i) * stride + first;
            left_[static_cast<std::size_t>(i)] = at[0];
            right_[static_cast<std::size_t>(i)] = stereo ? at[1] : 0.0f;
        }
        touched |= pair.process(left_.data(), right_.data(), frames, peak);
        for (int i = 0; i < frames; ++i) {
            float* at = out + static_cast<std::size_t>(i) * stride + first;
            at[0] = left_[static_cast<std::size_t>(i)];
            if (stereo) at[1] = right_[static_cast<std::size_t>(i)];
        }
    }
    return touched;
}

}  // namespace stemdeck::audio
