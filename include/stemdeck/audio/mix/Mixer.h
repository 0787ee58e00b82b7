#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "stemdeck/audio/core/LinearRamp.h"

namespace stemdeck::audio {

struct Song;
class StemAudio;
class MixControls;
class LevelMeters;
namespace detail {
struct BusScan;
struct ChannelPass;
}  // namespace detail

// Sums the stems of a song into a stereo bus with per-stem gain, mute, solo and pan and the
// master gain. Every gain is ramped per sample over a fixed time, so no change clicks
// whatever the block size. Knows nothing about devices: it writes into caller buffers.
class Mixer {
  public:
    static constexpr int kMaxChunk = 1024;  // longest run mix() accepts
    static constexpr double kDefaultRampMs = 15.0;

    Mixer();
    ~Mixer();

    // Control thread, while no audio thread uses the mixer. Allocates all state.
    // `meters` (optional) receives each stem's post-fader peak per mixed run.
    void prepare(const Song* song, const MixControls* controls, int sampleRate,
                 LevelMeters* meters = nullptr, double rampMs = kDefaultRampMs);
    bool prepared() const { return song_ != nullptr; }

    // Audio thread. Mixes song frames [position, position + n) into left/right (overwritten),
    // n <= kMaxChunk. Frames beyond a stem's end, beyond the song, or beyond what is ready of a
    // stem still being decoded (StemAudio::readyFrames) are silence.
    void mix(std::int64_t position, int n, float* left, float* right) noexcept;

    // Audio thread. mix() straight into a stereo device's `out` (2n interleaved samples),
    // scanned on the way (detail::interleavedMixFor), when the settled plan holds (mixPlanned),
    // the master gain is settled and the machine has the kernel: the same bits, meters and
    // ramps as mix() followed by interleaving. left/right (n long) take a channel's earlier
    // passes when it has more than one. False otherwise, with nothing written or moved on: the
    // caller mixes with mix().
    bool mixInterleaved(std::int64_t position, int n, float* left, float* right, float* out,
                        detail::BusScan& scan) noexcept;

    // Audio thread. Like mix() for the stems with pairOf[stem] == pair only, and without the
    // master gain (each output pair's chain applies it; see BusChain). Stems not mixed here
    // keep their ramps where they are: each stem is mixed in exactly one pair's call.
    void mixStems(std::int64_t position, int n, float* left, float* right, const int* pairOf,
                  int pair) noexcept;

    // Audio thread. Jumps every ramp to its current target; used while the output is silent
    // (before playback starts, at the bottom of a seek fade) where a ramp would not be heard.
    void snapToTargets() noexcept;

    int rampSamples() const { return rampSamples_; }

  private:
    struct StemState {
        LinearRamp left;
        LinearRamp right;
    };
    // The ramps' targets from the controls; nothing when their version is the one last read.
    void updateTargets() noexcept;
    // The common case in one pass over each bus channel per few stems (MixKernels.h): every
    // stem mixed (pairOf null: all, else those with pairOf[stem] == pair) has settled gains
    // and all n frames ready in its first extent. Writes left/right and notes the meters.
    // False when a stem is not in that case: left/right may then hold a partial sum (the
    // caller mixes stem by stem, which writes them anew); ramps and meters are untouched.
    bool mixSettled(std::int64_t position, int n, float* left, float* right, const int* pairOf,
                    int pair) noexcept;
    // The settled mix of whole stems, kept while it holds: every stem's gains settled at the
    // controls' version targetsVersion_ and no stem decoding. Then a block is only the fused
    // passes (the grouping mixSettled makes, so the sums are the same bit for bit) from the
    // block's position, and the meters. False (nothing written) when the plan does not hold.
    bool mixPlanned(std::int64_t position, int n, float* left, float* right) noexcept;
    bool planHolds() noexcept;  // builds the plan when it can
    // mixInterleaved's check of all but the block: targets read, no ramp, the plan and its
    // kernel built. Sets fusedHeld_ for the controls' version it read.
    bool settleFused() noexcept;
    // Inlined where the planned mixes call it (every block).
    [[gnu::always_inline]] inline void meterPlanned(std::int64_t position, int n) noexcept;
    void buildPlan() noexcept;
    // One mixScaled call of the plan: up to kPassSources sources of one format, at frame 0.
    static constexpr int kPassSources = 4;  // detail::kMaxFusedSources (asserted)
    struct FusedPass {
        const void* sources[kPassSources] = {};
        float gains[kPassSources] = {};
        int count = 0;
        bool int16 = false;
    };
    static void runPasses(const FusedPass* passes, int count, std::int64_t position, int n,
                          float* dst) noexcept;
    // `overwrite`: the first stem of mix() writes left/right instead of adding to them.
    void addStem(std::size_t index, std::int64_t position, int n, float* left, float* right,
                 bool overwrite = false) noexcept;
    // Assign: writes dst instead of adding to it (only with valid == n).
    template <bool Assign>
    void addChannel(LinearRamp& ramp, const StemAudio& audio, std::int64_t ready, int channel,
                    std::int64_t position, int valid, int n, float* dst) noexcept;
    // The stem's post-fader peak over its `valid` frames from `position`, into the meters.
    void meterStem(std::size_t index, std::int64_t position, int valid,
                   std::int64_t ready) noexcept;
    template <bool Assign, typename Sample>
    void addRun(LinearRamp& ramp, const Sample* src, int count, float* dst) noexcept;

    const Song* song_ = nullptr;
    const MixControls* controls_ = nullptr;
    LevelMeters* meters_ = nullptr;
    std::vector<StemState> stems_;
    LinearRamp master_;
    std::vector<float> gain_;  // per-sample ramp values, kMaxChunk long
    int rampSamples_ = 1;
    std::uint32_t targetsVersion_ = 0;  // the controls' version the targets were read at
    bool targetsRead_ = false;          // false until read after prepare()
    // The settled plan (mixPlanned): the left bus's passes from 0, the right's from stems.
    std::vector<FusedPass> plan_;  // 2 * stems, allocated by prepare()
    int planPasses_[2] = {0, 0};
    bool planMultiPass_ = false;  // a channel has more than one pass
    // Each channel's last pass of the plan, as mixInterleaved hands it to its kernel (2).
    std::vector<detail::ChannelPass> planLast_;
    // Its kernel (detail::interleavedMixFor; null: none on this machine).
    detail::BusScan (*planKernel_)(const detail::ChannelPass&, const detail::ChannelPass&,
                                   std::size_t, float, int, float*) noexcept = nullptr;
    // Per stem: its peak table and the larger settled gain (as meterStem's), read in place.
    struct PlanMeter {
        const float* peaks = nullptr;
        std::size_t buckets = 0;
        float gain = 0.0f;
    };
    std::vector<PlanMeter> planMeters_;
    std::int64_t planFrames_ = 0;  // every stem ready and in its first extent below this
    std::uint32_t planVersion_ = 0;
    bool planBuilt_ = false;
    // settleFused held at this controls version: until the version moves, only the block's
    // own range is checked.
    bool fusedHeld_ = false;
    std::uint32_t fusedVersion_ = 0;
};

}  // namespace stemdeck::audio
