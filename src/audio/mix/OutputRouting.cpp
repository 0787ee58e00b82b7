#include "stemdeck/audio/mix/OutputRouting.h"

#include <algorithm>

#include "stemdeck/audio/core/ThreadContract.h"

namespace stemdeck::audio {

void OutputRouting::prepare(std::size_t stemCount, int maxFrames, int maxChannels) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    sourceCount_ = stemCount + 1;
    maxPairs_ = std::max(1, std::min(maxChannels, kMaxChannels) / 2);
    maxFrames_ = std::max(0, maxFrames);
    buses_.assign(static_cast<std::size_t>(maxPairs_) * 2 * static_cast<std::size_t>(maxFrames_),
                  0.0f);
    routes_ = std::make_unique<std::atomic<int>[]>(sourceCount_);
    resetRoutes();
}

void OutputRouting::setDeviceChannels(int channels) {
    deviceChannels_.store(std::max(channels, 1), std::memory_order_relaxed);
}

bool OutputRouting::route(std::size_t source, int pair) {
    if (source >= sourceCount_ || pair < 0 || pair >= pairCount(deviceChannels())) return false;
    routes_[source].store(pair, std::memory_order_relaxed);
    version_.fetch_add(1, std::memory_order_release);
    return true;
}

int OutputRouting::requestedPair(std::size_t source) const {
    return source < sourceCount_ ? routes_[source].load(std::memory_order_relaxed) : 0;
}

void OutputRouting::resetRoutes() {
    for (std::size_t i = 0; i < sourceCount_; ++i) routes_[i].store(0, std::memory_order_relaxed);
    version_.fetch_add(1, std::memory_order_release);
}

void OutputRouting::clear(int frames) noexcept {
    frames = std::clamp(frames, 0, maxFrames_);  // the buses' size: never write past them
    for (int p = 0; p < maxPairs_; ++p) {
        const StereoBus b = bus(p);
        std::fill(b.left, b.left + frames, 0.0f);
        std::fill(b.right, b.right + frames, 0.0f);
    }
}

void OutputRouting::add(std::size_t source, const float* left, const float* right, int frames,
                        int channels) noexcept {
    frames = std::min(frames, maxFrames_);
    const StereoBus b = bus(pairFor(source, channels));
    for (int i = 0; i < frames; ++i) {
        b.left[i] += left[i];
        b.right[i] += right[i];
    }
}

void OutputRouting::scatter(float* out, int frames, int channels) noexcept {
    if (channels == 2 && frames > 0 && frames <= maxFrames_) {
        // The common case, in a loop the compiler vectorises with shuffles.
        const StereoBus b = bus(0);
        for (int i = 0; i < frames; ++i) {
            out[2 * i] = b.left[i];
            out[2 * i + 1] = b.right[i];
        }
        return;
    }
    if (frames <= 0 || channels <= 0) return;
    if (frames > maxFrames_) {  // more than the buses hold: the rest is silence
        std::fill(out + static_cast<std::ptrdiff_t>(maxFrames_) * channels,
                  out + static_cast<std::ptrdiff_t>(frames) * channels, 0.0f);
        frames = maxFrames_;
    }
    if (channels == 1) {
        const StereoBus b = bus(0);
        for (int i = 0; i < frames; ++i) out[i] = 0.5f * (b.left[i] + b.right[i]);
        return;
    }
    const int pairs = pairCount(channels);
    if (2 * pairs < channels)  // channels no pair reaches are silent
        std::fill(out, out + static_cast<std::ptrdiff_t>(frames) * channels, 0.0f);
    for (int p = 0; p < pairs; ++p) {
        const StereoBus b = bus(p);
        float* dst = out + 2 * p;
        for (int i = 0; i < frames; ++i, dst += channels) {
            dst[0] = b.left[i];
            dst[1] = b.right[i];
        }
    }
}

}  // namespace stemdeck::audio
