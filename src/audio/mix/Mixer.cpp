#include "stemdeck/audio/mix/Mixer.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "../core/RampedGain.h"
#include "MixKernels.h"
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
    plan_.assign(2 * stems_.size(), FusedPass{});
    planLast_.assign(2, detail::ChannelPass{});
    planMeters_.assign(stems_.size(), PlanMeter{});
    planBuilt_ = false;
    fusedHeld_ = false;
    targetsRead_ = false;
    snapToTargets();
}

void Mixer::updateTargets() noexcept {
    // The version is read before the values: a change stored meanwhile bumps it again, and is
    // read in the next block at the latest.
    const std::uint32_t version = controls_ ? controls_->version() : 0;
    if (targetsRead_ && version == targetsVersion_) return;
    targetsRead_ = true;
    targetsVersion_ = version;
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

// Sums the settled stems of one bus channel in passes of up to detail::kMaxFusedSources stems
// of one sample format: each pass reads and writes the bus once, where adding stem by stem
// did it once per stem. The first pass writes the bus; a bus no stem reaches is zeroed.
class FusedChannel {
  public:
    FusedChannel(int n, float* dst) : n_(n), dst_(dst) {}

    // Samples from the block's first frame on, and the stem channel's settled gain.
    void add(const float* samples, float gain) noexcept {
        if (gain == 0.0f) return;  // a settled zero adds nothing (as Mixer::addRun)
        if (count_ == detail::kMaxFusedSources || (count_ > 0 && int16_)) flush();
        int16_ = false;
        float_[count_] = samples;
        gains_[count_++] = gain;
    }
    void add(const std::int16_t* samples, float gain) noexcept {
        if (gain == 0.0f) return;
        if (count_ == detail::kMaxFusedSources || (count_ > 0 && !int16_)) flush();
        int16_ = true;
        int16Samples_[count_] = samples;
        gains_[count_++] = gain * kInt16ToFloat;  // exact: what scaled() multiplies by
    }
    void finish() noexcept {
        flush();
        if (!written_) Samples(dst_, n_).setZero();
    }

  private:
    void flush() noexcept {
        if (count_ == 0) return;
        if (int16_)
            detail::mixScaled(int16Samples_, gains_, count_, n_, dst_, !written_);
        else
            detail::mixScaled(float_, gains_, count_, n_, dst_, !written_);
        written_ = true;
        count_ = 0;
    }

    int n_;
    float* dst_;
    // Only the first count_ entries are set and read (left unset: this is built per block).
    const float* float_[detail::kMaxFusedSources];
    const std::int16_t* int16Samples_[detail::kMaxFusedSources];
    float gains_[detail::kMaxFusedSources];
    int count_ = 0;
    bool int16_ = false;
    bool written_ = false;
};

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

template <bool Assign>
void Mixer::addChannel(LinearRamp& ramp, const StemAudio& audio, std::int64_t ready, int channel,
                       std::int64_t position, int valid, int n, float* dst) noexcept {
    int done = 0;
    // One run in the common case; more only where the stem's storage grew in extents. Each
    // run moves forward, and `valid` frames were ready: the loop is bounded. Assign (the
    // caller checked valid == n) writes each frame once: the runs tile the block.
    while (done < valid) {
        const StemAudio::Run run = audio.runBefore(ready, channel, position + done, valid - done);
        if (run.frames <= 0) break;
        const auto count = static_cast<int>(run.frames);
        if (audio.format() == SampleFormat::Int16)
            addRun<Assign>(ramp, run.int16(), count, dst + done);
        else
            addRun<Assign>(ramp, run.float32(), count, dst + done);
        done += count;
    }
    if constexpr (Assign) {
        // Only reached with valid == n, and a ready frame always has a run: done == n. Kept
        // as a guard so that a bus is never left holding the previous block.
        if (done < n) Samples(dst + done, n - done).setZero();
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
    // The watermark: frames not ready yet (still decoding) play as silence, like the end. Read
    // at the position: past a seek, the frames may be an island's (StemAudio regions).
    const std::int64_t ready = stem.audio.readyFrom(position);
    const std::int64_t available = ready - position;
    const int valid = available <= 0 ? 0 : static_cast<int>(std::min<std::int64_t>(n, available));
    // The first stem of a mix writes the bus instead of adding to a zeroed one, when it covers
    // the whole run.
    if (overwrite && valid == n) {
        addChannel<true>(state.left, stem.audio, ready, 0, position, valid, n, left);
        addChannel<true>(state.right, stem.audio, ready, 1, position, valid, n, right);
    } else {
        if (overwrite) silence(left, right, n);
        addChannel<false>(state.left, stem.audio, ready, 0, position, valid, n, left);
        addChannel<false>(state.right, stem.audio, ready, 1, position, valid, n, right);
    }
    meterStem(index, position, valid, ready);
}

namespace {

// The largest of peaks[first..last] (last >= first): a plain loop, the range being a block's
// few buckets (Eigen's maxCoeff cost more in its setup than in its loop).
float largestPeak(const float* peaks, std::size_t first, std::size_t last) noexcept {
    float peak = peaks[first];
    for (std::size_t b = first + 1; b <= last; ++b) peak = peaks[b] > peak ? peaks[b] : peak;
    return peak;
}

}  // namespace

void Mixer::meterStem(std::size_t index, std::int64_t position, int valid,
                      std::int64_t ready) noexcept {
    if (!meters_ || valid <= 0 || position < 0) return;
    const Stem& stem = song_->stems[index];
    const std::size_t buckets = stem.peaks.size();
    if (buckets == 0) return;
    // Post-fader peak from the load-time peak table: one read per 64 frames (only where the
    // table reaches: it may cover fewer frames than are ready). Unsigned: the divisions shift.
    constexpr auto kBucket = static_cast<std::size_t>(kPeakBucketFrames);
    const auto from = static_cast<std::size_t>(position);
    const std::size_t first = from / kBucket;
    std::size_t last =
        std::min((from + static_cast<std::size_t>(valid) - 1) / kBucket, buckets - 1);
    // A stem still decoding has written the peaks of whole buckets below its watermark only
    // (they were written before the frames were published); the bucket it is filling is not
    // read. Checked only at the watermark's bucket.
    if (static_cast<std::int64_t>((last + 1) * kBucket) > ready && stem.audio.decoding()) {
        if (ready < kPeakBucketFrames) return;
        last = std::min(last, static_cast<std::size_t>(ready) / kBucket - 1);
    }
    if (first > last) return;
    const StemState& state = stems_[index];
    const float gain = std::max(std::abs(state.left.current()), std::abs(state.right.current()));
    meters_->noteStem(index, largestPeak(stem.peaks.data(), first, last) * gain);
}

bool Mixer::mixSettled(std::int64_t position, int n, float* left, float* right, const int* pairOf,
                       int pair) noexcept {
    if (position < 0 || n <= 0) return false;
    FusedChannel busLeft(n, left), busRight(n, right);
    const auto at = static_cast<std::size_t>(position);
    for (std::size_t i = 0; i < stems_.size(); ++i) {
        if (pairOf && pairOf[i] != pair) continue;
        const StemState& state = stems_[i];
        const StemAudio& audio = song_->stems[i].audio;
        // The common case: settled gains and all n frames ready in the first extent. Else the
        // stem-by-stem path writes the whole bus again (what was summed so far is dropped).
        if (state.left.ramping() || state.right.ramping() ||
            audio.readyFrom(position) - position < n || position + n > audio.firstExtentFrames())
            return false;
        if (audio.format() == SampleFormat::Int16) {
            busLeft.add(static_cast<const std::int16_t*>(audio.firstExtentData(0)) + at,
                        state.left.current());
            busRight.add(static_cast<const std::int16_t*>(audio.firstExtentData(1)) + at,
                         state.right.current());
        } else {
            busLeft.add(static_cast<const float*>(audio.firstExtentData(0)) + at,
                        state.left.current());
            busRight.add(static_cast<const float*>(audio.firstExtentData(1)) + at,
                         state.right.current());
        }
    }
    busLeft.finish();
    busRight.finish();
    for (std::size_t i = 0; i < stems_.size(); ++i)
        if (!pairOf || pairOf[i] == pair)
            meterStem(i, position, n, song_->stems[i].audio.readyFrom(position));
    return true;
}

bool Mixer::planHolds() noexcept {
    if (!planBuilt_ || planVersion_ != targetsVersion_) buildPlan();
    return planBuilt_;
}

void Mixer::buildPlan() noexcept {
    static_assert(kPassSources == detail::kMaxFusedSources);
    planBuilt_ = false;
    fusedHeld_ = false;
    planFrames_ = song_->frames;
    for (std::size_t i = 0; i < stems_.size(); ++i) {
        const StemState& state = stems_[i];
        const StemAudio& audio = song_->stems[i].audio;
        // Ramping, or still decoding (its ready frames grow): the block-by-block paths.
        if (state.left.ramping() || state.right.ramping() || audio.decoding()) return;
        planFrames_ = std::min({planFrames_, audio.readyFrames(), audio.firstExtentFrames()});
        const std::vector<float>& peaks = song_->stems[i].peaks;
        // meterPlanned reads a block's buckets unchecked: the plan stops where a table does.
        if (!peaks.empty())
            planFrames_ = std::min(planFrames_, static_cast<std::int64_t>(peaks.size()) *
                                                    static_cast<std::int64_t>(kPeakBucketFrames));
        planMeters_[i] = {
            peaks.data(), peaks.size(),
            std::max(std::abs(state.left.current()), std::abs(state.right.current()))};
    }
    // As FusedChannel groups them: stems in order, settled zeros left out, passes of up to
    // kPassSources of one format.
    for (int channel = 0; channel < 2; ++channel) {
        FusedPass* passes = plan_.data() + static_cast<std::ptrdiff_t>(channel) * stems_.size();
        int count = 0;
        for (std::size_t i = 0; i < stems_.size(); ++i) {
            const float gain = channel == 0 ? stems_[i].left.current() : stems_[i].right.current();
            if (gain == 0.0f) continue;
            const StemAudio& audio = song_->stems[i].audio;
            const bool int16 = audio.format() == SampleFormat::Int16;
            if (count == 0 || passes[count - 1].count == kPassSources ||
                passes[count - 1].int16 != int16)
                passes[count++] = FusedPass{.int16 = int16};
            FusedPass& pass = passes[count - 1];
            pass.sources[pass.count] = audio.firstExtentData(channel);
            pass.gains[pass.count++] = int16 ? gain * kInt16ToFloat : gain;
        }
        planPasses_[channel] = count;
        detail::ChannelPass& last = planLast_[static_cast<std::size_t>(channel)];
        last = detail::ChannelPass{};
        if (count > 0) {
            const FusedPass& pass = passes[count - 1];
            last.count = pass.count;
            last.int16 = pass.int16;
            last.boundedGains = true;
            for (int k = 0; k < pass.count; ++k) {
                last.sources[k] = pass.sources[k];
                last.gains[k] = pass.gains[k];
                last.boundedGains =
                    last.boundedGains && std::abs(pass.gains[k]) <= detail::kBoundedGain;
            }
        }
    }
    planMultiPass_ = planPasses_[0] > 1 || planPasses_[1] > 1;
    planKernel_ = detail::interleavedMixFor(planLast_[0], planLast_[1], planPasses_[0] > 1,
                                            planPasses_[1] > 1);
    planVersion_ = targetsVersion_;
    planBuilt_ = true;
}

void Mixer::runPasses(const FusedPass* passes, int count, std::int64_t position, int n,
                      float* dst) noexcept {
    if (count == 0) Samples(dst, n).setZero();  // no stem reaches this bus
    const auto at = static_cast<std::size_t>(position);
    for (int p = 0; p < count; ++p) {
        const FusedPass& pass = passes[p];
        if (pass.int16) {
            const std::int16_t* sources[kPassSources];
            for (int k = 0; k < pass.count; ++k)
                sources[k] = static_cast<const std::int16_t*>(pass.sources[k]) + at;
            detail::mixScaled(sources, pass.gains, pass.count, n, dst, p == 0);
        } else {
            const float* sources[kPassSources];
            for (int k = 0; k < pass.count; ++k)
                sources[k] = static_cast<const float*>(pass.sources[k]) + at;
            detail::mixScaled(sources, pass.gains, pass.count, n, dst, p == 0);
        }
    }
}

inline void Mixer::meterPlanned(std::int64_t position, int n) noexcept {
    // meterStem for the plan's whole stems (none decoding) with their settled gains.
    if (!meters_) return;
    constexpr auto kBucket = static_cast<std::size_t>(kPeakBucketFrames);
    const auto from = static_cast<std::size_t>(position);
    const std::size_t first = from / kBucket;
    const std::size_t last = (from + static_cast<std::size_t>(n) - 1) / kBucket;
    const LevelMeters::StemNotes notes = meters_->stemNotes();
    const PlanMeter* meter = planMeters_.data();
    const PlanMeter* const end = meter + planMeters_.size();
    // buildPlan keeps the plan's frames within every table (no table: no meter).
    for (std::size_t i = 0; meter != end; ++meter, ++i)
        if (meter->buckets != 0)
            notes.note(i, largestPeak(meter->peaks, first, last) * meter->gain);
}

bool Mixer::mixPlanned(std::int64_t position, int n, float* left, float* right) noexcept {
    if (position < 0 || n <= 0 || !planHolds() || position + n > planFrames_) return false;
    runPasses(plan_.data(), planPasses_[0], position, n, left);
    runPasses(plan_.data() + stems_.size(), planPasses_[1], position, n, right);
    meterPlanned(position, n);
    return true;
}

bool Mixer::mixInterleaved(std::int64_t position, int n, float* left, float* right, float* out,
                           detail::BusScan& scan) noexcept {
    // The common block first: nothing changed since the plan settled (every control change
    // bumps the controls' version, and ramps and new plans start only from one).
    const bool held = fusedHeld_ && controls_->version() == fusedVersion_;
    if (!held && !settleFused()) return false;
    if (n <= 0 || n > kMaxChunk || position < 0 || position + n > planFrames_) return false;
    // Each channel's passes but the last into its bus, as runPasses sums them; the last one
    // reads that sum, its sources and the master gain into `out` in one pass. Up to
    // kPassSources stems a channel there is one pass, and the plan's last passes read no sum.
    if (planMultiPass_) {
        float* const bus[2] = {left, right};
        for (std::size_t c = 0; c < 2; ++c) {
            const int count = planPasses_[c];
            if (count > 1)
                runPasses(plan_.data() + c * stems_.size(), count - 1, position, n, bus[c]);
            planLast_[c].prior = count > 1 ? bus[c] : nullptr;
        }
    }
    scan = planKernel_(planLast_[0], planLast_[1], static_cast<std::size_t>(position),
                       master_.current(), n, out);
    meterPlanned(position, n);
    return true;
}

bool Mixer::settleFused() noexcept {
    fusedHeld_ = false;
    if (!song_ || !controls_ || stems_.empty()) return false;
    updateTargets();
    if (master_.ramping() || !planHolds() || !planKernel_) return false;
    fusedHeld_ = true;
    fusedVersion_ = targetsVersion_;
    return true;
}

void Mixer::mixStems(std::int64_t position, int n, float* left, float* right, const int* pairOf,
                     int pair) noexcept {
    n = std::clamp(n, 0, kMaxChunk);
    if (!song_ || !controls_) {
        silence(left, right, n);
        return;
    }
    updateTargets();
    if (mixSettled(position, n, left, right, pairOf, pair)) return;
    silence(left, right, n);
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
    if (!mixPlanned(position, n, left, right) && !mixSettled(position, n, left, right, nullptr, 0))
        for (std::size_t i = 0; i < stems_.size(); ++i)
            addStem(i, position, n, left, right, i == 0);

    detail::applyRampedGain(master_, gain_.data(), n, left, right);
}

}  // namespace stemdeck::audio
