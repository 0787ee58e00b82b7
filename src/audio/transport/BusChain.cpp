#include "stemdeck/audio/transport/BusChain.h"

#include <algorithm>
#include <cmath>

#include "stemdeck/audio/core/ThreadContract.h"

namespace stemdeck::audio {

void BusChain::prepare(int sampleRate, int maxChunk, bool stretch) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    // The chain reads its bounds from the transport (setBounds), never from a region itself,
    // so every chain sees the same bounds in the same block.
    loop_.prepare(nullptr, sampleRate, maxChunk);
    if (stretch && (!stretcher_.prepared() || sampleRate_ != sampleRate))
        stretcher_.prepare(sampleRate);
    sampleRate_ = sampleRate;
    stretcher_.reset();
    position_ = 0;
}

std::int64_t BusChain::heardPosition() const noexcept {
    // Right after a start the stretcher holds more than has been read: the listener is at the
    // song's first frame, not before it.
    const double latency = stretcher_.latencyFrames();
    if (latency == 0.0) return std::max<std::int64_t>(0, position_);  // bypass: no lround
    return std::max<std::int64_t>(0, position_ - static_cast<std::int64_t>(std::lround(latency)));
}

void BusChain::jump(std::int64_t frame, TimeStretcher::Restart how) noexcept {
    STEMDECK_EXPECT_AUDIO_THREAD();
    position_ = std::max<std::int64_t>(frame, 0);
    loop_.reset();
    stretcher_.reset(how);
}

void BusChain::render(float* left, float* right, int n, LoopPlayer::Source source) noexcept {
    stretcher_.render(left, right, n, [this, source](float* l, float* r, int frames) {
        loop_.render(position_, frames, l, r, source);
    });
}

void BusChain::prime(int n, LoopPlayer::Source source) noexcept {
    stretcher_.prime(n, [this, source](float* l, float* r, int frames) {
        loop_.render(position_, frames, l, r, source);
    });
}

}  // namespace stemdeck::audio
