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

namespace {

// dst += g * src (Assign: dst = g * src) for a settled gain; int16 is scaled with the gain
// (g / 32768 is exact, so the sum is what the float copy of the sample, sample / 32768, gave).
template <bool Assign>
void scaled(const float* src, int count, float g, float* dst) noexcept {
    if constexpr (Assign)
        Samples(dst, count) = g * ConstSamples(src, count);
    else
        Samples(dst, count) += g * ConstSamples(src, count);
}
template <bool Assign>
void scaled(const std::int16_t* src, int count, float g, float* dst) noexcept {
    const float k = g * kInt16ToFloat;
    for (int i = 0; i < count; ++i) {
        if constexpr (Assign)
            dst[i] = k * static_cast<float>(src[i]);
        else
            dst[i] += k * static_cast<float>(src[i]);
    }
}
// dst += src * gain (Assign: dst = src * gain), per sample.
template <bool Assign>
void ramped(const float* src, int count, const float* gain, float* dst) noexcept {
    if constexpr (Assign)
        Samples(dst, count) = ConstSamples(src, count) * ConstSamples(gain, count);
    else
        Samples(dst, count) += ConstSamples(src, count) * ConstSamples(gain, count);
}
template <bool Assign>
void ramped(const std::int16_t* src, int count, const float* gain, float* dst) noexcept {
    for (int i = 0; i < count; ++i) {
        const float x = static_cast<float>(src[i]) * kInt16ToFloat * gain[i];
        if constexpr (Assign)
            dst[i] = x;
        else
            dst[i] += x;
    }
}

void silence(float* left, float* right, int n) noexcept {
    Samples(left, n).setZero();
    Samples(right, n).setZero();
}

}  // namespace

template <bool Assign, typename Sample>
void Mixer::addRun(LinearRamp& ramp, const Sample* src, int count, float* dst) noexcept {
    // Fast paths: a settled gain is one scalar multiply-add, a settled zero is nothing.
    if (!ramp.ramping()) {
        const float g = ramp.current();
        if (g != 0.0f)
            scaled<Assign>(src, count, g, dst);
        else if constexpr (Assign)
            Samples(dst, count).setZero();
        return;
    }
    ramp.fill(gain_.data(), count);
    ramped<Assign>(src, count, gain_.data(), dst);
}

void Mixer::addChannel(LinearRamp& ramp, const StemAudio& audio, std::int64_t ready, int channel,
                       std::int64_t position, int valid, int n, float* dst) noexcept {
    int done = 0;
    // One run in the common case; more only where the stem's storage grew in extents. Each
    // run moves forward, and `valid` frames were ready: the loop is bounded.
    while (done < valid) {
        const StemAudio::Run run = audio.runBefore(ready, channel, position + done, valid - done);
        if (run.frames <= 0) break;
        const auto count = static_cast<int>(run.frames);
        if (audio.format() == SampleFormat::Int16)
            addRun<false>(ramp, run.int16(), count, dst + done);
        else
            addRun<false>(ramp, run.float32(), count, dst + done);
        done += count;
    }
    ramp.skip(n - done);  // silence past the stem's end or its ready frames
}

void Mixer::addStem(std::size_t index, std::int64_t position, int n, float* left, float* right,
                    bool overwrite) noexcept {
    const Stem& stem = song_->stems[index];
    StemState& state = stems_[index];
    if (position < 0) {
        if (overwrite) silence(left, right, n);
        // Before the song's first frame there is silence (a chain joining where the listener
        // is while a stretcher still holds the start), never memory before the stem's audio.
        const int lead = static_cast<int>(std::min<std::int64_t>(n, -position));
        state.left.skip(lead);
        state.right.skip(lead);
        if (lead < n) addStem(index, 0, n - lead, left + lead, right + lead);
        return;
    }
    // The watermark: frames not ready yet (still decoding) play as silence, like the end.
    const std::int64_t ready = stem.audio.readyFrames();
    const std::int64_t available = ready - position;
    const int valid = available <= 0 ? 0 : static_cast<int>(std::min<std::int64_t>(n, available));
    const bool inFirst = valid > 0 && position + valid <= stem.audio.firstExtentFrames();
    // The first stem of a mix writes the bus instead of adding to a zeroed one, when it covers
    // the whole run.
    if (overwrite && !(inFirst && valid == n)) {
        silence(left, right, n);
        overwrite = false;
    }
    if (inFirst) {
        // The common case: the frames lie in the stem's first (usually only) extent.
        const auto at = static_cast<std::size_t>(position);
        const auto run = [&](auto* l, auto* r) {
            if (overwrite) {
                addRun<true>(state.left, l + at, valid, left);
                addRun<true>(state.right, r + at, valid, right);
            } else {
                addRun<false>(state.left, l + at, valid, left);
                addRun<false>(state.right, r + at, valid, right);
            }
        };
        if (stem.audio.format() == SampleFormat::Int16)
            run(static_cast<const std::int16_t*>(stem.audio.firstExtentData(0)),
                static_cast<const std::int16_t*>(stem.audio.firstExtentData(1)));
        else
            run(static_cast<const float*>(stem.audio.firstExtentData(0)),
                static_cast<const float*>(stem.audio.firstExtentData(1)));
        if (valid < n) {
            state.left.skip(n - valid);
            state.right.skip(n - valid);
        }
    } else {
        addChannel(state.left, stem.audio, ready, 0, position, valid, n, left);
        addChannel(state.right, stem.audio, ready, 1, position, valid, n, right);
    }
    if (meters_ && valid > 0 && !stem.peaks.empty()) {
        // Post-fader peak from the load-time peak table: one read per 64 frames (only where
        // the table reaches: it may cover fewer frames than are ready).
        const auto first = static_cast<std::size_t>(position / kPeakBucketFrames);
        auto last = std::min(static_cast<std::size_t>((position + valid - 1) / kPeakBucketFrames),
                             stem.peaks.size() - 1);
        // A stem still decoding has written the peaks of whole buckets below its watermark
        // only (they were written before the frames were published); the bucket it is filling
        // is not read. Checked only at the watermark's bucket.
        if (static_cast<std::int64_t>(last + 1) * kPeakBucketFrames > ready &&
            stem.audio.decoding()) {
            if (ready < kPeakBucketFrames) return;
            last = std::min(last, static_cast<std::size_t>(ready / kPeakBucketFrames) - 1);
        }
        if (first > last) return;
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
    silence(left, right, n);
    if (!song_ || !controls_) return;
    updateTargets();
    for (std::size_t i = 0; i < stems_.size(); ++i)
        if (pairOf[i] == pair) addStem(i, position, n, left, right);
}

void Mixer::mix(std::int64_t position, int n, float* left, float* right) noexcept {
    n = std::clamp(n, 0, kMaxChunk);
    if (!song_ || !controls_ || stems_.empty()) {
        silence(left, right, n);
        return;
    }
    updateTargets();
    for (std::size_t i = 0; i < stems_.size(); ++i) addStem(i, position, n, left, right, i == 0);

    detail::applyRampedGain(master_, gain_.data(), n, left, right);
}

}  // namespace stemdeck::audio
