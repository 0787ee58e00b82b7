#include "stemdeck/audio/mix/Mixer.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "../core/RampedGain.h"
#include "stemdeck/audio/core/ThreadContract.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemPeaks.h"
#include "stemdeck/audio/mix/LevelMeters.h"
#include "stemdeck/audio/mix/MixControls.h"

namespace stemdeck::audio {

namespace {
using ConstSamples = Eigen::Map<const Eigen::ArrayXf>;
using Samples = Eigen::Map<Eigen::ArrayXf>;
}  // namespace

Mixer::Mixer() = default;
Mixer::~Mixer() = default;

void Mixer::prepare(const Song* song, const MixControls* controls, int sampleRate,
                    LevelMeters* meters, double rampMs) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    song_ = song;
    controls_ = controls;
    meters_ = meters;
    rampSamples_ = std::max(1, static_cast<int>(std::lround(rampMs * sampleRate / 1000.0)));
    stems_.assign(song ? song->stems.size() : 0, StemState{});
    for (auto& s : stems_) {
        s.left.setLength(rampSamples_);
        s.right.setLength(rampSamples_);
    }
    master_.setLength(rampSamples_);
    gain_.assign(kMaxChunk, 0.0f);
    snapToTargets();
}

void Mixer::updateTargets() noexcept {
    const std::size_t count = std::min(stems_.size(), controls_ ? controls_->stemCount() : 0);
    const bool anySolo = controls_ && controls_->anySolo();
    for (std::size_t i = 0; i < count; ++i) {
        const StemTarget t = controls_->target(i, anySolo);
        stems_[i].left.setTarget(t.left);
        stems_[i].right.setTarget(t.right);
    }
    // Stems the controls do not cover (none in practice) stay silent.
    for (std::size_t i = count; i < stems_.size(); ++i) {
        stems_[i].left.setTarget(0.0f);
        stems_[i].right.setTarget(0.0f);
    }
    master_.setTarget(controls_ ? controls_->masterGainLinear() : 0.0f);
}

void Mixer::snapToTargets() noexcept {
    updateTargets();
    for (auto& s : stems_) {
        s.left.reset(s.left.target());
        s.right.reset(s.right.target());
    }
    master_.reset(master_.target());
}

void Mixer::applyRamp(LinearRamp& ramp, const float* src, int valid, int n, float* dst) noexcept {
    // Fast paths: a settled gain is one scalar multiply-add, a settled zero is nothing.
    if (!ramp.ramping()) {
        const float g = ramp.current();
        if (g != 0.0f && valid > 0) Samples(dst, valid) += g * ConstSamples(src, valid);
        return;
    }
    if (valid <= 0) {
        ramp.skip(n);
        return;
    }
    ramp.fill(gain_.data(), valid);
    Samples(dst, valid) += ConstSamples(src, valid) * ConstSamples(gain_.data(), valid);
    ramp.skip(n - valid);
}

void Mixer::addStem(std::size_t index, std::int64_t position, int n, float* left,
                    float* right) noexcept {
    const Stem& stem = song_->stems[index];
    StemState& state = stems_[index];
    if (position < 0) {
        // Before the song's first frame there is silence (a chain joining where the listener
        // is while a stretcher still holds the start), never memory before the stem's audio.
        const int lead = static_cast<int>(std::min<std::int64_t>(n, -position));
        state.left.skip(lead);
        state.right.skip(lead);
        if (lead < n) addStem(index, 0, n - lead, left + lead, right + lead);
        return;
    }
    const std::int64_t available = stem.frames() - position;
    const int valid = available <= 0 ? 0 : static_cast<int>(std::min<std::int64_t>(n, available));
    const float* srcL = valid > 0 ? stem.left() + position : nullptr;
    const float* srcR = valid > 0 ? stem.right() + position : nullptr;
    applyRamp(state.left, srcL, valid, n, left);
    applyRamp(state.right, srcR, valid, n, right);
    if (meters_ && valid > 0 && !stem.peaks.empty()) {
        // Post-fader peak from the load-time peak table: one read per 64 frames.
        const auto first = static_cast<std::size_t>(position / kPeakBucketFrames);
        const auto last = static_cast<std::size_t>((position + valid - 1) / kPeakBucketFrames);
        const float peak =
            ConstSamples(stem.peaks.data() + first, static_cast<Eigen::Index>(last - first + 1))
                .maxCoeff();
        const float gain =
            std::max(std::abs(state.left.current()), std::abs(state.right.current()));
        meters_->noteStem(index, peak * gain);
    }
}

void Mixer::mixStems(std::int64_t position, int n, float* left, float* right, const int* pairOf,
                     int pair) noexcept {
    n = std::clamp(n, 0, kMaxChunk);
    Samples(left, n).setZero();
    Samples(right, n).setZero();
    if (!song_ || !controls_) return;
    updateTargets();
    for (std::size_t i = 0; i < stems_.size(); ++i)
        if (pairOf[i] == pair) addStem(i, position, n, left, right);
}

void Mixer::mix(std::int64_t position, int n, float* left, float* right) noexcept {
    n = std::clamp(n, 0, kMaxChunk);
    Samples(left, n).setZero();
    Samples(right, n).setZero();
    if (!song_ || !controls_) return;
    updateTargets();
    for (std::size_t i = 0; i < stems_.size(); ++i) addStem(i, position, n, left, right);

    detail::applyRampedGain(master_, gain_.data(), n, left, right);
}

}  // namespace stemdeck::audio
