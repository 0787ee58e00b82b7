#include "stemdeck/audio/mix/MixControls.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stemdeck::audio {

MixControls::MixControls(std::size_t stemCount)
    : count_(stemCount), channels_(std::make_unique<Channel[]>(stemCount)) {}

float MixControls::clampGainDb(float db) {
    if (std::isnan(db)) return 0.0f;
    if (db <= kSilenceDb) return kMinGainDb;
    return std::min(db, kMaxGainDb);
}

float MixControls::dbToLinear(float db) {
    if (db <= kSilenceDb) return 0.0f;
    return std::pow(10.0f, db / 20.0f);
}

StemTarget MixControls::panGains(float pan) {
    const float p = std::isnan(pan) ? 0.0f : std::clamp(pan, -1.0f, 1.0f);
    const float theta = (p + 1.0f) * std::numbers::pi_v<float> / 4.0f;
    // At the centre cos == sin == 1/sqrt(2); scaling by sqrt(2) makes that exactly unity.
    if (p == 0.0f) return {1.0f, 1.0f};
    return {std::numbers::sqrt2_v<float> * std::cos(theta),
            std::numbers::sqrt2_v<float> * std::sin(theta)};
}

void MixControls::setGainDb(std::size_t stem, float db) {
    if (stem >= count_) return;
    const float clamped = clampGainDb(db);
    channels_[stem].gainDb.store(clamped, std::memory_order_relaxed);
    channels_[stem].gainLinear.store(dbToLinear(clamped), std::memory_order_relaxed);
    changed();
}

void MixControls::setMuted(std::size_t stem, bool muted) {
    if (stem >= count_) return;
    channels_[stem].muted.store(muted, std::memory_order_relaxed);
    changed();
}

void MixControls::setSolo(std::size_t stem, bool solo) {
    if (stem >= count_) return;
    channels_[stem].solo.store(solo, std::memory_order_relaxed);
    changed();
}

void MixControls::clearSolo() {
    for (std::size_t i = 0; i < count_; ++i)
        channels_[i].solo.store(false, std::memory_order_relaxed);
    changed();
}

void MixControls::setPan(std::size_t stem, float pan) {
    if (stem >= count_) return;
    const float p = std::isnan(pan) ? 0.0f : std::clamp(pan, -1.0f, 1.0f);
    const StemTarget gains = panGains(p);
    channels_[stem].pan.store(p, std::memory_order_relaxed);
    channels_[stem].panLeft.store(gains.left, std::memory_order_relaxed);
    channels_[stem].panRight.store(gains.right, std::memory_order_relaxed);
    changed();
}

void MixControls::setMasterGainDb(float db) {
    const float clamped = clampGainDb(db);
    masterDb_.store(clamped, std::memory_order_relaxed);
    masterLinear_.store(dbToLinear(clamped), std::memory_order_relaxed);
    changed();
}

void MixControls::reset() {
    for (std::size_t i = 0; i < count_; ++i) {
        setGainDb(i, 0.0f);
        setPan(i, 0.0f);
        setMuted(i, false);
        setSolo(i, false);
    }
    setMasterGainDb(0.0f);
}

MixSnapshot MixControls::snapshot() const {
    MixSnapshot out;
    out.masterGainDb = masterGainDb();
    out.stems.reserve(count_);
    for (std::size_t i = 0; i < count_; ++i)
        out.stems.push_back({gainDb(i), pan(i), muted(i), soloed(i)});
    return out;
}

void MixControls::apply(const MixSnapshot& mix) {
    for (std::size_t i = 0; i < count_ && i < mix.stems.size(); ++i) {
        setGainDb(i, mix.stems[i].gainDb);
        setPan(i, mix.stems[i].pan);
        setMuted(i, mix.stems[i].muted);
        setSolo(i, mix.stems[i].solo);
    }
    setMasterGainDb(mix.masterGainDb);
}

float MixControls::gainDb(std::size_t stem) const {
    return stem < count_ ? channels_[stem].gainDb.load(std::memory_order_relaxed) : 0.0f;
}
bool MixControls::muted(std::size_t stem) const {
    return stem < count_ && channels_[stem].muted.load(std::memory_order_relaxed);
}
bool MixControls::soloed(std::size_t stem) const {
    return stem < count_ && channels_[stem].solo.load(std::memory_order_relaxed);
}
float MixControls::pan(std::size_t stem) const {
    return stem < count_ ? channels_[stem].pan.load(std::memory_order_relaxed) : 0.0f;
}
float MixControls::masterGainDb() const {
    return masterDb_.load(std::memory_order_relaxed);
}

bool MixControls::anySolo() const {
    for (std::size_t i = 0; i < count_; ++i)
        if (channels_[i].solo.load(std::memory_order_relaxed)) return true;
    return false;
}

bool MixControls::audible(std::size_t stem, bool anySoloOn) const {
    if (stem >= count_ || muted(stem)) return false;
    return !anySoloOn || soloed(stem);
}

StemTarget MixControls::target(std::size_t stem, bool anySoloOn) const {
    if (!audible(stem, anySoloOn)) return {};
    const float gain = channels_[stem].gainLinear.load(std::memory_order_relaxed);
    return {gain * channels_[stem].panLeft.load(std::memory_order_relaxed),
            gain * channels_[stem].panRight.load(std::memory_order_relaxed)};
}

}  // namespace stemdeck::audio
