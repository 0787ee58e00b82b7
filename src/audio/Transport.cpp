#include "stemdeck/audio/Transport.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "stemdeck/audio/Song.h"

namespace stemdeck::audio {

Transport::Transport() = default;

void Transport::prepare(const Song* song, const MixControls* controls, int sampleRate) {
    song_ = song;
    sampleRate_ = sampleRate;
    length_ = song ? song->frames : 0;
    meters_.prepare(song ? song->stems.size() : 0);
    mixer_.prepare(song, controls, sampleRate, &meters_);
    limiter_.prepare(sampleRate);
    fader_.setLength(std::max(1, static_cast<int>(std::lround(kFadeMs * sampleRate / 1000.0))));
    fader_.reset(0.0f);
    left_.assign(Mixer::kMaxChunk, 0.0f);
    right_.assign(Mixer::kMaxChunk, 0.0f);
    fade_.assign(Mixer::kMaxChunk, 0.0f);
    renderPos_ = 0;
    pendingJump_ = -1;
    playRequested_.store(false, std::memory_order_relaxed);
    seekRequest_.store(-1, std::memory_order_relaxed);
    position_.store(0, std::memory_order_relaxed);
    endOfSong_.store(false, std::memory_order_relaxed);
    silent_.store(true, std::memory_order_release);
}

void Transport::play() {
    playRequested_.store(true, std::memory_order_release);
}

void Transport::pause() {
    playRequested_.store(false, std::memory_order_release);
}

void Transport::stop() {
    pause();
    seek(0);
}

void Transport::seek(std::int64_t frame) {
    seekRequest_.store(std::clamp<std::int64_t>(frame, 0, length_), std::memory_order_release);
}

std::int64_t Transport::position() const {
    const std::int64_t pending = seekRequest_.load(std::memory_order_acquire);
    return pending >= 0 ? pending : position_.load(std::memory_order_acquire);
}

PlayState Transport::state() const {
    if (playRequested()) return PlayState::Playing;
    return position() == 0 ? PlayState::Stopped : PlayState::Paused;
}

void Transport::finishAtEnd() noexcept {
    bool expected = true;
    playRequested_.compare_exchange_strong(expected, false, std::memory_order_acq_rel);
    fader_.reset(0.0f);
    endOfSong_.store(true, std::memory_order_release);
}

namespace {
using Samples = Eigen::Map<Eigen::ArrayXf>;
using ConstSamples = Eigen::Map<const Eigen::ArrayXf>;
using InterleavedSamples = Eigen::Map<Eigen::ArrayXf, 0, Eigen::InnerStride<>>;

float peakOf(const float* samples, int n) { return ConstSamples(samples, n).abs().maxCoeff(); }
}  // namespace

int Transport::renderChunk(float* out, int offset, int n, int channels) noexcept {
    float* left = left_.data();
    float* right = right_.data();
    mixer_.mix(renderPos_, n, left, right);
    float peakL = peakOf(left, n);
    float peakR = peakOf(right, n);
    bool changed = limiter_.process(left, right, n, std::max(peakL, peakR));
    if (fader_.ramping() || fader_.current() != 1.0f) {
        fader_.fill(fade_.data(), n);
        const ConstSamples fade(fade_.data(), n);
        Samples(left, n) *= fade;
        Samples(right, n) *= fade;
        changed = true;
    }
    if (changed) {
        peakL = peakOf(left, n);
        peakR = peakOf(right, n);
    }
    meters_.noteMaster(peakL, peakR);

    float* dst = out + static_cast<std::ptrdiff_t>(offset) * channels;
    if (channels == 1) {
        Samples(dst, n) = 0.5f * (ConstSamples(left, n) + ConstSamples(right, n));
        return n;
    }
    if (channels > 2) {
        for (int i = 0; i < n; ++i)
            std::fill(dst + static_cast<std::ptrdiff_t>(i) * channels + 2,
                      dst + static_cast<std::ptrdiff_t>(i + 1) * channels, 0.0f);
    }
    if (channels == 2) {  // the common case, in a loop the compiler vectorises with shuffles
        for (int i = 0; i < n; ++i) {
            dst[2 * i] = left[i];
            dst[2 * i + 1] = right[i];
        }
        return n;
    }
    InterleavedSamples(dst, n, Eigen::InnerStride<>(channels)) = ConstSamples(left, n);
    InterleavedSamples(dst + 1, n, Eigen::InnerStride<>(channels)) = ConstSamples(right, n);
    return n;
}

void Transport::process(float* out, int frames, int channels) noexcept {
    if (frames <= 0 || channels <= 0) return;
    int offset = 0;
    bool silent = false;
    meters_.beginBlock();
    if (song_) {
        const std::int64_t request = seekRequest_.exchange(-1, std::memory_order_acq_rel);
        if (request >= 0) pendingJump_ = request;
        // Each pass renders at least one frame or ends the loop; a jump pass is followed by
        // a render pass, so the loop is bounded by 2 * frames passes.
        while (offset < frames) {
            const bool want = playRequested_.load(std::memory_order_acquire);
            if (!fader_.ramping() && fader_.current() == 0.0f) {
                if (pendingJump_ >= 0) {  // silent: the jump cannot be heard, take it now
                    renderPos_ = pendingJump_;
                    pendingJump_ = -1;
                    continue;
                }
                if (!want) {
                    silent = true;
                    break;
                }
                // Starting from silence: take the current mix as it is, without ramps. The
                // very start of the song plays exactly as authored; anywhere else fades in.
                mixer_.snapToTargets();
                limiter_.reset();
                if (renderPos_ == 0) fader_.reset(1.0f);
            }
            fader_.setTarget(pendingJump_ >= 0 || !want ? 0.0f : 1.0f);
            if (renderPos_ >= length_) {
                finishAtEnd();
                silent = true;
                break;
            }
            int n = std::min(frames - offset, Mixer::kMaxChunk);
            // Stop at the bottom of a fade so a pending jump lands on its exact frame.
            if (fader_.ramping()) n = std::min(n, fader_.remaining());
            n = static_cast<int>(std::min<std::int64_t>(n, length_ - renderPos_));
            offset += renderChunk(out, offset, n, channels);
            renderPos_ += n;
        }
    } else {
        silent = true;
    }
    std::fill(out + static_cast<std::ptrdiff_t>(offset) * channels,
              out + static_cast<std::ptrdiff_t>(frames) * channels, 0.0f);
    position_.store(pendingJump_ >= 0 ? pendingJump_ : renderPos_, std::memory_order_release);
    silent_.store(silent, std::memory_order_release);
}

}  // namespace stemdeck::audio
