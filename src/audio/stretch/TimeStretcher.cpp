#include "stemdeck/audio/stretch/TimeStretcher.h"

#include <rubberband/RubberBandStretcher.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "../core/EqualPowerFade.h"
#include "../core/SampleGuard.h"
#include "../core/SampleRateCheck.h"
#include "stemdeck/audio/core/ThreadContract.h"

namespace stemdeck::audio {

namespace {

using RubberBand::RubberBandStretcher;

// R2 ("faster") engine: about half the CPU of R3 ("finer"), which a callback can afford
// alongside the mix. High-consistency pitch shifting keeps a pitch moving while playing free of
// discontinuities. One thread: the audio thread does the work, nothing is spawned.
// Transients "mixed", not R2's default "crisp": crisp resets every bin's phase at each onset,
// and in real-time mode that detunes sustained notes (measured with 3.1.2: a 220 Hz tone
// with drum hits came out at 217.3 Hz, -22 cents, at tempo 0.8; 440 Hz at 437.5 Hz). Mixed
// leaves 150-1000 Hz, where the fundamentals are, alone and keeps them exact.
constexpr RubberBandStretcher::Options kOptions =
    RubberBandStretcher::OptionProcessRealTime | RubberBandStretcher::OptionEngineFaster |
    RubberBandStretcher::OptionPitchHighConsistency | RubberBandStretcher::OptionTransientsMixed |
    RubberBandStretcher::OptionThreadingNever;

// Input goes to Rubber Band in chunks of at most this: below the analysis window size, which
// is Rubber Band's own process-size floor, so no input size can make it grow a buffer.
constexpr int kProcessSize = 1024;
// A render that has fed this many chunks without output has met a stretcher that produces
// nothing: give silence rather than spin. Far above any real need (a few dozen at worst).
constexpr int kMaxFeedsPerRender = 4096;
// A spread restart runs max(1, n / this) of Rubber Band's hops per n-frame render, about what
// a steady render of n frames runs, feeding at most this many frames at a time.
constexpr int kPrimeHopFrames = 256;
// A bound on the pieces fed per render; a hop runs every few pieces, far below it.
constexpr int kMaxPrimeFeedsPerRender = 64;
// Rubber Band 3.1.2's resampler (BQResampler) keeps its buffer across reset(): the state it
// starts again with is copied, full, from its last one (state_for_ratio copies buffer and
// fill). So once it has run, every restart's output begins with this many frames (resampler
// side: kResamplerHistory / pitch scale output frames) of what was in that buffer, a pure
// delay in front of the source: measured to within a frame against a new stretcher at
// 8-96 kHz, any tempo and pitch, after audio or silence (see TimeStretcherTest). They stand
// for no source frame: dropped with the start delay and not counted as heard. (Dropped as 128
// frames of source instead, as they once were, every stretched render lost its first frames
// and ended 128 frames short.)
constexpr double kResamplerHistory = 64.0;

// Pitches warmUp() applies besides the extremes: on each pitch change, 3.1.2's resampler
// (BQResampler, RatioOftenChanging) rebuilds a table with one entry per unit of the numerator
// of the fraction it picks for the ratio (Farey search, terms up to 96000, tolerance 1e-9), so
// random pitches kept growing it with reserve() on the audio thread. The largest numerator
// any pitch within +-12 semitones gives is 96001, which these two give (found by emulating
// that search over the whole range); two because each channel's resampler alternates between
// two tables.
constexpr double kLargestTableCents[] = {-1199.99, -1149.02};

double pitchScale(double cents) {
    return std::exp2(cents / 1200.0);
}

}  // namespace

TimeStretcher::TimeStretcher() = default;
TimeStretcher::~TimeStretcher() = default;

void TimeStretcher::prepare(int sampleRate) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    detail::requireSupportedRate(sampleRate);  // Rubber Band would spin at a few Hz
    sampleRate_ = sampleRate;
    maxProcess_ = kProcessSize;
    stretcher_ =
        std::make_unique<RubberBandStretcher>(static_cast<std::size_t>(sampleRate), 2, kOptions);
    stretcher_->setMaxProcessSize(static_cast<std::size_t>(maxProcess_));
    const auto process = static_cast<std::size_t>(maxProcess_);
    inLeft_.assign(process, 0.0f);
    inRight_.assign(process, 0.0f);
    trashLeft_.assign(process, 0.0f);
    trashRight_.assign(process, 0.0f);
    const int fade =
        std::max(1, static_cast<int>(std::lround(kTransitionMs * sampleRate / 1000.0)));
    fadeIn_ = detail::equalPowerFadeIn(fade);
    rawLeft_.assign(static_cast<std::size_t>(fade), 0.0f);
    rawRight_.assign(static_cast<std::size_t>(fade), 0.0f);
    warmUp();
    state_ = State::Bypassed;
    padLeft_ = 0;
    fadeInDone_ = fade;
    active_.store(false, std::memory_order_relaxed);
    latency_.store(0.0, std::memory_order_relaxed);
}

// Rubber Band sizes some buffers on first use and by the ratios in force: warmUp() runs every
// extreme of tempo and pitch once, on the control thread, so the audio thread finds them grown.
void TimeStretcher::warmUp() {
    double phase = 0.0;
    const double step = 2.0 * std::numbers::pi * 440.0 / sampleRate_;
    auto tone = [&phase, step](float* left, float* right, int frames) {
        for (int i = 0; i < frames; ++i, phase += step)
            left[i] = right[i] = static_cast<float>(0.25 * std::sin(phase));
    };
    std::vector<float> left(static_cast<std::size_t>(maxProcess_));
    std::vector<float> right(static_cast<std::size_t>(maxProcess_));
    auto play = [&](int blocks) {
        for (int b = 0; b < blocks; ++b)
            produce(left.data(), right.data(), maxProcess_, tone, false);
    };
    for (double tempo : {kMinTempo, kMaxTempo}) {
        for (double cents : {-kMaxPitchCents, kMaxPitchCents, 0.0}) {
            restart(tempo, cents, false);
            play(4);
            // Moving the ratios mid-stream is what the audio thread does.
            applySettings(kMinTempo + kMaxTempo - tempo, -cents);
            play(1);
        }
    }
    for (double cents : kLargestTableCents) {
        applySettings(1.0, cents);
        play(1);
    }
}

void TimeStretcher::setTempo(double tempo) {
    if (!(tempo == tempo)) return;  // NaN
    tempo_.store(std::clamp(tempo, kMinTempo, kMaxTempo), std::memory_order_relaxed);
}

void TimeStretcher::setPitch(int semitones, double cents) {
    setPitchCents(100.0 * semitones + cents);
}

void TimeStretcher::setPitchCents(double cents) {
    if (!(cents == cents)) return;  // NaN
    pitchCents_.store(std::clamp(cents, -kMaxPitchCents, kMaxPitchCents),
                      std::memory_order_relaxed);
}

void TimeStretcher::reset(Restart how) noexcept {
    transition(Event::Reset, how);
}

void TimeStretcher::engageWhileSilent(Restart how) noexcept {
    if (!stretcher_ || state_ != State::Bypassed) return;
    const bool want = tempo_.load(std::memory_order_relaxed) != 1.0 ||
                      pitchCents_.load(std::memory_order_relaxed) != 0.0;
    if (!want) return;
    transition(Event::Engage, how);
    publish();
}

void TimeStretcher::prime(int n, Source source) noexcept {
    if (!stretcher_ || n <= 0 || !stretching() || crossfading()) return;
    const double tempo = tempo_.load(std::memory_order_relaxed);
    const double cents = pitchCents_.load(std::memory_order_relaxed);
    if (tempo == 1.0 && cents == 0.0) return;  // the next render switches out
    if (state_ == State::RestartAtOnce) return;
    if (state_ == State::RestartSpread) {
        restart(tempo, cents, true);
        transition(Event::Restarted);
    }
    applySettings(tempo, cents);
    if (state_ == State::Priming) primeStep(n, source);
    publish();
}

void TimeStretcher::applySettings(double tempo, double cents) noexcept {
    if (tempo != appliedTempo_) {
        stretcher_->setTimeRatio(1.0 / tempo);
        appliedTempo_ = tempo;
    }
    if (cents != appliedCents_) {
        stretcher_->setPitchScale(pitchScale(cents));
        appliedCents_ = cents;
    }
}

void TimeStretcher::restart(double tempo, double cents, bool spread) noexcept {
    stretcher_->reset();
    // Rubber Band's reset() keeps each bin's phase from before, and mixed transients never
    // reset the 150-1000 Hz band, so the new start would come out of phase with the source
    // there. A crisp onset at the start resets every phase; back to mixed once it has been
    // made (noteRetrieved). Its resampler keeps its buffer across reset(): see
    // kResamplerHistory.
    stretcher_->setTransientsOption(RubberBandStretcher::OptionTransientsCrisp);
    appliedTempo_ = tempo;
    appliedCents_ = cents;
    stretcher_->setTimeRatio(1.0 / tempo);
    stretcher_->setPitchScale(pitchScale(cents));
    runHead_ = 0;
    runCount_ = 0;
    pulled_ = 0.0;
    heard_ = 0.0;
    // Real-time mode does no start compensation: pad the input with silence and trim the
    // start delay off the output, so output frame 0 is the source's first frame.
    // Spread, the pad is fed by primeStep() over the next renders.
    padLeft_ = static_cast<int>(stretcher_->getPreferredStartPad());
    fadeInDone_ = static_cast<int>(fadeIn_.size());
    std::fill(inLeft_.begin(), inLeft_.end(), 0.0f);
    std::fill(inRight_.begin(), inRight_.end(), 0.0f);
    while (!spread && padLeft_ > 0) {
        const int k = std::min(padLeft_, maxProcess_);
        feed(inLeft_.data(), inRight_.data(), k, false);
        padLeft_ -= k;
    }
    const auto history = static_cast<int>(std::lround(kResamplerHistory / pitchScale(cents)));
    discard_ = static_cast<int>(stretcher_->getStartDelay()) + history;
    // Output is tagged with the tempo it was made at one start delay late: a new ratio
    // reaches the output only through the hops already in the synthesis window. (Tagged at
    // once, a speed-trainer ramp from 0.7 to 1.0 left the position 6 ms off for good;
    // delayed, it stays within 0.5 ms of the steady-state alignment.)
    pushRun(discard_);
    crispFrames_ = 2 * static_cast<int>(stretcher_->getPreferredStartPad());
    startDelay_.store(discard_, std::memory_order_relaxed);
}

void TimeStretcher::pushRun(int frames) noexcept {
    if (frames <= 0) return;
    if (runCount_ > 0) {
        Run& back = runs_[static_cast<std::size_t>((runHead_ + runCount_ - 1) % kRuns)];
        // Full (only after dozens of tempo changes within one buffer): merge, slightly off.
        if (back.tempo == appliedTempo_ || runCount_ == kRuns) {
            back.frames += frames;
            return;
        }
    }
    runs_[static_cast<std::size_t>((runHead_ + runCount_) % kRuns)] = {frames, appliedTempo_};
    ++runCount_;
}

void TimeStretcher::noteRetrieved(int frames, bool heard) noexcept {
    const int retrieved = frames;
    while (frames > 0 && runCount_ > 0) {
        Run& front = runs_[static_cast<std::size_t>(runHead_)];
        const int take = std::min(frames, front.frames);
        if (heard) heard_ += take * front.tempo;
        front.frames -= take;
        frames -= take;
        if (front.frames == 0) {
            runHead_ = (runHead_ + 1) % kRuns;
            --runCount_;
        }
    }
    if (heard) heard_ += frames * appliedTempo_;  // output the runs missed (not expected)
    if (heard && crispFrames_ > 0) {
        crispFrames_ -= retrieved;  // a full analysis window after the start: the onset is done
        if (crispFrames_ <= 0)
            stretcher_->setTransientsOption(RubberBandStretcher::OptionTransientsMixed);
    }
}

void TimeStretcher::readSource(Source source, float* left, float* right, int frames) noexcept {
    source(left, right, frames);
    // Rubber Band must never see a NaN, an infinity or an absurd level: its phase vocoder
    // keeps them in its state (stuck at full-scale noise or DC, "MovingMedian: NaN" on stderr
    // every block). Silenced here, they are silence to it: its state stays finite and the
    // music comes back as soon as the source is clean, with no restart (which would drop
    // the audio it holds). One vectorised pass per piece fed.
    const float peak = detail::stereoPeak(detail::peakOf(left, frames),
                                          detail::peakOf(right, frames), left, right, frames);
    if (detail::busIsSane(peak)) return;
    detail::silenceInsane(left, frames);
    detail::silenceInsane(right, frames);
    silenced_.fetch_add(1, std::memory_order_relaxed);
}

void TimeStretcher::feed(const float* left, const float* right, int frames,
                         bool fromSource) noexcept {
    for (int done = 0; done < frames;) {
        const int k = std::min(frames - done, maxProcess_);
        const float* const input[2] = {left + done, right + done};
        const int before = std::max(stretcher_->available(), 0);
        stretcher_->process(input, static_cast<std::size_t>(k), false);
        pushRun(std::max(stretcher_->available(), 0) - before);
        if (fromSource) pulled_ += k;
        done += k;
    }
}

void TimeStretcher::drainDiscard() noexcept {
    for (int available = stretcher_->available(); discard_ > 0 && available > 0;
         available = stretcher_->available()) {
        const int k = std::min({available, discard_, maxProcess_});
        float* const trash[2] = {trashLeft_.data(), trashRight_.data()};
        stretcher_->retrieve(trash, static_cast<std::size_t>(k));
        discard_ -= k;
        noteRetrieved(k, false);  // the pad and the resampler's history: no source frame
    }
}

void TimeStretcher::primeStep(int n, Source source) noexcept {
    // The work is in Rubber Band's hops (an FFT pair per channel each), not in the frames fed:
    // the pad and the first input only fill its buffer. So feed in small pieces and stop once
    // as many hops have run as a steady render of n frames would run.
    const int hopsAllowed = std::max(1, n / kPrimeHopFrames);
    int hops = 0;
    for (int feeds = 0; feeds < kMaxPrimeFeedsPerRender; ++feeds) {
        drainDiscard();
        if ((padLeft_ == 0 && discard_ == 0) || hops >= hopsAllowed) break;
        const int before = std::max(stretcher_->available(), 0);
        if (padLeft_ > 0) {
            const int k = std::min(padLeft_, kPrimeHopFrames);
            std::fill_n(inLeft_.begin(), k, 0.0f);
            std::fill_n(inRight_.begin(), k, 0.0f);
            feed(inLeft_.data(), inRight_.data(), k, false);
            padLeft_ -= k;
        } else {
            const auto required = static_cast<int>(stretcher_->getSamplesRequired());
            const int k = std::clamp(required, 1, kPrimeHopFrames);
            readSource(source, inLeft_.data(), inRight_.data(), k);
            feed(inLeft_.data(), inRight_.data(), k, true);
        }
        if (stretcher_->available() > before) ++hops;
    }
    drainDiscard();
    if (padLeft_ == 0 && discard_ == 0) {
        transition(Event::Primed);
        fadeInDone_ = 0;  // the output starts from the silence it gave meanwhile
    }
}

void TimeStretcher::fadeInAfterPriming(float* left, float* right, int n) noexcept {
    const int fade = static_cast<int>(fadeIn_.size());
    const int k = std::min(n, fade - fadeInDone_);
    for (int i = 0; i < k; ++i) {
        const float g = fadeIn_[static_cast<std::size_t>(fadeInDone_ + i)];
        left[i] *= g;
        right[i] *= g;
    }
    fadeInDone_ += std::max(k, 0);
}

bool TimeStretcher::passesThrough() const noexcept {
    if (!stretcher_) return true;
    return state_ == State::Bypassed && tempo_.load(std::memory_order_relaxed) == 1.0 &&
           pitchCents_.load(std::memory_order_relaxed) == 0.0 &&
           !active_.load(std::memory_order_relaxed) &&
           latency_.load(std::memory_order_relaxed) == 0.0;
}

void TimeStretcher::publish() noexcept {
    const bool stretched =
        stretching() && state_ != State::SwitchingOut && state_ != State::SwitchingOutUnprimed;
    latency_.store(stretched ? pulled_ - heard_ : 0.0, std::memory_order_relaxed);
    active_.store(stretching(), std::memory_order_relaxed);
}

void TimeStretcher::produce(float* left, float* right, int n, Source source,
                            bool silentInput) noexcept {
    int done = 0;
    int feeds = 0;
    while (done < n) {
        const int available = stretcher_->available();
        if (available > 0) {
            if (discard_ > 0) {
                drainDiscard();
                continue;
            }
            const int k = std::min(available, n - done);
            float* const out[2] = {left + done, right + done};
            stretcher_->retrieve(out, static_cast<std::size_t>(k));
            noteRetrieved(k, true);
            done += k;
            continue;
        }
        if (++feeds > kMaxFeedsPerRender) {
            std::fill(left + done, left + n, 0.0f);
            std::fill(right + done, right + n, 0.0f);
            return;
        }
        const auto required = static_cast<int>(stretcher_->getSamplesRequired());
        const int k = required > 0 ? std::min(required, maxProcess_) : maxProcess_;
        if (silentInput) {
            std::fill_n(inLeft_.begin(), k, 0.0f);
            std::fill_n(inRight_.begin(), k, 0.0f);
        } else {
            readSource(source, inLeft_.data(), inRight_.data(), k);
        }
        feed(inLeft_.data(), inRight_.data(), k, !silentInput);
    }
}

void TimeStretcher::render(float* left, float* right, int n, Source source) noexcept {
    if (n <= 0) return;
    if (!stretcher_) {
        source(left, right, n);
        return;
    }
    const double tempo = tempo_.load(std::memory_order_relaxed);
    const double cents = pitchCents_.load(std::memory_order_relaxed);
    const bool want = tempo != 1.0 || cents != 0.0;
    const int fade = static_cast<int>(fadeIn_.size());
    int done = 0;
    while (done < n) {
        if (!crossfading() && want != stretching()) {
            // The next `fade` source frames are the unstretched side of the crossfade.
            readSource(source, rawLeft_.data(), rawRight_.data(), fade);
            if (want) {
                // Switching in: the stretcher starts on those very frames.
                restart(tempo, cents, false);
                feed(rawLeft_.data(), rawRight_.data(), fade, true);
                transition(Event::SwitchIn);
            } else {
                transition(Event::SwitchOut);
            }
            transitionDone_ = 0;
        }
        float* l = left + done;
        float* r = right + done;
        if (!crossfading()) {
            if (!stretching()) {
                source(l, r, n - done);
            } else {
                if (state_ == State::RestartAtOnce || state_ == State::RestartSpread) {
                    restart(tempo, cents, state_ == State::RestartSpread);
                    transition(Event::Restarted);
                }
                applySettings(tempo, cents);
                if (state_ == State::Priming) {
                    primeStep(n - done, source);
                    std::fill(l, l + (n - done), 0.0f);
                    std::fill(r, r + (n - done), 0.0f);
                } else {
                    produce(l, r, n - done, source, false);
                    fadeInAfterPriming(l, r, n - done);
                }
            }
            break;
        }
        const int m = std::min(n - done, fade - transitionDone_);
        const float* rawL = rawLeft_.data() + transitionDone_;
        const float* rawR = rawRight_.data() + transitionDone_;
        // The stretched side is fed from the same source frames as the unstretched side but
        // never lines up with it sample for sample (Rubber Band's alignment varies by a few
        // ms, and a pitch shift changes the waveform), and on the way out it lags
        // by the whole latency: two different signals either way, so an equal-power
        // crossfade, as at a loop seam.
        const bool in = state_ == State::SwitchingIn;
        // Switching out, the stretcher needs no more of the source for these few frames
        // (they come out a latency later): silence keeps it going.
        if (!in && priming()) {  // switching out before a spread restart gave any output
            std::fill(l, l + m, 0.0f);
            std::fill(r, r + m, 0.0f);
        } else {
            produce(l, r, m, source, !in);
        }
        const float* rising = fadeIn_.data() + transitionDone_;
        const float* falling = fadeIn_.data() + (fade - 1 - transitionDone_);  // read backwards
        for (int i = 0; i < m; ++i) {
            const float stretched = in ? rising[i] : falling[-i];
            const float raw = in ? falling[-i] : rising[i];
            l[i] = l[i] * stretched + rawL[i] * raw;
            r[i] = r[i] * stretched + rawR[i] * raw;
        }
        transitionDone_ += m;
        done += m;
        if (transitionDone_ == fade) transition(Event::CrossfadeDone);
    }
    publish();
}

}  // namespace stemdeck::audio
