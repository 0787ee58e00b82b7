#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace stemdeck::audio {

// One stereo bus: planar left and right buffers.
struct StereoBus {
    float* left = nullptr;
    float* right = nullptr;
};

// Which output channels each stem, and the click, play on, on a multi-channel interface: each
// source goes to one channel pair (pair p = channels 2p+1 and 2p+2 as the user counts them),
// by default everything to 1-2. The audio thread adds each source into the stereo bus of its
// pair, then scatters the buses into the device's interleaved buffer. A route the device
// cannot play (a stereo device, or one with fewer channels than when it was set) falls back to
// 1-2 without being forgotten: it applies again on a device that has the pair.
class OutputRouting {
  public:
    static constexpr int kMaxChannels = 32;

    // Control thread, while no audio thread uses it: `stemCount` stems plus the click, buses
    // for up to maxChannels / 2 pairs of up to maxFrames frames. Routes everything to 1-2.
    void prepare(std::size_t stemCount, int maxFrames, int maxChannels = kMaxChannels);
    std::size_t sourceCount() const { return sourceCount_; }
    std::size_t clickSource() const { return sourceCount_ - 1; }  // after the stems
    int maxPairs() const { return maxPairs_; }
    int maxFrames() const { return maxFrames_; }

    // Any thread: the open device's output channel count (routes are checked against it).
    void setDeviceChannels(int channels);
    int deviceChannels() const { return deviceChannels_.load(std::memory_order_relaxed); }
    // Pairs a device with `channels` channels can play (at least 1: mono gets pair 0 summed).
    int pairCount(int channels) const noexcept { return std::clamp(channels / 2, 1, maxPairs_); }

    // Any thread. Sends a source to `pair`; false (route unchanged) for an unknown source or a
    // pair the device does not have.
    bool route(std::size_t source, int pair);
    // Any thread: the pair the user chose, whether or not the device has it.
    int requestedPair(std::size_t source) const;
    // Any thread: everything back to 1-2.
    void resetRoutes();
    // Any thread, the audio thread included (one acquire load): a number every change of a
    // route changes after storing it. A reader that saw the same version before reading the
    // routes may keep what it read (the transport does, once per block).
    std::uint32_t version() const { return version_.load(std::memory_order_acquire); }

    // Audio thread: the pair a source plays on with a `channels`-channel device (its route,
    // or 0 when the device lacks it).
    // Inline: the transport asks for every stem in every block.
    int pairFor(std::size_t source, int channels) const noexcept {
        if (source >= sourceCount_) return 0;
        const int pair = routes_[source].load(std::memory_order_relaxed);
        return pair < pairCount(channels) ? pair : 0;
    }
    // Audio thread. Silences the first `frames` frames of every bus; call once per block.
    void clear(int frames) noexcept;
    StereoBus bus(int pair) noexcept {
        float* left = buses_.data() + static_cast<std::ptrdiff_t>(pair) * 2 * maxFrames_;
        return {left, left + maxFrames_};
    }
    // Audio thread. Adds a source's stereo signal (frames <= maxFrames) to its pair's bus.
    void add(std::size_t source, const float* left, const float* right, int frames,
             int channels) noexcept;
    // Audio thread. Writes the buses into `out` (interleaved, `channels` channels): pair p to
    // channels 2p and 2p + 1 (0-based), every other channel silent; a mono device gets
    // pair 0's left and right averaged, as Transport does. Frames past maxFrames are silent.
    void scatter(float* out, int frames, int channels) noexcept;

  private:
    std::size_t sourceCount_ = 1;
    int maxPairs_ = 1;
    int maxFrames_ = 0;
    std::vector<float> buses_;  // per pair: left then right, maxFrames_ each
    std::unique_ptr<std::atomic<int>[]> routes_;
    std::atomic<int> deviceChannels_{2};
    std::atomic<std::uint32_t> version_{0};
};

}  // namespace stemdeck::audio
