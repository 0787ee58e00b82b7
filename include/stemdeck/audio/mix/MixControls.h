#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "stemdeck/audio/core/Limits.h"

namespace stemdeck::audio {

// Target values the audio thread ramps towards, per stem.
struct StemTarget {
    float left = 0.0f;
    float right = 0.0f;
};

// A plain copy of a mix, to save, restore or carry across a reload.
struct StemMix {
    float gainDb = 0.0f;
    float pan = 0.0f;
    bool muted = false;
    bool solo = false;
    bool operator==(const StemMix&) const = default;  // exact: "has the mix changed?"
};
struct MixSnapshot {
    std::vector<StemMix> stems;
    float masterGainDb = 0.0f;
    bool operator==(const MixSnapshot&) const = default;
};

// The user's mix: per-stem gain, mute, solo and pan, and the master gain. Each value is its
// own atomic, so any thread may set or read it while the audio thread reads it; the Mixer
// ramps towards whatever it sees, so a change never clicks.
class MixControls {
  public:
    static constexpr float kMinGainDb = limits::kMinGainDb;
    static constexpr float kMaxGainDb = limits::kMaxGainDb;
    // Below this a fader is treated as -inf dB (silence).
    static constexpr float kSilenceDb = -90.0f;

    explicit MixControls(std::size_t stemCount = 0);

    std::size_t stemCount() const { return count_; }

    // Any thread. Values are clamped: gain to [-inf, +6] dB, pan to [-1, 1].
    void setGainDb(std::size_t stem, float db);
    void setMuted(std::size_t stem, bool muted);
    void setSolo(std::size_t stem, bool solo);
    void clearSolo();
    void setPan(std::size_t stem, float pan);
    void setMasterGainDb(float db);
    // Back to the defaults: 0 dB, centred, nothing muted or soloed, master 0 dB.
    void reset();
    // Any thread. apply() sets the stems both have in common and the master.
    MixSnapshot snapshot() const;
    void apply(const MixSnapshot& mix);

    // Any thread.
    float gainDb(std::size_t stem) const;
    bool muted(std::size_t stem) const;
    bool soloed(std::size_t stem) const;
    float pan(std::size_t stem) const;
    float masterGainDb() const;
    bool anySolo() const;
    // With any solo on, a stem is audible when soloed and not muted; otherwise when not muted.
    bool audible(std::size_t stem) const { return audible(stem, anySolo()); }
    bool audible(std::size_t stem, bool anySoloOn) const;

    // Any thread, the audio thread included (one acquire load): a number every setter changes
    // after storing its value. A reader that saw the same version before reading the values
    // may skip reading them again: nothing changed since (the Mixer does, once per block).
    std::uint32_t version() const { return version_.load(std::memory_order_acquire); }

    // Audio-thread safe (atomic loads only).
    StemTarget target(std::size_t stem, bool anySoloOn) const;
    float masterGainLinear() const { return masterLinear_.load(std::memory_order_relaxed); }

    // Pure helpers, any thread.
    static float dbToLinear(float db);
    static float clampGainDb(float db);
    // Constant-power pan law, normalised to unity at the centre (so the default mix leaves a
    // stem untouched): left = sqrt(2) cos(theta), right = sqrt(2) sin(theta),
    // theta = (pan + 1) * pi / 4. Hard left/right is +3 dB on that side.
    static StemTarget panGains(float pan);

  private:
    // After a value's store: a reader seeing the new version sees the new value.
    void changed() { version_.fetch_add(1, std::memory_order_release); }

    struct Channel {
        std::atomic<float> gainDb{0.0f};
        std::atomic<float> gainLinear{1.0f};
        std::atomic<float> pan{0.0f};
        // Pan law gains computed by the setter, so the audio thread does no trigonometry.
        std::atomic<float> panLeft{1.0f};
        std::atomic<float> panRight{1.0f};
        std::atomic<bool> muted{false};
        std::atomic<bool> solo{false};
    };
    std::size_t count_;
    std::unique_ptr<Channel[]> channels_;
    std::atomic<float> masterDb_{0.0f};
    std::atomic<float> masterLinear_{1.0f};
    std::atomic<std::uint32_t> version_{0};
};

}  // namespace stemdeck::audio
