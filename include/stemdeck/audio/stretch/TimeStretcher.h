#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "stemdeck/audio/core/FunctionRef.h"
#include "stemdeck/audio/core/Limits.h"

namespace RubberBand {
class RubberBandStretcher;
}

namespace stemdeck::audio {

// Tempo without pitch change and transposition without tempo change, on the stereo mix (one
// stretcher whatever the stem count): Rubber Band's real-time R2 engine, pulled from the
// audio callback. The caller's source renders the unstretched stream on demand.
//
// At tempo 1 and pitch 0 the stretcher is out of the path (bit-exact, no cost). Switching it in
// or out is an equal-power crossfade over kTransitionMs: in, from the source into the
// stretcher's output, which starts on the same frame to within a few ms (Rubber Band's start
// pad and start delay); out, from the stretched output into the source where it has been
// read up to, a jump of latencyFrames() as at a loop seam. Tempo and pitch changes while
// stretching are smooth (Rubber Band's own). Transients are R2's "mixed", not its "crisp"
// default, which detunes sustained notes in real-time mode (see TimeStretcher.cpp).
//
// Cost at 48 kHz (bench/StretchBench.cpp): about 0.4-0.5 ms of CPU per 256-frame block while
// stretching, in bursts of one FFT hop per block or two. A restart (start pad, start delay and
// the hops before any output: about 2.5 ms of work) is done at once when switching in, and
// after a seek either at once (offline) or spread (real time): a few renders, each running
// about the hops a steady render runs, play silence (5 renders up to 256 frames, so 7-27 ms;
// 2 at 1024 frames, 43 ms), then the output fades in. No callback then costs much more than a
// steady one, even at 64 frames.
class TimeStretcher {
  public:
    // How the restart after a reset() is done: in the next render (exact, for offline renders)
    // or spread over the next renders, each running about the hops a steady render runs.
    enum class Restart { AtOnce, Spread };

    static constexpr double kMinTempo = limits::kMinTempoRatio;
    static constexpr double kMaxTempo = limits::kMaxTempoRatio;
    static constexpr double kMaxPitchCents = limits::kMaxPitchCents;  // +-12 semitones
    static constexpr double kTransitionMs = 5.0;

    // Writes the next `frames` frames of the unstretched stream into left/right.
    using Source = FunctionRef<void(float* left, float* right, int frames)>;

    TimeStretcher();
    ~TimeStretcher();
    TimeStretcher(const TimeStretcher&) = delete;
    TimeStretcher& operator=(const TimeStretcher&) = delete;

    // Control thread, while no audio thread uses it. Creates the stretcher and every buffer
    // and warms it up at every extreme of tempo and pitch, so the audio thread never
    // allocates, whatever the callback size. Keeps tempo and pitch. Takes 0.1-0.2 s and
    // depends on nothing but the rate: once per output rate, not per song. Throws
    // std::invalid_argument for a rate outside limits::kMinSampleRate..kMaxSampleRate.
    void prepare(int sampleRate);
    bool prepared() const { return stretcher_ != nullptr; }

    // Any thread. Tempo is clamped to [kMinTempo, kMaxTempo] (time ratio 1 / tempo); pitch to
    // +-kMaxPitchCents.
    void setTempo(double tempo);
    double tempo() const { return tempo_.load(std::memory_order_relaxed); }
    void setPitch(int semitones, double cents = 0.0);
    void setPitchCents(double cents);
    double pitchCents() const { return pitchCents_.load(std::memory_order_relaxed); }
    // Any thread: tempo 1 and pitch 0, where the audio passes untouched.
    bool neutral() const { return tempo() == 1.0 && pitchCents() == 0.0; }
    // Any thread: whether the audio thread is stretching (false when bypassed).
    bool active() const { return active_.load(std::memory_order_relaxed); }

    // Any thread: source frames read but not yet heard, as of the end of the last render: the
    // transport reports position - latencyFrames() as the position the listener hears. 0 in
    // bypass. It moves by up to one Rubber Band hop between blocks as input is read in hops.
    double latencyFrames() const { return latency_.load(std::memory_order_relaxed); }
    // Any thread: Rubber Band's start delay and its resampler's history (output frames
    // trimmed, standing for no source frame, when the stretcher last started): the fixed part
    // of the latency.
    int startDelay() const { return startDelay_.load(std::memory_order_relaxed); }

    // Audio thread. Writes n frames (any n) of the (possibly stretched) stream into left/right.
    // Source samples that are NaN, infinite or beyond +120 dBFS reach Rubber Band as silence
    // (see silencedPieces()); in bypass they pass untouched (the limiter after it cleans them).
    void render(float* left, float* right, int n, Source source) noexcept;
    // Audio thread: drops buffered audio after the transport jumps (seek), so the next render
    // starts on the source's new position. Cheap itself: the restart happens in render (or
    // prime), at once or spread.
    void reset(Restart how = Restart::AtOnce) noexcept;
    // Audio thread, while the transport is silent (starting to play): when tempo or pitch
    // ask for stretching and it is bypassed, engages it without the switch-in crossfade (there
    // is nothing to fade from), with a restart done `how`.
    void engageWhileSilent(Restart how) noexcept;
    // Audio thread: does the next step of a spread restart without output (the transport's
    // count-in calls it, so the song starts on time after the count-in). Nothing otherwise.
    void prime(int n, Source source) noexcept;
    // Any thread: pieces of source the audio thread silenced (in part) before Rubber Band
    // could see them, because they held a NaN, an infinity or a level beyond +120 dBFS.
    std::uint64_t silencedPieces() const { return silenced_.load(std::memory_order_relaxed); }

    // Audio thread: a spread restart is under way (renders give silence; the position heard
    // stays where the seek went).
    // Audio thread: the next render() would hand the source's frames through untouched and
    // publish nothing new (bypassed, tempo 1 and pitch 0 asked for, already published as
    // such; or built without a stretcher). The transport's steady path skips render() then.
    bool passesThrough() const noexcept;
    bool priming() const noexcept {
        return state_ == State::RestartSpread || state_ == State::Priming ||
               state_ == State::SwitchingOutUnprimed;
    }

  private:
    // Where the audio thread is. Every move is made by transition(), which holds this table:
    //
    //   state                        event          next state
    //   Bypassed                     SwitchIn       SwitchingIn (restarted at once, then fed)
    //   Bypassed                     Engage(how)    RestartAtOnce / RestartSpread
    //   SwitchingIn                  CrossfadeDone  Stretching
    //   RestartAtOnce                Restarted      Stretching
    //   RestartSpread                Restarted      Priming
    //   Priming                      Primed         Stretching (the output fades in first)
    //   RestartAtOnce, Stretching    SwitchOut      SwitchingOut
    //   RestartSpread, Priming       SwitchOut      SwitchingOutUnprimed (silence fades out)
    //   SwitchingOut*                CrossfadeDone  Bypassed
    //   SwitchingOut*                Reset          Bypassed (nothing left to fade)
    //   any other but Bypassed       Reset(how)     RestartAtOnce / RestartSpread
    enum class State {
        Bypassed,              // tempo 1 and pitch 0: the source passes untouched
        SwitchingIn,           // crossfading from the source into the stretcher
        RestartAtOnce,         // stretching; the next render restarts Rubber Band at once
        RestartSpread,         // stretching; the next render or prime starts a spread restart
        Priming,               // a spread restart under way: renders give silence
        Stretching,            // steady
        SwitchingOut,          // crossfading from the stretcher back into the source
        SwitchingOutUnprimed,  // the same before a spread restart gave any output
    };
    enum class Event { SwitchIn, SwitchOut, CrossfadeDone, Engage, Reset, Restarted, Primed };
    void transition(Event event, Restart how = Restart::AtOnce) noexcept;
    bool stretching() const noexcept { return state_ != State::Bypassed; }
    bool crossfading() const noexcept {
        return state_ == State::SwitchingIn || state_ == State::SwitchingOut ||
               state_ == State::SwitchingOutUnprimed;
    }

    void applySettings(double tempo, double cents) noexcept;
    void restart(double tempo, double cents, bool spread) noexcept;
    void primeStep(int n, Source source) noexcept;
    void drainDiscard() noexcept;
    void fadeInAfterPriming(float* left, float* right, int n) noexcept;
    void publish() noexcept;  // latency_ and active_ for other threads
    // The next `frames` source frames, cleaned for Rubber Band (see kMaxBusMagnitude).
    void readSource(Source source, float* left, float* right, int frames) noexcept;
    void feed(const float* left, const float* right, int frames, bool fromSource) noexcept;
    void pushRun(int frames) noexcept;
    void produce(float* left, float* right, int n, Source source, bool silentInput) noexcept;
    void noteRetrieved(int frames, bool heard) noexcept;
    void warmUp();

    std::unique_ptr<RubberBand::RubberBandStretcher> stretcher_;
    int sampleRate_ = 0;
    int maxProcess_ = 0;
    std::vector<float> inLeft_, inRight_;        // input to the stretcher, maxProcess_ long
    std::vector<float> trashLeft_, trashRight_;  // output dropped after a restart
    std::vector<float> rawLeft_, rawRight_;      // the unstretched side of a transition
    std::vector<float> fadeIn_;                  // equal-power gains of a transition

    // Audio-thread state.
    State state_ = State::Bypassed;
    int padLeft_ = 0;         // start pad still to feed in a spread restart
    int fadeInDone_ = 0;      // frames of the fade-in after it (fadeIn_.size() when none)
    int transitionDone_ = 0;  // frames of the switch-in or switch-out crossfade played
    double appliedTempo_ = 1.0;
    double appliedCents_ = 0.0;
    int discard_ = 0;      // output frames still to drop after a restart (none from source)
    int crispFrames_ = 0;  // output frames to go before transients return to mixed
    double pulled_ = 0.0;  // source frames fed since the restart
    double heard_ = 0.0;   // source frames those output frames stand for
    // Output Rubber Band has produced and not yet given out, in runs of one tempo: output made
    // at tempo t stands for t source frames per frame.
    struct Run {
        int frames;
        double tempo;
    };
    static constexpr int kRuns = 64;
    std::array<Run, kRuns> runs_{};
    int runHead_ = 0;
    int runCount_ = 0;

    // Shared state.
    std::atomic<double> tempo_{1.0};
    std::atomic<double> pitchCents_{0.0};
    std::atomic<bool> active_{false};
    std::atomic<double> latency_{0.0};
    std::atomic<int> startDelay_{0};
    std::atomic<std::uint64_t> silenced_{0};
};

}  // namespace stemdeck::audio
