#include "stemdeck/audio/Transport.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "RampedGain.h"
#include "SampleGuard.h"
#include "SampleRateCheck.h"
#include "stemdeck/audio/Limits.h"
#include "stemdeck/audio/MixControls.h"
#include "stemdeck/audio/Song.h"
#include "stemdeck/audio/rehearsal/QuantizedJump.h"

namespace stemdeck::audio {

Transport::Transport() = default;

void Transport::prepare(const Song* song, const MixControls* controls, int sampleRate,
                        const TransportSetup& setup) {
    detail::requireSupportedRate(sampleRate);  // before anything changes
    const bool sameSong = song != nullptr && song == song_ && sampleRate == sampleRate_;
    song_ = song;
    controls_ = controls;
    sampleRate_ = sampleRate;
    length_ = song ? song->frames : 0;
    const std::size_t stems = song ? song->stems.size() : 0;
    meters_.prepare(stems);
    mixer_.prepare(song, controls, sampleRate, &meters_);
    const int pairs = std::clamp(setup.outputPairs, 1, OutputRouting::kMaxChannels / 2);
    limiters_.assign(static_cast<std::size_t>(pairs), SafetyLimiter{});
    for (auto& limiter : limiters_) limiter.prepare(sampleRate);
    fader_.setLength(std::max(1, static_cast<int>(std::lround(kFadeMs * sampleRate / 1000.0))));
    fader_.reset(0.0f);
    for (auto* buffer : {&left_, &right_, &fade_, &clickLeft_, &clickRight_, &gain_})
        buffer->assign(Mixer::kMaxChunk, 0.0f);

    // Stretchers are kept across songs: building one costs 0.1-0.2 s and depends on the rate.
    restartAfterJump_ =
        setup.spreadRestarts ? TimeStretcher::Restart::Spread : TimeStretcher::Restart::AtOnce;
    chains_.resize(static_cast<std::size_t>(pairs));
    for (auto& chain : chains_) {
        if (!chain) chain = std::make_unique<BusChain>();
        chain->prepare(sampleRate, Mixer::kMaxChunk, setup.timeStretch);
        chain->master().setLength(mixer_.rampSamples());
        chain->stretcher().setTempo(setup.timeStretch ? tempo() : 1.0);
        chain->stretcher().setPitchCents(setup.timeStretch ? pitchCents() : 0.0);
    }
    if (!setup.timeStretch) {
        tempo_.store(1.0, std::memory_order_relaxed);
        pitchCents_.store(0.0, std::memory_order_relaxed);
    }

    // A new song starts with no loop and everything on 1-2; the same song keeps both.
    std::vector<int> routes;
    if (sameSong)
        for (std::size_t i = 0; i < routing_.sourceCount(); ++i)
            routes.push_back(routing_.requestedPair(i));
    else
        loop_.prepare(sampleRate, length_);
    routing_.prepare(stems, Mixer::kMaxChunk, 2 * pairs);
    routing_.setDeviceChannels(2 * pairs);
    for (std::size_t i = 0; i < routes.size() && i < routing_.sourceCount(); ++i)
        routing_.route(i, routes[i]);
    click_.prepare(sampleRate);
    pairOf_.assign(stems, 0);
    pairUsed_.assign(static_cast<std::size_t>(pairs), 0);
    chainLive_.assign(static_cast<std::size_t>(pairs), 0);
    bounds_ = loop_.bounds();

    pendingJump_ = -1;
    countedIn_ = false;
    countInTotal_ = countInLeft_ = 0;
    countInFadeLeft_ = 0;
    lastRendered_ = 0;
    playRequested_.store(false, std::memory_order_relaxed);
    seekRequest_.store(-1, std::memory_order_relaxed);
    barJumpRequest_.store(-1, std::memory_order_relaxed);
    position_.store(0, std::memory_order_relaxed);
    countInBeats_.store(0, std::memory_order_relaxed);
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

void Transport::setTempo(double tempo) {
    if (!canStretch() || !(tempo == tempo)) return;
    tempo = std::clamp(tempo, TimeStretcher::kMinTempo, TimeStretcher::kMaxTempo);
    tempo_.store(tempo, std::memory_order_relaxed);
    for (auto& chain : chains_) chain->stretcher().setTempo(tempo);
}

void Transport::setPitchCents(double cents) {
    if (!canStretch() || !(cents == cents)) return;
    cents = std::clamp(cents, -TimeStretcher::kMaxPitchCents, TimeStretcher::kMaxPitchCents);
    pitchCents_.store(cents, std::memory_order_relaxed);
    for (auto& chain : chains_) chain->stretcher().setPitchCents(cents);
}

void Transport::setCountInBars(int bars) {
    countInBars_.store(std::clamp(bars, 0, limits::kMaxCountInBars), std::memory_order_relaxed);
}

void Transport::jumpTo(std::int64_t frame, Quantize quantize) {
    frame = std::clamp<std::int64_t>(frame, 0, length_);
    if (quantize == Quantize::Immediate)
        seek(frame);
    else
        barJumpRequest_.store(frame, std::memory_order_release);
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

using detail::peakOf;
}  // namespace

bool Transport::stretching() const noexcept {
    return chains_.front()->stretcher().active();
}

double Transport::playbackRate() const noexcept {
    return stretching() ? chains_.front()->stretcher().tempo() : 1.0;
}

double Transport::countInRate() const noexcept {
    return canStretch() ? tempo_.load(std::memory_order_relaxed) : 1.0;
}

std::int64_t Transport::heardPosition() const noexcept {
    const BusChain& chain = *chains_.front();
    std::int64_t heard = chain.heardPosition();
    // Just after a wrap the stretcher still plays the end of the loop.
    if (bounds_.enabled && chain.position() >= bounds_.start && chain.position() < bounds_.end &&
        heard < bounds_.start)
        heard += bounds_.length();
    return std::clamp<std::int64_t>(heard, 0, length_);
}

bool Transport::songEnded() const noexcept {
    const std::int64_t read = chains_.front()->position();
    if (bounds_.enabled && read < bounds_.end) return false;
    return stretching() ? chains_.front()->heardPosition() >= length_ : read >= length_;
}

int Transport::framesToEnd() const noexcept {
    const BusChain& chain = *chains_.front();
    if (bounds_.enabled && chain.position() < bounds_.end) return Mixer::kMaxChunk;
    if (!stretching())
        return static_cast<int>(
            std::clamp<std::int64_t>(length_ - chain.position(), 0, Mixer::kMaxChunk));
    const double left = static_cast<double>(length_ - chain.heardPosition()) / playbackRate();
    return static_cast<int>(std::clamp(std::ceil(left), 1.0, double{Mixer::kMaxChunk}));
}

void Transport::beginBlock(int channels) noexcept {
    loop_.read(bounds_);  // on a torn read, keep last block's bounds
    for (auto& chain : chains_) chain->loop().setBounds(bounds_);
    const int pairs = std::min(routing_.pairCount(channels), static_cast<int>(chains_.size()));
    std::fill(pairUsed_.begin(), pairUsed_.end(), char{0});
    bool split = false;
    for (std::size_t i = 0; i < pairOf_.size(); ++i) {
        const int pair = std::min(routing_.pairFor(i, channels), pairs - 1);
        pairOf_[i] = pair;
        split = split || pair != 0;
        pairUsed_[static_cast<std::size_t>(pair)] = 1;
    }
    clickPair_ = std::min(routing_.pairFor(routing_.clickSource(), channels), pairs - 1);
    split = split || clickPair_ != 0;
    // A chain that was idle joins where chain 0 is heard (its own stretcher restarts there).
    const BusChain& lead = *chains_.front();
    for (std::size_t p = 1; p < chains_.size(); ++p)
        if (pairUsed_[p] && !chainLive_[p]) chains_[p]->jump(lead.heardPosition());
    for (std::size_t p = 0; p < chains_.size(); ++p) chainLive_[p] = pairUsed_[p];
    split_ = split;

    const std::int64_t barJump = barJumpRequest_.exchange(-1, std::memory_order_acq_rel);
    if (barJump >= 0) {
        const std::int64_t at = QuantizedJump::nextBarFrame(lead.position(), click_.audioGrid());
        for (auto& chain : chains_) chain->loop().scheduleJump(at, barJump);
    }
}

void Transport::jumpChains(std::int64_t frame) noexcept {
    for (auto& chain : chains_) chain->jump(frame, restartAfterJump_);
}

void Transport::engageStretchers() noexcept {
    for (auto& chain : chains_) chain->stretcher().engageWhileSilent(restartAfterJump_);
}

void Transport::primeChains(int n) noexcept {
    for (std::size_t p = 0; p < chains_.size(); ++p) {
        if (p != 0 && !(split_ && pairUsed_[p])) continue;
        chains_[p]->prime(n, [this, p](std::int64_t pos, int m, float* l, float* r) {
            renderSource(p, pos, m, l, r);
        });
    }
}

void Transport::renderSource(std::size_t pair, std::int64_t pos, int m, float* l,
                             float* r) noexcept {
    if (!split_) {
        mixer_.mix(pos, m, l, r);
        return;
    }
    mixer_.mixStems(pos, m, l, r, pairOf_.data(), static_cast<int>(pair));
    applyChainMaster(*chains_[pair], m, l, r);
}

void Transport::startFromSilence() noexcept {
    // Take the current mix as it is, without ramps.
    mixer_.snapToTargets();
    const float master = controls_ ? controls_->masterGainLinear() : 0.0f;
    for (auto& chain : chains_) chain->master().reset(master);
    for (auto& limiter : limiters_) limiter.reset();
}

void Transport::applyChainMaster(BusChain& chain, int n, float* left, float* right) noexcept {
    LinearRamp& master = chain.master();
    master.setTarget(controls_ ? controls_->masterGainLinear() : 0.0f);
    detail::applyRampedGain(master, gain_.data(), n, left, right);
}

void Transport::addClick(std::int64_t songFrame, int n, float* left, float* right) noexcept {
    if (!click_.enabled()) return;
    click_.render(static_cast<double>(songFrame), n, clickLeft_.data(), clickRight_.data(),
                  playbackRate());
    Samples(left, n) += ConstSamples(clickLeft_.data(), n);
    Samples(right, n) += ConstSamples(clickRight_.data(), n);
}

int Transport::renderCountIn(float* out, int offset, int n, int channels) noexcept {
    meters_.setStemAudibility(0.0f);  // the stems primed meanwhile are not heard yet
    const std::int64_t elapsed = countInTotal_ - countInLeft_;
    click_.renderCountIn(elapsed, n, countInBars_.load(std::memory_order_relaxed),
                         clickLeft_.data(), clickRight_.data(), countInRate());
    if (countInFadeLeft_ > 0) {  // paused: the click sounding now fades out
        const auto length = static_cast<float>(fader_.length());
        for (int i = 0; i < n; ++i) {
            const float g = static_cast<float>(countInFadeLeft_ - i) / length;
            clickLeft_[static_cast<std::size_t>(i)] *= g;
            clickRight_[static_cast<std::size_t>(i)] *= g;
        }
        countInFadeLeft_ -= n;
    }
    meters_.noteMaster(peakOf(clickLeft_.data(), n), peakOf(clickRight_.data(), n));
    routing_.clear(n);
    routing_.add(routing_.clickSource(), clickLeft_.data(), clickRight_.data(), n, channels);
    routing_.scatter(out + static_cast<std::ptrdiff_t>(offset) * channels, n, channels);
    countInLeft_ -= n;
    primeChains(n);  // a stretcher restarting meanwhile is ready when the song starts
    return n;
}

int Transport::renderChunk(float* out, int offset, int n, int channels) noexcept {
    const std::int64_t heard = heardPosition();  // the song frame heard at this chunk's start
    // While a spread restart gives silence the heard position stands still: the beat there is
    // clicked once the music is heard again, not in every silent block.
    const bool clickNow = !chains_.front()->stretcher().priming();
    const bool fading = fader_.ramping() || fader_.current() != 1.0f;
    if (fading) fader_.fill(fade_.data(), n);
    // The stem meters show what is heard: through the fade, and nothing while a restarting
    // stretcher still gives silence.
    meters_.setStemAudibility(!clickNow || n <= 0 ? 0.0f
                              : fading ? std::max(fade_[0], fade_[static_cast<std::size_t>(n - 1)])
                                       : 1.0f);
    float* dst = out + static_cast<std::ptrdiff_t>(offset) * channels;

    if (split_) {
        routing_.clear(n);
        for (std::size_t p = 0; p < chains_.size(); ++p) {
            if (p != 0 && !pairUsed_[p]) continue;
            BusChain& chain = *chains_[p];
            const StereoBus bus = routing_.bus(static_cast<int>(p));
            chain.render(bus.left, bus.right, n,
                         [this, p](std::int64_t pos, int m, float* l, float* r) {
                             renderSource(p, pos, m, l, r);
                         });
        }
        if (click_.enabled() && clickNow) {
            const StereoBus bus = routing_.bus(clickPair_);
            addClick(heard, n, bus.left, bus.right);
        }
        float masterL = 0.0f, masterR = 0.0f;
        for (std::size_t p = 0; p < chains_.size(); ++p) {
            const StereoBus bus = routing_.bus(static_cast<int>(p));
            const float peak = detail::stereoPeak(peakOf(bus.left, n), peakOf(bus.right, n),
                                                  bus.left, bus.right, n);
            limiters_[p].process(bus.left, bus.right, n, peak);
            if (fading) {
                Samples(bus.left, n) *= ConstSamples(fade_.data(), n);
                Samples(bus.right, n) *= ConstSamples(fade_.data(), n);
            }
            masterL = std::max(masterL, peakOf(bus.left, n));
            masterR = std::max(masterR, peakOf(bus.right, n));
        }
        meters_.noteMaster(masterL, masterR);
        routing_.scatter(dst, n, channels);
        return n;
    }

    float* left = left_.data();
    float* right = right_.data();
    chains_.front()->render(left, right, n, [this](std::int64_t pos, int m, float* l, float* r) {
        renderSource(0, pos, m, l, r);
    });
    // The split path's master ramps follow the target while unused, so a split starts level.
    for (auto& chain : chains_)
        chain->master().reset(controls_ ? controls_->masterGainLinear() : 0.0f);
    if (clickNow) addClick(heard, n, left, right);
    float peakL = peakOf(left, n);
    float peakR = peakOf(right, n);
    // NaN when the block holds a NaN, so that the limiter sees it and silences it.
    const float peak = detail::stereoPeak(peakL, peakR, left, right, n);
    bool changed = limiters_.front().process(left, right, n, peak);
    if (fading) {
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
    meters_.setStemAudibility(0.0f);  // until a chunk of the song is heard (renderChunk)
    if (song_) {
        beginBlock(channels);
        // A seek is taken off the request only once position_ holds it: position() reads the
        // request first, so no reader sees the place before the seek meanwhile (it did for the
        // length of a callback). A newer request, if one came, stays for the next callback.
        std::int64_t request = seekRequest_.load(std::memory_order_acquire);
        if (request >= 0) {
            pendingJump_ = request;
            position_.store(request, std::memory_order_release);
            seekRequest_.compare_exchange_strong(request, -1, std::memory_order_acq_rel);
        }
        // Each pass renders at least one frame or ends the loop; a jump pass or the start of
        // a count-in is followed by a render pass, so the loop is bounded by 3 * frames passes.
        while (offset < frames) {
            const bool want = playRequested_.load(std::memory_order_acquire);
            if (countInLeft_ > 0) {
                if (!want) {
                    // Paused during the count-in: the song never started. The click fades
                    // out over the de-click fade's length, then the count-in is over.
                    if (countInFadeLeft_ == 0) countInFadeLeft_ = fader_.length();
                    const int n = static_cast<int>(std::min<std::int64_t>(
                        {frames - offset, countInFadeLeft_, countInLeft_, Mixer::kMaxChunk}));
                    offset += renderCountIn(out, offset, n, channels);
                    if (countInFadeLeft_ <= 0 || countInLeft_ <= 0)
                        countInLeft_ = countInFadeLeft_ = 0;
                    continue;
                }
                countInFadeLeft_ = 0;  // resumed within the fade: full level again
                const int n = static_cast<int>(
                    std::min<std::int64_t>({frames - offset, countInLeft_, Mixer::kMaxChunk}));
                offset += renderCountIn(out, offset, n, channels);
                continue;
            }
            if (!fader_.ramping() && fader_.current() == 0.0f) {
                if (pendingJump_ >= 0) {  // silent: the jump cannot be heard, take it now
                    jumpChains(pendingJump_);
                    pendingJump_ = -1;
                    continue;
                }
                if (!want) {
                    countedIn_ = false;  // the next start counts in again
                    silent = true;
                    break;
                }
                if (!countedIn_) {
                    countedIn_ = true;
                    // Starting to play: the mix as it is now, stretchers engaged (and primed
                    // during the count-in, if any).
                    startFromSilence();
                    engageStretchers();
                    const int bars = countInBars_.load(std::memory_order_relaxed);
                    countInTotal_ = countInLeft_ = click_.countInFramesNow(bars, countInRate());
                    if (countInLeft_ > 0) continue;
                }
                startFromSilence();
                // The very start of the song plays exactly as authored; anywhere else fades in.
                if (chains_.front()->position() == 0) fader_.reset(1.0f);
            }
            fader_.setTarget(pendingJump_ >= 0 || !want ? 0.0f : 1.0f);
            if (songEnded()) {
                finishAtEnd();
                silent = true;
                break;
            }
            int n = std::min({frames - offset, Mixer::kMaxChunk, framesToEnd()});
            // Stop at the bottom of a fade so a pending jump lands on its exact frame.
            if (fader_.ramping()) n = std::min(n, fader_.remaining());
            offset += renderChunk(out, offset, n, channels);
        }
    } else {
        silent = true;
    }
    lastRendered_ = offset;
    std::fill(out + static_cast<std::ptrdiff_t>(offset) * channels,
              out + static_cast<std::ptrdiff_t>(frames) * channels, 0.0f);
    const std::int64_t heard = song_ ? heardPosition() : 0;
    position_.store(pendingJump_ >= 0 ? pendingJump_ : heard, std::memory_order_release);
    int beatsLeft = 0;
    if (countInLeft_ > 0) {
        const BeatGrid& grid = click_.audioGrid();
        const double elapsed = static_cast<double>(countInTotal_ - countInLeft_) * countInRate();
        const auto beat = static_cast<int>(elapsed / grid.framesPerBeat());
        beatsLeft = std::max(
            1, countInBars_.load(std::memory_order_relaxed) * grid.signature().beatsPerBar - beat);
    }
    countInBeats_.store(beatsLeft, std::memory_order_release);
    silent_.store(silent && countInLeft_ == 0, std::memory_order_release);
}

}  // namespace stemdeck::audio
