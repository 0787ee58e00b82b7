#include "stemdeck/audio/transport/RenderPipeline.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>

#include "../core/RampedGain.h"
#include "../core/SampleGuard.h"
#include "../mix/MixKernels.h"
#include "stemdeck/audio/click/ClickGenerator.h"
#include "stemdeck/audio/click/GuideCues.h"
#include "stemdeck/audio/core/ThreadContract.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/mix/LevelMeters.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/mix/OutputRouting.h"
#include "stemdeck/audio/timeline/QuantizedJump.h"
#include "stemdeck/audio/transport/BufferGate.h"

namespace stemdeck::audio {

namespace {
using Samples = Eigen::Map<Eigen::ArrayXf>;
using ConstSamples = Eigen::Map<const Eigen::ArrayXf>;

using detail::peakOf;
}  // namespace

void RenderPipeline::prepare(const Song* song, const MixControls* controls, int sampleRate,
                             const TransportSetup& setup, const Parts& parts, double tempo,
                             double pitchCents) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    controls_ = controls;
    parts_ = parts;
    length_ = song ? song->frames : 0;
    const std::size_t stems = song ? song->stems.size() : 0;
    mixer_.prepare(song, controls, sampleRate, parts.meters);
    const int pairs = parts.routing->maxPairs();
    limiters_.assign(static_cast<std::size_t>(pairs), SafetyLimiter{});
    for (auto& limiter : limiters_) limiter.prepare(sampleRate);
    for (auto* buffer : {&clickLeft_, &clickRight_, &gain_}) buffer->assign(Mixer::kMaxChunk, 0.0f);

    // Stretchers are kept across songs: building one costs 0.1-0.2 s and depends on the rate.
    restartAfterJump_ =
        setup.spreadRestarts ? TimeStretcher::Restart::Spread : TimeStretcher::Restart::AtOnce;
    chains_.resize(static_cast<std::size_t>(pairs));
    for (auto& chain : chains_) {
        if (!chain) chain = std::make_unique<BusChain>();
        chain->prepare(sampleRate, Mixer::kMaxChunk, setup.timeStretch);
        chain->master().setLength(mixer_.rampSamples());
        chain->stretcher().setTempo(tempo);
        chain->stretcher().setPitchCents(pitchCents);
    }
    appliedTempo_ = tempo;
    appliedCents_ = pitchCents;
    steadyPath_ = setup.steadyPath;
    steadyChunks_ = 0;
    fusedChunks_ = 0;
    pairOf_.assign(stems, 0);
    pairUsed_.assign(static_cast<std::size_t>(pairs), 0);
    chainLive_.assign(static_cast<std::size_t>(pairs), 0);
    routesRead_ = false;
    bounds_ = parts.loop->bounds();
}

void RenderPipeline::beginBlock(int channels, double tempo, double pitchCents,
                                std::int64_t barJump) noexcept {
    if (tempo != appliedTempo_ || pitchCents != appliedCents_) {
        for (auto& chain : chains_) {
            chain->stretcher().setTempo(tempo);
            chain->stretcher().setPitchCents(pitchCents);
        }
        appliedTempo_ = tempo;
        appliedCents_ = pitchCents;
    }
    parts_.loop->read(bounds_);  // on a torn read, keep last block's bounds
    for (auto& chain : chains_) chain->loop().setBounds(bounds_);

    updateRoutes(channels);
    if (barJump >= 0) {
        const std::int64_t at =
            QuantizedJump::nextBarFrame(chains_.front()->position(), parts_.click->audioGrid());
        for (auto& chain : chains_) chain->loop().scheduleJump(at, barJump);
    }
}

void RenderPipeline::updateRoutes(int channels) noexcept {
    const OutputRouting& routing = *parts_.routing;
    // Unchanged routes on the same device give the same pairs, and no chain joins: the last
    // block's are kept. The version is read before the routes (a route set meanwhile is taken
    // in the next block).
    const std::uint32_t version = routing.version();
    if (routesRead_ && version == routesVersion_ && channels == routesChannels_) return;
    routesRead_ = true;
    routesVersion_ = version;
    routesChannels_ = channels;
    const int pairs = std::min(routing.pairCount(channels), static_cast<int>(chains_.size()));
    std::fill(pairUsed_.begin(), pairUsed_.end(), char{0});
    bool split = false;
    for (std::size_t i = 0; i < pairOf_.size(); ++i) {
        const int pair = std::min(routing.pairFor(i, channels), pairs - 1);
        pairOf_[i] = pair;
        split = split || pair != 0;
        pairUsed_[static_cast<std::size_t>(pair)] = 1;
    }
    clickPair_ = std::min(routing.pairFor(routing.clickSource(), channels), pairs - 1);
    split = split || clickPair_ != 0;
    // A chain that was idle joins where chain 0 is heard (its own stretcher restarts there);
    // BusChain clamps both at frame 0 (after a jump taken in silence chain 0's latency is the
    // one from before the jump until it renders again).
    const BusChain& lead = *chains_.front();
    for (std::size_t p = 1; p < chains_.size(); ++p)
        if (pairUsed_[p] && !chainLive_[p]) chains_[p]->jump(lead.heardPosition());
    for (std::size_t p = 0; p < chains_.size(); ++p) chainLive_[p] = pairUsed_[p];
    split_ = split;
}

void RenderPipeline::jump(std::int64_t frame) noexcept {
    primedAtStart_ = false;
    for (auto& chain : chains_) chain->jump(frame, restartAfterJump_);
}

void RenderPipeline::resumeFromSilence() noexcept {
    // Take the current mix as it is, without ramps.
    mixer_.snapToTargets();
    const float master = controls_ ? controls_->masterGainLinear() : 0.0f;
    for (auto& chain : chains_) chain->master().reset(master);
    for (auto& limiter : limiters_) limiter.reset();
}

std::int64_t RenderPipeline::startFromSilence(int countInBars, double countInRate) noexcept {
    resumeFromSilence();
    for (auto& chain : chains_) chain->stretcher().engageWhileSilent(restartAfterJump_);
    return parts_.click->countInFramesNow(countInBars, countInRate);
}

void RenderPipeline::prerollFromSilence(int n) noexcept {
    // Primed (engaged and past the restart): nothing more to do until the song plays, however
    // long it waits cued (the mix is snapped again when it starts).
    bool primed = true;
    for (std::size_t p = 0; p < chains_.size(); ++p) {
        const TimeStretcher& stretcher = chains_[p]->stretcher();
        if (carriesSong(p) && (!stretcher.active() || stretcher.priming())) primed = false;
    }
    if (primed) return;
    if (readPosition() == 0) primedAtStart_ = true;
    resumeFromSilence();
    for (auto& chain : chains_) chain->stretcher().engageWhileSilent(restartAfterJump_);
    primeChains(n);
}

void RenderPipeline::renderSource(std::size_t pair, std::int64_t pos, int m, float* l,
                                  float* r) noexcept {
    if (!split_) {
        mixer_.mix(pos, m, l, r);
        return;
    }
    mixer_.mixStems(pos, m, l, r, pairOf_.data(), static_cast<int>(pair));
    applyChainMaster(*chains_[pair], m, l, r);
}

void RenderPipeline::applyChainMaster(BusChain& chain, int n, float* left, float* right) noexcept {
    LinearRamp& master = chain.master();
    master.setTarget(controls_ ? controls_->masterGainLinear() : 0.0f);
    detail::applyRampedGain(master, gain_.data(), n, left, right);
}

void RenderPipeline::followMaster() noexcept {
    // Unsplit, the Mixer applies the master: the chains' ramps follow its target while
    // unused, so a split starts level.
    for (auto& chain : chains_)
        chain->master().reset(controls_ ? controls_->masterGainLinear() : 0.0f);
}

void RenderPipeline::primeChains(int n) noexcept {
    for (std::size_t p = 0; p < chains_.size(); ++p) {
        if (!carriesSong(p)) continue;
        chains_[p]->prime(n, [this, p](std::int64_t pos, int m, float* l, float* r) {
            renderSource(p, pos, m, l, r);
        });
    }
}

void RenderPipeline::addClick(std::int64_t songFrame, int n, float* left, float* right) noexcept {
    ClickGenerator& click = *parts_.click;
    if (!click.enabled()) return;
    click.render(static_cast<double>(songFrame), n, clickLeft_.data(), clickRight_.data(),
                 playbackRate());
    Samples(left, n) += ConstSamples(clickLeft_.data(), n);
    Samples(right, n) += ConstSamples(clickRight_.data(), n);
}

void RenderPipeline::finishBuses(int pairs, int n, const float* fade) noexcept {
    OutputRouting& routing = *parts_.routing;
    float masterL = 0.0f, masterR = 0.0f;
    for (int p = 0; p < pairs; ++p) {
        const StereoBus bus = routing.bus(p);
        float peakL = peakOf(bus.left, n);
        float peakR = peakOf(bus.right, n);
        // NaN when the block holds a NaN, so that the limiter sees it and silences it.
        const float peak = detail::stereoPeak(peakL, peakR, bus.left, bus.right, n);
        bool changed = limiters_[static_cast<std::size_t>(p)].process(bus.left, bus.right, n, peak);
        if (fade) {
            const ConstSamples gains(fade, n);
            Samples(bus.left, n) *= gains;
            Samples(bus.right, n) *= gains;
            changed = true;
        }
        if (changed) {
            peakL = peakOf(bus.left, n);
            peakR = peakOf(bus.right, n);
        }
        masterL = std::max(masterL, peakL);
        masterR = std::max(masterR, peakR);
    }
    parts_.meters->noteMaster(masterL, masterR);
}

void RenderPipeline::finishStereo(float* out, int n, const float* fade) noexcept {
    const StereoBus bus = parts_.routing->bus(0);
    // Interleaved first, the peaks found on the way: the limiter and the fade rarely change
    // the bus, and when they do it is interleaved again.
    detail::BusScan scan = detail::interleaveScanning(bus.left, bus.right, n, out);
    const float larger = scan.peakLeft > scan.peakRight ? scan.peakLeft : scan.peakRight;
    // As detail::stereoPeak: NaN when the block holds a NaN, so that the limiter silences it.
    const float peak = larger > detail::kMaxBusMagnitude || !scan.nan
                           ? larger
                           : std::numeric_limits<float>::quiet_NaN();
    bool changed = limiters_.front().process(bus.left, bus.right, n, peak);
    if (fade) {
        const ConstSamples gains(fade, n);
        Samples(bus.left, n) *= gains;
        Samples(bus.right, n) *= gains;
        changed = true;
    }
    if (changed) scan = detail::interleaveScanning(bus.left, bus.right, n, out);
    parts_.meters->noteMaster(scan.peakLeft, scan.peakRight);
}

inline bool RenderPipeline::steady(int n, int channels, const float* fade) const noexcept {
    return steadyPath_ && !fade && !split_ && channels == 2 && n > 0 &&
           n <= parts_.routing->maxFrames() && !parts_.click->enabled() &&
           chains_.front()->passesThrough(n);
}

bool RenderPipeline::steadyBlock(int n, int channels) const noexcept {
    return routesRead_ && channels == routesChannels_ &&
           parts_.routing->version() == routesVersion_ && steady(n, channels, nullptr) &&
           !chains_.front()->loop().jumpPending() && n <= framesToEnd();
}

void RenderPipeline::renderSteady(float* out, int n) noexcept {
    // renderSong's steps in its order, for what steady() allows: no fade, the chain's
    // stretcher bypassed (not priming: the click would be due, but it is off), one chain.
    ++steadyChunks_;
    primedAtStart_ = false;
    parts_.meters->setStemAudibility(1.0f);
    BusChain& chain = *chains_.front();
    const StereoBus bus = parts_.routing->bus(0);
    // The cues move on first (they read nothing the mix changes): a block where none sounds
    // needs no pass over the bus for them.
    GuideCues::Block cues;
    if (parts_.cues && !parts_.cues->quiet())
        cues = parts_.cues->begin(static_cast<double>(heardPosition()), n, playbackRate());
    detail::BusScan scan;
    if (cues.sounds ||
        !mixer_.mixInterleaved(chain.position(), n, bus.left, bus.right, out, scan)) {
        mixSteadyBus(out, n, cues);
        return;
    }
    // The mix went straight to the device, scanned: the common block ends here unless the
    // limiter has work (finishStereo's test).
    ++fusedChunks_;
    chain.advance(n);
    followMaster();
    const float larger = scan.peakLeft > scan.peakRight ? scan.peakLeft : scan.peakRight;
    if (!scan.nan && larger <= SafetyLimiter::kCeiling && !limiters_.front().engaged()) {
        parts_.meters->noteMaster(scan.peakLeft, scan.peakRight);
        return;
    }
    finishFused(out, n);
}

void RenderPipeline::finishFused(float* out, int n) noexcept {
    // The bus the general path would hold, finished as it finishes it.
    const StereoBus bus = parts_.routing->bus(0);
    for (int i = 0; i < n; ++i) {
        bus.left[i] = out[2 * i];
        bus.right[i] = out[2 * i + 1];
    }
    finishStereo(out, n, nullptr);
}

void RenderPipeline::mixSteadyBus(float* out, int n, const GuideCues::Block& cues) noexcept {
    BusChain& chain = *chains_.front();
    const StereoBus bus = parts_.routing->bus(0);
    mixer_.mix(chain.position(), n, bus.left, bus.right);
    chain.advance(n);
    followMaster();
    if (cues.sounds) parts_.cues->add(cues, n, bus.left, bus.right);
    finishStereo(out, n, nullptr);
}

void RenderPipeline::renderSong(float* out, int n, int channels, const float* fade) noexcept {
    if (steady(n, channels, fade)) {
        renderSteady(out, n);
        return;
    }
    primedAtStart_ = false;
    OutputRouting& routing = *parts_.routing;
    const std::int64_t heard = heardPosition();  // the song frame heard at this chunk's start
    // While a spread restart gives silence the heard position stands still: the beat there is
    // clicked once the music is heard again, not in every silent block.
    const bool clickNow = !chains_.front()->stretcher().priming();
    // The stem meters show what is heard: through the fade, and nothing while a restarting
    // stretcher still gives silence.
    parts_.meters->setStemAudibility(!clickNow || n <= 0 ? 0.0f
                                     : fade              ? std::max(fade[0], fade[n - 1])
                                                         : 1.0f);

    // stems -> mix -> loop -> stretch: each pair's chain into its bus (silence when unused).
    for (std::size_t p = 0; p < chains_.size(); ++p) {
        const StereoBus bus = routing.bus(static_cast<int>(p));
        if (!carriesSong(p)) {
            std::fill(bus.left, bus.left + n, 0.0f);
            std::fill(bus.right, bus.right + n, 0.0f);
            continue;
        }
        chains_[p]->render(bus.left, bus.right, n,
                           [this, p](std::int64_t pos, int m, float* l, float* r) {
                               renderSource(p, pos, m, l, r);
                           });
    }
    if (!split_) followMaster();
    // + click, on its pair.
    if (clickNow) {
        const StereoBus bus = routing.bus(clickPair_);
        addClick(heard, n, bus.left, bus.right);
        if (parts_.cues)
            parts_.cues->render(static_cast<double>(heard), n, bus.left, bus.right, playbackRate());
    }
    if (!split_ && channels == 2 && n > 0 && n <= routing.maxFrames()) {
        // The common case: -> limiter -> fade -> meters -> the device, fused.
        finishStereo(out, n, fade);
        return;
    }
    // -> limiter -> fade -> meters: every pair when split, else the one that sounds.
    finishBuses(split_ ? static_cast<int>(chains_.size()) : 1, n, fade);
    // -> device channels.
    routing.scatter(out, n, channels);
}

void RenderPipeline::renderCountIn(float* out, int n, int channels, std::int64_t elapsed, int bars,
                                   double rate, int fadeLeft, int fadeLength, bool prime) noexcept {
    parts_.meters->setStemAudibility(0.0f);  // the stems primed meanwhile are not heard yet
    ClickGenerator& click = *parts_.click;
    OutputRouting& routing = *parts_.routing;
    click.renderCountIn(elapsed, n, bars, clickLeft_.data(), clickRight_.data(), rate);
    if (fadeLeft > 0) {  // paused: the click sounding now fades out
        const auto length = static_cast<float>(fadeLength);
        for (int i = 0; i < n; ++i) {
            const float g = static_cast<float>(fadeLeft - i) / length;
            clickLeft_[static_cast<std::size_t>(i)] *= g;
            clickRight_[static_cast<std::size_t>(i)] *= g;
        }
    }
    parts_.meters->noteMaster(peakOf(clickLeft_.data(), n), peakOf(clickRight_.data(), n));
    routing.clear(n);
    routing.add(routing.clickSource(), clickLeft_.data(), clickRight_.data(), n, channels);
    routing.scatter(out, n, channels);
    if (prime) primeChains(n);  // a stretcher restarting meanwhile is ready when the song starts
}

void RenderPipeline::holdBarJumpUntilDecoded(BufferGate& gate, int frames) noexcept {
    const LoopPlayer& loop = chains_.front()->loop();
    if (!loop.jumpPending()) return;
    const std::int64_t at = std::max(loop.jumpAt(), readPosition());
    const std::int64_t to = loop.jumpTarget();
    if (at > readPosition() + gate.reach(frames) || gate.readyAt(to)) return;
    const std::int64_t later = QuantizedJump::nextBarFrame(at + 1, parts_.click->audioGrid());
    for (auto& chain : chains_) chain->loop().scheduleJump(later, to);
}

}  // namespace stemdeck::audio
