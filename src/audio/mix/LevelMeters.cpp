#include "stemdeck/audio/mix/LevelMeters.h"

namespace stemdeck::audio {

void LevelMeters::prepare(std::size_t stems) {
    count_ = stems;
    stems_ = std::make_unique<Peak[]>(stems);
    masterLeft_.value.store(0.0f);
    masterRight_.value.store(0.0f);
    seen_ = generation_.load();
    collecting_.store(seen_);
    stemGain_ = 1.0f;
}

void LevelMeters::beginBlock() noexcept {
    const unsigned generation = generation_.load(std::memory_order_acquire);
    if (generation == seen_) return;
    // The reader took the previous maxima: start new ones.
    seen_ = generation;
    for (std::size_t i = 0; i < count_; ++i) stems_[i].value.store(0.0f, std::memory_order_relaxed);
    masterLeft_.value.store(0.0f, std::memory_order_relaxed);
    masterRight_.value.store(0.0f, std::memory_order_relaxed);
    collecting_.store(generation, std::memory_order_release);
}

MeterReading LevelMeters::read() {
    MeterReading r;
    const unsigned generation = generation_.load(std::memory_order_relaxed);  // only we write it
    if (collecting_.load(std::memory_order_acquire) != generation) {
        // No block since the previous read: nothing is playing, whatever was last noted.
        r.stems.assign(count_, 0.0f);
        return r;
    }
    r.stems.reserve(count_);
    for (std::size_t i = 0; i < count_; ++i)
        r.stems.push_back(stems_[i].value.load(std::memory_order_relaxed));
    r.masterLeft = masterLeft_.value.load(std::memory_order_relaxed);
    r.masterRight = masterRight_.value.load(std::memory_order_relaxed);
    generation_.store(generation + 1, std::memory_order_release);
    return r;
}

}  // namespace stemdeck::audio
