#include "stemdeck/audio/transport/LoopPlayer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "../core/EqualPowerFade.h"
#include "stemdeck/audio/core/ThreadContract.h"

namespace stemdeck::audio {

void LoopPlayer::prepare(const LoopRegion* region, int sampleRate, int maxChunk) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    region_ = region;
    maxChunk_ = std::max(1, maxChunk);
    fadeIn_ = detail::equalPowerFadeIn(
        std::max(1, static_cast<int>(std::lround(kCrossfadeMs * sampleRate / 1000.0))));
    tailLeft_.assign(static_cast<std::size_t>(maxChunk_), 0.0f);
    tailRight_.assign(static_cast<std::size_t>(maxChunk_), 0.0f);
    bounds_ = region ? region->bounds() : LoopBounds{};
    reset();
}

void LoopPlayer::reset() noexcept {
    fadeDone_ = crossfadeFrames();
    jumpAt_ = -1;
}

void LoopPlayer::scheduleJump(std::int64_t at, std::int64_t to) noexcept {
    jumpAt_ = std::max<std::int64_t>(at, 0);
    jumpTo_ = std::max<std::int64_t>(to, 0);
}

void LoopPlayer::startSeam(std::int64_t tail) noexcept {
    // A seam during a crossfade restarts it from the new tail; the loop's minimum length keeps
    // wraps apart, so only a jump scheduled within kCrossfadeMs of a seam can do that.
    tailPos_ = tail;
    fadeDone_ = 0;
}

void LoopPlayer::renderRun(std::int64_t position, int n, float* left, float* right,
                           Source source) noexcept {
    const int fade = crossfadeFrames();
    int faded = 0;
    if (fadeDone_ < fade) {
        faded = std::min(n, fade - fadeDone_);
        float* tailLeft = tailLeft_.data();
        float* tailRight = tailRight_.data();
        source(position, faded, left, right);
        source(tailPos_, faded, tailLeft, tailRight);
        const float* in = fadeIn_.data() + fadeDone_;
        const float* out = fadeIn_.data() + (fade - 1 - fadeDone_);  // read backwards
        for (int i = 0; i < faded; ++i) {
            left[i] = left[i] * in[i] + tailLeft[i] * out[-i];
            right[i] = right[i] * in[i] + tailRight[i] * out[-i];
        }
        fadeDone_ += faded;
        tailPos_ += faded;
    }
    if (faded < n) source(position + faded, n - faded, left + faded, right + faded);
}

void LoopPlayer::render(std::int64_t& position, int n, float* left, float* right,
                        Source source) noexcept {
    if (region_) region_->read(bounds_);  // on a torn read, keep last block's bounds
    // The steady state, most blocks: no loop ahead, no jump, no seam sounding. One run, as
    // the loop below would make it, without its per-run bookkeeping.
    const bool loopAhead = bounds_.enabled && bounds_.length() > 0 && position < bounds_.end;
    if (!loopAhead && jumpAt_ < 0 && !crossfading() && n <= maxChunk_) {  // as steadyAt()
        if (n > 0) {
            source(position, n, left, right);
            position += n;
        }
        return;
    }
    int done = 0;
    while (done < n) {
        const bool looping = bounds_.enabled && bounds_.length() > 0 && position < bounds_.end;
        std::int64_t seamAt = std::numeric_limits<std::int64_t>::max();
        std::int64_t seamTo = 0;
        if (looping) {
            seamAt = bounds_.end;
            seamTo = bounds_.start;
        }
        bool jump = false;
        if (jumpAt_ >= 0) {
            const std::int64_t at = looping ? std::min(jumpAt_, bounds_.end) : jumpAt_;
            jump = true;
            seamAt = std::max(at, position);  // a frame already passed means now
            seamTo = jumpTo_;
        }
        const int run = static_cast<int>(
            std::min<std::int64_t>({n - done, seamAt - position, std::int64_t{maxChunk_}}));
        if (run > 0) {
            renderRun(position, run, left + done, right + done, source);
            position += run;
            done += run;
        }
        if (position == seamAt) {
            if (jump) jumpAt_ = -1;
            startSeam(position);
            position = seamTo;
        }
    }
}

std::int64_t loopPassesLength(const LoopBounds& bounds, int loops) {
    return loops > 0 && bounds.length() > 0 ? loops * bounds.length() : 0;
}

std::int64_t renderLoopPasses(
    const LoopRegion& region, int loops, int maxChunk, LoopPlayer::Source source,
    FunctionRef<void(const float* left, const float* right, int frames)> sink) {
    STEMDECK_EXPECT_CONTROL_THREAD();  // it allocates
    const LoopBounds bounds = region.bounds();
    if (loops < 1 || bounds.length() < region.minLength()) return 0;
    // A private region, switched on: the render must not depend on the live loop's switch.
    LoopRegion loop;
    loop.prepare(region.sampleRate(), region.songLength());
    loop.set(bounds.start, bounds.end);
    loop.setEnabled(true);
    LoopPlayer player;
    player.prepare(&loop, region.sampleRate(), maxChunk);
    maxChunk = std::max(1, maxChunk);
    std::vector<float> left(static_cast<std::size_t>(maxChunk));
    std::vector<float> right(static_cast<std::size_t>(maxChunk));
    const std::int64_t total = loopPassesLength(bounds, loops);
    std::int64_t position = bounds.start;
    for (std::int64_t done = 0; done < total;) {
        const int n = static_cast<int>(std::min<std::int64_t>(maxChunk, total - done));
        player.render(position, n, left.data(), right.data(), source);
        sink(left.data(), right.data(), n);
        done += n;
    }
    return total;
}

}  // namespace stemdeck::audio
